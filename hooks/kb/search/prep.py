"""What the search index gets beyond a page's own text, and what it leaves out.

Before Pagefind reads a page, the copy it reads is changed (the published page is not):

- the labels and badges every record page repeats (kind, origin, status, the fact list
  with its period, areas and organisations) are marked `data-pagefind-ignore`, so they
  neither match every page nor show in a result's snippet (kb.search.text);
- a hidden second `data-pagefind-body` block is appended, after a marker, with the base
  forms and compound parts of the page's words (kb.search.vocabulary), the page type as a filter
  (`kbtyperecord` ..., so the search page can rank records first), the organisations
  as words of their own (they count only when a query names them), and the kind, year
  and summary as metadata (a result shows them instead of badge text).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape

from kb.model import Site
from kb.search.morph import words
from kb.strings import strings
from kb.urls import area_url, html_file, record_url

TYPE_TOKEN = "kbtype"  # + record, area or page
ORG_TOKEN = "kborg"  # + each word of an organisation's name, lower-cased
MARKER = "\u2042"  # ⁂: the search page cuts a page's content here (assets/search.js)


@dataclass(frozen=True)
class PageInfo:
    """What the index and a search result know of a generated page."""

    kind: str  # record, area or page
    label: str = ""  # the record's kind in the page's language
    year: str = ""  # '2022' or '2019–2023'
    snippet: str = ""  # the record's summary
    orgs: tuple[str, ...] = ()


def page_infos(site: Site, lang: str, table: Mapping[str, str]) -> dict[str, PageInfo]:
    """Site-relative HTML path -> PageInfo for the record and area pages of `lang`."""
    infos: dict[str, PageInfo] = {}
    for record in site.records:
        year = ""
        if record.period:
            start, end = record.period.start[:4], (record.period.end or "")[:4]
            year = start if not end or end == start else f"{start}–{end}"
        orgs = tuple(
            site.organisation_by_id[o].name.get(lang)
            for o in record.responsible + record.partners
            if o in site.organisation_by_id
        )
        infos[html_file(record_url(record.id, lang))] = PageInfo(
            "record", table[f"kind_{record.kind.value}"], year, record.summary.get(lang), orgs
        )
    for area in site.areas:
        infos[html_file(area_url(area.id, lang))] = PageInfo(
            "area", table.get("search_kind_area", ""), "", area.intention.get(lang)
        )
    return infos


def all_page_infos(site: Site, langs: Sequence[str]) -> dict[str, PageInfo]:
    """`page_infos` of every language in `langs`, with the languages' own UI strings."""
    infos: dict[str, PageInfo] = {}
    for lang in langs:
        infos |= page_infos(site, lang, strings(lang))
    return infos


def with_extra(html: str, info: PageInfo | None, extra_words: list[str]) -> str:
    """`html` with the hidden block of the module's text before `</body>`.

    The page type and the organisations are words of their own after the marker
    (`kbtyperecord`, `kborgkuntaliitto`): the search page asks for them by name, and no
    reader's word is a prefix of them, so "kunt" does not find every record of Kuntaliitto.
    (Pagefind's filters would do, but it writes their values in a different order on every
    run, and two builds of the same input must be identical.) Metadata are elements inside
    an ignored element: Pagefind reads them, but does not index their text."""
    kind = info.kind if info else "page"
    tokens = [TYPE_TOKEN + kind]
    meta = ""
    if info:
        tokens += org_tokens(info.orgs)
        fields = (("kind", info.label), ("year", info.year), ("snippet", info.snippet))
        meta = "".join(
            f'<span data-pagefind-meta="{key}">{escape(value)}</span>'
            for key, value in fields
            if value
        )
    text = " ".join(extra_words + tokens)
    block = (
        f"<div data-pagefind-body hidden>{MARKER} {escape(text)}"
        f"<div data-pagefind-ignore>{meta}</div></div>"
    )
    at = html.rfind("</body>")
    return html[:at] + block + html[at:] if at >= 0 else html + block


def org_tokens(names: tuple[str, ...]) -> list[str]:
    """'Suomen Kuntaliitto' -> ['kborgsuomen', 'kborgkuntaliitto'] (see `with_extra`)."""
    return list(dict.fromkeys(ORG_TOKEN + w for name in names for w in words(name)))
