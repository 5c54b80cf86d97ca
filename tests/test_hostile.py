"""Every template, rendered with hostile values in every field of the data: no output
holds markup that was not in the template (HTML, attributes, JSON-LD, feeds, sitemap)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hostile import EVIL_ATTR, EVIL_TAG, read_markup

# Event-handler attributes a template of ours or the theme's may carry (none today).
_ALLOWED_HANDLERS: set[str] = set()


def test_the_hostile_data_reaches_the_pages(hostile_site: Path) -> None:
    """The test is not vacuous: the payload is on the pages, as text."""
    pages = list(hostile_site.rglob("records/*/index.html"))
    assert len(pages) > 20
    text = pages[0].read_text(encoding="utf-8")
    assert f"&lt;{EVIL_TAG}" in text and "kbevil()" in text


def test_no_page_holds_markup_from_the_data(hostile_site: Path) -> None:
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 100
    for page in pages:
        found = read_markup(page)
        where = page.relative_to(hostile_site)
        assert EVIL_TAG not in found.tags, where
        for tag, name, value in found.attrs:
            assert name != EVIL_ATTR and not name.startswith("kbevil"), (where, tag, name)
            assert not name.startswith("on") or name in _ALLOWED_HANDLERS, (where, tag, name)
            if name in ("href", "src", "action", "formaction"):
                assert not value.strip().lower().startswith(("javascript:", "data:")), where
        for kind, script in found.scripts:
            if kind == "application/ld+json":
                json.loads(script)  # still one JSON value: the data did not close the script
            else:
                assert "kbevil" not in script, where


@pytest.mark.parametrize("name", ["feed.xml", "sv/feed.xml", "sitemap.xml"])
def test_feeds_and_sitemap_stay_well_formed(hostile_site: Path, name: str) -> None:
    tree = ET.parse(hostile_site / name)
    tags = {element.tag.rpartition("}")[2] for element in tree.iter()}
    assert EVIL_TAG not in tags
    attrs = {key for element in tree.iter() for key in element.attrib}
    assert EVIL_ATTR not in attrs


def test_meta_description_and_title_are_one_attribute(hostile_site: Path) -> None:
    page = next(hostile_site.glob("records/*/index.html"))
    found = read_markup(page)
    meta = [v for tag, n, v in found.attrs if tag == "meta" and n == "content"]
    assert any(v.startswith("Teksti \"'><kbx-evil") for v in meta), meta
