"""Validate the raw data: the JSON Schema first, then the rules a schema cannot express."""

from __future__ import annotations

import datetime as dt
import difflib
import json
import math
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import jsonschema.validators
import jsonschema_rs

from kb.chars import forbidden_problem, is_visible, odd_characters
from kb.errors import DataError
from kb.filecache import by_file_version
from kb.load import Loaded, PathKey
from kb.markdown import problems as markdown_problems
from kb.urls import url_problem

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "schema" / "measures.schema.json"

_SECTIONS = {"areas": "area", "organisations": "organisation", "records": "record"}
# Limits a real programme never reaches and an accident always does (the programme has
# about 50 records; the benchmark builds 10,000). Checked before anything is built.
MAX_RECORDS = 20_000
MAX_TEXT = 50_000  # characters in one text (a body of about 20 printed pages)
MAX_FIGURE = 10**15  # a figure's value, in either direction
# Ids that would take the address of another generated page (areas/index.md is the
# overview of the areas).
_RESERVED_IDS = {"index": "overview of its section"}
# A tag, comment or declaration starts with '<' directly followed by a letter, '/', '!' or '?'
# (that is how browsers and Markdown read it); "a < b", with a space, is plain text.
_HTML = re.compile(r"<[A-Za-z/!?][A-Za-z0-9-]*")
_TEXT_FIELDS = ("title", "summary", "body", "notes", "name", "intention", "description", "label")
# Fields whose texts are shown on the pages, checked for HTML: the texts and the keywords.
_SHOWN_FIELDS = frozenset((*_TEXT_FIELDS, "unit", "keywords"))
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
    "id": (
        "an id of lower-case letters a-z, digits and single hyphens (e.g. 'mentor-programme-2022')"
    ),
    "url": "a web address starting with https://, http:// or mailto:",
    "date": 'a date as text: "YYYY", "YYYY-MM" or "YYYY-MM-DD"',
    "plainText": "a non-empty text",
}


@cache
def _full_pattern(pattern: str) -> re.Pattern[str]:
    """The schema's pattern with JSON Schema's meaning of a final '$': the very end of the
    text. (In Python '$' also matches before a final line break, so 'vm\\n' would pass
    '^[a-z]+$'.)"""
    return re.compile(re.sub(r"(?<!\\)\$$", r"\\Z", pattern))


def _pattern(
    validator: Any, pattern: str, instance: Any, schema: dict[str, Any]
) -> Iterator[jsonschema.ValidationError]:
    if validator.is_type(instance, "string") and not _full_pattern(pattern).search(instance):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


_Validator = jsonschema.validators.extend(jsonschema.Draft202012Validator, {"pattern": _pattern})


@by_file_version(lambda: (SCHEMA_PATH,))
def _schema() -> dict[str, Any]:
    return dict(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


def _inline(node: Any, defs: dict[str, Any]) -> Any:
    """The schema with every local '$ref' replaced by its definition. The schema has no
    recursive definitions; without $ref lookups jsonschema validates about 1.8x faster."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            target = _inline(defs[ref.rsplit("/", 1)[1]], defs)
            rest = {k: _inline(v, defs) for k, v in node.items() if k != "$ref"}
            return {**target, **rest}
        return {k: _inline(v, defs) for k, v in node.items()}
    if isinstance(node, list):
        return [_inline(v, defs) for v in node]
    return node


@by_file_version(lambda: (SCHEMA_PATH,))
def _inlined_defs() -> dict[str, Any]:
    defs = _schema()["$defs"]
    return {name: _inline(subschema, defs) for name, subschema in defs.items()}


@by_file_version(lambda: (SCHEMA_PATH,))
def _validator() -> jsonschema.Draft202012Validator:
    schema = _schema()
    flat = {k: _inline(v, schema["$defs"]) for k, v in schema.items() if k != "$defs"}
    return _Validator(flat)


def _show(value: str) -> str:
    """A text for a one-line message: line breaks and tabs made visible, long texts cut."""
    value = value.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")
    return value if len(value) <= 40 else value[:37] + "..."


def _describe(value: Any) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        return "nothing"
    if isinstance(value, bool):
        return f"the yes/no value {'true' if value else 'false'}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"'{_show(value)}'"
    if isinstance(value, dict):
        return "a block of fields"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


def _field_name(path: PathKey) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{_show(part)}" if out else _show(part))
    return out


def _owner(data: Any, path: PathKey) -> tuple[str | None, PathKey]:
    """Name the area/organisation/record a path belongs to, and the path inside it."""
    if len(path) >= 2 and path[0] in _SECTIONS and isinstance(path[1], int):
        items = data.get(path[0]) if isinstance(data, dict) else None
        item = items[path[1]] if isinstance(items, list) and path[1] < len(items) else None
        ident = item.get("id") if isinstance(item, dict) else None
        label = (
            f"'{_show(ident)}'"
            if isinstance(ident, str) and ident.strip()
            else f"number {path[1] + 1}"
        )
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

    def bare(schema: Any) -> Any:  # a field's own description does not change its type
        return (
            {k: v for k, v in schema.items() if k != "description"}
            if isinstance(schema, dict)
            else schema
        )

    failing = bare(error.schema)
    for name, subschema in _inlined_defs().items():
        if bare(subschema) == failing:
            return str(name)
    return None


def _number_hint(value: str) -> str:
    """Advice for a text written where a number is expected."""
    bare = value.strip()
    if re.fullmatch(r"[-+]?\d+,\d+", bare):
        return "; write the number with a decimal point, e.g. 1.5, and without quotes"
    if re.fullmatch(r"[-+]?\d{1,3}([ \u00a0\u202f]\d{3})+([.,]\d+)?", bare):
        return "; write the number without spaces, e.g. 114000, and without quotes"
    if re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)[eE][-+]?\d+", bare):
        return "; write the number out in full, e.g. 1500 rather than 1.5e3"
    if re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)", bare):
        return "; write the number without quotes"
    return "; write just the number, in digits, without quotes or units"


def _first_repeat(items: list[Any]) -> int | None:
    """Index of the first item that repeats an earlier one."""
    seen: set[str] = set()
    for index, item in enumerate(items):
        key = json.dumps(item, sort_keys=True, default=str)
        if key in seen:
            return index
        seen.add(key)
    return None


def _schema_messages(error: jsonschema.ValidationError) -> list[tuple[PathKey, str]]:
    path: PathKey = tuple(error.absolute_path)
    kind = error.validator
    value = error.instance
    if kind == "required":
        return [
            ((*path, str(name)), "is missing; it is required here")
            for name in error.validator_value
            if isinstance(value, dict) and name not in value
        ]
    if kind == "additionalProperties":
        allowed = sorted((error.schema.get("properties") or {}).keys())
        out = []
        for name in value if isinstance(value, dict) else ():
            if name in allowed:
                continue
            close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
            hint = (
                f"; did you mean '{close[0]}'?"
                if close
                else f"; known fields: {', '.join(allowed)}"
            )
            out.append(((*path, name), f"unknown field '{_show(name)}'{hint}"))
        return out
    return [_schema_message(error, path, kind, value)]


def _schema_message(
    error: jsonschema.ValidationError, path: PathKey, kind: str, value: Any
) -> tuple[PathKey, str]:
    if kind == "type":
        expected = error.validator_value
        names = expected if isinstance(expected, list) else [expected]
        wanted = " or ".join(_TYPE_NAMES.get(n, n) for n in names)
        message = f"expected {wanted}, got {_describe(value)}"
        if not path:  # the whole file
            message += "; the file has three sections: 'areas:', 'organisations:' and 'records:'"
        if "string" in names and isinstance(value, (bool, int, float)):
            message += '; put the value in quotes, e.g. "no" or "2019"'
        elif names == ["object"] and isinstance(value, str) and path and path[-1] in _TEXT_FIELDS:
            message += "; write the text in both languages on two lines: 'fi: ...' and 'sv: ...'"
        elif isinstance(value, str) and {"number", "integer"} & set(names):
            message += _number_hint(value)
        return path, message
    if kind == "enum":
        options = ", ".join(str(o) for o in error.validator_value)
        return path, f"expected one of: {options}; got {_describe(value)}"
    if kind in ("pattern", "minLength", "maxLength"):
        name = _def_name(error)
        wanted = _DEF_EXPECT.get(name or "", "a valid value")
        if name == "plainText":
            return path, f"expected a non-empty text, got {_describe(value)}"
        if name == "url" and isinstance(value, str):
            problem = url_problem(value)
            if problem and not problem.startswith("a web address must start"):
                return path, f"{problem} (found {_describe(value)})"
        odd = odd_characters(value) if name == "id" and isinstance(value, str) else ""
        return path, f"expected {wanted}, got {_describe(value)}" + (f"; {odd}" if odd else "")
    if kind == "minItems":
        n = error.validator_value
        return (
            path,
            f"expected a list of at least {n} item{'s' if n != 1 else ''}, got {len(value)}",
        )
    if kind == "uniqueItems":
        repeat = _first_repeat(value) if isinstance(value, list) else None
        if repeat is None:
            return path, "the list names the same item twice; keep each once"
        return (*path, repeat), f"the list names {_describe(value[repeat])} twice; keep each once"
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
    found: list[tuple[PathKey, str]] = []
    reported: set[PathKey] = set()
    for error in _validator().iter_errors(loaded.data):
        for leaf in _leaf_errors(error):
            for path, message in _schema_messages(leaf):
                if path in reported:  # e.g. an empty text fails both minLength and pattern
                    continue
                reported.add(path)
                found.append((path, message))
    # A misspelt field ('titel') also leaves the real one ('title') missing: that is one
    # cause, so the "did you mean" message stands for both.
    suggested = {
        (*path[:-1], match.group(1))
        for path, message in found
        if (match := re.search(r"^unknown field .*; did you mean '([^']+)'\?$", message))
    }
    return [
        _located(loaded, file, path, message)
        for path, message in found
        if not (path in suggested and message.startswith("is missing"))
    ]


def _is_date(value: Any) -> bool:
    pattern = _schema()["$defs"]["date"]["pattern"]
    return isinstance(value, str) and bool(_full_pattern(pattern).search(value))


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


def _shown_strings(data: dict[str, Any]) -> Iterator[tuple[PathKey, str]]:
    """Every text that is shown on the pages (the texts and keywords of each area,
    organisation and record), with its path."""
    for section in _SECTIONS:
        for index, item in _items(data, section):
            for path, text in _strings(item, (section, index)):
                if _SHOWN_FIELDS.intersection(path[2:]):
                    yield path, text


def _raw_text_ok(text: str) -> bool:
    """True when the file itself has no HTML: then no text in it has any. Without
    backslash escapes every character of a value is in the file; YAML only drops
    indentation and turns line breaks into spaces, which the pattern cannot match across."""
    return "\\" not in text and not _HTML.search(text)


def _texts_ok(data: dict[str, Any]) -> bool:
    """True when no shown text has HTML: the check of `rule_errors`, on all texts at
    once. The separator between them cannot be part of the pattern."""
    return not _HTML.search("\n\x00\n".join(text for _, text in _shown_strings(data)))


def _odd_hint(ref: str) -> str:
    odd = odd_characters(ref)
    return f" ({odd})" if odd else ""


def _is_text_field(path: PathKey) -> bool:
    """A text shown to readers: a language of a text field, a keyword or a unit."""
    return bool(_SHOWN_FIELDS.intersection(p for p in path if isinstance(p, str)))


def _date_error(value: Any, path: PathKey, err: Any) -> None:
    """A date the schema accepts by its form ('2019-02-30') but no calendar has."""
    if not _is_date(value):
        return
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        try:
            dt.date(*parts)
        except ValueError:
            err(path, f"there is no date {value} (the month has fewer days)")


# Texts that say something in sentences: a Swedish one identical to the Finnish one was
# not translated. (Titles and names may be the same in both: KEINO, Hansel.)
_TRANSLATED = ("summary", "body", "notes", "intention", "description")


def _untranslated(
    loaded: Loaded, file: str, base: PathKey, item: dict[str, Any]
) -> Iterator[DataError]:
    """A Swedish text identical to the Finnish one in a field that must be translated."""
    for field in _TRANSLATED:
        text = item.get(field)
        if (
            isinstance(text, dict)
            and isinstance(text.get("fi"), str)
            and text["fi"] == text.get("sv")
        ):
            yield _located(
                loaded,
                file,
                (*base, field, "sv"),
                "the Swedish text is the same as the Finnish one; translate it",
            )


def today() -> dt.date:
    """The date dates in the data are compared with (the build's day, UTC)."""
    return dt.datetime.now(dt.UTC).date()


def _date_start(value: str) -> dt.date | None:
    try:
        parts = [int(p) for p in value.split("-")] + [1, 1]
        return dt.date(*parts[:3])
    except ValueError:
        return None


def _policy_errors(loaded: Loaded, file: str) -> list[DataError]:
    """The editorial rules of README "Policies": a record pasted with only its id changed,
    an untranslated Swedish text, 'completed' with an end in the future, a future 'added'."""
    data = loaded.data
    errors: list[DataError] = []
    first_title: dict[tuple[str, str], tuple[int, str]] = {}
    now = today()
    for index, item in _items(data, "records"):
        base: PathKey = ("records", index)
        for field in ("title",):  # a pasted record keeps the title of its original
            text = item.get(field)
            for lang, value in text.items() if isinstance(text, dict) else ():
                if not isinstance(value, str):
                    continue
                key = (f"{field}.{lang}", " ".join(value.split()).casefold())
                if key in first_title:
                    line, other = first_title[key]
                    errors.append(
                        _located(
                            loaded,
                            file,
                            (*base, field, lang),
                            f"the same {field} as record '{_show(other)}' (line {line}); a copied "
                            "record needs its own texts",
                        )
                    )
                else:
                    line = loaded.positions.get((*base, field, lang), (0, 0))[0]
                    first_title[key] = (line, str(item.get("id")))
        errors.extend(_untranslated(loaded, file, base, item))
        period = item.get("period")
        end = period.get("end") if isinstance(period, dict) else None
        if item.get("status") == "completed" and _is_date(end):
            last = _date_start(end)
            if last is not None and last > now:
                errors.append(
                    _located(
                        loaded,
                        file,
                        (*base, "period", "end"),
                        f"the status is 'completed' but the period ends in the future ({end}); "
                        "use status 'ongoing' until then",
                    )
                )
        for key in ("added", "updated"):
            value = item.get(key)
            start = _date_start(value) if _is_date(value) else None
            if start is not None and start > now:
                errors.append(
                    _located(
                        loaded,
                        file,
                        (*base, key),
                        f"'{key}' is in the future ({value}); write the day the record was "
                        f"{'added to' if key == 'added' else 'last changed on'} the site",
                    )
                )
    for index, item in _items(data, "areas"):
        errors.extend(_untranslated(loaded, file, ("areas", index), item))
    return errors


def _urls(data: dict[str, Any]) -> Iterator[tuple[PathKey, str]]:
    """Every address in the data (string-typed; the schema reports other types)."""
    for section in _SECTIONS:
        for index, item in _items(data, section):
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


def _markdown_texts(data: dict[str, Any]) -> Iterator[tuple[PathKey, str]]:
    """The texts written in Markdown: each record's body, in each language."""
    for index, item in _items(data, "records"):
        body = item.get("body")
        if isinstance(body, dict):
            for lang, text in body.items():
                if isinstance(text, str):
                    yield ("records", index, "body", lang), text


def rule_errors(loaded: Loaded, file: str, *, texts: bool = True) -> list[DataError]:
    """Cross-record rules: unique ids and old ids, references that resolve, sane periods,
    no HTML (the texts are left out with `texts=False`)."""
    data = loaded.data
    if not isinstance(data, dict):
        return []
    errors: list[DataError] = []

    def err(path: PathKey, message: str) -> None:
        errors.append(_located(loaded, file, path, message))

    known: dict[str, set[str]] = {}
    seen_ids: dict[str, dict[str, int]] = {}
    for section in _SECTIONS:
        seen: dict[str, int] = seen_ids.setdefault(section, {})
        for index, item in _items(data, section):
            ident = item.get("id")
            if not isinstance(ident, str):
                continue
            if ident in _RESERVED_IDS and section != "organisations":
                err(
                    (section, index, "id"),
                    f"the id '{ident}' is reserved: the page {section}/{ident}/ is the "
                    f"{_RESERVED_IDS[ident]}; choose another id",
                )
            if ident in seen:
                first = loaded.positions.get((section, seen[ident], "id"), (0, 0))[0]
                err(
                    (section, index, "id"),
                    f"the id '{_show(ident)}' is already used on line {first}",
                )
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
                    hint = _odd_hint(ref) + (
                        f"; did you mean '{_show(close[0])}'?" if close else ""
                    )
                    err((*base, key, n), f"there is no {what} with the id '{_show(ref)}'{hint}")
        orgs = item.get("organisations")
        for role in ("responsible", "partners"):
            refs = orgs.get(role) if isinstance(orgs, dict) else None
            for n, ref in enumerate(refs if isinstance(refs, list) else []):
                if isinstance(ref, str) and ref not in known["organisations"]:
                    close = difflib.get_close_matches(ref, sorted(known["organisations"]), n=1)
                    hint = _odd_hint(ref) + (
                        f"; did you mean '{_show(close[0])}'?" if close else ""
                    )
                    err(
                        (*base, "organisations", role, n),
                        f"there is no organisation with the id '{_show(ref)}' (add it under "
                        f"'organisations'){hint}",
                    )
        period = item.get("period")
        if isinstance(period, dict):
            start, end = period.get("start"), period.get("end")
            if _is_date(start) and _is_date(end) and end < start[: len(end)]:
                err((*base, "period", "end"), f"the end {end} is before the start {start}")
        figures = item.get("figures")
        for n, figure in enumerate(figures if isinstance(figures, list) else []):
            value = figure.get("value") if isinstance(figure, dict) else None
            if isinstance(value, float) and not math.isfinite(value):
                err((*base, "figures", n, "value"), f"expected a finite number, got {value}")
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                if abs(value) >= MAX_FIGURE:
                    err(
                        (*base, "figures", n, "value"),
                        f"the number has {len(str(int(abs(value))))} digits; a figure is at "
                        "most 15 digits long (check for a typo)",
                    )
        for key in ("added", "updated"):
            _date_error(item.get(key), (*base, key), err)
        if isinstance(period, dict):
            for key in ("start", "end"):
                _date_error(period.get(key), (*base, "period", key), err)
        if item.get("no_document") is not None and item.get("documents"):
            err(
                (*base, "no_document"),
                "remove 'no_document' (it says that nothing public was found), "
                "because the record lists documents",
            )
        if item.get("origin_inferred") is True and item.get("origin") != "programme":
            err(
                (*base, "origin_inferred"),
                "'origin_inferred: true' marks a programme link as our own inference; "
                "it needs 'origin: programme' (remove it from related context)",
            )

    records = data.get("records")
    if isinstance(records, list) and len(records) > MAX_RECORDS:
        err(
            ("records",),
            f"{len(records)} records; the limit is {MAX_RECORDS} (a real programme has far "
            "fewer; is a file pasted twice?)",
        )
    refused: set[PathKey] = set()  # one message per value: its characters, then the rest
    for path, text in _strings(data, ()):
        problem = forbidden_problem(text)
        if problem:
            refused.add(path)
            err(path, problem)
        elif len(text) > MAX_TEXT:
            err(path, f"the text is {len(text)} characters long; the limit is {MAX_TEXT}")
        elif text.strip() and not is_visible(text) and _is_text_field(path):
            err(
                path,
                "the text has no visible character (only invisible or blank ones); "
                "write the text or remove the field",
            )
    for path, url in _urls(data):
        problem = None if path in refused else url_problem(url)
        if problem:
            err(path, f"{problem} (found '{_show(url)}')")
    for path, text in _markdown_texts(data):
        for problem in markdown_problems(text):
            err(path, problem)

    errors += _policy_errors(loaded, file)

    # An old id keeps an old address working (it redirects), so it must stay unique: never the
    # id of a current record, never listed twice.
    first_old: dict[str, int] = {}
    for index, item in _items(data, "records"):
        olds = item.get("old_ids")
        for n, old in enumerate(olds if isinstance(olds, list) else []):
            if not isinstance(old, str):
                continue
            path = ("records", index, "old_ids", n)
            line = loaded.positions.get(path, (0, 0))[0]
            if old in seen_ids["records"]:
                first = loaded.positions.get(("records", seen_ids["records"][old], "id"), (0, 0))[0]
                err(
                    path,
                    f"the old id '{_show(old)}' is the id of the record on line {first}; "
                    "an old id is never used again",
                )
            elif old in first_old:
                err(path, f"the old id '{_show(old)}' is already listed on line {first_old[old]}")
            else:
                first_old[old] = line

    for path, text in _shown_strings(data) if texts else ():
        found = _HTML.search(text)
        if found:
            err(
                path,
                f"HTML is not allowed in texts (found '{_show(found.group())}'); use "
                "Markdown formatting, or put a space after a less-than sign",
            )
            continue
    return errors


def validate(loaded: Loaded, file: str) -> list[DataError]:
    """All errors of the data; empty when it is valid. A value the schema already refused
    (an address without https://) is not reported again by the rules."""
    found = schema_errors(loaded, file)
    where = {(e.line, e.column, e.owner, e.field) for e in found}
    return found + [
        e for e in rule_errors(loaded, file) if (e.line, e.column, e.owner, e.field) not in where
    ]


@by_file_version(lambda: (SCHEMA_PATH,))
def _quick_validator() -> Any:
    # Regular expressions in the schema follow ECMA-262 there: '$' is the very end of the text.
    return jsonschema_rs.validator_for(_schema(), validate_formats=False, offline=True)


def is_valid(data: Any, text: str | None = None) -> bool:
    """True when `data` (read from the YAML `text`, if given) passes the schema and every
    rule: the fast check for the common case (jsonschema-rs is about 20x faster than
    jsonschema here). It gives no messages; when it says False, `validate` finds and
    locates the errors."""
    try:
        if not _quick_validator().is_valid(data):
            return False
    except (ValueError, TypeError, OverflowError):  # a value that has no JSON form
        return False
    return (
        isinstance(data, dict)
        and not rule_errors(Loaded(data, {}), "", texts=False)
        and ((text is not None and _raw_text_ok(text)) or _texts_ok(data))
    )
