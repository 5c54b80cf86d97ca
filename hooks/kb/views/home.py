"""What the home page shows: key results, the areas and the counts. Pure."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kb.links import Graph
from kb.listings import kinds_present, sorted_for_listing
from kb.model import Kind, Origin, Record, Site
from kb.pageref import Facet
from kb.urls import browse_url, listing_url, overview_url
from kb.views.present import (
    area_link,
    card,
    document_view,
    primary_action,
)

View = dict[str, Any]


def _area_summaries(site: Site, graph: Graph, lang: str) -> list[View]:
    return [
        {
            **area_link(site, area.id, lang),
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
