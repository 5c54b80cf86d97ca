"""Golden corpus: every file under tests/cases/ is one case for the data validator.

Adding a case means adding a file. `bad/` holds files that must be refused, `good/` files
that must pass. Each file starts with comment lines that say what to expect:

    # case: a misspelt field name gets a suggestion          (required: what the trap is)
    # expect-exit: 1                                        (required: 0 = valid, 1 = refused)
    # expect-errors: 2                                      (optional: exact number of messages)
    # expect: unknown-field.yaml:24:5: record 'mentor-programme-2022', field 'titel': unknown field
    # expect: ...                                           (any number: text that must appear)
    # generate: empty                                       (optional, see below)
    # max-seconds: 2                                        (optional, default 2)

An `expect` line is a fragment of the output; write the location as the editor sees it:
the file's own name, the line and the column (lines count from the top of the file,
these comment lines included). Other comment lines are free text. The header ends at
the first line that is not a comment; a UTF-8 byte-order mark before it is skipped.

Raw bytes are part of some cases (a BOM, Latin-1 text, a control character, CRLF line
ends); tests/cases/.gitattributes keeps Git from converting them. Files that cannot be
kept in the repository as they are validated are made at test time:

    # generate: empty                  validate an empty file (0 bytes) of the same name
    # generate: pad-to-bytes 67108865  validate a copy padded with a comment to that size

Each case is validated twice: by the command line's `main` (`kb_cli.main([NAME])`, run in
the case's folder, its output captured) and by the library (`kb.load.load` +
`kb.validate.validate`, timed and with its memory measured). Both must give the expected exit,
contain every `expect` fragment and no traceback, and leave the file byte for byte as it was.
The real command (`python hooks/kb_cli.py FILE ...`, a subprocess) runs once over every case
at the same time, and each case's expected output must appear in what it prints.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import subprocess
import sys
import time
import tracemalloc
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from kb.links import build_graph
from kb.load import load, quick_parse, read_text
from kb.records import build_site
from kb.validate import is_valid, validate
from kb_cli import main as cli_main

ROOT = Path(__file__).resolve().parent.parent
CLI = ROOT / "hooks" / "kb_cli.py"
CASES = Path(__file__).resolve().parent / "cases"
BOM = b"\xef\xbb\xbf"
LOCATED = re.compile(r"^[^:\n]+:\d+:\d+: ")
MAX_MEMORY = 64 * 1024 * 1024  # bytes the library may allocate for one case
DIRECTIVE = re.compile(r"^#\s*(expect[\w-]*|case|generate|max-seconds)\s*:\s?(.*)$")


@dataclass
class Case:
    path: Path
    description: str = ""
    exit: int | None = None
    fragments: list[str] = field(default_factory=list)
    errors: int | None = None
    generate: str | None = None
    max_seconds: float = 2.0


def read_case(path: Path) -> Case:
    """The expectations in the comment lines at the top of `path`."""
    raw = path.read_bytes()
    if raw.startswith(BOM):
        raw = raw[len(BOM) :]
    case = Case(path)
    for raw_line in raw.split(b"\n"):
        line = raw_line.decode("utf-8", "replace").rstrip("\r")
        if not line.startswith("#"):
            break
        match = DIRECTIVE.match(line)
        if not match:
            continue
        key, value = match.group(1), match.group(2).strip()
        if key == "case":
            case.description = value
        elif key == "expect-exit":
            case.exit = int(value)
        elif key == "expect-errors":
            case.errors = int(value)
        elif key == "expect":
            case.fragments.append(value)
        elif key == "generate":
            case.generate = value
        elif key == "max-seconds":
            case.max_seconds = float(value)
        else:
            raise AssertionError(f"{path}: unknown header line {line!r}")
    assert case.description, f"{path}: add a '# case: ...' line saying what the case is about"
    assert case.exit in (0, 1), f"{path}: add '# expect-exit: 0' or '# expect-exit: 1'"
    if case.exit == 1:
        assert case.fragments, f"{path}: a bad case needs at least one '# expect: ...' line"
    return case


def all_cases() -> list[Path]:
    return sorted(p for p in CASES.glob("*/*.yaml"))


def case_id(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def materialise(case: Case, tmp_path: Path) -> Path:
    """The file to validate: the case itself, or a generated file of the same name."""
    if case.generate is None:
        return case.path
    target = tmp_path / case.path.name
    recipe, _, argument = case.generate.partition(" ")
    if recipe == "empty":
        target.write_bytes(b"")
    elif recipe == "pad-to-bytes":
        content = case.path.read_bytes()
        size = int(argument)
        padding = size - len(content) - 3
        assert padding >= 0, f"{case.path}: the file is already larger than {size} bytes"
        target.write_bytes(content + b"# " + b"x" * padding + b"\n")
        assert target.stat().st_size == size
    else:
        raise AssertionError(f"{case.path}: unknown recipe in '# generate: {case.generate}'")
    return target


def fingerprint(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def check_output(case: Case, output: str, count: int, how: str) -> None:
    assert "Traceback" not in output, f"{how} crashed:\n{output}"
    missing = [f for f in case.fragments if f not in output]
    assert not missing, (
        f"{how}: expected fragments missing:\n  "
        + "\n  ".join(missing)
        + (f"\noutput was:\n{output}")
    )
    if case.errors is not None:
        assert count == case.errors, f"{how}: expected {case.errors} errors, got {count}:\n{output}"


def run_library(file: Path, name: str) -> tuple[list[str], float, int]:
    """Messages of the library for `file` shown as `name`; seconds taken; peak bytes."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        loaded, errors = load(file, name)
        if loaded is not None:
            errors = validate(loaded, name)
            if not errors:
                build_graph(build_site(loaded.data))
        seconds = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return [str(e) for e in errors], seconds, peak


@pytest.mark.parametrize("path", all_cases(), ids=case_id)
def test_case_through_the_library(path: Path, tmp_path: Path) -> None:
    case = read_case(path)
    file = materialise(case, tmp_path)
    before = fingerprint(file)
    messages, seconds, peak = run_library(file, file.name)
    assert fingerprint(file) == before, "the validator changed the file"
    for message in messages:
        assert LOCATED.match(message) and "\n" not in message, f"unlocated message: {message!r}"
    assert (1 if messages else 0) == case.exit, "\n".join(messages) or "no errors"
    if case.exit == 1:  # the fragments of a good case are the command line's "OK" line
        check_output(case, "\n".join(messages), len(messages), "library")
    assert seconds < case.max_seconds, f"took {seconds:.2f} s"
    assert peak < MAX_MEMORY, f"allocated {peak / 1e6:.0f} MB"


@pytest.mark.parametrize("path", all_cases(), ids=case_id)
def test_case_through_the_fast_path(path: Path, tmp_path: Path) -> None:
    """kb_state tries quick_parse + is_valid first: it must refuse every bad case (so the
    careful path reports it) and, for these plain files, accept every good one."""
    case = read_case(path)
    file = materialise(case, tmp_path)
    text, _ = read_text(file, file.name)
    data = quick_parse(text) if text is not None else None
    accepted = data is not None and is_valid(data, text)
    assert accepted == (case.exit == 0)


def run_cli(file: Path) -> tuple[int, str]:
    """Exit status and output (stdout, then stderr) of the command line's `main` for `file`,
    run in the file's folder with its bare name, as an editor runs it."""
    out, err = io.StringIO(), io.StringIO()
    here = Path.cwd()
    os.chdir(file.parent)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = cli_main([file.name])
    finally:
        os.chdir(here)
    return status, out.getvalue() + err.getvalue()


def check_cli_output(case: Case, file: Path, status: int, output: str) -> None:
    head = re.search(r"^(\d+) errors? in the data; nothing was built:$", output, re.MULTILINE)
    count = int(head.group(1)) if head else 0
    check_output(case, output, count, "kb_cli.py")
    assert status == case.exit, output
    if case.exit == 0:
        assert f"{file.name}: OK (" in output, output
    else:
        listed = [line.strip() for line in output.splitlines()[1:]]
        assert len(listed) == count and all(LOCATED.match(line) for line in listed), output


@pytest.mark.parametrize("path", all_cases(), ids=case_id)
def test_case_through_the_command_line(path: Path, tmp_path: Path) -> None:
    case = read_case(path)
    file = materialise(case, tmp_path)
    before = fingerprint(file)
    status, output = run_cli(file)
    assert fingerprint(file) == before, "the validator changed the file"
    check_cli_output(case, file, status, output)


def test_the_command_runs_over_every_case_at_once(tmp_path: Path) -> None:
    """`python hooks/kb_cli.py FILE ...` as a process, every case in one call: it exits 1 (some
    are bad), never shows a traceback, reports each file by its own name, and prints each
    case's expected fragments; no file is changed."""
    cases = [read_case(path) for path in all_cases()]
    files = [materialise(case, tmp_path) for case in cases]
    before = [fingerprint(file) for file in files]
    result = subprocess.run(
        [sys.executable, str(CLI), *map(str, files)],
        cwd=tmp_path,
        capture_output=True,
        timeout=600,
        check=False,
    )
    output = (result.stdout + result.stderr).decode("utf-8", "replace")
    assert [fingerprint(file) for file in files] == before, "the validator changed a file"
    assert result.returncode == 1, output
    assert "Traceback" not in output, output
    for case, file in zip(cases, files, strict=True):
        # Messages name each file as given (its full path), which ends with the case's name.
        expected = [f"{file}: OK ("] if case.exit == 0 else case.fragments
        missing = [f for f in expected if f not in output]
        assert not missing, f"{case.path.name}: missing from the output:\n  " + "\n  ".join(missing)


def test_library_and_command_line_agree(tmp_path: Path) -> None:
    """The same messages, in a file with errors of every stage of the validator."""
    path = CASES / "bad" / "several-errors.yaml"
    messages, _, _ = run_library(path, path.name)
    result = subprocess.run(
        [sys.executable, str(CLI), path.name], cwd=path.parent, capture_output=True, check=False
    )
    listed = [line.strip() for line in result.stderr.decode("utf-8").splitlines()[1:]]
    assert sorted(listed) == sorted(messages)


def test_corpus_covers_enough_cases() -> None:
    bad = [p for p in all_cases() if p.parent.name == "bad"]
    good = [p for p in all_cases() if p.parent.name == "good"]
    assert len(bad) >= 35 and len(good) >= 3
    assert {p.parent.name for p in all_cases()} == {"bad", "good"}
    for path in bad:
        assert read_case(path).exit == 1, path
    for path in good:
        assert read_case(path).exit == 0, path


def test_generated_cases_leave_no_large_file_in_the_repository() -> None:
    for path in CASES.rglob("*"):
        assert not path.is_file() or path.stat().st_size < 1024 * 1024, path


GUIDES = {
    "docs/fi/sisallontuottajan-ohje.md": "## Virheilmoitukset",
    "docs/sv/anvisning-for-redaktorer.md": "## Felmeddelanden",
}


@pytest.mark.parametrize("guide", sorted(GUIDES))
def test_the_editors_guide_quotes_real_messages(guide: str, tmp_path: Path) -> None:
    """Each message the guide explains (in bold code) is produced by some case, word for word;
    '...' in the guide stands for the part that depends on the data."""
    produced = []
    for path in all_cases():
        case = read_case(path)
        if case.exit == 1:
            produced += run_library(materialise(case, tmp_path), path.name)[0]
    corpus = "\n".join(produced)
    text = (ROOT / guide).read_text(encoding="utf-8")
    section = text[text.index(GUIDES[guide]) :]
    quoted = re.findall(r"\*\*`([^`]+)`\*\*", section)
    assert len(quoted) >= 30
    for message in quoted:
        for piece in re.split(r"'?\.\.\.'?|\(\.\.\.\)", message):
            assert piece.strip() == "" or piece in corpus, f"{guide}: no case produces {piece!r}"
