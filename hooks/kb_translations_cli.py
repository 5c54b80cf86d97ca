"""Command line of the translation status (see kb_translations and the editors' guide).

    bash scripts/translations                 table of every field: ok, stale or missing
    bash scripts/translations --stale         only the fields that need attention
    bash scripts/translations --json          the same as a JSON list
    bash scripts/translations --github        GitHub Actions annotations (CI, pull requests)
    bash scripts/translations --mark ID [FIELD ...]   the Swedish text of ID is checked
    bash scripts/translations --mark-all      every current Swedish text is checked (baseline)

Exit 0 when no translation is missing (stale texts are reported, not fatal), 1 when one is
missing, 2 when a file cannot be read or --mark names an unknown record or field.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import yaml  # noqa: E402

from kb.errors import DataErrors  # noqa: E402
from kb.load import load, read_text  # noqa: E402
from kb.pairs import handwritten  # noqa: E402
from kb.settings import Languages  # noqa: E402
from kb.translations import (  # noqa: E402
    SECTIONS,
    Field,
    Links,
    Status,
    baseline,
    data_fields,
    mark,
    page_fields,
    read_links,
    statuses,
)
from kb.urls import ROOT_LANG  # noqa: E402

DATA = "data/measures.yaml"
LINKS = "data/translations.yaml"
DOCS = "docs"
HEADER = """\
# Translation links, kept by `bash scripts/translations --mark` (do not edit by hand).
# For every bilingual text of data/measures.yaml and every hand-written page: a fingerprint
# of the Finnish text that the Swedish text was last checked against. When the Finnish text
# changes, `bash scripts/translations` shows the Swedish one as stale. See the editors' guide.
"""
_REASONS = {
    "finnish-changed": "the Finnish text changed after the Swedish one was checked",
    "never-reviewed": "never checked: no link in data/translations.yaml yet",
    "swedish-missing": "no Swedish text",
    "finnish-missing": "no Finnish text",
}


class _Failure(Exception):
    """Input that stops the command: printed as it is, exit 2."""


def _fields(root: Path) -> list[Field]:
    loaded, errors = load(root / DATA, DATA)
    if loaded is None:
        raise _Failure(DataErrors(errors).report())
    pages, problems = handwritten(root / DOCS, Languages.of_data(ROOT_LANG))
    if problems:
        raise _Failure("\n".join(problems))
    fi, sv = pages["fi"], pages["sv"]
    found: dict[str, tuple[str, str | None]] = {}
    for path, declared in fi.items():
        other = declared or path
        text = (root / DOCS / "fi" / path).read_text(encoding="utf-8")
        found[path] = (text, other if other in sv else None)
    return data_fields(loaded, DATA) + page_fields(found)


def _links(root: Path) -> Links:
    path = root / LINKS
    text = None
    if path.exists():
        text, errors = read_text(path, LINKS)
        if text is None:
            raise _Failure(DataErrors(errors).report())
    links, errors = read_links(text, LINKS)
    if errors:
        raise _Failure(DataErrors(errors).report().replace("in the data", f"in {LINKS}"))
    return links


def dump_links(links: Links) -> str:
    """The companion file's text: sorted, so that a mark changes only its own lines."""
    clean = {s: links[s] for s in SECTIONS if links.get(s)}
    body = yaml.safe_dump(clean, sort_keys=True, allow_unicode=True, default_flow_style=False)
    return HEADER + body


def _write(root: Path, links: Links) -> None:
    target = root / LINKS
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".translations.", suffix=".yaml")
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(dump_links(links))
        os.replace(tmp, target)  # all or nothing: a failed write leaves the old file
    except OSError as exc:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
        raise _Failure(f"{LINKS}: cannot write the file: {exc.strerror}") from None


def _label(status: Status) -> str:
    return f"{SECTIONS[status.field.section]} {status.field.owner}"


def table(rows: list[Status]) -> str:
    """Aligned columns an editor reads: status, item, field, file:line, why."""
    lines = [("STATUS", "ITEM", "FIELD", "WHERE", "WHY")]
    for s in rows:
        where = f"{s.field.file}:{s.field.line}"
        lines.append((s.status, _label(s), s.field.field, where, _REASONS.get(s.reason, "")))
    widths = [max(len(row[i]) for row in lines) for i in range(4)]
    out = [
        (
            "  ".join(c.ljust(w) for c, w in zip(row[:4], widths, strict=True)) + "  " + row[4]
        ).rstrip()
        for row in lines
    ]
    return "\n".join(out)


def _escape(value: str, *, prop: bool = False) -> str:
    """GitHub workflow-command escaping (data; properties also escape ':' and ',')."""
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if prop else value


def github_annotations(rows: list[Status]) -> list[str]:
    """`::warning` for each stale field, `::error` for each missing one, at its file:line."""
    out = []
    for s in rows:
        if s.status == "ok":
            continue
        level = "error" if s.status == "missing" else "warning"
        f = s.field
        hint = (
            f"update the Swedish text, then run: bash scripts/translations --mark {f.owner} "
            f"{f.field}"
            if s.status == "stale"
            else "write the text in both languages"
        )
        message = f"{_label(s)}, field '{f.field}': {_REASONS[s.reason]}; {hint}"
        out.append(
            f"::{level} file={_escape(f.file, prop=True)},line={f.line},"
            f"title={_escape('translation ' + s.status, prop=True)}::{_escape(message)}"
        )
    return out


def _mark(root: Path, fields: list[Field], owner: str, names: list[str]) -> int:
    mine = [f for f in fields if f.owner == owner]
    if not mine:
        raise _Failure(f"--mark: no record, area, organisation or page '{owner}'")
    chosen = [f for f in mine if not names or f.field in names]
    unknown = sorted(set(names) - {f.field for f in mine})
    if unknown:
        known = ", ".join(f.field for f in mine)
        raise _Failure(f"--mark {owner}: no field {', '.join(unknown)}; its fields are: {known}")
    incomplete = [f.field for f in chosen if f.fi is None or f.sv is None]
    if incomplete:
        raise _Failure(
            f"--mark {owner}: {', '.join(incomplete)} is not written in both languages yet"
        )
    _write(root, mark(_links(root), chosen))
    print(f"{LINKS}: marked {len(chosen)} field(s) of {owner} as checked")
    return 0


def main(argv: list[str], root: Path | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="scripts/translations", description=__doc__.split("\n")[0]
    )
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--json", action="store_true", help="print a JSON list")
    group.add_argument("--github", action="store_true", help="GitHub Actions annotations")
    group.add_argument("--mark", nargs="+", metavar=("ID", "FIELD"), help="mark as checked")
    group.add_argument("--mark-all", action="store_true", help="mark every text as checked")
    parser.add_argument("--stale", action="store_true", help="only stale and missing fields")
    args = parser.parse_args(argv)
    base = root or Path.cwd()
    try:
        fields = _fields(base)
        if args.mark:
            return _mark(base, fields, args.mark[0], args.mark[1:])
        if args.mark_all:
            _write(base, baseline(fields))
            print(f"{LINKS}: every text written in both languages is marked as checked")
            return 0
        rows = statuses(fields, _links(base))
    except _Failure as exc:
        print(exc, file=sys.stderr)
        return 2
    missing = sum(s.status == "missing" for s in rows)
    stale = sum(s.status == "stale" for s in rows)
    shown = [s for s in rows if s.status != "ok"] if args.stale else rows
    if args.json:
        print(json.dumps([s.as_json() for s in shown], ensure_ascii=False, indent=1))
    elif args.github:
        print("\n".join(github_annotations(rows)))
    else:
        if shown:
            print(table(shown))
        print(
            f"\n{len(rows) - stale - missing} ok, {stale} stale, {missing} missing. "
            "After checking a Swedish text: bash scripts/translations --mark ID FIELD"
        )
    return 1 if missing else 0


def _run() -> int:
    """`main`, quiet when the reader closes the pipe early (`... | head`)."""
    try:
        code = main(sys.argv[1:])
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no error at exit
        return 1
    return code


if __name__ == "__main__":
    sys.exit(_run())
