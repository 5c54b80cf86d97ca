"""What the search index gets beyond a page's own text, and what it leaves out.

Before Pagefind reads a page, the copy it reads is changed (the published page is not):

- the labels and badges every record page repeats (kind, origin, status, the fact list
  with its period, areas and organisations) are marked `data-pagefind-ignore`, so they
  neither match every page nor show in a result's snippet;
- a hidden second `data-pagefind-body` block is appended, after a marker, with the base
  forms and compound parts of the page's words (kb_morph), the page type as a filter
  (`kbtyperecord` ..., so the search page can rank records first), the organisations
  as words of their own (they count only when a query names them), and the kind, year
  and summary as metadata (a result shows them instead of badge text).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape, unescape
from html.parser import HTMLParser

from kb.model import LANGS, Site
from kb.search.morph import words
from kb.strings import strings
from kb.urls import area_url, html_file, record_url

TYPE_TOKEN = "kbtype"  # + record, area or page
ORG_TOKEN = "kborg"  # + each word of an organisation's name, lower-cased
MARKER = "\u2042"  # ⁂: the search page cuts a page's content here (assets/search.js)
IGNORED_CLASSES = frozenset({"kb-eyebrow", "kb-badge", "kb-facts", "kb-meta", "kb-cards"})
_START_TAG = re.compile(r"<([a-zA-Z][\w-]*)(\s[^<>]*?)?(/?)>")
_ATTR_TEXT = r"""[^\s"'=<>/`]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?"""
_TAG = re.compile(rf"<(/?)([a-zA-Z][\w-]*)((?:\s+{_ATTR_TEXT})*)\s*(/?)>")
_ATTR = re.compile(r"""([^\s"'=<>/`]+)(?:\s*(=)\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
_PLAIN_VALUE = r"""(?>\s*=\s*(?>"[^"<>]*+"|'[^'<>]*+'|[^\s"'=<>`]*+(?<!/)))?"""
_PLAIN_TAG = rf"""(?>\s+[^\s"'=<>/`]++{_PLAIN_VALUE})*+\s*+"""
_PLAIN = re.compile(
    rf"""(?>[^<]++|<!doctype html>|<(?!(?:script|style)\b)[a-z][\w-]*{_PLAIN_TAG}/?>"""
    rf"""|</(?!(?:script|style)\b)[a-z][\w-]*\s*>|<(script|style){_PLAIN_TAG}>(?>[^<]++|<(?!/\s*\1\s*>))*+</\1\s*>)*+""",
    re.I,
)
_UNQUOTED_SLASH = re.compile(r"""=\s*[^\s"'=<>`]*/(?:\s|$)""")
_DOCTYPE = re.compile(r"<!doctype html>", re.I)
_SCRIPT_END = re.compile(r"</\s*script\s*>", re.I)  # html.parser's end of a script
_STYLE_END = re.compile(r"</\s*style\s*>", re.I)
_CLASS = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_VOID = frozenset(
    "area base br col embed hr img input link meta source track wbr".split()
)  # fmt: skip


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


def all_page_infos(site: Site) -> dict[str, PageInfo]:
    """`page_infos` of every language, with the languages' own UI strings."""
    infos: dict[str, PageInfo] = {}
    for lang in LANGS:
        infos |= page_infos(site, lang, strings(lang))
    return infos


def ignore_repeated(html: str) -> str:
    """Mark the elements of IGNORED_CLASSES `data-pagefind-ignore`."""

    def mark(match: re.Match[str]) -> str:
        attrs = match.group(2) or ""
        found = _CLASS.search(attrs)
        if not found or "data-pagefind-ignore" in attrs:
            return match.group(0)
        classes = set((found.group(1) or found.group(2) or "").split())
        if not classes & IGNORED_CLASSES:
            return match.group(0)
        return f"<{match.group(1)} data-pagefind-ignore{attrs}{match.group(3)}>"

    return _START_TAG.sub(mark, html)


class _Text(HTMLParser):
    """The text Pagefind indexes: inside data-pagefind-body, outside ignored elements,
    scripts and styles, with the attributes named by data-pagefind-index-attrs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.stack: list[tuple[bool, bool]] = []  # (in body, ignored) per open element

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {name for name, _ in attrs}
        body, ignored = self.stack[-1] if self.stack else (False, False)
        body = body or "data-pagefind-body" in names
        ignored = ignored or "data-pagefind-ignore" in names or tag in ("script", "style")
        if body and not ignored and "data-pagefind-index-attrs" in names:
            values = dict(attrs)
            for name in (values["data-pagefind-index-attrs"] or "").split(","):
                self.parts.append(values.get(name.strip()) or "")
        if tag not in _VOID:
            self.stack.append((body, ignored))

    def handle_endtag(self, tag: str) -> None:
        if tag not in _VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] == (True, False):
            self.parts.append(data)


def indexed_text(html: str) -> str:
    """The text of a page that the search index gets (see `_Text`)."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    return " ".join(parser.parts)


def page_text(html: str) -> str:
    """`indexed_text(ignore_repeated(html))`, the same text, 3-5 times quicker on the
    generated pages: read with regular expressions instead of html.parser, the classes of
    IGNORED_CLASSES read as `ignore_repeated` reads them, and from the first element
    marked `data-pagefind-body` on (nothing before it is indexed, and the header and
    navigation before it are most of a page's bytes) when what comes before it is plain
    HTML that leaves no ignored element open. A page holding anything but the plain,
    well-formed HTML the templates write (see `_quick_parts`) is read the slow way."""
    start = _body_start(html)
    if start is None or not _plain_prefix(html[:start]):
        start = 0
    parts = _quick_parts(html, start)
    return indexed_text(ignore_repeated(html)) if parts is None else " ".join(parts)


def _body_start(html: str) -> int | None:
    """Where the first start tag with a `data-pagefind-body` attribute begins."""
    at = html.find("data-pagefind-body")
    while at >= 0:
        tag_start = html.rfind("<", 0, at)
        tag = _TAG.match(html, tag_start) if tag_start >= 0 else None
        if tag and not tag.group(1) and tag.end() > at:
            if any(m.group(1).lower() == "data-pagefind-body" for m in _ATTR.finditer(tag[3])):
                return tag_start
        at = html.find("data-pagefind-body", at + 1)
    return None


def _plain_prefix(prefix: str) -> bool:
    """True when html.parser, reading `prefix`, ends outside every tag, comment and
    script, with no element open that the index ignores: only text, plain tags (no '<'
    or '>' in their values), the doctype, closed scripts and styles, and no
    ignore mark or ignored class anywhere."""
    if "data-pagefind-ignore" in prefix or any(c in prefix for c in IGNORED_CLASSES):
        return False
    return _PLAIN.fullmatch(prefix) is not None


def _quick_parts(html: str, at: int) -> list[str] | None:
    """The parts `_Text` collects from `ignore_repeated(html[at:])`; None when the HTML has
    anything html.parser might read otherwise than this expression: a '<' that starts no
    plain tag (a comment, a declaration other than the doctype, a processing instruction),
    '<' or '>' inside a tag, an unquoted value ending in '/'."""
    parts: list[str] = []
    stack: list[tuple[bool, bool]] = []  # (in body, ignored) per open element, as _Text
    end = len(html)
    while at < end:
        found = _TAG.search(html, at)
        stop = found.start() if found else end
        if at < stop:
            if "<" in html[at:stop]:
                doctype = _DOCTYPE.search(html, at, stop)
                if doctype is None or stack or "<" in html[at : doctype.start()]:
                    return None
                at = doctype.end()  # before any element: html.parser reads it as a declaration
                continue
            if stack and stack[-1] == (True, False):
                parts.append(unescape(html[at:stop]))
        if found is None:
            return parts
        at = found.end()
        closing, name, raw, selfclosing = found.groups()
        name = name.lower()
        if closing:
            if raw or selfclosing:
                return None
            if name not in _VOID and stack:
                stack.pop()
            continue
        if ">" in raw or _UNQUOTED_SLASH.search(raw):
            return None
        body, ignored = stack[-1] if stack else (False, False)
        names: set[str] = set()
        if "data-pagefind" in raw:
            pairs = [(m.group(1).lower(), m.group(2), m.group(3)) for m in _ATTR.finditer(raw)]
            names = {n for n, _, _ in pairs}
        body = body or "data-pagefind-body" in names
        ignored = ignored or "data-pagefind-ignore" in names or name in ("script", "style")
        if not ignored and "class" in raw and "data-pagefind-ignore" not in raw:
            cls = _CLASS.search(raw)  # what ignore_repeated marks ignored
            classes = set((cls.group(1) or cls.group(2) or "").split()) if cls else set()
            ignored = bool(classes & IGNORED_CLASSES)
        if body and not ignored and "data-pagefind-index-attrs" in names:
            values = {n: _value(v) if eq else None for n, eq, v in reversed(pairs)}
            for attr in (values["data-pagefind-index-attrs"] or "").split(","):
                parts.append(values.get(attr.strip()) or "")
        if name not in _VOID:
            stack.append((body, ignored))
            if selfclosing:  # <x/>: html.parser ends the element at once
                stack.pop()
            elif name in ("script", "style"):
                close = (_SCRIPT_END if name == "script" else _STYLE_END).search(html, at)
                if close is None:
                    return None
                at = close.start()  # html.parser reads everything up to it as text
    return parts


def _value(raw: str | None) -> str:
    raw = raw or ""
    return unescape(raw[1:-1] if raw[:1] in "\"'" else raw)


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
