"""MkDocs hooks of the knowledge base: each event turns MkDocs objects into plain values
and calls the adapter's modules (settings, build, files, context, navonce, parallel,
postbuild, publish, watching).

Every event runs once per language (mkdocs-static-i18n builds each language in turn; on
Linux the others in processes of their own, kb.adapter.parallel), so nothing here keeps
state between calls.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.toc import get_toc

from kb.adapter import parallel
from kb.adapter.build import build_of, keep, prepare
from kb.adapter.context import nav, page_context, relative, switcher, template_context
from kb.adapter.files import escaping, extra_files, shared_of
from kb.adapter.navonce import footer_key, nav_key, with_theme_prefix
from kb.adapter.postbuild import finish_site, index_site
from kb.adapter.publish import staging
from kb.adapter.settings import building_others, current_lang, languages_of
from kb.adapter.watching import poll_faster
from kb.escape import escape_meta
from kb.markdown import render as render_markdown
from kb.pagecheck import page_problems
from kb.pageref import HOME, PageKind, PageRef, UnknownRef, from_meta
from kb.views.uistrings import FILTERS as UI_STRING_FILTERS

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page


@event_priority(-110)  # after mkdocs-static-i18n has chosen the language of this build
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Validate the settings and the data before anything is written, and set this
    language's navigation."""
    build = prepare(config)
    keep(config, build)
    config.nav = nav(build)
    staging(config)
    return config


@event_priority(-110)  # after mkdocs-static-i18n has rebuilt the file list
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add this language's generated pages as in-memory files. The other languages are
    forked first (everything is checked and the staging folder is empty), once the open
    data they share is made (kb.adapter.files.shared_files keeps it for them)."""
    build = build_of(config)
    if not building_others(config) and parallel.can_fork():
        shared_of(build)
        parallel.start(config)
    for spec in build.specs:
        files.append(
            File.generated(
                config,
                build.prefix + spec.path,
                content=spec.markdown(),
                inclusion=InclusionLevel.INCLUDED if spec.in_nav else InclusionLevel.NOT_IN_NAV,
            )
        )
    for path, content in extra_files(config.theme.get_env(), build, str(config.site_name)):
        files.append(File.generated(config, path, content=content))
    return files


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
    return with_theme_prefix(escaping(env), config.theme.dirs, config.theme.custom_dir)


def _without_markdown(page: Page, config: MkDocsConfig, files: Files) -> None:
    """What MkDocs' Page.render leaves for a page with no Markdown (a generated page's text
    is rendered from the data by its template), without making a Markdown converter with
    every extension for it: about a fifth of the time MkDocs spends on each such page."""
    page.content = ""
    page.toc = get_toc([])
    page.present_anchor_ids = set()


def on_page_markdown(
    markdown: str, *, page: Page, config: MkDocsConfig, files: Files
) -> str | None:
    """Titles and descriptions become escaped text (Material prints them unescaped);
    a generated page's text comes from the data, rendered by kb.markdown, not MkDocs."""
    escape_meta(page.meta)
    if _page_ref(page) not in (None, HOME):
        page.render = functools.partial(_without_markdown, page)  # type: ignore[method-assign]
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
        build = build_of(config)
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
    build = build_of(config)
    urls = build.pairs.alternates(build.lang, relative(page.file.src_uri, build.lang))
    # An attribute, as mkdocs-static-i18n sets it (Material's templates read it so).
    config.extra.alternate = switcher(build, urls)  # type: ignore[attr-defined]
    context["kb_once"] = build.once
    context["kb_nav_key"] = nav_key(page, nav)
    context["kb_footer_key"] = footer_key(page, nav, build.resolved.footer)
    return page_context(context, build, page.file.src_uri, page.meta, _page_ref(page))


def on_template_context(
    context: dict[str, Any], *, template_name: str, config: MkDocsConfig
) -> dict[str, Any]:
    """Give the 404 page and the sitemap their strings and the page table."""
    alternate = template_context(context, build_of(config), template_name)
    if alternate is not None:
        config.extra.alternate = alternate  # type: ignore[attr-defined]
    return context


def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str:
    """Keep one 404 page per language: /404.html and /sv/404.html."""
    languages = languages_of(config)
    lang = current_lang(config, languages)
    if template_name == "404.html" and lang != languages.default:
        target = Path(config.site_dir) / lang / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(output, encoding="utf-8")
        return ""
    return output


def on_serve(
    server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[..., Any]
) -> LiveReloadServer:
    """Notice an edit within a tenth of a second (kb.adapter.watching)."""
    poll_faster(server)
    return server


# MkDocs registers each part at its own priority (a hooks file has one name per event;
# CombinedEvent is typed for a plugin's methods, these are functions).
_POST_BUILD: tuple[Callable[..., None], ...] = (index_site, finish_site)
on_post_build = CombinedEvent(*_POST_BUILD)
