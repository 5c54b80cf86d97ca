"""Validation: schema plus cross-record rules, one located message per cause."""

from __future__ import annotations

import pytest
import yaml

from kb.load import parse
from kb.validate import validate


def errors_for(text: str) -> list[str]:
    loaded, errors = parse(text, "data/measures.yaml")
    assert loaded is not None, errors
    return [str(e) for e in validate(loaded, "data/measures.yaml")]


def edit(small_yaml: str, old: str, new: str) -> str:
    assert old in small_yaml, old
    return small_yaml.replace(old, new, 1)


def test_fixture_is_valid(small_yaml: str) -> None:
    assert errors_for(small_yaml) == []


def test_missing_swedish_title_names_line_record_and_field(small_yaml: str) -> None:
    text = edit(
        small_yaml,
        "title: {fi: Julkisten hankintojen mentorointiohjelma, "
        "sv: Mentorprogrammet för offentlig upphandling}",
        "title: {fi: Julkisten hankintojen mentorointiohjelma}",
    )
    [message] = errors_for(text)
    line = text.splitlines().index("    title: {fi: Julkisten hankintojen mentorointiohjelma}") + 1
    assert message.startswith(f"data/measures.yaml:{line}:")
    assert "record 'mentor-programme-2022', field 'title.sv': is missing" in message


def test_empty_text_is_reported(small_yaml: str) -> None:
    text = edit(small_yaml, "sv: Mentorprogrammet för offentlig upphandling}", 'sv: ""}')
    [message] = errors_for(text)
    assert "field 'title.sv': expected a non-empty text, got nothing" in message


def test_unknown_field_suggests_the_closest_name(small_yaml: str) -> None:
    text = edit(small_yaml, "    kind: training\n", "    kind: training\n    titel: x\n")
    [message] = errors_for(text)
    assert "unknown field 'titel'; did you mean 'title'?" in message


def test_yaml_boolean_where_text_is_expected_says_quote(small_yaml: str) -> None:
    text = edit(
        small_yaml, "label: {fi: osallistujaa, sv: deltagare}", "label: {fi: osallistujaa, sv: no}"
    )
    [message] = errors_for(text)
    assert "field 'figures[0].label.sv': expected a text, got the yes/no value false" in message
    assert "quotes" in message


def test_number_where_date_text_is_expected(small_yaml: str) -> None:
    text = edit(small_yaml, 'period: {start: "2019-09-05"', "period: {start: 2019")
    [message] = errors_for(text)
    assert "field 'period.start': expected a text, got the number 2019" in message


def test_references_must_resolve(small_yaml: str) -> None:
    text = edit(
        small_yaml,
        "related: [hs-programme]",
        "related: [hs-programme, hs-programm, mentor-programme-2022]",
    )
    found = errors_for(text)
    assert any(
        "there is no record with the id 'hs-programm'; did you mean 'hs-programme'?" in m
        for m in found
    )
    assert any("a record cannot be related to itself" in m for m in found)
    assert len(found) == 2


def test_unknown_area_and_organisation(small_yaml: str) -> None:
    text = edit(small_yaml, "areas: [procurement-competence]", "areas: [procurement-skills]")
    text = edit(
        text, "responsible: [vm], partners: [kuntaliitto]", "responsible: [vm], partners: [hansel]"
    )
    found = errors_for(text)
    assert any("no area with the id 'procurement-skills'" in m for m in found)
    assert any("no organisation with the id 'hansel'" in m for m in found)


def test_duplicate_ids_and_end_before_start(small_yaml: str) -> None:
    text = edit(small_yaml, "- id: hs-programme", "- id: mentor-programme-2022")
    text = edit(text, 'end: "2023-12-31"', 'end: "2018"')
    found = errors_for(text)
    assert any("the id 'mentor-programme-2022' is already used on line" in m for m in found)
    assert any("the end 2018 is before the start 2019-09-05" in m for m in found)


@pytest.mark.parametrize(
    "bad",
    ["<script>alert(1)</script>", "Klikkaa <a href='x'>tästä</a>", "<img src=x onerror=alert(1)>"],
)
def test_html_in_text_is_refused(small_yaml: str, bad: str) -> None:
    text = edit(small_yaml, "Ohjelmassa kokeneet", bad.replace('"', "'") + " Ohjelmassa kokeneet")
    [message] = errors_for(text)
    assert "field 'body.fi': HTML is not allowed" in message


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.org/x", "vm.fi/sv"])
def test_only_web_and_mail_links(small_yaml: str, url: str) -> None:
    text = edit(
        small_yaml,
        "sources: [https://vm.fi/sv/samarbetsforum-for-offentlig-upphandling]",
        f"sources: ['{url}']",
    )
    [message] = errors_for(text)
    assert "record 'hs-programme', field 'sources[0]': expected a web address" in message


def test_all_errors_are_reported_together(small_yaml: str) -> None:
    data = yaml.safe_load(small_yaml)
    data["records"][0]["kind"] = "meeting"
    data["records"][1]["status"] = "done"
    del data["records"][2]["summary"]
    found = errors_for(yaml.safe_dump(data, allow_unicode=True))
    assert len(found) == 3
    assert any("field 'kind': expected one of: measure" in m for m in found)


def test_a_described_date_field_gets_the_date_message(small_yaml: str) -> None:
    text = edit(
        small_yaml, "    status: completed\n", '    status: completed\n    added: "21.11.2026"\n'
    )
    [message] = errors_for(text)
    assert "field 'added': expected a date as text" in message
