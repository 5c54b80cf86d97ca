"""What a hand-written page may not contain, checked in its rendered HTML.

Policy (README, editors' guide): hand-written pages are reviewed files and may use
Markdown and raw HTML for layout; they may not run code or leave the site unannounced:
no <script>, <iframe>, <object>, <embed> or <base>, no refresh <meta>, no event-handler attributes
(onclick ...), no javascript:, data: or vbscript: addresses, and no absolute link to the
site itself (link to the page's .md file, which MkDocs checks and which works under any
address the site is published at).
"""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urlsplit

_ELEMENTS = frozenset({"script", "iframe", "object", "embed", "base", "frame", "frameset"})
# Compared by local name, so that SVG's xlink:href is checked like href.
_URL_ATTRS = frozenset({"href", "src", "action", "formaction", "srcset", "poster", "data"})
_SCHEMES = frozenset({"", "http", "https", "mailto", "tel"})


class _PageChecker(HTMLParser):
    def __init__(self, own_host: str) -> None:
        super().__init__(convert_charrefs=True)
        self.own_host = own_host
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _ELEMENTS:
            self.problems.append(f"the element <{tag}> is not allowed in a page")
        values = {name: value or "" for name, value in attrs}
        if tag == "meta" and values.get("http-equiv", "").strip().lower() == "refresh":
            self.problems.append(
                'a <meta http-equiv="refresh"> moves the reader to another address; '
                "link to it instead"
            )
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"the attribute '{name}' (<{tag} {name}=...>) runs code")
            elif name.rpartition(":")[2] in _URL_ATTRS and value is not None:
                self._url(tag, name, value)

    handle_startendtag = handle_starttag

    def _url(self, tag: str, name: str, value: str) -> None:
        target = "".join(value.split())  # browsers drop whitespace and controls here
        try:
            parts = urlsplit(target)
        except ValueError:
            self.problems.append(f"the address '{value[:60]}' in <{tag} {name}> is not valid")
            return
        if parts.scheme.lower() not in _SCHEMES:
            self.problems.append(
                f"the address '{value[:60]}' in <{tag} {name}> starts with '{parts.scheme}:'; "
                "only https://, http://, mailto: and tel: addresses and links to pages are allowed"
            )
        elif parts.hostname and parts.hostname.lower() == self.own_host:
            self.problems.append(
                f"the link '{value[:60]}' is an absolute address of this site; link to the "
                "page's .md file instead (e.g. [text](ohjelma.md)), which MkDocs checks"
            )


def page_problems(html: str, own_host: str) -> list[str]:
    """What in a hand-written page's HTML breaks the policy above."""
    checker = _PageChecker(own_host.lower())
    checker.feed(html)
    checker.close()
    return list(dict.fromkeys(checker.problems))
