"""Generated pages of one language: their paths, titles and templates (`PageSpec`), and
the listing filters (`Facet`, `Listings`). What each page shows is in kb_views.

Pure: data and string tables in, plain values out.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

from kb.links import BROWSE_PATH, MATRIX_PATH, OVERVIEW_PATH, lang_prefix
from kb.model import Kind, Record, Site, Status
from kb.strings import t

PAGE_SIZE = 100


# Characters YAML reads as a line break (U+0085, U+2028, U+2029) or refuses unescaped
# (the C1 controls), written as JSON escapes so that a front-matter value stays one line.
_YAML_ESCAPES = {c: f"\\u{c:04x}" for c in (*range(0x80, 0xA0), 0x2028, 0x2029)}


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
        head = "\n".join(
            f"{k}: {json.dumps(v, ensure_ascii=False).translate(_YAML_ESCAPES)}"
            for k, v in meta.items()
        )
        return f"---\n{head}\n---\n\n{self.body}\n"


DIMENSIONS = ("kind", "area", "status")


@dataclass(frozen=True)
class Facet:
    """A listing filter: records of one kind, area and status, each optional ('' = any).
    Its address names the chosen values in a fixed order, so it is stable:
    browse/, browse/kind/report/, browse/kind/report/area/innovation/status/ongoing/."""

    kind: str = ""
    area: str = ""
    status: str = ""

    @classmethod
    def of(cls, name: str, value: str) -> Facet:
        """The facet of one dimension ('kind', 'area' or 'status'); 'all' for none."""
        return cls() if name == "all" else cls(**{name: value})

    @classmethod
    def from_key(cls, key: str) -> tuple[Facet, int] | None:
        """'browse:report::ongoing:2' -> (Facet('report', '', 'ongoing'), 2)."""
        parts = key.split(":")
        if len(parts) != 5 or parts[0] != "browse" or not parts[4].isdigit():
            return None
        return cls(parts[1], parts[2], parts[3]), int(parts[4])

    def values(self) -> dict[str, str]:
        return {"kind": self.kind, "area": self.area, "status": self.status}

    def chosen(self) -> list[tuple[str, str]]:
        return [(name, value) for name, value in self.values().items() if value]

    def with_value(self, name: str, value: str) -> Facet:
        return Facet(**{**self.values(), name: value})

    @property
    def base(self) -> str:
        return BROWSE_PATH + "".join(f"{name}/{value}/" for name, value in self.chosen())

    def key(self, page: int) -> str:
        return f"browse:{self.kind}:{self.area}:{self.status}:{page}"

    def matches(self, record: Record) -> bool:
        return (
            (not self.kind or record.kind.value == self.kind)
            and (not self.area or self.area in record.areas)
            and (not self.status or record.status.value == self.status)
        )


def kinds_present(site: Site) -> list[Kind]:
    present = {record.kind for record in site.records}
    return [kind for kind in Kind if kind in present]


def _facets_of(record: Record) -> list[Facet]:
    """Every facet a record belongs to: any or its kind x any or each of its areas x any
    or its status (2 x (1 + areas) x 2 facets)."""
    return [
        Facet(kind, area, status)
        for kind in ("", record.kind.value)
        for area in ("", *record.areas)
        for status in ("", record.status.value)
    ]


def _facet_order(site: Site) -> dict[str, dict[str, int]]:
    return {
        "kind": {"": -1, **{k.value: i for i, k in enumerate(Kind)}},
        "area": {"": -1, **{a.id: i for i, a in enumerate(site.areas)}},
        "status": {"": -1, **{s.value: i for i, s in enumerate(Status)}},
    }


def facets(site: Site) -> list[Facet]:
    """Every combination of filters that has at least one record, in a stable order."""
    found = {facet for record in site.records for facet in _facets_of(record)} | {Facet()}
    order = _facet_order(site)
    return sorted(
        found,
        key=lambda f: (
            len(f.chosen()),
            order["kind"][f.kind],
            order["area"][f.area],
            order["status"][f.status],
        ),
    )


@dataclass(frozen=True)
class Listings:
    """The orders pages list records in, for one language, computed once per build: each
    facet's records newest first, and all records by kind and title for the matrix."""

    members: dict[Facet, tuple[Record, ...]]
    matrix: tuple[Record, ...]

    def count(self, facet: Facet) -> int:
        return len(self.members[facet])


def build_listings(site: Site, lang: str) -> Listings:
    """Sort once, then put each record into every facet it belongs to (only non-empty
    combinations exist; each keeps the sorted order)."""
    ordered = sorted_for_listing(list(site.records), lang)
    members: dict[Facet, list[Record]] = {facet: [] for facet in facets(site)}
    for record in ordered:
        for facet in _facets_of(record):
            members[facet].append(record)
    kinds = list(Kind)
    return Listings(
        members={facet: tuple(chosen) for facet, chosen in members.items()},
        matrix=tuple(
            sorted(site.records, key=lambda r: (kinds.index(r.kind), r.title.get(lang).casefold()))
        ),
    )


def listing_url(facet: Facet, number: int, lang: str) -> str:
    return lang_prefix(lang) + facet.base + ("" if number == 1 else f"{number}/")


def facet_label(site: Site, name: str, value: str, lang: str, table: Mapping[str, str]) -> str:
    """The label of one filter value: 'Selvitykset ja raportit', '5. Innovaatiot', 'Käynnissä'."""
    if name == "kind":
        return table[f"kind_{value}s"]
    if name == "area":
        area = site.area_by_id[value]
        return f"{area.number}. {area.name.get(lang)}"
    return table[f"status_{value}"]


def _facet_title(site: Site, facet: Facet, lang: str, table: Mapping[str, str]) -> str:
    chosen = facet.chosen()
    if not chosen:
        return table["browse_title"]
    if len(chosen) == 1:
        name, value = chosen[0]
        if name == "kind":
            return t(table, "browse_title_kind", name=table[f"kind_{value}s"])
        if name == "area":
            return t(table, "browse_title_area", name=site.area_by_id[value].name.get(lang))
        return t(table, "browse_title_status", name=table[f"status_{value}"])
    labels = [
        site.area_by_id[v].name.get(lang) if n == "area" else facet_label(site, n, v, lang, table)
        for n, v in chosen
    ]
    return t(table, "browse_title_combined", names=", ".join(labels))


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
