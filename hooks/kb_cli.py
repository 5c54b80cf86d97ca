"""Command line: validate data files without building the site.

    python hooks/kb_cli.py [FILE ...]     (default: data/measures.yaml)

Prints every error as file:line:column: record, field: message. Exit 0 when valid, 1 when not.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from kb.errors import DataErrors  # noqa: E402
from kb.state import read_state  # noqa: E402

DEFAULT = "data/measures.yaml"


def main(argv: list[str]) -> int:
    """Validate each file named in `argv` (or the default data file)."""
    failed = False
    for name in argv or [DEFAULT]:
        try:
            state = read_state(Path(name), name)
        except DataErrors as exc:
            print(exc.report(), file=sys.stderr)
            failed = True
            continue
        site = state.site
        print(
            f"{name}: OK ({len(site.areas)} areas, {len(site.organisations)} organisations, "
            f"{len(site.records)} records)"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
