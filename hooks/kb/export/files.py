"""Open data: the records and areas as JSON (both languages) and CSV (one per language).

The JSON has the structure of data/measures.yaml, so it validates against the same JSON
Schema. CSV: comma-delimited, RFC 4180 quoting, UTF-8, a header row, one row per record;
lists are joined with " | ".
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from typing import Any

from kb.model import Area, Record, Site, Text
from kb.urls import area_path, record_path, record_url

EXPORT_DIR = "data/"
JSON_NAME = "hankinta-suomi.json"
SCHEMA_NAME = "measures.schema.json"
LIST_SEPARATOR = " | "
CSV_COLUMNS = (
    "id",
    "url",
    "kind",
    "origin",
    "title",
    "summary",
    "areas",
    "area_names",
    "period_start",
    "period_end",
    "status",
    "responsible",
    "partners",
    "related",
    "figures",
    "documents",
    "sources",
    "notes",
)


def csv_name(lang: str) -> str:
    return f"hankinta-suomi-{lang}.csv"


def _text(text: Text | None) -> dict[str, str] | None:
    return {"fi": text.fi, "sv": text.sv} if text is not None else None


def _drop_empty(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v not in (None, [], {}, "")}


def _area(area: Area) -> dict[str, Any]:
    return _drop_empty(
        {
            "id": area.id,
            "number": area.number,
            "name": _text(area.name),
            "intention": _text(area.intention),
            "description": _text(area.description),
            "notes": _text(area.notes),
            "sources": list(area.sources),
        }
    )


def _record(record: Record) -> dict[str, Any]:
    period = None
    if record.period is not None:
        period = _drop_empty({"start": record.period.start, "end": record.period.end})
    keywords = _drop_empty({"fi": list(record.keywords_fi), "sv": list(record.keywords_sv)})
    return _drop_empty(
        {
            "id": record.id,
            "kind": record.kind.value,
            "origin": record.origin.value,
            "title": _text(record.title),
            "summary": _text(record.summary),
            "body": _text(record.body),
            "areas": list(record.areas),
            "related": list(record.related),
            "period": period,
            "status": record.status.value,
            "organisations": _drop_empty(
                {"responsible": list(record.responsible), "partners": list(record.partners)}
            ),
            "figures": [
                _drop_empty(
                    {
                        "value": f.value,
                        "unit": _text(f.unit),
                        "label": _text(f.label),
                        "year": f.year,
                        "source": f.source,
                    }
                )
                for f in record.figures
            ],
            "documents": [
                {"url": d.url, "label": _text(d.label), "language": d.language, "format": d.format}
                for d in record.documents
            ],
            "sources": list(record.sources),
            "notes": _text(record.notes),
            "no_document": _text(record.no_document),
            "origin_inferred": record.origin_inferred or None,
            "keywords": keywords,
            "added": record.added,
            "updated": record.updated,
            "old_ids": list(record.old_ids),
        }
    )


def to_data(site: Site) -> dict[str, Any]:
    """The whole site as plain data in the structure of the data file."""
    return {
        "areas": [_area(a) for a in site.areas],
        "organisations": [
            _drop_empty({"id": o.id, "name": _text(o.name), "url": o.url})
            for o in site.organisations
        ],
        "records": [_record(r) for r in site.records],
    }


def to_json(site: Site) -> str:
    """JSON of `to_data`, in a stable order; compact, so that the C encoder writes it."""
    return json.dumps(to_data(site), ensure_ascii=False, separators=(",", ":")) + "\n"


def record_json(record: Record) -> str:
    """One record's open data: the record's entry of `to_data`, readable (indented)."""
    return json.dumps(_record(record), ensure_ascii=False, indent=1) + "\n"


def record_json_path(record_id: str) -> str:
    """Site-relative address of a record's JSON file (the same for every language)."""
    return f"{EXPORT_DIR}records/{record_id}.json"


# A cell a spreadsheet would run as a formula starts with one of these (OWASP, "CSV
# Injection"): such a cell gets a leading apostrophe, which spreadsheets show as text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def csv_cell(value: str) -> str:
    """`value` safe to open in a spreadsheet: '=1+1' -> "'=1+1"."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def to_csv(site: Site, lang: str, site_url: str, table: Mapping[str, str]) -> str:
    """One row per record, texts in `lang`; no cell starts a formula (csv_cell)."""
    orgs = site.organisation_by_id
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    join = LIST_SEPARATOR.join
    for r in site.records:
        figures = []
        for f in r.figures:
            unit = f" {f.unit.get(lang)}" if f.unit else ""
            year = f" ({f.year})" if f.year else ""
            figures.append(f"{f.value:g}{unit} {f.label.get(lang)}{year}")
        writer.writerow(
            csv_cell(cell)
            for cell in [
                r.id,
                site_url + record_url(r.id, lang),
                r.kind.value,
                r.origin.value,
                r.title.get(lang),
                r.summary.get(lang),
                join(r.areas),
                join(site.area_by_id[a].name.get(lang) for a in r.areas),
                r.period.start if r.period else "",
                (r.period.end or "") if r.period else "",
                r.status.value,
                join(orgs[o].name.get(lang) for o in r.responsible),
                join(orgs[o].name.get(lang) for o in r.partners),
                join(r.related),
                join(figures),
                join(d.url for d in r.documents),
                join(r.sources),
                r.notes.get(lang) if r.notes else "",
            ]
        )
    return out.getvalue()


# --- Feed, redirects, structured data ---------------------------------------------------

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
