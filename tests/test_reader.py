"""The reader's path in a real browser, in Finnish and Swedish: the result on top of a
record page, an area's own results first, a header that works at 390 px, the home page's
order, listings whose filters combine and fold on a phone, the overview's pictures, and
the search page's language link. Geometry and order, not only presence; axe on every new
page state (details opened on a phone, dark palette)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from test_accessibility import SCHEME, Audit, Tabs, _axe_in_both_schemes, _load, _open

from kb.links import build_graph
from kb.state import read_state

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
PREFIX = {"fi": "", "sv": "sv/"}
ACTION = {
    "fi": ("Avaa aineisto", "Siirry palveluun"),
    "sv": ("Öppna materialet", "Gå till tjänsten"),
}


@pytest.fixture(scope="module")
def data() -> Any:
    return read_state(ROOT / "data/measures.yaml", "data/measures.yaml")


def _box(page: Any, selector: str) -> dict[str, float]:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, f"{selector} is not shown"
    return box


# --- Record pages ----------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fi", "sv"])
@pytest.mark.parametrize(
    ("record", "tool"), [("national-strategy-2020", False), ("hansel-hankintatutka", True)]
)
@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["390", "1366"])
def test_document_action_is_right_under_the_title_and_summary(
    page: Any, server: str, lang: str, record: str, tool: bool, size: dict[str, int]
) -> None:
    page.set_viewport_size(size)
    page.goto(f"{server}{PREFIX[lang]}records/{record}/")
    button = page.locator("a.kb-action__button")
    assert button.inner_text().strip() == ACTION[lang][1 if tool else 0]
    assert button.get_attribute("href").startswith(("https://", "http://"))
    action, h1, summary = _box(page, ".kb-action"), _box(page, "h1"), _box(page, ".kb-summary")
    assert h1["y"] + h1["height"] <= summary["y"] <= action["y"]
    # Above every other heading of the page, and on the first screen.
    first_h2 = _box(page, "#kb-content h2")
    assert action["y"] + action["height"] <= first_h2["y"]
    assert action["y"] + action["height"] <= size["height"]
    facts = page.locator("#kb-action-meta").inner_text()
    host = page.evaluate(
        "(a) => new URL(a.href).hostname.replace(/^www\\./, '')", button.element_handle()
    )
    assert host in facts and "·" in facts  # format · language · host


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_breadcrumbs_lead_back_to_the_area(page: Any, server: str, lang: str) -> None:
    page.goto(f"{server}{PREFIX[lang]}records/mentor-programme-2022/")
    crumbs = page.locator("nav.kb-breadcrumbs a")
    hrefs = crumbs.evaluate_all("links => links.map(a => new URL(a.href).pathname)")
    assert hrefs == [f"/{PREFIX[lang]}", f"/{PREFIX[lang]}areas/procurement-competence/"]
    assert _box(page, "nav.kb-breadcrumbs")["y"] < _box(page, "h1")["y"]
    updated = page.locator(".kb-updated time")
    assert updated.get_attribute("datetime") == "2026-11-21"


_WHEN = {
    "fi": {"end-unknown": "– päättymisaika ei tiedossa", "ongoing": "– jatkuu"},
    "sv": {"end-unknown": "– slutdatum okänt", "ongoing": "– pågår"},
}


def _example(data: Any, case: str) -> Any:
    """The first record of the data whose period is of the kind `case` names."""
    from kb.model import Status
    from kb.views.format import is_moment

    for r in data.site.records:
        if r.period is None or r.period.end is not None:
            continue
        ongoing = r.status is Status.ONGOING
        if case == "one-day" and r.period.start.count("-") == 2 and is_moment(r):
            return r
        if case == "ongoing" and ongoing:
            return r
        if case == "end-unknown" and not ongoing and not is_moment(r):
            return r
    pytest.skip(f"no record with a period of the kind {case!r} in the data")


@pytest.mark.parametrize("lang", ["fi", "sv"])
@pytest.mark.parametrize("case", ["one-day", "end-unknown", "ongoing"])
def test_dates_say_what_they_mean(page: Any, server: str, data: Any, lang: str, case: str) -> None:
    record = _example(data, case)
    page.goto(f"{server}{PREFIX[lang]}records/{record.id}/")
    label = {"fi": "Ajankohta", "sv": "Tidpunkt"}[lang]
    when = page.locator(f".kb-facts div:has(dt:text-is('{label}')) dd").inner_text().strip()
    assert not when.endswith("–")
    if case == "one-day":
        year, month, day = record.period.start.split("-")
        assert when == f"{int(day)}.{int(month)}.{year}"  # one date, no range
    else:
        assert when.endswith(_WHEN[lang][case])


def test_translation_notes_only_on_the_swedish_page(page: Any, server: str) -> None:
    page.goto(server + "records/procurement-handbook-2023/")
    finnish = page.locator("#kb-content").inner_text()
    assert "oma käännöksemme" not in finnish
    assert page.locator(".kb-editorial").count() == 0  # the note was only about Swedish
    page.goto(server + "sv/records/procurement-handbook-2023/")
    # On the Swedish page: small print after the sources.
    assert "vår egen översättning" in page.locator(".kb-editorial").inner_text()
    assert _box(page, ".kb-editorial")["y"] > _box(page, "#sources")["y"]


# --- Header at 390 px ------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fi", "sv"])
@pytest.mark.parametrize("path", ["", "records/mentor-programme-2022/", "browse/"])
def test_header_at_390px_is_readable_and_every_target_is_big_enough(
    page: Any, server: str, lang: str, path: str
) -> None:
    page.set_viewport_size(PHONE)
    page.goto(f"{server}{PREFIX[lang]}{path}")
    clipped = page.evaluate(
        """() => [...document.querySelectorAll('.kb-wordmark span')]
             .filter((s) => s.scrollWidth > s.clientWidth + 1
                        || s.getBoundingClientRect().right > window.innerWidth)
             .map((s) => s.textContent)"""
    )
    assert clipped == []
    assert page.locator(".kb-wordmark__name").inner_text() == "Hankinta-Suomi"
    small = page.evaluate(
        """() => [...document.querySelectorAll('.md-header a, .md-header button, .md-header label')]
             .filter((el) => { const b = el.getBoundingClientRect(); return b.width && b.height; })
             .filter((el) => { const b = el.getBoundingClientRect();
                               return b.width < 24 || b.height < 24; })
             .map((el) => el.outerHTML.slice(0, 80))"""
    )
    assert small == []
    # Search is reachable: a button that opens the search page.
    search = page.locator("a.kb-header-search-link")
    assert search.is_visible()
    search.click()
    page.wait_for_load_state()
    assert page.locator("#kb-search-input").is_visible()
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]


def test_editors_guide_is_in_the_footer_not_in_the_readers_menu(page: Any, server: str) -> None:
    for lang, slug in (("fi", "sisallontuottajan-ohje/"), ("sv", "anvisning-for-redaktorer/")):
        page.goto(f"{server}{PREFIX[lang]}")
        nav = page.locator(".md-sidebar--primary a").evaluate_all(
            "links => links.map(a => new URL(a.href).pathname)"
        )
        assert f"/{PREFIX[lang]}{slug}" not in nav
        footer = page.locator(".kb-footer-nav a").evaluate_all(
            "links => links.map(a => new URL(a.href).pathname)"
        )
        assert f"/{PREFIX[lang]}{slug}" in footer


# --- Area pages ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fi", "sv"])
@pytest.mark.parametrize("area", ["procurement-competence", "innovation"])
def test_the_first_records_on_an_area_page_are_its_own(
    page: Any, server: str, data: Any, lang: str, area: str
) -> None:
    graph = build_graph(data.site)
    own = {r.id for r in graph.own_by_area[area]}
    wide = {r.id for r in graph.by_area[area]} - own
    assert own and wide
    page.goto(f"{server}{PREFIX[lang]}areas/{area}/")
    ids = page.locator("#kb-content a[href*='records/']").evaluate_all(
        "links => links.map(a => a.href.replace(/\\/$/, '').split('/').pop())"
    )
    assert set(ids[: len(own)]) == own  # every own record before any programme-wide one
    assert set(ids[len(own) :]) == wide
    assert _box(page, "#records")["y"] < _box(page, "#programme-wide")["y"]
    # The first record card is on the first screen or right below it, not 4,000 px down.
    assert _box(page, "#kb-content .kb-card")["y"] < 1200


# --- Home ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fi", "sv"])
@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["390", "1366"])
def test_home_opens_with_search_then_key_results_then_areas(
    page: Any, server: str, lang: str, size: dict[str, int]
) -> None:
    page.set_viewport_size(size)
    page.goto(f"{server}{PREFIX[lang]}")
    order = [
        _box(page, "#kb-content h1")["y"],
        _box(page, "form.kb-home-search input")["y"],
        _box(page, "#key-results")["y"],
        _box(page, "#areas")["y"],
        _box(page, "#counts")["y"],
    ]
    assert order == sorted(order)
    assert order[1] < size["height"]  # the search box is on the first screen
    docs = page.locator(".kb-key-result__doc a")
    assert docs.count() >= 4
    hrefs = docs.evaluate_all("l => l.map(a => a.href)")
    assert all(h.startswith(("https://", "http://")) for h in hrefs)
    assert page.locator(".kb-area-tile").count() == 8
    page.locator("form.kb-home-search input").fill("hankinta")
    page.locator("form.kb-home-search button").click()
    page.wait_for_url(lambda url: "q=hankinta" in url)


# --- Listings --------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_filters_combine_with_plain_links_and_narrowed_counts(
    page: Any, server: str, lang: str
) -> None:
    page.route("**/*.js", lambda route: route.abort())  # works without the site's scripts
    page.set_viewport_size(DESKTOP)
    page.goto(f"{server}{PREFIX[lang]}browse/kind/report/")
    assert page.locator("nav.kb-filters").is_visible()  # open on a wide screen
    link = page.locator("#filter-area + ul a[href*='area/innovation']")
    count = int(link.locator(".kb-count").inner_text().strip("()"))
    link.click()
    page.wait_for_url(f"{server}{PREFIX[lang]}browse/kind/report/area/innovation/")
    assert page.locator("#kb-content .kb-card").count() == count
    current = page.locator("nav.kb-filters a[aria-current=page]").evaluate_all(
        "links => links.map(a => new URL(a.href).pathname)"
    )
    # The chosen kind, the chosen area, and "any status" all lead to this very page.
    assert current == [f"/{PREFIX[lang]}browse/kind/report/area/innovation/"] * 3


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_on_a_phone_the_filters_fold_and_results_come_first(
    page: Any, server: str, lang: str
) -> None:
    page.set_viewport_size(PHONE)
    page.goto(f"{server}{PREFIX[lang]}browse/")
    assert not page.locator("nav.kb-filters").is_visible()
    assert _box(page, "#kb-content .kb-card")["y"] < PHONE["height"]
    page.locator("details.kb-filters-fold > summary").click()
    assert page.locator("nav.kb-filters").is_visible()


# --- Overview --------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_overview_pictures_link_to_records_and_the_matrix_fits_a_phone(
    page: Any, server: str, data: Any, lang: str
) -> None:
    page.set_viewport_size(PHONE)
    assert _open(page, server, f"{PREFIX[lang]}areas/") == []  # no request to another host
    # On a phone the narrow timeline is shown (titles above the bars), the wide one hidden.
    assert page.locator("svg.kb-chart--narrow").is_visible()
    assert not page.locator("svg.kb-chart--timeline.kb-chart--wide").is_visible()
    assert _box(page, "svg.kb-chart--narrow")["width"] <= PHONE["width"]
    svg_links = page.locator("svg.kb-chart--narrow a").count()
    assert svg_links == sum(1 for r in data.site.records if r.period)
    table_links = page.locator("#timeline ~ details a[href*='records/']").count()
    assert table_links == svg_links
    heads = page.locator("th.kb-matrix__area").all_inner_texts()
    assert heads == [f"{a.number}. {a.name.get(lang)}" for a in data.site.areas]
    table = _box(page, "table.kb-matrix")
    assert table["height"] <= 5 * PHONE["height"]
    assert table["width"] <= PHONE["width"]
    broken = page.evaluate(
        """() => [...document.querySelectorAll('.kb-matrix th, .kb-matrix a')]
             .map((el) => getComputedStyle(el))
             .filter((s) => s.wordBreak !== 'normal' || s.overflowWrap !== 'normal'
                            || s.hyphens === 'auto').length"""
    )
    assert broken == 0


# --- Search page -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "other"), [("haku/?q=hankinta", "sv/sok/"), ("sv/sok/?q=upphandling", "haku/")]
)
def test_switching_language_on_the_search_page_keeps_the_query(
    page: Any, server: str, start: str, other: str
) -> None:
    page.goto(server + start)
    query = start.split("=", 1)[1]
    page.locator("a.kb-lang__link").click()
    page.wait_for_url(f"{server}{other}?q={query}")
    assert page.locator("#kb-search-input").input_value() == query
    # A query typed on the page goes along too.
    page.locator("#kb-search-input").fill("mentor")
    page.locator("a.kb-lang__link").click()
    page.wait_for_url(lambda url: url.endswith("?q=mentor"))


# --- Accessibility of the new states ---------------------------------------------------


FOLDED = [
    "browse/",
    "sv/browse/kind/report/area/innovation/",
    "areas/",
    "sv/areas/",
    "areas/procurement-competence/",
    "sv/records/hansel-hankintatutka/",
]


def _unfold(tab: Any, server: str, path: str) -> Audit:
    tab.emulate_media(color_scheme="light")
    tab.set_viewport_size(PHONE)
    _load(tab, server, path)
    result = Audit([])
    result.opened = tab.evaluate(
        "() => { const folds = document.querySelectorAll('#kb-content details');"
        " folds.forEach((d) => d.open = true);"
        " return folds.length > 0 && [...folds].every((d) => d.open); }"
    )
    _axe_in_both_schemes(tab, result, "light", "dark")
    return result


@pytest.fixture(scope="module")
def unfolded(browser: Any, server: str) -> Iterator[Callable[[str], Audit]]:
    """Each page of FOLDED loaded once on a phone, every fold opened, axe in light and dark."""
    done: dict[str, Audit] = {}
    tabs = Tabs(browser, server)

    def audit(path: str) -> Audit:
        if path not in done:
            done[path] = tabs.audit("phone", lambda tab: _unfold(tab, server, path))
        return done[path]

    yield audit
    tabs.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", FOLDED)
def test_no_axe_violations_with_every_fold_open_on_a_phone(
    unfolded: Any, path: str, scheme: str
) -> None:
    audit = unfolded(path)
    assert audit.problems == []
    assert audit.palette[scheme] == SCHEME[scheme]
    assert audit.changed == []
    assert audit.violations[scheme] == []
