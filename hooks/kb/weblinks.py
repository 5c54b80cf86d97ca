"""Web addresses from data and settings, checked after parsing them the way a browser
would (`urllib.parse.urlsplit`), never with a pattern over the text.

One rule for every address that reaches a page, a feed, the sitemap or an export:
the scheme is https, http or mailto; a web address has a host; nothing in it is
whitespace, a double quote, an angle bracket, a backslash, a control, bidi or invisible
character. A value that passes can be printed in an HTML attribute (escaped) and in XML.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

WEB_SCHEMES = ("https", "http")
SCHEMES = (*WEB_SCHEMES, "mailto")
# Characters that end or disguise an address: ASCII controls and space, quotes,
# angle brackets, backslash, backtick, braces and the pipe (never needed unescaped).
_FORBIDDEN_ASCII = frozenset([chr(c) for c in range(0x21)] + ["\x7f", *'"<>\\`{}|^'])
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_HOST = re.compile(rf"(?=.{{1,253}}\Z){_LABEL}(\.{_LABEL})*\.?")
_MAILBOX = re.compile(
    r"[A-Za-z0-9.!#$%&*+/=?_~-]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?\.[A-Za-z]{2,}"
)


def _bad_character(value: str) -> str | None:
    for char in value:
        if char in _FORBIDDEN_ASCII:
            name = {
                " ": "a space",
                '"': "a quote",
                "'": "a quote",
                "<": "an angle bracket",
                ">": "an angle bracket",
            }.get(char)
            return name or f"the character U+{ord(char):04X}"
        if ord(char) > 0x7F and unicodedata.category(char)[0] in "CZ":
            # controls, format characters (bidi, zero-width), separators, unassigned
            return f"the invisible character U+{ord(char):04X}"
    return None


def url_problem(value: object, *, schemes: tuple[str, ...] = SCHEMES) -> str | None:
    """Why `value` is not an address we publish, or None when it is one.

    The message says what was found; the caller names the field or setting."""
    if not isinstance(value, str) or not value:
        return "expected a web address, got nothing"
    names = [f"{s}://" if s in WEB_SCHEMES else f"{s}:" for s in schemes]
    allowed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
    scheme = value.partition(":")[0].lower() if ":" in value else ""
    if scheme not in schemes:  # the scheme first: 'javascript:' is the problem, not a quote
        return f"a web address must start with {allowed}"
    bad = _bad_character(value)
    if bad:
        return f"a web address cannot contain {bad}"
    try:
        parts = urlsplit(value)
        port = parts.port  # raises ValueError for a port that is not a number
    except ValueError:
        return "this is not a valid web address"
    if scheme == "mailto":
        address = parts.path
        if parts.netloc or parts.query or parts.fragment or not _MAILBOX.fullmatch(address):
            return "expected mailto: and one e-mail address, e.g. mailto:kirjaamo@vm.fi"
        return None
    if not value[len(scheme) + 1 :].startswith("//"):
        return f"a web address must start with {allowed}"
    host = parts.hostname or ""
    if parts.username is not None or parts.password is not None:
        return "a web address cannot contain a user name or password (something@ before the host)"
    try:
        ascii_host = host.encode("idna").decode("ascii") if host and not host.isascii() else host
    except UnicodeError:
        return f"the host '{host}' is not a valid domain name"
    if not ascii_host or not _HOST.fullmatch(ascii_host) or "." not in ascii_host.strip("."):
        return f"the address has no valid host ('{host}' is not a domain name such as vm.fi)"
    if port == 0:
        return "this is not a valid web address (port 0)"
    return None
