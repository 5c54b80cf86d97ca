"""The text of a built page that the search index gets: what Pagefind itself would read
(inside `data-pagefind-body`, outside ignored elements, scripts and styles, with the
attributes named by `data-pagefind-index-attrs`), after the labels and badges every record
page repeats (IGNORED_CLASSES) are marked ignored. The vocabulary of the search page and the
base forms added to the index are counted from this text (kb.search.index)."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

IGNORED_CLASSES = frozenset({"kb-eyebrow", "kb-badge", "kb-facts", "kb-meta", "kb-cards"})
_NAMES = re.compile("|".join(sorted(map(re.escape, IGNORED_CLASSES))))
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
_BODY_TAG = re.compile(r"<body(?:\s[^<>]*)?>", re.I)
_H1 = re.compile(r"<h1[\s/>]", re.I)
_CLASS = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_VOID = frozenset(
    "area base br col embed hr img input link meta source track wbr".split()
)  # fmt: skip


def _marked(match: re.Match[str]) -> str:
    """The start tag `match` with data-pagefind-ignore when one of its classes is ignored."""
    attrs = match.group(2) or ""
    found = _CLASS.search(attrs)
    if not found or "data-pagefind-ignore" in attrs:
        return match.group(0)
    classes = set((found.group(1) or found.group(2) or "").split())
    if not classes & IGNORED_CLASSES:
        return match.group(0)
    return f"<{match.group(1)} data-pagefind-ignore{attrs}{match.group(3)}>"


def ignore_repeated(html: str) -> str:
    """Mark the elements of IGNORED_CLASSES `data-pagefind-ignore`.

    Only a start tag that holds one of the names can change, and a start tag holds no '<'
    or '>' (`_START_TAG`), so each place a name occurs is looked up in the tag around it:
    the same tags as `_START_TAG.sub(_marked, html)` marks (which calls Python for every
    tag of the page), at a few calls per page."""
    parts: list[str] = []
    done, last = -1, 0
    for found in _NAMES.finditer(html):
        start = html.rfind("<", 0, found.start())
        if start <= done or html.find(">", start, found.start()) != -1:
            continue  # the tag was looked at already, or the name is not inside a tag
        match = _START_TAG.match(html, start)
        if match is None or match.end() <= found.start():
            continue
        done = start
        marked = _marked(match)
        if marked != match.group(0):
            parts += (html[last:start], marked)
            last = match.end()
    return "".join(parts) + html[last:] if parts else html


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


Span = tuple[int, int, int]  # where the header begins and ends, and the page's length


def page_text(html: str) -> str:
    """`indexed_text(ignore_repeated(html))`, the same text, read 7-11 times quicker on the
    generated pages (the real site and a 1,000-record one): with regular expressions
    instead of html.parser, the classes of IGNORED_CLASSES read as `ignore_repeated` reads
    them, and from the first element marked `data-pagefind-body` on (nothing before it is
    indexed, and the header and navigation before it are most of a page's bytes) when what
    comes before it is plain HTML that leaves no ignored element open. A page holding
    anything but the plain, well-formed HTML the templates write (see `_quick_parts`) is
    read the slow way."""
    return read_page(html)[0]


def read_page(html: str) -> tuple[str, Span | None]:
    """`page_text(html)` and `header_span(html)`, the page's plain HTML checked once."""
    start = _body_start(html)
    span = _header_span(html, start)
    if start is None or (span is None and not _plain_prefix(html[:start])):
        start = 0  # (a span is only found where html[:start] is plain)
    parts = _quick_parts(html, start)
    text = indexed_text(ignore_repeated(html)) if parts is None else " ".join(parts)
    return text, span


def without_header(html: str) -> str:
    """`html` without what lies between its `<body>` tag and the first element marked
    `data-pagefind-body` (the header, the navigation and the tabs: about half of a record
    page's bytes), for the copy Pagefind reads: it indexes nothing of that part, so its
    index is the same, and it reads and parses half as much (see `header_span`)."""
    return cut_header(html, header_span(html))


def cut_header(html: str, span: Span | None) -> str:
    """`html` without the header `header_span` found in it; the page as it is when there
    was none, or when `html` is not the page it was found in (another length)."""
    if span is None or span[2] != len(html):
        return html
    return html[: span[0]] + html[span[1] :]


def header_span(html: str) -> Span | None:
    """Where `without_header` cuts `html`; None where it leaves the page as it is.

    Pagefind reads three things outside the body (see its `fossick/parser.rs`): the
    `data-pagefind-*` attributes (metadata, filters, sort keys), the first `<h1>` on the
    page as its title, and the first image after a title. Nothing is cut when the page
    holds a `data-pagefind` attribute anywhere before the body (a title set in the head
    would make an image in the part the page's image), when the part holds an `<h1>`
    (without a title before it, an image in it is not taken), when the part before the
    body is not the plain HTML `_plain_prefix` reads, or when there is no `<body>` tag
    after `</head>` outside a script. The end tags of the elements cut open stay: after
    the body's own end tag they close nothing Pagefind reads."""
    return _header_span(html, _body_start(html))


def _header_span(html: str, start: int | None) -> Span | None:
    head_end = html.find("</head>") if start is not None else -1
    body = _BODY_TAG.search(html, head_end) if head_end >= 0 else None
    if start is None or body is None or body.end() > start:
        return None
    cut = html[body.end() : start]
    if html.find("data-pagefind", 0, start) >= 0 or _H1.search(cut):
        return None
    if not (_plain_prefix(html[: body.end()]) and _plain_prefix(cut)):
        return None  # the two together are html[:start]; the first ends outside any script
    return body.end(), start, len(html)


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
            values = {n: _value(v) if eq else None for n, eq, v in pairs}  # the last wins
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
