"""Which page is the translation of which: the table behind the language switcher,
the hreflang links and the sitemap.

Hand-written pages pair by the same path in docs/fi/ and docs/sv/, or by a front-matter
`translation: other-name.md` on both sides. Generated pages always share their path.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import yaml

from kb.settings import Languages
from kb.urls import GENERATED_DIRS, source_url

_FRONT = re.compile(r"\A---\s*\n(.*?\n)(?:---|\.\.\.)\s*\n", re.S)


@dataclass(frozen=True)
class Pairs:
    """For each language and page source path, the page's URL in every language."""

    urls: dict[tuple[str, str], dict[str, str]]

    def alternates(self, lang: str, path: str) -> dict[str, str]:
        """URLs (site-relative, percent-encoded) of the page in all languages."""
        return self.urls.get((lang, path), {})

    def counterpart(self, lang: str, path: str, other: str) -> str | None:
        """Source path in `other` of the page `path` in `lang`."""
        url = self.alternates(lang, path).get(other)
        if url is None:
            return None
        for (code, candidate), urls in self.urls.items():
            if code == other and urls.get(other) == url:
                return candidate
        return None


def front_matter(text: str, where: str) -> tuple[dict[str, object], str | None]:
    """The page's front matter, or a located problem when it is not valid YAML."""
    match = _FRONT.match(text)
    if not match:
        return {}, None
    try:
        data = yaml.safe_load(match.group(1))
    except (ValueError, TypeError, OverflowError) as exc:  # e.g. the date 2019-02-30
        return {}, (
            f"{where}: a value in the front matter cannot be read ({_first_line(exc)}); "
            "write dates as YYYY-MM-DD with a real day, or put the value in quotes"
        )
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line, col = (mark.line + 2, mark.column + 1) if mark else (2, 1)  # after the '---' line
        problem = getattr(exc, "problem", None) or "not valid YAML"
        return {}, (
            f"{where}:{line}:{col}: the front matter (between the --- lines) is not valid YAML "
            f"({problem}); put a text that contains ': ' in quotes"
        )
    return (data if isinstance(data, dict) else {}), None


def _first_line(exc: Exception) -> str:
    return (str(exc).splitlines() or [type(exc).__name__])[0][:120]


def outside_links(root: Path, folder: Path) -> list[str]:
    """Every symbolic link under `folder` that points outside `root` (or nowhere): MkDocs
    would publish what it points at, e.g. /etc/passwd."""
    problems = []
    base = root.resolve()
    for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
        if path.is_symlink():
            target = path.resolve()
            if not target.is_relative_to(base) or not target.exists():
                problems.append(
                    f"{path.relative_to(root).as_posix()}: a symbolic link to a file outside "
                    "the project (or to nothing); put the file itself here"
                )
    return problems


def reserved(languages: Languages) -> frozenset[str]:
    """First parts of addresses the build writes itself: a hand-written page there would be
    replaced by (or replace) a generated page, an export, an asset or another language."""
    generated = {d.rstrip("/") for d in GENERATED_DIRS}
    return frozenset(generated | {"data", "pagefind", "assets"} | set(languages.codes))


def handwritten(
    docs_dir: Path, languages: Languages
) -> tuple[dict[str, dict[str, str | None]], list[str]]:
    """Per language: each hand-written page and the name its front matter gives as
    translation; and every page whose text or front matter cannot be read."""
    found: dict[str, dict[str, str | None]] = {}
    problems: list[str] = []
    taken = reserved(languages)
    for lang in languages.codes:
        root = docs_dir / lang
        pages: dict[str, str | None] = {}
        for file in sorted(root.rglob("*.md")) if root.is_dir() else []:
            rel = file.relative_to(root).as_posix()
            where = f"docs/{lang}/{rel}"
            if file.is_symlink() or not file.is_file():
                continue  # reported by outside_links, or a folder named *.md
            try:
                text = file.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                problems.append(f"{where}: the page is not valid UTF-8 text; save it as UTF-8")
                text = ""
            except OSError as exc:
                problems.append(f"{where}: the page cannot be read ({exc.strerror})")
                text = ""
            if text.startswith("\ufeff"):
                problems.append(
                    f"{where}:1:1: the page starts with a byte-order mark (BOM), which hides "
                    "its front matter; save it as UTF-8 without BOM"
                )
            first_part = rel.split("/")[0].removesuffix(".md")
            if first_part in taken and not rel.startswith(GENERATED_DIRS):
                problems.append(
                    f"{where}: the address /{languages.prefix(lang)}{source_url(rel)} is one the "
                    f"build makes itself (reserved: {', '.join(sorted(taken))}); rename the page"
                )
            meta, problem = front_matter(text, where)
            if problem:
                problems.append(problem)
            other = meta.get("translation")
            pages[rel] = str(other) if other is not None else None
        found[lang] = pages
    return found, problems


def build_pairs(
    pages: dict[str, dict[str, str | None]], generated: list[str], languages: Languages
) -> tuple[Pairs, list[str]]:
    """Pair the pages of the two languages (the default one's with the other's); return the
    table and every problem found."""
    first = languages.default
    (second,) = (code for code in languages.codes if code != first)
    problems: list[str] = []
    urls: dict[tuple[str, str], dict[str, str]] = {}

    def add(path_a: str, path_b: str) -> None:
        entry = {
            first: quote(languages.prefix(first) + source_url(path_a)),
            second: quote(languages.prefix(second) + source_url(path_b)),
        }
        urls[(first, path_a)] = entry
        urls[(second, path_b)] = entry

    for lang in languages.codes:
        for path in pages[lang]:
            if path.startswith(GENERATED_DIRS):
                problems.append(
                    f"docs/{lang}/{path}: the folders {', '.join(GENERATED_DIRS)} are generated "
                    "from data/measures.yaml; move the page elsewhere"
                )
    matched_b: set[str] = set()
    for path_a, declared in pages[first].items():
        path_b = declared or path_a
        if path_b not in pages[second]:
            lookalike = [
                other
                for other in pages[second]
                if unicodedata.normalize("NFC", other) == unicodedata.normalize("NFC", path_b)
            ]
            if lookalike:
                problems.append(
                    f"docs/{second}/{lookalike[0]} looks like docs/{second}/{path_b}, but its name "
                    "is written with other Unicode characters (e.g. 'a' and a separate ring "
                    "instead of 'å'); rename the file by typing its name again"
                )
                matched_b.add(lookalike[0])
                continue
            problems.append(
                f"docs/{first}/{path_a} has no version in {languages.name(second)}: add "
                f"docs/{second}/{path_b}"
                + ("" if declared else " or name it with 'translation:' in the front matter")
            )
            continue
        back = pages[second][path_b] or path_b
        matched_b.add(path_b)
        if back != path_a:
            problems.append(
                f"docs/{second}/{path_b} names '{back}' as its translation, but "
                f"docs/{first}/{path_a} names it; make both point at each other"
            )
            continue
        add(path_a, path_b)
    for path_b in pages[second]:
        if path_b not in matched_b:
            problems.append(
                f"docs/{second}/{path_b} has no version in {languages.name(first)} in docs/{first}/"
            )
    for path in generated:
        add(path, path)
    return Pairs(urls), problems
