"""One language build's inputs, prepared once in on_config: the settings, the data, the
pages it implies, the hand-written pages and their pairs, all checked before anything is
written. Kept on that build's config (never in a module global)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

from kb.adapter.resolve import Resolved, resolve
from kb.adapter.settings import current_lang, settings_of, site_tables
from kb.errors import DataErrors
from kb.listings import Listings, build_listings
from kb.pages import PageSpec, page_specs
from kb.pairs import Pairs, build_pairs, handwritten, outside_links
from kb.renderonce import RenderOnce
from kb.selflinks import self_links
from kb.settings import Settings
from kb.state import State, current_state
from kb.statement import Feedback, feedback_channel, statement_problems

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

DATA_FILE = "data/measures.yaml"
_BUILD_KEY = "kb_build"
# Pages of one language a build may make: far above the real site (about 150) and the
# benchmark's 10,000 records; an accident (a file pasted ten times) stops before the build.
MAX_PAGES = 60_000


@dataclass(frozen=True)
class Build:
    """What one language build needs."""

    settings: Settings
    lang: str
    state: State
    tables: Mapping[str, Mapping[str, str]]  # every language's UI strings (with extra.kb.texts)
    listings: Listings
    specs: tuple[PageSpec, ...]
    pairs: Pairs
    site_url: str  # MkDocs validates it as a folder URL: it always ends with '/'
    feedback: Feedback | None  # the accessibility statement's feedback channel
    resolved: Resolved
    # Parts of pages rendered once in this build (the navigation of pages outside it).
    once: RenderOnce = field(default_factory=RenderOnce, compare=False)

    @property
    def table(self) -> Mapping[str, str]:
        """This language's UI strings."""
        return self.tables[self.lang]

    @property
    def prefix(self) -> str:
        """This language's folder: '' or 'sv/'."""
        return self.settings.languages.prefix(self.lang)

    @property
    def site_names(self) -> dict[str, str]:
        """The site's name in every language (citations)."""
        return {lang.code: lang.site_name for lang in self.settings.languages.all}


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def _state(config: MkDocsConfig) -> State:
    root = _root(config)
    data_file = root / DATA_FILE
    if data_file.is_symlink() and not data_file.resolve().is_relative_to(root):
        raise PluginError(
            f"{DATA_FILE}: a symbolic link to a file outside the project; put the data file "
            "itself there"
        )
    try:
        state = current_state(data_file, DATA_FILE)
    except DataErrors as exc:
        raise PluginError(exc.report()) from None
    own = self_links(
        state.site, str(config.site_url), lambda: data_file.read_text("utf-8"), DATA_FILE
    )
    if own:
        raise PluginError(
            f"{len(own)} links to this site in the data; nothing was built:\n  " + "\n  ".join(own)
        )
    return state


def prepare(config: MkDocsConfig) -> Build:
    """Read and check everything this language's build needs; fail with every problem."""
    settings = settings_of(config)
    languages = settings.languages
    lang = current_lang(config, languages)
    tables = site_tables(settings)[0]
    table = tables[lang]
    state = _state(config)
    listings = build_listings(state.site, lang)
    specs = tuple(page_specs(state.site, lang, table, listings))
    docs = Path(config.docs_dir)
    pages, unreadable = handwritten(docs, languages)
    pairs, problems = build_pairs(pages, [s.path for s in specs], languages)
    on_pages = (
        outside_links(_root(config), docs) + unreadable + problems + statement_problems(docs, table)
    )
    if len(specs) > MAX_PAGES:
        raise PluginError(
            f"{DATA_FILE}: the data makes {len(specs)} pages in each language; the limit is "
            f"{MAX_PAGES} (nothing was built)"
        )
    email, url = settings.feedback
    configured = {"email": email, "url": url}
    feedback, wrong = feedback_channel(configured, os.environ, settings.issue_form)
    resolved, unresolved = resolve(settings, state, pairs, pages, lang, table, config.not_in_nav)
    in_settings = [f"mkdocs.yml {p}" if p.startswith("extra.") else p for p in wrong] + unresolved
    sections = [
        f"{title}:\n  " + "\n  ".join(found)
        for title, found in (
            ("Problems with the hand-written pages", on_pages),
            ("Problems in mkdocs.yml", in_settings),
        )
        if found
    ]
    if sections or resolved is None:
        raise PluginError("\n".join(sections))
    site_url = str(config.site_url)
    return Build(
        settings, lang, state, tables, listings, specs, pairs, site_url, feedback, resolved
    )


def keep(config: MkDocsConfig, build: Build) -> None:
    config[_BUILD_KEY] = build


def build_of(config: MkDocsConfig) -> Build:
    """The build prepared by on_config for the language being built."""
    build = config.get(_BUILD_KEY)
    if not isinstance(build, Build) or build.lang != current_lang(config, build.settings.languages):
        raise PluginError("kb_hooks: on_config did not run for this build")
    return build
