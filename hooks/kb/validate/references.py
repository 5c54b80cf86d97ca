"""References between items: areas, related records and organisations that exist."""

from __future__ import annotations

import difflib
from typing import Any

from kb.errors import show
from kb.load import PathKey
from kb.validate.hints import odd_hint
from kb.validate.ids import IdIndex
from kb.validate.locate import Collector
from kb.validate.walk import items


def _hint(ref: str, known: set[str]) -> str:
    close = difflib.get_close_matches(ref, sorted(known), n=1)
    return odd_hint(ref) + (f"; did you mean '{show(close[0])}'?" if close else "")


def reference_errors(found: Collector, data: dict[str, Any], seen_ids: IdIndex) -> None:
    """Every reference of a record names an item that exists (and never the record itself)."""
    known = {section: set(ids) for section, ids in seen_ids.items()}
    for index, item in items(data, "records"):
        base: PathKey = ("records", index)
        ident = item.get("id")
        for key, section, what in (("areas", "areas", "area"), ("related", "records", "record")):
            refs = item.get(key)
            for n, ref in enumerate(refs if isinstance(refs, list) else []):
                if not isinstance(ref, str):
                    continue
                if key == "related" and ref == ident:
                    found.add((*base, key, n), "a record cannot be related to itself")
                elif ref not in known[section]:
                    found.add(
                        (*base, key, n),
                        f"there is no {what} with the id '{show(ref)}'{_hint(ref, known[section])}",
                    )
        orgs = item.get("organisations")
        for role in ("responsible", "partners"):
            refs = orgs.get(role) if isinstance(orgs, dict) else None
            for n, ref in enumerate(refs if isinstance(refs, list) else []):
                if isinstance(ref, str) and ref not in known["organisations"]:
                    found.add(
                        (*base, "organisations", role, n),
                        f"there is no organisation with the id '{show(ref)}' (add it under "
                        f"'organisations'){_hint(ref, known['organisations'])}",
                    )
