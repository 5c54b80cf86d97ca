"""What each generated page shows: plain dictionaries ("views") that the Jinja templates
under overrides/ read. Pure: data and string tables in, plain values out; no markup here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kb.browse import listing_view
from kb.links import Graph
from kb.model import Kind, Origin, Record, Site
from kb.pageref import Facet, PageKind, PageRef
from kb.pages import Listings, build_listings, kinds_present, sorted_for_listing
from kb.paging import chunks, pager
from kb.strings import t
from kb.urls import area_url, browse_url, listing_url, overview_url
from kb.views.format import format_date, format_number
from kb.views.overview import overview_charts
from kb.views.present import (
    breadcrumbs,
    card,
    document_view,
    notes_for,
    primary_action,
    source_view,
)

# An area page shows at most this many records of each kind, newest first, and links to
# the area's full listing for the rest (a page stays small at any number of records).
AREA_CARDS = 25
View = dict[str, Any]


def _area_link(site: Site, area_id: str, lang: str) -> View:
    area = site.area_by_id[area_id]
    return {
        "id": area.id,
        "number": area.number,
        "name": area.name.get(lang),
        "url": area_url(area.id, lang),
    }


def record_view(
    site: Site, graph: Graph, record: Record, lang: str, table: Mapping[str, str]
) -> View:
    """Everything a record page shows besides its Markdown body."""
    orgs = site.organisation_by_id
    related = [site.record_by_id[rid] for rid in graph.related.get(record.id, ())]
    related.sort(key=lambda r: (list(Kind).index(r.kind), r.title.get(lang).casefold()))
    return {
        **card(record, lang, table, site),
        "origin_label": table[f"origin_{record.origin.value}"],
        "area_links": [
            _area_link(site, a, lang)
            for a in sorted(record.areas, key=lambda a: site.area_by_id[a].number)
        ],
        "responsible": [
            {"name": orgs[o].name.get(lang), "url": orgs[o].url} for o in record.responsible
        ],
        "partners": [{"name": orgs[o].name.get(lang), "url": orgs[o].url} for o in record.partners],
        "figures": [
            {
                "value": format_number(f.value),
                "unit": f.unit.get(lang) if f.unit else "",
                "label": f.label.get(lang),
                "year": f.year,
                "year_text": t(table, "figure_year", year=f.year) if f.year else "",
                "source": f.source,
            }
            for f in record.figures
        ],
        "documents": [document_view(d, lang, table) for d in record.documents],
        "action": primary_action(record, table),
        "breadcrumbs": breadcrumbs(site, record, lang, table),
        "updated": format_date(record.updated or record.added, table)
        if (record.updated or record.added)
        else "",
        "updated_iso": record.updated or record.added or "",
        "sources": [source_view(url) for url in record.sources],
        "notes": notes_for(record.notes.get(lang), lang) if record.notes else "",
        "no_document": record.no_document.get(lang) if record.no_document else "",
        "origin_inferred": record.origin_inferred,
        "keywords": list(record.keywords(lang)),
        "related": [card(r, lang, table, site) for r in related],
    }


# On an area page, what a reader comes for (the documents and tools) before the work that
# produced them (theme groups, calls and other measures).
_AREA_KIND_ORDER = (
    Kind.REPORT,
    Kind.HANDBOOK,
    Kind.TOOL,
    Kind.TRAINING,
    Kind.NETWORK,
    Kind.EVENT,
    Kind.MEASURE,
)


def _kind_groups(
    records: tuple[Record, ...], lang: str, table: Mapping[str, str], site: Site
) -> list[View]:
    groups = []
    for kind in _AREA_KIND_ORDER:
        chosen = sorted_for_listing([r for r in records if r.kind is kind], lang)
        if chosen:
            groups.append(
                {
                    "kind": kind.value,
                    "label": table[f"kind_{kind.value}s"],
                    "count": len(chosen),
                    "more": len(chosen) > AREA_CARDS,
                    "records": [card(r, lang, table, site) for r in chosen[:AREA_CARDS]],
                }
            )
    return groups


def area_view(site: Site, graph: Graph, area_id: str, lang: str, table: Mapping[str, str]) -> View:
    """An area: its intention and description, its own records by kind, then the
    programme-wide records in one compact list, and the areas that share its own records."""
    area = site.area_by_id[area_id]
    records = graph.by_area[area_id]
    own = graph.own_by_area[area_id]
    own_ids = {r.id for r in own}
    wide = sorted_for_listing([r for r in records if r.id not in own_ids], lang)
    return {
        **_area_link(site, area_id, lang),
        "intention": area.intention.get(lang),
        "description": area.description.get(lang),
        "notes": notes_for(area.notes.get(lang), lang) if area.notes else "",
        "sources": [source_view(url) for url in area.sources],
        "count": len(records),
        "own_count": len(own),
        "groups": _kind_groups(own, lang, table, site),
        "wide": [card(r, lang, table, site) for r in wide[:AREA_CARDS]],
        "wide_count": len(wide),
        "wide_more": len(wide) > AREA_CARDS,
        "browse_url": listing_url(Facet(area=area_id), 1, lang),
        "related_areas": [
            {**_area_link(site, other.id, lang), "count": count}
            for other, count in graph.shared[area_id]
        ],
    }


def _area_summaries(site: Site, graph: Graph, lang: str) -> list[View]:
    return [
        {
            **_area_link(site, area.id, lang),
            "intention": area.intention.get(lang),
            "count": len(graph.by_area[area.id]),
            "own_programme": sum(
                1 for r in graph.own_by_area[area.id] if r.origin is Origin.PROGRAMME
            ),
            "own_related": sum(1 for r in graph.own_by_area[area.id] if r.origin is Origin.RELATED),
        }
        for area in site.areas
    ]


def _kind_counts(site: Site, lang: str, table: Mapping[str, str]) -> list[View]:
    return [
        {
            "label": table[f"kind_{kind.value}s"],
            "count": sum(1 for r in site.records if r.kind is kind),
            "programme": sum(
                1 for r in site.records if r.kind is kind and r.origin is Origin.PROGRAMME
            ),
            "related": sum(
                1 for r in site.records if r.kind is kind and r.origin is Origin.RELATED
            ),
            "url": listing_url(Facet(kind=kind.value), 1, lang),
        }
        for kind in kinds_present(site)
    ]


def _key_result(record: Record, lang: str, table: Mapping[str, str], site: Site) -> View:
    documents = [document_view(d, lang, table) for d in record.documents]
    return {
        **card(record, lang, table, site),
        "document": documents[0] if documents else None,
        "action": primary_action(record, table),
    }


def default_key_results(site: Site, count: int = 6) -> tuple[str, ...]:
    """The newest results of the programme itself that have a document to open."""
    kinds = (Kind.REPORT, Kind.HANDBOOK, Kind.TOOL)
    chosen = [
        r for r in site.records if r.origin is Origin.PROGRAMME and r.documents and r.kind in kinds
    ]
    return tuple(r.id for r in sorted_for_listing(chosen, "fi")[:count])


def home_view(
    site: Site, graph: Graph, lang: str, table: Mapping[str, str], featured: tuple[str, ...] = ()
) -> View:
    """The home page: key results with their documents, the eight areas, and the counts
    split into the programme's own results and the related context."""
    return {
        "key_results": [
            _key_result(site.record_by_id[rid], lang, table, site)
            for rid in featured
            if rid in site.record_by_id
        ],
        "areas": _area_summaries(site, graph, lang),
        "kinds": _kind_counts(site, lang, table),
        "total": len(site.records),
        "programme": sum(1 for r in site.records if r.origin is Origin.PROGRAMME),
        "related": sum(1 for r in site.records if r.origin is Origin.RELATED),
        "programme_url": browse_url(lang),
        "overview_url": overview_url(1, lang),
        "browse_url": browse_url(lang),
    }


def overview_view(
    site: Site,
    graph: Graph,
    listings: Listings,
    lang: str,
    table: Mapping[str, str],
    number: int = 1,
) -> View | None:
    """The overview's charts (first page) and one page of the records x areas matrix."""
    pages = chunks(listings.matrix)
    if not 1 <= number <= len(pages):
        return None
    area_heads = [_area_link(site, a.id, lang) for a in site.areas]
    return {
        "area_heads": area_heads,
        "charts": overview_charts(site, graph, lang, table) if number == 1 else None,
        "rows": [
            {**card(r, lang, table, site), "cells": [a.id in r.areas for a in site.areas]}
            for r in pages[number - 1]
        ],
        **pager(number, len(pages), lambda n: overview_url(n, lang)),
    }


def view_for(
    site: Site,
    graph: Graph,
    ref: PageRef,
    lang: str,
    table: Mapping[str, str],
    listings: Listings | None = None,
    featured: tuple[str, ...] = (),
) -> View | None:
    """The view of the page `ref`, or None when the data has no such page; `featured` are
    the ids of the home page's key results (mkdocs.yml)."""
    if ref.kind is PageKind.RECORD:
        record = site.record_by_id.get(ref.key)
        return record_view(site, graph, record, lang, table) if record else None
    if ref.kind is PageKind.AREA:
        return area_view(site, graph, ref.key, lang, table) if ref.key in site.area_by_id else None
    if ref.kind is PageKind.HOME:
        return home_view(site, graph, lang, table, featured)
    listings = listings or build_listings(site, lang)
    if ref.kind is PageKind.OVERVIEW:
        return overview_view(site, graph, listings, lang, table, ref.number)
    return listing_view(site, listings, ref, lang, table)
