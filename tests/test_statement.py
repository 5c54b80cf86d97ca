"""The accessibility statement's feedback channel and dates (kb_statement)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from kb.statement import Feedback, feedback_channel, issue_form, statement_dates
from kb.strings import strings

GITHUB = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "org/site"}
FORM = "saavutettavuus.yml"  # mkdocs.yml extra.kb.issue_form
ISSUE_FORM = issue_form(FORM)


def test_configured_email_and_form_win_over_the_repository() -> None:
    channel, problems = feedback_channel(
        {"email": " saavutettavuus@virasto.fi ", "url": "https://virasto.fi/palaute"}, GITHUB
    )
    assert problems == []
    assert channel == Feedback("saavutettavuus@virasto.fi", "https://virasto.fi/palaute")


def test_without_configuration_the_repository_issue_form_is_the_channel() -> None:
    channel, problems = feedback_channel({"email": "", "url": ""}, GITHUB, FORM)
    assert problems == []
    assert channel == Feedback(None, f"https://github.com/org/site/{ISSUE_FORM}", True)
    assert feedback_channel({}, GITHUB, None) == (None, [])  # no form configured


def test_without_configuration_or_repository_there_is_no_channel() -> None:
    assert feedback_channel({}, {}) == (None, [])


@pytest.mark.parametrize(
    ("configured", "message"),
    [
        ({"email": "palaute"}, "'palaute' is not an e-mail address"),
        ({"email": "Palaute <a@b.fi>"}, "is not an e-mail address"),
        ({"url": "http://virasto.fi/palaute"}, "must start with https://"),
        ({"url": "javascript:alert(1)"}, "must start with https://"),
        ({"url": 'https://virasto.fi/"><script>alert(1)</script>'}, "cannot contain a quote"),
        ({"url": "https://virasto.fi/\u202epalaute"}, "U+202E"),
    ],
)
def test_a_wrong_channel_is_a_problem_not_a_fallback(configured: dict, message: str) -> None:
    channel, problems = feedback_channel(configured, GITHUB)
    assert channel is None
    assert len(problems) == 1 and message in problems[0]


def test_the_issue_form_the_statement_links_to_exists(root: Path) -> None:
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (name,) = re.findall(r"^    issue_form: (\S+)$", config, flags=re.MULTILINE)
    form = root / ".github/ISSUE_TEMPLATE" / name
    spec = yaml.safe_load(form.read_text(encoding="utf-8"))
    assert {"name", "description", "body"} <= set(spec)
    assert any(item.get("validations", {}).get("required") for item in spec["body"])


def test_dates_are_written_for_readers() -> None:
    meta = {"statement_prepared": dt.date(2026, 11, 21), "statement_reviewed": dt.date(2027, 1, 5)}
    dates, problems = statement_dates(meta, "docs/fi/s.md", strings("fi"))
    assert problems == []
    assert (dates.prepared, dates.reviewed) == ("21.11.2026", "5.1.2027")


@pytest.mark.parametrize(
    ("meta", "message"),
    [
        ({"statement_prepared": dt.date(2026, 1, 1)}, "'statement_reviewed' must be a date"),
        (
            {"statement_prepared": "21.11.2026", "statement_reviewed": dt.date(2026, 1, 1)},
            "'statement_prepared' must be a date written YYYY-MM-DD, found '21.11.2026'",
        ),
        (
            {"statement_prepared": dt.date(2026, 2, 1), "statement_reviewed": dt.date(2026, 1, 1)},
            "'statement_reviewed' (2026-01-01) is before 'statement_prepared' (2026-02-01)",
        ),
    ],
)
def test_wrong_dates_are_located_problems(meta: dict, message: str) -> None:
    dates, problems = statement_dates(meta, "docs/fi/s.md", strings("fi"))
    assert dates is None
    assert any(p.startswith("docs/fi/s.md: ") and message in p for p in problems), problems


def test_both_languages_give_the_same_dates(root: Path) -> None:
    def front_matter(path: Path) -> dict:
        return yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])

    fi = front_matter(root / "docs/fi/saavutettavuusseloste.md")
    sv = front_matter(root / "docs/sv/tillganglighetsutlatande.md")
    for key in ("statement_prepared", "statement_reviewed"):
        assert fi[key] == sv[key]


def test_an_email_with_mail_headers_is_refused() -> None:
    channel, problems = feedback_channel({"email": "a?cc=evil@x.fi"}, {})
    assert channel is None
    assert problems == [
        "extra.kb.feedback.email (KB_FEEDBACK_EMAIL): 'a?cc=evil@x.fi' is not an e-mail address"
    ]


def test_a_hostile_github_server_url_gives_no_issue_form_link() -> None:
    environ = {"GITHUB_SERVER_URL": "javascript:alert(1)//", "GITHUB_REPOSITORY": "x/y"}
    channel, problems = feedback_channel({}, environ, FORM)
    assert channel is None
    assert len(problems) == 1 and problems[0].startswith("GITHUB_SERVER_URL and GITHUB_REPOSITORY")
    good, none = feedback_channel({}, {**environ, "GITHUB_SERVER_URL": "https://github.com"}, FORM)
    assert none == [] and good is not None
    assert good.url == "https://github.com/x/y/issues/new?template=saavutettavuus.yml"
