"""The end of a build (`on_post_build`, in two parts at two priorities): every language on
disk and indexed, then the guard against silent drops and the swap of the staged site into
place (kb.adapter.publish)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from kb.adapter import parallel
from kb.adapter.build import build_of
from kb.adapter.files import shared_of
from kb.adapter.publish import (
    PublishError,
    discard,
    publish,
    published_to,
    remove_old,
    warnings_counted,
)
from kb.adapter.settings import building_others, serving
from kb.guard import dropped
from kb.search.index import SEARCH_DIR, SearchError, build_index, index_language, write_manifest
from kb.search.prep import PageInfo, all_page_infos
from kb.search.preview import index_in_background

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def _index(
    config: MkDocsConfig, codes: tuple[str, ...], infos: Mapping[str, PageInfo], lang: str
) -> list[str]:
    """The search index of the language `lang` (its bundles), or of every language when
    `lang` is "" (the bundles are listed in the manifest then)."""
    try:
        if lang:
            return index_language(Path(config.site_dir), lang, codes, infos)
        build_index(Path(config.site_dir), codes, infos)
        return []
    except SearchError as exc:
        raise PluginError(str(exc)) from None


@event_priority(-101)  # right after mkdocs-static-i18n has built the other languages
def index_site(*, config: MkDocsConfig) -> None:
    """Every language on disk and indexed for the search, before any plugin that runs
    after mkdocs-static-i18n sees the site (as in the i18n plugin's own loop, where the
    other languages are built at -100). A language built in a process of its own indexes
    itself (kb.adapter.parallel); this build indexes its own language while they finish,
    then waits for them. Under `mkdocs serve` the index is made in the background after
    the swap (finish_site)."""
    build = build_of(config)
    codes = build.settings.languages.codes
    search = not serving(config)
    if building_others(config):
        if parallel.in_child(config) and search:
            infos = all_page_infos(build.state.site, codes)
            parallel.keep_bundles(config, _index(config, codes, infos, build.lang))
        return
    if parallel.forked(config) and not search:
        parallel.wait(config)
    elif parallel.forked(config):
        infos = all_page_infos(build.state.site, codes)
        own = _index(config, codes, infos, build.lang)
        manifest = {build.lang: own, **parallel.wait(config)}
        folder = Path(config.site_dir) / SEARCH_DIR
        write_manifest(folder, {k: v for k, v in manifest.items() if v})
    elif search:
        _index(config, codes, infos=all_page_infos(build.state.site, codes), lang="")


@event_priority(-110)  # the last step: after every other plugin's on_post_build
def finish_site(*, config: MkDocsConfig) -> None:
    """The guard against silent drops, then the swap of the staged site into place. Under
    `mkdocs serve` the site is put in place first and indexed in the background, so that
    the preview shows an edit without waiting for Pagefind (search follows a moment later)."""
    if building_others(config):
        return
    build = build_of(config)
    codes = build.settings.languages.codes
    preview = serving(config)
    shared = (path for path, _ in shared_of(build)[1])
    lost = dropped(Path(config.site_dir), build.pairs, codes, shared, search=not preview)
    if lost:  # every page, open-data file and index the data implies, or the old site stays
        raise PluginError(lost)
    target = published_to(config)
    if target is not None:
        staging = Path(config.site_dir)
        if config.strict and warnings_counted():
            discard(staging)  # MkDocs aborts next; the last good site stays
            config.site_dir = str(target)
            return
        try:
            old = publish(staging, target)
        except PublishError as exc:
            discard(staging)
            raise PluginError(str(exc)) from None
        config.site_dir = str(target)
        remove_old(old, in_background=preview)  # the preview need not wait for it
    if preview:
        index_in_background(Path(config.site_dir), codes, all_page_infos(build.state.site, codes))
    # A failed build raises before this point: the site folder was never touched, and
    # its staging folder is emptied at the start of the next build.
