"""The site's own addresses come from kb.urls alone: each generated page is served where
kb.urls says, and no other module or template spells the folders of generated pages."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from kb.load import parse
from kb.model import Site
from kb.pageref import Facet, PageRef
from kb.pages import page_specs
from kb.records import build_site
from kb.strings import strings
from kb.urls import (
    GENERATED_DIRS,
    from_overview,
    html_file,
    lang_prefix,
    listing_url,
    overview_url,
    page_path,
    page_url,
    record_url,
    source_path,
    source_url,
)

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def site(small_yaml: str) -> Site:
    loaded, errors = parse(small_yaml, "small.yaml")
    assert loaded is not None and not errors
    return build_site(loaded.data)


def test_the_scheme() -> None:
    assert lang_prefix("fi") == "" and lang_prefix("sv") == "sv/"
    assert record_url("x", "sv") == "sv/records/x/"
    assert page_url(PageRef.area("innovation"), "fi") == "areas/innovation/"
    assert overview_url(1, "sv") == "sv/areas/" and overview_url(3, "fi") == "matrix/3/"
    facet = Facet(kind="report", area="innovation", status="ongoing")
    assert listing_url(facet, 1, "fi") == "browse/kind/report/area/innovation/status/ongoing/"
    assert listing_url(Facet(status="completed"), 2, "sv") == "sv/browse/status/completed/2/"
    assert source_path(PageRef.overview(1)) == "areas/index.md"
    assert source_path(PageRef.overview(2)) == "matrix/2.md"
    assert source_path(PageRef.listing(Facet(kind="tool"), 2)) == "browse/kind/tool/2.md"
    assert html_file("sv/records/x/") == "sv/records/x/index.html"
    assert from_overview("records/x/") == "../records/x/"


def test_every_generated_page_is_served_where_its_address_says(site: Site) -> None:
    """MkDocs serves `source_path` at `source_url(source_path)`: for every page that is the
    address the views link to."""
    specs = page_specs(site, "fi", strings("fi"))
    assert len({spec.ref for spec in specs}) == len(specs)
    for spec in specs:
        assert source_url(spec.path) == page_path(spec.ref), spec.ref
        assert spec.path.startswith(GENERATED_DIRS)


_FOLDER = re.compile(r"(?<![\w/.-])(" + "|".join(re.escape(d) for d in GENERATED_DIRS) + ")")


def test_no_other_module_or_template_spells_the_addresses() -> None:
    found = []
    for path in sorted((ROOT / "hooks").rglob("*.py")):
        if path == ROOT / "hooks" / "kb" / "urls.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef))
            and node.body
            and isinstance(node.body[0], ast.Expr)
        }
        # Only the start of an address names its folder: f"{EXPORT_DIR}records/..." is a
        # file under the open-data folder, not a generated page.
        inner = {
            id(part)
            for node in ast.walk(tree)
            if isinstance(node, ast.JoinedStr)
            for part in node.values[1:]
        }
        for node in ast.walk(tree):
            if id(node) in docstrings | inner or not isinstance(node, ast.Constant):
                continue
            if isinstance(node.value, str) and _FOLDER.match(node.value):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r}")
    for path in sorted((ROOT / "overrides").rglob("*.html")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"""["'/](records|areas|browse|matrix)/""", line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not found, "build these addresses with kb.urls:\n" + "\n".join(found)
