"""WCAG 2.1 AA in a real browser: axe-core on every kind of page, both languages, light and
dark palette, desktop and 375 px with the mobile navigation open; plus a keyboard journey."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest

from conftest import AXE, AXE_ADDRESS
from kb.model import Kind
from kb.state import read_state

pytestmark = pytest.mark.browser

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# The WCAG A/AA rules of axe that read colours: the ones a palette switch can change.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
# Material's palette form in the header: the switch shows the other one of its two labels.
PALETTE_FORM = "form[data-md-component=palette]"
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
# One parameter per page; under pytest-xdist (scripts/test) every browser test runs in the
# same process (conftest), so the page is loaded once per width there too.
PAGE_PARAMS = [pytest.param(name, path, id=name) for name, path in PAGES]


def _axe(page: Any, *, rules: list[str] | None = None, within: str | None = None) -> list[str]:
    """axe-core's violations on the page as it is now: of every WCAG 2.1 A/AA rule, or of
    `rules` only; on the whole document, or within the element `within` selects. axe is
    loaded once per page load from the test server (conftest), so that Chromium compiles
    it from its code cache instead of anew on every page."""
    if not AXE.is_file():
        pytest.fail("axe-core is missing: run scripts/setup --browser (npm ci)")
    if not page.evaluate("typeof window.axe === 'object'"):
        page.add_script_tag(url=urljoin(page.url, AXE_ADDRESS))
    # resultTypes: axe reports every violation in full but stops collecting every passing
    # node; selectors off: axe does not work out a CSS selector for every node it reports,
    # which made a full run on a real page about a quarter faster (791 -> 567 ms)
    # (https://github.com/dequelabs/axe-core/blob/develop/doc/API.md#options-parameter).
    # Only when something is found is the run repeated with selectors, for the message.
    run_only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": TAGS}
    script = (
        "async ([within, options]) => (await axe.run(within ? {include: [[within]]} : document,"
        " options)).violations"
    )
    quick = {"runOnly": run_only, "resultTypes": ["violations"], "selectors": False}
    if not page.evaluate(script, [within, {**quick, "ancestry": False, "xpath": False}]):
        return []
    violations = page.evaluate(script, [within, {**quick, "selectors": True}])
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(n["target"][0] if n["target"] else "?" for n in v["nodes"][:5])
        for v in violations
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


def _watch(page: Any, server: str) -> tuple[list[str], Callable[[], None]]:
    """From now on, every console error, page error and request that leaves the site; and
    the function that stops watching."""
    problems: list[str] = []

    def on_console(message: Any) -> None:
        if message.type == "error":
            problems.append(f"console error: {message.text}")

    def on_request(request: Any) -> None:
        if not request.url.startswith((server, "data:", "blob:")):
            problems.append(f"request to another host: {request.url}")

    def on_error(error: Any) -> None:
        problems.append(f"page error: {error}")

    handlers = {"console": on_console, "pageerror": on_error, "request": on_request}
    for event, handler in handlers.items():
        page.on(event, handler)

    def stop() -> None:
        for event, handler in handlers.items():
            page.remove_listener(event, handler)

    return problems, stop


def _load(page: Any, server: str, path: str) -> None:
    """Open `path` and wait until it is ready."""
    page.goto(server + path)
    page.wait_for_function(_READY)
    if "?q=" in path:
        page.wait_for_function(_SEARCHED, timeout=15000)


def _open(page: Any, server: str, path: str) -> list[str]:
    """Open `path` and wait until it is ready; the list collects the page's problems (console
    errors, requests to other hosts) for as long as the tab stays open."""
    problems, _ = _watch(page, server)
    _load(page, server, path)
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
    Material showed and axe's violations; whether the switch changed the page outside its
    colours; the language facts (desktop); whether what the test opens (the phone's
    navigation drawer, a page's folds) was open."""

    problems: list[str]
    palette: dict[str, str] = field(default_factory=dict)
    violations: dict[str, list[str]] = field(default_factory=dict)
    changed: list[str] = field(default_factory=list)
    lang: str | None = None
    opened: bool = False
    switch: list[str | None] = field(default_factory=list)
    other_texts: list[str | None] = field(default_factory=list)


# The page without what a palette switch may change: the palette attributes on <body> and
# the palette form (which of its two labels is shown).
_OUTSIDE_PALETTE = """(form) => {
  const body = document.body.cloneNode(true);
  body.querySelectorAll(form).forEach((element) => element.remove());
  for (const name of [...body.attributes].map((a) => a.name)) {
    if (name.startsWith('data-md-color-')) body.removeAttribute(name);
  }
  return body.outerHTML;
}"""


def _axe_in_both_schemes(page: Any, audit: Audit, loaded: str, other: str) -> None:
    """axe on the page in the scheme it was loaded in, then in the other one.

    A switch changes the page's colours and the palette form's shown label, nothing else:
    the scheme rules of every style sheet set colours only
    (test_scheme_rules_set_colours_only), and the page outside the form is the same before
    and after (`audit.changed` stays empty, which the tests assert). So in the other scheme
    axe runs the rules that read colours on the whole page and every rule in the palette
    form, which finds all that a whole run there would find.
    """
    audit.palette[loaded] = page.evaluate("document.body.dataset.mdColorScheme")
    audit.violations[loaded] = _axe(page)
    before = page.evaluate(_OUTSIDE_PALETTE, PALETTE_FORM)
    audit.palette[other] = _switch_scheme(page, other)
    if page.evaluate(_OUTSIDE_PALETTE, PALETTE_FORM) != before:
        audit.changed.append(other)
    audit.violations[other] = _axe(page, rules=COLOUR_RULES) + _axe(page, within=PALETTE_FORM)


def _audit_desktop(page: Any, server: str, name: str, path: str) -> Audit:
    """Loaded in light at 1280 px: language facts, axe in light, then dark on the same load."""
    page.emulate_media(color_scheme="light")
    page.set_viewport_size({"width": 1280, "height": 900})
    _load(page, server, path)
    audit = Audit([])
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
    _load(page, server, path)
    audit = Audit([])
    page.locator("label.md-header__button[for=__drawer]").click()
    page.wait_for_function("() => document.getElementById('__drawer').checked")
    audit.opened = page.locator(".md-sidebar--primary").is_visible()
    _axe_in_both_schemes(page, audit, "dark", "light")
    return audit


class Tabs:
    """One browser tab per use (a width), kept open from page to page: a load in a tab that
    is already open costs less than a new tab. Every document starts with the storage
    cleared (Material remembers a palette choice there), as in a new tab."""

    def __init__(self, browser: Any, server: str) -> None:
        self.browser, self.server = browser, server
        self.open: dict[str, Any] = {}

    def audit(self, use: str, run: Callable[[Any], Audit]) -> Audit:
        """`run(tab)` in the tab of `use`, with its problems (console errors, requests to
        other hosts) collected from the load until the last check."""
        if use not in self.open:
            tab = self.browser.new_page()
            tab.add_init_script(
                "try { window.localStorage.clear(); window.sessionStorage.clear() }"
                " catch (error) {}"
            )
            self.open[use] = tab
        tab = self.open[use]
        problems, stop = _watch(tab, self.server)
        try:
            audit = run(tab)
        finally:
            stop()
        audit.problems = problems
        return audit

    def close(self) -> None:
        for tab in self.open.values():
            tab.close()


@pytest.fixture(scope="module")
def audits(browser: Any, server: str) -> Iterator[Callable[[str, str, str], Audit]]:
    """Each page is loaded once per width (the palette choice cleared) and checked in both
    colour schemes; the tests below read the result they are about."""
    done: dict[tuple[str, str], Audit] = {}
    tabs = Tabs(browser, server)

    def audit(width: str, name: str, path: str) -> Audit:
        if (width, name) not in done:
            done[width, name] = tabs.audit(
                width,
                lambda tab: (
                    _audit_desktop(tab, server, name, path)
                    if width == "desktop"
                    else _audit_phone(tab, server, path)
                ),
            )
        return done[width, name]

    yield audit
    tabs.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("name", "path"), PAGE_PARAMS)
def test_no_axe_violations_on_desktop(audits: Any, name: str, path: str, scheme: str) -> None:
    audit = audits("desktop", name, path)
    assert audit.problems == []
    assert audit.palette[scheme] == SCHEME[scheme]
    assert audit.changed == []
    assert audit.violations[scheme] == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("name", "path"), PAGE_PARAMS)
def test_no_axe_violations_at_375px_with_the_navigation_open(
    audits: Any, name: str, path: str, scheme: str
) -> None:
    audit = audits("phone", name, path)
    assert audit.problems == []
    assert audit.opened
    assert audit.palette[scheme] == SCHEME[scheme]
    assert audit.changed == []
    assert audit.violations[scheme] == []


@pytest.mark.parametrize(("name", "path"), PAGE_PARAMS)
def test_lang_and_other_language_text(audits: Any, name: str, path: str) -> None:
    audit = audits("desktop", name, path)
    lang = "sv" if name.startswith("sv-") else "fi"
    other = "fi" if lang == "sv" else "sv"
    assert audit.lang == lang
    assert audit.switch == [other]
    assert audit.other_texts and set(audit.other_texts) == {other}


def _found_only_in_dark(page: Any, server: str, plant: str, rule: str, target: str) -> Audit:
    """Load the home page in light, run `plant` on it, audit it in light then dark; assert
    that axe reports `rule` on `target` in dark only."""
    page.emulate_media(color_scheme="light")
    _open(page, server, "")
    page.evaluate(plant, PALETTE_FORM)
    audit = Audit([])
    _axe_in_both_schemes(page, audit, "light", "dark")
    assert audit.palette == SCHEME
    assert not any(target in v for v in audit.violations["light"]), audit.violations
    assert any(v.startswith(rule) and target in v for v in audit.violations["dark"]), audit
    return audit


def test_the_audit_sees_the_scheme_it_switched_to(page: Any, server: str) -> None:
    """The harness can fail: text in the theme's own text colour on a fixed white ground is
    fine in light and unreadable in dark, and axe reports it only after the switch."""
    plant = """() => {
      const p = document.createElement('p');
      p.id = 'kb-planted';
      p.textContent = 'Teksti valkoisella pohjalla';
      p.style.cssText = 'color: var(--md-default-fg-color); background: #ffffff';
      document.querySelector('article').append(p);
    }"""
    audit = _found_only_in_dark(page, server, plant, "color-contrast", "#kb-planted")
    assert audit.changed == []


def test_the_audit_checks_the_palette_form_and_sees_other_changes(page: Any, server: str) -> None:
    """The harness can fail in the two ways its partial run in the other scheme relies on: a
    fault in the palette label shown only after the switch is found, and a switch that
    changes the page outside the palette form is reported."""
    plant = """(form) => {
      // Material shows the label after the selected palette's input (the button to the
      // next palette): in dark, the one after the dark input.
      const dark = document.querySelector(`${form} input[data-md-color-media*="dark"]`);
      // An image without a text alternative in the label that only dark shows.
      const img = document.createElement('img');
      img.id = 'kb-planted-img';
      img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
      dark.nextElementSibling.append(img);
      // A change outside the form, made by the switch.
      dark.addEventListener('change',
        () => document.querySelector('article').append(document.createElement('hr')));
    }"""
    audit = _found_only_in_dark(page, server, plant, "image-alt", "#kb-planted-img")
    assert audit.changed == ["dark"]


# What a rule that only applies in one colour scheme may set: colours. Material also hides
# images meant for the other scheme (a fragment of the image address says which); the site
# has no such images (asserted below).
_COLOUR_PROPERTIES = re.compile(
    r"--[\w-]+|color|color-scheme|background(-color)?|border(-(top|right|bottom|left))?-color"
    r"|outline-color|fill|stroke|text-decoration-color|caret-color|accent-color"
)
_SCHEME_IMAGES = re.compile(r'img\[src\$="#(gh-(dark|light)-mode-only|only-(dark|light))"\]')


def test_scheme_rules_set_colours_only(built_site: Path) -> None:
    """Every style rule of the site that applies in one colour scheme only changes colours,
    so a palette switch changes nothing else (the audit's partial run relies on it)."""
    sheets = sorted(built_site.glob("assets/**/*.css"))
    assert any(sheet.name.startswith("palette.") for sheet in sheets)
    assert any(sheet.name == "kb.css" for sheet in sheets)
    found, wrong = 0, []
    for sheet in sheets:
        css = re.sub(r"/\*.*?\*/", "", sheet.read_text(encoding="utf-8"), flags=re.S)
        for selector, body in re.findall(r"([^{}]*data-md-color-scheme[^{}]*)\{([^{}]*)\}", css):
            found += 1
            names = {d.split(":", 1)[0].strip() for d in body.split(";") if ":" in d}
            others = {n for n in names if not _COLOUR_PROPERTIES.fullmatch(n)}
            images = all(_SCHEME_IMAGES.search(part) for part in selector.split(","))
            if others and not (images and others == {"display"}):
                wrong.append(f"{sheet.name}: {selector.strip()[:80]} sets {sorted(others)}")
    assert found > 10 and wrong == []
    fragments = ("#gh-dark-mode-only", "#gh-light-mode-only", "#only-dark", "#only-light")
    for html in built_site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert not any(fragment in text for fragment in fragments), html


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
