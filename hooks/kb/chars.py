"""Characters a published text may not hold, and how to name the ones an editor cannot see.

Refused anywhere in the data: control characters other than line break and tab (they
make the Atom feed invalid XML), Unicode non-characters and surrogates, and the bidi
controls that reorder text (U+202E can make 'exe.pdf' look like 'fdp.exe'). A text must
also have at least one visible character: letters, digits, punctuation or symbols other
than the blank-looking fillers (U+3164, U+2800 ...).
"""

from __future__ import annotations

import re
import unicodedata

_NONCHARACTERS = "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
)
FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff"
    "\ufdd0-\ufdef\ud800-\udfff" + re.escape(_NONCHARACTERS) + "]"
)
# Letters and symbols that show nothing: Hangul fillers, the blank Braille pattern,
# Khmer inherent vowels.
_FILLERS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u17b4\u17b5")
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def char_name(char: str) -> str:
    """'U+0430 CYRILLIC SMALL LETTER A'."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X} {name}" if name else f"U+{ord(char):04X}"


def forbidden_problem(text: str) -> str | None:
    """Why `text` cannot be published because of a character in it, or None."""
    found = FORBIDDEN.search(text)
    if found is None:
        return None
    char = found.group()
    what = (
        "a bidi control (it reorders the text around it)"
        if char in _BIDI
        else ("a control character or non-character")
    )
    return (
        f"the text contains {char_name(char)}, {what}, at character {found.start() + 1}; "
        "delete it (an escape such as \\x0b or \\u202e in quotes writes one)"
    )


def is_visible(text: str) -> bool:
    """True when `text` has a character a reader can see."""
    for char in text:
        if unicodedata.category(char)[0] in "LNPS" and char not in _FILLERS:
            return True
    return False


def odd_characters(value: str) -> str:
    """The characters of an id outside a-z, 0-9 and '-', named by code point, e.g.
    'U+0430 CYRILLIC SMALL LETTER A (not the Latin letter)'; '' when there are none."""
    odd = dict.fromkeys(c for c in value if not (c.isascii() and (c.isalnum() or c == "-")))
    if not odd:
        return ""
    names = []
    for char in odd:
        name = char_name(char)
        if unicodedata.category(char)[0] == "L" and not char.isascii():
            name += " (looks like a Latin letter but is not one)"
        elif not is_visible(char):
            name += " (invisible)"
        names.append(name)
    return "it contains " + ", ".join(names)
