"""The build's shortcuts give the site the long way gives, byte for byte: Material's
navigation rendered once per page depth for the pages outside it (overrides/partials/
nav.html, kb.renderonce, kb.adapter.navonce), the footer likewise (overrides/partials/
footer.html), and generated pages spared MkDocs' Markdown
converter (kb.adapter.hooks._without_markdown)."""

from __future__ import annotations

from pathlib import Path

from conftest import build, site_files
from kb.renderonce import RenderOnce

# The partial without the cache: Material's navigation rendered on every page.
EVERY_PAGE = '{%- include "material/partials/nav.html" -%}\n'


def _built_with_file(project: Path, name: str, new_text: str) -> dict[Path, bytes]:
    """The site built with the project's file `name` holding `new_text`, then put back."""
    path = project / name
    text = path.read_text(encoding="utf-8")
    path.write_text(new_text, encoding="utf-8")
    try:
        result = build(project)
        assert result.returncode == 0, result.stderr
        return site_files(project / "site")
    finally:
        path.write_text(text, encoding="utf-8")


def _built_with(project: Path, partial: str, name: str = "nav.html") -> dict[Path, bytes]:
    return _built_with_file(project, f"overrides/partials/{name}", partial)


def test_render_once_renders_each_key_once() -> None:
    once, calls = RenderOnce(), []

    def block(text: str) -> str:
        calls.append(text)
        return text

    assert once("a", lambda: block("first")) == "first"
    assert once("a", lambda: block("second")) == "first"
    assert once("b", lambda: block("third")) == "third"
    assert calls == ["first", "third"]


def test_the_navigation_rendered_once_is_the_one_rendered_on_every_page(
    built_project: Path,
) -> None:
    partial = (built_project / "overrides/partials/nav.html").read_text(encoding="utf-8")
    assert "kb_once(kb_nav_key)" in partial
    cached = site_files(built_project / "site")
    every_page = _built_with(built_project, EVERY_PAGE)
    assert sorted(cached) == sorted(every_page)
    assert [p for p in cached if cached[p] != every_page[p]] == []
    # The comparison can fail: one navigation for all pages outside it, whatever their
    # depth, gives the deeper pages wrong addresses.
    one_for_all = _built_with(
        built_project, partial.replace("kb_once(kb_nav_key)", 'kb_once("one-for-all")')
    )
    wrong = [p for p in every_page if every_page[p] != one_for_all.get(p)]
    assert any(p.parts[0] == "browse" for p in wrong), wrong


def test_the_footer_rendered_once_is_the_one_rendered_on_every_page(
    built_project: Path,
) -> None:
    partial = (built_project / "overrides/partials/footer.html").read_text(encoding="utf-8")
    assert "kb_once(kb_footer_key)" in partial
    cached = site_files(built_project / "site")
    every_page = _built_with(
        built_project, '{%- include "material/partials/footer.html" -%}\n', "footer.html"
    )
    assert sorted(cached) == sorted(every_page)
    assert [p for p in cached if cached[p] != every_page[p]] == []
    # The comparison can fail. The navigation's key does not set apart the pages the
    # footer links to, so one page's footer is reused on another of its depth and a
    # footer link's aria-current is lost or lands on the wrong page:
    nav_keyed = _built_with(
        built_project, partial.replace("kb_footer_key", "kb_nav_key"), "footer.html"
    )
    wrong = [p for p in every_page if every_page[p] != nav_keyed.get(p)]
    current = b'aria-current="page"'
    assert any(every_page[p].count(current) != nav_keyed[p].count(current) for p in wrong)
    # One key for every depth gives the deeper pages wrong addresses:
    one_for_all = _built_with(
        built_project,
        partial.replace("kb_once(kb_footer_key)", 'kb_once("one-for-all")'),
        "footer.html",
    )
    wrong = [p for p in every_page if every_page[p] != one_for_all.get(p)]
    assert any(p.parts[0] == "browse" for p in wrong), wrong


# The line of kb.adapter.hooks that spares a generated page MkDocs' Markdown converter.
SHORTCUT = "        page.render = functools.partial(_without_markdown, page)"


def _built_with_hooks(project: Path, old: str, new: str) -> dict[Path, bytes]:
    name = "hooks/kb/adapter/hooks.py"
    text = (project / name).read_text(encoding="utf-8")
    assert old in text
    return _built_with_file(project, name, text.replace(old, new))


def test_a_generated_page_without_a_markdown_converter_is_the_page_mkdocs_renders(
    built_project: Path,
) -> None:
    """kb.adapter.hooks._without_markdown leaves a generated page what MkDocs' Page.render
    leaves for its empty Markdown: the site is the same byte for byte as with MkDocs' own
    render, and a table of contents it did not leave would show."""
    shortcut = site_files(built_project / "site")
    mkdocs_render = _built_with_hooks(built_project, SHORTCUT + "  #", "        pass  #")
    assert sorted(shortcut) == sorted(mkdocs_render)
    assert [p for p in shortcut if shortcut[p] != mkdocs_render[p]] == []
    planted = _built_with_hooks(
        built_project,
        "    page.toc = get_toc([])",
        '    page.toc = get_toc([{"level": 2, "id": "x", "name": "Planted", "children": []}])',
    )
    assert any(b"Planted" in planted[p] for p in planted if p.parts[0] == "records")
