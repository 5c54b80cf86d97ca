"""Property-based tests: whatever an editor does to a valid file, the validator answers.

Starting from tests/fixtures/small.yaml, lines are deleted, duplicated, swapped, indented,
cut short, sprinkled with YAML's special characters and given other scalars. For every
such file the loader and the validator either accept it or return errors that are all
located (`file:line:col: ...`, on one line, pointing into the file), never raise, and
finish in bounded time. Accepted data must also build the typed site.

A mutation that breaks this is a bug in hooks/kb_load.py or hooks/kb_validate.py: fix it
there and keep the input as a case in tests/cases/bad/ (see tests/test_cases.py).
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kb_errors import DataError, DataErrors
from kb_links import build_graph
from kb_load import load, parse, quick_parse
from kb_records import build_site
from kb_validate import is_valid, validate

SMALL = (Path(__file__).resolve().parent / "fixtures" / "small.yaml").read_text(encoding="utf-8")
LINES = SMALL.splitlines(keepends=True)
FILE = "data/measures.yaml"
LOCATED = re.compile(r"^[^:]+:\d+:\d+: ")
# Line breaks as YAML counts them.
BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")

# fmt: off
SPECIAL = [
    ":", ": ", "-", "- ", "#", " #", "\t", '"', "'", "&", "&a ", "*", "*a", "!", "!!",
    "|", ">", "{", "}", "[", "]", ",", "?", "? ", "%", "@", "`", "<", "<b>", "<<: ",
    " ", "  ", "\n", "\r", "\r\n", "\\", "ä", "Å", "€", "–", "\u00a0", "\u2028", "\x85",
    "\ufeff", "\x00", "\x07", "\x1b", "\ufffe", "🙂", "---", "...",
]
SCALARS = [
    "yes", "no", "on", "off", "y", "n", "true", "False", "null", "~", "", "''", '""',
    "0", "-1", "2019", "2019-09-05", "2019-09-05 10:00:00", "2023-02-30", "1.5", "1,5",
    "1e3", ".inf", "-.inf", ".nan", "0x1F", "0o17", "017", "0x_", "0b_", "1_000", "12:30",
    "190:20:30", "'2019'", "[]", "{}", "[a, b]", "[vm, vm]", "{fi: x}", "{fi: x, sv: ''}",
    "!!int x", "!!bool maybe", "!!float y", "!!str 2019", "!!binary aGk=", "!!set {a}",
    "!!python/object:os.system x", "!!python/name:os.system", "!custom x", "&a x", "*a",
    "<<: {}", "|", ">-", "|\n      text\n", "'unterminated", '"x', "#", "- x", "a: b",
    "<script>x</script>", "<a onclick=x>y</a>", "javascript:alert(1)", "data:text/html,x",
    "ftp://x.fi", "vm.fi", "https://x.fi", "mailto:a@b.fi", "mentor-programme-2022",
    "hs-programme", "Hs Programme", "åtgärd", "9" * 4400, "x" * 300,
]
# fmt: on

_INDEX = st.integers(min_value=0, max_value=10**6)
_INSERT = st.one_of(
    st.lists(st.sampled_from(SPECIAL), min_size=1, max_size=4).map("".join),
    st.text(max_size=6),
)

OPERATIONS = st.one_of(
    st.tuples(st.just("delete"), _INDEX),
    st.tuples(st.just("duplicate"), _INDEX),
    st.tuples(st.just("swap"), _INDEX, _INDEX),
    st.tuples(st.just("insert"), _INDEX, _INDEX, _INSERT),
    st.tuples(st.just("new-line"), _INDEX, _INSERT),
    st.tuples(st.just("indent"), _INDEX, st.integers(min_value=-4, max_value=4)),
    st.tuples(st.just("scalar"), _INDEX, _INDEX, st.sampled_from(SCALARS)),
    st.tuples(st.just("truncate"), _INDEX),
)

# A value after "key: " or after "- " in block or flow style.
_VALUE = re.compile(r"(?:(?<=: )|(?<=- )|(?<=\[)|(?<=, ))[^,\[\]{}\n]+")


def mutate(operations: list[tuple]) -> str:
    lines = list(LINES)
    for op in operations:
        if not lines:
            lines = [""]
        name, i = op[0], op[1] % len(lines)
        if name == "delete":
            del lines[i]
        elif name == "duplicate":
            lines.insert(i, lines[i])
        elif name == "swap":
            j = op[2] % len(lines)
            lines[i], lines[j] = lines[j], lines[i]
        elif name == "insert":
            pos = op[2] % (len(lines[i]) + 1)
            lines[i] = lines[i][:pos] + op[3] + lines[i][pos:]
        elif name == "new-line":
            lines.insert(i, op[2] + "\n")
        elif name == "indent":
            delta = op[2]
            if delta > 0:
                lines[i] = " " * delta + lines[i]
            else:
                strip = min(-delta, len(lines[i]) - len(lines[i].lstrip(" ")))
                lines[i] = lines[i][strip:]
        elif name == "scalar":
            values = list(_VALUE.finditer(lines[i]))
            if values:
                m = values[op[2] % len(values)]
                lines[i] = lines[i][: m.start()] + op[3] + lines[i][m.end() :]
        elif name == "truncate":
            text = "".join(lines)
            lines = [text[: i % (len(text) + 1)]]
    return "".join(lines)


def check(text: str, errors: list[DataError]) -> None:
    """Every error is located inside the file and fits on one line."""
    line_count = len(BREAK.split(text))
    for error in errors:
        shown = str(error)
        assert LOCATED.match(shown), shown
        assert "\n" not in shown and "\r" not in shown, shown
        assert 1 <= error.line <= line_count + 1, (shown, line_count)
        assert error.column >= 1, shown
    if errors:
        report = DataErrors(errors).report()  # sorting and formatting must not fail either
        assert report.count("\n") == len(set(errors))


def run(text: str) -> list[DataError]:
    loaded, errors = parse(text, FILE)
    if loaded is not None:
        assert not errors
        errors = validate(loaded, FILE)
        if not errors:  # accepted data must be usable
            build_graph(build_site(loaded.data))
    check(text, errors)
    # The fast path (kb_state) may accept only what the careful path accepts, as the same data.
    quick = quick_parse(text)
    if quick is not None and is_valid(quick, text):
        assert loaded is not None and errors == [], errors
        assert quick == loaded.data
    return errors


def test_the_fixture_is_accepted() -> None:
    assert run(SMALL) == []
    assert is_valid(quick_parse(SMALL), SMALL)  # by the fast path too


@settings(max_examples=300, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(OPERATIONS, min_size=1, max_size=5))
def test_mutated_fixture_is_accepted_or_located(operations: list[tuple]) -> None:
    run(mutate(operations))


@settings(max_examples=100, deadline=2000)
@given(st.lists(st.sampled_from([*SPECIAL, *"abfiv:sx0129 \n-"]), max_size=60).map("".join))
def test_random_yaml_like_text_is_accepted_or_located(text: str) -> None:
    run(text)


@settings(max_examples=100, deadline=2000)
@given(st.binary(max_size=200))
def test_random_bytes_are_accepted_or_located(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "measures.yaml"
        path.write_bytes(raw)
        loaded, errors = load(path, FILE)
        if loaded is not None:
            errors = validate(loaded, FILE)
        text = raw.decode("utf-8", "replace")
        check(text, errors)
        assert path.read_bytes() == raw
