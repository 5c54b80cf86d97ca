"""The real content: complete in both languages, enough of it, sourced, free of personal
data, and the seed facts on the right generated pages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from kb_load import load
from kb_model import Kind, Origin, Site, Text
from kb_state import read_state
from kb_validate import validate

# People named in the sources; none of them may appear in the site's texts.
PEOPLE = (
    "Nisula", "Röykkä", "Sinivuori", "Huikko", "Högnäs", "Paatero", "Lamminmäki", "Rissanen",
    "Marku", "Ruuskanen", "Tuomela", "Riikonen", "Jylhä", "Ekholm", "Nikula", "Kankaala",
    "Nerg", "Hetemäki", "Karhunen", "Meltti", "Oksanen", "Saarenpää", "Pajunen", "Vihonen",
    "Majava", "Minna Mattila", "Toivanen", "Finér", "Reijo Kinnunen",
)  # fmt: skip
EMAIL = re.compile(r"[\w.+-]+(@|\(at\))[\w-]+\.[\w.]+")
PHONE = re.compile(r"(\+358|\b0\d{1,2})[\s-]?\d{2,4}[\s-]?\d{3,4}")


@pytest.fixture(scope="module")
def site(root: Path) -> Site:
    return read_state(root / "data/measures.yaml", "data/measures.yaml").site


def _texts(site: Site) -> Iterator[tuple[str, str, Text]]:
    for area in site.areas:
        for name in ("name", "intention", "description", "notes"):
            value = getattr(area, name)
            if value is not None:
                yield f"area {area.id}", name, value
    for record in site.records:
        for name in ("title", "summary", "body", "notes"):
            value = getattr(record, name)
            if value is not None:
                yield f"record {record.id}", name, value
        for n, figure in enumerate(record.figures):
            yield f"record {record.id}", f"figures[{n}].label", figure.label
        for n, document in enumerate(record.documents):
            yield f"record {record.id}", f"documents[{n}].label", document.label


def test_the_data_file_is_valid(root: Path) -> None:
    loaded, errors = load(root / "data/measures.yaml", "data/measures.yaml")
    assert loaded is not None and errors == []
    assert validate(loaded, "data/measures.yaml") == []


def test_every_text_exists_in_both_languages_and_is_not_a_copy(site: Site) -> None:
    copies = [
        f"{owner} {field}"
        for owner, field, text in _texts(site)
        if text.fi.strip().casefold() == text.sv.strip().casefold()
    ]
    assert copies == []
    assert all(text.fi.strip() and text.sv.strip() for _, _, text in _texts(site))


def test_counts(site: Site) -> None:
    programme = [r for r in site.records if r.origin is Origin.PROGRAMME]
    results = [r for r in site.records if r.kind in (Kind.REPORT, Kind.HANDBOOK, Kind.TOOL)]
    assert len(programme) >= 30, "the programme carried out about 30 concrete measures"
    assert len(results) >= 12
    assert len(site.areas) == 8
    assert sorted(a.number for a in site.areas) == list(range(1, 9))
    for area in site.areas:
        assert sum(area.id in r.areas for r in site.records) >= 3, area.id


def test_every_record_has_sources_and_related_context_is_marked(site: Site) -> None:
    assert all(r.sources for r in site.records)
    assert all(a.sources for a in site.areas)
    related = {r.id for r in site.records if r.origin is Origin.RELATED}
    assert {
        "keino-centre",
        "keino-change-agents",
        "keino-academy",
        "innovation-action-plan-2017",
    } <= related


def test_no_personal_data_in_texts(root: Path, site: Site) -> None:
    corpus = [text.fi + "\n" + text.sv for _, _, text in _texts(site)]
    corpus += [o.name.fi + " " + o.name.sv for o in site.organisations]
    corpus += [p.read_text(encoding="utf-8") for p in sorted((root / "docs").rglob("*.md"))]
    for text in corpus:
        assert not EMAIL.search(text), EMAIL.search(text)
        assert not PHONE.search(text), PHONE.search(text)
        for person in PEOPLE:
            assert not re.search(rf"\b{re.escape(person)}\b", text), person


def _page(built_site: Path, lang: str, record_id: str) -> str:
    prefix = "sv/" if lang == "sv" else ""
    html = (built_site / f"{prefix}records/{record_id}/index.html").read_text(encoding="utf-8")
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("\u00a0", " ")


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_seed_facts_appear_on_the_right_pages(built_site: Path, lang: str) -> None:
    mentor = _page(built_site, lang, "mentor-programme-2022")
    for figure in ("114", "34", "80"):
        assert re.search(rf"\b{figure}\b", mentor), figure
    assert ("2022" in mentor) and (("lokakuu" in mentor) if lang == "fi" else ("oktober" in mentor))

    second = _page(built_site, lang, "mentor-programme-2023")
    for figure in ("21", "62", "22", "64"):
        assert re.search(rf"\b{figure}\b", second), figure

    programme = _page(built_site, lang, "hs-programme")
    assert "5.9.2019–31.12.2023" in programme
    assert ("Valtiovarainministeriö" if lang == "fi" else "Finansministeriet") in programme
    assert ("Suomen Kuntaliitto" if lang == "fi" else "Finlands Kommunförbund") in programme

    network = _page(built_site, lang, "vaikuttavat-hankkijat-network")
    assert "31.5.2021" in network

    plan = _page(built_site, lang, "innovation-action-plan-2017")
    assert re.search(r"\b14\b", plan) and re.search(r"\b5 ?(%|procent|prosent)", plan)
    assert "Owal Group" in plan and "Motiva" in plan
    assert (
        "Työ- ja elinkeinoministeriö" if lang == "fi" else "Arbets- och näringsministeriet"
    ) in plan

    agents = _page(built_site, lang, "keino-change-agents")
    assert re.search(r"\b15\b", agents) and re.search(r"\b9\b", agents) and "2020" in agents
