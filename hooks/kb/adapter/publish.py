"""Stage, then swap: a build writes into a staging folder next to the site folder, and
the site folder is replaced only when the whole build (every language, the search index,
no warning under --strict) has succeeded. A failure at any point leaves the last good
site as it was.

The swap is two renames in the same parent folder (the old site moves aside, the new one
takes its name), then the old one is deleted; entries whose names start with '.' (e.g. a
.git folder of a deployment) are carried over, as `mkdocs build` keeps them.
"""

from __future__ import annotations

import logging
import secrets
import shutil
import tempfile
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.utils import CountHandler

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

# The site folder the build publishes to; config.site_dir is its staging folder meanwhile.
_TARGET_KEY = "kb_publish_to"


def staging(config: MkDocsConfig) -> None:
    """At the first language's build, point the build at an empty staging folder."""
    if not isinstance(config.get(_TARGET_KEY), Path):
        target = Path(config.site_dir).resolve()
        config[_TARGET_KEY] = target
        config.site_dir = str(prepare(target))


def published_to(config: MkDocsConfig) -> Path | None:
    """The site folder the staged build replaces, once `staging` has run."""
    target = config.get(_TARGET_KEY)
    return target if isinstance(target, Path) else None


def _staging_prefix(target: Path) -> str:
    """The name start of the staging folders of the site folder `target`: hidden siblings."""
    return f".{target.name}.kb-staging"


def _aside_dir(target: Path) -> Path:
    return target.parent / f".{target.name}.kb-previous"


def _old_prefix(target: Path) -> str:
    """The name start of a replaced site's folder that is still being deleted."""
    return f".{target.name}.kb-old-"


def _remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        shutil.rmtree(path)


def prepare(target: Path) -> Path:
    """A new, empty staging folder for a build of `target`, with a name no earlier build
    used; the staging folders of earlier builds and the left-overs of an interrupted swap
    are removed.

    A name of its own because under `mkdocs serve` a build that fails after forking the
    other languages (kb.adapter.parallel) leaves their processes running, and they go on
    writing into that build's staging folder: never into this one."""
    aside = _aside_dir(target)
    for old in target.parent.glob(_staging_prefix(target) + "*"):
        if old.is_dir() and not old.is_symlink():  # one may still be written into: no error
            shutil.rmtree(old, ignore_errors=True)
        else:
            _remove(old)
    if aside.is_dir() and not (target.exists() or target.is_symlink()):
        aside.rename(target)  # a swap was cut off after the old site moved aside: restore it
    _remove(aside)
    for old in target.parent.glob(_old_prefix(target) + "*"):  # left by an interrupted delete
        shutil.rmtree(old, ignore_errors=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    while True:
        staging = target.parent / f"{_staging_prefix(target)}-{secrets.token_hex(6)}"
        try:
            staging.mkdir()  # the usual permissions (a temporary folder's are the owner's only)
        except FileExistsError:
            continue
        return staging


def discard(staging: Path) -> None:
    """Remove the staging folder of a failed build; the site folder is not touched."""
    shutil.rmtree(staging, ignore_errors=True)


class PublishError(Exception):
    """The staged build could not be put in place; the last good site is back."""


def publish(staging: Path, target: Path) -> Path | None:
    """Put the build staged in `staging` in place of `target`; return the folder the old
    site is left in (a unique hidden name beside it, for `remove_old`), or None when there
    was none.

    The old site first moves aside whole, so its hidden entries are never only in the
    staging folder; if any step fails, everything moves back and `PublishError` says why.
    """
    aside = _aside_dir(target)
    if target.exists() and not target.is_dir():
        target.unlink()
    moved_aside, carried = False, []
    try:
        if target.is_dir():
            target.rename(aside)
            moved_aside = True
            for entry in aside.iterdir():
                if entry.name.startswith(".") and not (staging / entry.name).exists():
                    entry.rename(staging / entry.name)
                    carried.append(entry.name)
        staging.rename(target)
    except OSError as exc:
        for name in carried:
            (staging / name).rename(aside / name)
        if moved_aside:
            aside.rename(target)
        raise PublishError(
            f"the new site could not replace '{target}' ({exc.strerror or exc}); the last "
            "good site is unchanged"
        ) from None
    if not moved_aside:
        return None
    try:  # a name of its own, so that a next build's prepare never meets it half deleted
        old = Path(tempfile.mkdtemp(prefix=_old_prefix(target), dir=target.parent))
        aside.rename(old / "site")
    except OSError:  # the new site is in place: delete the old one where it is, now
        shutil.rmtree(aside, ignore_errors=True)
        return None
    return old


def remove_old(old: Path | None, *, in_background: bool = False) -> None:
    """Delete the folder `publish` left the old site in; `in_background`: in a thread of
    its own, so that `mkdocs serve` shows the new site without waiting for it (a next
    build's `prepare` deletes what an interrupted delete left)."""
    if old is None:
        return
    if in_background:
        threading.Thread(
            target=shutil.rmtree, args=(old,), kwargs={"ignore_errors": True}, daemon=True
        ).start()
    else:
        shutil.rmtree(old, ignore_errors=True)


def warnings_counted() -> bool:
    """True when MkDocs has counted warnings in this build (under --strict it aborts
    after the last event, so the staged site must not be published)."""
    return any(
        isinstance(handler, CountHandler) and handler.get_counts()
        for handler in logging.getLogger("mkdocs").handlers
    )
