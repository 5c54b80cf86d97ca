"""Generated pages of one language: their paths, titles and templates (`PageSpec`), and
the listing filters (`Facet`, `Listings`). What each page shows is in kb_views.

Pure: data and string tables in, plain values out.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

from kb_links import BROWSE_PATH, MATRIX_PATH, OVERVIEW_PATH, lang_prefix
from kb_model import Kind, Record, Site, Status
from kb_strings import t

PAGE_SIZE = 100


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


def kinds_present(site: Site) -> list[Kind]:
    present = {record.kind for record in site.records}
    return [kind for kind in Kind if kind in present]


def facets(site: Site) -> list[Facet]:
    """Every listing filter that has at least one record, in a stable order."""
    statuses = {record.status for record in site.records}
    return [
        Facet("all", ""),
        *(Facet("kind", kind.value) for kind in kinds_present(site)),
        *(Facet("area", area.id) for area in site.areas),
        *(Facet("status", status.value) for status in Status if status in statuses),
    ]


@dataclass(frozen=True)
class Listings:
    """The orders pages list records in, for one language, computed once per build: each
    facet's records newest first, and all records by kind and title for the matrix."""

    members: dict[Facet, tuple[Record, ...]]
    matrix: tuple[Record, ...]

    def count(self, facet: Facet) -> int:
        return len(self.members[facet])


def build_listings(site: Site, lang: str) -> Listings:
    """Sort once, then pick each facet's records from the sorted list."""
    ordered = sorted_for_listing(list(site.records), lang)
    kinds = list(Kind)
    return Listings(
        members={facet: tuple(r for r in ordered if facet.matches(r)) for facet in facets(site)},
        matrix=tuple(
            sorted(site.records, key=lambda r: (kinds.index(r.kind), r.title.get(lang).casefold()))
        ),
    )


def listing_url(facet: Facet, number: int, lang: str) -> str:
    return lang_prefix(lang) + facet.base + ("" if number == 1 else f"{number}/")


def _facet_title(site: Site, facet: Facet, lang: str, table: Mapping[str, str]) -> str:
    if facet.name == "kind":
        return t(table, "browse_title_kind", name=table[f"kind_{facet.value}s"])
    if facet.name == "area":
        return t(table, "browse_title_area", name=site.area_by_id[facet.value].name.get(lang))
    if facet.name == "status":
        return t(table, "browse_title_status", name=table[f"status_{facet.value}"])
    return table["browse_title"]


def sorted_for_listing(records: list[Record], lang: str) -> list[Record]:
    def key(record: Record) -> tuple[int, str, str]:
        year = record.period.start_year if record.period else 0
        return (-year, record.title.get(lang).casefold(), record.id)

    return sorted(records, key=key)


def chunks(records: list[Record] | tuple[Record, ...]) -> list[list[Record]]:
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
    for number, _ in enumerate(chunks(site.records), start=1):
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
        for number, _ in enumerate(chunks(list(chosen)), start=1):
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
