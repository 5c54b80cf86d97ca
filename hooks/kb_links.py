"""Addresses of generated pages and the link graph between records and areas."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from kb_model import DEFAULT_LANG, Area, Record, Site


def lang_prefix(lang: str) -> str:
    """Site-relative folder of a language: '' for the default language, 'sv/' for Swedish."""
    return "" if lang == DEFAULT_LANG else f"{lang}/"


def record_path(record_id: str) -> str:
    return f"records/{record_id}/"


def area_path(area_id: str) -> str:
    return f"areas/{area_id}/"


OVERVIEW_PATH = "areas/"
MATRIX_PATH = "matrix/"  # pages 2, 3, ... of the overview matrix
BROWSE_PATH = "browse/"


@dataclass(frozen=True)
class Graph:
    """Who links to whom: related records in both directions, records per area, shared areas."""

    related: dict[str, tuple[str, ...]]
    by_area: dict[str, tuple[Record, ...]]
    shared: dict[str, tuple[tuple[Area, int], ...]]


def build_graph(site: Site) -> Graph:
    """Compute backlinks, the records of each area and the areas that share records."""
    both: dict[str, set[str]] = defaultdict(set)
    for record in site.records:
        for other in record.related:
            both[record.id].add(other)
            both[other].add(record.id)
    by_area: dict[str, list[Record]] = {area.id: [] for area in site.areas}
    pair_counts: dict[tuple[str, str], int] = defaultdict(int)
    for record in site.records:
        for area_id in record.areas:
            by_area[area_id].append(record)
        for a in record.areas:
            for b in record.areas:
                if a != b:
                    pair_counts[(a, b)] += 1
    shared = {
        area.id: tuple(
            sorted(
                ((site.area_by_id[b], n) for (a, b), n in pair_counts.items() if a == area.id),
                key=lambda item: (-item[1], item[0].number),
            )
        )
        for area in site.areas
    }
    return Graph(
        related={rid: tuple(sorted(ids)) for rid, ids in both.items()},
        by_area={aid: tuple(records) for aid, records in by_area.items()},
        shared=shared,
    )
