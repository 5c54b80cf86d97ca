"""The JSON Schema's findings as editors' messages: one per cause, saying what was expected."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, cast

import jsonschema

from kb.chars import odd_characters
from kb.errors import DataError, show
from kb.load import Loaded, PathKey
from kb.validate.hints import first_repeat, number_hint
from kb.validate.locate import describe, located
from kb.validate.schema import inlined_defs, validator
from kb.validate.walk import TEXT_FIELDS
from kb.weblinks import url_problem

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


@dataclass(frozen=True)
class Finding:
    """One message about the value at `path`. `missing` marks "is missing"; `suggests`
    is the field name an unknown field is probably a misspelling of."""

    path: PathKey
    message: str
    missing: bool = False
    suggests: str | None = None


def _def_name(error: jsonschema.ValidationError) -> str | None:
    """Name of the schema definition ($defs) the failing subschema is, if any."""

    def bare(subschema: Any) -> Any:  # a field's own description does not change its type
        return (
            {k: v for k, v in subschema.items() if k != "description"}
            if isinstance(subschema, dict)
            else subschema
        )

    failing = bare(error.schema)
    for name, subschema in inlined_defs().items():
        if bare(subschema) == failing:
            return str(name)
    return None


def _findings(error: jsonschema.ValidationError) -> list[Finding]:
    path: PathKey = tuple(error.absolute_path)
    value = error.instance
    rule: Any = error.validator_value  # typed loosely by jsonschema
    schema: Any = error.schema
    if error.validator == "required":
        return [
            Finding((*path, str(name)), "is missing; it is required here", missing=True)
            for name in rule
            if isinstance(value, dict) and name not in value
        ]
    if error.validator == "additionalProperties":
        allowed = sorted((schema.get("properties") or {}).keys())
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
            message = f"unknown field '{show(name)}'{hint}"
            out.append(Finding((*path, name), message, suggests=close[0] if close else None))
        return out
    found_path, message = _message(error, path, str(error.validator), value)
    return [Finding(found_path, message)]


def _type_message(path: PathKey, expected: Any, value: Any) -> str:
    names: list[str] = expected if isinstance(expected, list) else [expected]
    wanted = " or ".join(_TYPE_NAMES.get(n, n) for n in names)
    message = f"expected {wanted}, got {describe(value)}"
    if not path:  # the whole file
        message += "; the file has three sections: 'areas:', 'organisations:' and 'records:'"
    if "string" in names and isinstance(value, (bool, int, float)):
        message += '; put the value in quotes, e.g. "no" or "2019"'
    elif names == ["object"] and isinstance(value, str) and path and path[-1] in TEXT_FIELDS:
        message += "; write the text in both languages on two lines: 'fi: ...' and 'sv: ...'"
    elif isinstance(value, str) and {"number", "integer"} & set(names):
        message += number_hint(value)
    return message


def _text_message(error: jsonschema.ValidationError, value: Any) -> str:
    name = _def_name(error)
    wanted = _DEF_EXPECT.get(name or "", "a valid value")
    if name == "plainText":
        return f"expected a non-empty text, got {describe(value)}"
    if name == "url" and isinstance(value, str):
        problem = url_problem(value)
        if problem and not problem.startswith("a web address must start"):
            return f"{problem} (found {describe(value)})"
    odd = odd_characters(value) if name == "id" and isinstance(value, str) else ""
    return f"expected {wanted}, got {describe(value)}" + (f"; {odd}" if odd else "")


def _message(
    error: jsonschema.ValidationError, path: PathKey, kind: str, value: Any
) -> tuple[PathKey, str]:
    if kind == "type":
        return path, _type_message(path, error.validator_value, value)
    if kind == "enum":
        options = ", ".join(str(o) for o in cast(list[Any], error.validator_value))
        return path, f"expected one of: {options}; got {describe(value)}"
    if kind in ("pattern", "minLength", "maxLength"):
        return path, _text_message(error, value)
    if kind == "minItems":
        n = error.validator_value
        return (
            path,
            f"expected a list of at least {n} item{'s' if n != 1 else ''}, got {len(value)}",
        )
    if kind == "uniqueItems":
        repeat = first_repeat(value) if isinstance(value, list) else None
        if repeat is None:
            return path, "the list names the same item twice; keep each once"
        return (*path, repeat), f"the list names {describe(value[repeat])} twice; keep each once"
    if kind in ("minimum", "maximum"):
        bound = "at least" if kind == "minimum" else "at most"
        return path, f"expected a number {bound} {error.validator_value}, got {describe(value)}"
    return path, error.message


def _leaf_errors(error: jsonschema.ValidationError) -> Iterator[jsonschema.ValidationError]:
    if error.context:
        for sub in error.context:
            yield from _leaf_errors(sub)
    else:
        yield error


def schema_errors(loaded: Loaded, file: str) -> list[DataError]:
    """Every place where the data does not fit the JSON Schema, one message per cause."""
    found: list[Finding] = []
    reported: set[PathKey] = set()
    for error in validator().iter_errors(loaded.data):
        for leaf in _leaf_errors(error):
            for finding in _findings(leaf):
                if finding.path in reported:  # e.g. an empty text fails minLength and pattern
                    continue
                reported.add(finding.path)
                found.append(finding)
    # A misspelt field ('titel') also leaves the real one ('title') missing: that is one
    # cause, so the "did you mean" message stands for both.
    suggested = {(*f.path[:-1], f.suggests) for f in found if f.suggests is not None}
    return [
        located(loaded, file, f.path, f.message)
        for f in found
        if not (f.missing and f.path in suggested)
    ]
