"""Which templates escape by default, and page metadata made safe for the theme's.

The generator's own templates (overrides/kb-*.html, overrides/partials/kb-*.html) and
the theme templates overridden here run with autoescape on: a value is escaped unless
it is `markupsafe.Markup`, which only HTML produced by kb_markdown or MkDocs is. The
theme's own templates keep autoescape off and print `page.meta.title` and
`description` as they are, so those are turned into escaped `Markup` first.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from markupsafe import Markup, escape

# Overridden theme templates: they extend or are included by Material's, and print data
# or settings (site name, language names, footer labels, search strings).
_OVERRIDDEN = frozenset(
    {
        "main.html",
        "404.html",
        "sitemap.xml",
        "partials/alternate.html",
        "partials/copyright.html",
        "partials/header.html",
    }
)
# Front-matter fields the theme prints in HTML (text and attributes).
_PRINTED_META = ("title", "description", "author")


def autoescape_for(name: str | None) -> bool:
    """Jinja's `autoescape` callable: True for the generator's own templates."""
    if name is None:
        return False
    base = name.rpartition("/")[2]
    return name in _OVERRIDDEN or (base.startswith("kb-") and name in (base, f"partials/{base}"))


def escape_meta(meta: MutableMapping[str, Any]) -> None:
    """Replace the printed front-matter texts by escaped Markup (idempotent)."""
    for key in _PRINTED_META:
        value = meta.get(key)
        if isinstance(value, str) and not isinstance(value, Markup):
            meta[key] = escape(value)
