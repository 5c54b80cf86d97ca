"""Build-time SVG charts of the overview page: escaped, linked, bounded."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET

import pytest
from markupsafe import Markup

from kb.links import build_graph
from kb.load import parse
from kb.model import Site, Text
from kb.records import build_site
from kb.strings import strings
from kb.views.format import is_moment
from kb.views.overview import overview_charts
from kb.views.timeline import TIMELINE_MAX, kind_groups

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def site(small_yaml: str) -> Site:
    loaded, errors = parse(small_yaml, "small.yaml")
    assert loaded is not None and not errors
    return build_site(loaded.data)


def _hostile(site: Site) -> Site:
    evil = '<script>alert(1)</script> & "quoted"'
    records = tuple(dataclasses.replace(r, title=Text(evil, evil)) for r in site.records)
    areas = tuple(dataclasses.replace(a, name=Text(evil, evil)) for a in site.areas)
    return Site(
        areas, site.organisations, records, {a.id: a for a in areas},
        site.organisation_by_id, {r.id: r for r in records},
    )  # fmt: skip


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_charts_are_well_formed_escaped_svg_linked_to_the_pages(site: Site, lang: str) -> None:
    hostile = _hostile(site)
    charts = overview_charts(hostile, build_graph(hostile), lang, strings(lang))
    for name in ("timeline", "timeline_narrow", "area_bars", "area_network"):
        svg = charts[name]
        assert isinstance(svg, Markup)
        assert "<script" not in svg
        # The pictures that print names show them escaped (the network has numbers only).
        assert name == "area_network" or "&lt;script&gt;" in svg
        root = ET.fromstring(str(svg))  # well-formed XML
        assert root.get("aria-hidden") == "true"
        links = [a.get("href") for a in root.iter(f"{SVG}a")]
        assert links and all(a.get("tabindex") == "-1" for a in root.iter(f"{SVG}a"))
    hrefs = [a.get("href") for a in ET.fromstring(str(charts["timeline"])).iter(f"{SVG}a")]
    dated = [r for r in site.records if r.period]
    assert sorted(hrefs) == sorted(f"../records/{r.id}/" for r in dated)
    # The table carries the same records as the picture.
    assert len(charts["timeline_rows"]) == len(dated)
    assert [r["number"] for r in charts["area_rows"]] == [a.number for a in site.areas]


def test_timeline_is_bounded(site: Site) -> None:
    base = site.records[0]
    many = [dataclasses.replace(base, id=f"r{i}") for i in range(TIMELINE_MAX * 3)]
    groups = kind_groups(many, lambda kind: kind.value, is_moment)
    assert sum(len(rows) for _, rows in groups) == TIMELINE_MAX


def test_dates_sit_inside_their_month_and_a_period_includes_its_last_day() -> None:
    from kb.views.timeline import _year_fraction

    assert _year_fraction("2020-01-31", end=False) < _year_fraction("2020-02", end=False)
    assert _year_fraction("2023-12-31", end=True) == 2024.0  # the programme's last day
    assert _year_fraction("2019-09-05", end=False) > _year_fraction("2019-09", end=False)
    one_day = _year_fraction("2021-06-09", end=True) - _year_fraction("2021-06-09", end=False)
    assert one_day == pytest.approx(1 / 12 / 30)
    assert _year_fraction("2020", end=True) == _year_fraction("2020-12", end=True) == 2021.0
