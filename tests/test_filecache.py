"""Caches keyed by file version: `mkdocs serve` keeps the hooks loaded, so an edit of the
data, the schema or a string table between two calls must be seen by the second one,
while an unchanged file is not read again."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from mkdocs.utils.yaml import yaml_load

import kb.adapter.files as adapter
import kb.state
import kb.strings
import kb.validate
import kb.validate.schema
from conftest import LANGUAGES
from kb.errors import DataErrors
from kb.filecache import by_file_version, file_version
from kb.load import parse
from kb.settings import read_settings
from kb.state import current_state
from kb.strings import strings
from kb.validate import is_valid, validate

SITE_URL = "https://example.fi/"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture()
def schema(root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the schema that every module reading it uses."""
    copy = tmp_path / "measures.schema.json"
    shutil.copy(root / "schema/measures.schema.json", copy)
    for module in (kb.validate, kb.validate.schema, kb.state, adapter):
        monkeypatch.setattr(module, "SCHEMA_PATH", copy)
    return copy


@pytest.fixture()
def tables(root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the string tables, used by kb.strings."""
    folder = tmp_path / "strings"
    shutil.copytree(root / "hooks/strings", folder)
    monkeypatch.setattr(kb.strings, "STRINGS_DIR", folder)
    return folder


@pytest.fixture()
def data(tmp_path: Path, small_yaml: str) -> Path:
    path = tmp_path / "measures.yaml"
    path.write_text(small_yaml, encoding="utf-8")
    return path


def _no_completed_status(schema: Path) -> None:
    _edit(schema, '"enum": [\n            "completed",\n', '"enum": [\n')


def test_the_version_of_a_file_changes_with_an_edit_and_a_missing_file_has_one(
    tmp_path: Path,
) -> None:
    path = tmp_path / "a.txt"
    missing = file_version(path)
    path.write_text("one", encoding="utf-8")
    first = file_version(path)
    assert first == file_version(path)
    path.write_text("three", encoding="utf-8")
    assert len({missing, first, file_version(path)}) == 3
    mtime = path.stat().st_mtime_ns
    second = file_version(path)
    path.write_text("other", encoding="utf-8")  # same size, modification time set back
    os.utime(path, ns=(mtime, mtime))
    assert file_version(path) != second  # the change time still moved


def test_a_loader_is_called_again_only_when_its_file_changes(tmp_path: Path) -> None:
    path = tmp_path / "n.txt"
    path.write_text("1", encoding="utf-8")
    calls: list[str] = []

    @by_file_version(lambda: (path,))
    def load() -> str:
        calls.append("x")
        return path.read_text(encoding="utf-8")

    assert (load(), load()) == ("1", "1")
    path.write_text("22", encoding="utf-8")
    assert (load(), load()) == ("22", "22")
    assert len(calls) == 2


def test_an_edited_string_table_is_read_again(tables: Path) -> None:
    first = strings("fi")
    assert strings("fi") is first  # unchanged: the cached table
    _edit(tables / "fi.yaml", "browse_title: Selaa tuloksia", "browse_title: Selaa kaikkia")
    assert strings("fi")["browse_title"] == "Selaa kaikkia"
    assert strings("sv") is strings("sv")


def test_an_edited_string_table_that_breaks_the_rules_is_reported_then_fixed(
    tables: Path,
) -> None:
    strings("sv")
    _edit(tables / "sv.yaml", "browse_title:", "browse_titel:")
    with pytest.raises(kb.strings.StringsError, match="differs from fi.yaml"):
        strings("sv")
    _edit(tables / "sv.yaml", "browse_titel:", "browse_title:")
    assert "browse_title" in strings("sv")


def test_an_edited_schema_is_used_by_every_check(schema: Path, data: Path) -> None:
    text = data.read_text(encoding="utf-8")
    loaded, _ = parse(text, "measures.yaml")
    assert loaded is not None
    assert is_valid(loaded.data, text) and validate(loaded, "measures.yaml") == []
    _no_completed_status(schema)
    assert not is_valid(loaded.data, text)  # the fast check (jsonschema-rs)
    errors = validate(loaded, "measures.yaml")  # the located messages (jsonschema)
    assert errors and all(e.field == "status" for e in errors)


def test_the_state_follows_edits_of_the_data_and_of_the_schema(schema: Path, data: Path) -> None:
    first = current_state(data, "data/measures.yaml")
    assert current_state(data, "data/measures.yaml") is first
    _edit(data, "sv: Mentorprogrammet för offentlig upphandling}", "sv: Mentorprogrammet}")
    second = current_state(data, "data/measures.yaml")
    assert second.site.record_by_id["mentor-programme-2022"].title.sv == "Mentorprogrammet"
    _no_completed_status(schema)
    with pytest.raises(DataErrors, match="status"):
        current_state(data, "data/measures.yaml")


def test_the_open_data_follows_edits_of_the_schema_and_the_strings(
    schema: Path, tables: Path, data: Path, root: Path
) -> None:
    state = current_state(data, "data/measures.yaml")
    with open(root / "mkdocs.yml", encoding="utf-8") as file:
        settings = read_settings(yaml_load(file)["extra"], LANGUAGES)
    contact = ("kirjaamo@vm.fi", None)
    landing = (("fi", ""), ("sv", "sv/"))

    def shared() -> tuple[adapter.DatasetMeta, dict[str, str]]:
        meta, files = adapter.shared_files(state, SITE_URL, settings, contact, landing)
        return meta, dict(files)

    meta, files = shared()
    assert shared()[0] is meta
    _edit(schema, '"title": "Results knowledge base', '"title": "Muokattu skeema: results')
    meta, files = shared()
    assert "Muokattu skeema" in files["data/measures.schema.json"]
    _edit(tables / "fi.yaml", "export_json: Kaikki tiedot", "export_json: Koko aineisto")
    meta, _ = shared()
    assert any(export.title.fi.startswith("Koko aineisto") for export in meta.exports)
