"""The Atom feeds' entries (the site's and each area's), redirect pages of old record ids,
and a record page's schema.org JSON-LD."""

from __future__ import annotations

from typing import Any

from kb.model import Record, Site
from kb.urls import area_path, record_path, record_url

FEED_NAME = "feed.xml"
_JSONLD_TYPES = {
    "measure": "Project",
    "report": "Report",
    "handbook": "Book",
    "tool": "CreativeWork",
    "network": "Organization",
    "training": "Course",
    "event": "Event",
}


def _timestamp(date: str) -> str:
    parts = (date.split("-") + ["01", "01"])[:3]
    return f"{parts[0]}-{parts[1]}-{parts[2]}T00:00:00Z"


def feed_updated(site: Site) -> str:
    """The feed's own date: its newest entry, or else the newest date anywhere in the data."""
    dates = [d for r in site.records for d in (r.updated, r.added) if d]
    if not dates:
        dates = [d for r in site.records if r.period for d in (r.period.start, r.period.end) if d]
    return _timestamp(max(dates)) if dates else _timestamp("1970-01-01")


def area_feed_path(area_id: str) -> str:
    """Language-relative address of an area's Atom feed, next to the area's page."""
    return area_path(area_id) + FEED_NAME


def feed_entries(
    site: Site, lang: str, site_url: str, area: str | None = None
) -> list[dict[str, str]]:
    """Records that carry an `added` or `updated` date (of one area, if given), newest
    first (ties by id)."""
    dated = [
        (r.updated or r.added, r)
        for r in site.records
        if (r.updated or r.added) and (area is None or area in r.areas)
    ]
    dated.sort(key=lambda item: (item[0] or "", item[1].id), reverse=True)
    return [
        {
            "id": site_url + record_url(r.id, lang),
            "url": site_url + record_url(r.id, lang),
            "title": r.title.get(lang),
            "summary": r.summary.get(lang),
            "updated": _timestamp(date or ""),
            "published": _timestamp(r.added) if r.added else "",
        }
        for date, r in dated
    ]


def redirects(site: Site) -> list[tuple[str, str]]:
    """(old path, current path) pairs, language-relative, for every `old_ids` entry."""
    return sorted((record_path(old), record_path(r.id)) for r in site.records for old in r.old_ids)


def json_ld(site: Site, record: Record, lang: str, site_url: str) -> dict[str, Any]:
    """schema.org description of a record page."""
    url = site_url + record_url(record.id, lang)
    orgs = site.organisation_by_id
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": _JSONLD_TYPES[record.kind.value],
        "@id": url,
        "url": url,
        "name": record.title.get(lang),
        "description": record.summary.get(lang),
        "inLanguage": lang,
        "about": [site.area_by_id[a].name.get(lang) for a in record.areas],
        "isBasedOn": list(record.sources),
    }
    makers = [{"@type": "Organization", "name": orgs[o].name.get(lang)} for o in record.responsible]
    if makers:
        key = {"network": "founder", "event": "organizer", "training": "provider"}.get(
            record.kind.value, "creator"
        )
        data[key] = makers if len(makers) > 1 else makers[0]
    if record.period is not None:
        if record.kind.value == "event":
            data["startDate"] = record.period.start
            if record.period.end:
                data["endDate"] = record.period.end
        else:
            data["temporalCoverage"] = (
                f"{record.period.start}/{record.period.end}"
                if record.period.end
                else record.period.start
            )
    if record.documents:
        data["sameAs"] = [d.url for d in record.documents]
    return data
