"""The site's settings (mkdocs.yml `extra.kb` and the i18n plugin's languages) read once
per build into frozen, typed values. Every problem is collected and named by its setting
(`extra.kb.footer[1].label`) with what was expected; nothing downstream reads raw dicts.

No MkDocs imports: the adapter hands in plain values (kb.adapter.settings).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from typing import Any, TypeVar

from kb.model import Text

T = TypeVar("T")
# A name for files and identifiers: 'hankinta-suomi' -> data/hankinta-suomi.json.
_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_LICENCE_ID = re.compile(r"[A-Za-z0-9.+-]+")


@dataclass(frozen=True)
class Language:
    code: str  # the i18n plugin's locale: 'fi'
    name: str  # its own name: 'Suomi'
    site_name: str  # the site's name in this language


@dataclass(frozen=True)
class Languages:
    """The site's languages in the order of mkdocs.yml; the default one has no URL prefix."""

    all: tuple[Language, ...]
    default: str

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(language.code for language in self.all)

    def name(self, code: str) -> str:
        return next((lang.name for lang in self.all if lang.code == code), code)

    def prefix(self, code: str) -> str:
        """Site-relative folder of a language: '' for the default one, 'sv/' for another."""
        return "" if code == self.default else f"{code}/"


@dataclass(frozen=True)
class FooterLink:
    page: str  # a default-language file under docs/<default>/
    label: str  # a key of the string tables


@dataclass(frozen=True)
class Licence:
    id: str  # SPDX identifier: 'CC-BY-4.0'
    title: str  # 'CC BY 4.0'
    url: str  # the licence's own address


@dataclass(frozen=True)
class Theme:
    """A theme of the EU data-theme vocabulary, with its labels (the catalog's subject)."""

    code: str  # 'GOVE'
    labels: tuple[tuple[str, str], ...]  # (language, the vocabulary's label)


@dataclass(frozen=True)
class OpenData:
    name: str  # stem of the export files and of citation ids: 'hankinta-suomi'
    publisher: str  # an organisation id of the data
    page: str | None  # the page that describes the files (default-language file)
    title: Text
    description: Text
    keywords: tuple[tuple[str, tuple[str, ...]], ...]  # (language, keywords)
    licence: Licence
    theme: Theme


@dataclass(frozen=True)
class Programme:
    name: Text  # 'Hankinta-Suomi'
    years: tuple[int, int]  # first and last year, both included


@dataclass(frozen=True)
class Settings:
    """Everything the generator reads from mkdocs.yml."""

    languages: Languages
    programme: Programme
    open_data: OpenData
    nav: tuple[str, ...] = ()
    footer: tuple[FooterLink, ...] = ()
    feedback: tuple[str, str] = ("", "")  # e-mail, web form (checked by kb.statement)
    key_results: tuple[str, ...] = ()
    search_page: str | None = None
    issue_form: str | None = None  # .github/ISSUE_TEMPLATE/<file>, the feedback fallback
    texts: tuple[tuple[str, Text], ...] = ()  # UI strings this site words its own way


class SettingsErrors(Exception):
    """Problems in mkdocs.yml, each naming its setting."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n  ".join(problems))
        self.problems = problems

    def report(self) -> str:
        return f"{len(self.problems)} problems in mkdocs.yml; nothing was built:\n  " + "\n  ".join(
            self.problems
        )


def _shown(value: object) -> str:
    if isinstance(value, str):
        return f"the text {value!r}"
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if isinstance(value, Mapping):
        return "a mapping (key: value lines)"
    if isinstance(value, list):
        return "a list"
    return "nothing" if value is None else f"{value!r}"


class _Reader:
    """Reads one value at a time; a wrong one is noted with its path and skipped."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def fail(self, where: str, expected: str, found: object = ...) -> None:
        seen = "" if found is ... else f", found {_shown(found)}"
        self.problems.append(f"mkdocs.yml {where}: expected {expected}{seen}")

    def mapping(self, value: object, where: str, keys: dict[str, bool]) -> Mapping[str, Any]:
        """A mapping with these keys (True: required); unknown keys are named."""
        if not isinstance(value, Mapping):
            self.fail(where, "a mapping of " + ", ".join(keys), value)
            return {}
        for key in value:
            if key not in keys:
                close = difflib.get_close_matches(str(key), list(keys), n=1)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                self.problems.append(
                    f"mkdocs.yml {where}.{key}: not a setting (the settings are "
                    f"{', '.join(keys)}){hint}"
                )
        for key, required in keys.items():
            if required and key not in value:
                self.problems.append(f"mkdocs.yml {where}.{key}: missing; this setting is required")
        return value

    def text(self, value: object, where: str, what: str = "a text") -> str | None:
        if isinstance(value, str) and value.strip():
            return value.strip()
        self.fail(where, what, value)
        return None

    def page(self, value: object, where: str) -> str | None:
        if isinstance(value, str) and value.endswith(".md") and "\\" not in value:
            return value
        self.fail(where, "the file name of a hand-written page, e.g. 'ohjelma.md'", value)
        return None

    def items(self, value: object, where: str, read: Callable[[object, str], T | None]) -> list[T]:
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(where, "a list (lines starting with '- ')", value)
            return []
        out = [read(item, f"{where}[{n}]") for n, item in enumerate(value)]
        return [item for item in out if item is not None]

    def texts(self, value: object, where: str, codes: tuple[str, ...]) -> Text | None:
        found = self.mapping(value, where, dict.fromkeys(codes, True))
        read = {code: self.text(found[code], f"{where}.{code}") for code in codes if code in found}
        if not all(read.get(code) for code in Text.languages()):
            return None
        return Text(**{code: str(read[code]) for code in Text.languages()})


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
            f"'{root}' at the site's root (kb.links); make '{root}' the default language"
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
    r = _Reader()
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
    open_data = _open_data(r, raw.get("open_data"), codes) if "open_data" in raw else None
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


def _texts(r: _Reader, value: object, codes: tuple[str, ...]) -> tuple[tuple[str, Text], ...]:
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


def _footer(r: _Reader, value: object, where: str) -> FooterLink | None:
    entry = r.mapping(value, where, {"page": True, "label": True})
    page = r.page(entry.get("page"), f"{where}.page") if "page" in entry else None
    label = (
        r.text(entry["label"], f"{where}.label", "a key of hooks/strings/*.yaml")
        if "label" in entry
        else None
    )
    return FooterLink(page, label) if page and label else None


def _programme(r: _Reader, value: object, codes: tuple[str, ...]) -> Programme | None:
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


def _open_data(r: _Reader, value: object, codes: tuple[str, ...]) -> OpenData | None:
    where = "extra.kb.open_data"
    keys = {f.name: f.name != "page" for f in fields(OpenData)}
    raw = r.mapping(value, where, keys)
    name = r.text(raw.get("name"), f"{where}.name") if "name" in raw else None
    if name and not _NAME.fullmatch(name):
        r.fail(f"{where}.name", "lowercase letters, digits and hyphens, e.g. 'my-programme'", name)
        name = None
    publisher = (
        r.text(raw["publisher"], f"{where}.publisher", "an organisation id")
        if "publisher" in raw
        else None
    )
    page = r.page(raw["page"], f"{where}.page") if raw.get("page") is not None else None
    title = r.texts(raw.get("title"), f"{where}.title", codes) if "title" in raw else None
    about = raw.get("description")
    description = r.texts(about, f"{where}.description", codes) if "description" in raw else None
    words = (
        r.mapping(raw["keywords"], f"{where}.keywords", dict.fromkeys(codes, True))
        if "keywords" in raw
        else {}
    )
    keywords = []
    for code in codes:
        found = r.items(words.get(code), f"{where}.keywords.{code}", r.text) if words else []
        keywords.append((code, tuple(found)))
    licence = _licence(r, raw.get("licence"), f"{where}.licence") if "licence" in raw else None
    theme = _theme(r, raw.get("theme"), f"{where}.theme") if "theme" in raw else None
    parts = (name, publisher, title, description, licence, theme)
    if any(part is None for part in parts) or name is None or publisher is None:
        return None
    assert title and description and licence and theme  # narrowed for the type checker
    return OpenData(name, publisher, page, title, description, tuple(keywords), licence, theme)


def _theme(r: _Reader, value: object, where: str) -> Theme | None:
    raw = r.mapping(value, where, {"code": True, "label": True})
    expected = "an EU data theme, e.g. 'GOVE'"
    code = r.text(raw["code"], f"{where}.code", expected) if "code" in raw else None
    if code and not re.fullmatch(r"[A-Z]{4}", code):
        r.fail(f"{where}.code", "an EU data theme, e.g. 'GOVE'", code)
        code = None
    labels = raw.get("label")
    if "label" in raw and not (isinstance(labels, Mapping) and labels):
        r.fail(f"{where}.label", "the theme's label per language, e.g. {en: ..., fi: ...}", labels)
        labels = {}
    read = [(str(k), r.text(v, f"{where}.label.{k}")) for k, v in (labels or {}).items()]
    if not code or not read or any(text is None for _, text in read):
        return None
    return Theme(code, tuple((k, str(text)) for k, text in read))


def _licence(r: _Reader, value: object, where: str) -> Licence | None:
    raw = r.mapping(value, where, {"id": True, "title": True, "url": True})
    ident = r.text(raw.get("id"), f"{where}.id", "an SPDX licence id, e.g. 'CC-BY-4.0'")
    if ident and not _LICENCE_ID.fullmatch(ident):
        r.fail(f"{where}.id", "an SPDX licence id, e.g. 'CC-BY-4.0'", ident)
    title = r.text(raw.get("title"), f"{where}.title")
    url = r.text(raw.get("url"), f"{where}.url", "the licence's https:// address")
    if url and not url.startswith("https://"):
        r.fail(f"{where}.url", "the licence's https:// address", url)
        url = None
    return Licence(ident, title, url) if ident and title and url else None
