"""Translation status per field: the logic (ok -> stale on an edit -> ok after marking;
missing) and the command line (table, JSON, annotations, --mark, bad companion file)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kb.load import parse
from kb.translations import (
    Field,
    baseline,
    data_fields,
    fingerprint,
    mark,
    read_links,
    status_of,
)
from kb_translations_cli import LINKS, github_annotations, main

DATA = """\
areas:
  - id: innovation
    number: 5
    name: {fi: Innovaatiot, sv: Innovationer}
records:
  - id: mentor
    title:
      fi: Mentorointiohjelma
      sv: Mentorprogrammet
    figures:
      - {value: 114, label: {fi: osallistujaa, sv: deltagare}}
    keywords: {fi: [mentorointi], sv: [mentorskap]}
"""


def _fields(text: str = DATA) -> list[Field]:
    loaded, errors = parse(text, "data/measures.yaml")
    assert loaded is not None, errors
    return data_fields(loaded, "data/measures.yaml")


def _by(fields: list[Field], owner: str, name: str) -> Field:
    return next(f for f in fields if f.owner == owner and f.field == name)


def test_fields_are_every_bilingual_text_with_the_swedish_line() -> None:
    fields = _fields()
    assert [(f.section, f.owner, f.field) for f in fields] == [
        ("areas", "innovation", "name"),
        ("records", "mentor", "title"),
        ("records", "mentor", "figures[0].label"),
        ("records", "mentor", "keywords"),
    ]
    assert _by(fields, "mentor", "title").line == 9  # the line of `sv:`


def test_ok_then_stale_after_a_finnish_edit_then_ok_after_marking() -> None:
    links = baseline(_fields())
    assert status_of(_by(_fields(), "mentor", "title"), links).status == "ok"
    edited = DATA.replace("fi: Mentorointiohjelma", "fi: Valtakunnallinen mentorointiohjelma")
    title = _by(_fields(edited), "mentor", "title")
    stale = status_of(title, links)
    assert (stale.status, stale.reason) == ("stale", "finnish-changed")
    others = [status_of(f, links).status for f in _fields(edited) if f.field != "title"]
    assert others == ["ok", "ok", "ok"]  # one edit makes one field stale
    assert status_of(title, mark(links, [title])).status == "ok"
    assert status_of(title, links).status == "stale"  # mark returns a copy


def test_swedish_edit_and_rewrapping_keep_a_field_ok() -> None:
    links = baseline(_fields())
    edited = DATA.replace("sv: Mentorprogrammet", "sv: Mentorprogrammet 2022").replace(
        "fi: Mentorointiohjelma", "fi: >-\n        Mentorointiohjelma\n"
    )
    assert {status_of(f, links).status for f in _fields(edited)} == {"ok"}
    assert fingerprint("a  b\n c") == fingerprint("a b c") != fingerprint("a b  d")


def test_missing_either_language_and_never_reviewed() -> None:
    text = DATA.replace("      sv: Mentorprogrammet\n", "").replace(", sv: [mentorskap]", "")
    fields = _fields(text)
    title = status_of(_by(fields, "mentor", "title"), {})
    assert (title.status, title.reason) == ("missing", "swedish-missing")
    assert status_of(_by(fields, "mentor", "keywords"), {}).status == "missing"
    no_fi = _fields(DATA.replace("{fi: Innovaatiot, sv: Innovationer}", "{sv: Innovationer}"))
    assert status_of(_by(no_fi, "innovation", "name"), {}).reason == "finnish-missing"
    new = status_of(_by(_fields(), "mentor", "title"), {})  # a new record: no link yet
    assert (new.status, new.reason) == ("stale", "never-reviewed")
    assert mark({}, [_by(fields, "mentor", "title")]) == {}  # nothing to mark without sv


@pytest.mark.parametrize(
    ("text", "where", "expected"),
    [
        ("records:\n  mentor:\n    title: nothex\n", ":3:12", "12 hex digits"),
        ("recrods: {}\n", ":1:1", "unknown block"),
        ("records:\n  mentor: abc\n", ":2:11", "block of fields"),
        ("records:\n  mentor: {title: 0123456789ab, title: 0123456789ab}\n", ":2:", "twice"),
        ("records: [\n", ":", ""),
    ],
)
def test_bad_companion_file_is_located(text: str, where: str, expected: str) -> None:
    links, errors = read_links(text, LINKS)
    assert errors, text
    assert where in str(errors[0]) and expected in str(errors[0])


def _project(tmp_path: Path, root: Path) -> Path:
    (tmp_path / "data").mkdir()
    (tmp_path / "data/measures.yaml").write_text(DATA, encoding="utf-8")
    for lang, name in (("fi", "ohje.md"), ("sv", "anvisning.md")):
        (tmp_path / "docs" / lang).mkdir(parents=True)
        (tmp_path / "docs" / lang / name).write_text(
            f"---\ntranslation: {'anvisning.md' if lang == 'fi' else 'ohje.md'}\n---\n# {lang}\n",
            encoding="utf-8",
        )
    return tmp_path


def _json(capsys: pytest.CaptureFixture[str], project: Path, *args: str) -> tuple[int, list]:
    code = main(["--json", *args], project)
    return code, json.loads(capsys.readouterr().out)


def test_command_line_round_trip(
    tmp_path: Path, root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _project(tmp_path, root)
    code, rows = _json(capsys, project)
    assert code == 0 and {r["status"] for r in rows} == {"stale"}
    assert {"record": "ohje.md", "field": "text", "status": "stale"}.items() <= rows[-1].items()
    assert main(["--mark-all"], project) == 0
    capsys.readouterr()
    code, rows = _json(capsys, project)
    assert code == 0 and {r["status"] for r in rows} == {"ok"}
    data = project / "data/measures.yaml"
    data.write_text(DATA.replace("fi: Mentorointiohjelma", "fi: Uusi nimi"), encoding="utf-8")
    page = project / "docs/fi/ohje.md"
    page.write_text(page.read_text(encoding="utf-8") + "Uusi kappale.\n", encoding="utf-8")
    _, rows = _json(capsys, project)
    stale = [(r["record"], r["field"], r["line"]) for r in rows if r["status"] == "stale"]
    assert stale == [("mentor", "title", 9), ("ohje.md", "text", 1)]
    assert main(["--github"], project) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("::warning file=data/measures.yaml,line=9,")
    assert out[1].startswith("::warning file=docs/sv/anvisning.md,line=1,")
    assert main(["--mark", "mentor", "title"], project) == 0
    assert main(["--mark", "ohje.md"], project) == 0
    capsys.readouterr()
    _, rows = _json(capsys, project)
    assert {r["status"] for r in rows} == {"ok"}
    (project / "docs/sv/anvisning.md").unlink()
    shutil.copy(project / "docs/fi/ohje.md", project / "docs/fi/toinen.md")
    page.write_text("# fi\n", encoding="utf-8")  # no translation: line any more
    code, rows = _json(capsys, project)
    assert code == 1
    assert ("ohje.md", "missing") in {(r["record"], r["status"]) for r in rows}


def test_command_line_refuses_unknown_ids_and_bad_files(
    tmp_path: Path, root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _project(tmp_path, root)
    assert main(["--mark", "nosuch"], project) == 2
    assert "no record, area, organisation or page 'nosuch'" in capsys.readouterr().err
    assert main(["--mark", "mentor", "titel"], project) == 2
    assert "its fields are: title, figures[0].label, keywords" in capsys.readouterr().err
    (project / LINKS).write_text("records:\n  mentor:\n    title: 42\n", encoding="utf-8")
    assert main([], project) == 2
    err = capsys.readouterr().err
    assert "data/translations.yaml:3:12: field 'records.mentor.title'" in err
    assert "Traceback" not in err
    (project / "data/measures.yaml").write_text("records: [\n", encoding="utf-8")
    assert main([], project) == 2
    assert "data/measures.yaml:" in capsys.readouterr().err


def test_annotations_escape_newlines_and_percent() -> None:
    field = Field("records", "a%b", "title", "x", "y", "data/measures.yaml", 3)
    row = status_of(field, {"records": {"a%b": {"title": "000000000000"}}})
    (line,) = github_annotations([row])
    assert "a%25b" in line and "\n" not in line


def test_real_data_has_every_translation_and_a_readable_companion_file(root: Path) -> None:
    assert main(["--json"], root) == 0


def test_guides_and_readme_explain_the_workflow(root: Path) -> None:
    for page in ("docs/fi/sisallontuottajan-ohje.md", "docs/sv/anvisning-for-redaktorer.md"):
        text = (root / page).read_text(encoding="utf-8")
        for phrase in ("bash scripts/translations", "--mark ", "data/translations.yaml"):
            assert phrase in text, (page, phrase)
        assert "stale" in text and "missing" in text
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert "data/translations.yaml" in readme and "--github" in readme


def test_a_reader_closing_the_pipe_early_gets_no_traceback(root: Path) -> None:
    import subprocess
    import sys

    proc = subprocess.Popen(
        [sys.executable, "hooks/kb_translations_cli.py", "--json"],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline().strip() == b"["
    proc.stdout.close()  # as `| head -1` does
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert "Traceback" not in err


def test_pull_requests_and_pre_commit_check_the_translations(root: Path) -> None:
    import yaml

    template = (root / ".github/pull_request_template.md").read_text(encoding="utf-8")
    assert template.count("bash scripts/translations --mark") == 2  # fi and sv
    config = yaml.safe_load((root / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {h["id"]: h for repo in config["repos"] for h in repo["hooks"]}
    assert hooks["translations"]["entry"] == "bash scripts/translations --stale"
