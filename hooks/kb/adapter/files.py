"""The files a build adds beside its pages: open data and its catalog, robots.txt (the
same in every language build), and this language's feeds, citations and redirects."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

from kb.adapter.build import Build
from kb.adapter.settings import site_tables
from kb.escape import autoescape_for
from kb.export.catalog import (
    CATALOG_JSONLD,
    CATALOG_TTL,
    DATAPACKAGE,
    DatasetMeta,
    Export,
    datapackage,
    dataset_meta,
    to_jsonld,
    to_turtle,
)
from kb.export.cite import CSL_SUFFIX, csl_item, to_csl_json
from kb.export.feeds import FEED_NAME, area_feed_path, feed_entries, feed_updated, redirects
from kb.export.files import (
    EXPORT_DIR,
    SCHEMA_NAME,
    csv_name,
    json_name,
    record_json,
    record_json_path,
    to_csv,
    to_json,
)
from kb.filecache import by_file_version
from kb.jinjacache import with_bytecode_cache
from kb.model import Text
from kb.settings import Settings
from kb.state import State
from kb.strings import t, table_file
from kb.urls import area_url, html_file, record_path
from kb.validate import SCHEMA_PATH

if TYPE_CHECKING:
    from jinja2 import Environment


# Held for the other language's build; the next edit of the data, schema or strings replaces it.
@by_file_version(
    lambda state, site_url, settings, *_: (
        SCHEMA_PATH,
        *map(table_file, settings.languages.codes),
    )
)
def shared_files(
    state: State,
    site_url: str,
    settings: Settings,
    contact: tuple[str | None, str | None],
    landing: tuple[tuple[str, str], ...],
) -> tuple[DatasetMeta, tuple[tuple[str, str], ...]]:
    """Open data, its catalog and robots.txt: the same in every language build, so made
    once per data version (the immutable State) and reused by the other language's build.
    The catalog, the Data Package and the pages' schema.org all come from one `DatasetMeta`."""
    site, data = state.site, settings.open_data
    codes = settings.languages.codes
    tables = site_tables(settings)[0]
    json_file = json_name(data.name)
    schema = published_schema(SCHEMA_PATH.read_text(encoding="utf-8"), site_url)
    exported = [
        (json_file, to_json(site), "application/json", "JSON", None, "export_json"),
        (SCHEMA_NAME, schema, "application/json", "JSON", None, "export_schema"),
        *(
            (
                csv_name(data.name, code),
                to_csv(site, code, site_url),
                "text/csv",
                "CSV",
                code,
                f"export_csv_{code}",
            )
            for code in codes
        ),
    ]
    exports = tuple(
        Export(
            name,
            Text(**{code: tables[code][label] for code in Text.languages()}),
            media,
            fmt,
            lang,
            len(text.encode("utf-8")),
            SCHEMA_NAME if name == json_file else None,  # the JSON follows the JSON Schema
        )
        for name, text, media, fmt, lang, label in exported
    )
    publisher = site.organisation_by_id[data.publisher]
    pages = {code: site_url + url for code, url in landing}
    meta = dataset_meta(site, site_url, data, publisher, contact, pages, exports)
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


def published_schema(text: str, site_url: str) -> str:
    """The JSON Schema as published: its `$id` is its address on this site."""
    own = json.dumps(f"{site_url}{EXPORT_DIR}{SCHEMA_NAME}")
    published, found = re.subn(
        r'^(  "\$id": )"[^"\n]*"', lambda m: m.group(1) + own, text, count=1, flags=re.M
    )
    if not found:  # the text is published as it is written (its layout kept), so say so
        raise PluginError(
            f'{SCHEMA_PATH.name}: no top-level "$id" line (two spaces, then "$id": "...") '
            "to set to the schema's address on this site"
        )
    return published


def shared_of(build: Build) -> tuple[DatasetMeta, tuple[tuple[str, str], ...]]:
    contact = (build.feedback.email, build.feedback.url) if build.feedback else (None, None)
    return shared_files(
        build.state, build.site_url, build.settings, contact, build.resolved.landing
    )


def escaping(env: Environment) -> Environment:
    """Autoescape by template name, and compiled templates kept between builds (keyed by
    the autoescape choice too, kb.jinjacache)."""
    env.autoescape = autoescape_for
    if env.bytecode_cache is None:
        with_bytecode_cache(env)
    return env


def csl_path(record_id: str) -> str:
    return f"{record_path(record_id)}{record_id}{CSL_SUFFIX}"


def extra_files(env: Environment, build: Build, site_name: str) -> list[tuple[str, str]]:
    """Open data and robots.txt (the same files in every language build, so that pages of
    every language can link to them), the feed and redirect pages of this language."""
    site, lang, site_url, prefix = build.state.site, build.lang, build.site_url, build.prefix
    env = escaping(env)
    out = list(shared_of(build)[1])
    feed = env.get_template("kb-feed.html")
    rights = build.settings.open_data.licence.title
    feeds: list[tuple[str, str, str, str, str | None]] = [
        (prefix + FEED_NAME, site_name, build.table["feed_subtitle"], prefix, None)
    ]
    for area in site.areas:
        subtitle = t(build.table, "area_feed_subtitle", name=area.name.get(lang))
        title = f"{site_name}: {area.name.get(lang)}"
        path = prefix + area_feed_path(area.id)
        feeds.append((path, title, subtitle, area_url(area.id, lang), area.id))
    for path, title, subtitle, home, area_id in feeds:
        entries = feed_entries(site, lang, site_url, area_id)
        updated = entries[0]["updated"] if area_id and entries else feed_updated(site)
        text = feed.render(
            lang=lang,
            title=title,
            subtitle=subtitle,
            author=site_name,
            feed_url=site_url + path,
            home_url=site_url + home,
            updated=updated,
            entries=entries,
            rights=rights,
        )
        out.append((path, text))
    site_names = build.site_names
    for record in site.records:
        label = build.table[f"kind_{record.kind.value}"]
        name = build.settings.open_data.name
        item = csl_item(site, record, lang, site_url, site_names[lang], label, name)
        out.append((prefix + csl_path(record.id), to_csl_json(item)))
    redirect = env.get_template("kb-redirect.html")
    for old, new in redirects(site):
        depth = old.count("/")
        page = redirect.render(
            lang=lang,
            title=build.table["redirect_title"],
            canonical=site_url + prefix + new,
            target="../" * depth + new,
        )
        out.append((html_file(prefix + old), page))
    return out
