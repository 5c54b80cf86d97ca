"""The open data's metadata from one source, `DatasetMeta`: the settings' texts, licence
and theme (mkdocs.yml extra.kb.open_data), the data's dates and the exported files. The
vocabularies that write it out are kb.export.dcat and kb.export.package."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kb.export.files import EXPORT_DIR
from kb.model import Organisation, Site, Text
from kb.settings import Licence, OpenData, Theme

CATALOG_TTL = "catalog.ttl"
CATALOG_JSONLD = "catalog.jsonld"
DATAPACKAGE = "datapackage.json"


@dataclass(frozen=True)
class Export:
    """One published file: its name under data/, what it is, and its size in bytes."""

    name: str
    title: Text
    media_type: str  # IANA media type, e.g. 'text/csv'
    format: str  # code of the EU file-type table, e.g. 'CSV'
    language: str | None  # a CSV has one language; the JSON both
    size: int
    conforms_to: str | None = None  # another exported file this one follows (its schema)


@dataclass(frozen=True)
class DatasetMeta:
    """Everything the three descriptions say, computed once per data version."""

    title: Text
    description: Text
    keywords: Mapping[str, tuple[str, ...]]
    publisher: Organisation
    contact_email: str | None
    contact_url: str | None
    site_url: str  # ends with '/'
    landing: Mapping[str, str]  # language -> absolute URL of the open-data page
    start: str | None  # 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'
    end: str | None
    modified: str  # 'YYYY-MM-DD'
    exports: tuple[Export, ...]
    name: str  # the data set's name (mkdocs.yml extra.kb.open_data.name)
    licence: Licence
    theme: Theme

    @property
    def languages(self) -> tuple[str, ...]:
        """The site's languages, its first language first (the order of `landing`)."""
        return tuple(self.landing)

    def url(self, name: str) -> str:
        """Absolute download address of an exported file."""
        return f"{self.site_url}{EXPORT_DIR}{name}"


def _dates(site: Site) -> tuple[str | None, str | None, str]:
    starts = [r.period.start for r in site.records if r.period]
    ends = [r.period.end or r.period.start for r in site.records if r.period]
    changed = [d for r in site.records for d in (r.updated, r.added) if d]
    modified = max(changed or ends or ["1970-01-01"])
    modified = (modified + "-01-01")[:10] if len(modified) < 10 else modified
    return (min(starts) if starts else None, max(ends) if ends else None, modified)


def dataset_meta(
    site: Site,
    site_url: str,
    settings: OpenData,
    publisher: Organisation,
    contact: tuple[str | None, str | None],
    landing: Mapping[str, str],
    exports: tuple[Export, ...],
) -> DatasetMeta:
    """The one metadata source: texts from mkdocs.yml (extra.kb.open_data), dates from
    the data."""
    start, end, modified = _dates(site)
    return DatasetMeta(
        title=settings.title,
        description=settings.description,
        keywords=dict(settings.keywords),
        publisher=publisher,
        contact_email=contact[0],
        contact_url=contact[1],
        site_url=site_url,
        landing=landing,
        start=start,
        end=end,
        modified=modified,
        exports=exports,
        name=settings.name,
        licence=settings.licence,
        theme=settings.theme,
    )
