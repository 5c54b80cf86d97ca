"""Generated pages of one language: their references, titles and templates (`PageSpec`).
What each page shows is in kb.views, which records a listing holds in kb.listings, and
where each page lives in kb.urls.

Pure: data and string tables in, plain values out.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

from kb.listings import Listings, build_listings, facet_label
from kb.model import Site
from kb.pageref import META_KEY, Facet, PageKind, PageRef
from kb.paging import page_count, paged_title
from kb.strings import t
from kb.urls import source_path

# Characters YAML reads as a line break (U+0085, U+2028, U+2029) or refuses unescaped
# (the C1 controls), written as JSON escapes so that a front-matter value stays one line.
_YAML_ESCAPES = {c: f"\\u{c:04x}" for c in (*range(0x80, 0xA0), 0x2028, 0x2029)}


@dataclass(frozen=True)
class PageSpec:
    """One generated page: which page it is, its title, description and template."""

    ref: PageRef
    title: str
    description: str
    template: str
    body: str = ""

    @property
    def path(self) -> str:
        """The page's source path inside its language folder."""
        return source_path(self.ref)

    @property
    def in_nav(self) -> bool:
        """Only the areas, the overview and the first page of all records are in the
        navigation; thousands of record pages there would make every page heavy (Material
        copies the nav into each)."""
        ref = self.ref
        first = ref.number == 1
        return (
            ref.kind is PageKind.AREA
            or (ref.kind is PageKind.OVERVIEW and first)
            or (ref.kind is PageKind.LISTING and first and ref.facet == Facet())
        )

    def markdown(self) -> str:
        """The page as Markdown with front matter (JSON strings are valid YAML)."""
        meta = {
            "title": self.title,
            "description": self.description,
            "template": self.template,
            META_KEY: self.ref.to_meta(),
        }
        head = "\n".join(
            f"{k}: {json.dumps(v, ensure_ascii=False).translate(_YAML_ESCAPES)}"
            for k, v in meta.items()
        )
        return f"---\n{head}\n---\n\n{self.body}\n"


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


def page_specs(
    site: Site, lang: str, table: Mapping[str, str], listings: Listings | None = None
) -> list[PageSpec]:
    """All generated pages of `lang`, in a stable order."""
    listings = listings or build_listings(site, lang)
    specs = [
        PageSpec(
            ref=PageRef.record(record.id),
            title=record.title.get(lang),
            description=record.summary.get(lang),
            template="kb-record.html",
            body=record.body.get(lang) if record.body else "",
        )
        for record in site.records
    ]
    specs += [
        PageSpec(
            ref=PageRef.area(area.id),
            title=area.name.get(lang),
            description=area.intention.get(lang),
            template="kb-area.html",
        )
        for area in site.areas
    ]
    for number in range(1, page_count(len(site.records)) + 1):
        specs.append(
            PageSpec(
                ref=PageRef.overview(number),
                title=paged_title(table["overview_title"], number, table),
                description=table["home_areas_intro"],
                template="kb-overview.html",
            )
        )
    for facet, chosen in listings.members.items():
        title = _facet_title(site, facet, lang, table)
        for number in range(1, page_count(len(chosen)) + 1):
            specs.append(
                PageSpec(
                    ref=PageRef.listing(facet, number),
                    title=paged_title(title, number, table),
                    description=f"{title}: {t(table, 'browse_count', count=len(chosen))}",
                    template="kb-listing.html",
                )
            )
    return specs
