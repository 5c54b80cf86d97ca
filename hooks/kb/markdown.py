"""The Markdown of data texts (a record's `body`): a small, explicit subset, rendered to
HTML that is checked after rendering, as the browser will read it.

Allowed: paragraphs, emphasis, links, lists, block quotes, headings (without ids, so they
cannot take the theme's ids such as `__config`), code, rules, line breaks and tables.
Not allowed: raw HTML (shown as text), attribute lists, Markdown inside HTML, images
(a picture from another host is a third-party request) and link targets other than
https://, http:// and mailto: addresses, wherever the link's reference definition stands.
"""

from __future__ import annotations

from functools import lru_cache
from html.parser import HTMLParser

import markdown
from markupsafe import Markup

from kb.weblinks import url_problem

# Elements Python-Markdown makes from the subset, and the attributes each may carry.
_ALLOWED: dict[str, frozenset[str]] = {
    **{
        tag: frozenset()
        for tag in (
            "p",
            "em",
            "strong",
            "code",
            "pre",
            "blockquote",
            "ul",
            "ol",
            "li",
            "hr",
            "br",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "table",
            "thead",
            "tbody",
            "tr",
        )
    },
    "a": frozenset({"href", "title"}),
    "th": frozenset({"style"}),
    "td": frozenset({"style"}),
    "ol": frozenset({"start"}),
}
_ALIGN = frozenset(f"text-align: {side};" for side in ("left", "right", "center"))


def _markdown() -> markdown.Markdown:
    md = markdown.Markdown(extensions=["tables"], output_format="html")
    # Raw HTML is text: `<b>` is shown as `<b>`, never passed through.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


@lru_cache(maxsize=4096)  # the same text is checked at validation and rendered on its page
def _convert(text: str) -> str:
    return _markdown().convert(text)


class _Checker(HTMLParser):
    """Reads the rendered HTML as a browser does (character references decoded) and
    notes every element, attribute or address outside the subset."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        allowed = _ALLOWED.get(tag)
        if allowed is None:
            self.problems.append(
                "images are not allowed in texts (link to the picture instead)"
                if tag == "img"
                else f"the element <{tag}> is not allowed in texts"
            )
            return
        for name, value in attrs:
            if name not in allowed:
                self.problems.append(f"the attribute '{name}' is not allowed in texts")
            elif name == "href":
                problem = url_problem(value or "")
                if problem:
                    problem = problem.replace("a web address must", "a link in a text must")
                    if not problem.startswith("a link"):
                        problem = f"a link in a text: {problem}"
                    self.problems.append(f"{problem} (found '{_show(value)}')")
            elif name == "style" and value not in _ALIGN:
                self.problems.append(f"the style '{_show(value)}' is not allowed in texts")
            elif name == "start" and not (value or "").isdigit():
                self.problems.append("a list cannot start at that number")

    handle_startendtag = handle_starttag


def _show(value: str | None) -> str:
    value = (value or "").replace("\n", "\\n")
    return value if len(value) <= 40 else value[:37] + "..."


def problems(text: str) -> list[str]:
    """What in `text` falls outside the subset (empty when it may be published).

    Without '[' and '<' the subset can make no link, image or HTML: only paragraphs,
    emphasis, lists, quotes, headings, code, rules and tables, which are all allowed."""
    if "[" not in text and "<" not in text:
        return []
    checker = _Checker()
    checker.feed(_convert(text))
    checker.close()
    return list(dict.fromkeys(checker.problems))


def render(text: str) -> Markup:
    """`text` as HTML of the subset. Only call it on text `problems` accepted (the data
    is validated before anything is built); anything else renders as escaped text."""
    if problems(text):
        return Markup("<p>{}</p>").format(text)
    return Markup(_convert(text))
