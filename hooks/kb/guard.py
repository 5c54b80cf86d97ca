"""The guard against silent drops: after the build, and before the staged site replaces
the published one, every file the data and the hand-written pages imply must be in the
output, or the build fails naming what is missing and the last good site stays.

What is expected is worked out from the generator's own tables, never from what MkDocs
was handed: each page of the translation pairs (record, area, overview and listing pages,
hand-written pages) in every language, each language's 404 page, the sitemap, the files
the adapter promised (open data, robots.txt) and the search index that `bundles.json`
lists (a bundle and a vocabulary per language). A future MkDocs, theme or i18n plugin that
ignores a hook, skips a language or drops generated files is stopped here.

Pure apart from reading the built folder: no MkDocs import.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from kb.pairs import Pairs
from kb.search.index import MANIFEST, SEARCH_DIR, VOCABULARY, bundle_name
from kb.urls import BROWSE_PATH, MATRIX_PATH, OVERVIEW_PATH, RECORDS, lang_prefix

SHOWN_PER_GROUP = 5  # file names listed per group; the rest are counted
_GENERATED = (
    (f"{OVERVIEW_PATH}index.md", "overview pages"),
    (MATRIX_PATH, "overview pages"),
    (OVERVIEW_PATH, "area pages"),
    (BROWSE_PATH, "listing pages"),
    (RECORDS, "record pages"),
)


@dataclass(frozen=True)
class Expected:
    """A file the build must have written: its path inside the site folder and the group
    it is reported under (e.g. 'sv: record pages')."""

    group: str
    path: str


def _kind(source: str) -> str:
    return next(
        (kind for prefix, kind in _GENERATED if source.startswith(prefix)), "hand-written pages"
    )


def page_outputs(pairs: Pairs, langs: Sequence[str]) -> list[Expected]:
    """Every page of the translation pairs in every language, as the file MkDocs writes
    for it (directory URLs: 'sv/records/x/' -> 'sv/records/x/index.html'), and each
    language's 404 page."""
    out = []
    for lang in langs:
        sources = sorted(source for code, source in pairs.urls if code == lang)
        for source in sources:
            url = unquote(pairs.urls[(lang, source)][lang])
            out.append(Expected(f"{lang}: {_kind(source)}", url + "index.html"))
        out.append(Expected(f"{lang}: error page", lang_prefix(lang) + "404.html"))
    return out


def file_outputs(paths: Iterable[str], group: str) -> list[Expected]:
    """Files promised by name (site-relative paths), reported under `group`."""
    return [Expected(group, path) for path in paths]


def search_outputs(site_dir: Path, langs: Sequence[str]) -> list[Expected]:
    """The search index: its manifest, and for each language its vocabulary and the files
    the search page loads from each bundle the manifest lists (the first bundle when the
    manifest lists none: a language without an index is a silent drop too)."""
    group = "search index"
    out = [Expected(group, f"{SEARCH_DIR}/{MANIFEST}")]
    try:
        manifest = json.loads((site_dir / SEARCH_DIR / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        manifest = {}
    for lang in langs:
        listed = manifest.get(lang) if isinstance(manifest, dict) else None
        names = [str(n) for n in listed] if isinstance(listed, list) and listed else []
        for name in names or [bundle_name(lang, 1)]:
            out += [
                Expected(group, f"{SEARCH_DIR}/{name}/pagefind.js"),
                Expected(group, f"{SEARCH_DIR}/{name}/pagefind-entry.json"),
            ]
        out.append(Expected(group, f"{SEARCH_DIR}/{VOCABULARY.format(lang=lang)}/index.json"))
    return out


def missing(site_dir: Path, expected: Iterable[Expected]) -> list[Expected]:
    """The expected files that are not in `site_dir`, or are empty."""
    return [e for e in expected if not _written(site_dir / e.path)]


def _written(path: Path) -> bool:
    try:
        return path.is_file() and path.stat().st_size > 0
    except OSError:
        return False


def report(expected: Sequence[Expected], absent: Sequence[Expected]) -> str:
    """One message for every missing file, by group in the order expected (at most
    `SHOWN_PER_GROUP` names each), or '' when nothing is missing."""
    if not absent:
        return ""
    totals: dict[str, int] = {}
    for item in expected:
        totals[item.group] = totals.get(item.group, 0) + 1
    by_group: dict[str, list[str]] = {group: [] for group in totals}
    for item in absent:
        by_group.setdefault(item.group, []).append(item.path)
    lines = [
        f"the build did not write {len(absent)} of the {len(expected)} files that the data "
        "and the pages imply; the site was not replaced (the last good site is unchanged):"
    ]
    for group, paths in by_group.items():
        if not paths:
            continue
        shown = ", ".join(paths[:SHOWN_PER_GROUP])
        more = len(paths) - SHOWN_PER_GROUP
        rest = f" and {more} more" if more > 0 else ""
        lines.append(f"  {group} ({len(paths)} of {totals.get(group, len(paths))}): {shown}{rest}")
    lines.append(
        "A MkDocs, theme or plugin version that ignores the generator's hooks, or another "
        "hook or plugin in mkdocs.yml, drops files this way: compare the versions with "
        "requirements.txt and the hooks and plugins with the repository's mkdocs.yml."
    )
    return "\n".join(lines)


def dropped(
    site_dir: Path,
    pairs: Pairs,
    langs: Sequence[str],
    promised: Iterable[str],
    *,
    search: bool,
) -> str:
    """The guard's verdict on a built site: '' when every page of `pairs` in every
    language, the sitemap, the `promised` files (open data) and, with `search`, the search
    index are there; otherwise the located message of `report`."""
    expected = [
        *page_outputs(pairs, langs),
        Expected("sitemap", "sitemap.xml"),
        *file_outputs(promised, "open data and other files"),
        *(search_outputs(site_dir, langs) if search else []),
    ]
    return report(expected, missing(site_dir, expected))
