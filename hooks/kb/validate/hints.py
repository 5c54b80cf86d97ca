"""Advice added to schema messages: how to write a number, which item repeats."""

from __future__ import annotations

import json
import re
from typing import Any

from kb.chars import odd_characters


def number_hint(value: str) -> str:
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


def first_repeat(values: list[Any]) -> int | None:
    """Index of the first item that repeats an earlier one."""
    seen: set[str] = set()
    for index, item in enumerate(values):
        key = json.dumps(item, sort_keys=True, default=str)
        if key in seen:
            return index
        seen.add(key)
    return None


def odd_hint(ref: str) -> str:
    """' (it contains U+0430 ...)' for an id with characters outside a-z, 0-9 and '-'."""
    odd = odd_characters(ref)
    return f" ({odd})" if odd else ""
