"""Texts and addresses that are safe to publish: no forbidden characters, no text too long
or with nothing visible, addresses that parse, Markdown the pages can render, and no HTML."""

from __future__ import annotations

import re
from typing import Any

from kb.chars import forbidden_problem, is_visible
from kb.errors import show
from kb.load import PathKey
from kb.markdown import problems as markdown_problems
from kb.validate.locate import Collector
from kb.validate.walk import is_text_field, markdown_texts, shown_strings, strings, urls
from kb.weblinks import url_problem

MAX_TEXT = 50_000  # characters in one text (a body of about 20 printed pages)
# A tag, comment or declaration starts with '<' directly followed by a letter, '/', '!' or '?'
# (that is how browsers and Markdown read it); "a < b", with a space, is plain text.
_HTML = re.compile(r"<[A-Za-z/!?][A-Za-z0-9-]*")


def text_errors(found: Collector, data: dict[str, Any]) -> None:
    """Characters, lengths, visibility, addresses and Markdown of every text."""
    refused: set[PathKey] = set()  # one message per value: its characters, then the rest
    for path, text in strings(data, ()):
        problem = forbidden_problem(text)
        if problem:
            refused.add(path)
            found.add(path, problem)
        elif len(text) > MAX_TEXT:
            found.add(path, f"the text is {len(text)} characters long; the limit is {MAX_TEXT}")
        elif text.strip() and not is_visible(text) and is_text_field(path):
            found.add(
                path,
                "the text has no visible character (only invisible or blank ones); "
                "write the text or remove the field",
            )
    for path, url in urls(data):
        problem = None if path in refused else url_problem(url)
        if problem:
            found.add(path, f"{problem} (found '{show(url)}')")
    for path, text in markdown_texts(data):
        for problem in markdown_problems(text):
            found.add(path, problem)


def html_errors(found: Collector, data: dict[str, Any]) -> None:
    """Every shown text that holds HTML."""
    for path, text in shown_strings(data):
        tag = _HTML.search(text)
        if tag:
            found.add(
                path,
                f"HTML is not allowed in texts (found '{show(tag.group())}'); use "
                "Markdown formatting, or put a space after a less-than sign",
            )


def raw_text_ok(text: str) -> bool:
    """True when the file itself has no HTML: then no text in it has any. Without
    backslash escapes every character of a value is in the file; YAML only drops
    indentation and turns line breaks into spaces, which the pattern cannot match across."""
    return "\\" not in text and not _HTML.search(text)


def texts_ok(data: dict[str, Any]) -> bool:
    """True when no shown text has HTML: the check of `html_errors`, on all texts at
    once. The separator between them cannot be part of the pattern."""
    return not _HTML.search("\n\x00\n".join(text for _, text in shown_strings(data)))
