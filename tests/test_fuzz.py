"""Property-based tests: whatever an editor does to a valid file, the validator answers.

Starting from tests/fixtures/small.yaml, lines are deleted, duplicated, swapped, indented,
cut short, sprinkled with YAML's special characters and given other scalars. For every
such file the loader and the validator either accept it or return errors that are all
located (`file:line:col: ...`, on one line, pointing into the file), never raise, and
finish in bounded time. Accepted data must also build the typed site.

A mutation that breaks this is a bug in hooks/kb/load/ or hooks/kb/validate/: fix it
there and keep the input as a case in tests/cases/bad/ (see tests/test_cases.py).
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kb.errors import DataError, DataErrors
from kb.links import build_graph
from kb.load import load, parse, quick_parse
from kb.records import build_site
from kb.validate import is_valid, validate

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


# --- The escaping and the fast path, fuzzed with the same generators -------------------

# Pieces of Markdown, HTML and addresses that an attack or an accident combines.
MARKDOWN_PIECES = [
    "[",
    "]",
    "(",
    ")",
    "<",
    ">",
    "!",
    "&#106;",
    "&#x6A;",
    "&amp;",
    "javascript:",
    "JaVaScRiPt:",
    "data:text/html,",
    "vbscript:",
    "https://vm.fi/",
    "http://x.fi/a b",
    "mailto:a@b.fi",
    "{",
    "}",
    "{:",
    "onclick=",
    "onerror=",
    '"',
    "'",
    "`",
    "```",
    "\n",
    "\n\n",
    "> ",
    "- ",
    "1. ",
    "    ",
    "[r]: ",
    "[r]",
    "#",
    "## ",
    "*",
    "_",
    "|",
    "---",
    "&",
    ";",
    " ",
    "a",
    "x",
    "<script>",
    "</script>",
    "<img src=x>",
    '<div markdown="1">',
    "!!! note\n    ",
    "\\",
    "\u202e",
    "\u200b",
    "\x00",
    "<https://vm.fi/>",
    "<a@b.fi>",
    "%0a",
    "#__config",
]
_MARKDOWN = st.one_of(
    st.lists(st.sampled_from(MARKDOWN_PIECES), max_size=25).map("".join),
    st.text(max_size=40),
)
# What the subset may produce, written out independently of kb_markdown.
_SUBSET_TAGS = {
    "p",
    "em",
    "strong",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "hr",
    "br",
    "a",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
_SUBSET_ATTRS = {"href", "title", "style", "start"}


@settings(max_examples=400, deadline=2000)
@given(_MARKDOWN)
def test_rendered_data_markdown_never_leaves_the_subset(text: str) -> None:
    """Whatever the text, its HTML has only the subset's elements and attributes and only
    web or mail links, as the browser decodes them (html.parser decodes entities)."""
    from html.parser import HTMLParser

    from kb.markdown import problems, render

    found: list[tuple[str, list[tuple[str, str | None]]]] = []

    class Reader(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append((tag, attrs))

    reader = Reader(convert_charrefs=True)
    reader.feed(str(render(text)))
    reader.close()
    for tag, attrs in found:
        assert tag in _SUBSET_TAGS, (text, tag)
        for name, value in attrs:
            assert name in _SUBSET_ATTRS, (text, tag, name)
            if name == "href":
                target = "".join((value or "").split()).lower()
                assert target.startswith(("https://", "http://", "mailto:")), (text, value)
    if any(tag == "a" for tag, _ in found) and problems(text):
        raise AssertionError(f"refused text rendered as a link: {text!r}")


@settings(max_examples=400, deadline=2000)
@given(
    st.one_of(
        st.lists(
            st.sampled_from(MARKDOWN_PIECES + ["https://", "vm.fi", "/", "?", "=", "@"]),
            max_size=12,
        ).map("".join),
        st.text(max_size=30).map(lambda s: "https://vm.fi/" + s),
    )
)
def test_an_accepted_address_cannot_leave_its_attribute(url: str) -> None:
    from urllib.parse import urlsplit

    from kb.weblinks import url_problem

    if url_problem(url) is not None:
        return
    assert not any(c in url for c in '"<>`\\ \t\n\r\x00\u202e\u200b')
    assert urlsplit(url).scheme in ("https", "http", "mailto")
    assert url.lower().startswith(("https://", "http://", "mailto:"))


# Values written in double quotes with YAML escapes: characters no editor can see.
ESCAPED = [
    '"\\x1f"',
    '"\\0"',
    '"\\v"',
    '"\\uFFFE"',
    '"\\u202E"',
    '"\\u200B\\u200B"',
    '"\\u3164"',
    '"\\u2800"',
    '"\\uFEFF"',
    '"hs-progr\\u0430mme"',
    '"procurement\\u200B-competence"',
    "'https://vm.fi/\"><b>'",
    '"https://vm.fi/a b"',
    '"[a][r]\\n\\n> [r]: javascript:x"',
    '"[x](&#106;avascript:1)"',
    '"![i](https://vm.fi/a.png)"',
    '"## __config"',
    "010",
    "1:30",
    '"2019-02-30"',
    '"2099-01-01"',
    "9" * 40,
    '"x\\ty"',
    '"\\x85"',
]


@settings(max_examples=300, deadline=3000, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.just("scalar"), _INDEX, _INDEX, st.sampled_from(ESCAPED)),
        min_size=1,
        max_size=3,
    )
)
def test_escaped_characters_are_refused_alike_on_both_paths(operations: list[tuple]) -> None:
    """The fast path accepts a file only when the careful one does (run() checks it)."""
    run(mutate(operations))
