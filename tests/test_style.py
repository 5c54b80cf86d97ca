"""House style: ruff lint and format (line length 100, see ruff.toml) over all Python code,
and mypy (mypy.ini) over hooks/."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PATHS = ["hooks", "tests", "bench", "scripts"]


def _ruff(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    paths = [p for p in PATHS if (root / p).is_dir()]
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args, *paths],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )


def test_ruff_lint(root: Path) -> None:
    result = _ruff(root, "check", "--no-cache", "--output-format", "concise")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format(root: Path) -> None:
    result = _ruff(root, "format", "--check", "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy(root: Path) -> None:
    """Static types of hooks/ with the pinned mypy and the settings of mypy.ini."""
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", "mypy.ini"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
