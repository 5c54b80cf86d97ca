"""WCAG 2.1 AA in a real browser: axe-core on every kind of page, both languages, light and
dark palette, desktop and 375 px with the mobile navigation open; plus a keyboard journey."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kb.model import Kind
from kb.state import read_state

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parent.parent / "node_modules/axe-core/axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SEARCH = {"fi": "haku/?q=hankinta", "sv": "sv/sok/?q=upphandling"}
# The other states of the search page: a typo corrected, nothing found, any word.
SEARCH_STATES = [
    ("fi-search-typo", "haku/?q=mentorointiohjlema"),
    ("sv-search-typo", "sv/sok/?q=l%C3%A4randeklinker"),
    ("fi-search-none", "haku/?q=qwxzzvq"),
    ("sv-search-none", "sv/sok/?q=qwxzzvq"),
    ("fi-search-any-word", "haku/?q=mentorointiohjelma+kiertotalous"),
    ("sv-search-any-word", "sv/sok/?q=mentorprogrammet+cirkul%C3%A4r+ekonomi"),
]


def _pages(root: Path) -> list[tuple[str, str]]:
    site = read_state(root / "data/measures.yaml", "data/measures.yaml").site
    first_of_kind = {}
    for record in site.records:
        first_of_kind.setdefault(record.kind, record.id)
    paths = {
        "home": "",
        "area": f"areas/{site.areas[0].id}/",
        "overview": "areas/",
        "listing": "browse/",
        "listing-kind": "browse/kind/report/",
        "listing-area": f"browse/area/{site.areas[1].id}/",
        "listing-status": "browse/status/ongoing/",
        "listing-combined": "browse/kind/report/area/innovation/",
        "guide": "sisallontuottajan-ohje/",
        "open-data": "avoin-data/",
        "statement": "saavutettavuusseloste/",
        **{
            f"record-{kind.value}": f"records/{first_of_kind[kind]}/"
            for kind in Kind
            if kind in first_of_kind
        },
    }
    swedish = {
        "guide": "anvisning-for-redaktorer/",
        "open-data": "oppna-data/",
        "statement": "tillganglighetsutlatande/",
    }
    pages = []
    for name, path in paths.items():
        pages.append((f"fi-{name}", path))
        pages.append((f"sv-{name}", "sv/" + swedish.get(name, path)))
    pages += [("fi-search", SEARCH["fi"]), ("sv-search", SEARCH["sv"]), *SEARCH_STATES]
    pages += [("fi-404", "404.html"), ("sv-404", "sv/404.html")]
    return pages


PAGES = _pages(Path(__file__).resolve().parent.parent)


def _axe(page: Any) -> list[str]:
    if not AXE.is_file():
        pytest.fail("axe-core is missing: run scripts/setup --browser (npm ci)")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(n["target"][0] if n["target"] else "?" for n in v["nodes"][:5])
        for v in result["violations"]
    ]


def _open(page: Any, server: str, path: str) -> list[str]:
    """Open `path`; return every console error and every request that left the site."""
    problems: list[str] = []

    def on_console(message: Any) -> None:
        if message.type == "error":
            problems.append(f"console error: {message.text}")

    def on_request(request: Any) -> None:
        if not request.url.startswith((server, "data:", "blob:")):
            problems.append(f"request to another host: {request.url}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("request", on_request)
    page.goto(server + path)
    if "?q=" in path:
        page.wait_for_function(
            "() => { const s = document.getElementById('kb-search-status');"
            " return s && s.textContent && !s.textContent.endsWith('…'); }",
            timeout=15000,
        )
    page.wait_for_load_state("networkidle")
    return problems


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("name", "path"), PAGES, ids=[name for name, _ in PAGES])
def test_no_axe_violations_on_desktop(
    page: Any, server: str, name: str, path: str, scheme: str
) -> None:
    page.emulate_media(color_scheme=scheme)
    page.set_viewport_size({"width": 1280, "height": 900})
    assert _open(page, server, path) == []
    assert page.evaluate("document.body.dataset.mdColorScheme") == (
        "slate" if scheme == "dark" else "default"
    )
    assert _axe(page) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("name", "path"), PAGES, ids=[name for name, _ in PAGES])
def test_no_axe_violations_at_375px_with_the_navigation_open(
    page: Any, server: str, name: str, path: str, scheme: str
) -> None:
    page.emulate_media(color_scheme=scheme)
    page.set_viewport_size({"width": 375, "height": 800})
    _open(page, server, path)
    page.locator("label.md-header__button[for=__drawer]").click()
    page.wait_for_function("() => document.getElementById('__drawer').checked")
    assert page.locator(".md-sidebar--primary").is_visible()
    assert _axe(page) == []


@pytest.mark.parametrize(("name", "path"), PAGES, ids=[name for name, _ in PAGES])
def test_lang_and_other_language_text(page: Any, server: str, name: str, path: str) -> None:
    _open(page, server, path)
    lang = "sv" if name.startswith("sv-") else "fi"
    assert page.locator("html").get_attribute("lang") == lang
    other = "fi" if lang == "sv" else "sv"
    switch = page.locator("a.kb-lang__link")
    assert switch.count() == 1 and switch.get_attribute("hreflang") == other
    # Text written in the other language carries that language: the switcher's language
    # name, and on the 404 page the link to the other language's home page.
    texts = page.locator(f"a[hreflang={other}]").evaluate_all(
        "links => links.filter(a => a.matches('.kb-lang__link, .kb-other-lang'))"
        "  .map(a => a.closest('[lang]').getAttribute('lang'))"
    )
    assert texts and set(texts) == {other}


_FOCUS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  // A visually hidden control (Material's palette radio) shows its focus on the label next
  // to it, the button people see.
  const next = el.nextElementSibling && el.nextElementSibling.tagName === 'LABEL'
    ? [el.nextElementSibling] : [];
  const shown = [el, ...next].flatMap((x) => [x, ...x.querySelectorAll('*')]);
  const ring = (x) => {
    const style = getComputedStyle(x);
    return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
      || style.boxShadow !== 'none';
  };
  const onscreen = (x) => {
    const box = x.getBoundingClientRect();
    return box.width > 1 && box.height > 1;
  };
  return {tag: el.tagName, id: el.id, cls: String(el.className), href: el.getAttribute('href'),
          text: (el.textContent || '').trim().slice(0, 60),
          visible: el.classList.contains('md-skip') || shown.some((x) => onscreen(x) && ring(x)),
          onscreen: shown.some(onscreen)};
}"""


def _tab_to(page: Any, predicate: str, limit: int = 40) -> dict[str, Any]:
    """Press Tab until the focused element matches `predicate`; every stop must show focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focus = page.evaluate(_FOCUS)
        assert focus is not None
        assert focus["visible"] and focus["onscreen"], f"focus not visible on {focus}"
        if page.evaluate(f"() => {{ const el = document.activeElement; return {predicate}; }}"):
            return focus
    raise AssertionError(f"no element matching {predicate} within {limit} Tab presses")


@pytest.mark.parametrize(
    ("start", "query", "other"), [("", "mentorointiohjelma", "sv"), ("sv/", "mentorprogram", "fi")]
)
def test_keyboard_journey(page: Any, server: str, start: str, query: str, other: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(server + start)
    # 1. The first Tab stop is the skip link, and it moves focus to the content.
    page.keyboard.press("Tab")
    focus = page.evaluate(_FOCUS)
    assert focus and "md-skip" in focus["cls"] and focus["onscreen"]
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")  # the next stop after skipping is inside the content
    assert page.evaluate("document.activeElement.closest('article.md-content__inner') !== null")
    assert page.evaluate(_FOCUS)["visible"]
    # 2. Tab to the search field in the header, type a query, submit with Enter.
    page.goto(server + start)
    _tab_to(page, "el.id === 'kb-header-q'")
    page.keyboard.type(query)
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelectorAll('#kb-search-results a').length > 0")
    status = page.locator("#kb-search-status")
    assert status.get_attribute("aria-live") == "polite" and query in status.inner_text()
    # 3. Reach the first result with the keyboard and open it.
    result = _tab_to(page, "el.closest('#kb-search-results') !== null")
    page.keyboard.press("Enter")
    page.wait_for_url(
        lambda url: url.rstrip("/").endswith(result["href"].rstrip("/").split("/")[-1])
    )
    here = page.url
    # 4. Switch language with the keyboard and land on the same page.
    _tab_to(page, "el.classList.contains('kb-lang__link')")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == other
    same = here.replace(server + start, server + ("sv/" if other == "sv" else ""))
    assert page.url == same


@pytest.mark.parametrize("path", ["records/mentor-programme-2022/", "sv/areas/innovation/"])
def test_print_layout_hides_chrome_and_writes_out_links(page: Any, server: str, path: str) -> None:
    page.goto(server + path)
    page.emulate_media(media="print")
    hidden = page.evaluate(
        "() => ['.md-header', '.md-sidebar--primary', '.md-footer']"
        "  .map((s) => getComputedStyle(document.querySelector(s)).display)"
    )
    assert hidden == ["none", "none", "none"]
    link = page.locator(".kb-sources a").first
    written_out = link.evaluate("(a) => getComputedStyle(a, '::after').content")
    assert written_out == f'" ({link.get_attribute("href")})"'
