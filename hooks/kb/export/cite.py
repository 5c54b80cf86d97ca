"""Citing a record: the parts of a citation per language and a CSL-JSON item for reference
managers (Zotero, Mendeley, Citavi). The record *page* is what is cited: its responsible
organisations are the authors, the site is the container, the page's permanent address is
the URL; the date of access is left to the reader."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from kb import urls
from kb.model import Record, Site

CSL_SUFFIX = ".csl.json"


def cite_year(record: Record) -> int | None:
    """The year the record's work is dated to: the start of its period (a report's
    publication date), else the year the record entered the site."""
    if record.period is not None:
        return record.period.start_year
    if record.added:
        return int(record.added[:4])
    return None


def _authors(site: Site, record: Record, lang: str, fallback: str) -> list[str]:
    orgs = site.organisation_by_id
    names = [orgs[o].name.get(lang) for o in record.responsible if o in orgs]
    return names or [fallback]


def record_url(site_url: str, lang: str, record_id: str) -> str:
    return site_url + urls.record_url(record_id, lang)


def citation(
    site: Site,
    record: Record,
    lang: str,
    site_url: str,
    site_name: str,
    table: Mapping[str, str],
) -> dict[str, Any]:
    """The parts of the citation in `lang` (its words from that language's UI table); the
    template joins them and escapes them."""
    year = cite_year(record)
    return {
        "lang": lang,
        "authors": ", ".join(_authors(site, record, lang, site_name)),
        "year": str(year) if year is not None else table["cite_no_year"],
        "title": record.title.get(lang),
        "site_name": site_name,
        "url": record_url(site_url, lang, record.id),
        "viewed": table["cite_viewed"],
        "accessed": table["cite_accessed"],
    }


def citations(
    site: Site,
    record: Record,
    lang: str,
    site_url: str,
    site_names: Mapping[str, str],
    tables: Mapping[str, Mapping[str, str]],
) -> list[dict[str, Any]]:
    """Every language's citation (the languages of `site_names`), the page's own first."""
    order = [lang, *(code for code in site_names if code != lang)]
    return [
        citation(site, record, code, site_url, site_names[code], tables[code]) for code in order
    ]


def csl_item(
    site: Site,
    record: Record,
    lang: str,
    site_url: str,
    site_name: str,
    kind_label: str,
    prefix: str,
) -> dict[str, Any]:
    """One CSL-JSON item (CSL 1.0.2 input schema: `type`, `id`, name and date variables);
    its id is `prefix` (the data set's name, mkdocs.yml extra.kb.open_data.name), the
    record's id and the language."""
    item: dict[str, Any] = {
        "id": f"{prefix}-{record.id}-{lang}",
        "type": "webpage",
        "title": record.title.get(lang),
        "author": [{"literal": name} for name in _authors(site, record, lang, site_name)],
        "container-title": site_name,
        "genre": kind_label,
        "abstract": record.summary.get(lang),
        "URL": record_url(site_url, lang, record.id),
        "language": lang,
    }
    year = cite_year(record)
    if year is not None:
        item["issued"] = {"date-parts": [[year]]}
    return item


def to_csl_json(item: Mapping[str, Any]) -> str:
    """A CSL-JSON file: a list of items (here, one)."""
    return json.dumps([item], ensure_ascii=False, indent=1) + "\n"
