"""The tests' builds run in processes forked from a server that has the libraries imported
(tests/buildfork.py). A build there must see and do exactly what `python -m mkdocs` in a new
interpreter sees and does: the same arguments, working folder, environment, import path,
standard input, output on each stream, exit status and site, including when a hook stops
the build or crashes with a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from buildfork import PRELOAD
from conftest import mkdocs, site_files

pytestmark = pytest.mark.build

HOOK = """import json
import os
import sys


def on_startup(command, dirty):
    print(json.dumps({
        "argv": sys.argv[1:],
        "cwd": os.getcwd(),
        "env": dict(os.environ),
        "path": sys.path,
        "stdin": sys.stdin.read(),
        "ours": sorted(m for m in sys.modules if m.split(".")[0] in OURS),
    }), flush=True)


def on_config(config):
    mode = os.environ.get("PLANTED")
    if mode == "crash":
        raise ValueError("planted crash")
    if mode == "stop":
        from mkdocs.exceptions import PluginError

        raise PluginError("planted stop")
    print("to stderr", file=sys.stderr)
    return config
"""
# Modules of the tests and the generator: none may be imported before a build starts.
OURS = {"kb", "kb_hooks", "conftest", "buildfork", "pytest", "_pytest", "xdist"}


@pytest.fixture()
def tiny(tmp_path: Path) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/index.md").write_text("# Tiny\n\nText.\n", encoding="utf-8")
    (tmp_path / "hook.py").write_text(HOOK.replace("OURS", repr(OURS)), encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Tiny\ntheme: mkdocs\nhooks:\n  - hook.py\n", encoding="utf-8"
    )
    return tmp_path


def _new_interpreter(
    args: list[str], cwd: Path, env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *args],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
    )


def _same_site(text: str, how: str) -> str:
    return text.replace(f"site-{how}", "site-X")


def _timeless(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "Documentation built in" not in line]


@pytest.mark.parametrize("planted", ["", "stop", "crash"])
def test_a_forked_build_is_a_new_interpreters_build(tiny: Path, planted: str) -> None:
    env = {"PATH": os.environ["PATH"], "NO_MKDOCS_2_WARNING": "1", "ONLY_HERE": "x"}
    env["SOURCE_DATE_EPOCH"] = "1700000000"  # the theme prints the build date
    if planted:
        env["PLANTED"] = planted
    runs = {}
    for how, run in (("new", _new_interpreter), ("forked", mkdocs)):
        site = f"site-{how}"
        result = run(["build", "--strict", "--site-dir", site], tiny, env)
        runs[how] = (result, site_files(tiny / site) if (tiny / site).exists() else {})
    (new, new_site), (forked, forked_site) = runs["new"], runs["forked"]
    new_out, new_err = (_same_site(text, "new") for text in (new.stdout, new.stderr))
    forked_out, forked_err = (_same_site(text, "forked") for text in (forked.stdout, forked.stderr))
    assert forked_out == new_out
    assert '"ours": []' in forked_out and '"stdin": ""' in forked_out
    assert f'"cwd": "{tiny}"' in forked_out and '"ONLY_HERE": "x"' in forked_out
    assert forked.returncode == new.returncode == (1 if planted else 0)
    if planted == "crash":  # the traceback's frames name the same code; its end is the same
        assert "Traceback (most recent call last)" in forked.stderr
        assert (
            forked.stderr.splitlines()[-1]
            == new.stderr.splitlines()[-1]
            == ("ValueError: planted crash")
        )
    else:
        assert _timeless(forked_err) == _timeless(new_err)
    assert forked_site == new_site
    assert bool(forked_site) is not bool(planted)


def test_the_server_imports_no_code_of_the_tests_or_the_generator() -> None:
    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import sys\nfor n in {PRELOAD!r}: __import__(n)\nprint(*sys.modules)",
        ],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    ).stdout.split()
    assert "mkdocs.commands.build" in loaded and "material.plugins.search.plugin" in loaded
    assert not [name for name in loaded if name.split(".")[0] in OURS]
