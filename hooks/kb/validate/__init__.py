"""Validate the raw data: the JSON Schema first (`schema`, `messages`), then the rules a
schema cannot express (`rules`: `ids`, `references`, `values`, `safety`, `policy`), or
only say yes or no on the fast path (`fast`)."""

from __future__ import annotations

from kb.errors import DataError
from kb.load import Loaded
from kb.validate.fast import is_valid
from kb.validate.messages import schema_errors
from kb.validate.rules import rule_errors
from kb.validate.schema import SCHEMA_PATH

__all__ = ["SCHEMA_PATH", "is_valid", "rule_errors", "schema_errors", "validate"]


def validate(loaded: Loaded, file: str) -> list[DataError]:
    """All errors of the data; empty when it is valid. A value the schema already refused
    (an address without https://) is not reported again by the rules."""
    found = schema_errors(loaded, file)
    where = {(e.line, e.column, e.owner, e.field) for e in found}
    return found + [
        e for e in rule_errors(loaded, file) if (e.line, e.column, e.owner, e.field) not in where
    ]
