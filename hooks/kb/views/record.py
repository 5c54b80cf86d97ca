"""What a record page shows besides its Markdown body. Pure."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kb.links import Graph
from kb.model import Kind, Record, Site
from kb.strings import t
from kb.views.format import format_date, format_number
from kb.views.present import (
    area_link,
    breadcrumbs,
    card,
    document_view,
    notes_for,
    primary_action,
    source_view,
)

View = dict[str, Any]


def record_view(
    site: Site, graph: Graph, record: Record, lang: str, table: Mapping[str, str]
) -> View:
    """Everything a record page shows besides its Markdown body."""
    orgs = site.organisation_by_id
    related = [site.record_by_id[rid] for rid in graph.related.get(record.id, ())]
    related.sort(key=lambda r: (list(Kind).index(r.kind), r.title.get(lang).casefold()))
    updated = record.updated or record.added
    return {
        **card(record, lang, table, site),
        "origin_label": table[f"origin_{record.origin.value}"],
        "area_links": [
            area_link(site, a, lang)
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
        "updated": format_date(updated, table) if updated else "",
        "updated_iso": updated or "",
        "sources": [source_view(url) for url in record.sources],
        "notes": notes_for(record.notes.get(lang), lang) if record.notes else "",
        "no_document": record.no_document.get(lang) if record.no_document else "",
        "origin_inferred": record.origin_inferred,
        "keywords": list(record.keywords(lang)),
        "related": [card(r, lang, table, site) for r in related],
    }
