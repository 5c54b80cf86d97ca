"""Material's navigation rendered once per page depth for the pages outside it.

On a page that is not in the navigation (every record page, the listings, the editors'
guide) Material's navigation marks no entry as current, and its addresses, relative to the
page, depend only on how deep the page's address is. So all those pages of one depth show
the same navigation: overrides/partials/nav.html renders it for the first of them
(kb.renderonce) and reuses it. Material's own partial is included as
"material/partials/nav.html", so the navigation stays Material's, whatever its version.
At 10,000 records the navigation was about a quarter of the template time
(bench/README.md). The footer (overrides/partials/footer.html) is shared the same way: on
those pages Material's has no previous or next page, and ours marks no link as current.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import ChoiceLoader, FileSystemLoader, PrefixLoader

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

THEME_PREFIX = "material"


def nav_key(page: Page, nav: Navigation) -> str | None:
    """The key of the page's navigation among the pages that share it; None for a page in
    the navigation (its entry and sections are marked as current)."""
    if page.ancestors or any(entry is page for entry in nav.pages):
        return None
    return f"nav-depth-{page.url.count('/')}"


def footer_key(page: Page, nav: Navigation, footer: Iterable[Mapping[str, str]]) -> str | None:
    """The key of the page's footer among the pages that share it; None for a page that
    Material's footer or ours marks: a page in the navigation (its previous and next
    pages) or one the footer links to (its link is marked as the current page)."""
    key = nav_key(page, nav)
    if key is None or any(link["url"] == page.url for link in footer):
        return None
    return f"footer-{key}"


def with_theme_prefix(env: Environment, dirs: list[str], custom_dir: str | None) -> Environment:
    """Let templates include the theme's own template under "material/…", past a file of
    the same name in overrides/."""
    theme = [d for d in dirs if custom_dir is None or Path(d) != Path(custom_dir)]
    if env.loader is not None and not isinstance(env.loader, ChoiceLoader):
        env.loader = ChoiceLoader(
            [env.loader, PrefixLoader({THEME_PREFIX: FileSystemLoader(theme)})]
        )
    return env
