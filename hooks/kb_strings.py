"""UI strings of the generated pages: one table per language, identical keys."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType

import yaml

from kb_model import LANGS

STRINGS_DIR = Path(__file__).resolve().parent / "strings"


class StringsError(Exception):
    """The string tables are missing, malformed or differ in their keys."""


@cache
def _table(lang: str) -> Mapping[str, str]:
    path = STRINGS_DIR / f"{lang}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in data.items()
    ):
        raise StringsError(f"{path}: every entry must be 'key: non-empty text'")
    return MappingProxyType(data)


def strings(lang: str) -> Mapping[str, str]:
    """The table of `lang`, after checking that all languages have the same keys."""
    keys = {code: set(_table(code)) for code in LANGS}
    reference = keys[LANGS[0]]
    for code, found in keys.items():
        if found != reference:
            missing = sorted(reference - found)
            extra = sorted(found - reference)
            raise StringsError(
                f"hooks/strings/{code}.yaml differs from {LANGS[0]}.yaml: "
                f"missing {missing}, extra {extra}"
            )
    return _table(lang)


def t(table: Mapping[str, str], key: str, **values: object) -> str:
    """Look up `key` and fill its named {placeholders}."""
    return table[key].format(**values) if values else table[key]
