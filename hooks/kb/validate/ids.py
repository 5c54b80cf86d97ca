"""Ids: unique in their section, not reserved, and old ids that stay unique for ever."""

from __future__ import annotations

from typing import Any

from kb.errors import show
from kb.validate.locate import Collector, line_of
from kb.validate.walk import SECTIONS, items

# Ids that would take the address of another generated page (areas/index.md is the
# overview of the areas).
_RESERVED_IDS = {"index": "overview of its section"}

# For each section: each id and the index of the item that has it first.
IdIndex = dict[str, dict[str, int]]


def id_errors(found: Collector, data: dict[str, Any]) -> IdIndex:
    """Report reserved and repeated ids; return where each id is first used."""
    seen_ids: IdIndex = {}
    for section in SECTIONS:
        seen: dict[str, int] = seen_ids.setdefault(section, {})
        for index, item in items(data, section):
            ident = item.get("id")
            if not isinstance(ident, str):
                continue
            if ident in _RESERVED_IDS and section != "organisations":
                found.add(
                    (section, index, "id"),
                    f"the id '{ident}' is reserved: the page {section}/{ident}/ is the "
                    f"{_RESERVED_IDS[ident]}; choose another id",
                )
            if ident in seen:
                first = line_of(found.loaded, (section, seen[ident], "id"))
                found.add(
                    (section, index, "id"),
                    f"the id '{show(ident)}' is already used on line {first}",
                )
            else:
                seen[ident] = index
    return seen_ids


def old_id_errors(found: Collector, data: dict[str, Any], seen_ids: IdIndex) -> None:
    """An old id keeps an old address working (it redirects), so it must stay unique: never
    the id of a current record, never listed twice."""
    current = seen_ids.get("records", {})
    first_old: dict[str, int] = {}
    for index, item in items(data, "records"):
        olds = item.get("old_ids")
        for n, old in enumerate(olds if isinstance(olds, list) else []):
            if not isinstance(old, str):
                continue
            path = ("records", index, "old_ids", n)
            if old in current:
                first = line_of(found.loaded, ("records", current[old], "id"))
                found.add(
                    path,
                    f"the old id '{show(old)}' is the id of the record on line {first}; "
                    "an old id is never used again",
                )
            elif old in first_old:
                found.add(
                    path, f"the old id '{show(old)}' is already listed on line {first_old[old]}"
                )
            else:
                first_old[old] = line_of(found.loaded, path)
