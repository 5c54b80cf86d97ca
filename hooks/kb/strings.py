"""UI strings of the generated pages: one table per language, identical keys."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from difflib import get_close_matches
from functools import cache
from pathlib import Path
from string import Formatter
from types import MappingProxyType

import yaml

from kb.filecache import by_file_version

STRINGS_DIR = Path(__file__).resolve().parents[1] / "strings"


def table_file(lang: str) -> Path:
    """The string table of `lang` (read again whenever it changes: `mkdocs serve`)."""
    return STRINGS_DIR / f"{lang}.yaml"


class StringsError(Exception):
    """The string tables are missing, malformed or differ in their keys."""


_SHOWN = "hooks/strings"


@by_file_version(lambda lang: (table_file(lang),), maxsize=8)
def _table(lang: str) -> Mapping[str, str]:
    path = table_file(lang)
    where = f"{_SHOWN}/{lang}.yaml"
    if path.is_symlink() and not path.resolve().is_relative_to(STRINGS_DIR.resolve()):
        raise StringsError(f"{where}: a symbolic link to a file outside hooks/strings/")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise StringsError(
            f"{where} is missing: there is no string table for the language '{lang}' "
            f"(there are tables for {', '.join(_languages()) or 'no language'})"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise StringsError(f"{where}: cannot be read as UTF-8 text ({exc})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise StringsError(
            f"{where}:{line}:{col}: this is not valid YAML ({problem}); put a text that "
            "contains ': ' or starts with a special character in quotes"
        ) from None
    except (ValueError, TypeError, OverflowError) as exc:
        raise StringsError(f"{where}: a value cannot be read ({exc}); put it in quotes") from None
    if not isinstance(data, dict):
        raise StringsError(f"{where}: expected lines of 'key: text'")
    wrong = [str(k) for k, v in data.items() if not (isinstance(v, str) and v.strip())]
    if wrong or not all(isinstance(k, str) for k in data):
        raise StringsError(
            f"{where}: every entry must be 'key: non-empty text' (not so: {', '.join(wrong)})"
        )
    return MappingProxyType(data)


def _languages() -> tuple[str, ...]:
    """The languages that have a table: the files hooks/strings/<code>.yaml."""
    return tuple(sorted(p.stem for p in STRINGS_DIR.glob("*.yaml")))


# Checked once per version of the tables (the check takes about a millisecond and every
# record page asks for the tables of all languages).
@by_file_version(lambda lang: tuple(map(table_file, sorted({*_languages(), lang}))), maxsize=8)
def strings(lang: str) -> Mapping[str, str]:
    """The table of `lang`, after checking that all tables have the same keys."""
    langs = tuple(sorted({*_languages(), lang}))
    keys = {code: set(_table(code)) for code in langs}
    reference = keys[langs[0]]
    for code, found in keys.items():
        if found != reference:
            missing = sorted(reference - found)
            extra = sorted(found - reference)
            raise StringsError(
                f"hooks/strings/{code}.yaml differs from {langs[0]}.yaml: "
                f"missing {missing}, extra {extra}"
            )
    problems = _placeholder_problems({code: _table(code) for code in langs})
    if problems:
        raise StringsError("\n  ".join(problems))
    return _table(lang)


def _placeholders(text: str) -> set[str] | None:
    """The {names} in `text`, or None when its braces cannot be read."""
    try:
        return {name for _, name, _, _ in Formatter().parse(text) if name is not None}
    except ValueError:
        return None


def _placeholder_problems(tables: Mapping[str, Mapping[str, str]]) -> list[str]:
    """A placeholder is never translated: every language has the same {names} per key."""
    first = next(iter(tables))
    problems = []
    for key, text in tables[first].items():
        expected = _placeholders(text)
        for code in tables:
            found = _placeholders(tables[code][key])
            if found is None:
                problems.append(
                    f"{_SHOWN}/{code}.yaml, '{key}': a brace {{ or }} without its pair; "
                    "placeholders are written {name}"
                )
            elif code != first and expected is not None and found != expected:
                names = ", ".join(f"{{{n}}}" for n in sorted(expected)) or "none"
                problems.append(
                    f"{_SHOWN}/{code}.yaml, '{key}': the placeholders must be those of "
                    f"{first}.yaml ({names}), untranslated; found "
                    + (", ".join(f"{{{n}}}" for n in sorted(found)) or "none")
                )
    return problems


def own_texts(
    tables: Mapping[str, Mapping[str, str]], texts: Mapping[str, Mapping[str, str]], where: str
) -> tuple[dict[str, Mapping[str, str]], list[str]]:
    """The tables with a site's own wording of some keys (`texts`: key -> language -> text),
    each key one of the tables' with the same {placeholders}; and the problems."""
    problems = []
    merged = {code: dict(table) for code, table in tables.items()}
    for key, by_lang in texts.items():
        first = next(iter(tables.values()))
        if key not in first:
            close = get_close_matches(key, sorted(first), n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            problems.append(f"{where}.{key}: not a key of hooks/strings/*.yaml{hint}")
            continue
        for code, text in by_lang.items():
            if _placeholders(text) != _placeholders(tables[code][key]):
                names = ", ".join(
                    f"{{{n}}}" for n in sorted(_placeholders(tables[code][key]) or ())
                )
                problems.append(
                    f"{where}.{key}.{code}: the placeholders must be those of "
                    f"hooks/strings/{code}.yaml ({names or 'none'})"
                )
            merged[code][key] = text
    return {code: MappingProxyType(table) for code, table in merged.items()}, problems


class PlaceholderError(Exception):
    """A use of a UI string that does not fill exactly the string's {placeholders}."""


@cache
def placeholders(text: str) -> frozenset[str]:
    """The {names} in `text` (none when its braces cannot be read)."""
    return frozenset(_placeholders(text) or ())


def check_fills(table: Mapping[str, str], key: str, names: Iterable[str]) -> None:
    """Raise `PlaceholderError` unless `names` are exactly the placeholders of `key`."""
    expected = placeholders(table[key])
    given = set(names)
    if given != expected:
        shown = ", ".join(f"{{{n}}}" for n in sorted(expected)) or "none"
        filled = ", ".join(f"{{{n}}}" for n in sorted(given)) or "none"
        raise PlaceholderError(
            f"{_SHOWN}/*.yaml, '{key}': the string's placeholders are {shown}; "
            f"this use fills {filled}"
        )


def t(table: Mapping[str, str], key: str, **values: object) -> str:
    """Look up `key` and fill its named {placeholders}: every one of them, and no other
    (the tables are checked by `placeholder_problems` before anything is built, and every
    use in code and templates by tests/test_placeholders.py)."""
    check_fills(table, key, values)
    return table[key].format(**values) if values else table[key]
