"""The site's settings as frozen, typed values: what the generator reads from mkdocs.yml
(`extra.kb`) and the i18n plugin's languages. No MkDocs imports."""

from __future__ import annotations

from dataclasses import dataclass

from kb.model import Text


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

    @classmethod
    def of_data(cls, default: str) -> Languages:
        """The data format's languages (those of `Text`), named by their codes: for tools
        that run without mkdocs.yml (the translations command)."""
        return cls(tuple(Language(code, code, "") for code in Text.languages()), default)

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
