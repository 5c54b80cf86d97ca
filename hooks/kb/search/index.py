"""Per-language full-text search with Pagefind (Snowball stemming), written to `pagefind/`
inside the built site.

Pagefind holds about 140 KB of memory per indexed page until it writes its bundle, so a
large site is indexed in batches of at most `PAGES_PER_BUNDLE` pages, one Pagefind run and
one bundle each (`pagefind/fi-01/`, `pagefind/fi-02/`, `pagefind/sv-01/`, ...).
`pagefind/bundles.json` lists the bundles of each language; the search page loads the
first and merges the others into it (Pagefind's `mergeIndex`), so results are ranked
together. The site of the real data has one bundle per language.

Pagefind reads a prepared copy of each page (kb.search.prep, kb.search.text): repeated
labels left out, base forms and compound parts of its words added (kb.search.morph and
kb.search.vocabulary, Voikko for Finnish).
`pagefind/vocab-<lang>/` is the vocabulary the search page rewrites queries with: every
word of the language's pages, most frequent first, with base forms and parts, in shards by
the words' first two letters (`<hex>.json`; `index.json` lists them and the organisations),
so that a query loads only the shards of its own words.
"""

from __future__ import annotations

import functools
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from kb.search.morph import Analyse, MorphologyError, voikko_analyser
from kb.search.prep import PageInfo, with_extra
from kb.search.text import Span, cut_header, ignore_repeated, read_page
from kb.search.vocabulary import Vocabulary, build_vocabulary, count_words, expand_text, shards

TIMEOUT_SECONDS = 600
SEARCH_DIR = "pagefind"
MANIFEST = "bundles.json"
VOCABULARY = "vocab-{lang}"
# 4,000 pages: about 0.6 GB for Pagefind (measured: 3,000 record pages 0.40 GB,
# 10,000 record pages 1.43 GB).
PAGES_PER_BUNDLE = 4000
# Pagefind runs at once (while one runs, the next batch's pages are prepared): two bundles
# of at most 4,000 pages are about 1.2 GB together.
PARALLEL_RUNS = 2
_MARK = b"data-pagefind-body"


class SearchError(Exception):
    """Pagefind failed or is not installed."""


def plan_bundles(
    site_dir: Path,
    langs: Sequence[str],
    per_bundle: int = PAGES_PER_BUNDLE,
    only: str | None = None,
) -> dict[str, list[list[str]]]:
    """The pages to index (those that mark their content with data-pagefind-body), by
    language (the first language at the root, the others under '<code>/'), in batches of
    at most `per_bundle` pages of about equal size; paths relative to `site_dir`, sorted.
    With `only`, that language's pages alone (its folder is all that is read)."""
    by_lang: dict[str, list[str]] = {code: [] for code in langs if only in (None, code)}
    top = site_dir / only if only is not None and only != langs[0] else site_dir
    for page in sorted(top.rglob("*.html")):
        rel = page.relative_to(site_dir).as_posix()
        first = rel.split("/", 1)[0]
        code = first if first in langs and first != langs[0] else langs[0]
        if code not in by_lang or first == SEARCH_DIR or _MARK not in page.read_bytes():
            continue
        by_lang[code].append(rel)
    plan = {}
    for code, pages in by_lang.items():
        if pages:
            count = math.ceil(len(pages) / per_bundle)
            size = math.ceil(len(pages) / count)
            plan[code] = [pages[i : i + size] for i in range(0, len(pages), size)]
    return plan


def bundle_name(lang: str, number: int) -> str:
    """The folder under `pagefind/` of a language's `number`-th bundle: 'fi-01'."""
    return f"{lang}-{number:02d}"


def build_index(
    site_dir: Path,
    langs: Sequence[str],
    infos: Mapping[str, PageInfo],
    per_bundle: int = PAGES_PER_BUNDLE,
    out: Path | None = None,
) -> dict[str, list[str]]:
    """Index the site in batches (see the module's text) into `out` (default: `pagefind/`
    of the site), every language in turn; return the bundles by language. `infos`
    describes the generated pages by site-relative path (kb.search.prep)."""
    out = site_dir / SEARCH_DIR if out is None else out
    shutil.rmtree(out, ignore_errors=True)
    manifest = {
        code: names
        for code in langs
        if (names := index_language(site_dir, code, langs, infos, per_bundle, out))
    }
    write_manifest(out, manifest)
    return manifest


def index_language(
    site_dir: Path,
    code: str,
    langs: Sequence[str],
    infos: Mapping[str, PageInfo],
    per_bundle: int = PAGES_PER_BUNDLE,
    out: Path | None = None,
) -> list[str]:
    """Index the pages of the language `code` alone into `out` (default: `pagefind/` of
    the site): its vocabulary and bundles, nothing of another language, so the languages
    can be indexed at the same time; return its bundles ([] when it has no page)."""
    out = site_dir / SEARCH_DIR if out is None else out
    out.mkdir(parents=True, exist_ok=True)
    batches = plan_bundles(site_dir, langs, per_bundle, only=code).get(code)
    if not batches:
        return []
    analyse, release = _analyser() if code == "fi" else (None, _nothing)
    try:
        return _index_language(site_dir, out, code, batches, infos, analyse)
    finally:
        release()


def write_manifest(out: Path, manifest: Mapping[str, list[str]]) -> None:
    """`pagefind/bundles.json`: the bundles of each language (the search page reads it)."""
    out.mkdir(parents=True, exist_ok=True)
    (out / MANIFEST).write_text(json.dumps(manifest, sort_keys=True), encoding="utf-8")


def _index_language(
    site_dir: Path,
    out: Path,
    code: str,
    batches: list[list[str]],
    infos: Mapping[str, PageInfo],
    analyse: Analyse | None,
) -> list[str]:
    """The vocabulary of one language, then one bundle per batch, at most `PARALLEL_RUNS`
    batches at a time; return the bundles in the batches' order."""
    read = {rel: read_page(_read(site_dir / rel)) for b in batches for rel in b}
    texts = {rel: text for rel, (text, _) in read.items()}
    spans = {rel: span for rel, (_, span) in read.items()}
    del read
    counts, spelling = count_words(texts.values())
    vocabulary = build_vocabulary(counts, spelling, code, analyse)
    orgs = sorted({org for rel in texts if rel in infos for org in infos[rel].orgs})
    folder = out / VOCABULARY.format(lang=code)
    folder.mkdir()
    parts = shards(vocabulary.to_json())
    _write_json(folder / "index.json", {"shards": list(parts), "orgs": orgs})
    for key, part in parts.items():
        _write_json(folder / f"{key}.json", part)
    names = [bundle_name(code, number) for number in range(1, len(batches) + 1)]
    prepare = functools.partial(_prepared, site_dir, infos, texts, spans, vocabulary)
    workers = max(1, min(PARALLEL_RUNS, len(batches), os.cpu_count() or 1))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        runs = [
            pool.submit(_index_batch, pages, prepare, out / name, site_dir.parent)
            for name, pages in zip(names, batches, strict=True)
        ]
    for run in runs:
        problem = run.exception()
        if problem is not None:
            raise problem
    return names


def _prepared(
    site_dir: Path,
    infos: Mapping[str, PageInfo],
    texts: Mapping[str, str],
    spans: Mapping[str, Span | None],
    vocabulary: Vocabulary,
    rel: str,
) -> str:
    """The copy of a page that Pagefind reads (kb.search.prep), without the header and
    navigation Pagefind does not index (kb.search.text.without_header)."""
    html = ignore_repeated(cut_header(_read(site_dir / rel), spans[rel]))
    return with_extra(html, infos.get(rel), expand_text(texts[rel], vocabulary))


def _write_json(path: Path, payload: object) -> None:
    path.write_text(
        json.dumps(payload, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )


def _nothing() -> None:
    pass


def _analyser() -> tuple[Analyse, Callable[[], None]]:
    try:
        return voikko_analyser()
    except MorphologyError as exc:
        raise SearchError(str(exc)) from None


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _index_batch(
    pages: list[str], prepare: Callable[[str], str], bundle: Path, scratch_parent: Path
) -> None:
    """One Pagefind run over the prepared copies of `pages`, written into a scratch folder
    that mirrors the site so that result URLs stay those of the site."""
    scratch = Path(tempfile.mkdtemp(prefix=".kb-pagefind-", dir=scratch_parent))
    try:
        for rel in pages:
            target = scratch / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(prepare(rel), encoding="utf-8")
        _run_pagefind(scratch, bundle)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    _sort_entry(bundle / "pagefind-entry.json")


def _run_pagefind(site: Path, bundle: Path) -> None:
    command = [
        sys.executable, "-m", "pagefind",
        "--site", str(site),
        "--output-path", str(bundle),
        "--silent",
    ]  # fmt: skip
    try:
        result = subprocess.run(
            command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SearchError(f"could not run Pagefind to build the search index: {exc}") from None
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip()
        raise SearchError(f"Pagefind failed to build the search index:\n{detail}")


def _sort_entry(path: Path) -> None:
    """Pagefind writes its entry file's languages in hash-map order; sort the keys so that
    two builds of the same input are byte-identical (the index files are content-named)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(data, sort_keys=True, separators=(",", ":")), encoding="utf-8")
