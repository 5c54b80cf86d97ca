"""Translation status per field: is each Swedish text a translation of the current Finnish?

Every bilingual text of the data (records, areas, organisations) and every hand-written page
is a *field*. The companion file data/translations.yaml keeps, for each field, a short
fingerprint of the Finnish text the Swedish one was last checked against:

    records:
      mentor-programme-2022:
        title: 3f2a9c0d41b7
        figures[0].label: 9e01d2c4a8f3
    pages:
      ohjelma.md:
        text: 5c1e77b0a2d9

A field is *ok* when the fingerprint of its Finnish text is the one stored, *stale* when the
Finnish text changed since (or was never checked: no stored fingerprint), *missing* when
one language has a text and the other has none. Whitespace does not count: re-wrapping a
paragraph does not make its translation stale. Pure functions; no I/O except `read_links`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from kb.errors import DataError
from kb.load import Loaded, PathKey, parse

SECTIONS: dict[str, str] = {
    "records": "record",
    "areas": "area",
    "organisations": "organisation",
    "pages": "page",
}
PAGE_FIELD = "text"
_HASH = re.compile(r"[0-9a-f]{12}")

Links = dict[str, dict[str, dict[str, str]]]  # section -> owner id -> field -> fingerprint


@dataclass(frozen=True)
class Field:
    """One translatable text: where it is and its two languages (None when absent)."""

    section: str  # a key of SECTIONS
    owner: str  # record/area/organisation id, or the Finnish page's path under docs/fi/
    field: str  # 'title', 'figures[0].label', 'keywords'; PAGE_FIELD for a page
    fi: str | None
    sv: str | None
    file: str  # where the Swedish text is (or would be)
    line: int


@dataclass(frozen=True)
class Status:
    field: Field
    status: str  # 'ok' | 'stale' | 'missing'
    reason: str  # '' | 'finnish-changed' | 'never-reviewed' | 'swedish-missing' | 'finnish-missing'

    def as_json(self) -> dict[str, Any]:
        f = self.field
        return {
            "record": f.owner,
            "type": SECTIONS[f.section],
            "field": f.field,
            "status": self.status,
            "reason": self.reason,
            "file": f.file,
            "line": f.line,
        }


def fingerprint(text: str) -> str:
    """Twelve hex digits of SHA-256 over the text with its whitespace runs made single spaces."""
    normal = " ".join(text.split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:12]


def _as_text(value: Any) -> str | None:
    """A language's text: a string, or a list of strings (keywords) joined; None if empty."""
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, list):
        items = [str(v) for v in value if isinstance(v, str | int | float) and str(v).strip()]
        return "\n".join(items) if items else None
    return None


def _name(path: PathKey) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _is_text(value: Any) -> bool:
    return isinstance(value, dict) and bool(value) and set(value) <= {"fi", "sv"}


def _walk(value: Any, path: PathKey) -> Iterator[tuple[PathKey, dict[str, Any]]]:
    """Every {fi, sv} block inside one record/area/organisation, with its path."""
    if _is_text(value):
        yield path, value
    elif isinstance(value, dict):
        for key, inner in value.items():
            if key not in ("id", "sources", "old_ids"):
                yield from _walk(inner, (*path, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            if isinstance(inner, dict):
                yield from _walk(inner, (*path, index))


def data_fields(loaded: Loaded, file: str) -> list[Field]:
    """The translatable texts of a parsed data file, in file order."""
    data = loaded.data if isinstance(loaded.data, dict) else {}
    fields: list[Field] = []
    for section in ("areas", "organisations", "records"):
        items = data.get(section)
        for index, item in enumerate(items if isinstance(items, list) else []):
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                continue  # the validator reports it
            for path, text in _walk(item, ()):
                fi, sv = _as_text(text.get("fi")), _as_text(text.get("sv"))
                full = (section, index, *path)
                line = loaded.positions.get((*full, "sv")) or loaded.positions.get(full, (1, 1))
                fields.append(Field(section, item["id"], _name(path), fi, sv, file, line[0]))
    return fields


def page_fields(pages: Mapping[str, tuple[str, str | None]]) -> list[Field]:
    """Hand-written pages: Finnish path -> (Finnish text, Swedish path or None if absent).
    A page's Swedish side is its Swedish file; its Finnish side is the whole Finnish file."""
    fields = []
    for path in sorted(pages):
        text, swedish = pages[path]
        sv_file = f"docs/sv/{swedish}" if swedish else f"docs/fi/{path}"
        fields.append(Field("pages", path, PAGE_FIELD, text or None, swedish or None, sv_file, 1))
    return fields


def status_of(field: Field, links: Links) -> Status:
    """ok, stale or missing, and why."""
    if field.fi is None and field.sv is None:
        return Status(field, "ok", "")
    if field.sv is None:
        return Status(field, "missing", "swedish-missing")
    if field.fi is None:
        return Status(field, "missing", "finnish-missing")
    stored = links.get(field.section, {}).get(field.owner, {}).get(field.field)
    if stored is None:
        return Status(field, "stale", "never-reviewed")
    if stored != fingerprint(field.fi):
        return Status(field, "stale", "finnish-changed")
    return Status(field, "ok", "")


def statuses(fields: Iterable[Field], links: Links) -> list[Status]:
    return [status_of(f, links) for f in fields]


def mark(links: Links, fields: Iterable[Field]) -> Links:
    """A copy of `links` in which each given field (with both languages) is reviewed now."""
    out: Links = {s: {o: dict(f) for o, f in owners.items()} for s, owners in links.items()}
    for f in fields:
        if f.fi is not None and f.sv is not None:
            out.setdefault(f.section, {}).setdefault(f.owner, {})[f.field] = fingerprint(f.fi)
    return out


def baseline(fields: Iterable[Field]) -> Links:
    """Links for every current field with both languages (and nothing else)."""
    return mark({}, fields)


def read_links(text: str | None, file: str) -> tuple[Links, list[DataError]]:
    """Parse the companion file; an absent file (None) means no field was reviewed yet."""
    if text is None or not text.strip():
        return {}, []
    loaded, errors = parse(text, file)
    if loaded is None:
        return {}, errors
    pos = loaded.positions

    def err(path: PathKey, message: str) -> None:
        line, col = pos.get(path, (1, 1))
        errors.append(DataError(file, line, col, None, _name(path) or None, message))

    links: Links = {}
    if not isinstance(loaded.data, dict):
        err((), "expected blocks 'records:', 'areas:', 'organisations:' and 'pages:'")
        return {}, errors
    for section, owners in loaded.data.items():
        if section not in SECTIONS:
            err((section,), f"unknown block; expected one of {', '.join(SECTIONS)}")
            continue
        if owners is None:
            continue
        if not isinstance(owners, dict):
            err((section,), "expected a block of ids, each with its fields")
            continue
        for owner, fields in owners.items():
            if not isinstance(fields, dict):
                err((section, owner), "expected a block of fields, e.g. 'title: 3f2a9c0d41b7'")
                continue
            for name, value in fields.items():
                if not (isinstance(value, str) and _HASH.fullmatch(value)):
                    err(
                        (section, owner, name),
                        "expected a fingerprint of 12 hex digits written by "
                        "'bash scripts/translations --mark'; run it instead of editing by hand",
                    )
                    continue
                links.setdefault(section, {}).setdefault(str(owner), {})[str(name)] = value
    return links, errors
