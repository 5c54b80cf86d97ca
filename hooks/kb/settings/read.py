"""mkdocs.yml `extra.kb` and the i18n plugin's languages read into `Settings`, with every
problem collected (kb.settings.reader) and raised once as `SettingsErrors`."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from kb.model import Text
from kb.settings.opendata import read_open_data
from kb.settings.reader import Reader
from kb.settings.types import (
    FooterLink,
    Language,
    Languages,
    Programme,
    Settings,
    SettingsErrors,
)


def read_languages(
    entries: list[tuple[str, str, bool, str]], general_site_name: str, root: str
) -> tuple[Languages | None, list[str]]:
    """The i18n plugin's languages: (locale, name, default, site_name) in mkdocs.yml order.
    The data's texts are in the languages of `Text` (schema/measures.schema.json), so the
    site must have exactly those, and its default language is the one the URL scheme
    serves at the root (`root`)."""
    where = "mkdocs.yml plugins.i18n.languages"
    problems = []
    served = Text.languages()
    for n, (code, *_) in enumerate(entries):
        if code not in served:
            problems.append(
                f"{where}[{n}].locale: '{code}' is not a language of the data: its texts are in "
                f"{', '.join(served)} (schema/measures.schema.json)"
            )
    codes = [code for code, *_ in entries]
    missing = [code for code in served if code not in codes]
    if missing:
        problems.append(
            f"{where}: the data has texts in {', '.join(missing)} too; add "
            + " and ".join(f"'- locale: {code}'" for code in missing)
        )
    defaults = [code for code, _, default, _ in entries if default]
    if len(defaults) > 1:
        problems.append(f"{where}: more than one 'default: true' ({', '.join(defaults)})")
    default = defaults[0] if defaults else (codes[0] if codes else "")
    if default and default != root:
        problems.append(
            f"{where}: the default language is '{default}', but the pages' addresses put "
            f"'{root}' at the site's root (kb.urls); make '{root}' the default language"
        )
    if problems:
        return None, problems
    languages = tuple(
        Language(code, name or code, site_name or general_site_name)
        for code, name, _, site_name in entries
    )
    return Languages(languages, default), []


_KB = {
    "nav": False,
    "footer": False,
    "feedback": False,
    "key_results": False,
    "search_page": False,
    "programme": True,
    "open_data": True,
    "issue_form": False,
    "texts": False,
}


def read_settings(extra: Mapping[str, Any], languages: Languages) -> Settings:
    """`extra.kb` of mkdocs.yml as `Settings`; raises `SettingsErrors` listing every problem."""
    r = Reader()
    old = sorted(str(key) for key in extra if str(key).startswith("kb_"))
    for key in old:
        r.problems.append(
            f"mkdocs.yml extra.{key}: the settings are now under extra.kb; write it as "
            f"'{key.removeprefix('kb_')}:' there"
        )
    raw = r.mapping(extra.get("kb"), "extra.kb", _KB)
    codes = languages.codes
    nav = r.items(raw.get("nav"), "extra.kb.nav", r.page)
    footer = r.items(raw.get("footer"), "extra.kb.footer", lambda v, w: _footer(r, v, w))
    optional = {"email": False, "url": False}
    feedback = r.mapping(raw.get("feedback") or {}, "extra.kb.feedback", optional)
    for key in ("email", "url"):
        if feedback.get(key) is not None and not isinstance(feedback.get(key), str):
            r.fail(f"extra.kb.feedback.{key}", "a text (or nothing)", feedback.get(key))
    keys = r.items(
        raw.get("key_results"), "extra.kb.key_results", lambda v, w: r.text(v, w, "a record id")
    )
    search = raw.get("search_page")
    search_page = r.page(search, "extra.kb.search_page") if search is not None else None
    form = r.text(raw["issue_form"], "extra.kb.issue_form") if "issue_form" in raw else None
    if form and not re.fullmatch(r"[A-Za-z0-9_.-]+\.ya?ml", form):
        r.fail("extra.kb.issue_form", "a file name in .github/ISSUE_TEMPLATE/, e.g. 'a11y.yml'")
    texts = _texts(r, raw.get("texts"), codes)
    programme = _programme(r, raw.get("programme"), codes) if "programme" in raw else None
    open_data = read_open_data(r, raw.get("open_data"), codes) if "open_data" in raw else None
    if r.problems or programme is None or open_data is None:
        raise SettingsErrors(r.problems)
    return Settings(
        languages=languages,
        programme=programme,
        open_data=open_data,
        nav=tuple(nav),
        footer=tuple(footer),
        feedback=(str(feedback.get("email") or ""), str(feedback.get("url") or "")),
        key_results=tuple(keys),
        search_page=search_page,
        issue_form=form,
        texts=texts,
    )


def _texts(r: Reader, value: object, codes: tuple[str, ...]) -> tuple[tuple[str, Text], ...]:
    """extra.kb.texts: {key: {fi: ..., sv: ...}}; the keys are checked against the string
    tables by the adapter."""
    if value is None:
        return ()
    if not isinstance(value, Mapping):
        r.fail("extra.kb.texts", "a mapping of UI string keys to texts per language", value)
        return ()
    read = [
        (str(key), r.texts(text, f"extra.kb.texts.{key}", codes)) for key, text in value.items()
    ]
    return tuple((key, text) for key, text in read if text is not None)


def _footer(r: Reader, value: object, where: str) -> FooterLink | None:
    entry = r.mapping(value, where, {"page": True, "label": True})
    page = r.page(entry.get("page"), f"{where}.page") if "page" in entry else None
    label = (
        r.text(entry["label"], f"{where}.label", "a key of hooks/strings/*.yaml")
        if "label" in entry
        else None
    )
    return FooterLink(page, label) if page and label else None


def _programme(r: Reader, value: object, codes: tuple[str, ...]) -> Programme | None:
    where = "extra.kb.programme"
    raw = r.mapping(value, where, {"name": True, "years": True})
    name = r.texts(raw.get("name"), f"{where}.name", codes) if "name" in raw else None
    years = raw.get("years")
    ok = (
        isinstance(years, list)
        and len(years) == 2
        and all(isinstance(y, int) and not isinstance(y, bool) and 1900 < y < 2200 for y in years)
        and years[0] <= years[1]
    )
    if "years" in raw and not ok:
        r.fail(f"{where}.years", "[first year, last year], e.g. [2019, 2023]", years)
    if not (name and ok and isinstance(years, list)):
        return None
    return Programme(name, (years[0], years[1]))
