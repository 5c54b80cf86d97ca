"""Where things are in the raw data: its sections, the items in them, and the texts,
addresses and Markdown bodies with their paths."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kb.load import PathKey

# Each section of the file and what one item of it is called in messages.
SECTIONS = {"areas": "area", "organisations": "organisation", "records": "record"}
TEXT_FIELDS = ("title", "summary", "body", "notes", "name", "intention", "description", "label")
# Fields whose texts are shown on the pages, checked for HTML: the texts and the keywords.
SHOWN_FIELDS = frozenset((*TEXT_FIELDS, "unit", "keywords"))


def items(data: dict[str, Any], section: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """The items of `section` that are blocks of fields, with their index."""
    found = data.get(section)
    if isinstance(found, list):
        for index, item in enumerate(found):
            if isinstance(item, dict):
                yield index, item


def strings(value: Any, path: PathKey) -> Iterator[tuple[PathKey, str]]:
    """Every text in `value` (which stands at `path`), with its path."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from strings(item, (*path, index))


def is_text_field(path: PathKey) -> bool:
    """A text shown to readers: a language of a text field, a keyword or a unit."""
    return bool(SHOWN_FIELDS.intersection(p for p in path if isinstance(p, str)))


def shown_strings(data: dict[str, Any]) -> Iterator[tuple[PathKey, str]]:
    """Every text that is shown on the pages (the texts and keywords of each area,
    organisation and record), with its path."""
    for section in SECTIONS:
        for index, item in items(data, section):
            for path, text in strings(item, (section, index)):
                if SHOWN_FIELDS.intersection(path[2:]):
                    yield path, text


def urls(data: dict[str, Any]) -> Iterator[tuple[PathKey, str]]:
    """Every address in the data (string-typed; the schema reports other types)."""
    for section in SECTIONS:
        for index, item in items(data, section):
            base: PathKey = (section, index)
            candidates: list[tuple[PathKey, Any]] = [((*base, "url"), item.get("url"))]
            sources = item.get("sources")
            for n, url in enumerate(sources if isinstance(sources, list) else []):
                candidates.append(((*base, "sources", n), url))
            for field, key in (("documents", "url"), ("figures", "source")):
                entries = item.get(field)
                for n, entry in enumerate(entries if isinstance(entries, list) else []):
                    if isinstance(entry, dict):
                        candidates.append(((*base, field, n, key), entry.get(key)))
            for path, url in candidates:
                if isinstance(url, str):
                    yield path, url


def markdown_texts(data: dict[str, Any]) -> Iterator[tuple[PathKey, str]]:
    """The texts written in Markdown: each record's body, in each language."""
    for index, item in items(data, "records"):
        body = item.get("body")
        if isinstance(body, dict):
            for lang, text in body.items():
                if isinstance(text, str):
                    yield ("records", index, "body", lang), text
