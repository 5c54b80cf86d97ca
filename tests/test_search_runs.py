"""How the search index is built: bundles indexed two at a time, the manifest in the plan's
order whatever finishes first, a failed run stops the build, and the preview's index
published whole (`mkdocs serve` indexes in the background)."""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

import pytest

import kb.search.index as kb_search
import kb.search.preview as preview

_BODY = '<html><body><main data-pagefind-body="">{}</main></body></html>'


def _site(root: Path, records: int = 6) -> Path:
    site = root / "site"
    for i in range(records):
        for prefix in ("", "sv/"):
            page = site / prefix / f"records/r{i:02d}/index.html"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(_BODY.format(i), encoding="utf-8")
    return site


class _FakePagefind:
    """Stands in for the Pagefind process: records how many run at once and what each got."""

    def __init__(self, delay: float = 0.05, fail: str | None = None) -> None:
        self.delay, self.fail = delay, fail
        self.running = 0
        self.most = 0
        self.lock = threading.Lock()
        self.seen: dict[str, list[str]] = {}
        self.calls: list[str] = []  # every run's bundle, in the order the runs started

    def __call__(self, site: Path, bundle: Path) -> None:
        with self.lock:
            self.running += 1
            self.most = max(self.most, self.running)
        try:
            time.sleep(self.delay)
            pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
            self.seen[bundle.name] = pages
            self.calls.append(bundle.name)
            if bundle.name == self.fail:
                raise kb_search.SearchError(f"Pagefind failed on {bundle.name}")
            bundle.mkdir(parents=True)
            (bundle / "pagefind-entry.json").write_text(
                json.dumps({"languages": {"b": 1, "a": 2}}), encoding="utf-8"
            )
        finally:
            with self.lock:
                self.running -= 1


def test_bundles_run_two_at_a_time_and_the_manifest_keeps_the_plan_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = _site(tmp_path)
    fake = _FakePagefind(delay=0.1)
    monkeypatch.setattr(kb_search, "_run_pagefind", fake)
    monkeypatch.setattr(kb_search.os, "cpu_count", lambda: 2)
    manifest = kb_search.build_index(site, ("fi", "sv"), {}, per_bundle=2)
    assert manifest == {"fi": ["fi-01", "fi-02", "fi-03"], "sv": ["sv-01", "sv-02", "sv-03"]}
    assert fake.most == 2  # two runs at once, never more
    assert json.loads((site / "pagefind/bundles.json").read_text(encoding="utf-8")) == manifest
    # every bundle indexed its own pages and nothing else; entry files sorted
    assert fake.seen["fi-01"] == ["records/r00/index.html", "records/r01/index.html"]
    assert fake.seen["sv-03"] == ["sv/records/r04/index.html", "sv/records/r05/index.html"]
    entry = (site / "pagefind/sv-02/pagefind-entry.json").read_text(encoding="utf-8")
    assert entry == '{"languages":{"a":2,"b":1}}'
    assert not list(tmp_path.glob(".kb-pagefind-*"))  # scratch folders removed


def test_one_core_runs_one_at_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = _site(tmp_path, records=4)
    fake = _FakePagefind()
    monkeypatch.setattr(kb_search, "_run_pagefind", fake)
    monkeypatch.setattr(kb_search.os, "cpu_count", lambda: 1)
    kb_search.build_index(site, ("fi", "sv"), {}, per_bundle=2)
    assert fake.most == 1


def test_a_failed_run_stops_the_build_with_its_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = _site(tmp_path)
    monkeypatch.setattr(kb_search, "_run_pagefind", _FakePagefind(fail="sv-02"))
    with pytest.raises(kb_search.SearchError, match="Pagefind failed on sv-02"):
        kb_search.build_index(site, ("fi", "sv"), {}, per_bundle=2)
    assert not (site / "pagefind/bundles.json").exists()
    assert not list(tmp_path.glob(".kb-pagefind-*"))


def test_the_preview_index_replaces_the_old_one_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = _site(tmp_path, records=2)
    old = site / "pagefind/fi-09"
    old.mkdir(parents=True)
    (old / "stale.pf_index").write_text("old", encoding="utf-8")
    monkeypatch.setattr(kb_search, "_run_pagefind", _FakePagefind())
    preview.publish_index(site, ("fi", "sv"), {})
    assert sorted(p.name for p in (site / "pagefind").iterdir()) == [
        "bundles.json",
        "fi-01",
        "sv-01",
        "vocab-fi",
        "vocab-sv",
    ]
    assert not list(tmp_path.glob(".kb-pagefind-*"))


def test_the_preview_index_gives_up_quietly_when_the_site_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    site = _site(tmp_path, records=2)
    monkeypatch.setattr(kb_search, "_run_pagefind", _FakePagefind(fail="fi-01"))
    preview.publish_index(site, ("fi", "sv"), {})  # no exception: the next rebuild tries again
    assert "search index was not updated" in capsys.readouterr().err
    assert not (site / "pagefind").exists()
    assert not list(tmp_path.glob(".kb-pagefind-*"))


def test_background_indexing_returns_at_once_and_publishes_later(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = _site(tmp_path, records=1)
    fake = _FakePagefind(delay=0.5)
    monkeypatch.setattr(kb_search, "_run_pagefind", fake)
    worker = preview.index_in_background(site, ("fi", "sv"), {})
    assert worker.is_alive()  # returned without waiting for Pagefind
    assert not (site / "pagefind/bundles.json").exists()
    worker.join(timeout=60)
    assert not worker.is_alive()
    assert json.loads((site / "pagefind/bundles.json").read_text(encoding="utf-8")) == {
        "fi": ["fi-01"],
        "sv": ["sv-01"],
    }


@pytest.mark.skipif(not hasattr(os, "setpriority"), reason="no per-thread priority here")
def test_background_indexing_yields_the_cpu_to_the_next_rebuild(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The preview's index runs at a lower priority (nice), and so do the threads that run
    Pagefind for it; the serving thread keeps its own."""
    site = _site(tmp_path, records=1)
    seen: list[int] = []

    def pagefind(site: Path, bundle: Path) -> None:
        seen.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))
        _FakePagefind(delay=0)(site, bundle)

    monkeypatch.setattr(kb_search, "_run_pagefind", pagefind)
    mine = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    preview.index_in_background(site, ("fi", "sv"), {}).join(timeout=60)
    assert seen == [min(19, mine + preview.NICER)] * 2
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == mine
    assert (site / "pagefind/bundles.json").is_file()


def test_background_indexing_survives_a_missing_site(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    worker = preview.index_in_background(tmp_path / "gone" / "site", ("fi", "sv"), {})
    worker.join(timeout=60)
    assert "search index was not updated" in capsys.readouterr().err


def test_serve_builds_are_told_from_published_builds() -> None:
    from types import SimpleNamespace

    from kb.adapter.settings import serving

    def config(site_url: str, addr: tuple[str, int] = ("127.0.0.1", 8000)) -> object:
        return SimpleNamespace(site_url=site_url, dev_addr=addr)

    assert serving(config("http://127.0.0.1:8000/"))
    assert serving(config("http://127.0.0.1:8123/kb/", ("127.0.0.1", 8123)))
    assert serving(config("http://[::1]:8000/", ("::1", 8000)))
    assert not serving(config("https://hankinnat.example.fi/"))
    assert not serving(config("http://127.0.0.1:9000/"))
    assert not serving(config("http://127.0.0.1:x/"))


def test_quick_edits_run_one_preview_index_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = _site(tmp_path, records=1)
    fake = _FakePagefind(delay=0.3)
    monkeypatch.setattr(kb_search, "_run_pagefind", fake)
    first = preview.index_in_background(site, ("fi", "sv"), {})
    second = preview.index_in_background(site, ("fi", "sv"), {})
    first.join(timeout=60)
    second.join(timeout=60)
    assert not first.is_alive() and not second.is_alive()
    assert fake.most == 1  # the second run waited for the first: one Pagefind at a time
    assert fake.calls == ["fi-01", "sv-01", "fi-01", "sv-01"]  # both ran, one after the other
    assert (site / "pagefind/bundles.json").is_file()


def test_a_preview_index_of_a_replaced_site_is_thrown_away(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    site = _site(tmp_path, records=1)
    started = threading.Event()
    real = _FakePagefind(delay=0.3)

    def fake(site_dir: Path, bundle: Path) -> None:
        started.set()
        real(site_dir, bundle)

    monkeypatch.setattr(kb_search, "_run_pagefind", fake)
    stale = preview.index_in_background(site, ("fi", "sv"), {})
    assert started.wait(timeout=30)
    site.rename(tmp_path / "old-site")  # the next rebuild swaps a new folder in meanwhile
    _site(tmp_path, records=2)
    stale.join(timeout=60)
    assert not stale.is_alive()
    assert real.calls == ["fi-01", "sv-01"]  # it indexed the old pages to the end...
    assert not (site / "pagefind").exists()  # ...and the index never reaches the new site
    assert "not updated" not in capsys.readouterr().err  # thrown away, not failed
    assert not list(tmp_path.glob(".kb-pagefind-out-*"))
    preview.index_in_background(site, ("fi", "sv"), {}).join(timeout=60)
    assert (site / "pagefind/bundles.json").is_file()  # the new site's own run publishes
