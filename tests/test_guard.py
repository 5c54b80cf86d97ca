"""The guard against silent drops (kb.guard): a build that did not write a page, a
language, an open-data file or the search index the data implies fails naming what is
missing, and the last good site stays byte for byte.

The build tests add a second, small hook to a copy of the project that does what a future
MkDocs, theme or plugin version might: drop generated files, skip writing pages, skip a
language, or index only one language."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import LANGUAGES, build, copy_project, with_linked_records
from kb.adapter.parallel import SERIAL_ENV
from kb.guard import (
    SHOWN_PER_GROUP,
    Expected,
    dropped,
    missing,
    page_outputs,
    report,
    search_outputs,
)
from kb.pages import PageSpec, page_specs
from kb.pairs import Pairs, build_pairs, handwritten
from kb.state import read_state
from kb.strings import strings


def _write(site: Path, expected: list[Expected]) -> None:
    for item in expected:
        path = site / item.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")


@pytest.fixture(scope="module")
def pairs(
    root: Path, tmp_path_factory: pytest.TempPathFactory, small_yaml: str
) -> tuple[Pairs, list[PageSpec]]:
    data = tmp_path_factory.mktemp("guard-data") / "measures.yaml"
    data.write_text(with_linked_records(small_yaml, root), encoding="utf-8")
    site = read_state(data, "data/measures.yaml").site
    specs = page_specs(site, "fi", strings("fi"))
    pages, problems = handwritten(root / "docs", LANGUAGES)
    assert problems == []
    found, problems = build_pairs(pages, [s.path for s in specs], LANGUAGES)
    assert problems == []
    return found, specs


def test_every_page_is_expected_in_every_language_with_its_group(
    pairs: tuple[Pairs, list[PageSpec]],
) -> None:
    found, specs = pairs
    expected = page_outputs(found, ("fi", "sv"))
    paths = {e.path: e.group for e in expected}
    for spec in specs:
        stem = spec.path.removesuffix(".md").removesuffix("index")
        stem = stem if stem.endswith("/") or not stem else stem + "/"
        assert f"{stem}index.html" in paths and f"sv/{stem}index.html" in paths
    assert paths["records/mentor-programme-2022/index.html"] == "fi: record pages"
    assert paths["sv/areas/index.html"] == "sv: overview pages"
    assert paths["sv/areas/innovation/index.html"] == "sv: area pages"
    assert paths["browse/kind/report/index.html"] == "fi: listing pages"
    assert paths["sv/programmet/index.html"] == "sv: hand-written pages"
    assert paths["index.html"] == "fi: hand-written pages"
    assert paths["sv/404.html"] == "sv: error page"
    assert len(expected) == len(set(paths))


def test_an_address_with_letters_outside_ascii_is_the_file_name_itself() -> None:
    found, problems = build_pairs(
        {"fi": {"hyvä.md": "bra-å.md"}, "sv": {"bra-å.md": "hyvä.md"}}, [], LANGUAGES
    )
    assert problems == []
    paths = {e.path for e in page_outputs(found, ("fi", "sv"))}
    assert {"hyvä/index.html", "sv/bra-å/index.html"} <= paths


def test_a_complete_site_passes_and_missing_or_empty_files_are_named(
    pairs: tuple[Pairs, list[PageSpec]], tmp_path: Path
) -> None:
    found, _ = pairs
    langs = ("fi", "sv")
    site = tmp_path / "site"
    _write(site, page_outputs(found, langs))
    _write(site, [Expected("", "sitemap.xml"), Expected("", "data/hankinta-suomi.json")])
    (site / "pagefind").mkdir()
    manifest = '{"fi": ["fi-01"], "sv": ["sv-01", "sv-02"]}'
    (site / "pagefind/bundles.json").write_text(manifest)
    _write(site, search_outputs(site, langs))
    (site / "pagefind/bundles.json").write_text(manifest)
    promised = ["data/hankinta-suomi.json"]
    assert dropped(site, found, langs, promised, search=True) == ""

    records = sorted((site / "sv/records").glob("*/index.html"))
    for page in records:
        page.unlink()
    (site / "sv/programmet/index.html").unlink()
    (site / "sv/programmet/index.html").mkdir()  # a folder where the page should be
    (site / "data/hankinta-suomi.json").write_text("")  # written empty
    shutil.rmtree(site / "pagefind/sv-02")
    message = dropped(site, found, langs, promised, search=True)
    lines = message.splitlines()
    assert lines[0].startswith(f"the build did not write {len(records) + 4} of the ")
    assert "the last good site is unchanged" in lines[0]
    (sv_records,) = [line for line in lines if line.startswith("  sv: record pages")]
    assert sv_records.startswith(f"  sv: record pages ({len(records)} of {len(records)}): ")
    assert sv_records.count("sv/records/") == SHOWN_PER_GROUP
    assert sv_records.endswith(f" and {len(records) - SHOWN_PER_GROUP} more")
    assert "  open data and other files (1 of 1): data/hankinta-suomi.json" in lines
    assert (
        "  search index (2 of 9): pagefind/sv-02/pagefind.js, pagefind/sv-02/pagefind-entry.json"
        in lines
    )
    assert "  sv: hand-written pages (1 of 8): sv/programmet/index.html" in lines
    assert not any(line.startswith("  fi:") for line in lines)


def test_a_language_missing_from_the_search_manifest_is_named(tmp_path: Path) -> None:
    (tmp_path / "pagefind").mkdir()
    (tmp_path / "pagefind/bundles.json").write_text('{"fi": ["fi-01"]}')
    expected = search_outputs(tmp_path, ("fi", "sv"))
    _write(tmp_path, [e for e in expected if "/sv-" not in e.path and "vocab-sv" not in e.path])
    assert [e.path for e in missing(tmp_path, expected)] == [
        "pagefind/sv-01/pagefind.js",
        "pagefind/sv-01/pagefind-entry.json",
        "pagefind/vocab-sv/index.json",
    ]
    (tmp_path / "pagefind/bundles.json").unlink()
    assert "pagefind/bundles.json" in report(expected, missing(tmp_path, expected))


# --- Builds with a hook that drops files ----------------------------------------------

_HOOK_HEAD = """from mkdocs.plugins import event_priority


def _lang(config):
    return config.plugins["i18n"].current_language
"""

DROPS = {
    # A plugin whose Swedish record pages come out empty: MkDocs writes no file. (Files
    # removed from the file list instead leave broken links, which --strict stops.)
    "sv_record_pages": (
        """
def on_post_page(output, page, config):
    return "" if page.file.src_uri.startswith("sv/records/") else output
""",
        ["sv: record pages (14 of 14)", "sv/records/hs-programme/index.html"],
    ),
    # A post-processing plugin (after the other languages are built, before the
    # generator's last step) that loses the open-data files. A plugin after
    # mkdocs-static-i18n's must find every language on disk, so nothing is written after
    # it: once it ran while the other language's process was still writing, which put the
    # files back and hid the loss on a slow machine. So the other language's process (the
    # builds fork) holds back until the plugin has run, or until half a second after the
    # first build reached its post-build step (the plugin follows at once unless the
    # build waits there for the other languages, as it must).
    "open_data": (
        """
import os
import shutil
import time
from pathlib import Path

from mkdocs.plugins import CombinedEvent

FIRST = os.getpid()


def _marker(config, name):
    return Path(config.config_file_path).parent / name


def on_files(files, config):
    if os.getpid() != FIRST:
        reached, end = None, time.monotonic() + 60
        while not _marker(config, "plugin-ran").exists() and time.monotonic() < end:
            if reached is None and _marker(config, "post-build").exists():
                reached = time.monotonic()
            if reached is not None and time.monotonic() - reached > 0.5:
                break
            time.sleep(0.02)
    return files


@event_priority(-100.5)
def _reached(config):
    if not config.plugins["i18n"].building:
        _marker(config, "post-build").touch()


@event_priority(-105)
def _drop(config):
    if not config.plugins["i18n"].building:
        shutil.rmtree(Path(config.site_dir) / "data")
        _marker(config, "plugin-ran").touch()


on_post_build = CombinedEvent(_reached, _drop)
""",
        ["open data and other files (21 of 22)", "data/measures.schema.json"],
    ),
    # A theme or hook whose page output is empty: MkDocs skips writing the page.
    "empty_area_pages": (
        """
def on_post_page(output, page, config):
    return "" if page.meta.get("template") == "kb-area.html" else output
""",
        ["fi: area pages (", "sv: area pages (", "areas/innovation/index.html"],
    ),
    # An i18n version that builds only the default language.
    "sv_not_built": (
        """
@event_priority(100)
def on_post_build(config):
    for language in config.plugins["i18n"].config.languages:
        if language.locale == "sv":
            language.build = False
""",
        ["sv: hand-written pages (", "sv: record pages (", "sv/programmet/index.html"],
    ),
    # The other language's build (in a process of its own, kb.adapter.parallel) writes
    # no page.
    "sv_process_writes_nothing": (
        """
def on_post_page(output, page, config):
    return "" if config.plugins["i18n"].current_language == "sv" else output
""",
        ["sv: hand-written pages (", "sv: record pages (", "sv/programmet/index.html"],
    ),
    # A hand-written page of one language that a plugin renders to nothing (a page
    # removed from the files instead is a broken link, which --strict already stops).
    "one_handwritten_page": (
        """
def on_post_page(output, page, config):
    return "" if page.file.src_uri == "sv/programmet.md" else output
""",
        ["sv: hand-written pages (1 of ", "sv/programmet/index.html"],
    ),
}


@pytest.fixture(scope="module")
def good_project(root: Path, tmp_path_factory: pytest.TempPathFactory, small_yaml: str) -> Path:
    """The real pages, settings and hooks with the small data, built once."""
    project = copy_project(root, tmp_path_factory.mktemp("guard-project"), small_yaml)
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project


def _snapshot(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def _with_hook(project: Path, code: str) -> None:
    (project / "drop_hook.py").write_text(_HOOK_HEAD + code, encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    hooks = "hooks:\n  - hooks/kb_hooks.py\n"
    assert hooks in text
    config.write_text(text.replace(hooks, hooks + "  - drop_hook.py\n"), encoding="utf-8")


def _index_only_finnish(project: Path) -> None:
    index = project / "hooks/kb/search/index.py"
    text = index.read_text(encoding="utf-8")
    old = "    for code, pages in by_lang.items():\n        if pages:\n"
    assert old in text
    index.write_text(text.replace(old, old.replace("if pages:", 'if pages and code == "fi":')))


# Cases of the i18n plugin's own loop, which builds the languages one after the other in
# one process (as under `mkdocs serve`); the others run as `mkdocs build` does.
SERIAL = {"sv_not_built"}

CASES: dict[str, tuple[Callable[[Path], None], list[str]]] = {
    **{
        name: ((lambda project, code=code: _with_hook(project, code)), wanted)
        for name, (code, wanted) in DROPS.items()
    },
    # A Pagefind that indexes one language only.
    "sv_search_index": (
        _index_only_finnish,
        ["search index (", "pagefind/sv-01/pagefind.js", "pagefind/vocab-sv/index.json"],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_build_that_drops_files_fails_naming_them_and_keeps_the_site(
    good_project: Path, tmp_path: Path, case: str
) -> None:
    project = tmp_path / "project"
    shutil.copytree(good_project, project, symlinks=True)
    before = _snapshot(project / "site")
    assert len(before) > 100
    break_it, wanted = CASES[case]
    break_it(project)
    result = build(project, **({SERIAL_ENV: "1"} if case in SERIAL else {}))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "the build did not write " in result.stderr
    assert "the last good site is unchanged" in result.stderr
    for text in wanted:
        assert text in result.stderr, result.stderr[-3000:]
    assert _snapshot(project / "site") == before
    assert not any(p.name.endswith(".kb-previous") for p in project.iterdir())
