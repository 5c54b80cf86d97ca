"""A hostile copy of the real data: every text, keyword, label and address replaced by
markup that must never reach a page as markup, built without validation, so that the
escaping is tested by construction and not by the validator refusing the input."""

from __future__ import annotations

import json
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

# A tag and attributes of our own (never in a template), an attribute breakout in both
# quote styles, a script, a Markdown attribute list and a javascript: link.
EVIL_TAG = "kbx-evil"
EVIL_ATTR = "kbevil"
TEXT = (
    f'Teksti "\'><{EVIL_TAG} {EVIL_ATTR}="1" onmouseover="kbevil()">x</{EVIL_TAG}>'
    "<script>kbevil()</script>{onclick=kbevil()} [a](javascript:kbevil()) & &amp; ]]> -->"
)
URL = f"https://vm.fi/x\"><{EVIL_TAG} {EVIL_ATTR}=1>'onfocus='kbevil()"
# Fields that are ids, enumerations, dates or language codes, left as they are.
_KEEP = {
    "id",
    "kind",
    "origin",
    "status",
    "areas",
    "related",
    "responsible",
    "partners",
    "start",
    "end",
    "added",
    "updated",
    "language",
    "format",
    "old_ids",
}
_URL_FIELDS = {"url", "sources", "source"}


def _poison(value: Any, key: str | None = None) -> Any:
    if key in _KEEP:
        return value
    if isinstance(value, dict):
        return {k: _poison(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_poison(v, key) for v in value]
    if isinstance(value, str):
        if key in _URL_FIELDS:
            return URL
        return TEXT + " " + value
    return value


def hostile_data(root: Path) -> dict[str, Any]:
    data = yaml.safe_load((root / "data/measures.yaml").read_text(encoding="utf-8"))
    return {section: _poison(items) for section, items in data.items()}


_DRIVER = """
import json, sys
hooks, config_file, data_file, out = sys.argv[1:5]
sys.path.insert(0, hooks)
import kb.links as kb_links, kb.records as kb_records, kb.state as kb_state
site = kb_records.build_site(json.load(open(data_file, encoding="utf-8")))
state = kb_state.State(site, kb_links.build_graph(site))
kb_state.current_state = lambda path, display: state  # no validation: escaping alone
from mkdocs.commands.build import build
from mkdocs.config import load_config
build(load_config(config_file=config_file, site_dir=out, strict=False))
"""


def build_hostile_site(root: Path, tmp: Path) -> Path:
    """Build the real project with the hostile data into `tmp/site`; return it."""
    data_file = tmp / "hostile.json"
    data_file.write_text(json.dumps(hostile_data(root), ensure_ascii=False), encoding="utf-8")
    out = tmp / "site"
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            _DRIVER,
            str(root / "hooks"),
            str(root / "mkdocs.yml"),
            str(data_file),
            str(out),
        ],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out


class Markup(HTMLParser):
    """Every element and attribute of a page, and the text of its scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str]] = []  # (tag, name, value)
        self.scripts: list[tuple[str, str]] = []  # (type, text)
        self._script: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [(tag, name, value or "") for name, value in attrs]
        if tag == "script":
            self._script = dict(attrs).get("type") or ""
            self.scripts.append((self._script, ""))

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            kind, text = self.scripts[-1]
            self.scripts[-1] = (kind, text + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None


def read_markup(path: Path) -> Markup:
    parser = Markup()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser
