"""The settings checked against what they name: hand-written pages (navigation, footer,
search and open-data pages), records (key results) and organisations (the publisher).
Every problem is collected, located by its setting; the caller fails once."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kb.pairs import Pairs
from kb.settings import Settings
from kb.state import State
from kb.views.home import default_key_results


@dataclass(frozen=True)
class Resolved:
    """What the settings point at, in the language of one build."""

    nav: tuple[str, ...]  # this language's source paths of the navigation's pages
    footer: tuple[Mapping[str, str], ...]  # {url, label}
    search_url: str | None
    open_data_page: str | None  # this language's open-data page (source path)
    landing: tuple[tuple[str, str], ...]  # (language, site-relative URL of the open-data page)
    featured: tuple[str, ...]  # the home page's key results


def _missing(where: str, default: str, page: str) -> str:
    return (
        f"mkdocs.yml {where}: no page docs/{default}/{page}; name the file of a hand-written "
        f"page in docs/{default}/, e.g. 'ohjelma.md'"
    )


def resolve(
    settings: Settings,
    state: State,
    pairs: Pairs,
    pages: Mapping[str, Mapping[str, Any]],
    lang: str,
    table: Mapping[str, str],
    not_in_nav: Any,
) -> tuple[Resolved | None, list[str]]:
    """The settings' pages and ids in `lang`, or every problem with them."""
    languages = settings.languages
    default = languages.default
    problems: list[str] = []

    def own(where: str, page: str) -> str | None:
        other = pairs.counterpart(default, page, lang)
        if other is None:
            problems.append(_missing(where, default, page))
        return other

    nav = [own(f"extra.kb.nav[{n}]", page) for n, page in enumerate(settings.nav)]
    problems += _unlisted(settings, pages, not_in_nav)
    footer = []
    for n, link in enumerate(settings.footer):
        where = f"extra.kb.footer[{n}]"
        url = pairs.alternates(default, link.page).get(lang)
        if url is None:
            problems.append(_missing(f"{where}.page", default, link.page))
        if link.label not in table:
            close = difflib.get_close_matches(link.label, sorted(table), n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            problems.append(
                f"mkdocs.yml {where}.label: '{link.label}' is not a key of "
                f"hooks/strings/{lang}.yaml{hint}"
            )
        elif url is not None:
            footer.append({"url": url, "label": table[link.label]})
    search_url = None
    if settings.search_page:  # a typo here would remove the search form from every page
        search_url = pairs.alternates(default, settings.search_page).get(lang)
        if search_url is None:
            problems.append(_missing("extra.kb.search_page", default, settings.search_page))
    data = settings.open_data
    if data.publisher not in state.site.organisation_by_id:
        problems.append(
            f"mkdocs.yml extra.kb.open_data.publisher: '{data.publisher}' is not an "
            "organisation id of data/measures.yaml; name the publisher of the open data by its id"
        )
    urls = pairs.alternates(default, data.page) if data.page else {}
    if data.page and not urls:
        problems.append(_missing("extra.kb.open_data.page", default, data.page))
    landing = tuple((code, urls.get(code, languages.prefix(code))) for code in languages.codes)
    page = pairs.counterpart(default, data.page, lang) if data.page else None
    featured, unknown = _featured(settings.key_results, state)
    problems += unknown
    if problems:
        return None, problems
    resolved = Resolved(
        tuple(p for p in nav if p), tuple(footer), search_url, page, landing, featured
    )
    return resolved, []


def _unlisted(
    settings: Settings, pages: Mapping[str, Mapping[str, Any]], not_in_nav: Any
) -> list[str]:
    """Every hand-written page pair must be reachable: in extra.kb.nav, or (for a page
    linked only from other pages, such as the accessibility statement) under not_in_nav."""
    default = settings.languages.default
    listed = {"index.md", *settings.nav}
    problems = []
    for path in pages.get(default, {}):
        hidden = not_in_nav is not None and not_in_nav.match_file(f"{default}/{path}")
        if path in listed or hidden:
            continue
        problems.append(
            f"docs/{default}/{path} is not in the navigation: add '- {path}' under "
            "extra.kb.nav in mkdocs.yml (the other languages' pages follow it), or list "
            "every language's page under not_in_nav if they are only linked from other pages"
        )
    return problems


def _featured(ids: tuple[str, ...], state: State) -> tuple[tuple[str, ...], list[str]]:
    """The home page's key results: record ids from mkdocs.yml, each one checked. When
    none of them is in the data (another data set: a test fixture, the benchmark), the
    newest of the programme's documented results stand in."""
    known = state.site.record_by_id
    unknown = [i for i in ids if i not in known]
    if ids and len(unknown) == len(ids):
        return default_key_results(state.site), []
    problems = [
        f"mkdocs.yml extra.kb.key_results[{ids.index(i)}]: no record '{i}' in data/measures.yaml"
        for i in unknown
    ]
    return ids, problems
