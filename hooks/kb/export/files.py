"""Open data: the records and areas as JSON (both languages) and CSV (one per language).

The JSON has the structure of data/measures.yaml, so it validates against the same JSON
Schema. CSV: comma-delimited, RFC 4180 quoting, UTF-8, a header row, one row per record;
lists are joined with " | ".
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from kb.model import Area, Record, Site, Text
from kb.urls import record_url

EXPORT_DIR = "data/"
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


def json_name(name: str) -> str:
    """The JSON export of the data set `name` (mkdocs.yml extra.kb.open_data.name)."""
    return f"{name}.json"


def csv_name(name: str, lang: str) -> str:
    """The CSV export of the data set `name` in `lang`."""
    return f"{name}-{lang}.csv"


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


def to_csv(site: Site, lang: str, site_url: str) -> str:
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
