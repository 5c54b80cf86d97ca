"""From MkDocs' configuration to the generator's typed `Settings` (kb.settings): the i18n
plugin's languages and mkdocs.yml `extra.kb`, read once per language build; the site's
address rules. Every problem becomes one PluginError that lists them all."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError

from kb.settings import Languages, Settings, SettingsErrors, read_languages, read_settings
from kb.strings import StringsError, own_texts, strings
from kb.urls import ROOT_LANG
from kb.weblinks import WEB_SCHEMES, url_problem

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def _i18n(config: MkDocsConfig) -> Any:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        raise PluginError("kb_hooks needs the 'i18n' plugin (mkdocs-static-i18n) in mkdocs.yml")
    return i18n


def building_others(config: MkDocsConfig) -> bool:
    """True while mkdocs-static-i18n builds the other languages (inside the first one's
    on_post_build, or in a process of their own, kb.adapter.parallel): the site is complete
    only when the first language's build ends."""
    return bool(_i18n(config).building)


def languages_of(config: MkDocsConfig) -> Languages:
    """The site's languages, from the i18n plugin's configuration alone."""
    i18n = _i18n(config)
    saved = getattr(i18n, "original_configs", {}) or {}
    general = str(saved.get("site_name") or config.site_name)
    entries = [
        (str(lang.locale), str(lang.name or ""), bool(lang.default), str(lang.site_name or ""))
        for lang in i18n.config.languages
    ]
    languages, problems = read_languages(entries, general, ROOT_LANG)
    if languages is None:
        raise PluginError("Problems in mkdocs.yml:\n  " + "\n  ".join(problems))
    return languages


def current_lang(config: MkDocsConfig, languages: Languages) -> str:
    """The language this build makes (mkdocs-static-i18n builds each in turn)."""
    lang = str(_i18n(config).current_language or languages.default)
    if lang not in languages.codes:
        raise PluginError(
            f"mkdocs.yml plugins.i18n.languages: the locale '{lang}' is not one of the site's "
            f"languages ({', '.join(languages.codes)})"
        )
    return lang


def settings_of(config: MkDocsConfig) -> Settings:
    """`extra.kb` and the languages as `Settings`, with every problem listed at once."""
    languages = languages_of(config)
    problems = site_url_problems(config)
    for code in languages.codes:
        try:
            strings(code)
        except StringsError as exc:
            problems.append(str(exc))
    try:
        settings = read_settings(config.extra, languages)
    except SettingsErrors as exc:
        problems += exc.problems
    if not problems:
        problems += site_tables(settings)[1]
    if problems:
        raise PluginError(
            f"{len(problems)} problems in the settings; nothing was built:\n  "
            + "\n  ".join(problems)
        )
    return settings


def site_tables(settings: Settings) -> tuple[dict[str, Mapping[str, str]], list[str]]:
    """Every language's UI strings with the site's own texts (extra.kb.texts)."""
    tables = {code: strings(code) for code in settings.languages.codes}
    texts = {key: {code: text.get(code) for code in tables} for key, text in settings.texts}
    return own_texts(tables, texts, "mkdocs.yml extra.kb.texts")


def site_url_problems(config: MkDocsConfig) -> list[str]:
    if not config.site_url:
        return ["mkdocs.yml must set 'site_url' (absolute hreflang and sitemap URLs)"]
    problem = url_problem(str(config.site_url), schemes=WEB_SCHEMES)
    if problem and not serving(config):  # `serve -a localhost:8000` previews at its own host
        return [f"mkdocs.yml site_url (KB_SITE_URL): {problem}"]
    return []


def serving(config: MkDocsConfig) -> bool:
    """True under `mkdocs serve`, which points `site_url` at its own address
    (http://<dev_addr>/...) for every build; a published site never has that address."""
    host, port = config.dev_addr
    url = urlsplit(str(config.site_url or ""))
    try:
        return url.scheme == "http" and url.hostname == host.strip("[]") and url.port == port
    except ValueError:  # a port that is not a number
        return False
