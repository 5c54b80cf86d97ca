"""MkDocs hooks of the knowledge base: glue between MkDocs and the kb_* modules.

Every event runs once per language (mkdocs-static-i18n builds each language in turn,
in the same process), so nothing here keeps state between calls.
"""

from __future__ import annotations

import difflib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel

from kb.adapter.publish import PublishError, discard, prepare, publish, warnings_counted
from kb.errors import DataErrors
from kb.escape import autoescape_for, escape_meta
from kb.export.catalog import (
    CATALOG_JSONLD,
    CATALOG_TTL,
    DATAPACKAGE,
    DatasetMeta,
    Export,
    datapackage,
    dataset_meta,
    schema_org,
    to_jsonld,
    to_turtle,
)
from kb.export.cite import CSL_SUFFIX, citations, csl_item, to_csl_json
from kb.export.files import (
    EXPORT_DIR,
    FEED_NAME,
    JSON_NAME,
    SCHEMA_NAME,
    area_feed_path,
    csv_name,
    feed_entries,
    feed_updated,
    json_ld,
    record_json,
    record_json_path,
    redirects,
    to_csv,
    to_json,
)
from kb.filecache import by_file_version
from kb.guard import dropped
from kb.listings import Listings, build_listings
from kb.markdown import render as render_markdown
from kb.model import DEFAULT_LANG, LANGS, Text
from kb.pagecheck import page_problems
from kb.pageref import HOME, Facet, PageKind, PageRef, UnknownRef, from_meta
from kb.pages import PageSpec, page_specs
from kb.pairs import Pairs, build_pairs, handwritten, outside_links
from kb.search.index import SearchError, build_index, index_in_background
from kb.search.prep import all_page_infos
from kb.selflinks import self_links
from kb.state import State, current_state
from kb.statement import TEMPLATE, Feedback, feedback_channel, statement_dates, statement_problems
from kb.strings import StringsError, strings, t, table_file
from kb.urls import area_url, browse_url, html_file, lang_prefix, record_path, source_path
from kb.validate import SCHEMA_PATH
from kb.views.context import view_for
from kb.views.home import default_key_results
from kb.views.uistrings import FILTERS as UI_STRING_FILTERS
from kb.weblinks import WEB_SCHEMES, url_problem

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

DATA_FILE = "data/measures.yaml"
_BUILD_KEY = "kb_build"
# The site folder the build publishes to; config.site_dir is its staging folder meanwhile.
_TARGET_KEY = "kb_publish_to"
# Pages of one language a build may make: far above the real site (about 150) and the
# benchmark's 10,000 records; an accident (a file pasted ten times) stops before the build.
MAX_PAGES = 60_000


@dataclass(frozen=True)
class _Build:
    """What one language build needs, computed once in on_config and kept on the config
    of that build (never in a module global)."""

    lang: str
    state: State
    table: Mapping[str, str]
    listings: Listings
    specs: tuple[PageSpec, ...]
    pairs: Pairs
    site_url: str  # MkDocs validates it as a folder URL: it always ends with '/'
    language_names: Mapping[str, str]
    search_url: str | None
    footer: tuple[Mapping[str, str], ...]
    feedback: Feedback | None  # the accessibility statement's feedback channel
    site_names: Mapping[str, str]  # the site's name in every language (citations)
    open_data: _OpenData  # what the catalog says besides the data
    open_data_page: str | None  # this language's open-data page (source path), if any
    featured: tuple[str, ...] = ()  # the home page's key results (extra.kb_key_results)


@dataclass(frozen=True)
class _OpenData:
    """Settings of the open-data catalog (hashable: the key of its cache)."""

    publisher: str  # an organisation id of the data (extra.kb_publisher)
    contact: tuple[str | None, str | None]  # e-mail, web form: the feedback channel
    landing: tuple[tuple[str, str], ...]  # (language, absolute URL of the open-data page)


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def _lang(config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        raise PluginError("kb_hooks needs the 'i18n' plugin (mkdocs-static-i18n) in mkdocs.yml")
    lang = str(i18n.current_language or DEFAULT_LANG)
    if lang not in LANGS:
        raise PluginError(
            f"mkdocs.yml plugins.i18n.languages: the locale '{lang}' is not one of the site's "
            f"languages ({', '.join(LANGS)})"
        )
    return lang


def _prepare(config: MkDocsConfig) -> _Build:
    lang = _lang(config)
    try:
        table = strings(lang)
    except StringsError as exc:
        raise PluginError(str(exc)) from None
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
    listings = build_listings(state.site, lang)
    specs = tuple(page_specs(state.site, lang, table, listings))
    pages, unreadable = handwritten(Path(config.docs_dir))
    pairs, problems = build_pairs(pages, [s.path for s in specs])
    problems = (
        outside_links(root, Path(config.docs_dir))
        + unreadable
        + problems
        + statement_problems(Path(config.docs_dir), table)
    )
    if problems:
        raise PluginError("Problems with the hand-written pages:\n  " + "\n  ".join(problems))
    problems = _nav_problems(config, pages)
    if problems:
        raise PluginError("Problems with the navigation:\n  " + "\n  ".join(problems))
    if len(specs) > MAX_PAGES:
        raise PluginError(
            f"{DATA_FILE}: the data makes {len(specs)} pages in each language; the limit is "
            f"{MAX_PAGES} (nothing was built)"
        )
    feedback, wrong = feedback_channel(config.extra.get("kb_feedback") or {}, os.environ)
    featured, unknown = _featured(config.extra.get("kb_key_results") or [], state)
    wrong = wrong + unknown
    if wrong:
        raise PluginError("Problems in mkdocs.yml:\n  " + "\n  ".join(wrong))
    languages = config.plugins["i18n"].config.languages
    names = {language.locale: language.name for language in languages}
    open_data, open_data_page = _open_data_settings(config, state, pairs, lang, feedback)
    return _Build(
        lang,
        state,
        table,
        listings,
        specs,
        pairs,
        str(config.site_url),
        names,
        _search_url(config, pairs, lang),
        _footer(config, pairs, lang, table),
        feedback,
        _site_names(config, languages),
        open_data,
        open_data_page,
        featured,
    )


def _site_names(config: MkDocsConfig, languages: Any) -> dict[str, str]:
    """The site's name per language: a language's own `site_name` in the i18n settings, or
    the general one (which the i18n plugin keeps while another language's is in force)."""
    saved = getattr(config.plugins["i18n"], "original_configs", {}) or {}
    general = str(saved.get("site_name") or config.site_name)
    own = {language.locale: language.site_name for language in languages}
    return {code: str(own.get(code) or general) for code in LANGS}


def _open_data_settings(
    config: MkDocsConfig, state: State, pairs: Pairs, lang: str, feedback: Feedback | None
) -> tuple[_OpenData, str | None]:
    publisher = str(config.extra.get("kb_publisher") or "")
    if publisher not in state.site.organisation_by_id:
        raise PluginError(
            f"mkdocs.yml extra.kb_publisher: '{publisher}' is not an organisation id of "
            f"{DATA_FILE}; name the publisher of the open data by its id (e.g. vm)"
        )
    page = config.extra.get("kb_open_data")
    urls = pairs.alternates(DEFAULT_LANG, page) if page else {}
    if page and not urls:
        raise PluginError(f"mkdocs.yml extra.kb_open_data: no page docs/{DEFAULT_LANG}/{page}")
    site_url = str(config.site_url)
    landing = tuple((code, site_url + urls.get(code, lang_prefix(code))) for code in LANGS)
    contact = (feedback.email, feedback.url) if feedback else (None, None)
    own = pairs.counterpart(DEFAULT_LANG, page, lang) if page else None
    return _OpenData(publisher, contact, landing), own


def _nav_problems(config: MkDocsConfig, pages: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """Every hand-written page pair must be reachable: in extra.kb_nav, or (for a page
    linked only from other pages, such as the accessibility statement) under not_in_nav."""
    listed = {"index.md", *(p for p in _setting_list(config, "kb_nav") if isinstance(p, str))}
    spec = config.not_in_nav
    problems = [
        f"mkdocs.yml extra.kb_nav: no page docs/{DEFAULT_LANG}/{entry}; name the Finnish file "
        "of a hand-written page, e.g. 'ohjelma.md'"
        for entry in _setting_list(config, "kb_nav")
        if not isinstance(entry, str) or entry not in pages.get(DEFAULT_LANG, {})
    ]
    for path in pages.get(DEFAULT_LANG, {}):
        if path in listed or (spec is not None and spec.match_file(f"{DEFAULT_LANG}/{path}")):
            continue
        problems.append(
            f"docs/{DEFAULT_LANG}/{path} is not in the navigation: add '- {path}' under "
            "extra.kb_nav in mkdocs.yml (its Swedish page follows it), or list both pages "
            "under not_in_nav if they are only linked from other pages"
        )
    return problems


def _featured(ids: object, state: State) -> tuple[tuple[str, ...], list[str]]:
    """The home page's key results: record ids from mkdocs.yml, each one checked. When
    none of them is in the data (another data set: a test fixture, the benchmark), the
    newest of the programme's documented results stand in."""
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        return (), ["extra.kb_key_results: expected a list of record ids"]
    known = state.site.record_by_id
    unknown = [i for i in ids if i not in known]
    if ids and len(unknown) == len(ids):
        return default_key_results(state.site), []
    problems = [f"extra.kb_key_results: no record '{i}' in {DATA_FILE}" for i in unknown]
    return tuple(ids), problems


def _build(config: MkDocsConfig) -> _Build:
    build = config.get(_BUILD_KEY)
    if not isinstance(build, _Build) or build.lang != _lang(config):
        raise PluginError("kb_hooks: on_config did not run for this build")
    return build


def _relative(src_uri: str, lang: str) -> str:
    prefix = f"{lang}/"
    return src_uri[len(prefix) :] if src_uri.startswith(prefix) else src_uri


def _nav(config: MkDocsConfig, build: _Build) -> list[Any]:
    lang, table, pairs = build.lang, build.table, build.pairs
    gen = lang_prefix(lang)
    refs = [PageRef.overview(), *(PageRef.area(a.id) for a in build.state.site.areas)]
    areas = [gen + source_path(ref) for ref in refs]
    listing = gen + source_path(PageRef.listing(Facet()))
    items: list[Any] = [f"{lang}/index.md", {table["areas_title"]: areas}, listing]
    for path in _setting_list(config, "kb_nav"):
        other = (
            pairs.counterpart(DEFAULT_LANG, path, lang)
            if isinstance(path, str) and (DEFAULT_LANG, path) in pairs.urls
            else None
        )
        if other is None:
            raise PluginError(
                f"mkdocs.yml extra.kb_nav: no page docs/{DEFAULT_LANG}/{path}; name the "
                f"Finnish file of a hand-written page, e.g. 'ohjelma.md'"
            )
        items.append(f"{lang}/{other}")
    return items


def _setting_list(config: MkDocsConfig, key: str) -> list[Any]:
    value = config.extra.get(key, [])
    if not isinstance(value, list):
        raise PluginError(f"mkdocs.yml extra.{key}: expected a list (lines starting with '- ')")
    return value


# --- Hooks -------------------------------------------------------------------------------


@event_priority(-110)  # after mkdocs-static-i18n has chosen the language of this build
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Validate the data before anything is written, and set this language's navigation."""
    if not config.site_url:
        raise PluginError("mkdocs.yml must set 'site_url' (absolute hreflang and sitemap URLs)")
    problem = url_problem(str(config.site_url), schemes=WEB_SCHEMES)
    if problem and not _serving(config):  # `serve -a localhost:8000` previews at its own host
        raise PluginError(f"mkdocs.yml site_url (KB_SITE_URL): {problem}")
    build = _prepare(config)
    config[_BUILD_KEY] = build
    config.nav = _nav(config, build)
    if not isinstance(config.get(_TARGET_KEY), Path):  # the first language: stage the build
        target = Path(config.site_dir).resolve()
        config[_TARGET_KEY] = target
        config.site_dir = str(prepare(target))
    return config


@event_priority(-110)  # after mkdocs-static-i18n has rebuilt the file list
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add this language's generated pages as in-memory files."""
    build = _build(config)
    for spec in build.specs:
        files.append(
            File.generated(
                config,
                lang_prefix(build.lang) + spec.path,
                content=spec.markdown(),
                inclusion=InclusionLevel.INCLUDED if spec.in_nav else InclusionLevel.NOT_IN_NAV,
            )
        )
    for path, content in _extra_files(config, build):
        files.append(File.generated(config, path, content=content))
    return files


# Held for the other language's build; the next edit of the data, schema or strings replaces it.
@by_file_version(lambda *_: (SCHEMA_PATH, *map(table_file, LANGS)))
def _shared_files(
    state: State, site_url: str, settings: _OpenData
) -> tuple[DatasetMeta, tuple[tuple[str, str], ...]]:
    """Open data, its catalog and robots.txt: the same in every language build, so made
    once per data version (the immutable State) and reused by the other language's build.
    The catalog, the Data Package and the pages' schema.org all come from one `DatasetMeta`."""
    site = state.site
    tables = {code: strings(code) for code in LANGS}
    exported = [
        (JSON_NAME, to_json(site), "application/json", "JSON", None, "export_json"),
        (
            SCHEMA_NAME,
            SCHEMA_PATH.read_text(encoding="utf-8"),
            "application/json",
            "JSON",
            None,
            "export_schema",
        ),
        *(
            (
                csv_name(code),
                to_csv(site, code, site_url, tables[code]),
                "text/csv",
                "CSV",
                code,
                f"export_csv_{code}",
            )
            for code in LANGS
        ),
    ]
    exports = tuple(
        Export(
            name,
            Text(tables["fi"][label], tables["sv"][label]),
            media,
            fmt,
            lang,
            len(text.encode("utf-8")),
            SCHEMA_NAME if name == JSON_NAME else None,  # the JSON follows the JSON Schema
        )
        for name, text, media, fmt, lang, label in exported
    )
    meta = dataset_meta(
        site,
        site_url,
        tables,
        site.organisation_by_id[settings.publisher],
        settings.contact,
        dict(settings.landing),
        exports,
    )
    package = json.dumps(datapackage(meta, tables), ensure_ascii=False, indent=1) + "\n"
    files = [
        *((EXPORT_DIR + name, text) for name, text, *_ in exported),
        (EXPORT_DIR + CATALOG_TTL, to_turtle(meta)),
        (EXPORT_DIR + CATALOG_JSONLD, to_jsonld(meta)),
        (EXPORT_DIR + DATAPACKAGE, package),
        *((record_json_path(r.id), record_json(r)) for r in site.records),
        ("robots.txt", f"User-agent: *\nAllow: /\n\nSitemap: {site_url}sitemap.xml\n"),
    ]
    return meta, tuple(files)


def _extra_files(config: MkDocsConfig, build: _Build) -> list[tuple[str, str]]:
    """Open data and robots.txt (the same files in every language build, so that pages of
    every language can link to them), the feed and redirect pages of this language."""
    site, lang, site_url = build.state.site, build.lang, build.site_url
    env = _escaping(config.theme.get_env())
    prefix = lang_prefix(lang)
    out = list(_shared_files(build.state, site_url, build.open_data)[1])
    feed = env.get_template("kb-feed.html")
    out.append(
        (
            prefix + FEED_NAME,
            feed.render(
                lang=lang,
                title=config.site_name,
                subtitle=build.table["feed_subtitle"],
                author=config.site_name,
                feed_url=site_url + prefix + FEED_NAME,
                home_url=site_url + prefix,
                updated=feed_updated(site),
                entries=feed_entries(site, lang, site_url),
            ),
        )
    )
    for area in site.areas:
        entries = feed_entries(site, lang, site_url, area.id)
        name = area.name.get(lang)
        path = prefix + area_feed_path(area.id)
        out.append(
            (
                path,
                feed.render(
                    lang=lang,
                    title=f"{config.site_name}: {name}",
                    subtitle=t(build.table, "area_feed_subtitle", name=name),
                    author=config.site_name,
                    feed_url=site_url + path,
                    home_url=site_url + area_url(area.id, lang),
                    updated=entries[0]["updated"] if entries else feed_updated(site),
                    entries=entries,
                ),
            )
        )
    site_name = build.site_names[lang]
    for record in site.records:
        item = csl_item(
            site, record, lang, site_url, site_name, build.table[f"kind_{record.kind.value}"]
        )
        out.append((prefix + _csl_path(record.id), to_csl_json(item)))
    redirect = env.get_template("kb-redirect.html")
    for old, new in redirects(site):
        depth = old.count("/")
        out.append(
            (
                html_file(prefix + old),
                redirect.render(
                    lang=lang,
                    title=build.table["redirect_title"],
                    canonical=site_url + prefix + new,
                    target="../" * depth + new,
                ),
            )
        )
    return out


def _csl_path(record_id: str) -> str:
    return f"{record_path(record_id)}{record_id}{CSL_SUFFIX}"


def _escaping(env: Environment) -> Environment:
    env.autoescape = autoescape_for
    return env


def _page_ref(page: Page) -> PageRef | None:
    """The generated page (or the home page) `page` is; None for a hand-written page."""
    try:
        return from_meta(page.meta)
    except UnknownRef as exc:
        raise PluginError(f"{page.file.src_uri}: unknown kb_key '{exc}'") from None


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Autoescape on for the generator's own templates (chosen by template name); the
    filters that fill UI strings."""
    env.filters.update(UI_STRING_FILTERS)
    return _escaping(env)


def on_page_markdown(
    markdown: str, *, page: Page, config: MkDocsConfig, files: Files
) -> str | None:
    """Titles and descriptions become escaped text (Material prints them unescaped);
    a generated page's text comes from the data, rendered by kb_markdown, not MkDocs."""
    escape_meta(page.meta)
    if _page_ref(page) not in (None, HOME):
        return ""
    template = page.meta.get("template")
    if template is not None and not (
        isinstance(template, str)
        and any((Path(folder) / template).is_file() for folder in config.theme.dirs)
    ):
        raise PluginError(
            f"docs/{page.file.src_uri}: front matter 'template: {template}': there is no such "
            "template in overrides/ or the theme; remove the line to use the default page"
        )
    return markdown


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The page's HTML, marked safe: a record's body in the data's Markdown subset, a
    hand-written page's HTML as MkDocs rendered it."""
    ref = _page_ref(page)
    if ref is not None and ref.kind is PageKind.RECORD:
        build = _build(config)
        record = build.state.site.record_by_id.get(ref.key)
        body = record.body.get(build.lang) if record and record.body else ""
        return render_markdown(body) if body else Markup("")
    if ref is None or ref == HOME:
        host = urlsplit(str(config.site_url)).hostname or ""
        problems = page_problems(html, host)
        if problems:
            where = f"docs/{page.file.src_uri}"
            raise PluginError("\n  ".join(f"{where}: {problem}" for problem in problems))
    return Markup(html)


def on_page_context(
    context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    """Point the language switcher at this page's translation; give templates their view."""
    build = _build(config)
    urls = build.pairs.alternates(build.lang, _relative(page.file.src_uri, build.lang))
    config.extra.alternate = _switcher(build, urls)
    context["kb_t"] = build.table
    context["kb_lang"] = build.lang
    context["kb_search_url"] = build.search_url
    context["kb_browse_url"] = browse_url(build.lang)
    ref = _page_ref(page)
    context["kb"] = None
    context["kb_jsonld"] = None
    context["kb_cite"] = None
    context["kb_area_feed"] = None
    context["kb_dataset_jsonld"] = None
    if _relative(page.file.src_uri, build.lang) == build.open_data_page:
        meta = _shared_files(build.state, build.site_url, build.open_data)[0]
        context["kb_dataset_jsonld"] = schema_org(meta, build.lang)
    if ref is not None:
        site, graph = build.state.site, build.state.graph
        context["kb"] = view_for(
            site, graph, ref, build.lang, build.table, build.listings, build.featured
        )
        if context["kb"] is None:
            raise PluginError(f"{page.file.src_uri}: unknown kb_key '{ref.to_meta()}'")
        if ref.kind is PageKind.RECORD:
            record = site.record_by_id[ref.key]
            context["kb_jsonld"] = json_ld(site, record, build.lang, build.site_url)
            prefix = lang_prefix(build.lang)
            context["kb_cite"] = {
                "citations": citations(
                    site,
                    record,
                    build.lang,
                    build.site_url,
                    build.site_names,
                    {code: strings(code) for code in LANGS},
                ),
                "csl": prefix + _csl_path(record.id),
                "json": record_json_path(record.id),
            }
        if ref.kind is PageKind.AREA:
            area = site.area_by_id[ref.key]
            context["kb_area_feed"] = {
                "url": lang_prefix(build.lang) + area_feed_path(area.id),
                "title": t(build.table, "area_feed_subtitle", name=area.name.get(build.lang)),
            }
    context["kb_feed_url"] = lang_prefix(build.lang) + FEED_NAME
    context["kb_footer"] = build.footer
    if page.meta.get("template") == TEMPLATE:
        dates, problems = statement_dates(page.meta, f"docs/{page.file.src_uri}", build.table)
        if problems:
            raise PluginError("\n  ".join(problems))
        context["kb_statement"] = {"dates": dates, "feedback": build.feedback}
    return context


def _footer(
    config: MkDocsConfig, pairs: Pairs, lang: str, table: Mapping[str, str]
) -> tuple[Mapping[str, str], ...]:
    links = []
    for n, entry in enumerate(_setting_list(config, "kb_footer")):
        where = f"mkdocs.yml extra.kb_footer[{n}]"
        if not isinstance(entry, dict) or set(entry) != {"page", "label"}:
            raise PluginError(f"{where}: expected {{page: <Finnish file>, label: <UI string>}}")
        page, label = entry["page"], entry["label"]
        url = pairs.alternates(DEFAULT_LANG, page).get(lang) if isinstance(page, str) else None
        if url is None:
            raise PluginError(f"{where}: no page docs/{DEFAULT_LANG}/{page}")
        if label not in table:
            close = difflib.get_close_matches(str(label), sorted(table), n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            raise PluginError(f"{where}: '{label}' is not a key of hooks/strings/{lang}.yaml{hint}")
        links.append({"url": url, "label": table[label]})
    return tuple(links)


def _search_url(config: MkDocsConfig, pairs: Pairs, lang: str) -> str | None:
    page = config.extra.get("kb_search_page")
    if not page:
        return None
    url = pairs.alternates(DEFAULT_LANG, page).get(lang) if isinstance(page, str) else None
    if url is None:  # a typo here would remove the search form from every page
        raise PluginError(
            f"mkdocs.yml extra.kb_search_page: no page docs/{DEFAULT_LANG}/{page}; name the "
            "Finnish file of the search page, e.g. 'haku.md'"
        )
    return url


def _switcher(build: _Build, urls: dict[str, str]) -> list[dict[str, str]]:
    """Language links of a page: site-relative for the switcher, absolute for hreflang.
    The URLs in `urls` are site-relative paths, so the absolute one is a concatenation."""
    return [
        {
            "name": build.language_names.get(code, code),
            "lang": code,
            "link": build.site_url + urls.get(code, lang_prefix(code)),
            "path": urls.get(code, lang_prefix(code)),
        }
        for code in LANGS
    ]


def on_template_context(
    context: dict[str, Any], *, template_name: str, config: MkDocsConfig
) -> dict[str, Any]:
    """Give the 404 page and the sitemap their strings and the page table."""
    build = _build(config)
    pairs = build.pairs
    context["kb_t"] = build.table
    context["kb_lang"] = build.lang
    context["kb_search_url"] = build.search_url
    context["kb_feed_url"] = lang_prefix(build.lang) + FEED_NAME
    context["kb_footer"] = build.footer
    if template_name == "sitemap.xml":
        unique = {tuple(sorted(urls.items())) for urls in pairs.urls.values()}
        context["kb_sitemap"] = [
            {code: build.site_url + url for code, url in entry} for entry in sorted(unique)
        ]
    if template_name == "404.html":
        config.extra.alternate = _switcher(build, {})
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
    """Build the per-language search index once all languages are on disk. Under `mkdocs
    serve` the site is put in place first and indexed in the background, so that the
    preview shows an edit without waiting for Pagefind (search follows a moment later)."""
    if config.plugins["i18n"].building:
        return
    build = _build(config)
    infos = all_page_infos(build.state.site)
    serving = _serving(config)
    if not serving:
        try:
            build_index(Path(config.site_dir), LANGS, infos)
        except SearchError as exc:
            raise PluginError(str(exc)) from None
    shared = _shared_files(build.state, build.site_url, build.open_data)[1]
    lost = dropped(
        Path(config.site_dir), build.pairs, LANGS, (p for p, _ in shared), search=not serving
    )
    if lost:  # every page, open-data file and index the data implies, or the old site stays
        raise PluginError(lost)
    target = config.get(_TARGET_KEY)
    if isinstance(target, Path):
        if config.strict and warnings_counted():
            discard(target)  # MkDocs aborts next; the last good site stays
            config.site_dir = str(target)
            return
        try:
            publish(target)
        except PublishError as exc:
            discard(target)
            raise PluginError(str(exc)) from None
        config.site_dir = str(target)
    if serving:
        index_in_background(Path(config.site_dir), LANGS, infos)
    # A failed build raises before this point: the site folder was never touched, and
    # its staging folder is emptied at the start of the next build.


def _serving(config: MkDocsConfig) -> bool:
    """True under `mkdocs serve`, which points `site_url` at its own address
    (http://<dev_addr>/...) for every build; a published site never has that address."""
    host, port = config.dev_addr
    url = urlsplit(str(config.site_url or ""))
    try:
        return url.scheme == "http" and url.hostname == host.strip("[]") and url.port == port
    except ValueError:  # a port that is not a number
        return False
