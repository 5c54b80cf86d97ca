"""How a record's links read on its page: the document action (what, in which language and
format, on which host), sources as readable links, the trail back to the home page, and
editorial notes kept where they help. Pure: data and string tables in, plain values out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote, urlsplit

from kb.links import is_programme_wide
from kb.model import Document, Kind, Record, Site
from kb.urls import area_url, browse_url, lang_prefix, record_url
from kb.views.format import format_when

View = dict[str, Any]

_FILE_SUFFIX = re.compile(r"\.(pdf|docx?|xlsx?|pptx?|html?|aspx|php)$", re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9\"”(])")
# A note sentence about the other language's wording (a name we translated ourselves,
# the other language's sources) helps the readers of that language only: the Finnish
# page leaves out sentences about Swedish (and not Finnish) wording, and the other way.
_ABOUT = {
    "fi": (
        re.compile(r"ruotsinkieli|ruotsiksi", re.IGNORECASE),
        re.compile(r"suomenkieli|suomeksi", re.IGNORECASE),
    ),
    "sv": (
        re.compile(r"\bfinsk|på finska", re.IGNORECASE),
        re.compile(r"\bsvensk|på svenska", re.IGNORECASE),
    ),
}


def area_link(site: Site, area_id: str, lang: str) -> View:
    """An area as a link: its id, number, name and address in `lang`."""
    area = site.area_by_id[area_id]
    return {
        "id": area.id,
        "number": area.number,
        "name": area.name.get(lang),
        "url": area_url(area.id, lang),
    }


def card(record: Record, lang: str, table: Mapping[str, str], site: Site) -> View:
    """What a record card shows in lists: title, link, kind, date, status, origin."""
    return {
        "id": record.id,
        "title": record.title.get(lang),
        "url": record_url(record.id, lang),
        "summary": record.summary.get(lang),
        "kind": record.kind.value,
        "kind_label": table[f"kind_{record.kind.value}"],
        "status": record.status.value,
        "status_label": table[f"status_{record.status.value}"],
        "origin": record.origin.value,
        "period": format_when(record, table),
    }


def host(url: str) -> str:
    """'https://www.vm.fi/x' -> 'vm.fi'."""
    name = (urlsplit(url).hostname or "").lower()
    return name[4:] if name.startswith("www.") else name


def document_view(doc: Document, lang: str, table: Mapping[str, str]) -> View:
    """A document link with what a reader wants to know before opening it."""
    return {
        "url": doc.url,
        "label": doc.label.get(lang),
        "language": doc.language,
        "hreflang": doc.language if doc.language in ("fi", "sv", "en") else "",
        "language_label": table[f"lang_{doc.language}"],
        "format": table[f"format_{doc.format}"],
        "host": host(doc.url),
    }


def primary_action(record: Record, table: Mapping[str, str]) -> str:
    """The label of the main button: a tool is a service one goes to, the rest is read."""
    return table["action_open_service" if record.kind is Kind.TOOL else "action_open_document"]


def _readable_path(url: str) -> str:
    """The last meaningful segment of an address as words: '.../osaamisen-tila-0' ->
    'osaamisen tila 0'; '' when the address has no path worth reading."""
    parts = [unquote(p) for p in urlsplit(url).path.split("/") if p.strip()]
    while parts and (parts[-1].lower() in {"index.html", "index.htm", "-"} or len(parts[-1]) < 3):
        parts.pop()
    if not parts:
        return ""
    words = _FILE_SUFFIX.sub("", parts[-1]).replace("-", " ").replace("_", " ").strip()
    words = re.sub(r"\s+", " ", words)
    if len(words) > 70:
        words = words[:68].rsplit(" ", 1)[0] + " …"
    return words[:1].upper() + words[1:]


def source_view(url: str) -> View:
    """A source as a link a reader can read: the page's own words, and its host."""
    title = _readable_path(url)
    return {"url": url, "title": title or host(url), "host": host(url) if title else ""}


def notes_for(record_notes: str, lang: str) -> str:
    """Editorial notes of a page, without the sentences that concern only the other
    language's page (there, the note in that language says the same)."""
    other, own = _ABOUT[lang]
    sentences = _SENTENCE.split(record_notes.strip())
    kept = [s for s in sentences if not (other.search(s) and not own.search(s))]
    return " ".join(kept).strip()


def breadcrumbs(site: Site, record: Record, lang: str, table: Mapping[str, str]) -> list[View]:
    """Home › the record's area (an area-specific record) or the listing › the record."""
    trail: list[View] = [{"name": table["breadcrumb_home"], "url": lang_prefix(lang)}]
    if record.areas and not is_programme_wide(record, len(site.areas)):
        area = min((site.area_by_id[a] for a in record.areas), key=lambda a: a.number)
        trail.append({"name": area.name.get(lang), "url": area_url(area.id, lang)})
    else:
        trail.append({"name": table["browse_title"], "url": browse_url(lang)})
    return trail
