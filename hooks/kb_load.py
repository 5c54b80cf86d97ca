"""Read the data file safely into plain values plus the line/column of every value.

Only safe YAML: no tags that build objects, no anchors or aliases, no duplicate keys.
Dates stay the text the editor wrote. Errors are collected as `DataError`s.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Union

import yaml

try:  # The C parser is much faster; the pure-Python one behaves the same.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

from kb_errors import DataError

MAX_BYTES = 10 * 1024 * 1024

PathKey = tuple[Union[str, int], ...]
Positions = dict[PathKey, tuple[int, int]]

_STR = "tag:yaml.org,2002:str"
_SCALAR_TAGS = {
    _STR,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


@dataclass(frozen=True)
class Loaded:
    """The parsed document and where each value stands (1-based line, column)."""

    data: Any
    positions: Positions


class _Converter:
    """Turn a composed node tree into plain Python values, recording positions."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.positions: Positions = {}
        self.errors: list[DataError] = []
        self._constructor = yaml.constructor.SafeConstructor()
        self._seen: set[int] = set()

    def _error(self, node: yaml.Node, message: str) -> None:
        mark = node.start_mark
        self.errors.append(DataError(self.file, mark.line + 1, mark.column + 1, None, None, message))

    def convert(self, node: yaml.Node, path: PathKey) -> Any:
        self.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if id(node) in self._seen:
            self._error(node, "anchors and aliases (& and *) are not allowed; write the value out")
            return None
        self._seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ:
                self._error(node, f"YAML tags such as '{node.tag}' are not allowed")
            return [self.convert(item, (*path, i)) for i, item in enumerate(node.value)]
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode, path: PathKey) -> dict[str, Any]:
        if node.tag != _MAP:
            self._error(node, f"YAML tags such as '{node.tag}' are not allowed")
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self._error(key_node, "merge keys (<<) are not allowed; write the fields out")
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self._error(key_node, "a field name must be plain text")
                continue
            key = str(key_node.value)
            line = key_node.start_mark.line + 1
            if key in result:
                self._error(
                    key_node,
                    f"field '{key}' is written twice in the same block (first on line "
                    f"{first_line[key]}); keep one of them so that no text is lost",
                )
                continue
            first_line[key] = line
            result[key] = self.convert(value_node, (*path, key))
        return result

    def _scalar(self, node: yaml.Node) -> Any:
        if node.tag not in _SCALAR_TAGS:
            self._error(node, f"YAML tags such as '{node.tag}' are not allowed")
            return None
        if node.tag == "tag:yaml.org,2002:timestamp":
            return str(node.value)
        return self._constructor.construct_object(node)


def _decode(raw: bytes, file: str) -> tuple[str | None, list[DataError]]:
    if len(raw) > MAX_BYTES:
        size = len(raw) / 1024 / 1024
        msg = f"the file is {size:.1f} MB; the limit is {MAX_BYTES // 1024 // 1024} MB"
        return None, [DataError(file, 1, 1, None, None, msg)]
    if raw.startswith(b"\xef\xbb\xbf"):
        msg = "the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM"
        return None, [DataError(file, 1, 1, None, None, msg)]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        msg = "the file is not valid UTF-8 text here; save it with UTF-8 encoding"
        return None, [DataError(file, line, col, None, None, msg)]
    if not text.strip():
        return None, [DataError(file, 1, 1, None, None, "the file is empty")]
    return text, []


def _tab_errors(text: str, file: str) -> list[DataError]:
    errors = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.lstrip(" ")
        if stripped.startswith("\t"):
            col = len(line) - len(stripped) + 1
            msg = "a tab character is used for indentation; indent with spaces only"
            errors.append(DataError(file, number, col, None, None, msg))
    return errors


def _yaml_error(exc: yaml.YAMLError, file: str) -> DataError:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    detail = f"{context}, {problem}" if context else problem
    hint = "check the indentation and that every text with ':' or '#' is in quotes"
    return DataError(file, line, col, None, None, f"this is not valid YAML ({detail}); {hint}")


def parse(text: str, file: str) -> tuple[Loaded | None, list[DataError]]:
    """Parse YAML text into plain values with positions, or return the errors."""
    tab_errors = _tab_errors(text, file)
    if tab_errors:
        return None, tab_errors
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        return None, [_yaml_error(exc, file)]
    if node is None:
        return None, [DataError(file, 1, 1, None, None, "the file has no data")]
    converter = _Converter(file)
    data = converter.convert(node, ())
    if converter.errors:
        return None, converter.errors
    return Loaded(data, converter.positions), []


def load(path: Path, display: str) -> tuple[Loaded | None, list[DataError]]:
    """Read and parse the file at `path`; `display` is the name used in messages."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [DataError(display, 1, 1, None, None, f"cannot read the file: {exc.strerror}")]
    text, errors = _decode(raw, display)
    if text is None:
        return None, errors
    return parse(text, display)
