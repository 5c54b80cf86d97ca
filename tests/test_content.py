"""The real content: complete in both languages, enough of it, sourced, free of personal
data, and the seed facts on the right generated pages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from kb.load import load
from kb.model import Kind, Origin, Site, Status, Text
from kb.state import read_state
from kb.validate import validate

# People named in the sources; none of them may appear in the site's texts.
PEOPLE = (
    "Nisula", "Röykkä", "Sinivuori", "Huikko", "Högnäs", "Paatero", "Lamminmäki", "Rissanen",
    "Marku", "Ruuskanen", "Tuomela", "Riikonen", "Jylhä", "Ekholm", "Nikula", "Kankaala",
    "Nerg", "Hetemäki", "Karhunen", "Meltti", "Oksanen", "Saarenpää", "Pajunen", "Vihonen",
    "Majava", "Minna Mattila", "Toivanen", "Finér", "Reijo Kinnunen",
)  # fmt: skip
# Addresses a reader must never be sent to, in documents or sources: the CMS back end and the
# test server of KEINO's old site, a port written out, and the old tem.fi publication scheme
# (urn.fi resolves the same URN permanently).
BANNED_ADDRESS = re.compile(
    r"^https?://([^/]*\.)?druid\.fi(/|$)|^https?://hankintakeino-test|^https?://[^/]+:\d+/"
    r"|^https?://(www\.)?tem\.fi/julkaisu\?pubid="
)
# A text extract of a PDF (DSpace's .pdf.txt) is never the document a reader should open.
TEXT_EXTRACT = re.compile(r"\.pdf\.txt$")
RESULTS = (Kind.REPORT, Kind.HANDBOOK, Kind.TOOL)
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
        for name in ("title", "summary", "body", "notes", "no_document"):
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


def test_every_report_handbook_and_tool_links_a_document_or_says_why(site: Site) -> None:
    missing = [
        r.id for r in site.records if r.kind in RESULTS and not (r.documents or r.no_document)
    ]
    assert missing == []
    # The results that still have no public address: each says why, in both languages. The
    # list only shrinks: a new result without a document must be argued for here.
    without = sorted(r.id for r in site.records if r.kind in RESULTS and not r.documents)
    assert without == [
        "hs-situation-picture",
        "kiri-study",
        "yrittajat-municipal-procurement-guide",
    ]


def test_nine_records_in_ten_link_a_document_and_the_rest_say_why(site: Site) -> None:
    linked = [r for r in site.records if r.documents]
    assert len(linked) / len(site.records) >= 0.9, f"{len(linked)}/{len(site.records)}"
    silent = [r.id for r in site.records if not r.documents and r.no_document is None]
    assert silent == []
    assert all(not (r.documents and r.no_document) for r in site.records)


def test_no_document_or_source_on_a_back_end_a_test_server_or_an_old_scheme(site: Site) -> None:
    bad = [
        (r.id, d.url)
        for r in site.records
        for d in r.documents
        if BANNED_ADDRESS.search(d.url) or TEXT_EXTRACT.search(d.url)
    ]
    bad += [(r.id, u) for r in site.records for u in r.sources if BANNED_ADDRESS.search(u)]
    bad += [(a.id, u) for a in site.areas for u in a.sources if BANNED_ADDRESS.search(u)]
    bad += [
        (r.id, f.source)
        for r in site.records
        for f in r.figures
        if f.source and BANNED_ADDRESS.search(f.source)
    ]
    assert bad == []
    # A text extract may be where facts were read, but only for a record that has no
    # verified document and says so.
    extracts = [
        r.id
        for r in site.records
        if any(TEXT_EXTRACT.search(u) for u in r.sources) and (r.documents or not r.no_document)
    ]
    assert extracts == []


def test_every_figure_has_a_reference_year(site: Site) -> None:
    assert [(r.id, f.label.fi) for r in site.records for f in r.figures if f.year is None] == []


def test_periods_say_only_what_the_sources_say(site: Site) -> None:
    # An unknown end is shown as unknown: no end date, and never 'completed' or 'ongoing'
    # for the records whose sources give no end.
    for record in site.records:
        if record.status is Status.UNKNOWN:
            assert record.period is None or record.period.end is None, record.id
    unknown = {r.id for r in site.records if r.status is Status.UNKNOWN}
    assert {"keino-change-agents", "keino-academy", "vaikuttavat-hankkijat-network"} <= unknown
    # One-day events show one date.
    for record in site.records:
        if record.kind is Kind.EVENT and record.period and len(record.period.start) == 10:
            assert record.period.end == record.period.start, record.id


@pytest.mark.parametrize(
    ("page", "claim"),
    [
        ("fi/ohjelma.md", r"Sivusto kattaa (\d+) toimenpidettä noin 30:stä"),
        ("sv/programmet.md", r"Webbplatsen omfattar (\d+) av de cirka 30 åtgärderna"),
    ],
)
def test_the_programme_page_counts_the_measures_it_lists(root: Path, page: str, claim: str) -> None:
    text = (root / "docs" / page).read_text(encoding="utf-8")
    match = re.search(claim, text)
    assert match, claim
    section = text[match.end() :].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ") and "---" not in line]
    assert len(rows) - 1 == int(match.group(1))  # the first row is the header
    assert all(len(row.split(" | ")) == 4 for row in rows), "measure, area, responsible, result"


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_inferred_links_and_missing_documents_are_said_on_the_page(
    built_site: Path, lang: str
) -> None:
    monitoring = _page(built_site, lang, "competence-monitoring-report")
    assert ("oma päätelmämme" if lang == "fi" else "vår egen slutsats") in monitoring
    kiri = _page(built_site, lang, "kiri-study")
    assert "978-952-383-040-0" in kiri
    strategy = (
        built_site / ("sv/" if lang == "sv" else "") / "records/national-strategy-2020/index.html"
    ).read_text(encoding="utf-8")
    assert 'href="http://urn.fi/URN:NBN:fi-fe2020090768680"' in strategy
    agents = _page(built_site, lang, "keino-change-agents")
    assert ("Ei tiedossa" if lang == "fi" else "Okänd") in agents
    kickoff = _page(built_site, lang, "hs-kickoff-2019")
    assert "9.5.2019" in kickoff and "9.5.2019–" not in kickoff
