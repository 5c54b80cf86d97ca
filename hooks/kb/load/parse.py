"""The careful path: parse YAML text into plain values with the position of each, or every
located problem. Only safe YAML: no tags that build objects, no aliases, no duplicate keys,
no blocks nested deeper than `MAX_DEPTH`. Dates stay the text the editor wrote. Nothing
here raises on bad input."""

from __future__ import annotations

from pathlib import Path

import yaml

from kb.errors import DataError, file_error
from kb.load import read
from kb.load.convert import Converter, Loaded
from kb.load.syntax import (
    event_errors,
    line_col,
    marker_error,
    reader_error,
    tab_errors,
    yaml_error,
)
from kb.load.yamlscalars import Loader


def parse(text: str, file: str) -> tuple[Loaded | None, list[DataError]]:
    """Parse YAML text into plain values with positions, or return the errors."""
    tabs = tab_errors(text, file)
    if tabs:
        return None, tabs
    try:  # lone surrogates: only possible in text that was not read from a file
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        line, col = line_col(text, exc.start)
        return None, [file_error(file, line, col, read.NOT_UTF8)]
    try:
        refused = event_errors(text, file)
        if refused:
            return None, refused
        node = yaml.compose(text, Loader=Loader)
    except yaml.reader.ReaderError as exc:
        return None, [reader_error(exc, text, file)]
    except yaml.YAMLError as exc:
        return None, [marker_error(text, exc, file) or yaml_error(exc, file)]
    if node is None:
        return None, [file_error(file, 1, 1, "the file has no data")]
    converter = Converter(file)
    data = converter.convert(node, ())
    if converter.errors:
        return None, converter.errors
    return Loaded(data, converter.positions), []


def load(path: Path, display: str) -> tuple[Loaded | None, list[DataError]]:
    """Read and parse the file at `path`; `display` is the name used in messages."""
    text, errors = read.read_text(path, display)
    if text is None:
        return None, errors
    return parse(text, display)
