"""Small HTML reader for assertions on the built site (standard library only)."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    classes: tuple[str, ...]
    text: str = ""


@dataclass
class Page:
    """What the tests need to know of one HTML file."""

    lang: str = ""
    elements: list[Element] = field(default_factory=list)

    def find(self, tag: str, cls: str | None = None, **attrs: str) -> list[Element]:
        return [
            e
            for e in self.elements
            if e.tag == tag
            and (cls is None or cls in e.classes)
            and all(e.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())
        ]


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._open: list[Element] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.page.lang = values.get("lang", "")
        element = Element(tag, values, tuple(values.get("class", "").split()))
        self.page.elements.append(element)
        if tag in ("a", "li", "h1", "h2", "h3", "td", "th", "title", "p", "span", "dd"):
            self._open.append(element)

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i].tag == tag:
                del self._open[i]
                break

    def handle_data(self, data: str) -> None:
        for element in self._open:
            element.text += data


def read(path: Path) -> Page:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    return reader.page


def target(site: Path, page_path: Path, href: str, site_url: str) -> Path | None:
    """The file a link on `page_path` points to, or None for links that leave the site."""
    base = "/" + page_path.relative_to(site).as_posix()
    if href.startswith(site_url):
        href = "/" + href[len(site_url) :]
    parts = urlsplit(urljoin(base, href))
    if parts.scheme or parts.netloc:
        return None
    path = site / unquote(parts.path).lstrip("/")
    if parts.path.endswith("/") or path.is_dir():
        path = path / "index.html"
    return path
