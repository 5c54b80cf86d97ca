"""The records each listing shows, in the order it shows them: every combination of filters
(`Facet`) that has records, its records newest first, and the overview matrix's order.
Computed once per language build. Pure."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kb.model import Kind, Record, Site, Status
from kb.pageref import Facet


def kinds_present(site: Site) -> list[Kind]:
    """The kinds that have records, in the fixed order of `Kind`."""
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


def facet_label(site: Site, name: str, value: str, lang: str, table: Mapping[str, str]) -> str:
    """The label of one filter value: 'Selvitykset ja raportit', '5. Innovaatiot', 'Käynnissä'."""
    if name == "kind":
        return table[f"kind_{value}s"]
    if name == "area":
        area = site.area_by_id[value]
        return f"{area.number}. {area.name.get(lang)}"
    return table[f"status_{value}"]


def sorted_for_listing(records: list[Record], lang: str) -> list[Record]:
    """Newest first (by the start year), then by title and id."""

    def key(record: Record) -> tuple[int, str, str]:
        year = record.period.start_year if record.period else 0
        return (-year, record.title.get(lang).casefold(), record.id)

    return sorted(records, key=key)
