"""MkDocs hooks of the knowledge base: glue between MkDocs and the kb_* modules.

Every event runs once per language (mkdocs-static-i18n builds each language in turn,
in the same process), so nothing here keeps state between calls.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, InclusionLevel

from kb_errors import DataErrors
from kb_links import lang_prefix
from kb_model import DEFAULT_LANG, LANGS
from kb_pages import page_specs, view_for
from kb_pairs import Pairs, build_pairs, handwritten
from kb_search import SearchError, build_index
from kb_state import State, current_state
from kb_strings import StringsError, strings

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)

DATA_FILE = "data/measures.yaml"
_IN_NAV = {"areas/index.md", "browse/index.md"}


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def _lang(config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        raise PluginError("kb_hooks needs the 'i18n' plugin (mkdocs-static-i18n) in mkdocs.yml")
    return str(i18n.current_language or DEFAULT_LANG)


def _state(config: MkDocsConfig) -> State:
    try:
        return current_state(_root(config) / DATA_FILE, DATA_FILE)
    except DataErrors as exc:
        raise PluginError(exc.report()) from None


def _pairs(config: MkDocsConfig, state: State, lang: str) -> Pairs:
    generated = [spec.path for spec in page_specs(state.site, lang, strings(lang))]
    pairs, problems = build_pairs(handwritten(Path(config.docs_dir)), generated)
    if problems:
        raise PluginError("Pages without a translation:\n  " + "\n  ".join(problems))
    return pairs


def _relative(src_uri: str, lang: str) -> str:
    prefix = f"{lang}/"
    return src_uri[len(prefix) :] if src_uri.startswith(prefix) else src_uri


def _absolute(config: MkDocsConfig, url: str) -> str:
    return urljoin(config.site_url or "/", url)


def _nav(config: MkDocsConfig, state: State, pairs: Pairs, lang: str) -> list[Any]:
    table = strings(lang)
    gen = lang_prefix(lang)
    areas = [f"{gen}areas/index.md", *(f"{gen}areas/{a.id}.md" for a in state.site.areas)]
    items: list[Any] = [f"{lang}/index.md", {table["areas_title"]: areas}, f"{gen}browse/index.md"]
    for path in config.extra.get("kb_nav", []):
        other = path if lang == DEFAULT_LANG else pairs.counterpart(DEFAULT_LANG, path, lang)
        if other is None:
            raise PluginError(f"mkdocs.yml extra.kb_nav: no page docs/{DEFAULT_LANG}/{path}")
        items.append(f"{lang}/{other}")
    return items


# --- Hooks -------------------------------------------------------------------------------


@event_priority(-110)  # after mkdocs-static-i18n has chosen the language of this build
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Validate the data before anything is written, and set this language's navigation."""
    if not config.site_url:
        raise PluginError("mkdocs.yml must set 'site_url' (absolute hreflang and sitemap URLs)")
    lang = _lang(config)
    try:
        strings(lang)
    except StringsError as exc:
        raise PluginError(str(exc)) from None
    state = _state(config)
    config.nav = _nav(config, state, _pairs(config, state, lang), lang)
    return config


@event_priority(-110)  # after mkdocs-static-i18n has rebuilt the file list
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add this language's generated pages as in-memory files."""
    lang = _lang(config)
    state = _state(config)
    for spec in page_specs(state.site, lang, strings(lang)):
        inclusion = InclusionLevel.INCLUDED if spec.path in _IN_NAV else InclusionLevel.NOT_IN_NAV
        if spec.path.startswith("areas/"):
            inclusion = InclusionLevel.INCLUDED
        files.append(
            File.generated(
                config, lang_prefix(lang) + spec.path, content=spec.markdown(), inclusion=inclusion
            )
        )
    return files


def on_page_context(
    context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    """Point the language switcher at this page's translation; give templates their view."""
    lang = _lang(config)
    state = _state(config)
    table = strings(lang)
    pairs = _pairs(config, state, lang)
    urls = pairs.alternates(lang, _relative(page.file.src_uri, lang))
    config.extra.alternate = _switcher(config, urls)
    context["kb_t"] = table
    context["kb_lang"] = lang
    context["kb_search_url"] = _search_url(config, pairs, lang)
    key = page.meta.get("kb_key") or ("home" if page.meta.get("template") == "kb-home.html" else None)
    context["kb"] = view_for(state.site, state.graph, key, lang, table) if key else None
    return context


def _search_url(config: MkDocsConfig, pairs: Pairs, lang: str) -> str | None:
    page = config.extra.get("kb_search_page")
    if not page:
        return None
    return pairs.alternates(DEFAULT_LANG, page).get(lang)


def _switcher(config: MkDocsConfig, urls: dict[str, str]) -> list[dict[str, str]]:
    names = {lang.locale: lang.name for lang in config.plugins["i18n"].config.languages}
    return [
        {
            "name": names.get(code, code),
            "lang": code,
            "link": _absolute(config, urls.get(code, lang_prefix(code))),
            "path": urls.get(code, lang_prefix(code)),
        }
        for code in LANGS
    ]


def on_template_context(
    context: dict[str, Any], *, template_name: str, config: MkDocsConfig
) -> dict[str, Any]:
    """Give the 404 page and the sitemap their strings and the page table."""
    lang = _lang(config)
    context["kb_t"] = strings(lang)
    context["kb_lang"] = lang
    pairs = _pairs(config, _state(config), lang)
    context["kb_search_url"] = _search_url(config, pairs, lang)
    if template_name == "sitemap.xml":
        unique = {tuple(sorted(urls.items())) for urls in pairs.urls.values()}
        context["kb_sitemap"] = [
            {code: _absolute(config, url) for code, url in entry} for entry in sorted(unique)
        ]
    if template_name == "404.html":
        config.extra.alternate = _switcher(config, {})
    return context


def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str:
    """Keep one 404 page per language: /404.html and /sv/404.html."""
    lang = _lang(config)
    if template_name == "404.html" and lang != DEFAULT_LANG:
        target = Path(config.site_dir) / lang / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(output, encoding="utf-8")
        return ""
    return output


@event_priority(-110)  # after mkdocs-static-i18n has built the other languages
def on_post_build(*, config: MkDocsConfig) -> None:
    """Build the per-language search index once all languages are on disk."""
    if config.plugins["i18n"].building:
        return
    try:
        build_index(Path(config.site_dir))
    except SearchError as exc:
        raise PluginError(str(exc)) from None

