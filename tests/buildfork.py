"""`python -m mkdocs ...` for the tests, each run in a process forked from one that has
already imported MkDocs, its theme, plugins and the libraries the hooks use.

A test build of the small project takes about a second and a half; a fifth to a third of
that was starting Python and importing the same libraries again, in every one of the
suite's seventy-odd builds. Run as a script, this module is that server: it imports the
libraries (never the generator, `hooks/kb`, which every build imports from its own
project copy, as a new interpreter would), then reads one request per line on its
standard input, forks, and writes the build's exit status back. The forked process is a
fresh `python -m mkdocs` in every way a build can see: its own working folder, environment
(exactly the one asked for), `sys.argv`, `sys.path[0]` (the working folder, as `-m` sets
it), standard input from /dev/null, standard output and error in files, and an uncaught
exception printed as the interpreter prints it, with exit status 1.

`Builds` is the test side: one server per test process, started on first use."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path

# What `python -m mkdocs build` imports before it reads mkdocs.yml, and what the theme,
# the plugins and the hooks import while it does (none of them reads the environment or
# the working folder at import time, except Material's MkDocs 2 notice, which the
# builds turn off with NO_MKDOCS_2_WARNING).
PRELOAD = (
    "click",
    "jinja2",
    "markdown",
    "markupsafe",
    "yaml",
    "jsonschema",
    "rdflib",
    "mkdocs",  # not mkdocs.__main__: runpy warns when the module it runs is imported
    "mkdocs.config",
    "mkdocs.commands.build",
    "mkdocs.config.defaults",
    "mkdocs.structure.files",
    "mkdocs.structure.pages",
    "mkdocs.structure.nav",
    "mkdocs.livereload",
    "material.plugins.search.plugin",
    "material.extensions.emoji",
    "mkdocs_static_i18n.plugin",
    "pymdownx.superfences",
    "pymdownx.highlight",
    "pymdownx.emoji",
)


def _run_in_child(request: Mapping[str, object]) -> None:
    """In the forked process: become `python -m mkdocs <args>` and exit with its status."""
    status = 1
    try:
        cwd = str(request["cwd"])
        os.chdir(cwd)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        out = os.open(str(request["stdout"]), os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        err = os.open(str(request["stderr"]), os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        os.dup2(out, 1)
        os.dup2(err, 2)
        for fd in (null, out, err):
            os.close(fd)
        env = request["env"]
        assert isinstance(env, dict)
        os.environ.clear()
        os.environ.update({str(k): str(v) for k, v in env.items()})
        _start_up_locale()
        args = request["args"]
        assert isinstance(args, list)
        sys.argv = ["mkdocs", *map(str, args)]
        sys.path[0] = cwd
        import runpy

        try:
            runpy.run_module("mkdocs", run_name="__main__", alter_sys=True)
            status = 0
        except SystemExit as exc:
            code = exc.code
            status = code if isinstance(code, int) else (0 if code is None else 1)
            if code is not None and not isinstance(code, int):
                print(code, file=sys.stderr)
        except BaseException:  # noqa: BLE001  as the interpreter shows an uncaught exception
            import traceback

            traceback.print_exc()
            status = 1
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(status)


def _start_up_locale() -> None:
    """The text locale a new interpreter takes from the environment at start-up, with its
    coercion of the legacy C locale to C.UTF-8, which it also writes into the environment
    (PEP 538; CPython's _Py_CoerceLegacyLocale). Python's other start-up settings (UTF-8
    mode, PYTHON* variables) are the server's, started with the tests' environment."""
    import locale

    current = locale.setlocale(locale.LC_CTYPE, "")
    if os.environ.get("LC_ALL") or os.environ.get("PYTHONCOERCECLOCALE") == "0":
        return
    if current in ("C", "POSIX"):
        os.environ["LC_CTYPE"] = "C.UTF-8"
        locale.setlocale(locale.LC_CTYPE, "C.UTF-8")


def serve() -> None:
    """The server: preload, then one build per request line, one answer line each."""
    for name in PRELOAD:
        __import__(name)
    requests, answers = sys.stdin.buffer, sys.stdout
    for line in requests:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            _run_in_child(request)
        _, status = os.waitpid(pid, 0)
        answers.write(json.dumps({"returncode": os.waitstatus_to_exitcode(status)}) + "\n")
        answers.flush()


class Builds:
    """Runs `python -m mkdocs <args>` in a forked copy of the server; one server per test
    process, started on first use, ended with the process."""

    def __init__(self) -> None:
        self._server: subprocess.Popen[str] | None = None
        self._lock = threading.Lock()

    def _started(self) -> subprocess.Popen[str]:
        if self._server is None or self._server.poll() is not None:
            self._server = subprocess.Popen(
                [sys.executable, __file__],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            )
        return self._server

    def run(
        self, args: Sequence[str], cwd: Path, env: Mapping[str, str]
    ) -> subprocess.CompletedProcess[str]:
        with self._lock, tempfile.TemporaryDirectory(prefix="kb-build-") as folder:
            out, err = Path(folder, "stdout"), Path(folder, "stderr")
            request = {
                "cwd": str(cwd),
                "env": dict(env),
                "args": list(args),
                "stdout": str(out),
                "stderr": str(err),
            }
            server = self._started()
            assert server.stdin is not None and server.stdout is not None
            server.stdin.write(json.dumps(request) + "\n")
            server.stdin.flush()
            answer = server.stdout.readline()
            if not answer:
                raise RuntimeError("the build server ended without an answer")
            code = int(json.loads(answer)["returncode"])
            return subprocess.CompletedProcess(
                [sys.executable, "-m", "mkdocs", *args],
                code,
                out.read_text(encoding="utf-8", errors="replace"),
                err.read_text(encoding="utf-8", errors="replace"),
            )

    def close(self) -> None:
        if self._server is not None and self._server.poll() is None:
            assert self._server.stdin is not None
            self._server.stdin.close()
            self._server.wait(timeout=30)
        self._server = None


if __name__ == "__main__":
    serve()
