"""Validate the raw data: the JSON Schema first, then the rules a schema cannot express."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema

from kb_errors import DataError
from kb_load import Loaded, PathKey

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schema" / "measures.schema.json"

_SECTIONS = {"areas": "area", "organisations": "organisation", "records": "record"}
_HTML = re.compile(r"<\s*/?\s*[A-Za-z!?]")
_TEXT_FIELDS = ("title", "summary", "body", "notes", "name", "intention", "description", "label")
_TYPE_NAMES = {
    "string": "a text",
    "integer": "a whole number",
    "number": "a number",
    "object": "a block of fields",
    "array": "a list",
    "boolean": "yes/no",
    "null": "nothing",
}
_DEF_EXPECT = {
    "id": "an id of lower-case letters a-z, digits and single hyphens (e.g. 'mentor-programme-2022')",
    "url": "a web address starting with https://, http:// or mailto:",
    "date": "a date as text: \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\"",
    "plainText": "a non-empty text",
}


@lru_cache(maxsize=1)
def _validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def _describe(value: Any) -> str:
    if value is None or value == "":
        return "nothing"
    if isinstance(value, bool):
        return f"the yes/no value {'true' if value else 'false'}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        short = value if len(value) <= 40 else value[:37] + "..."
        return f"'{short}'"
    if isinstance(value, dict):
        return "a block of fields"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


def _field_name(path: PathKey) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _owner(data: Any, path: PathKey) -> tuple[str | None, PathKey]:
    """Name the area/organisation/record a path belongs to, and the path inside it."""
    if len(path) >= 2 and path[0] in _SECTIONS and isinstance(path[1], int):
        items = data.get(path[0]) if isinstance(data, dict) else None
        item = items[path[1]] if isinstance(items, list) and path[1] < len(items) else None
        ident = item.get("id") if isinstance(item, dict) else None
        label = f"'{ident}'" if isinstance(ident, str) and ident else f"number {path[1] + 1}"
        return f"{_SECTIONS[str(path[0])]} {label}", path[2:]
    return None, path


def _located(loaded: Loaded, file: str, path: PathKey, message: str) -> DataError:
    probe = path
    while probe and probe not in loaded.positions:
        probe = probe[:-1]
    line, col = loaded.positions.get(probe, (1, 1))
    owner, inner = _owner(loaded.data, path)
    field = _field_name(inner) or None
    return DataError(file, line, col, owner, field, message)


def _def_name(error: jsonschema.ValidationError) -> str | None:
    """Name of the schema definition ($defs) the failing subschema is, if any."""
    for name, subschema in _validator().schema.get("$defs", {}).items():
        if subschema == error.schema:
            return str(name)
    return None


def _schema_message(error: jsonschema.ValidationError) -> tuple[PathKey, str]:
    path: PathKey = tuple(error.absolute_path)
    kind = error.validator
    value = error.instance
    if kind == "required":
        missing = re.findall(r"'([^']+)' is a required property", error.message)
        name = missing[0] if missing else "?"
        return (*path, name), "is missing; it is required here"
    if kind == "additionalProperties":
        allowed = sorted((error.schema.get("properties") or {}).keys())
        extra = re.findall(r"'([^']+)'", error.message.split("(")[-1])
        name = extra[0] if extra else "?"
        close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
        hint = f"; did you mean '{close[0]}'?" if close else f"; known fields: {', '.join(allowed)}"
        return (*path, name), f"unknown field '{name}'{hint}"
    if kind == "type":
        expected = error.validator_value
        names = expected if isinstance(expected, list) else [expected]
        wanted = " or ".join(_TYPE_NAMES.get(n, n) for n in names)
        message = f"expected {wanted}, got {_describe(value)}"
        if "string" in names and isinstance(value, (bool, int, float)):
            message += "; put the value in quotes, e.g. \"no\" or \"2019\""
        elif names == ["object"] and isinstance(value, str) and path and path[-1] in _TEXT_FIELDS:
            message += "; write the text in both languages on two lines: 'fi: ...' and 'sv: ...'"
        elif isinstance(value, str) and {"number", "integer"} & set(names):
            message += "; write the number without quotes"
        return path, message
    if kind == "enum":
        options = ", ".join(str(o) for o in error.validator_value)
        return path, f"expected one of: {options}; got {_describe(value)}"
    if kind in ("pattern", "minLength", "maxLength"):
        name = _def_name(error)
        wanted = _DEF_EXPECT.get(name or "", "a valid value")
        if name == "plainText":
            return path, f"expected a non-empty text, got {_describe(value)}"
        return path, f"expected {wanted}, got {_describe(value)}"
    if kind == "minItems":
        n = error.validator_value
        return path, f"expected a list of at least {n} item{'s' if n != 1 else ''}, got {len(value)}"
    if kind == "uniqueItems":
        return path, "the list names the same item twice; keep each once"
    if kind in ("minimum", "maximum"):
        bound = "at least" if kind == "minimum" else "at most"
        return path, f"expected a number {bound} {error.validator_value}, got {_describe(value)}"
    return path, error.message


def _leaf_errors(error: jsonschema.ValidationError) -> Iterator[jsonschema.ValidationError]:
    if error.context:
        for sub in error.context:
            yield from _leaf_errors(sub)
    else:
        yield error


def schema_errors(loaded: Loaded, file: str) -> list[DataError]:
    """Every place where the data does not fit the JSON Schema, one message per cause."""
    errors = []
    reported: set[PathKey] = set()
    for error in _validator().iter_errors(loaded.data):
        for leaf in _leaf_errors(error):
            path, message = _schema_message(leaf)
            if path in reported:  # e.g. an empty text fails both minLength and pattern
                continue
            reported.add(path)
            errors.append(_located(loaded, file, path, message))
    return errors


def _items(data: dict[str, Any], section: str) -> Iterator[tuple[int, dict[str, Any]]]:
    items = data.get(section)
    if isinstance(items, list):
        for index, item in enumerate(items):
            if isinstance(item, dict):
                yield index, item


def _strings(value: Any, path: PathKey) -> Iterator[tuple[PathKey, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))


def rule_errors(loaded: Loaded, file: str) -> list[DataError]:
    """Cross-record rules: unique ids, references that resolve, sane periods, no HTML."""
    data = loaded.data
    if not isinstance(data, dict):
        return []
    errors: list[DataError] = []

    def err(path: PathKey, message: str) -> None:
        errors.append(_located(loaded, file, path, message))

    known: dict[str, set[str]] = {}
    for section in _SECTIONS:
        seen: dict[str, int] = {}
        for index, item in _items(data, section):
            ident = item.get("id")
            if not isinstance(ident, str):
                continue
            if ident in seen:
                first = loaded.positions.get((section, seen[ident], "id"), (0, 0))[0]
                err((section, index, "id"), f"the id '{ident}' is already used on line {first}")
            else:
                seen[ident] = index
        known[section] = set(seen)

    for index, item in _items(data, "records"):
        base: PathKey = ("records", index)
        ident = item.get("id")
        for key, section, what in (("areas", "areas", "area"), ("related", "records", "record")):
            refs = item.get(key)
            for n, ref in enumerate(refs if isinstance(refs, list) else []):
                if not isinstance(ref, str):
                    continue
                if key == "related" and ref == ident:
                    err((*base, key, n), "a record cannot be related to itself")
                elif ref not in known[section]:
                    close = difflib.get_close_matches(ref, sorted(known[section]), n=1)
                    hint = f"; did you mean '{close[0]}'?" if close else ""
                    err((*base, key, n), f"there is no {what} with the id '{ref}'{hint}")
        orgs = item.get("organisations")
        for role in ("responsible", "partners"):
            refs = orgs.get(role) if isinstance(orgs, dict) else None
            for n, ref in enumerate(refs if isinstance(refs, list) else []):
                if isinstance(ref, str) and ref not in known["organisations"]:
                    close = difflib.get_close_matches(ref, sorted(known["organisations"]), n=1)
                    hint = f"; did you mean '{close[0]}'?" if close else ""
                    err(
                        (*base, "organisations", role, n),
                        f"there is no organisation with the id '{ref}' (add it under "
                        f"'organisations'){hint}",
                    )
        period = item.get("period")
        if isinstance(period, dict):
            start, end = period.get("start"), period.get("end")
            if isinstance(start, str) and isinstance(end, str) and end < start[: len(end)]:
                err((*base, "period", "end"), f"the end {end} is before the start {start}")

    for section in _SECTIONS:
        for index, item in _items(data, section):
            for path, text in _strings(item, (section, index)):
                if path[-1] in ("url",) or "sources" in path or "source" in path:
                    continue
                if _HTML.search(text):
                    err(
                        path,
                        "HTML is not allowed in texts (found '<' before a letter); use Markdown "
                        "formatting, or put a space after a less-than sign",
                    )
    return errors


def validate(loaded: Loaded, file: str) -> list[DataError]:
    """All errors of the data; empty when it is valid."""
    return schema_errors(loaded, file) + rule_errors(loaded, file)
