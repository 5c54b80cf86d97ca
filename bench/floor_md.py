"""The content of a generated page written back as plain Markdown, for the benchmark's
floor: the same headings, paragraphs, lists, tables, links and emphasis, so that the floor
renders (and Pagefind indexes) the same text the generator's templates produced.

    to_markdown('<h2 id="x">Title</h2><p>See <a href="../a/">A</a>.</p>')
    -> '## Title\n\nSee [A](../a/).\n'

Elements the Markdown cannot say (class names, data attributes, SVG icons, forms, scripts)
are left out; their text is kept. Parts that Pagefind must skip (data-pagefind-ignore) are
wrapped in the same attribute, in a <div markdown="1"> (md_in_html). Standard library only.
"""

from __future__ import annotations

import html.parser
import re

_BLOCKS = {"p", "div", "section", "article", "header", "footer", "nav", "figure", "dl", "address"}
_SKIP = {"script", "style", "svg", "template", "noscript", "button", "form", "input", "label"}
_VOID = {"br", "hr", "img", "input", "meta", "link", "source", "wbr"}
_INLINE = {"strong": "**", "b": "**", "em": "_", "i": "_"}  # the same mark opens and closes


class _Converter(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []  # finished blocks
        self.line: list[str] = []  # the block being written
        self.lists: list[str] = []  # 'ul' / 'ol' nesting
        self.links: list[str | None] = []
        self.skip = 0
        self.row: list[str] | None = None
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None
        self.prefix = ""
        self.open: list[tuple[str, bool]] = []  # open elements; True: wrapped as ignored

    # Blocks ---------------------------------------------------------------------------

    def _flush(self) -> None:
        text = re.sub(r"[ \t\n]+", " ", "".join(self.line)).strip()
        self.line = []
        if text:
            self.out.append(self.prefix + text)
        self.prefix = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        ignored = any(name == "data-pagefind-ignore" for name, _ in attrs)
        if tag not in _VOID:
            self.open.append((tag, ignored and not self.skip and self.cell is None))
        if ignored and not self.skip and self.cell is None:
            self._flush()
            self.out.append('<div data-pagefind-ignore markdown="1">')
        if self.skip or tag in _SKIP:
            if tag not in _VOID:
                self.skip += 1
            return
        if self.cell is not None and tag not in ("td", "th", "tr"):
            if tag == "a":
                self.cell.append("[")
                self.links.append(dict(attrs).get("href"))
            return
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self._flush()
            self.prefix = "#" * int(tag[1]) + " "
        elif tag in ("ul", "ol"):
            self._flush()
            self.lists.append(tag)
        elif tag == "li":
            self._flush()
            marker = "1. " if self.lists and self.lists[-1] == "ol" else "- "
            self.prefix = "    " * max(len(self.lists) - 1, 0) + marker
        elif tag in _BLOCKS or tag in ("dt", "dd", "blockquote", "caption"):
            self._flush()
            if tag == "dt":
                self.line.append("**")
        elif tag == "table":
            self._flush()
            self.rows = []
        elif tag == "tr":
            self.row = []
        elif tag in ("td", "th"):
            self.cell = []
        elif tag == "a":
            self.line.append("[")
            self.links.append(dict(attrs).get("href"))
        elif tag in _INLINE:
            self.line.append(_INLINE[tag])
        elif tag == "br":
            self.line.append(" ")

    def handle_endtag(self, tag: str) -> None:
        self._end(tag)
        while self.open:
            name, wrapped = self.open.pop()
            if wrapped:
                self._flush()
                self.out.append("</div>")
            if name == tag:
                break

    def _end(self, tag: str) -> None:
        if self.skip:
            if tag in _SKIP or tag not in _VOID:
                self.skip -= 1
            return
        if self.cell is not None and tag == "a":
            href = self.links.pop() if self.links else None
            self.cell.append(f"]({href})" if href else "]")
            return
        if tag in ("td", "th") and self.cell is not None and self.row is not None:
            text = re.sub(r"\s+", " ", "".join(self.cell)).strip().replace("|", "\\|")
            self.row.append(text or " ")
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.rows.append(self.row)
            self.row = None
        elif tag == "table":
            self._table()
        elif tag == "a":
            href = self.links.pop() if self.links else None
            self.line.append(f"]({href})" if href else "]")
        elif tag in _INLINE:
            self.line.append(_INLINE[tag])
        elif tag == "dt":
            self.line.append("**")
            self._flush()
        elif tag in ("ul", "ol"):
            self._flush()
            if self.lists:
                self.lists.pop()
        elif tag in ("li", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "blockquote", "caption"):
            self._flush()
        elif tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        text = data.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_")
        text = text.replace("[", "\\[").replace("]", "\\]").replace("<", "&lt;")
        (self.cell if self.cell is not None else self.line).append(text)

    def _table(self) -> None:
        if not self.rows:
            return
        width = max(len(row) for row in self.rows)
        rows = [row + [" "] * (width - len(row)) for row in self.rows]
        lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]
        lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
        self.out.append("\n".join(lines))
        self.rows = []

    def result(self) -> str:
        self._flush()
        return "\n\n".join(self.out) + "\n"


def to_markdown(fragment: str) -> str:
    """Plain Markdown for an HTML fragment (see the module's text)."""
    converter = _Converter()
    converter.feed(fragment)
    converter.close()
    return converter.result()
