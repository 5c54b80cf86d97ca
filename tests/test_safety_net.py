"""The old site survives every failure: the build is staged and put in place only when
all of it (both languages, the search index, no warning under --strict) succeeded."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import build, site_files
from kb.adapter.parallel import SERIAL_ENV


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _broken_link_fi(tree: Path) -> None:
    _append(tree / "docs/fi/ohjelma.md", "\n[Rikki](ei-ole-olemassa.md)\n")


def _broken_link_sv_only(tree: Path) -> None:  # fails in the second language's build
    _append(tree / "docs/sv/programmet.md", "\n[Trasig](finns-inte.md)\n")


def _broken_anchor(tree: Path) -> None:
    _append(tree / "docs/fi/ohjelma.md", "\n[Rikki](strategia.md#ei-tallaista)\n")


def _missing_template(tree: Path) -> None:
    page = tree / "docs/fi/ohjelma.md"
    text = page.read_text(encoding="utf-8")
    page.write_text("---\ntemplate: ei-ole.html\n---\n" + text, encoding="utf-8")


def _nav_typo(tree: Path) -> None:
    config = tree / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("- ohjelma.md", "- ohjelmaa.md", 1)
    config.write_text(text, encoding="utf-8")


def _page_not_in_nav(tree: Path) -> None:
    (tree / "docs/fi/uusi.md").write_text("# Uusi\n\nTeksti.\n", encoding="utf-8")
    (tree / "docs/sv/uusi.md").write_text("# Ny\n\nText.\n", encoding="utf-8")


def _search_crash(tree: Path) -> None:
    hooks = tree / "hooks/kb/search/index.py"
    text = hooks.read_text(encoding="utf-8")
    assert "def index_language(" in text  # each language's index, whole site or not
    text = text.replace(
        "def index_language(",
        "def index_language(*a, **k):\n    raise OSError(28, 'No space')\n\n\ndef _old(",
        1,
    )
    hooks.write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    "break_it",
    [
        _broken_link_fi,
        _broken_link_sv_only,
        _broken_anchor,
        _missing_template,
        _nav_typo,
        _page_not_in_nav,
        _search_crash,
    ],
)
def test_a_late_failure_keeps_the_last_good_site(
    built_project: Path,
    break_it: Callable[[Path], None],
) -> None:
    project = built_project
    site = project / "site"
    (site / ".git").mkdir()  # a deployment's own hidden folder is kept, as mkdocs does
    before = site_files(site)
    assert len(before) > 100
    break_it(project)
    result = build(project)
    assert result.returncode == 1, result.stderr
    assert site_files(site) == before
    assert not any(p.name.endswith(".kb-previous") for p in project.iterdir())


def test_a_good_build_replaces_the_site_and_keeps_hidden_entries(
    built_project: Path,
) -> None:
    project = built_project
    site = project / "site"
    (site / ".well-known").mkdir()
    (site / ".well-known/security.txt").write_text("Contact: mailto:x@vm.fi\n")
    (site / "stale.html").write_text("old")
    _append(project / "docs/fi/ohjelma.md", "\nUusi kappale.\n")
    assert build(project).returncode == 0
    assert not (site / "stale.html").exists()
    assert (site / ".well-known/security.txt").exists()
    assert "Uusi kappale." in (site / "ohjelma/index.html").read_text(encoding="utf-8")
    leftovers = [p.name for p in project.iterdir() if p.name.startswith(".site.")]
    assert leftovers == []


def test_the_first_failed_build_creates_no_site(project: Path) -> None:
    _broken_link_sv_only(project)
    assert build(project).returncode == 1
    assert not (project / "site").exists()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return None


def _wait_for(what: Callable[[], bool], seconds: float = 120) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if what():
            return True
        time.sleep(0.2)
    return False


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_an_edit_under_mkdocs_serve_rebuilds_both_languages_and_the_search(
    project: Path, host: str
) -> None:
    """`mkdocs serve` serves both languages at either name of this machine; its rebuilds
    build the other language in a process of its own (kb.adapter.parallel) and index the
    preview in the background: after an edit of the data, both languages' pages show it,
    the search index is back, and nothing was logged as an error."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    log = project / "serve.log"
    env = {k: v for k, v in os.environ.items() if k != SERIAL_ENV}
    with log.open("w", encoding="utf-8") as sink:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"{host}:{port}"],  # it watches
            cwd=project,
            env={**env, "NO_MKDOCS_2_WARNING": "1"},
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    record = "records/mentor-programme-2022/"
    entry = "pagefind/fi-01/pagefind-entry.json"
    try:
        assert _wait_for(lambda: _get(base + entry) is not None), log.read_text()
        first_index = _get(base + entry)
        home, sv_home = _get(base), _get(base + "sv/")
        assert home is not None and 'lang="fi"' in home
        assert sv_home is not None and 'lang="sv"' in sv_home
        data = project / "data/measures.yaml"
        text = data.read_text(encoding="utf-8")
        for old in ("Julkisten hankintojen mentorointiohjelma", "Mentorprogrammet för offentlig"):
            assert old in text
        edited = text.replace("Julkisten hankintojen mentorointi", "Muokattu mentorointi")
        edited = edited.replace("Mentorprogrammet för", "Det ändrade mentorprogrammet för")
        data.write_text(edited, encoding="utf-8")
        assert _wait_for(
            lambda: (
                "Muokattu mentorointi" in (_get(base + record) or "")
                and "Det ändrade mentorprogrammet" in (_get(base + "sv/" + record) or "")
            )
        ), log.read_text()
        # The Finnish index of the edited pages replaces the first one (its hash changes),
        # and the Swedish one is there.
        assert _wait_for(lambda: _get(base + entry) not in (None, first_index)), log.read_text()
        assert _get(base + "pagefind/sv-01/pagefind-entry.json") is not None
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)
    output = log.read_text(encoding="utf-8")
    assert output.count("Building 'sv' documentation") >= 2, output  # built twice
    assert "ERROR" not in output and "Traceback" not in output, output
    assert "search index was not updated" not in output, output
