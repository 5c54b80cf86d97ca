"""Links from the data to the site itself, which the data must not hold.

A record's documents and sources are the documents it describes and where its facts come
from: never a page of this site. Another record is linked with `related`, which the build
checks and which keeps working under any address; an absolute address of the site breaks
as soon as the site moves and is never checked.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

from kb.model import Site

# Inline Markdown links in texts; enough to find an address, not to render one.
_MARKDOWN_LINK = re.compile(r"\]\(\s*<?(https?://[^)\s>]+)")


def _place(url: str) -> tuple[str, str]:
    """Host and path of an address; ('', '') when it has no host."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").rstrip(".").lower()
    except ValueError:
        return "", ""
    return host, parts.path or "/"


def _inside(url: str, site: tuple[str, str]) -> bool:
    """Whether the address is on the site: its host, under its path (a site may share a host)."""
    host, path = _place(url)
    return bool(host) and host == site[0] and (path + "/").startswith(site[1])


def _addresses(site: Site) -> Iterator[tuple[str, str, str]]:
    """(owner, field, address) for every address in the data."""
    for area in site.areas:
        for url in area.sources:
            yield f"area '{area.id}'", "sources", url
    for record in site.records:
        owner = f"record '{record.id}'"
        for index, document in enumerate(record.documents):
            yield owner, f"documents[{index}].url", document.url
        for url in record.sources:
            yield owner, "sources", url
        for index, figure in enumerate(record.figures):
            if figure.source:
                yield owner, f"figures[{index}].source", figure.source
        for name in ("summary", "body", "notes", "no_document"):
            text = getattr(record, name)
            for lang in ("fi", "sv"):
                value = getattr(text, lang) if text is not None else ""
                for url in _MARKDOWN_LINK.findall(value):
                    yield owner, f"{name}.{lang}", url


def _line(raw: str, url: str) -> int:
    at = raw.find(url)
    return raw.count("\n", 0, at) + 1 if at >= 0 else 1


def self_links(site: Site, site_url: str, read: Callable[[], str], file: str) -> list[str]:
    """One located message per address in the data that points to the site itself.

    `read` gives the data file's text, read only when there is something to locate.
    """
    own = _place(site_url)
    found = [item for item in _addresses(site) if own[0] and _inside(item[2], own)]
    if not found:
        return []
    raw = read()
    return [
        f"{file}:{_line(raw, url)}: {owner}, field '{field}': '{url}' is an address of this "
        "site; link another record with 'related', and documents and sources to their own "
        "addresses"
        for owner, field, url in found
    ]
