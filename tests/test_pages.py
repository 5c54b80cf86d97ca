"""Generated pages and views from a small real data set, without MkDocs."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.links import build_graph
from kb.load import parse
from kb.model import Kind, Period, Site
from kb.pageref import Facet, PageKind, PageRef
from kb.pages import page_specs
from kb.paging import PAGE_SIZE
from kb.records import build_site
from kb.strings import strings
from kb.views.context import view_for
from kb.views.format import format_date, format_number, format_period


@pytest.fixture(scope="module")
def site(small_yaml: str) -> Site:
    loaded, errors = parse(small_yaml, "small.yaml")
    assert loaded is not None and not errors
    return build_site(loaded.data)


def test_every_record_and_area_has_a_page_with_the_same_path_in_both_languages(site: Site) -> None:
    fi = page_specs(site, "fi", strings("fi"))
    sv = page_specs(site, "sv", strings("sv"))
    assert [s.path for s in fi] == [s.path for s in sv]
    paths = {s.path for s in fi}
    assert {f"records/{r.id}.md" for r in site.records} <= paths
    assert {f"areas/{a.id}.md" for a in site.areas} <= paths
    assert {"areas/index.md", "browse/index.md", "browse/kind/training/index.md"} <= paths
    assert len(paths) == len(fi)


def test_record_page_markdown_has_front_matter_and_localised_body(site: Site) -> None:
    spec = next(
        s
        for s in page_specs(site, "sv", strings("sv"))
        if s.ref == PageRef.record("mentor-programme-2022")
    )
    text = spec.markdown()
    assert text.startswith('---\ntitle: "Mentorprogrammet för offentlig upphandling"\n')
    assert 'template: "kb-record.html"' in text and 'kb_key: "record:mentor-programme-2022"' in text
    assert "I programmet stödde erfarna upphandlare" in text


def test_backlinks_are_computed(site: Site) -> None:
    graph = build_graph(site)
    assert graph.related["hs-programme"] == ("mentor-programme-2022",)
    view = view_for(site, graph, PageRef.record("hs-programme"), "fi", strings("fi"))
    assert view is not None
    assert [r["id"] for r in view["related"]] == ["mentor-programme-2022"]
    assert view["related"][0]["url"] == "records/mentor-programme-2022/"


def test_area_lists_its_own_records_by_kind_then_the_programme_wide_ones(site: Site) -> None:
    graph = build_graph(site)
    view = view_for(site, graph, PageRef.area("innovation"), "sv", strings("sv"))
    assert view is not None
    # hs-programme is in all three areas of the fixture: programme-wide, listed apart.
    ids = [r["id"] for g in view["groups"] for r in g["records"]]
    assert ids == ["innovation-action-plan-2017"]
    assert [g["kind"] for g in view["groups"]] == ["report"]
    assert [r["id"] for r in view["wide"]] == ["hs-programme"]
    assert (view["own_count"], view["wide_count"], view["count"]) == (1, 1, 2)
    assert view["url"] == "sv/areas/innovation/"


def test_related_areas_count_shared_records(site: Site) -> None:
    graph = build_graph(site)
    view = view_for(site, graph, PageRef.area("strategic-leadership"), "fi", strings("fi"))
    assert view is not None
    shared = {a["id"]: a["count"] for a in view["related_areas"]}
    # Only area-specific records connect areas: the 2017 plan (areas 1 and 5) does;
    # hs-programme (every area of the fixture) does not.
    assert shared == {"innovation": 1}


def test_record_view_formats_figures_periods_and_organisations(site: Site) -> None:
    graph = build_graph(site)
    fi = view_for(site, graph, PageRef.record("mentor-programme-2022"), "fi", strings("fi"))
    sv = view_for(site, graph, PageRef.record("mentor-programme-2022"), "sv", strings("sv"))
    assert fi is not None and sv is not None
    assert [f["value"] for f in fi["figures"]] == ["114", "34", "80"]
    assert fi["period"] == "lokakuu 2022–huhtikuu 2023"
    assert sv["period"] == "oktober 2022–april 2023"
    assert [o["name"] for o in sv["responsible"]] == ["Finansministeriet"]
    assert [o["name"] for o in fi["partners"]] == ["Suomen Kuntaliitto"]


def test_listing_groups_by_year_newest_first_and_filters(site: Site) -> None:
    graph = build_graph(site)
    view = view_for(site, graph, PageRef.listing(Facet(), 1), "fi", strings("fi"))
    assert view is not None
    assert [g["label"] for g in view["groups"]] == ["2022", "2019", "2017"]
    assert view["count"] == 3 and view["pages"] == []
    by_kind = view_for(site, graph, PageRef.listing(Facet(kind="report"), 1), "fi", strings("fi"))
    assert by_kind is not None
    assert [r["id"] for g in by_kind["groups"] for r in g["records"]] == [
        "innovation-action-plan-2017"
    ]
    kind_group = next(f for f in by_kind["filters"] if f["name"] == "kind")
    current = [o["label"] for o in kind_group["options"] if o["current"]]
    assert current == [strings("fi")["kind_reports"]]


def test_listings_paginate(site: Site) -> None:
    import dataclasses

    many = tuple(
        dataclasses.replace(site.records[0], id=f"r-{i:04d}") for i in range(PAGE_SIZE * 2 + 5)
    )
    big = Site(
        site.areas,
        site.organisations,
        many,
        site.area_by_id,
        site.organisation_by_id,
        {r.id: r for r in many},
    )
    specs = [
        s
        for s in page_specs(big, "fi", strings("fi"))
        if s.path.startswith("browse/") and "/" not in s.path[7:]
    ]
    assert sorted(s.path for s in specs) == ["browse/2.md", "browse/3.md", "browse/index.md"]
    view = view_for(big, build_graph(big), PageRef.listing(Facet(), 3), "fi", strings("fi"))
    assert view is not None
    assert sum(len(g["records"]) for g in view["groups"]) == 5
    assert view["previous"] == "browse/2/" and view["next"] is None


def test_formats() -> None:
    fi = strings("fi")
    assert format_date("2019-09-05", fi) == "5.9.2019"
    assert format_date("2021", fi) == "2021"
    assert format_period(Period("2019-09-05", "2023-12-31"), fi) == "5.9.2019–31.12.2023"
    assert format_period(Period("2018"), fi) == "2018–"
    assert format_period(None, fi) == fi["date_unknown"]
    assert format_number(200000) == "200\u00a0000"
    assert format_number(47.5) == "47,5"


def _many(site: Site, count: int, kind: str = "report", area: str = "innovation") -> Site:
    import dataclasses

    from kb.model import Kind

    base = site.record_by_id["innovation-action-plan-2017"]
    extra = tuple(
        dataclasses.replace(base, id=f"r-{i:04d}", kind=Kind(kind), areas=(area,), related=())
        for i in range(count)
    )
    records = tuple(sorted(site.records + extra, key=lambda r: r.id))
    return Site(
        site.areas, site.organisations, records, site.area_by_id, site.organisation_by_id,
        {r.id: r for r in records},
    )  # fmt: skip


def test_area_page_stays_bounded_and_links_to_the_full_listing(site: Site) -> None:
    from kb.views.area import AREA_CARDS

    big = _many(site, AREA_CARDS + 7)
    view = view_for(big, build_graph(big), PageRef.area("innovation"), "fi", strings("fi"))
    assert view is not None
    reports = next(g for g in view["groups"] if g["kind"] == "report")
    assert len(reports["records"]) == AREA_CARDS and reports["count"] == AREA_CARDS + 8
    assert reports["more"] is True and view["browse_url"] == "browse/area/innovation/"
    small = view_for(site, build_graph(site), PageRef.area("innovation"), "fi", strings("fi"))
    assert small is not None and not any(g["more"] for g in small["groups"])


def test_overview_matrix_paginates(site: Site) -> None:
    big = _many(site, PAGE_SIZE + 1)
    paths = [
        s.path for s in page_specs(big, "sv", strings("sv")) if s.ref.kind is PageKind.OVERVIEW
    ]
    assert paths == ["areas/index.md", "matrix/2.md"]
    graph = build_graph(big)
    first = view_for(big, graph, PageRef.overview(1), "sv", strings("sv"))
    second = view_for(big, graph, PageRef.overview(2), "sv", strings("sv"))
    assert first is not None and second is not None
    assert len(first["rows"]) == PAGE_SIZE and len(second["rows"]) == len(big.records) - PAGE_SIZE
    assert first["next"] == "sv/matrix/2/" and second["previous"] == "sv/areas/"
    assert view_for(big, graph, PageRef.overview(3), "sv", strings("sv")) is None


def test_only_areas_and_the_first_listing_page_are_in_the_navigation(site: Site) -> None:
    in_nav = sorted(s.path for s in page_specs(site, "fi", strings("fi")) if s.in_nav)
    assert in_nav == sorted(
        ["areas/index.md", "browse/index.md", *(f"areas/{a.id}.md" for a in site.areas)]
    )


def test_filters_combine_with_stable_addresses_and_narrowed_counts(site: Site) -> None:
    graph = build_graph(site)
    fi = strings("fi")
    paths = {s.path for s in page_specs(site, "fi", fi)}
    # Combinations exist only where they have records.
    assert "browse/kind/report/area/innovation/index.md" in paths
    assert "browse/kind/report/area/procurement-competence/index.md" not in paths
    view = view_for(
        site, graph, PageRef.listing(Facet(kind="report", area="innovation"), 1), "fi", fi
    )
    assert view is not None and view["count"] == 1
    assert view["selected"] == [fi["kind_reports"], "5. Innovaatiot"]
    groups = {g["name"]: g for g in view["filters"]}
    kinds = {o["value"]: o for o in groups["kind"]["options"]}
    # 'Measures' keeps the area: the measure of this area is the programme-wide one.
    assert kinds["measure"]["url"] == "browse/kind/measure/area/innovation/"
    assert kinds["measure"]["count"] == 1
    assert kinds["training"]["url"] is None and kinds["training"]["count"] == 0
    assert kinds[""]["url"] == "browse/area/innovation/" and kinds[""]["count"] == 2
    areas = {o["value"]: o for o in groups["area"]["options"]}
    assert areas[""]["url"] == "browse/kind/report/" and areas["innovation"]["current"]
    assert (
        view_for(
            site, graph, PageRef.listing(Facet(kind="training", area="innovation"), 1), "fi", fi
        )
        is None
    )


def test_listing_pages_stay_bounded() -> None:
    """Each record is in 2 x (1 + areas) x 2 facets, so listing pages grow with the
    records, not with the number of possible combinations."""
    import random

    from kb.model import Area, Kind, Record, Status, Text

    rng = random.Random(1)
    areas = tuple(
        Area(f"a{i}", i, Text(f"A{i}", f"A{i}"), Text("x", "x"), Text("x", "x"), ("https://x.fi",))
        for i in range(1, 9)
    )
    records = tuple(
        Record(
            id=f"r{i:05d}",
            kind=rng.choice(list(Kind)),
            origin=rng.choice(list(__import__("kb.model", fromlist=["Origin"]).Origin)),
            title=Text(f"t{i}", f"t{i}"),
            summary=Text("s", "s"),
            areas=tuple(rng.sample([a.id for a in areas], rng.choice([1, 1, 2, 3, 8]))),
            status=rng.choice(list(Status)),
            sources=("https://x.fi",),
        )
        for i in range(10_000)
    )
    big = Site(areas, (), records, {a.id: a for a in areas}, {}, {r.id: r for r in records})
    listing = [s for s in page_specs(big, "fi", strings("fi")) if s.ref.kind is PageKind.LISTING]
    assert len(listing) < 2_500, len(listing)


def test_an_area_page_opens_with_documents_and_tools_before_measures(root: Path) -> None:
    from kb.state import read_state
    from kb.views.area import area_view

    real = read_state(root / "data/measures.yaml", "data/measures.yaml").site
    graph = build_graph(real)
    order = ["report", "handbook", "tool", "training", "network", "event", "measure"]
    assert sorted(order) == sorted(kind.value for kind in Kind)
    for area in real.areas:
        kinds = [g["kind"] for g in area_view(real, graph, area.id, "fi", strings("fi"))["groups"]]
        assert kinds == sorted(kinds, key=order.index), (area.id, kinds)
    competence = area_view(real, graph, "procurement-competence", "sv", strings("sv"))
    assert competence["groups"][0]["kind"] == "report"
    assert competence["groups"][-1]["kind"] == "measure"


@pytest.mark.parametrize("odd", ["\u2028", "\u2029", "\x85", '"', "\\", "\n---\n"])
def test_front_matter_survives_any_character_yaml_reads_as_a_line_break(odd: str) -> None:
    from mkdocs.utils.meta import get_data

    from kb.pages import PageSpec

    title = f"Raportti{odd}--- osa 2"
    spec = PageSpec(PageRef.record("x"), title, f"Kuvaus{odd}", "kb-record.html", "Body")
    body, meta = get_data(spec.markdown())
    assert meta == {
        "title": title,
        "description": f"Kuvaus{odd}",
        "template": "kb-record.html",
        "kb_key": "record:x",
    }
    assert body.strip() == "Body"


def test_every_page_reference_survives_its_front_matter(site) -> None:
    """The one writer and the one reader of `kb_key` agree for every generated page, and
    a reference no page has is refused instead of guessed at."""
    from kb.pageref import HOME, UnknownRef, from_meta

    specs = page_specs(site, "fi", strings("fi"))
    kinds = {spec.ref.kind for spec in specs}
    assert kinds == {PageKind.RECORD, PageKind.AREA, PageKind.OVERVIEW, PageKind.LISTING}
    for spec in specs:
        assert from_meta({"kb_key": spec.ref.to_meta()}) == spec.ref
    assert from_meta({"template": "kb-home.html"}) == HOME
    assert from_meta({"title": "Ohjelma"}) is None
    for bad in ("record:", "overview:0", "browse:report::2", "browse::::x", "page:x"):
        with pytest.raises(UnknownRef):
            from_meta({"kb_key": bad})
