"""`mkdocs serve` looks for edits every tenth of a second (kb.adapter.watching), with the
watches and callbacks MkDocs gave it."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.livereload import LiveReloadServer

from kb.adapter.watching import POLL_SECONDS, poll_faster


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LiveReloadServer]:
    made = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    try:
        yield made
    finally:
        if made.observer.is_alive():
            made.observer.stop()
            made.observer.join()
        made.server_close()


def _emitters(server: LiveReloadServer) -> set[tuple[str, float]]:
    """What each emitter watches (a file is watched through its folder) and how often."""
    return {(e.watch.path, e.timeout) for e in server.observer.emitters}


def _asks_for_rebuild(server: LiveReloadServer, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with server._rebuild_cond:
            if server._want_rebuild:
                return True
        time.sleep(0.02)
    return False


def test_the_watches_move_to_an_observer_that_looks_every_tenth_of_a_second(
    server: LiveReloadServer, tmp_path: Path
) -> None:
    docs, config, data = tmp_path / "docs", tmp_path / "mkdocs.yml", tmp_path / "data"
    docs.mkdir()
    data.mkdir()
    config.write_text("site_name: x\n", encoding="utf-8")
    # As MkDocs' serve does before on_serve (a path watched twice is counted twice).
    server.watch(str(docs))
    server.watch(str(config))
    server.watch(str(docs))
    old = server.observer
    before = _emitters(server)
    assert len(before) == 2 and {seconds for _, seconds in before} == {0.5}  # MkDocs' interval

    assert poll_faster(server)

    assert server.observer is not old and not old.emitters
    assert POLL_SECONDS == 0.1
    assert _emitters(server) == {(path, 0.1) for path, _ in before}
    server.watch(str(data))  # as MkDocs does after on_serve for `watch:` in mkdocs.yml
    assert (str(data), 0.1) in _emitters(server)
    server.unwatch(str(docs))  # watched twice: still watched once
    assert (str(docs), 0.1) in _emitters(server)

    server.observer.start()
    (docs / "index.md").write_text("# Uusi\n", encoding="utf-8")
    assert _asks_for_rebuild(server)  # MkDocs' own callback, on the new observer


def test_a_watcher_already_running_is_left_as_it_is(
    server: LiveReloadServer, tmp_path: Path
) -> None:
    server.watch(str(tmp_path))
    server.observer.start()
    running = server.observer
    assert not poll_faster(server)
    assert server.observer is running
    assert {path for path, _ in _emitters(server)} == {str(tmp_path)}


def test_a_server_without_a_polling_observer_is_left_as_it_is() -> None:
    class Other:
        observer = None
        _watched_paths: dict[str, int] = {}

    other = Other()
    assert not poll_faster(other)
    assert other.observer is None
