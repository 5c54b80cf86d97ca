"""WCAG 2.1 AA in a real browser: axe-core on every kind of page, both languages, light and
dark palette, desktop and 375 px with the mobile navigation open; plus a keyboard journey."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
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
# One parameter per page; under pytest-xdist (scripts/test) every test of a page runs in the
# same process, so the page is loaded once per width there too.
PAGE_PARAMS = [
    pytest.param(name, path, id=name, marks=pytest.mark.xdist_group(f"page-{name}"))
    for name, path in PAGES
]


def _axe(page: Any) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations on the page as it is now (injected once per load)."""
    if not AXE.is_file():
        pytest.fail("axe-core is missing: run scripts/setup --browser (npm ci)")
    if not page.evaluate("typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE))
    # resultTypes: axe reports every violation in full but stops collecting every passing
    # node, which only makes it slower (https://github.com/dequelabs/axe-core API.md).
    result = page.evaluate(
        "async (tags) => await axe.run(document,"
        " {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        TAGS,
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(n["target"][0] if n["target"] else "?" for n in v["nodes"][:5])
        for v in result["violations"]
    ]


# Ready: the page and everything it loads are in (the load event), Material's palette code
# has run (it writes the header colour into <meta name="theme-color">) and no palette switch
# is under way; on the search page, our script has announced its result.
_READY = """() => document.readyState === 'complete'
  && !!(document.querySelector('meta[name=theme-color]') || {}).content
  && !document.body.hasAttribute('data-md-color-switching')"""
_SEARCHED = """() => { const s = document.getElementById('kb-search-status');
  return s && s.textContent && !s.textContent.endsWith('…'); }"""
SCHEME = {"light": "default", "dark": "slate"}


def _watch(page: Any, server: str) -> list[str]:
    """From now on, every console error, page error and request that leaves the site."""
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
    return problems


def _open(page: Any, server: str, path: str) -> list[str]:
    """Open `path` and wait until it is ready; the list collects the page's problems (console
    errors, requests to other hosts) for as long as it stays open."""
    problems = _watch(page, server)
    page.goto(server + path)
    page.wait_for_function(_READY)
    if "?q=" in path:
        page.wait_for_function(_SEARCHED, timeout=15000)
    return problems


def _switch_scheme(page: Any, scheme: str) -> str:
    """Switch the loaded page to `scheme` as a reader's system setting and Material do: emulate
    `prefers-color-scheme: scheme`, then select the palette made for that media query, through
    the same change event Material applies a palette with. Return the palette then shown.

    Material 9 picks the palette from the media query when the page loads only; it does not
    follow a later change of the system setting, so the emulation alone would change nothing.
    The palette chosen at load is checked on every page in both schemes: the desktop load is
    light and the phone load dark.
    """
    page.emulate_media(color_scheme=scheme)
    page.evaluate(
        """(media) => {
          const input = document.querySelector(`input[data-md-color-media="${media}"]`);
          if (!input.checked) input.click();
        }""",
        f"(prefers-color-scheme: {scheme})",
    )
    page.wait_for_function(
        "(scheme) => document.body.dataset.mdColorScheme === scheme", arg=SCHEME[scheme]
    )
    page.wait_for_function(_READY)
    return page.evaluate("document.body.dataset.mdColorScheme")


@dataclass
class Audit:
    """What one page load at one width showed: problems, and per colour scheme the palette
    Material showed and axe's violations; the language facts (desktop); whether what the
    test opens (the phone's navigation drawer, a page's folds) was open."""

    problems: list[str]
    palette: dict[str, str] = field(default_factory=dict)
    violations: dict[str, list[str]] = field(default_factory=dict)
    lang: str | None = None
    opened: bool = False
    switch: list[str | None] = field(default_factory=list)
    other_texts: list[str | None] = field(default_factory=list)


def _axe_in_both_schemes(page: Any, audit: Audit, loaded: str, other: str) -> None:
    """axe on the page in the scheme it was loaded in, then in the other one."""
    audit.palette[loaded] = page.evaluate("document.body.dataset.mdColorScheme")
    audit.violations[loaded] = _axe(page)
    audit.palette[other] = _switch_scheme(page, other)
    audit.violations[other] = _axe(page)


def _audit_desktop(page: Any, server: str, name: str, path: str) -> Audit:
    """Loaded in light at 1280 px: language facts, axe in light, then dark on the same load."""
    page.emulate_media(color_scheme="light")
    page.set_viewport_size({"width": 1280, "height": 900})
    audit = Audit(_open(page, server, path))
    lang = "sv" if name.startswith("sv-") else "fi"
    other = "fi" if lang == "sv" else "sv"
    audit.lang = page.locator("html").get_attribute("lang")
    switch = page.locator("a.kb-lang__link")
    audit.switch = [link.get_attribute("hreflang") for link in switch.all()]
    # Text written in the other language carries that language: the switcher's language
    # name, and on the 404 page the link to the other language's home page.
    audit.other_texts = page.locator(f"a[hreflang={other}]").evaluate_all(
        "links => links.filter(a => a.matches('.kb-lang__link, .kb-other-lang'))"
        "  .map(a => a.closest('[lang]').getAttribute('lang'))"
    )
    _axe_in_both_schemes(page, audit, "light", "dark")
    return audit


def _audit_phone(page: Any, server: str, path: str) -> Audit:
    """Loaded in dark at 375 px with the navigation drawer open: axe in dark, then light."""
    page.emulate_media(color_scheme="dark")
    page.set_viewport_size({"width": 375, "height": 800})
    audit = Audit(_open(page, server, path))
    page.locator("label.md-header__button[for=__drawer]").click()
    page.wait_for_function("() => document.getElementById('__drawer').checked")
    audit.opened = page.locator(".md-sidebar--primary").is_visible()
    _axe_in_both_schemes(page, audit, "dark", "light")
    return audit


@pytest.fixture(scope="module")
def audits(browser: Any, server: str) -> Iterator[Callable[[str, str, str], Audit]]:
    """Each page is loaded once per width (a fresh tab, the palette choice cleared) and
    checked in both colour schemes; the tests below read the result they are about."""
    done: dict[tuple[str, str], Audit] = {}

    def audit(width: str, name: str, path: str) -> Audit:
        if (width, name) not in done:
            tab = browser.new_page()
            tab.add_init_script("try { window.localStorage.clear() } catch (error) {}")
            try:
                done[width, name] = (
                    _audit_desktop(tab, server, name, path)
                    if width == "desktop"
                    else _audit_phone(tab, server, path)
                )
                # Problems are collected until both schemes were checked, not just at load.
            finally:
                tab.close()
        return done[width, name]

    yield audit


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("name", "path"), PAGE_PARAMS)
def test_no_axe_violations_on_desktop(audits: Any, name: str, path: str, scheme: str) -> None:
    audit = audits("desktop", name, path)
    assert audit.problems == []
    assert audit.palette[scheme] == SCHEME[scheme]
    assert audit.violations[scheme] == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("name", "path"), PAGE_PARAMS)
def test_no_axe_violations_at_375px_with_the_navigation_open(
    audits: Any, name: str, path: str, scheme: str
) -> None:
    audit = audits("phone", name, path)
    assert audit.opened
    assert audit.palette[scheme] == SCHEME[scheme]
    assert audit.violations[scheme] == []


@pytest.mark.parametrize(("name", "path"), PAGE_PARAMS)
def test_lang_and_other_language_text(audits: Any, name: str, path: str) -> None:
    audit = audits("desktop", name, path)
    lang = "sv" if name.startswith("sv-") else "fi"
    other = "fi" if lang == "sv" else "sv"
    assert audit.lang == lang
    assert audit.switch == [other]
    assert audit.other_texts and set(audit.other_texts) == {other}


def test_the_audit_sees_the_scheme_it_switched_to(page: Any, server: str) -> None:
    """The harness can fail: text in the theme's own text colour on a fixed white ground is
    fine in light and unreadable in dark, and axe reports it only after the switch."""
    page.emulate_media(color_scheme="light")
    _open(page, server, "")
    page.evaluate(
        """() => {
          const p = document.createElement('p');
          p.id = 'kb-planted';
          p.textContent = 'Teksti valkoisella pohjalla';
          p.style.cssText = 'color: var(--md-default-fg-color); background: #ffffff';
          document.querySelector('article').append(p);
        }"""
    )
    audit = Audit([])
    _axe_in_both_schemes(page, audit, "light", "dark")
    assert audit.palette == SCHEME
    assert not any("#kb-planted" in v for v in audit.violations["light"]), audit.violations
    assert any(
        v.startswith("color-contrast") and "#kb-planted" in v for v in audit.violations["dark"]
    ), audit.violations


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
