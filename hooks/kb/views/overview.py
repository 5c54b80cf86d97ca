"""The overview page: its pictures and the tables that carry the same data (the timeline
of the records and how the areas connect), and each page of the records x areas matrix.
Pure: data in, plain values and Markup out.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from markupsafe import Markup

from kb.links import Graph
from kb.listings import Listings
from kb.model import Origin, Record, Site, Text
from kb.paging import page_count, page_of, pager
from kb.settings import Programme
from kb.strings import t
from kb.urls import area_path, area_url, from_overview, overview_url, record_path, record_url
from kb.views.charts import AreaCounts, area_bars_svg, area_network_svg
from kb.views.format import format_when, is_moment
from kb.views.present import area_link, card
from kb.views.timeline import TIMELINE_MAX, kind_groups, timeline_svg

View = dict[str, Any]


def data_programme(site: Site) -> Programme:
    """The years of the programme's own records, unnamed: a stand-in where no settings
    are given (mkdocs.yml extra.kb.programme is what the site uses)."""
    own = [r.period for r in site.records if r.origin is Origin.PROGRAMME and r.period]
    starts = [p.start_year for p in own] or [0]
    ends = [int((p.end or p.start)[:4]) for p in own] or [0]
    return Programme(Text("", ""), (min(starts), max(ends)))


def overview_charts(
    site: Site,
    graph: Graph,
    lang: str,
    table: Mapping[str, str],
    programme: Programme | None = None,
) -> View:
    """Both charts with their tables and one-sentence summaries; the timeline shades the
    `programme`'s years."""
    programme = programme or data_programme(site)
    start, end = programme.years
    name = programme.name.get(lang)
    label = t(table, "chart_programme_years", name=name, first=start, last=end).strip()
    groups = kind_groups(site.records, lambda kind: table[f"kind_{kind.value}s"], is_moment)
    shown = [span.record for _, rows in groups for span in rows]
    dated = sum(1 for r in site.records if r.period is not None)
    years = [r.period.start_year for r in site.records if r.period is not None]

    def timeline(narrow: bool) -> Markup:
        return timeline_svg(
            groups,
            link=lambda r: from_overview(record_path(r.id)),
            title=lambda r: r.title.get(lang),
            table=table,
            years=programme.years,
            label=label,
            narrow=narrow,
        )

    own_counts = []
    for area in site.areas:
        own = graph.own_by_area[area.id]
        own_counts.append(
            AreaCounts(
                number=area.number,
                name=area.name.get(lang),
                url=from_overview(area_path(area.id)),
                programme=sum(1 for r in own if r.origin is Origin.PROGRAMME),
                related=sum(1 for r in own if r.origin is Origin.RELATED),
                wide=len(graph.by_area[area.id]) - len(own),
            )
        )
    numbers = {a.id: a.number for a in site.areas}
    shared = {
        (area.number, other.number): count
        for area in site.areas
        for other, count in graph.shared[area.id]
    }
    return {
        "timeline": timeline(narrow=False),
        "timeline_narrow": timeline(narrow=True),
        "timeline_summary": t(
            table,
            "chart_timeline_summary",
            count=len(shown),
            first=min(years) if years else "",
            last=max(years) if years else "",
            start=start,
            end=end,
        ),
        "timeline_capped": dated > TIMELINE_MAX,
        "timeline_rows": [_row(r, lang, table) for r in shown],
        "area_bars": area_bars_svg(own_counts, table),
        "area_network": area_network_svg(own_counts, shared, table),
        "area_rows": [
            {
                "number": c.number,
                "name": c.name,
                "url": area_url(area.id, lang),
                "programme": c.programme,
                "related": c.related,
                "wide": c.wide,
                "shared": [
                    {
                        "number": numbers[other.id],
                        "name": other.name.get(lang),
                        "url": area_url(other.id, lang),
                        "count": count,
                    }
                    for other, count in graph.shared[area.id]
                ],
            }
            for c, area in zip(own_counts, site.areas, strict=True)
        ],
    }


def _row(record: Record, lang: str, table: Mapping[str, str]) -> View:
    return {
        "title": record.title.get(lang),
        "url": record_url(record.id, lang),
        "kind_label": table[f"kind_{record.kind.value}"],
        "period": format_when(record, table),
        "origin_label": table[f"chart_origin_{record.origin.value}"],
    }


def overview_view(
    site: Site,
    graph: Graph,
    listings: Listings,
    lang: str,
    table: Mapping[str, str],
    number: int = 1,
    programme: Programme | None = None,
) -> View | None:
    """The overview's charts (first page) and one page of the records x areas matrix;
    the timeline shades the `programme`'s years (mkdocs.yml)."""
    count = page_count(len(listings.matrix))
    if not 1 <= number <= count:
        return None
    area_heads = [area_link(site, a.id, lang) for a in site.areas]
    return {
        "area_heads": area_heads,
        "charts": overview_charts(site, graph, lang, table, programme) if number == 1 else None,
        "rows": [
            {**card(r, lang, table, site), "cells": [a.id in r.areas for a in site.areas]}
            for r in page_of(listings.matrix, number)
        ],
        **pager(number, count, lambda n: overview_url(n, lang)),
    }
