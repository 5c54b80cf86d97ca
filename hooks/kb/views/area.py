"""What an area page shows: its own records by kind, the programme-wide ones, and the
areas that share its records. Pure."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kb.links import Graph
from kb.listings import sorted_for_listing
from kb.model import Kind, Record, Site
from kb.pageref import Facet
from kb.urls import listing_url
from kb.views.present import (
    area_link,
    card,
    notes_for,
    source_view,
)

View = dict[str, Any]


# An area page shows at most this many records of each kind, newest first, and links to
# the area's full listing for the rest (a page stays small at any number of records).
AREA_CARDS = 25


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
        **area_link(site, area_id, lang),
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
            {**area_link(site, other.id, lang), "count": count}
            for other, count in graph.shared[area_id]
        ],
    }
