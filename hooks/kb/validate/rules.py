"""The rules a schema cannot express, run in one pass of checks over the raw data."""

from __future__ import annotations

from kb.errors import DataError
from kb.load import Loaded
from kb.validate.ids import id_errors, old_id_errors
from kb.validate.locate import Collector
from kb.validate.policy import policy_errors
from kb.validate.references import reference_errors
from kb.validate.safety import html_errors, text_errors
from kb.validate.values import value_errors


def rule_errors(loaded: Loaded, file: str, *, texts: bool = True) -> list[DataError]:
    """Cross-record rules: unique ids and old ids, references that resolve, sane periods,
    safe texts and addresses, the editorial policies, no HTML (the check for HTML is left
    out with `texts=False`)."""
    data = loaded.data
    if not isinstance(data, dict):
        return []
    found = Collector(loaded, file)
    seen_ids = id_errors(found, data)
    reference_errors(found, data, seen_ids)
    value_errors(found, data)
    text_errors(found, data)
    policy_errors(found, data)
    old_id_errors(found, data, seen_ids)
    if texts:
        html_errors(found, data)
    return found.errors
