"""Real headless Chromium (Debian's /usr/bin/chromium) against the built site on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from kb_browser import serve

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.browser


def test_switch_language_on_a_record_lands_on_the_same_record(page, server: str) -> None:
    page.goto(server + "records/mentor-programme-2022/")
    assert page.locator("html").get_attribute("lang") == "fi"
    page.locator("a.kb-lang__link[hreflang=sv]").click()
    page.wait_for_url(server + "sv/records/mentor-programme-2022/")
    assert page.locator("html").get_attribute("lang") == "sv"
    assert "Mentorprogram" in page.locator("h1").inner_text()
    page.locator("a.kb-lang__link[hreflang=fi]").click()
    page.wait_for_url(server + "records/mentor-programme-2022/")


def _search_results(page) -> list[str]:
    page.wait_for_function(
        "() => { const s = document.getElementById('kb-search-status');"
        " return s && s.textContent && !s.textContent.endsWith('…'); }",
        timeout=15000,
    )
    return page.locator("#kb-search-results a").evaluate_all("links => links.map(a => a.href)")


@pytest.mark.parametrize(
    ("start", "query", "expected", "other_prefix"),
    [
        ("", "mentorointiohjelmaan", "records/mentor-programme-2022/", "sv/"),
        ("sv/", "mentorprogrammen", "sv/records/mentor-programme-2022/", None),
    ],
)
def test_search_finds_inflected_forms_in_the_page_language_only(
    page, server: str, start: str, query: str, expected: str, other_prefix: str | None
) -> None:
    page.goto(server + start)
    field = page.locator("#kb-header-q")
    field.fill(query)
    field.press("Enter")
    links = _search_results(page)
    assert server + expected in links, links
    if other_prefix:  # Finnish search: nothing under /sv/
        assert not [link for link in links if link.startswith(server + other_prefix)]
    else:  # Swedish search: everything under /sv/
        assert links and all(link.startswith(server + "sv/") for link in links)


def test_search_status_is_announced(page, server: str) -> None:
    page.goto(server + "haku/?q=hankinta")
    _search_results(page)
    status = page.locator("#kb-search-status")
    assert status.get_attribute("role") == "status"
    assert "hankinta" in status.inner_text()


_PAGEFIND_QUERY = """async (query) => {
  // The site is served at the root; the page's language picks its bundles.
  const bundles = await (await fetch('/pagefind/bundles.json')).json();
  const names = bundles[document.documentElement.lang];
  const pagefind = await import(`/pagefind/${names[0]}/pagefind.js`);
  await pagefind.options({ baseUrl: '/' });
  for (const name of names.slice(1)) await pagefind.mergeIndex(`/pagefind/${name}/`);
  const search = await pagefind.search(query);
  const pages = await Promise.all(search.results.map((r) => r.data()));
  return pages.map((p) => p.url);
}"""


@pytest.mark.parametrize(
    ("start", "base", "inflected"),
    [
        ("", "hankinta", ["hankinnat", "hankintojen", "hankintayksikkö"]),
        ("sv/", "upphandling", ["upphandlingar", "upphandlingen"]),
    ],
)
def test_base_form_finds_every_page_of_its_inflected_forms(
    page, server: str, start: str, base: str, inflected: list[str]
) -> None:
    page.goto(server + start)
    found = set(page.evaluate(_PAGEFIND_QUERY, base))
    assert found, base
    for form in inflected:
        pages = set(page.evaluate(_PAGEFIND_QUERY, form))
        assert pages, form
        assert pages <= found, (form, sorted(pages - found))
    in_language = [url for url in found if url.startswith("/sv/")]
    assert len(in_language) == (len(found) if start else 0)


def test_search_shows_ten_results_at_a_time(page, server: str) -> None:
    page.goto(server + "haku/?q=hankinta")
    _search_results(page)
    status = page.locator("#kb-search-status").inner_text()
    total = int(status.split()[0])
    assert total > 20, status
    results = page.locator("#kb-search-results li")
    assert results.count() == 10
    more = page.locator("#kb-search-more")
    assert more.is_visible()
    more.click()
    page.wait_for_function("() => document.querySelectorAll('#kb-search-results li').length === 20")
    focused = page.evaluate(
        "document.activeElement.closest('li')"
        " === document.querySelectorAll('#kb-search-results li')[10]"
    )
    assert focused  # the first new result takes the focus
    fragments = page.evaluate(
        "performance.getEntriesByType('resource').filter(e => e.name.includes('/fragment/')).length"
    )
    assert fragments <= 20  # excerpts are fetched only for the results shown


@pytest.fixture(scope="module")
def batched_server(batched_site: Path) -> Iterator[str]:
    """The same site with its search index made in several bundles per language, as a large
    site's is (conftest.batched_site; test_search_index checks the bundles)."""
    httpd, url = serve(batched_site)
    yield url
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize(("path", "query"), [("haku/", "hankinta"), ("sv/sok/", "upphandling")])
def test_search_over_merged_bundles_finds_what_one_bundle_finds(
    page, server: str, batched_server: str, path: str, query: str
) -> None:
    found = {}
    for name, base in (("one", server), ("merged", batched_server)):
        page.goto(f"{base}{path}?q={query}")
        _search_results(page)
        found[name] = page.locator("#kb-search-status").inner_text()
        while page.locator("#kb-search-more").is_visible():
            shown = page.locator("#kb-search-results li").count()
            page.locator("#kb-search-more").click()
            page.wait_for_function(
                f"() => document.querySelectorAll('#kb-search-results li').length > {shown}"
            )
        links = page.locator("#kb-search-results a").evaluate_all("els => els.map(e => e.href)")
        found[name + "-links"] = sorted(link.removeprefix(base) for link in links)
    assert found["merged"] == found["one"]
    assert found["merged-links"] == found["one-links"] and len(found["one-links"]) > 10


def test_labels_every_record_repeats_are_not_search_hits(page, server: str) -> None:
    """'Vastuutaho' labels the organisations on every record page that has them, and no
    record's own text uses the word: a search for it must find no record rather than
    every record. (The Swedish labels all occur in the records' own texts.)"""
    page.goto(server + "records/mentor-programme-2022/")
    assert "vastuutaho" in page.locator("dl.kb-facts").inner_text().lower()
    found = page.evaluate(_PAGEFIND_QUERY, "vastuutaho")
    assert [url for url in found if "/records/" in url] == []


def _search(page, server: str, path: str, query: str) -> list[str]:
    """Run `query` on the search page at `path`; the result links, site-relative."""
    page.goto(f"{server}{path}?q={quote(query)}")
    return [link.removeprefix(server) for link in _search_results(page)]


@pytest.mark.parametrize(
    ("path", "query", "expected"),
    [
        # base form -> inflected forms in the text (hankintayksiköitä, hankintayksiköille)
        ("haku/", "hankintayksikkö", ["records/procurement-handbook-2023/"]),
        # inflected form -> another inflected form (mentorointiohjelma)
        ("haku/", "mentorointiohjelmasta", ["records/mentor-programme-2022/"]),
        # a part of a compound the text has (hankintayksiköitä)
        ("haku/", "yksikkö", ["records/procurement-handbook-2023/"]),
        # a compound the text writes in parts (lainsäädännön, hankinnoissa)
        ("haku/", "hankintalainsäädäntö", ["records/hilmi-study/"]),
        # Swedish: Snowball forms, a compound split against the site's words
        ("sv/sok/", "mentorprogrammen", ["sv/records/mentor-programme-2022/"]),
        ("sv/sok/", "kompetensutveckling", ["sv/records/theme-group-procurement-competence/"]),
    ],
)
def test_base_forms_inflected_forms_and_compound_parts_find_each_other(
    page, server: str, path: str, query: str, expected: list[str]
) -> None:
    links = _search(page, server, path, query)
    for url in expected:
        assert url in links, (query, links)


@pytest.mark.parametrize(
    ("path", "query", "corrected", "expected"),
    [
        ("haku/", "mentorointiohjlema", "mentorointiohjelm", "records/mentor-programme-2022/"),
        ("sv/sok/", "lärandeklinker", "lärandeklinik", "sv/records/learning-clinics/"),
    ],
)
def test_a_typo_is_corrected_from_the_sites_own_words(
    page, server: str, path: str, query: str, corrected: str, expected: str
) -> None:
    links = _search(page, server, path, query)
    assert expected in links
    notice = page.locator("#kb-search-notice")
    assert notice.is_visible()
    suggestion = notice.locator("a")
    assert suggestion.inner_text().startswith(corrected)
    assert "q=" + quote(suggestion.inner_text()) in suggestion.get_attribute("href")
    assert query in page.locator("#kb-search-status").inner_text()


@pytest.mark.parametrize(
    ("path", "query", "notice"),
    [("haku/", "qwxzzvq", "Ei tuloksia"), ("sv/sok/", "qwxzzvq", "Inga resultat")],
)
def test_nothing_found_says_what_to_try_and_links_to_browsing(
    page, server: str, path: str, query: str, notice: str
) -> None:
    assert _search(page, server, path, query) == []
    assert notice in page.locator("#kb-search-status").inner_text()
    help_ = page.locator("#kb-search-help")
    assert help_.is_visible()
    browse = path.removesuffix("haku/").removesuffix("sok/") + "browse/"
    assert help_.locator("a").get_attribute("href").endswith(browse.removeprefix("sv/") or "/")
    assert not page.locator("#kb-search-notice").is_visible()


@pytest.mark.parametrize(
    ("path", "query", "notice", "expected"),
    [
        (
            "haku/",
            "mentorointiohjelma kiertotalous",
            "osa sanoista",
            ["records/mentor-programme-2022/", "records/theme-group-ecological-sustainability/"],
        ),
        (
            "sv/sok/",
            "mentorprogrammet cirkulär ekonomi",
            "en del av orden",
            [
                "sv/records/mentor-programme-2022/",
                "sv/records/theme-group-ecological-sustainability/",
            ],
        ),
    ],
)
def test_too_few_pages_with_every_word_falls_back_to_any_word_and_says_so(
    page, server: str, path: str, query: str, notice: str, expected: list[str]
) -> None:
    links = _search(page, server, path, query)
    assert notice in page.locator("#kb-search-status").inner_text()
    for url in expected:
        assert url in links, links
    kinds = page.locator("#kb-search-results li .kb-search__kind").all_inner_texts()
    is_record = [link.removeprefix("sv/").startswith("records/") for link in links]
    records = [i for i, yes in enumerate(is_record) if yes]
    others = [i for i, yes in enumerate(is_record) if not yes]
    assert records
    assert not others or max(records) < min(others), (links, kinds)  # records first


@pytest.mark.parametrize(
    ("path", "query", "prefix"), [("haku/", "Hansel", ""), ("sv/sok/", "Hansel", "sv/")]
)
def test_no_result_from_the_other_language(page, server: str, path: str, query: str, prefix: str):
    links = _search(page, server, path, query)
    assert links
    assert all(link.startswith("sv/") == (prefix == "sv/") for link in links), links


def test_results_show_kind_year_and_summary_not_badges(page, server: str) -> None:
    links = _search(page, server, "haku/", "mentorointiohjelmaan")
    first = page.locator("#kb-search-results li").nth(links.index("records/mentor-programme-2022/"))
    assert first.locator(".kb-search__kind").inner_text() == "Koulutus tai valmennus · 2022–2023"
    snippet = first.locator("p").nth(1).inner_text()
    assert snippet.startswith("Suomen ensimmäinen julkisten hankintojen mentorointiohjelma")
    for label in ("Päättynyt", "Ohjelman tulos", "Koulutus tai valmennus", "Kuntaliitto"):
        assert label not in snippet
    assert first.locator("mark").count() >= 1
