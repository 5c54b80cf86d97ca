"""Zero programme code: a second, fictional programme (tests/fixtures/second-programme: its own
data with five areas, organisations and years, its own mkdocs.yml and pages) builds with this
repository's hooks/ and overrides/, and nothing of this programme appears in its output."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from conftest import mkdocs
from kb.state import read_state

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "second-programme"


@pytest.fixture(scope="module")
def second_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("second") / "site"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KB_", "GITHUB_"))}
    result = mkdocs(
        ["build", "--strict", "--site-dir", str(out)], FIXTURE, {**env, "NO_MKDOCS_2_WARNING": "1"}
    )
    assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr}"
    assert "WARNING" not in result.stderr, result.stderr
    return out


def _this_programme(root: Path) -> list[str]:
    """Names of this programme: its own, its areas' and organisations', its years."""
    site = read_state(root / "data/measures.yaml", "data/measures.yaml").site
    names = ["Hankinta-Suomi", "hankinta-suomi", "Hankinta-Suomea", "2019–2023"]
    for item in (*site.areas, *site.organisations):
        names += [item.name.fi, item.name.sv]
    return sorted(set(names))


def test_the_second_programme_builds_its_pages_and_exports(second_site: Path) -> None:
    site = read_state(FIXTURE / "data/measures.yaml", "data/measures.yaml").site
    assert len(site.areas) == 5
    for prefix in ("", "sv/"):
        assert (second_site / prefix / "index.html").is_file()
        for area in site.areas:
            assert (second_site / f"{prefix}areas/{area.id}/index.html").is_file()
        for record in site.records:
            page = second_site / f"{prefix}records/{record.id}/index.html"
            assert record.title.get(prefix and "sv" or "fi") in page.read_text("utf-8")
    assert (second_site / "ohjelma/index.html").is_file()
    assert (second_site / "sv/programmet/index.html").is_file()
    data = second_site / "data"
    assert {"puhdas-jarvi.json", "puhdas-jarvi-fi.csv", "puhdas-jarvi-sv.csv"} <= {
        p.name for p in data.iterdir()
    }
    package = json.loads((data / "datapackage.json").read_text("utf-8"))
    assert package["name"] == "puhdas-jarvi"
    assert package["licenses"][0]["name"] == "CC0-1.0"
    csl = json.loads((second_site / "records/runoff-report/runoff-report.csl.json").read_text())
    assert csl[0]["id"] == "puhdas-jarvi-runoff-report-fi"
    home = (second_site / "index.html").read_text("utf-8")
    assert "Puhdas Järvi – tulokset" in home
    overview = (second_site / "sv/areas/index.html").read_text("utf-8")
    assert "Ren sjö 2024–2027" in overview  # the programme's years on the timeline
    assert "Programmet pågick 2024–2027" in overview
    feed = (second_site / "feed.xml").read_text("utf-8")
    assert "<rights>CC0 1.0</rights>" in feed


def test_nothing_of_this_programme_appears_in_the_second_ones_output(
    second_site: Path, root: Path
) -> None:
    names = _this_programme(root)
    assert "Valtiovarainministeriö" in names and len(names) > 20  # the check can fail
    pattern = re.compile("|".join(re.escape(n) for n in names))
    found = {}
    for path in sorted(second_site.rglob("*")):
        if not path.is_file() or "pagefind" in path.parts:
            continue
        text = path.read_bytes().decode("utf-8", errors="replace")
        hits = sorted(set(pattern.findall(text)))
        if hits:
            found[path.relative_to(second_site).as_posix()] = hits
    assert found == {}
