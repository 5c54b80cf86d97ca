"""The open data as a Frictionless Data Package (datapackage.json, a Table Schema per CSV
file) and as the schema.org `Dataset` of the open-data pages."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kb.export.files import CSV_COLUMNS
from kb.export.meta import CATALOG_TTL, DatasetMeta
from kb.model import Kind, Origin, Status

_PERIOD = r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?"
# The allowed values come from the data model, so a new kind or status cannot drift apart.
_ENUMS = {
    "kind": [kind.value for kind in Kind],
    "origin": [origin.value for origin in Origin],
    "status": [status.value for status in Status],
}


def _column(name: str, table: Mapping[str, str]) -> dict[str, Any]:
    field: dict[str, Any] = {
        "name": name,
        "type": "string",
        "title": table[f"column_{name}_title"],
        "description": table[f"column_{name}"],
    }
    constraints: dict[str, Any] = {}
    if name in ("id", "url", "kind", "origin", "title", "summary", "areas", "status"):
        constraints["required"] = True
    if name in ("id", "url"):
        constraints["unique"] = True
    if name == "url":
        field["format"] = "uri"
    if name in _ENUMS:
        constraints["enum"] = _ENUMS[name]
    if name.startswith("period_"):
        constraints["pattern"] = _PERIOD
    if constraints:
        field["constraints"] = constraints
    return field


def datapackage(meta: DatasetMeta, tables: Mapping[str, Mapping[str, str]]) -> dict[str, Any]:
    """A Tabular Data Package: the CSV files with a Table Schema each (texts in the file's
    language), paths relative to datapackage.json so that it validates where it lies."""
    resources = []
    for export in meta.exports:
        if export.format != "CSV" or export.language is None:
            continue
        table = tables[export.language]
        resources.append(
            {
                "name": export.name.removesuffix(".csv"),
                "path": export.name,
                "profile": "tabular-data-resource",
                "title": export.title.get(export.language),
                "format": "csv",
                "mediatype": export.media_type,
                "encoding": "utf-8",
                "bytes": export.size,
                "dialect": {"delimiter": ",", "quoteChar": '"', "header": True},
                "schema": {
                    "fields": [_column(name, table) for name in CSV_COLUMNS],
                    "primaryKey": ["id"],
                },
            }
        )
    first = meta.languages[0]
    licence = meta.licence
    return {
        "profile": "tabular-data-package",
        "name": meta.name,
        "id": meta.url(CATALOG_TTL) + "#dataset",
        "title": meta.title.get(first),
        "description": meta.description.get(first),
        "homepage": meta.landing[first],
        "keywords": list(meta.keywords[first]),
        "licenses": [{"name": licence.id, "path": licence.url, "title": licence.title}],
        "contributors": [{"title": meta.publisher.name.get(first), "role": "publisher"}],
        "created": meta.modified + "T00:00:00Z",  # the spec asks for an RFC 3339 date-time
        "resources": resources,
    }


# --- schema.org ---------------------------------------------------------------------------


def schema_org(meta: DatasetMeta, lang: str) -> dict[str, Any]:
    """schema.org Dataset of the open-data page in `lang` (Google Dataset Search)."""
    publisher = {"@type": "Organization", "name": meta.publisher.name.get(lang)}
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "@id": meta.url(CATALOG_TTL) + "#dataset",
        "name": meta.title.get(lang),
        "description": meta.description.get(lang),
        "url": meta.landing[lang],
        "inLanguage": list(meta.languages),
        "keywords": list(meta.keywords[lang]),
        "license": meta.licence.url,
        "isAccessibleForFree": True,
        "publisher": publisher,
        "creator": publisher,
        "spatialCoverage": {"@type": "Country", "name": "Suomi" if lang == "fi" else "Finland"},
        "dateModified": meta.modified,
        "distribution": [
            {
                "@type": "DataDownload",
                "name": e.title.get(lang),
                "contentUrl": meta.url(e.name),
                "encodingFormat": e.media_type,
                "contentSize": f"{e.size} B",
                **({"inLanguage": e.language} if e.language else {}),
            }
            for e in meta.exports
        ],
    }
    if meta.start:
        data["temporalCoverage"] = f"{meta.start}/{meta.end or '..'}"
    return data
