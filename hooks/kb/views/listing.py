"""Listing pages: records of one combination of filters (kind x area x status), grouped
by year, with filter links whose counts are narrowed to the current selection. Pure."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kb.listings import Listings, facet_label
from kb.model import Kind, Site, Status
from kb.pageref import DIMENSIONS, Facet, PageRef
from kb.paging import page_count, page_of, pager
from kb.urls import listing_url
from kb.views.present import card

View = dict[str, Any]


def _values(site: Site, name: str) -> list[str]:
    if name == "kind":
        return [k.value for k in Kind]
    if name == "area":
        return [a.id for a in site.areas]
    return [s.value for s in Status]


def filter_groups(
    site: Site, listings: Listings, current: Facet, lang: str, table: Mapping[str, str]
) -> list[View]:
    """For each dimension, 'all' and every value, each a link to the current selection with
    that value changed and the count that link would show; a value with no records in the
    selection is listed without a link (its page does not exist)."""
    members = listings.members

    def option(facet: Facet, label: str, value: str) -> View:
        count = len(members.get(facet, ()))
        return {
            "label": label,
            "url": listing_url(facet, 1, lang) if count else None,
            "current": facet == current,
            "count": count,
            "value": value,
        }

    groups = []
    for name in DIMENSIONS:
        present = [
            v
            for v in _values(site, name)
            if Facet.of(name, v) in members  # values that exist at all in the data
        ]
        options = [option(current.with_value(name, ""), table["browse_filter_all"], "")]
        options += [
            option(current.with_value(name, v), facet_label(site, name, v, lang, table), v)
            for v in present
        ]
        groups.append({"name": name, "label": table[f"browse_by_{name}"], "options": options})
    return groups


def listing_view(
    site: Site, listings: Listings, ref: PageRef, lang: str, table: Mapping[str, str]
) -> View | None:
    """One page of a listing: records grouped by year, the filters and the page links."""
    facet, number = ref.facet, ref.number
    if facet not in listings.members:
        return None
    chosen = listings.members[facet]
    count = page_count(len(chosen))
    if not 1 <= number <= count:
        return None
    groups: list[View] = []
    for record in page_of(chosen, number):
        label = str(record.period.start_year) if record.period else table["year_unknown"]
        if not groups or groups[-1]["label"] != label:
            groups.append({"label": label, "records": []})
        groups[-1]["records"].append(card(record, lang, table, site))
    return {
        "facet": facet.values(),
        "selected": [facet_label(site, n, v, lang, table) for n, v in facet.chosen()],
        "count": len(chosen),
        "groups": groups,
        "filters": filter_groups(site, listings, facet, lang, table),
        **pager(number, count, lambda n: listing_url(facet, n, lang)),
    }
