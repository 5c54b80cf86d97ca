"""The built pages of a hostile data file, opened in Chromium: no script, handler or
navigation of the data's runs, however the reader moves over the page or searches."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kb_browser import serve

pytestmark = pytest.mark.browser

# Every function the payload calls, and the dialogs, record that they ran.
_TRAP = """
window.__kbFired = [];
window.kbevil = function () { window.__kbFired.push('kbevil'); };
window.alert = function () { window.__kbFired.push('alert'); };
"""
# Move over, focus and hover every element, as a reader's mouse and keyboard would.
_PROVOKE = """
() => {
  for (const el of document.querySelectorAll('body *')) {
    for (const type of ['mouseover', 'mouseenter', 'focus', 'focusin', 'pointerover']) {
      el.dispatchEvent(new Event(type, {bubbles: true}));
    }
    if (typeof el.focus === 'function') el.focus();
  }
  return document.querySelectorAll('body *').length;
}
"""
PAGES = [
    "",
    "sv/",
    "areas/",
    "sv/areas/",
    "browse/",
    "sv/browse/",
    "404.html",
]


@pytest.fixture(scope="module")
def hostile_server(hostile_site: Path) -> Iterator[str]:
    httpd, url = serve(hostile_site)
    yield url
    httpd.shutdown()
    httpd.server_close()


def _visit(page: Any, url: str) -> list[str]:
    dialogs: list[str] = []
    navigations: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on(
        "framenavigated",
        lambda frame: navigations.append(frame.url) if frame == page.main_frame else None,
    )
    page.goto(url)
    page.wait_for_load_state("load")
    count = page.evaluate(_PROVOKE)
    assert count > 50
    page.wait_for_timeout(100)
    fired = page.evaluate("window.__kbFired")
    assert page.url.split("#")[0] == url, f"navigated to {page.url}"
    assert len(navigations) == 1, navigations
    return [*fired, *dialogs]


def test_no_payload_runs_on_any_kind_of_page(page: Any, hostile_server: str) -> None:
    page.add_init_script(_TRAP)
    page.goto(hostile_server + "browse/")
    records = page.locator("a[href*='records/']").evaluate_all("a => a.map(x => x.href)")
    areas = page.locator("a[href*='/areas/']").evaluate_all("a => a.map(x => x.href)")
    assert records and areas
    urls = [hostile_server + p for p in PAGES] + records[:3] + areas[:2]
    urls += [u.replace(hostile_server, hostile_server + "sv/", 1) for u in records[:2]]
    for url in urls:
        assert _visit(page, url) == [], url
        assert "kbevil()" in page.content()  # the payload is there, as text


def test_searching_the_payload_runs_nothing(page: Any, hostile_server: str) -> None:
    page.add_init_script(_TRAP)
    page.goto(hostile_server + "haku/?q=kbevil")
    page.wait_for_function(
        "() => { const s = document.getElementById('kb-search-status');"
        " return s && s.textContent && !s.textContent.endsWith('…'); }",
        timeout=20000,
    )
    results = page.locator("#kb-search-results li").count()
    assert results > 0, page.locator("#kb-search-status").inner_text()
    page.evaluate(_PROVOKE)
    page.wait_for_timeout(100)
    assert page.evaluate("window.__kbFired") == []
    assert page.locator("#kb-search-results kbx-evil").count() == 0
