"""The settings schema (kb.settings): mkdocs.yml `extra.kb` and the i18n plugin's languages
read once into frozen typed values; every problem listed at once, named by its setting."""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path
from typing import Any

import pytest
from mkdocs.utils.yaml import yaml_load

from conftest import LANGUAGES, build
from kb.model import Text
from kb.settings import FooterLink, Licence, SettingsErrors, read_languages, read_settings
from kb.strings import own_texts, strings


@pytest.fixture(scope="module")
def extra(root: Path) -> dict[str, Any]:
    with open(root / "mkdocs.yml", encoding="utf-8") as file:
        return dict(yaml_load(file)["extra"])


def _problems(extra: dict[str, Any]) -> list[str]:
    with pytest.raises(SettingsErrors) as caught:
        read_settings(extra, LANGUAGES)
    return caught.value.problems


def test_the_real_settings_are_read_into_frozen_typed_values(extra: dict[str, Any]) -> None:
    settings = read_settings(extra, LANGUAGES)
    assert settings.nav[0] == "strategia.md" and settings.search_page == "haku.md"
    assert settings.footer[1] == FooterLink("avoin-data.md", "footer_open_data")
    assert settings.programme.name == Text("Hankinta-Suomi", "Hankinta-Suomi")
    assert settings.programme.years == (2019, 2023)
    data = settings.open_data
    assert (data.name, data.publisher, data.page) == ("hankinta-suomi", "vm", "avoin-data.md")
    assert data.licence == Licence(
        "CC-BY-4.0", "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"
    )
    assert dict(data.keywords)["sv"][0] == "offentlig upphandling"
    assert settings.issue_form == "saavutettavuus.yml"
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.nav = ()  # type: ignore[misc]
    hash(settings)  # a cache key (the open data is made once per settings and data)


def test_every_problem_is_listed_at_once_with_its_setting(extra: dict[str, Any]) -> None:
    bad = copy.deepcopy(extra)
    kb = bad["kb"]
    kb["nav"] = "strategia.md"  # a text, not a list: once "no page docs/fi/s"
    kb["footer"][1] = {"page": "avoin-data.md"}  # the label left out: once a KeyError
    kb["footer"][2]["label"] = 7
    kb["key_results"] = [3]
    kb["serch_page"] = kb.pop("search_page")
    kb["programme"]["years"] = [2023, 2019]
    kb["open_data"]["name"] = "Hankinta Suomi"
    kb["open_data"]["title"] = {"fi": "Otsikko"}
    kb["open_data"]["licence"]["url"] = "http://creativecommons.org/licenses/by/4.0/"
    problems = _problems(bad)
    expected = [
        "mkdocs.yml extra.kb.serch_page: not a setting (the settings are nav, footer, "
        "feedback, key_results, search_page, programme, open_data, issue_form, texts); did "
        "you mean 'search_page'?",
        "mkdocs.yml extra.kb.nav: expected a list (lines starting with '- '), found the "
        "text 'strategia.md'",
        "mkdocs.yml extra.kb.footer[1].label: missing; this setting is required",
        "mkdocs.yml extra.kb.footer[2].label: expected a key of hooks/strings/*.yaml, found 7",
        "mkdocs.yml extra.kb.key_results[0]: expected a record id, found 3",
        "mkdocs.yml extra.kb.programme.years: expected [first year, last year], e.g. "
        "[2019, 2023], found a list",
        "mkdocs.yml extra.kb.open_data.name: expected lowercase letters, digits and hyphens, "
        "e.g. 'my-programme', found the text 'Hankinta Suomi'",
        "mkdocs.yml extra.kb.open_data.title.sv: missing; this setting is required",
        "mkdocs.yml extra.kb.open_data.licence.url: expected the licence's https:// address, "
        "found the text 'http://creativecommons.org/licenses/by/4.0/'",
    ]
    assert problems == expected


def test_a_licence_address_the_catalog_cannot_write_is_a_setting_problem(
    extra: dict[str, Any],
) -> None:
    bad = copy.deepcopy(extra)
    bad["kb"]["open_data"]["licence"]["url"] = "https://creativecommons.org/licenses/by 4.0/>"
    assert _problems(bad) == [
        "mkdocs.yml extra.kb.open_data.licence.url: expected the licence's https:// address, "
        "found the text 'https://creativecommons.org/licenses/by 4.0/>'"
    ]


def test_wrong_types_and_missing_blocks_are_problems_not_tracebacks() -> None:
    problems = _problems({"kb": {"nav": [{"ohjelma": "x"}], "feedback": {"email": ["a"]}}})
    assert problems == [
        "mkdocs.yml extra.kb.programme: missing; this setting is required",
        "mkdocs.yml extra.kb.open_data: missing; this setting is required",
        "mkdocs.yml extra.kb.nav[0]: expected the file name of a hand-written page, e.g. "
        "'ohjelma.md', found a mapping (key: value lines)",
        "mkdocs.yml extra.kb.feedback.email: expected a text (or nothing), found a list",
    ]
    assert _problems({"kb": "x"})[0] == (
        "mkdocs.yml extra.kb: expected a mapping of nav, footer, feedback, key_results, "
        "search_page, programme, open_data, issue_form, texts, found the text 'x'"
    )


def test_the_old_flat_settings_say_where_they_moved(extra: dict[str, Any]) -> None:
    old = {**extra, "kb_nav": ["ohjelma.md"], "kb_search_page": "haku.md"}
    assert _problems(old) == [
        "mkdocs.yml extra.kb_nav: the settings are now under extra.kb; write it as 'nav:' there",
        "mkdocs.yml extra.kb_search_page: the settings are now under extra.kb; write it as "
        "'search_page:' there",
    ]


def test_languages_come_from_the_i18n_plugin_and_must_be_the_datas() -> None:
    entries = [("fi", "Suomi", True, ""), ("sv", "Svenska", False, "Resultat")]
    languages, problems = read_languages(entries, "Tulokset", "fi")
    assert problems == [] and languages is not None
    assert languages.codes == ("fi", "sv") and languages.default == "fi"
    assert [lang.site_name for lang in languages.all] == ["Tulokset", "Resultat"]
    assert (languages.prefix("fi"), languages.prefix("sv"), languages.name("sv")) == (
        "",
        "sv/",
        "Svenska",
    )
    where = "mkdocs.yml plugins.i18n.languages"
    english = [("fi", "Suomi", True, ""), ("en", "English", False, "")]
    _, problems = read_languages(english, "", "fi")
    assert problems == [
        f"{where}[1].locale: 'en' is not a language of the data: its texts are in fi, sv "
        "(schema/measures.schema.json)",
        f"{where}: the data has texts in sv too; add '- locale: sv'",
    ]
    _, problems = read_languages([("fi", "", False, ""), ("sv", "", True, "")], "", "fi")
    assert problems == [
        f"{where}: the default language is 'sv', but the pages' addresses put 'fi' at the "
        "site's root (kb.urls); make 'fi' the default language"
    ]


def test_a_sites_own_texts_replace_ui_strings_of_the_same_key_and_placeholders() -> None:
    tables = {code: strings(code) for code in ("fi", "sv")}
    texts = {
        "home_areas": {"fi": "Ohjelman viisi aluetta", "sv": "Programmets fem områden"},
        "home_area": {"fi": "x", "sv": "x"},
        "area_all_records": {"fi": "Kaikki {count}", "sv": "Alla {antal} {kind}"},
    }
    merged, problems = own_texts(tables, texts, "mkdocs.yml extra.kb.texts")
    assert merged["sv"]["home_areas"] == "Programmets fem områden"
    assert merged["fi"]["areas_title"] == tables["fi"]["areas_title"]
    assert problems == [
        "mkdocs.yml extra.kb.texts.home_area: not a key of hooks/strings/*.yaml; did you mean "
        "'home_areas'?",
        "mkdocs.yml extra.kb.texts.area_all_records.fi: the placeholders must be those of "
        "hooks/strings/fi.yaml ({count}, {kind})",
        "mkdocs.yml extra.kb.texts.area_all_records.sv: the placeholders must be those of "
        "hooks/strings/sv.yaml ({count}, {kind})",
    ]


def _edit(path: Path, *changes: tuple[str, str]) -> None:
    text = path.read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")


def test_a_build_lists_every_wrong_setting_at_once_without_a_traceback(
    project: Path,  # noqa: F811
) -> None:
    _edit(
        project / "mkdocs.yml",
        ("    nav:\n      - strategia.md\n", "    nav: strategia.md\n    old_nav:\n      - x.md\n"),
        ("search_page: haku.md", "search_page: 5"),
        ("years: [2019, 2023]", "years: 2019"),
    )
    result = build(project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    for message in (
        "mkdocs.yml extra.kb.old_nav: not a setting",
        "mkdocs.yml extra.kb.nav: expected a list (lines starting with '- '), found the text "
        "'strategia.md'",
        "mkdocs.yml extra.kb.search_page: expected the file name of a hand-written page",
        "mkdocs.yml extra.kb.programme.years: expected [first year, last year], e.g. "
        "[2019, 2023], found 2019",
    ):
        assert message in result.stderr, result.stderr[-3000:]
    assert not (project / "site").exists()


def test_settings_that_name_missing_pages_records_or_keys_are_listed_together(
    project: Path,  # noqa: F811
) -> None:
    _edit(
        project / "mkdocs.yml",
        ("label: footer_open_data", "label: footer_opendata"),
        ("search_page: haku.md", "search_page: hakuu.md"),
        ("      publisher: vm\n", "      publisher: ministry\n"),
        ("      - impact-indicator-set\n", "      - no-such-record\n"),
    )
    result = build(project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    for message in (
        "mkdocs.yml extra.kb.footer[1].label: 'footer_opendata' is not a key of "
        "hooks/strings/fi.yaml; did you mean 'footer_open_data'?",
        "mkdocs.yml extra.kb.search_page: no page docs/fi/hakuu.md",
        "mkdocs.yml extra.kb.open_data.publisher: 'ministry' is not an organisation id",
        "mkdocs.yml extra.kb.key_results[2]: no record 'no-such-record' in data/measures.yaml",
    ):
        assert message in result.stderr, result.stderr[-3000:]
