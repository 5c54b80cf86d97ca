"""What templates get: this language's navigation, the language switcher, and each page's
context (its view, structured data, citations, feed, the statement's facts)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mkdocs.exceptions import PluginError

from kb.adapter.build import Build
from kb.adapter.files import csl_path, shared_of
from kb.export.catalog import schema_org
from kb.export.cite import citations
from kb.export.feeds import FEED_NAME, area_feed_path, json_ld
from kb.export.files import record_json_path
from kb.pageref import Facet, PageKind, PageRef
from kb.statement import TEMPLATE, statement_dates
from kb.strings import t
from kb.urls import browse_url, source_path
from kb.views.context import view_for


def nav(build: Build) -> list[Any]:
    """Home, the strategy areas, browse, then the hand-written pages of extra.kb.nav."""
    lang, table, gen = build.lang, build.table, build.prefix
    refs = [PageRef.overview(), *(PageRef.area(a.id) for a in build.state.site.areas)]
    areas = [gen + source_path(ref) for ref in refs]
    listing = gen + source_path(PageRef.listing(Facet()))
    items: list[Any] = [f"{lang}/index.md", {table["areas_title"]: areas}, listing]
    return items + [f"{lang}/{path}" for path in build.resolved.nav]


def relative(src_uri: str, lang: str) -> str:
    prefix = f"{lang}/"
    return src_uri[len(prefix) :] if src_uri.startswith(prefix) else src_uri


def switcher(build: Build, urls: dict[str, str]) -> list[dict[str, str]]:
    """Language links of a page: site-relative for the switcher, absolute for hreflang.
    The URLs in `urls` are site-relative paths, so the absolute one is a concatenation."""
    languages = build.settings.languages
    return [
        {
            "name": lang.name,
            "lang": lang.code,
            "link": build.site_url + urls.get(lang.code, languages.prefix(lang.code)),
            "path": urls.get(lang.code, languages.prefix(lang.code)),
        }
        for lang in languages.all
    ]


def common(context: dict[str, Any], build: Build) -> None:
    """What every page and template of the build gets."""
    context["kb_t"] = build.table
    context["kb_lang"] = build.lang
    context["kb_search_url"] = build.resolved.search_url
    context["kb_feed_url"] = build.prefix + FEED_NAME
    context["kb_footer"] = build.resolved.footer


def page_context(
    context: dict[str, Any],
    build: Build,
    src_uri: str,
    meta: Mapping[str, Any],
    ref: PageRef | None,
) -> dict[str, Any]:
    """Give a page's template its view and structured data (`ref`: the generated page or
    the home page it is, None for a hand-written page)."""
    common(context, build)
    context["kb_browse_url"] = browse_url(build.lang)
    for name in ("kb", "kb_jsonld", "kb_cite", "kb_area_feed", "kb_dataset_jsonld"):
        context[name] = None
    if relative(src_uri, build.lang) == build.resolved.open_data_page:
        context["kb_dataset_jsonld"] = schema_org(shared_of(build)[0], build.lang)
    if ref is not None:
        _views(context, build, ref, src_uri)
    if meta.get("template") == TEMPLATE:
        dates, problems = statement_dates(meta, f"docs/{src_uri}", build.table)
        if problems:
            raise PluginError("\n  ".join(problems))
        context["kb_statement"] = {"dates": dates, "feedback": build.feedback}
    return context


def _views(context: dict[str, Any], build: Build, ref: PageRef, src_uri: str) -> None:
    site, graph, lang = build.state.site, build.state.graph, build.lang
    featured, programme = build.resolved.featured, build.settings.programme
    context["kb"] = view_for(
        site, graph, ref, lang, build.table, build.listings, featured, programme
    )
    if context["kb"] is None:
        raise PluginError(f"{src_uri}: unknown kb_key '{ref.to_meta()}'")
    if ref.kind is PageKind.RECORD:
        record = site.record_by_id[ref.key]
        context["kb_jsonld"] = json_ld(site, record, lang, build.site_url)
        context["kb_cite"] = {
            "citations": citations(
                site, record, lang, build.site_url, build.site_names, build.tables
            ),
            "csl": build.prefix + csl_path(record.id),
            "json": record_json_path(record.id),
        }
    if ref.kind is PageKind.AREA:
        area = site.area_by_id[ref.key]
        context["kb_area_feed"] = {
            "url": build.prefix + area_feed_path(area.id),
            "title": t(build.table, "area_feed_subtitle", name=area.name.get(lang)),
        }


def template_context(
    context: dict[str, Any], build: Build, template_name: str
) -> list[dict[str, str]] | None:
    """Strings for the 404 page and the sitemap's page table; returns the 404 page's
    language links (None for other templates)."""
    common(context, build)
    if template_name == "sitemap.xml":
        unique = {tuple(sorted(urls.items())) for urls in build.pairs.urls.values()}
        context["kb_sitemap"] = [
            {code: build.site_url + url for code, url in entry} for entry in sorted(unique)
        ]
    return switcher(build, {}) if template_name == "404.html" else None
