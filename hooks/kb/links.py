"""The link graph between records and areas (the addresses are in kb.urls)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from kb.model import Area, Record, Site


def is_programme_wide(record: Record, area_count: int) -> bool:
    """A record tagged with most of the strategy's areas (more than half of them, and at
    least three) concerns the whole programme rather than any one area."""
    return len(record.areas) >= max(3, area_count // 2 + 1)


@dataclass(frozen=True)
class Graph:
    """Who links to whom: related records in both directions, records per area (all, and
    the area's own ones: not programme-wide), and the areas that share their own records."""

    related: dict[str, tuple[str, ...]]
    by_area: dict[str, tuple[Record, ...]]
    shared: dict[str, tuple[tuple[Area, int], ...]]
    own_by_area: dict[str, tuple[Record, ...]] = field(default_factory=dict)
    wide: tuple[Record, ...] = ()


def build_graph(site: Site) -> Graph:
    """Compute backlinks, the records of each area and the areas that share records; the
    shared counts come from area-specific records only (a record tagged with every area
    would connect every area with every other and say nothing)."""
    both: dict[str, set[str]] = defaultdict(set)
    for record in site.records:
        for other in record.related:
            both[record.id].add(other)
            both[other].add(record.id)
    by_area: dict[str, list[Record]] = {area.id: [] for area in site.areas}
    own: dict[str, list[Record]] = {area.id: [] for area in site.areas}
    wide: list[Record] = []
    pair_counts: dict[tuple[str, str], int] = defaultdict(int)
    for record in site.records:
        for area_id in record.areas:
            by_area[area_id].append(record)
        if is_programme_wide(record, len(site.areas)):
            wide.append(record)
            continue
        for area_id in record.areas:
            own[area_id].append(record)
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
        own_by_area={aid: tuple(records) for aid, records in own.items()},
        wide=tuple(wide),
    )
