"""Name where a value of the data stands: its line and column, the area, organisation or
record it belongs to, and the field inside that; and describe values for messages."""

from __future__ import annotations

from typing import Any

from kb.errors import DataError, show
from kb.load import Loaded, PathKey
from kb.validate.walk import SECTIONS


def describe(value: Any) -> str:
    """A value as a message names it: 'nothing', 'the number 3', "'text'", 'a list'."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return "nothing"
    if isinstance(value, bool):
        return f"the yes/no value {'true' if value else 'false'}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"'{show(value)}'"
    if isinstance(value, dict):
        return "a block of fields"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


def _field_name(path: PathKey) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{show(part)}" if out else show(part))
    return out


def _owner(data: Any, path: PathKey) -> tuple[str | None, PathKey]:
    """Name the area/organisation/record a path belongs to, and the path inside it."""
    if len(path) >= 2 and path[0] in SECTIONS and isinstance(path[1], int):
        found = data.get(path[0]) if isinstance(data, dict) else None
        item = found[path[1]] if isinstance(found, list) and path[1] < len(found) else None
        ident = item.get("id") if isinstance(item, dict) else None
        label = (
            f"'{show(ident)}'"
            if isinstance(ident, str) and ident.strip()
            else f"number {path[1] + 1}"
        )
        return f"{SECTIONS[str(path[0])]} {label}", path[2:]
    return None, path


def located(loaded: Loaded, file: str, path: PathKey, message: str) -> DataError:
    """The error `message` about the value at `path`, at the nearest known position."""
    probe = path
    while probe and probe not in loaded.positions:
        probe = probe[:-1]
    line, col = loaded.positions.get(probe, (1, 1))
    owner, inner = _owner(loaded.data, path)
    field = _field_name(inner) or None
    return DataError(file, line, col, owner, field, message)


def line_of(loaded: Loaded, path: PathKey) -> int:
    """The line the value at `path` starts on (0 when it has no position)."""
    return loaded.positions.get(path, (0, 0))[0]


class Collector:
    """The located errors of one check, gathered as they are found."""

    def __init__(self, loaded: Loaded, file: str) -> None:
        self.loaded = loaded
        self.file = file
        self.errors: list[DataError] = []

    def add(self, path: PathKey, message: str) -> None:
        """Report `message` about the value at `path`."""
        self.errors.append(located(self.loaded, self.file, path, message))
