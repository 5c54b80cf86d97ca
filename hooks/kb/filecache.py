"""Caches keyed by the version of the files their value was read from.

`mkdocs serve` keeps the hook modules loaded between rebuilds, so a plain `@cache` of
something read from a file (the schema, a string table, the data) would keep the first
version until the server stops. `by_file_version` adds the version of each file the value
depends on to the cache key: an edit makes a new entry, and the value is read again.

A file's version is its path with the modification and change times (nanoseconds), the
size and the inode number, after following symbolic links: an editor's save changes the
times (and, when it writes a new file and renames it, the inode); `touch -d` can set the
modification time back, but never the change time. Checking costs one `stat` per file.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

FileVersion = tuple[str, int, int, int, int] | tuple[str, str]


def file_version(path: Path) -> FileVersion:
    """The version of `path`; a missing or unreadable file has one too (its error's name),
    so that creating the file counts as an edit."""
    try:
        stat = os.stat(path)
    except OSError as exc:
        return (str(path), type(exc).__name__)
    return (str(path), stat.st_mtime_ns, stat.st_ctime_ns, stat.st_size, stat.st_ino)


def by_file_version(
    files: Callable[P, Iterable[Path]], maxsize: int = 1
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Cache a loader by its (hashable) arguments and the versions of `files(*arguments)`.

    `maxsize` entries are kept (the least recently used goes first): one per file version
    is enough for a loader without arguments, one per argument for a loader called with a
    few (e.g. a language). A loader that raises is not cached, so a fixed file is read again.
    """

    def decorate(load: Callable[P, R]) -> Callable[P, R]:
        def call(versions: tuple[FileVersion, ...], *args: Any, **kwargs: Any) -> R:
            return load(*args, **kwargs)

        cached: Callable[..., R] = functools.lru_cache(maxsize=maxsize)(call)

        @functools.wraps(load)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            versions = tuple(file_version(path) for path in files(*args, **kwargs))
            return cached(versions, *args, **kwargs)

        return wrapper

    return decorate
