"""Problems found in the text before any value is built, each named where it is written:
tabs, characters YAML refuses, invalid YAML, a stray document marker, aliases, merge keys
and deep nesting."""

from __future__ import annotations

import re
from typing import Any

import yaml

from kb.errors import DataError, file_error
from kb.load.yamlscalars import (
    ALIAS_MESSAGE,
    DEPTH_MESSAGE,
    MAX_DEPTH,
    MERGE,
    MERGE_MESSAGE,
    Loader,
)

# Line breaks as YAML counts them (Python's str.splitlines() knows more).
BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")
_MARKER = re.compile(r"^(---|\.\.\.)(?=[ \t]|$)", re.M)


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of the character at `offset`, counting lines as YAML does."""
    before = BREAK.split(text[:offset])
    return len(before), len(before[-1]) + 1


def tab_errors(text: str, file: str) -> list[DataError]:
    """Every line indented with a tab."""
    errors = []
    for number, line in enumerate(BREAK.split(text), start=1):
        stripped = line.lstrip(" ")
        if stripped.startswith("\t"):
            col = len(line) - len(stripped) + 1
            msg = "a tab character is used for indentation; indent with spaces only"
            errors.append(file_error(file, number, col, msg))
    return errors


def reader_error(exc: yaml.reader.ReaderError, text: str, file: str) -> DataError:
    """A character the YAML reader refuses, at its line and column."""
    # The C parser reports the position in bytes of the UTF-8 text, the Python one in characters.
    offset = exc.position
    if exc.name == "<unicode string>" and yaml.__with_libyaml__ and Loader is not yaml.SafeLoader:
        offset = len(text.encode("utf-8", "surrogatepass")[:offset].decode("utf-8", "ignore"))
    line, col = line_col(text, min(max(offset, 0), len(text)))
    code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or " ")
    message = (
        f"the character U+{code:04X} is not allowed in the file (it is invisible or a "
        "control character); delete it"
    )
    return file_error(file, line, col, message)


def _mark(exc: yaml.YAMLError) -> Any:
    return getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)


def yaml_error(exc: yaml.YAMLError, file: str) -> DataError:
    """PyYAML's own account of invalid YAML, with a hint for the usual causes."""
    mark = _mark(exc)
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    detail = " ".join((f"{context}, {problem}" if context else problem).split())
    hint = "check the indentation and that every text with ':' or '#' is in quotes"
    return file_error(file, line, col, f"this is not valid YAML ({detail}); {hint}")


def marker_error(text: str, exc: yaml.YAMLError, file: str) -> DataError | None:
    """A '---' or '...' at the start of a line inside the data (often inside a block text)
    ends the YAML document there; PyYAML reports the consequence a few lines later. Name
    the line of the marker instead."""
    mark = _mark(exc)
    last = mark.line + 1 if mark is not None else len(BREAK.split(text))
    for found in _MARKER.finditer(text):
        line, col = line_col(text, found.start())
        before = text[: found.start()]
        if line >= last:  # at the error itself PyYAML's message names it (a second document)
            break
        if not before.strip() or all(
            not row.strip() or row.lstrip().startswith("#") for row in BREAK.split(before)
        ):
            continue  # a '---' that starts the document is fine
        return file_error(
            file,
            line,
            col,
            f"'{found.group(1)}' at the start of a line ends the YAML document; indent it "
            "like the text around it (inside a | block) or put the text in quotes",
        )
    return None


def event_errors(text: str, file: str) -> list[DataError]:
    """Refuse aliases, merge keys and very deep nesting before building anything.

    They are found where they are written, in one pass over the parser's events: an alias
    bomb never expands, and the composer, which recurses once per level of nesting, never
    sees a deep pile of brackets.
    """
    errors = []

    def error(event: yaml.Event, message: str) -> None:
        mark = event.start_mark
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        errors.append(file_error(file, line, col, message))

    # One entry per open block: [is a mapping, nodes in it so far, its last key was '<<'].
    stack: list[list[Any]] = []
    for event in yaml.parse(text, Loader=Loader):
        if isinstance(event, yaml.CollectionEndEvent):
            stack.pop()
            if stack:
                stack[-1][1] += 1
            continue
        if not isinstance(event, yaml.NodeEvent):
            continue
        top = stack[-1] if stack else [False, 0, False]
        is_key = top[0] and top[1] % 2 == 0
        merged = top[0] and top[1] % 2 == 1 and top[2]
        if is_key:
            top[2] = (
                isinstance(event, yaml.ScalarEvent)
                and event.value == "<<"
                and (event.tag == MERGE or (event.tag is None and event.implicit[0]))
            )
            if top[2]:
                error(event, MERGE_MESSAGE)
        if isinstance(event, yaml.AliasEvent) and not merged:  # '<<: *x' is one mistake
            error(event, ALIAS_MESSAGE)
        if isinstance(event, yaml.CollectionStartEvent):
            stack.append([isinstance(event, yaml.MappingStartEvent), 0, False])
            if len(stack) > MAX_DEPTH:
                error(event, DEPTH_MESSAGE)
                return errors
        elif stack:
            stack[-1][1] += 1
    return errors
