"""The JSON Schema of the data file, and the validators built from it."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any, TypeGuard, cast

import jsonschema
import jsonschema.validators
import jsonschema_rs

from kb.filecache import by_file_version

SCHEMA_PATH = Path(__file__).resolve().parents[3] / "schema" / "measures.schema.json"


@cache
def full_pattern(pattern: str) -> re.Pattern[str]:
    """The schema's pattern with JSON Schema's meaning of a final '$': the very end of the
    text. (In Python '$' also matches before a final line break, so 'vm\\n' would pass
    '^[a-z]+$'.)"""
    return re.compile(re.sub(r"(?<!\\)\$$", r"\\Z", pattern))


def _pattern(
    validator: Any, pattern: str, instance: Any, schema: dict[str, Any]
) -> Iterator[jsonschema.ValidationError]:
    if validator.is_type(instance, "string") and not full_pattern(pattern).search(instance):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


_extend: Any = jsonschema.validators.extend  # untyped in jsonschema
_Validator: Any = _extend(jsonschema.Draft202012Validator, {"pattern": _pattern})


@by_file_version(lambda: (SCHEMA_PATH,))
def schema() -> dict[str, Any]:
    """The schema as written in schema/measures.schema.json."""
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
def inlined_defs() -> dict[str, Any]:
    """Each definition of `$defs`, with its references inlined."""
    defs = schema()["$defs"]
    return {name: _inline(subschema, defs) for name, subschema in defs.items()}


@by_file_version(lambda: (SCHEMA_PATH,))
def validator() -> jsonschema.Draft202012Validator:
    """The careful validator: its errors say where and why."""
    whole = schema()
    flat = {k: _inline(v, whole["$defs"]) for k, v in whole.items() if k != "$defs"}
    return cast(jsonschema.Draft202012Validator, _Validator(flat))


@by_file_version(lambda: (SCHEMA_PATH,))
def quick_validator() -> Any:
    """The fast validator: only yes or no."""
    # Regular expressions in the schema follow ECMA-262 there: '$' is the very end of the text.
    return jsonschema_rs.validator_for(schema(), validate_formats=False, offline=True)


def is_date(value: Any) -> TypeGuard[str]:
    """True when `value` is a date of the form the schema allows (YYYY, YYYY-MM, YYYY-MM-DD)."""
    pattern = schema()["$defs"]["date"]["pattern"]
    return isinstance(value, str) and bool(full_pattern(pattern).search(value))
