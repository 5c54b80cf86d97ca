"""Engine independence: only the hook adapter (hooks/kb/adapter/, and hooks/kb_hooks.py
that MkDocs loads) knows MkDocs, Material or mkdocs-static-i18n; the core runs without them.

Imports under `if TYPE_CHECKING:` count as imports here. They cost nothing at run time,
but a core function typed with an engine's classes can only be called with the engine's
objects and breaks the type check when the engine changes: the core's signatures take
plain values (paths, mappings, the records), and the adapter turns the engine's objects
into them. Imports inside functions count too, and so do `importlib.import_module(...)`
and `__import__(...)` calls with a literal name.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

ENGINE = ("mkdocs", "material", "mkdocs_static_i18n")
# The adapter may import the engine: the package that wires the hooks, and the file
# mkdocs.yml names under `hooks:`.
ADAPTER = ("kb/adapter/", "kb_hooks.py")


def _is_engine(name: str) -> bool:
    return name.split(".")[0] in ENGINE


def _imported(tree: ast.AST) -> list[tuple[int, str]]:
    """Every module the tree imports, wherever the import stands (module level, in a
    function, a class, a TYPE_CHECKING block, a try block), with its line."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Call) and node.args:
            func, first = node.func, node.args[0]
            name = (
                func.attr
                if isinstance(func, ast.Attribute)
                else func.id
                if isinstance(func, ast.Name)
                else ""
            )
            if name in ("import_module", "__import__") and isinstance(first, ast.Constant):
                found.append((node.lineno, str(first.value)))
    return found


def _core_files(root: Path) -> list[Path]:
    hooks = root / "hooks"
    return [
        path
        for path in sorted(hooks.rglob("*.py"))
        if not path.relative_to(hooks).as_posix().startswith(ADAPTER)
    ]


def test_the_scan_finds_every_kind_of_import() -> None:
    source = """
from __future__ import annotations
from typing import TYPE_CHECKING
import importlib
if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
def f():
    import material.plugins
    return importlib.import_module("mkdocs_static_i18n")
try:
    from mkdocs import utils
except ImportError:
    pass
"""
    engine = sorted(line for line, name in _imported(ast.parse(source)) if _is_engine(name))
    assert engine == [6, 8, 9, 11]
    assert not _is_engine("mkdocs_like") and not _is_engine("materialize")


def test_nothing_outside_the_adapter_imports_the_engine(root: Path) -> None:
    files = _core_files(root)
    assert len(files) > 30 and root / "hooks/kb/pages.py" in files
    assert root / "hooks/kb/adapter/hooks.py" not in files
    found = [
        f"{path.relative_to(root).as_posix()}:{line}: imports {name}"
        for path in files
        for line, name in _imported(ast.parse(path.read_text(encoding="utf-8"), str(path)))
        if _is_engine(name)
    ]
    assert found == []


# Run in a fresh interpreter in which the engine's packages cannot be imported at all.
_WITHOUT_ENGINE = """
import importlib.abc
import json
import sys

BLOCKED = ("mkdocs", "material", "mkdocs_static_i18n")


class Blocker(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ImportError(f"{name} is blocked: the core must run without the engine")
        return None


sys.meta_path.insert(0, Blocker())
try:
    import mkdocs  # noqa: F401
except ImportError:
    pass
else:
    raise SystemExit("the blocker does not work")
sys.path.insert(0, "hooks")

from pathlib import Path

from kb.export.feeds import feed_entries
from kb.export.files import to_csv, to_json
from kb.guard import page_outputs
from kb.markdown import render
from kb.settings import Languages
from kb.urls import ROOT_LANG
from kb.listings import build_listings
from kb.pageref import HOME, PageKind
from kb.pages import page_specs
from kb.pairs import build_pairs, handwritten
from kb.search.prep import all_page_infos
from kb.state import read_state
from kb.strings import strings
from kb.views.context import view_for
from kb.views.home import default_key_results

state = read_state(Path("data/measures.yaml"), "data/measures.yaml")
site, graph = state.site, state.graph
LANGUAGES = Languages.of_data(ROOT_LANG)  # mkdocs.yml's languages are the data's
LANGS = LANGUAGES.codes
pages, problems = handwritten(Path("docs"), LANGUAGES)
assert problems == [], problems
featured = default_key_results(site)
report = {
    "records": len(site.records),
    "areas": len(site.areas),
    "related": sum(len(ids) for ids in graph.related.values()),
    "in_areas": sum(len(records) for records in graph.by_area.values()),
    "langs": {},
}
for lang in LANGS:
    table = strings(lang)
    listings = build_listings(site, lang)
    specs = page_specs(site, lang, table, listings)
    pairs, problems = build_pairs(pages, [spec.path for spec in specs], LANGUAGES)
    assert problems == [], problems
    refs = [HOME, *(spec.ref for spec in specs)]
    views = {ref: view_for(site, graph, ref, lang, table, listings, featured) for ref in refs}
    unknown = [key for key, view in views.items() if view is None]
    assert unknown == [], unknown
    bodies = [render(r.body.get(lang)) for r in site.records if r.body]
    report["langs"][lang] = {
        "specs": len(specs),
        "views": len(views),
        "record_views": sum(ref.kind is PageKind.RECORD for ref in views),
        "outputs": len(page_outputs(pairs, LANGS)),
        "csv_lines": to_csv(site, lang, "https://example.fi/").count("\\n"),
        "feed": len(feed_entries(site, lang, "https://example.fi/")),
        "bodies": len(bodies),
    }
report["json"] = len(to_json(site))
report["search"] = len(all_page_infos(site, LANGS))
engine = sorted(name for name in sys.modules if name.split(".")[0] in BLOCKED)
assert engine == [], engine
print(json.dumps(report))
"""


def test_the_core_runs_without_the_engine(root: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", _WITHOUT_ENGINE],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout.splitlines()[-1])
    assert report["records"] > 30 and report["areas"] == 8
    assert report["related"] > 0 and report["in_areas"] >= report["records"]  # the links
    for lang in ("fi", "sv"):
        made = report["langs"][lang]
        assert made["views"] == made["specs"] + 1  # every generated page and the home page
        assert made["record_views"] == report["records"]
        assert made["outputs"] > 2 * made["specs"]  # generated and hand-written, both languages
        assert made["csv_lines"] > report["records"] and made["feed"] > 0
    assert report["json"] > 10_000 and report["search"] > 0
