"""Generated pages of one language: what they are (`PageSpec`) and what they show (views).

Pure: data and string tables in, plain values out. Markup lives in the Jinja templates
under overrides/; the views are dictionaries those templates read.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kb_format import format_number, format_period
from kb_links import (
    BROWSE_PATH,
    MATRIX_PATH,
    OVERVIEW_PATH,
    Graph,
    area_path,
    lang_prefix,
    record_path,
)
from kb_model import Kind, Record, Site, Status
from kb_strings import t

PAGE_SIZE = 100
# An area page shows at most this many records of each kind, newest first, and links to
# the area's full listing for the rest (a page stays small at any number of records).
AREA_CARDS = 25
View = dict[str, Any]


@dataclass(frozen=True)
class PageSpec:
    """One generated page: its source path inside the language folder and its key."""

    path: str
    key: str
    title: str
    description: str
    template: str
    body: str = ""

    @property
    def in_nav(self) -> bool:
        """Only the areas and the first listing page are in the navigation; thousands of
        record pages there would make every page heavy (Material copies the nav into each)."""
        return self.path.startswith(OVERVIEW_PATH) or self.path == f"{BROWSE_PATH}index.md"

    def markdown(self) -> str:
        """The page as Markdown with front matter (JSON strings are valid YAML)."""
        meta = {
            "title": self.title,
            "description": self.description,
            "template": self.template,
            "kb_key": self.key,
        }
        head = "\n".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in meta.items())
        return f"---\n{head}\n---\n\n{self.body}\n"


@dataclass(frozen=True)
class Facet:
    """A listing filter: all records, or those of one kind, area or status."""

    name: str  # 'all', 'kind', 'area' or 'status'
    value: str  # '' for 'all'

    @property
    def base(self) -> str:
        return BROWSE_PATH if self.name == "all" else f"{BROWSE_PATH}{self.name}/{self.value}/"

    def key(self, page: int) -> str:
        return f"browse:{self.name}:{self.value}:{page}"

    def matches(self, record: Record) -> bool:
        if self.name == "kind":
            return record.kind.value == self.value
        if self.name == "area":
            return self.value in record.areas
        if self.name == "status":
            return record.status.value == self.value
        return True


def _kinds_present(site: Site) -> list[Kind]:
    present = {record.kind for record in site.records}
    return [kind for kind in Kind if kind in present]


def facets(site: Site) -> list[Facet]:
    """Every listing filter that has at least one record, in a stable order."""
    statuses = {record.status for record in site.records}
    return [
        Facet("all", ""),
        *(Facet("kind", kind.value) for kind in _kinds_present(site)),
        *(Facet("area", area.id) for area in site.areas),
        *(Facet("status", status.value) for status in Status if status in statuses),
    ]


@dataclass(frozen=True)
class Listings:
    """Each facet's records in listing order for one language, computed once per build."""

    members: dict[Facet, tuple[Record, ...]]

    def count(self, facet: Facet) -> int:
        return len(self.members[facet])


def build_listings(site: Site, lang: str) -> Listings:
    """Sort once, then pick each facet's records from the sorted list."""
    ordered = _sorted_for_listing(list(site.records), lang)
    return Listings(
        {facet: tuple(r for r in ordered if facet.matches(r)) for facet in facets(site)}
    )


def _page_url(facet: Facet, number: int, lang: str) -> str:
    return lang_prefix(lang) + facet.base + ("" if number == 1 else f"{number}/")


def _facet_title(site: Site, facet: Facet, lang: str, table: Mapping[str, str]) -> str:
    if facet.name == "kind":
        return t(table, "browse_title_kind", name=table[f"kind_{facet.value}s"])
    if facet.name == "area":
        return t(table, "browse_title_area", name=site.area_by_id[facet.value].name.get(lang))
    if facet.name == "status":
        return t(table, "browse_title_status", name=table[f"status_{facet.value}"])
    return table["browse_title"]


def _sorted_for_listing(records: list[Record], lang: str) -> list[Record]:
    def key(record: Record) -> tuple[int, str, str]:
        year = record.period.start_year if record.period else 0
        return (-year, record.title.get(lang).casefold(), record.id)

    return sorted(records, key=key)


def _chunks(records: list[Record] | tuple[Record, ...]) -> list[list[Record]]:
    records = list(records)
    return [records[i : i + PAGE_SIZE] for i in range(0, len(records), PAGE_SIZE)] or [[]]


def page_specs(
    site: Site, lang: str, table: Mapping[str, str], listings: Listings | None = None
) -> list[PageSpec]:
    """All generated pages of `lang`, in a stable order."""
    listings = listings or build_listings(site, lang)
    specs = [
        PageSpec(
            path=f"records/{record.id}.md",
            key=f"record:{record.id}",
            title=record.title.get(lang),
            description=record.summary.get(lang),
            template="kb-record.html",
            body=record.body.get(lang) if record.body else "",
        )
        for record in site.records
    ]
    specs += [
        PageSpec(
            path=f"areas/{area.id}.md",
            key=f"area:{area.id}",
            title=area.name.get(lang),
            description=area.intention.get(lang),
            template="kb-area.html",
        )
        for area in site.areas
    ]
    for number, _ in enumerate(_chunks(site.records), start=1):
        specs.append(
            PageSpec(
                path=f"{OVERVIEW_PATH}index.md" if number == 1 else f"{MATRIX_PATH}{number}.md",
                key=f"overview:{number}",
                title=table["overview_title"]
                if number == 1
                else f"{table['overview_title']} ({t(table, 'pagination_page', number=number)})",
                description=table["home_areas_intro"],
                template="kb-overview.html",
            )
        )
    for facet, chosen in listings.members.items():
        title = _facet_title(site, facet, lang, table)
        for number, _ in enumerate(_chunks(list(chosen)), start=1):
            suffix = "index.md" if number == 1 else f"{number}.md"
            page_title = (
                title if number == 1 else f"{title} ({t(table, 'pagination_page', number=number)})"
            )
            specs.append(
                PageSpec(
                    path=facet.base + suffix,
                    key=facet.key(number),
                    title=page_title,
                    description=f"{title}: {t(table, 'browse_count', count=len(chosen))}",
                    template="kb-listing.html",
                )
            )
    return specs


# --- Views -------------------------------------------------------------------------------


def _card(record: Record, lang: str, table: Mapping[str, str], site: Site) -> View:
    return {
        "id": record.id,
        "title": record.title.get(lang),
        "url": lang_prefix(lang) + record_path(record.id),
        "summary": record.summary.get(lang),
        "kind": record.kind.value,
        "kind_label": table[f"kind_{record.kind.value}"],
        "status": record.status.value,
        "status_label": table[f"status_{record.status.value}"],
        "origin": record.origin.value,
        "period": format_period(record.period, table),
        "areas": [site.area_by_id[a].number for a in record.areas],
        "area_ids": list(record.areas),
    }


def _area_link(site: Site, area_id: str, lang: str) -> View:
    area = site.area_by_id[area_id]
    return {
        "id": area.id,
        "number": area.number,
        "name": area.name.get(lang),
        "url": lang_prefix(lang) + area_path(area.id),
    }


def record_view(
    site: Site, graph: Graph, record: Record, lang: str, table: Mapping[str, str]
) -> View:
    """Everything a record page shows besides its Markdown body."""
    orgs = site.organisation_by_id
    related = [site.record_by_id[rid] for rid in graph.related.get(record.id, ())]
    related.sort(key=lambda r: (list(Kind).index(r.kind), r.title.get(lang).casefold()))
    return {
        **_card(record, lang, table, site),
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
        "documents": [
            {
                "url": d.url,
                "label": d.label.get(lang),
                "language": d.language,
                "hreflang": d.language if d.language in ("fi", "sv", "en") else "",
                "language_label": table[f"lang_{d.language}"],
                "format": d.format.upper(),
            }
            for d in record.documents
        ],
        "sources": list(record.sources),
        "notes": record.notes.get(lang) if record.notes else "",
        "keywords": list(record.keywords(lang)),
        "related": [_card(r, lang, table, site) for r in related],
    }


def area_view(site: Site, graph: Graph, area_id: str, lang: str, table: Mapping[str, str]) -> View:
    """An area: its intention, description, records grouped by kind and related areas."""
    area = site.area_by_id[area_id]
    records = graph.by_area[area_id]
    groups = []
    for kind in Kind:
        chosen = _sorted_for_listing([r for r in records if r.kind is kind], lang)
        if chosen:
            groups.append(
                {
                    "kind": kind.value,
                    "label": table[f"kind_{kind.value}s"],
                    "count": len(chosen),
                    "more": len(chosen) > AREA_CARDS,
                    "records": [_card(r, lang, table, site) for r in chosen[:AREA_CARDS]],
                }
            )
    return {
        **_area_link(site, area_id, lang),
        "intention": area.intention.get(lang),
        "description": area.description.get(lang),
        "notes": area.notes.get(lang) if area.notes else "",
        "sources": list(area.sources),
        "count": len(records),
        "groups": groups,
        "browse_url": lang_prefix(lang) + Facet("area", area_id).base,
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
        }
        for area in site.areas
    ]


def _kind_counts(site: Site, lang: str, table: Mapping[str, str]) -> list[View]:
    return [
        {
            "label": table[f"kind_{kind.value}s"],
            "count": sum(1 for r in site.records if r.kind is kind),
            "url": lang_prefix(lang) + Facet("kind", kind.value).base,
        }
        for kind in _kinds_present(site)
    ]


def home_view(site: Site, graph: Graph, lang: str, table: Mapping[str, str]) -> View:
    """The home page: the eight areas as entry points and the counts."""
    return {
        "areas": _area_summaries(site, graph, lang),
        "kinds": _kind_counts(site, lang, table),
        "total": len(site.records),
        "overview_url": lang_prefix(lang) + OVERVIEW_PATH,
        "browse_url": lang_prefix(lang) + BROWSE_PATH,
    }


def _overview_url(number: int, lang: str) -> str:
    return lang_prefix(lang) + (OVERVIEW_PATH if number == 1 else f"{MATRIX_PATH}{number}/")


def overview_view(
    site: Site, graph: Graph, lang: str, table: Mapping[str, str], number: int = 1
) -> View | None:
    """The areas with their counts, and one page of the records x areas matrix."""
    ordered = sorted(
        site.records, key=lambda r: (list(Kind).index(r.kind), r.title.get(lang).casefold())
    )
    pages = _chunks(ordered)
    if not 1 <= number <= len(pages):
        return None
    links = [
        {"number": n, "url": _overview_url(n, lang), "current": n == number}
        for n in range(1, len(pages) + 1)
    ]
    return {
        "areas": _area_summaries(site, graph, lang),
        "rows": [
            {**_card(r, lang, table, site), "cells": [a.id in r.areas for a in site.areas]}
            for r in pages[number - 1]
        ],
        "pages": links if len(pages) > 1 else [],
        "previous": links[number - 2]["url"] if number > 1 else None,
        "next": links[number]["url"] if number < len(pages) else None,
    }


def _facet_groups(
    site: Site, listings: Listings, current: Facet, lang: str, table: Mapping[str, str]
) -> list[View]:
    counts = {facet: listings.count(facet) for facet in listings.members}

    def option(facet: Facet, label: str) -> View:
        return {
            "label": label,
            "url": _page_url(facet, 1, lang),
            "current": facet == current,
            "count": counts[facet],
            "value": facet.value,
        }

    everything = option(Facet("all", ""), table["browse_filter_all"])
    return [
        {
            "name": "kind",
            "label": table["browse_by_kind"],
            "options": [everything]
            + [option(f, table[f"kind_{f.value}s"]) for f in counts if f.name == "kind"],
        },
        {
            "name": "area",
            "label": table["browse_by_area"],
            "options": [everything]
            + [
                option(
                    f,
                    f"{site.area_by_id[f.value].number}. {site.area_by_id[f.value].name.get(lang)}",
                )
                for f in counts
                if f.name == "area"
            ],
        },
        {
            "name": "status",
            "label": table["browse_by_status"],
            "options": [everything]
            + [option(f, table[f"status_{f.value}"]) for f in counts if f.name == "status"],
        },
    ]


def listing_view(
    site: Site, listings: Listings, key: str, lang: str, table: Mapping[str, str]
) -> View | None:
    """One page of a listing: records grouped by year, the filters and the page links."""
    _, name, value, number_text = key.split(":")
    facet, number = Facet(name, value), int(number_text)
    if facet not in listings.members:
        return None
    chosen = listings.members[facet]
    pages = _chunks(chosen)
    if not 1 <= number <= len(pages):
        return None
    shown = pages[number - 1]
    groups: list[View] = []
    for record in shown:
        label = str(record.period.start_year) if record.period else table["year_unknown"]
        if not groups or groups[-1]["label"] != label:
            groups.append({"label": label, "records": []})
        groups[-1]["records"].append(_card(record, lang, table, site))
    links = [
        {"number": n, "url": _page_url(facet, n, lang), "current": n == number}
        for n in range(1, len(pages) + 1)
    ]
    return {
        "facet": facet.name,
        "value": facet.value,
        "count": len(chosen),
        "groups": groups,
        "filters": _facet_groups(site, listings, facet, lang, table),
        "pages": links if len(pages) > 1 else [],
        "previous": links[number - 2]["url"] if number > 1 else None,
        "next": links[number]["url"] if number < len(pages) else None,
    }


def view_for(
    site: Site,
    graph: Graph,
    key: str,
    lang: str,
    table: Mapping[str, str],
    listings: Listings | None = None,
) -> View | None:
    """The view of the page with `key`, or None for a key this module does not know."""
    kind, _, rest = key.partition(":")
    if kind == "record" and rest in site.record_by_id:
        return record_view(site, graph, site.record_by_id[rest], lang, table)
    if kind == "area" and rest in site.area_by_id:
        return area_view(site, graph, rest, lang, table)
    if kind == "overview":
        return overview_view(site, graph, lang, table, int(rest or 1))
    if kind == "home":
        return home_view(site, graph, lang, table)
    if kind == "browse":
        return listing_view(site, listings or build_listings(site, lang), key, lang, table)
    return None
