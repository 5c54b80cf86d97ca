"""The loader: safe YAML only, positions of every value, located errors for broken files."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.load import MAX_BYTES, load, parse, quick_parse


def messages(text: str) -> list[str]:
    loaded, errors = parse(text, "data/x.yaml")
    assert loaded is None
    return [str(e) for e in errors]


def test_positions_are_one_based_line_and_column() -> None:
    loaded, errors = parse("a:\n  b: [1, 2]\n  c: text\n", "f.yaml")
    assert not errors and loaded is not None
    assert loaded.data == {"a": {"b": [1, 2], "c": "text"}}
    assert loaded.positions[("a", "c")] == (3, 6)
    assert loaded.positions[("a", "b", 1)] == (2, 10)


def test_dates_stay_as_written() -> None:
    loaded, _ = parse("start: 2019-09-05\nyear: '2019'\n", "f.yaml")
    assert loaded is not None
    assert loaded.data == {"start": "2019-09-05", "year": "2019"}


def test_duplicate_key_is_an_error_naming_both_lines() -> None:
    [message] = messages("title:\n  fi: a\n  fi: b\n")
    assert message.startswith("data/x.yaml:3:3:")
    assert "'fi' is written twice" in message and "line 2" in message


def test_tab_indentation_is_located() -> None:
    [message] = messages("a:\n\tb: 1\n")
    assert message.startswith("data/x.yaml:2:1:") and "tab" in message


def test_syntax_error_is_located_without_traceback() -> None:
    [message] = messages("a: [1, 2\nb: 3\n")
    assert message.startswith("data/x.yaml:") and "not valid YAML" in message


def test_aliases_and_python_tags_are_refused() -> None:
    assert "aliases" in messages("a: &x [1]\nb: *x\n")[0]
    assert "tags" in messages("a: !!python/object:os.system {}\n")[0]


def test_billion_laughs_is_refused_quickly() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 12)]
    errors = messages("\n".join(lines) + "\n")
    assert errors and all("aliases" in e for e in errors)


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        (b"", "empty"),
        (b"\xef\xbb\xbfa: 1\n", "byte-order mark"),
        (b"a: 1\nb: \xff\xfe\n", "not valid UTF-8"),
        (b"# only a comment\n", "no data"),
    ],
)
def test_bad_files(tmp_path: Path, raw: bytes, fragment: str) -> None:
    path = tmp_path / "m.yaml"
    path.write_bytes(raw)
    loaded, errors = load(path, "data/m.yaml")
    assert loaded is None
    assert fragment in str(errors[0]) and str(errors[0]).startswith("data/m.yaml:")


def test_too_large_file(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: 1\n" + b"#" * MAX_BYTES)
    loaded, errors = load(path, "big.yaml")
    assert loaded is None and "limit is 64 MB" in str(errors[0])


# --- The fast path: quick_parse gives the same values as parse, or gives up -------------


def test_quick_parse_gives_the_values_parse_gives(root: Path) -> None:
    text = (root / "data/measures.yaml").read_text(encoding="utf-8")
    quick = quick_parse(text)
    loaded, errors = parse(text, "m.yaml")
    assert errors == [] and quick is not None
    assert quick == loaded.data


@pytest.mark.parametrize(
    "text",
    [
        "a: |\n  x\n",
        "a: 2019-09-05\nb: '1'\nc: 1\nd: 1.5\ne: ~\nf:\ng: yes\nh: '0x1F'\ni: -0\nj: .5\n",
        "a: [1, x, {b: c}]\n'1': one\n? k\n: v\n",
        "a: ! 12\nb: 'it''s'\nc: \"x\\ty\"\n",
    ],
)
def test_quick_parse_reads_scalars_and_keys_as_parse_does(text: str) -> None:
    loaded, errors = parse(text, "m.yaml")
    assert errors == []
    assert quick_parse(text) == loaded.data


@pytest.mark.parametrize(
    ("literal", "read_as"),
    [
        ("010", "8"),
        ("1:30", "90"),
        ("1_000", "1000"),
        ("0x10", "16"),
        ("0b101", "5"),
        ("1:30.5", "90.5"),
        ("1_0.5", "10.5"),
        ("+0x1", "1"),
    ],
)
def test_numbers_yaml_would_change_are_refused_on_both_paths(literal: str, read_as: str) -> None:
    text = f"a: {literal}\nb: x\n"
    loaded, errors = parse(text, "m.yaml")
    assert loaded is None and len(errors) == 1
    assert f"'{literal}' would be read as the number {read_as};" in errors[0].message
    assert errors[0].line == 1 and errors[0].column == 4
    assert quick_parse(text) is None  # the fast path hands it to the careful one


@pytest.mark.parametrize(
    "text",
    [
        "a:\n\tb: 1\n",  # a tab
        "a: !!str 1\n",  # a tag
        "a: &x 1\nb: *x\n",  # an anchor and an alias
        "a: {b: 1}\nc:\n  <<: {b: 1}\n",  # a merge key
        "a: 1\na: 2\n",  # a repeated field
        "? [a]\n: 1\n",  # a collection as a field name
        "a: 0x_\n",  # looks like a number, cannot be read as one
        "a: " + "9" * 4400 + "\n",  # more digits than Python reads
        "a: =\n",  # the YAML 'value' type
        "---\na: 1\n---\nb: 2\n",  # two documents
        "# only a comment\n",  # no document
        "a: [" * 60 + "]" * 60 + "\n",  # nested deeper than MAX_DEPTH
        "a: 'unterminated\n",  # not YAML at all
    ],
)
def test_quick_parse_gives_up_where_parse_must_look_closer(text: str) -> None:
    assert quick_parse(text) is None
