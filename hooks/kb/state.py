"""Load -> validate -> typed site -> link graph, once per change of the data file or
the schema."""

from __future__ import annotations

import gc
from dataclasses import dataclass
from pathlib import Path

from kb.errors import DataErrors
from kb.filecache import by_file_version
from kb.links import Graph, build_graph
from kb.load import parse, quick_parse, read_text
from kb.model import Site
from kb.records import build_site
from kb.validate import SCHEMA_PATH, is_valid, validate


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one per data version
class State:
    site: Site
    graph: Graph


def read_state(path: Path, display: str) -> State:
    """Load and validate the data file; raise `DataErrors` listing every problem.

    Python's cyclic garbage collector is paused meanwhile: loading builds millions of small
    objects and none of them form cycles; left on, the collector costs about half the time.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        return _read_state(path, display)
    finally:
        if paused:
            gc.enable()


def _read_state(path: Path, display: str) -> State:
    """Valid data takes the fast path (`quick_parse`, `is_valid`); anything else is read
    again with positions and checked by `validate`, which locates every error."""
    text, errors = read_text(path, display)
    if text is None:
        raise DataErrors(errors)
    data = quick_parse(text)
    if data is None or not is_valid(data, text):
        loaded, errors = parse(text, display)
        if loaded is None:
            raise DataErrors(errors)
        errors = validate(loaded, display)
        if errors:
            raise DataErrors(errors)
        data = loaded.data
    site = build_site(data)
    return State(site, build_graph(site))


# Both language builds share one entry; an edit of the data or of the schema replaces it.
@by_file_version(lambda path, display: (path, SCHEMA_PATH))
def current_state(path: Path, display: str) -> State:
    """`read_state`, reused while neither the data file nor the schema changes.

    Every language build and every `mkdocs serve` rebuild asks again; the result is
    immutable, so sharing it is safe.
    """
    return read_state(path, display)
