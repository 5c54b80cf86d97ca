"""No traceback, ever: every broken input or setting stops `mkdocs build` with a located
message (cause 4, 8, 10 and 11 of issue 16), and the last good site is kept."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import build


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _prepend(path: Path, text: str) -> None:
    path.write_text(text + path.read_text(encoding="utf-8"), encoding="utf-8")


def _link(path: Path, target: str) -> None:
    if path.exists():
        path.unlink()
    os.symlink(target, path)


CASES: list[tuple[str, Callable[[Path], None], str]] = [
    (
        "impossible front-matter date",
        lambda p: _edit(p / "docs/fi/ohjelma.md", "---\n", "---\nupdated: 2019-02-30\n"),
        "docs/fi/ohjelma.md: a value in the front matter cannot be read",
    ),
    (
        "YAML error in a strings table",
        lambda p: _edit(p / "hooks/strings/sv.yaml", "\n", "\nbroken: [unclosed\n"),
        "hooks/strings/sv.yaml:",
    ),
    (
        "translated placeholder",
        lambda p: _edit(p / "hooks/strings/sv.yaml", "{count}", "{antal}"),
        "'area_all_records': the placeholders must be those of fi.yaml ({count}, {kind}), "
        "untranslated; found {antal}, {kind}",
    ),
    (
        "footer label typo",
        lambda p: _edit(p / "mkdocs.yml", "label: footer_open_data", "label: footer_opendata"),
        "mkdocs.yml extra.kb.footer[1].label: 'footer_opendata' is not a key of "
        "hooks/strings/fi.yaml;"
        " did you mean 'footer_open_data'?",
    ),
    (
        "footer entry without a label",
        lambda p: _edit(p / "mkdocs.yml", ", label: footer_open_data}", "}"),
        "mkdocs.yml extra.kb.footer[1].label: missing; this setting is required",
    ),
    (
        "nav written as a text",
        lambda p: _edit(
            p / "mkdocs.yml",
            "    nav:\n      - strategia.md\n      - ohjelma.md\n",
            "    nav: strategia.md\n    x_nav:\n      - ohjelma.md\n",
        ),
        "mkdocs.yml extra.kb.nav: expected a list (lines starting with '- '), found the text "
        "'strategia.md'",
    ),
    (
        "a setting of the wrong type",
        lambda p: _edit(p / "mkdocs.yml", "search_page: haku.md", "search_page: 5"),
        "mkdocs.yml extra.kb.search_page: expected the file name of a hand-written page, e.g. "
        "'ohjelma.md', found 5",
    ),
    (
        "mistyped locale",
        lambda p: _edit(p / "mkdocs.yml", "- locale: sv", "- locale: sw"),
        "",
    ),
    (
        "missing template",
        lambda p: _edit(p / "docs/fi/ohjelma.md", "---\n", "---\ntemplate: ei-ole.html\n"),
        "docs/fi/ohjelma.md: front matter 'template: ei-ole.html': there is no such template",
    ),
    (
        "search page typo",
        lambda p: _edit(p / "mkdocs.yml", "search_page: haku.md", "search_page: hakuu.md"),
        "mkdocs.yml extra.kb.search_page: no page docs/fi/hakuu.md",
    ),
    (
        "nav entry that is not a page",
        lambda p: _edit(p / "mkdocs.yml", "- ohjelma.md", "- {ohjelma: x}"),
        "mkdocs.yml extra.kb.nav[1]: expected the file name of a hand-written page, e.g. "
        "'ohjelma.md', found a mapping",
    ),
    (
        "data file links to /dev/zero",
        lambda p: _link(p / "data/measures.yaml", "/dev/zero"),
        "data/measures.yaml: a symbolic link to a file outside the project",
    ),
    (
        "data file links to /etc/passwd",
        lambda p: _link(p / "data/measures.yaml", "/etc/passwd"),
        "data/measures.yaml: a symbolic link to a file outside the project",
    ),
    (
        "a published file links to /etc/passwd",
        lambda p: _link(p / "docs/fi/liite.txt", "/etc/passwd"),
        "docs/fi/liite.txt: a symbolic link to a file outside the project",
    ),
    (
        "a page links outside the project",
        lambda p: _link(p / "docs/sv/liite.md", "/etc/hostname"),
        "docs/sv/liite.md: a symbolic link to a file outside the project",
    ),
    (
        "a hand-written page takes the overview's address",
        lambda p: [
            (p / f"docs/{lang}/areas.md").write_text("# Alueet\n", encoding="utf-8")
            for lang in ("fi", "sv")
        ],
        "docs/fi/areas.md: the address /areas/ is one the build makes itself",
    ),
    (
        "a Finnish page takes the Swedish home's address",
        lambda p: [
            (p / f"docs/{lang}/sv.md").write_text("# Sv\n", encoding="utf-8")
            for lang in ("fi", "sv")
        ],
        "docs/fi/sv.md: the address /sv/ is one the build makes itself",
    ),
    (
        "a BOM hides the front matter",
        lambda p: _prepend(p / "docs/sv/programmet.md", "\ufeff"),
        "docs/sv/programmet.md:1:1: the page starts with a byte-order mark (BOM)",
    ),
    (
        "a script in a hand-written page",
        lambda p: _edit(p / "docs/fi/ohjelma.md", "\n\n", "\n\n<script>alert(1)</script>\n\n"),
        "docs/fi/ohjelma.md: the element <script> is not allowed in a page",
    ),
    (
        "a javascript: link in a hand-written page",
        lambda p: _edit(
            p / "docs/sv/programmet.md", "\n\n", "\n\n[Klicka](javascript:alert(1))\n\n"
        ),
        "docs/sv/programmet.md: the address 'javascript:alert(1)' in <a href> starts with",
    ),
    (
        "an event handler in a hand-written page",
        lambda p: _edit(
            p / "docs/fi/ohjelma.md", "\n\n", '\n\n<p onmouseover="alert(1)">x</p>\n\n'
        ),
        "docs/fi/ohjelma.md: the attribute 'onmouseover' (<p onmouseover=...>) runs code",
    ),
    (
        "an absolute http link to the site itself",
        lambda p: _edit(
            p / "docs/fi/ohjelma.md", "\n\n", "\n\n[Haku](http://hankinta-suomi.example/haku/)\n\n"
        ),
        "docs/fi/ohjelma.md: the link 'http://hankinta-suomi.example/haku/' is an absolute",
    ),
    (
        "a new page pair not in the navigation",
        lambda p: [
            (p / f"docs/{lang}/uusi.md").write_text("# Uusi\n\nTeksti.\n", encoding="utf-8")
            for lang in ("fi", "sv")
        ],
        "docs/fi/uusi.md is not in the navigation: add '- uusi.md' under extra.kb.nav",
    ),
    (
        "Swedish page name in another Unicode normalisation",
        lambda p: [
            (p / "docs/fi/ohjelma.md").write_text(
                "---\ntranslation: programmet-å.md\n---\n# Ohjelma\n", encoding="utf-8"
            ),
            (p / "docs/sv/programmet.md").rename(p / "docs/sv/programmet-a\u030a.md"),
            _edit(
                p / "docs/sv/programmet-a\u030a.md",
                "translation: ohjelma.md",
                "translation: ohjelma.md",
            ),
        ],
        "is written with other Unicode characters",
    ),
    (
        "site_url with a quote",
        lambda p: _edit(
            p / "mkdocs.yml",
            'site_url: !ENV [KB_SITE_URL, "https://hankinta-suomi.example/"]',
            "site_url: 'https://hankinta-suomi.example/\"><script>alert(1)</script>/'",
        ),
        "mkdocs.yml site_url (KB_SITE_URL): a web address cannot contain a quote",
    ),
]


@pytest.mark.parametrize(("name", "break_it", "message"), CASES, ids=[c[0] for c in CASES])
def test_a_located_message_and_no_traceback(
    project: Path,
    name: str,
    break_it: Callable[[Path], None],
    message: str,
) -> None:
    break_it(project)
    result = build(project)
    assert result.returncode == 1, result.stderr[-2000:]
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert message in result.stderr, result.stderr[-2000:]
    assert "root:x:0:0" not in result.stderr + result.stdout  # never print /etc/passwd
    assert not (project / "site").exists()


def test_a_new_page_pair_listed_in_kb_nav_builds(project: Path) -> None:
    """README "Adding a page": both files, then one line in extra.kb.nav."""
    (project / "docs/fi/hankintakalenteri.md").write_text(
        "---\ntranslation: upphandlingskalender.md\n---\n# Hankintakalenteri\n\nTeksti.\n",
        encoding="utf-8",
    )
    (project / "docs/sv/upphandlingskalender.md").write_text(
        "---\ntranslation: hankintakalenteri.md\n---\n# Upphandlingskalender\n\nText.\n",
        encoding="utf-8",
    )
    nav = "      - haku.md\n"
    _edit(project / "mkdocs.yml", nav, nav + "      - hankintakalenteri.md\n")
    result = build(project)
    assert result.returncode == 0, result.stderr[-2000:]
    page = project / "site/sv/upphandlingskalender/index.html"
    assert "Upphandlingskalender" in page.read_text(encoding="utf-8")
