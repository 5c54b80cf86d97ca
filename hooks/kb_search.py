"""Per-language full-text search index with Pagefind (Snowball stemming, one index per
`<html lang>`), written to `pagefind/` inside the built site."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

TIMEOUT_SECONDS = 600


class SearchError(Exception):
    """Pagefind failed or is not installed."""


def build_index(site_dir: Path) -> None:
    """Index the pages under `site_dir` that mark their content with data-pagefind-body."""
    command = [
        sys.executable, "-m", "pagefind",
        "--site", str(site_dir),
        "--output-subdir", "pagefind",
        "--silent",
    ]  # fmt: skip
    try:
        result = subprocess.run(
            command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SearchError(f"could not run Pagefind to build the search index: {exc}") from None
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip()
        raise SearchError(f"Pagefind failed to build the search index:\n{detail}")
    _sort_entry(site_dir / "pagefind" / "pagefind-entry.json")


def _sort_entry(path: Path) -> None:
    """Pagefind writes its entry file's languages in hash-map order; sort the keys so that
    two builds of the same input are byte-identical (the index files are content-named)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(data, sort_keys=True, separators=(",", ":")), encoding="utf-8")
