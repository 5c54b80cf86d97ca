"""What each generated page shows: plain dictionaries ("views") that the Jinja templates
under overrides/ read, chosen by the page's reference. Pure: data and string tables in,
plain values out; no markup here. One module per page: record, area, home, overview
(kb.views), the listings among them (kb.views.listing).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kb.links import Graph
from kb.listings import Listings, build_listings
from kb.model import Site
from kb.pageref import PageKind, PageRef
from kb.settings import Programme
from kb.views.area import area_view
from kb.views.home import home_view
from kb.views.listing import listing_view
from kb.views.overview import overview_view
from kb.views.record import record_view

View = dict[str, Any]


def view_for(
    site: Site,
    graph: Graph,
    ref: PageRef,
    lang: str,
    table: Mapping[str, str],
    listings: Listings | None = None,
    featured: tuple[str, ...] = (),
    programme: Programme | None = None,
) -> View | None:
    """The view of the page `ref`, or None when the data has no such page; `featured` are
    the ids of the home page's key results, `programme` is shaded on the overview's
    timeline (both from mkdocs.yml)."""
    if ref.kind is PageKind.RECORD:
        record = site.record_by_id.get(ref.key)
        return record_view(site, graph, record, lang, table) if record else None
    if ref.kind is PageKind.AREA:
        return area_view(site, graph, ref.key, lang, table) if ref.key in site.area_by_id else None
    if ref.kind is PageKind.HOME:
        return home_view(site, graph, lang, table, featured)
    listings = listings or build_listings(site, lang)
    if ref.kind is PageKind.OVERVIEW:
        return overview_view(site, graph, listings, lang, table, ref.number, programme)
    return listing_view(site, listings, ref, lang, table)
