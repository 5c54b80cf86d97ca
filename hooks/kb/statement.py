"""The accessibility statement's two facts that come from the publisher, not from the
data: where readers send feedback, and when the statement was prepared and reviewed
(Act on the Provision of Digital Services 306/2019, section 15)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kb.pairs import front_matter
from kb.views.format import format_date
from kb.weblinks import url_problem

# One address, no display name: 'name@example.org'.
_EMAIL = re.compile(r"[^@\s<>\"'()]+@[^@\s<>\"'()]+\.[A-Za-z]{2,}")
TEMPLATE = "kb-statement.html"


def issue_form(name: str) -> str:
    """The address, under the repository's, of its issue form `name` (a file in
    .github/ISSUE_TEMPLATE/, mkdocs.yml extra.kb.issue_form)."""
    return f"issues/new?template={name}"


@dataclass(frozen=True)
class Feedback:
    """The publisher's feedback channel: an e-mail address, a web form, or both."""

    email: str | None
    url: str | None
    # True for the repository's issue form on GitHub: readers need a GitHub account.
    needs_account: bool = False


def feedback_channel(
    configured: Mapping[str, Any], environ: Mapping[str, str], form: str | None = None
) -> tuple[Feedback | None, list[str]]:
    """The channel set in mkdocs.yml (extra.kb.feedback: email, url), or else the issue
    form `form` (extra.kb.issue_form) of the GitHub repository the build runs in; None
    when there is neither.
    Returns the channel and the problems with what was configured."""
    problems = []
    email = str(configured.get("email") or "").strip() or None
    url = str(configured.get("url") or "").strip() or None
    if email is not None and (
        not _EMAIL.fullmatch(email) or url_problem(f"mailto:{email}", schemes=("mailto",))
    ):
        problems.append(
            f"extra.kb.feedback.email (KB_FEEDBACK_EMAIL): '{email}' is not an e-mail address"
        )
    problem = url_problem(url, schemes=("https",)) if url is not None else None
    if problem:
        problems.append(f"extra.kb.feedback.url (KB_FEEDBACK_URL): {problem} (found {url!r})")
    if problems:
        return None, problems
    if email or url:
        return Feedback(email, url), []
    server, repository = environ.get("GITHUB_SERVER_URL"), environ.get("GITHUB_REPOSITORY")
    if server and repository and form:
        url = f"{server.rstrip('/')}/{repository}/{issue_form(form)}"
        problem = url_problem(url, schemes=("https",))
        if problem:
            return None, [
                f"GITHUB_SERVER_URL and GITHUB_REPOSITORY give the issue form {url!r}: {problem}"
            ]
        return Feedback(None, url, needs_account=True), []
    return None, []


@dataclass(frozen=True)
class StatementDates:
    prepared: str
    reviewed: str


def statement_dates(
    meta: Mapping[str, Any], src: str, table: Mapping[str, str]
) -> tuple[StatementDates | None, list[str]]:
    """The dates in the statement page's front matter (statement_prepared,
    statement_reviewed), written for readers; the problems when they are missing or wrong."""
    values: dict[str, dt.date] = {}
    problems = []
    for key in ("statement_prepared", "statement_reviewed"):
        value = meta.get(key)
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            values[key] = value
        else:
            problems.append(
                f"{src}: front matter '{key}' must be a date written YYYY-MM-DD, found {value!r}"
            )
    if problems:
        return None, problems
    prepared, reviewed = values["statement_prepared"], values["statement_reviewed"]
    if reviewed < prepared:
        return None, [
            f"{src}: front matter 'statement_reviewed' ({reviewed}) is before "
            f"'statement_prepared' ({prepared})"
        ]
    return StatementDates(
        format_date(prepared.isoformat(), table), format_date(reviewed.isoformat(), table)
    ), []


def statement_problems(docs_dir: Path, table: Mapping[str, str]) -> list[str]:
    """The date problems of every statement page (template kb-statement.html), found
    before anything is written so that a wrong date never leaves a half-built site."""
    problems = []
    for file in sorted(docs_dir.rglob("*.md")):
        where = f"docs/{file.relative_to(docs_dir).as_posix()}"
        try:
            meta, _ = front_matter(file.read_text(encoding="utf-8"), where)
        except UnicodeDecodeError:
            continue  # reported by kb_pairs.handwritten
        if meta.get("template") == TEMPLATE:
            problems += statement_dates(meta, where, table)[1]
    return problems
