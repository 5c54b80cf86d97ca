"""Every {placeholder} of the UI strings is filled at every use, and no use fills one the
string lacks: in Python (`t(table, key, ...)`), in the templates under overrides/
(`kb_t | t(key, ...)`, `kb_t | t_for_script(key, ...)` for assets/search.js) and in
search.js itself (`fill(strings.name, {...})`). A string printed as it is
(`kb_t.key`, `table["key"]`) must have no placeholder. Nothing fills a placeholder by hand
(`replace("{count}", ...)`).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import jinja2
import pytest
from jinja2 import nodes

from conftest import LANGUAGES
from kb.strings import PlaceholderError, placeholders, strings, t
from kb.views.uistrings import FILTERS

ROOT = Path(__file__).resolve().parents[1]
LANGS = LANGUAGES.codes  # the site's languages (mkdocs.yml)
TABLE = strings(LANGS[0])
_BY_HAND = re.compile(r"\{\w+\}")


@dataclass(frozen=True)
class Use:
    """One use of UI strings: the keys it may be (several for a computed key), the
    placeholders it fills, and where it is."""

    where: str
    keys: tuple[str, ...]
    fills: frozenset[str]


def _problems(uses: list[Use], problems: list[str]) -> list[str]:
    found = list(problems)
    for use in uses:
        if not use.keys:
            found.append(f"{use.where}: no UI string has this key")
        for key in use.keys:
            expected = placeholders(TABLE[key])
            if use.fills != expected:
                shown = ", ".join(sorted(expected)) or "none"
                given = ", ".join(sorted(use.fills)) or "none"
                found.append(f"{use.where}: '{key}' has placeholders {shown}; filled: {given}")
    return found


# --- templates ------------------------------------------------------------------------


def _const(node: nodes.Node) -> str | None:
    return node.value if isinstance(node, nodes.Const) and isinstance(node.value, str) else None


def template_uses(source: str, where: str) -> tuple[list[Use], list[str]]:
    """The uses of UI strings in one template, and what cannot be checked in it."""
    tree = jinja2.Environment().parse(source)
    uses: list[Use] = []
    problems: list[str] = []
    for node in tree.find_all((nodes.Filter, nodes.Getattr, nodes.Getitem)):
        at = f"{where}:{node.lineno}"
        if isinstance(node, nodes.Filter) and node.name in FILTERS:
            key = _const(node.args[0]) if node.args else None
            if key is None or node.dyn_args or node.dyn_kwargs:
                problems.append(f"{at}: the key and the placeholders must be written out")
                continue
            if node.name == "t_for_script":
                names = [_const(arg) for arg in node.args[1:]]
                fills = frozenset(n for n in names if n is not None)
            else:
                fills = frozenset(kw.key for kw in node.kwargs)
            uses.append(Use(at, (key,) if key in TABLE else (), fills))
        elif isinstance(node, nodes.Filter) and node.name == "replace":
            first = _const(node.args[0]) if node.args else None
            if first is not None and _BY_HAND.fullmatch(first):
                problems.append(f"{at}: replace('{first}') fills a placeholder by hand; use t()")
        elif isinstance(node, (nodes.Getattr, nodes.Getitem)):
            table = node.node
            if not (isinstance(table, nodes.Name) and table.name == "kb_t"):
                continue
            key = node.attr if isinstance(node, nodes.Getattr) else _const(node.arg)
            if key is None:
                problems.append(f"{at}: a computed key of kb_t cannot be checked")
                continue
            uses.append(Use(at, (key,) if key in TABLE else (), frozenset()))
    return uses, problems


def _templates() -> Iterator[Path]:
    yield from sorted((ROOT / "overrides").rglob("*.html"))
    yield ROOT / "overrides" / "sitemap.xml"


def _all_template_uses() -> tuple[list[Use], list[str]]:
    uses: list[Use] = []
    problems: list[str] = []
    for path in _templates():
        found, odd = template_uses(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
        uses += found
        problems += odd
    return uses, problems


# --- Python ---------------------------------------------------------------------------


def _keys_of(node: ast.expr) -> tuple[str, ...] | None:
    """The table keys a key expression can be: one for a constant, the matching ones for an
    f-string such as f"kind_{kind}s"; None for anything else."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return (node.value,) if node.value in TABLE else ()
    if isinstance(node, ast.JoinedStr):
        pattern = "".join(
            re.escape(part.value) if isinstance(part, ast.Constant) else r"[^\s]+"
            for part in node.values
        )
        return tuple(key for key in TABLE if re.fullmatch(pattern, key))
    return None


def _is_table(node: ast.expr) -> bool:
    """An expression that names a UI string table: `table`, `build.table`, `kb_t`."""
    return "table" in ast.unparse(node) or ast.unparse(node).endswith("kb_t")


def python_uses(source: str, where: str) -> tuple[list[Use], list[str]]:
    """The uses of UI strings in one Python module, and what cannot be checked in it."""
    uses: list[Use] = []
    problems: list[str] = []
    for node in ast.walk(ast.parse(source)):
        at = f"{where}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Call):
            name = node.func.id if isinstance(node.func, ast.Name) else None
            if name == "t" and len(node.args) == 2 and _is_table(node.args[0]):
                keys = _keys_of(node.args[1])
                if keys is None or any(kw.arg is None for kw in node.keywords):
                    problems.append(f"{at}: the key and the placeholders must be written out")
                    continue
                uses.append(Use(at, keys, frozenset(str(kw.arg) for kw in node.keywords)))
            elif isinstance(node.func, ast.Attribute) and node.func.attr == "replace":
                first = node.args[0] if node.args else None
                if (
                    isinstance(first, ast.Constant)
                    and isinstance(first.value, str)
                    and _BY_HAND.fullmatch(first.value)
                ):
                    problems.append(f"{at}: replace('{first.value}') fills by hand; use t()")
            elif (
                isinstance(node.func, ast.Attribute)
                and node.func.attr == "get"
                and _is_table(node.func.value)
                and node.args
            ):
                keys = _keys_of(node.args[0])
                if keys:
                    uses.append(Use(at, keys, frozenset()))
        elif isinstance(node, ast.Subscript) and _is_table(node.value):
            keys = _keys_of(node.slice)
            if keys:  # a key of another mapping (or a computed one) is not a UI string
                uses.append(Use(at, keys, frozenset()))
    return uses, problems


# t() itself and its template filters, which pass on what they are given.
_MECHANISM = {"hooks/kb/strings.py", "hooks/kb/views/uistrings.py"}


def _all_python_uses() -> tuple[list[Use], list[str]]:
    uses: list[Use] = []
    problems: list[str] = []
    for path in sorted((ROOT / "hooks").rglob("*.py")):
        where = str(path.relative_to(ROOT))
        if where in _MECHANISM:
            continue
        found, odd = python_uses(path.read_text(encoding="utf-8"), where)
        uses += found
        problems += odd
    return uses, problems


# --- search.js ------------------------------------------------------------------------

_SCRIPT_FILL = re.compile(r"fill\(strings\.(\w+),\s*\{([^}]*)\}\)")


def script_uses() -> list[Use]:
    """`fill(strings.name, {a: ..., b: ...})` in search.js, with `name` mapped to its key
    through the `strings` mapping of kb-search.html."""
    template = (ROOT / "overrides" / "kb-search.html").read_text(encoding="utf-8")
    names: dict[str, str] = {}
    for assign in jinja2.Environment().parse(template).find_all(nodes.Assign):
        if isinstance(assign.node, nodes.Dict):
            for pair in assign.node.items:
                value = pair.value
                if isinstance(value, nodes.Filter) and value.name == "t_for_script":
                    names[str(_const(pair.key))] = str(_const(value.args[0]))
    script = ROOT / "overrides" / "assets" / "search.js"
    uses = []
    text = script.read_text(encoding="utf-8")
    for found in _SCRIPT_FILL.finditer(text):
        line = text.count("\n", 0, found.start()) + 1
        fills = frozenset(re.findall(r"(\w+)\s*:", found.group(2)))
        key = names.get(found.group(1))
        uses.append(Use(f"overrides/assets/search.js:{line}", (key,) if key else (), fills))
    return uses


# --- the tests ------------------------------------------------------------------------


def test_the_tables_have_the_same_keys_and_placeholders() -> None:
    tables = {code: strings(code) for code in LANGS}
    for code, table in tables.items():
        assert set(table) == set(TABLE), code
        for key, text in table.items():
            assert placeholders(text) == placeholders(TABLE[key]), (code, key)


def test_every_placeholder_is_filled_at_every_use() -> None:
    template, odd_templates = _all_template_uses()
    python, odd_python = _all_python_uses()
    script = script_uses()
    problems = _problems(template + python + script, odd_templates + odd_python)
    assert not problems, "\n".join(problems)
    # The checks see the uses (a scan that finds nothing passes trivially).
    assert len(template) > 100 and len(python) > 50 and len(script) == 4
    used = {key for use in template + python + script for key in use.keys}
    with_placeholders = {key for key, text in TABLE.items() if placeholders(text)}
    assert with_placeholders <= used, sorted(with_placeholders - used)


def _assert_every_line_reported(found: tuple[list[Use], list[str]], where: str, lines: int) -> None:
    problems = _problems(*found)
    for line in range(1, lines + 1):
        assert any(p.startswith(f"{where}:{line}:") for p in problems), (line, problems)


def test_the_scan_finds_wrong_uses() -> None:
    """Each kind of mistake is reported with its line."""
    source = (
        '{{ kb_t | t("area_count") }}\n'  # {count} not filled
        '{{ kb_t | t("area_count", count=1, name=2) }}\n'  # {name} unknown
        "{{ kb_t.browse_count }}\n"  # printed with its placeholder
        '{{ kb_t.area_shared | replace("{count}", 3) }}\n'  # by hand
        '{{ kb_t | t("no_such_key") }}\n'
        '{{ kb_t | t_for_script("search_results", "query") }}\n'
    )
    _assert_every_line_reported(template_uses(source, "x.html"), "x.html", 6)
    code = (
        't(table, "area_count")\n'
        't(table, "figure_year", year=1, count=2)\n'
        'table["browse_count"]\n'
        'table["period_continues"].replace("{start}", s)\n'
        't(table, f"kind_{k}s", count=1)\n'
    )
    _assert_every_line_reported(python_uses(code, "x.py"), "x.py", 5)


def test_a_wrong_use_stops_the_render_naming_the_template() -> None:
    env = jinja2.Environment(
        loader=jinja2.DictLoader(
            {
                "missing.html": '{{ kb_t | t("area_count") }}',
                "unknown.html": '{{ kb_t | t("area_number", number=1, count=2) }}',
                "script.html": '{{ kb_t | t_for_script("search_results", "count") }}',
                "good.html": '{{ kb_t | t("area_count", count=3) }}',
            }
        )
    )
    env.filters.update(FILTERS)
    for name in ("missing.html", "unknown.html", "script.html"):
        with pytest.raises(jinja2.TemplateRuntimeError, match=f"overrides/{name}: .*'"):
            env.get_template(name).render(kb_t=TABLE)
    assert env.get_template("good.html").render(kb_t=TABLE) == TABLE["area_count"].format(count=3)
    with pytest.raises(PlaceholderError, match="area_count"):
        t(TABLE, "area_count", number=1)
