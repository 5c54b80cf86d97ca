"""The search index of `mkdocs serve`'s preview: built in the background after the site is
in place, so that the preview shows an edit without waiting for Pagefind (its search
follows a moment later), one run at a time per site folder, and published whole."""

from __future__ import annotations

import fcntl
import os
import shutil
import sys
import tempfile
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path

from kb.search.index import SEARCH_DIR, SearchError, build_index
from kb.search.prep import PageInfo


def index_in_background(
    site_dir: Path, langs: Sequence[str], infos: Mapping[str, PageInfo]
) -> threading.Thread:
    """Start `publish_index` in a thread and return at once (`mkdocs serve`: the preview
    shows an edit without waiting for Pagefind; its search follows a moment later)."""
    worker = threading.Thread(
        target=publish_index, args=(site_dir, langs, infos), name="kb-search-index", daemon=True
    )
    worker.start()
    return worker


def publish_index(site_dir: Path, langs: Sequence[str], infos: Mapping[str, PageInfo]) -> None:
    """Index the site into a folder beside it, then move the result into `pagefind/` of
    the site, so that the site never shows a half-written index. One index run at a time
    per site folder (a lock file beside it): a quick second edit waits for the first run
    instead of starting a second Pagefind. A run whose site folder was replaced meanwhile
    (the next rebuild swapped a new one in) throws its result away, since that rebuild
    indexes its own pages. Failures give a line on standard error, no traceback."""
    _yield_to_rebuilds()
    try:
        identity = _identity(site_dir)
        lock = open(site_dir.parent / f".{site_dir.name}.kb-pagefind.lock", "a+b")  # noqa: SIM115
    except OSError as exc:
        print(f"kb_search: the preview's search index was not updated: {exc}", file=sys.stderr)
        return
    with lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
        try:
            current = _identity(site_dir)
        except OSError:
            return  # the preview's folder is gone (serve stopped or swapped it out)
        if current == identity:  # else replaced while waiting: the newer run indexes it
            _index_into(site_dir, langs, infos, identity)


# How much lower the preview's indexing runs than the server (nice): the next rebuild,
# which the editor waits for, comes first; the index only has to follow.
NICER = 10


def _yield_to_rebuilds() -> None:
    """Lower the CPU priority of this thread, and so of the threads and Pagefind processes
    it starts (Linux keeps a nice value per thread, and new ones inherit it)."""
    if not hasattr(os, "setpriority"):
        return
    try:
        me = threading.get_native_id()
        os.setpriority(os.PRIO_PROCESS, me, min(19, os.getpriority(os.PRIO_PROCESS, me) + NICER))
    except OSError:
        pass  # not allowed here: index at the server's priority


def _identity(site_dir: Path) -> tuple[int, int]:
    """Which folder `site_dir` is now: a rebuild swaps in a new folder under the same name."""
    st = site_dir.stat()
    return st.st_dev, st.st_ino


def _index_into(
    site_dir: Path,
    langs: Sequence[str],
    infos: Mapping[str, PageInfo],
    identity: tuple[int, int],
) -> None:
    try:
        staging = Path(tempfile.mkdtemp(prefix=".kb-pagefind-out-", dir=site_dir.parent))
    except OSError as exc:
        print(f"kb_search: the preview's search index was not updated: {exc}", file=sys.stderr)
        return
    try:
        build_index(site_dir, langs, infos, out=staging / SEARCH_DIR)
        if _identity(site_dir) != identity:  # OSError when it is gone: handled below
            return  # the pages indexed are no longer the site's: its own run follows
        target = site_dir / SEARCH_DIR
        if target.exists():
            shutil.rmtree(target)
        os.replace(staging / SEARCH_DIR, target)
    except (OSError, SearchError) as exc:
        print(f"kb_search: the preview's search index was not updated: {exc}", file=sys.stderr)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
