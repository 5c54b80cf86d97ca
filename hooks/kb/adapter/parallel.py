"""The other languages built at the same time as the first, each in a process of its own.

mkdocs-static-i18n builds the site's languages one after the other in one process: the
first language's `on_post_build` runs a whole nested `mkdocs build` for each other one. On
a machine with more than one core that leaves all but one idle for most of the build (at
10,000 records rendering the pages is about two thirds of it, bench/README.md).

So once the first language's build has checked everything (on_config) and emptied its
staging folder, `start` forks one process per other language. Each runs exactly the
nested build the i18n plugin would run (the same call, into the same staging folder, its
own `<lang>/` part), indexes its language for the search as soon as its pages are written
(kb.search.index.index_language), and reports how it ended through a pipe. The first
language's build goes on meanwhile, with the other languages unmarked for building in the
i18n plugin's settings (so that its `on_post_build` does not build them again). Right
after that plugin's step (priority -101, so that a plugin after it finds every language on
disk, as in its own loop) the first build indexes its own language, then `wait` collects
the processes; the list of every language's search bundles follows, and at -110 the guard
and the swap, which need every language on disk. A
failure in any language fails the build with that language's message, as before; the
staged site is then never published.

A child ends with its parent: if the first language's build fails and MkDocs exits, the
kernel ends the other languages' builds too (Linux's PR_SET_PDEATHSIG), so nothing writes
into the staging folder after the build that made it. That is why the processes are used
on Linux only; elsewhere, or with KB_SERIAL_BUILD=1, the i18n plugin builds the languages
one after the other, as it always did.

Under `mkdocs serve` the rebuilds fork too (the preview's search index is made in the
background afterwards, so no language indexes itself there). The serving process has other
threads; a fork copies only the one that calls it, so the child uses none of their state:
it writes through standard streams of its own (`_own_streams`) and exits with os._exit.
"""

from __future__ import annotations

import ctypes
import json
import logging
import os
import signal
import sys
import traceback
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mkdocs import utils
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.exceptions import Abort

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

_KEY = "kb_other_languages"
_CHILD_KEY = "kb_forked_language"  # in a child: its language
_BUNDLES_KEY = "kb_forked_bundles"  # in a child: the search bundles it made
_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
SERIAL_ENV = "KB_SERIAL_BUILD"


@dataclass(frozen=True)
class Child:
    """One other language's build process, and the read end of its report."""

    lang: str
    pid: int
    report: int


def _i18n(config: MkDocsConfig) -> Any:
    return config.plugins["i18n"]


def can_fork() -> bool:
    return sys.platform.startswith("linux") and os.environ.get(SERIAL_ENV) != "1"


def _end_with_parent(parent: int) -> None:
    """Ask Linux to end this process when its parent ends (and end now if it has)."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    if os.getppid() != parent:
        os._exit(1)


def forked(config: MkDocsConfig) -> bool:
    """True in the first language's build once the other languages are under way."""
    return isinstance(config.get(_KEY), tuple)


def in_child(config: MkDocsConfig) -> bool:
    """True in the build of another language in a process of its own."""
    return isinstance(config.get(_CHILD_KEY), str)


def keep_bundles(config: MkDocsConfig, names: list[str]) -> None:
    """In a child: the search bundles it made of its language, for its report."""
    config[_BUNDLES_KEY] = names


def start(config: MkDocsConfig) -> None:
    """Fork a build for each other language (call once the staging folder is empty)."""
    i18n = _i18n(config)
    others = [lang for lang in i18n.build_languages if lang != i18n.current_language]
    if forked(config) or not others:
        return
    children = []
    for lang in others:
        read, write = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:  # the child: never returns
            os.close(read)
            _end_with_parent(parent)
            _build_other(config, lang, write)
        os.close(write)
        children.append(Child(lang, pid, read))
    config[_KEY] = tuple(children)
    # The i18n plugin's on_post_build builds every language marked `build` but the current
    # one: unmarked until `wait`, the forked languages are left to their processes.
    for language in i18n.config.languages:
        if language.locale in others:
            language.build = False


def _quiet_nested(record: logging.LogRecord) -> bool:
    return not str(record.msg).startswith(("Documentation built in", "Building documentation"))


def _own_streams() -> None:
    """In the child: standard output and error as new objects on the same descriptors, and
    the log handlers pointed at them. Under `mkdocs serve` the build forks beside other
    threads (the web server's, the search preview's); one of them may have held a stream's
    lock at the fork, which in the child no thread would ever release."""
    out = open(os.dup(1), "w", encoding=sys.stdout.encoding, errors=sys.stdout.errors)  # noqa: SIM115
    err = open(os.dup(2), "w", encoding=sys.stderr.encoding, errors=sys.stderr.errors)  # noqa: SIM115
    for logger in [logging.getLogger(), *logging.Logger.manager.loggerDict.values()]:
        for handler in getattr(logger, "handlers", ()):
            if isinstance(handler, logging.StreamHandler):
                # Assigned, not setStream(): that flushes the old stream, taking its lock.
                if handler.stream is sys.stderr:
                    handler.stream = err
                elif handler.stream is sys.stdout:
                    handler.stream = out
    sys.stdout, sys.stderr = out, err


def _build_other(config: MkDocsConfig, lang: str, report: int) -> None:
    """In the child: the nested build the i18n plugin runs for `lang`, then exit."""
    status, message = 1, ""
    try:
        _own_streams()
        config.pop(_KEY, None)
        config[_CHILD_KEY] = lang
        i18n = _i18n(config)
        i18n.building = True  # as inside the i18n plugin's own loop: a nested build
        i18n.current_language = lang
        utils.clean_directory = lambda directory: None  # the first language emptied it
        # As the i18n plugin does for its nested builds: one "built in" line, the first's.
        logging.getLogger("mkdocs.commands.build").addFilter(_quiet_nested)
        mkdocs_build(config, dirty=False)
        status = 0
    except Abort as exc:  # MkDocs has logged the cause (an error, or warnings in --strict)
        message = str(exc)
    except BaseException:  # noqa: BLE001  anything else: as MkDocs would show it
        message = "".join(traceback.format_exc())
    finally:
        try:
            bundles = config.get(_BUNDLES_KEY)
            result = {"ok": status == 0, "message": message, "bundles": bundles}
            os.write(report, json.dumps(result).encode())
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(status)


def _read_all(fd: int) -> bytes:
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks)


def wait(config: MkDocsConfig) -> dict[str, list[str]]:
    """Wait for every other language's build; return the search bundles each made of its
    language (none when it did not index); raise Abort with every failure's message."""
    children = config.pop(_KEY, None)
    if not isinstance(children, tuple):
        return {}
    forked_langs = {child.lang for child in children}
    for language in _i18n(config).config.languages:
        if language.locale in forked_langs:
            language.build = True
    failures, bundles = [], {}
    for child in children:
        raw = _read_all(child.report)
        _, code = os.waitpid(child.pid, 0)
        try:
            result = json.loads(raw) if raw else None
        except ValueError:
            result = None
        if isinstance(result, dict) and result.get("ok") and code == 0:
            if isinstance(result.get("bundles"), list):
                bundles[child.lang] = [str(name) for name in result["bundles"]]
            continue
        if isinstance(result, dict) and result.get("message"):
            failures.append(str(result["message"]))
        else:
            failures.append(
                f"the build of the language '{child.lang}' ended without a result "
                f"(exit status {code})"
            )
    if failures:
        raise Abort("\n".join(failures))
    return bundles
