"""`mkdocs serve` notices an edit within a tenth of a second instead of half a second.

MkDocs' development server (1.6) watches the project with watchdog's PollingObserver, which
looks at the watched folders every 0.5 s: an edit waited 0.25 s on average, and up to 0.5 s,
before its rebuild even started. The real site rebuilds in about 0.7 s, so an edit showed
after 1.0-1.2 s (bench/run.py, "serve"). Looking every `POLL_SECONDS` costs little: one pass
over the project's 150 files and folders takes about half a millisecond.

MkDocs calls `on_serve` after it has scheduled its own watches (the docs folder and
mkdocs.yml) and before the watcher starts; the folders of `watch:` in mkdocs.yml are
scheduled after it. `poll_faster` moves the watches scheduled so far to a new observer that
looks every `POLL_SECONDS`, through the server's own `unwatch` and `watch`, so each path
keeps the callback MkDocs gives it; the later ones are scheduled on the new observer. A
server that is not what this expects (another MkDocs, a watcher already running) is left
as it is: the preview then only notices edits later.
"""

from __future__ import annotations

from typing import Any

from watchdog.observers.polling import PollingObserver

POLL_SECONDS = 0.1


def poll_faster(server: Any, seconds: float = POLL_SECONDS) -> bool:
    """Give MkDocs' LiveReloadServer `server` an observer that looks every `seconds`, with
    the same watches; return whether it did (see the module's text)."""
    observer = getattr(server, "observer", None)
    watched = getattr(server, "_watched_paths", None)
    if (
        not isinstance(observer, PollingObserver)
        or observer.is_alive()
        or not isinstance(watched, dict)
        or not all(callable(getattr(server, name, None)) for name in ("watch", "unwatch"))
    ):
        return False
    counts = {str(path): int(count) for path, count in watched.items()}
    for path, count in counts.items():
        for _ in range(count):
            server.unwatch(path)
    server.observer = PollingObserver(timeout=seconds)
    for path, count in counts.items():
        for _ in range(count):
            server.watch(path)
    return True
