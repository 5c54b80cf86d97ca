"""The vocabulary of one language's pages: every word, most frequent first, with its base
forms and compound parts (kb.search.morph), in shards by the words' first letters. The
index adds the expansions to each page's copy (`expand_text`); the search page rewrites
queries with the shards its words need (assets/search.js)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from kb.search.morph import (
    WORD,
    Analyse,
    Expansion,
    MorphologyError,
    finnish_expansion,
    split_hyphens,
    swedish_expansion,
)


@dataclass(frozen=True)
class Vocabulary:
    """The site's words in one language, most frequent first, with their expansions."""

    forms: tuple[str, ...]
    expansions: Mapping[str, Expansion]

    def to_json(self) -> dict[str, object]:
        """The map the search page loads: form -> [bases, parts] where they add words;
        `words` lists every form, most frequent first, then the base forms the text does
        not have as such (for 'did you mean' and for recognising a reader's word)."""
        table: dict[str, list[list[str]]] = {}
        known = set(self.forms)
        bases: dict[str, list[str]] = {}  # base forms the text never has as such
        for form in self.forms:
            exp = self.expansions.get(form)
            if exp and exp.words(form):
                table[form] = [[b for b in exp.bases if b != form], list(exp.parts)]
                for base in exp.bases:
                    if base not in known and base not in bases:
                        bases[base] = list(exp.parts)
        for base, parts in bases.items():
            if parts:
                table[base] = [[], parts]
        return {"words": list(self.forms) + list(bases), "map": table}


def count_words(texts: Iterable[str]) -> tuple[Counter[str], dict[str, str]]:
    """How often each lower-cased word occurs, and the spelling it first had (Voikko
    needs the capital of a name, and an acronym is recognised by its capitals)."""
    surfaces: Counter[str] = Counter()  # each spelling, in the order it first occurs
    for text in texts:
        surfaces.update(WORD.findall(text))
    counts: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    for word, count in surfaces.items():
        low = word.lower()
        counts[low] += count
        spelling.setdefault(low, word)
    return counts, spelling


def build_vocabulary(
    counts: Counter[str], spelling: Mapping[str, str], lang: str, analyse: Analyse | None
) -> Vocabulary:
    """Expansions of every distinct word the site uses in `lang` (the analyser sees each
    word once, in the spelling it first had)."""
    forms = tuple(sorted(counts, key=lambda w: (-counts[w], w)))
    expansions: dict[str, Expansion] = {}
    known = frozenset(forms)
    for form in forms:
        pieces = split_hyphens(spelling.get(form, form))
        if lang == "fi":
            if analyse is None:
                raise MorphologyError("Finnish search needs Voikko's analyser")
            fi = analyse
            exp = _join(finnish_expansion(p, fi) for p in pieces)
        else:
            exp = _join(swedish_expansion(p.lower(), known) for p in pieces)
        if len(pieces) > 1:
            lowered = tuple(p.lower() for p in pieces)
            exp = Expansion(exp.bases, tuple(dict.fromkeys(exp.parts + lowered)))
        if exp.bases or exp.parts:
            expansions[form] = exp
    return Vocabulary(forms, expansions)


SHARD_LETTERS = 2  # a shard holds the words that begin with the same two letters


def shard_key(word: str) -> str:
    """The shard a word belongs to: its first letters, as lower-case hex of their UTF-8
    (a safe file name; the search page computes the same)."""
    return word[:SHARD_LETTERS].encode("utf-8").hex()


def shards(table: Mapping[str, object]) -> dict[str, dict[str, object]]:
    """`Vocabulary.to_json()` split by `shard_key`: each shard keeps the words' order (most
    frequent first) and the map entries of its words, so a query loads only the shards of
    its words, however large the site's vocabulary grows."""
    out: dict[str, dict[str, object]] = {}
    words_ = table["words"]
    mapping = table["map"]
    assert isinstance(words_, list) and isinstance(mapping, dict)
    for word in words_:
        shard = out.setdefault(shard_key(word), {"words": [], "map": {}})
        shard["words"].append(word)  # type: ignore[attr-defined]
        if word in mapping:
            shard["map"][word] = mapping[word]  # type: ignore[index]
    return dict(sorted(out.items()))


def _join(expansions: Iterable[Expansion]) -> Expansion:
    bases: list[str] = []
    parts: list[str] = []
    for exp in expansions:
        bases += exp.bases
        parts += exp.parts
    return Expansion(tuple(dict.fromkeys(bases)), tuple(dict.fromkeys(parts)))


def expand_text(text: str, vocabulary: Vocabulary) -> list[str]:
    """The words to index beside `text`: each distinct expansion word once."""
    out: dict[str, None] = {}
    for form in dict.fromkeys(w.lower() for w in dict.fromkeys(WORD.findall(text))):
        exp = vocabulary.expansions.get(form)
        if exp:
            out.update(dict.fromkeys(exp.words(form)))
    return list(out)
