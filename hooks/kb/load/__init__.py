"""Load the data file: read its text (`read`), refuse what safe YAML may not hold
(`syntax`), build plain values with positions (`convert`, `parse`), or take the fast path
for plain valid text (`quick`)."""

from __future__ import annotations

from kb.load.convert import Loaded, PathKey, Positions
from kb.load.parse import load, parse
from kb.load.quick import quick_parse
from kb.load.read import MAX_BYTES, read_text
from kb.load.yamlscalars import MAX_DEPTH, changed_number

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "Loaded",
    "PathKey",
    "Positions",
    "changed_number",
    "load",
    "parse",
    "quick_parse",
    "read_text",
]
