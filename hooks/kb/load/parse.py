"""Read the data file safely into plain values plus the line/column of every value.

Only safe YAML: no tags that build objects, no aliases, no duplicate keys, no blocks
nested deeper than `MAX_DEPTH`. Dates stay the text the editor wrote. Errors are collected
as `DataError`s; nothing here raises on bad input.
"""

from __future__ import annotations

import math
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

try:  # The C parser is much faster; the pure-Python one behaves the same.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

from kb.errors import DataError

# Room for well over 10,000 bilingual records (about 3.7 KB each); a larger file is an accident.
MAX_BYTES = 64 * 1024 * 1024
# Real data nests about eight blocks deep; far deeper nesting is a mistake (or an attack)
# and would exhaust the stack of the YAML parser.
MAX_DEPTH = 50

PathKey = tuple[str | int, ...]
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
_TAG_PREFIX = "tag:yaml.org,2002:"
_READS_AS = {
    "tag:yaml.org,2002:int": "a whole number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:bool": "a yes/no value",
}
# Line breaks as YAML counts them (Python's str.splitlines() knows more).
_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")
_RESOLVER = yaml.resolver.Resolver()
# Numbers as people write them. YAML 1.1 also reads 010 as 8 (octal), 1:30 as 90
# (base 60), 0x10 as 16 and 1_000 as 1000: refused, so that no figure changes silently.
_PLAIN_NUMBER = {
    "tag:yaml.org,2002:int": re.compile(r"[-+]?(0|[1-9][0-9]*)\Z"),
    "tag:yaml.org,2002:float": re.compile(
        r"[-+]?(([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?|\.inf|\.Inf|\.INF)\Z"
        r"|\.nan\Z|\.NaN\Z|\.NAN\Z"
    ),
}


def changed_number(tag: str, text: str) -> bool:
    """True when the plain scalar `text`, read as `tag`, is a number YAML 1.1 would read
    differently from how it looks (010 -> 8, 1:30 -> 90, 1_000 -> 1000, 0x10 -> 16)."""
    pattern = _PLAIN_NUMBER.get(tag)
    return pattern is not None and not pattern.match(text)


def _tag(tag: str) -> str:
    """A tag as the editor writes it: '!!int' rather than 'tag:yaml.org,2002:int'."""
    return "!!" + tag[len(_TAG_PREFIX) :] if tag.startswith(_TAG_PREFIX) else tag


def _show(value: str) -> str:
    """A value for a one-line message: line breaks and tabs visible, long values cut."""
    value = value.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")
    return value if len(value) <= 40 else value[:37] + "..."


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
        self.errors.append(
            DataError(self.file, mark.line + 1, mark.column + 1, None, None, message)
        )

    def _first_visit(self, node: yaml.Node) -> bool:
        """False (and an error) when `node` was met before: it is reached through an alias."""
        if id(node) in self._seen:
            self._error(node, "anchors and aliases (& and *) are not allowed; write the value out")
            return False
        self._seen.add(id(node))
        return True

    def convert(self, node: yaml.Node, path: PathKey) -> Any:
        self.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if not self._first_visit(node):
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ:
                self._error(node, f"YAML tags such as '{_tag(node.tag)}' are not allowed")
            return [self.convert(item, (*path, i)) for i, item in enumerate(node.value)]
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode, path: PathKey) -> dict[str, Any]:
        if node.tag != _MAP:
            self._error(node, f"YAML tags such as '{_tag(node.tag)}' are not allowed")
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self._error(key_node, "merge keys (<<) are not allowed; write the fields out")
                continue
            if not self._first_visit(key_node):
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self._error(key_node, "a field name must be plain text")
                continue
            if key_node.tag not in _SCALAR_TAGS:
                self._error(key_node, f"YAML tags such as '{_tag(key_node.tag)}' are not allowed")
                continue
            key = str(key_node.value)
            line = key_node.start_mark.line + 1
            if key in result:
                self._error(
                    key_node,
                    f"field '{_show(key)}' is written twice in the same block (first on line "
                    f"{first_line[key]}); keep one of them so that no text is lost",
                )
                continue
            first_line[key] = line
            result[key] = self.convert(value_node, (*path, key))
        return result

    def _scalar(self, node: yaml.Node) -> Any:
        if node.tag not in _SCALAR_TAGS:
            self._error(node, f"YAML tags such as '{_tag(node.tag)}' are not allowed")
            return None
        if node.tag == "tag:yaml.org,2002:timestamp":
            return str(node.value)
        try:
            value = self._constructor.construct_object(node)
        except (ValueError, KeyError, TypeError, IndexError, yaml.YAMLError):
            # e.g. `0x_`, a number of more than 4300 digits, or `!!int abc`.
            what = _READS_AS.get(node.tag, "a value")
            shown = f"'{_show(str(node.value))}'"
            implicit = (
                not node.style
                and _RESOLVER.resolve(yaml.ScalarNode, node.value, (True, False)) == node.tag
            )
            if implicit:
                message = (
                    f"{shown} looks like {what} but cannot be read as one; "
                    "put it in quotes if it is meant as text"
                )
            else:
                message = (
                    f"{shown} cannot be read as {what} as its tag '{_tag(node.tag)}' "
                    "says; remove the tag"
                )
            self._error(node, message)
            return None
        if not node.style and changed_number(node.tag, str(node.value)):
            self._error(
                node,
                f"'{_show(str(node.value))}' would be read as the number {value}; "
                "write the number in plain digits (10, 90, 1000), or put it in quotes if it is "
                "meant as text",
            )
            return None
        return value


def _too_large(size: int, file: str) -> DataError:
    shown = math.ceil(size / 1024 / 1024 * 10) / 10  # rounded up: never "64.0 MB" when over
    msg = f"the file is {shown:.1f} MB; the limit is {MAX_BYTES // 1024 // 1024} MB"
    return DataError(file, 1, 1, None, None, msg)


def _decode(raw: bytes, file: str) -> tuple[str | None, list[DataError]]:
    if len(raw) > MAX_BYTES:
        return None, [_too_large(len(raw), file)]
    if raw.startswith(b"\xef\xbb\xbf"):
        msg = "the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM"
        return None, [DataError(file, 1, 1, None, None, msg)]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        col = len(raw[line_start : exc.start].decode("utf-8")) + 1  # characters, not bytes
        msg = "the file is not valid UTF-8 text here; save it with UTF-8 encoding"
        return None, [DataError(file, line, col, None, None, msg)]
    if not text.strip():
        return None, [DataError(file, 1, 1, None, None, "the file is empty")]
    return text, []


def _tab_errors(text: str, file: str) -> list[DataError]:
    errors = []
    for number, line in enumerate(_BREAK.split(text), start=1):
        stripped = line.lstrip(" ")
        if stripped.startswith("\t"):
            col = len(line) - len(stripped) + 1
            msg = "a tab character is used for indentation; indent with spaces only"
            errors.append(DataError(file, number, col, None, None, msg))
    return errors


def _line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of the character at `offset`, counting lines as YAML does."""
    before = _BREAK.split(text[:offset])
    return len(before), len(before[-1]) + 1


def _reader_error(exc: yaml.reader.ReaderError, text: str, file: str) -> DataError:
    # The C parser reports the position in bytes of the UTF-8 text, the Python one in characters.
    offset = exc.position
    if exc.name == "<unicode string>" and yaml.__with_libyaml__ and _Loader is not yaml.SafeLoader:
        offset = len(text.encode("utf-8", "surrogatepass")[:offset].decode("utf-8", "ignore"))
    line, col = _line_col(text, min(max(offset, 0), len(text)))
    code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or " ")
    message = (
        f"the character U+{code:04X} is not allowed in the file (it is invisible or a "
        "control character); delete it"
    )
    return DataError(file, line, col, None, None, message)


def _yaml_error(exc: yaml.YAMLError, file: str) -> DataError:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    detail = " ".join((f"{context}, {problem}" if context else problem).split())
    hint = "check the indentation and that every text with ':' or '#' is in quotes"
    return DataError(file, line, col, None, None, f"this is not valid YAML ({detail}); {hint}")


_MARKER = re.compile(r"^(---|\.\.\.)(?=[ \t]|$)", re.M)


def _marker_error(text: str, exc: yaml.YAMLError, file: str) -> DataError | None:
    """A '---' or '...' at the start of a line inside the data (often inside a block text)
    ends the YAML document there; PyYAML reports the consequence a few lines later. Name
    the line of the marker instead."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    last = mark.line + 1 if mark is not None else len(_BREAK.split(text))
    for found in _MARKER.finditer(text):
        line, col = _line_col(text, found.start())
        before = text[: found.start()]
        if line >= last:  # at the error itself PyYAML's message names it (a second document)
            break
        if not before.strip() or all(
            not row.strip() or row.lstrip().startswith("#") for row in _BREAK.split(before)
        ):
            continue  # a '---' that starts the document is fine
        return DataError(
            file,
            line,
            col,
            None,
            None,
            f"'{found.group(1)}' at the start of a line ends the YAML document; indent it "
            "like the text around it (inside a | block) or put the text in quotes",
        )
    return None


def _event_errors(text: str, file: str) -> list[DataError]:
    """Refuse aliases, merge keys and very deep nesting before building anything.

    They are found where they are written, in one pass over the parser's events: an alias
    bomb never expands, and the composer, which recurses once per level of nesting, never
    sees a deep pile of brackets.
    """
    errors = []

    def error(event: yaml.Event, message: str) -> None:
        mark = event.start_mark
        errors.append(DataError(file, mark.line + 1, mark.column + 1, None, None, message))

    # One entry per open block: [is a mapping, nodes in it so far, its last key was '<<'].
    stack: list[list[Any]] = []
    for event in yaml.parse(text, Loader=_Loader):
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
                and (
                    event.tag == "tag:yaml.org,2002:merge"
                    or (event.tag is None and event.implicit[0])
                )
            )
            if top[2]:
                error(event, "merge keys (<<) are not allowed; write the fields out")
        if isinstance(event, yaml.AliasEvent) and not merged:  # '<<: *x' is one mistake
            error(event, "anchors and aliases (& and *) are not allowed; write the value out")
        if isinstance(event, yaml.CollectionStartEvent):
            stack.append([isinstance(event, yaml.MappingStartEvent), 0, False])
            if len(stack) > MAX_DEPTH:
                error(
                    event,
                    f"the blocks are nested more than {MAX_DEPTH} levels deep; "
                    "check the indentation and the brackets [ ] and { }",
                )
                return errors
        elif stack:
            stack[-1][1] += 1
    return errors


def parse(text: str, file: str) -> tuple[Loaded | None, list[DataError]]:
    """Parse YAML text into plain values with positions, or return the errors."""
    tab_errors = _tab_errors(text, file)
    if tab_errors:
        return None, tab_errors
    try:  # lone surrogates: only possible in text that was not read from a file
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        line, col = _line_col(text, exc.start)
        msg = "the file is not valid UTF-8 text here; save it with UTF-8 encoding"
        return None, [DataError(file, line, col, None, None, msg)]
    try:
        event_errors = _event_errors(text, file)
        if event_errors:
            return None, event_errors
        node = yaml.compose(text, Loader=_Loader)
    except yaml.reader.ReaderError as exc:
        return None, [_reader_error(exc, text, file)]
    except yaml.YAMLError as exc:
        return None, [_marker_error(text, exc, file) or _yaml_error(exc, file)]
    if node is None:
        return None, [DataError(file, 1, 1, None, None, "the file has no data")]
    converter = _Converter(file)
    data = converter.convert(node, ())
    if converter.errors:
        return None, converter.errors
    return Loaded(data, converter.positions), []


_NO_KEY = object()  # a mapping waits for a field name
_IN_LIST = object()  # a sequence: values are appended


def quick_parse(text: str) -> Any | None:
    """The values of a plain, well-formed document in one pass over the parser's events,
    without positions; None as soon as the text needs `parse` (which finds and locates
    every problem).

    This is the fast path for valid data (about 3x faster than `parse` on a large file).
    It gives up on anything `parse` would refuse or treat specially: tabs anywhere, tags,
    anchors and aliases, merge keys, a repeated field, a non-text field name, a collection
    as a key, values that cannot be read as the type they look like, deep nesting, more or
    fewer than one document. So when it returns values, they are those `parse` returns.
    """
    if "\t" in text:
        return None
    loader = _Loader(text)
    # The resolver's table by first character; '' holds the one for the empty value (null).
    resolvers = _RESOLVER.yaml_implicit_resolvers
    construct = yaml.constructor.SafeConstructor().construct_object
    documents: list[Any] = []  # the values of the documents: exactly one is expected
    stack: list[Any] = [documents]  # the open mappings and sequences
    keys: list[Any] = [_IN_LIST]  # for each: the field name waiting for its value
    get_event = loader.get_event
    scalar, alias = yaml.ScalarEvent, yaml.AliasEvent
    mapping_start, sequence_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
    mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    stream_end = yaml.StreamEndEvent
    try:
        while True:
            event = get_event()
            kind = type(event)
            if kind is scalar:
                if event.anchor is not None or event.tag not in (None, "!"):
                    return None
                value: Any = event.value
                key = keys[-1]
                if key is _NO_KEY:  # a field name: kept as written
                    if value in stack[-1] or (value == "<<" and event.implicit[0]):
                        return None
                    keys[-1] = value
                    continue
                if event.implicit[0]:  # plain: its type comes from how it looks
                    tag = _STR
                    for candidate, pattern in resolvers.get(value[:1], ()):  # as resolve() does
                        if pattern.match(value):
                            tag = candidate
                            break
                    if tag not in _SCALAR_TAGS:  # e.g. '<<' or '=' as a value
                        return None
                    if tag != _STR and tag != "tag:yaml.org,2002:timestamp":
                        if changed_number(tag, value):
                            return None
                        try:
                            value = construct(yaml.ScalarNode(tag, value))
                        except (ValueError, KeyError, TypeError, IndexError, yaml.YAMLError):
                            return None
            elif kind is mapping_start or kind is sequence_start:
                if event.anchor is not None or not event.implicit or len(stack) > MAX_DEPTH:
                    return None
                key = keys[-1]
                if key is _NO_KEY:  # a mapping or a sequence as a field name
                    return None
                value = {} if kind is mapping_start else []
            elif kind is mapping_end or kind is sequence_end:
                stack.pop()
                keys.pop()
                continue
            elif kind is stream_end:
                break
            elif kind is alias:
                return None
            else:  # stream and document start and end
                continue
            if key is _IN_LIST:
                stack[-1].append(value)
            else:
                stack[-1][key] = value
                keys[-1] = _NO_KEY
            if kind is not scalar:
                stack.append(value)
                keys.append(_NO_KEY if kind is mapping_start else _IN_LIST)
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()
    return documents[0] if len(documents) == 1 and documents[0] is not None else None


def read_text(path: Path, display: str) -> tuple[str | None, list[DataError]]:
    """The text of the file at `path`, or why it cannot be read as YAML text. Only a
    regular file is read (never a device such as /dev/zero or a named pipe), and never
    more than `MAX_BYTES` of it."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            msg = "this is not a regular file (a device, folder or pipe); use a text file"
            return None, [DataError(display, 1, 1, None, None, msg)]
        if info.st_size > MAX_BYTES:  # refuse before reading it into memory
            return None, [_too_large(info.st_size, display)]
        with path.open("rb") as handle:
            raw = handle.read(info.st_size + 1)  # + 1: a file that grew meanwhile
            if len(raw) > MAX_BYTES:
                return None, [_too_large(len(raw), display)]
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        return None, [DataError(display, 1, 1, None, None, f"cannot read the file: {reason}")]
    return _decode(raw, display)


def load(path: Path, display: str) -> tuple[Loaded | None, list[DataError]]:
    """Read and parse the file at `path`; `display` is the name used in messages."""
    text, errors = read_text(path, display)
    if text is None:
        return None, errors
    return parse(text, display)
