"""Reading one setting at a time: a wrong value is noted with its path (`extra.kb.x[1].y`)
and what was expected, and skipped, so that every problem is listed at once."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from kb.model import Text

T = TypeVar("T")


def _shown(value: object) -> str:
    if isinstance(value, str):
        return f"the text {value!r}"
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if isinstance(value, Mapping):
        return "a mapping (key: value lines)"
    if isinstance(value, list):
        return "a list"
    return "nothing" if value is None else f"{value!r}"


class Reader:
    """Reads one value at a time; a wrong one is noted with its path and skipped."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def fail(self, where: str, expected: str, found: object = ...) -> None:
        seen = "" if found is ... else f", found {_shown(found)}"
        self.problems.append(f"mkdocs.yml {where}: expected {expected}{seen}")

    def mapping(self, value: object, where: str, keys: dict[str, bool]) -> Mapping[str, Any]:
        """A mapping with these keys (True: required); unknown keys are named."""
        if not isinstance(value, Mapping):
            self.fail(where, "a mapping of " + ", ".join(keys), value)
            return {}
        for key in value:
            if key not in keys:
                close = difflib.get_close_matches(str(key), list(keys), n=1)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                self.problems.append(
                    f"mkdocs.yml {where}.{key}: not a setting (the settings are "
                    f"{', '.join(keys)}){hint}"
                )
        for key, required in keys.items():
            if required and key not in value:
                self.problems.append(f"mkdocs.yml {where}.{key}: missing; this setting is required")
        return value

    def text(self, value: object, where: str, what: str = "a text") -> str | None:
        if isinstance(value, str) and value.strip():
            return value.strip()
        self.fail(where, what, value)
        return None

    def page(self, value: object, where: str) -> str | None:
        if isinstance(value, str) and value.endswith(".md") and "\\" not in value:
            return value
        self.fail(where, "the file name of a hand-written page, e.g. 'ohjelma.md'", value)
        return None

    def items(self, value: object, where: str, read: Callable[[object, str], T | None]) -> list[T]:
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(where, "a list (lines starting with '- ')", value)
            return []
        out = [read(item, f"{where}[{n}]") for n, item in enumerate(value)]
        return [item for item in out if item is not None]

    def texts(self, value: object, where: str, codes: tuple[str, ...]) -> Text | None:
        found = self.mapping(value, where, dict.fromkeys(codes, True))
        read = {code: self.text(found[code], f"{where}.{code}") for code in codes if code in found}
        if not all(read.get(code) for code in Text.languages()):
            return None
        return Text(**{code: str(read[code]) for code in Text.languages()})
