"""Words of the search index beyond their surface form: Finnish base forms and compound
parts (Voikko), Swedish compound parts (split against the site's own Swedish words).

Pagefind stems with Snowball, whose Finnish stems of one word often share no prefix
(hankinnoissa / hankinta); indexing each word's base form beside it makes every inflected
form of a word meet every other. The surface form is always kept; the expansions are only
added. Known slips of Voikko are guarded against: acronyms and words with digits are not
analysed (it "corrects" VN, TEAS), and when a word has noun or adjective readings its verb
readings are dropped (it turns some nouns into verbs).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

WORD = re.compile(r"[^\W\d_](?:[^\W_]|[-'’](?=[^\W\d_]))*", re.UNICODE)
MIN_PART = 3  # shorter compound parts ("ja", "tie") match too much
_VERB = "teonsana"
_MINEN = re.compile(r"^(\w{3,}m)(?:inen|ise\w*|is[te]\w*|iseen)$")
_SEGMENT = re.compile(r"\+([^+(]+)(?:\(([^)]*)\))?")


@dataclass(frozen=True)
class Expansion:
    """What one surface word adds to the index: base forms and compound parts."""

    bases: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()

    def words(self, surface: str) -> list[str]:
        """The added words, without the surface form and without repeats."""
        seen = {surface}
        out = []
        for word in self.bases + self.parts:
            if word not in seen:
                seen.add(word)
                out.append(word)
        return out


Analyse = Callable[[str], list[Mapping[str, str]]]


class MorphologyError(Exception):
    """Voikko (libvoikko with its Finnish dictionary) is not available."""


def voikko_analyser() -> tuple[Analyse, Callable[[], None]]:
    """Voikko's Finnish analyser and the function that releases it; `MorphologyError`
    with what to install when the library, the binding or the dictionary is missing."""
    hint = (
        "Finnish search needs Voikko: the Debian packages libvoikko1 and voikko-fi and the "
        "Python binding libvoikko (requirements.txt); run `bash scripts/setup`"
    )
    try:
        import libvoikko  # noqa: PLC0415 (optional at import time: the error says what to do)
    except ImportError:
        raise MorphologyError(f"{hint} (the Python binding is missing)") from None
    try:
        voikko = libvoikko.Voikko("fi")
    except (OSError, libvoikko.VoikkoException) as exc:
        raise MorphologyError(f"{hint} ({exc})") from None
    return voikko.analyze, voikko.terminate


def _compound_parts(wordbases: str) -> tuple[str, ...]:
    """'+hanki(hankkia)+nta(+ta)+yksikkö(yksikkö)' -> ('hankinta', 'yksikkö'): a new part
    starts at every segment that is a word of its own, derivational suffixes ('(+ta)') and
    bare endings ('+n') join the part before them."""
    parts: list[str] = []
    for text, base in _SEGMENT.findall(wordbases):
        if parts and (not base or base.startswith("+")):
            parts[-1] += text
        else:
            parts.append(text)
    return tuple(part.lower() for part in parts)


def _surface_parts(word: str, structure: str) -> list[str]:
    """The parts of a compound as written, from Voikko's STRUCTURE ('=' starts a part):
    'hankintaosaamistaan', '=pppppppp=ppppppppppp' -> ['hankinta', 'osaamistaan']."""
    parts: list[str] = []
    letters = iter(word)
    for mark in structure:
        if mark == "=":
            parts.append("")
        elif parts:
            parts[-1] += next(letters, "")
    return [p for p in parts if p]


def _noun_of_minen(word: str) -> str | None:
    """'työllistämisen' -> 'työllistäminen': Voikko reads some -minen nouns only as the
    verb they come from; their base form is rebuilt from the written form."""
    match = _MINEN.match(word.lower())
    return match.group(1) + "inen" if match else None


def _readings(word: str, analyse: Analyse) -> list[Mapping[str, str]]:
    readings = analyse(word)
    if any(r.get("CLASS") != _VERB for r in readings):
        readings = [r for r in readings if r.get("CLASS") != _VERB]
    return readings


def finnish_expansion(word: str, analyse: Analyse) -> Expansion:
    """Base forms and compound parts of one Finnish word; nothing for acronyms, words with
    digits and words Voikko does not know. A compound's parts are its word bases and the
    base forms of its written parts (hankintaosaamistaan -> hankinta, osaaminen)."""
    if len(word) < 3 or word.isupper() or any(ch.isdigit() for ch in word):
        return Expansion()
    readings = _readings(word, analyse)
    bases: list[str] = []
    parts: list[str] = []
    noun = _noun_of_minen(word)
    if readings and noun and not any((r.get("BASEFORM") or "").endswith("minen") for r in readings):
        bases.append(noun)
    for reading in readings:
        base = (reading.get("BASEFORM") or "").lower()
        if base and base not in bases:
            bases.append(base)
        split = list(_compound_parts(reading.get("WORDBASES") or ""))
        written = _surface_parts(word, reading.get("STRUCTURE") or "")
        if len(written) > 1:
            for piece in written:
                inner = [(r.get("BASEFORM") or "").lower() for r in _readings(piece, analyse)]
                tail = _noun_of_minen(piece)
                if tail and not any(b.endswith("minen") for b in inner):
                    inner.insert(0, tail)
                split += inner
        if len(split) > 1:
            parts += [p for p in split if len(p) >= MIN_PART]
    parts = [p for p in dict.fromkeys(parts) if p]
    return Expansion(tuple(bases), tuple(parts))


_SV_ENDINGS = ("arna", "erna", "orna", "ande", "ende", "ens", "ets", "ars", "ers", "en", "et",
               "ar", "er", "or", "na", "n", "s", "a", "e")  # fmt: skip


_SV_MIN = 4  # shorter Swedish parts are mostly endings and small words (ska, ens, som)
_SV_NOT_PARTS = frozenset(
    "bara efter eller från genom inte mellan samt sedan till under utan även över".split()
)  # fmt: skip


def swedish_expansion(word: str, vocabulary: frozenset[str]) -> Expansion:
    """Split a Swedish compound into two words of the site's own vocabulary, with or
    without a linking s or e: upphandlingslagen -> upphandling + lagen (+ lag)."""
    if len(word) < 2 * _SV_MIN:
        return Expansion()
    for cut in range(len(word) - _SV_MIN, _SV_MIN - 1, -1):  # longest first part first
        head, tail = word[:cut], word[cut:]
        if tail in _SV_NOT_PARTS:
            continue
        for link in ("s", "e", ""):
            if link and not head.endswith(link):
                continue
            first = head[: len(head) - len(link)] if link else head
            if len(first) < _SV_MIN or first not in vocabulary or first in _SV_NOT_PARTS:
                continue
            tails = [tail] + [tail[: -len(e)] for e in _SV_ENDINGS if tail.endswith(e)]
            known = [t for t in tails if len(t) >= 3 and t in vocabulary]
            if known:
                return Expansion(parts=(first, known[0]))
    return Expansion()


def words(text: str) -> list[str]:
    """The words of a text, in order, lower-cased (hyphenated words kept whole)."""
    return [word.lower() for word in WORD.findall(text)]


def split_hyphens(word: str) -> list[str]:
    """'EU-hankinnat' -> ['eu', 'hankinnat']: the parts of a hyphenated word."""
    return [p for p in re.split(r"[-'’]", word) if p]
