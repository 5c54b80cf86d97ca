"""Open data, feeds, redirects and structured data: unit tests and checks on the built site."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from kb.export.feeds import feed_entries, feed_updated, json_ld, redirects
from kb.export.files import LIST_SEPARATOR, to_csv, to_data
from kb.load import parse
from kb.model import Site
from kb.records import build_site
from kb.state import read_state
from kb.validate import SCHEMA_PATH

SITE_URL = "https://hankinta-suomi.example/"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def small(small_yaml: str) -> Site:
    loaded, _ = parse(small_yaml, "small.yaml")
    assert loaded is not None
    return build_site(loaded.data)


@pytest.fixture(scope="module")
def real(root: Path) -> Site:
    return read_state(root / "data/measures.yaml", "data/measures.yaml").site


def test_exported_data_validates_and_rebuilds_the_same_site(small: Site) -> None:
    data = to_data(small)
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    assert build_site(json.loads(json.dumps(data))) == small


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_round_trips_every_record(small: Site) -> None:
    for lang in ("fi", "sv"):
        rows = _rows(to_csv(small, lang, SITE_URL))
        assert [row["id"] for row in rows] == [r.id for r in small.records]
        for row, record in zip(rows, small.records, strict=True):
            assert row["title"] == record.title.get(lang)
            assert row["summary"] == record.summary.get(lang)
            assert row["kind"] == record.kind.value and row["status"] == record.status.value
            assert tuple(row["areas"].split(LIST_SEPARATOR)) == record.areas
            assert tuple(filter(None, row["related"].split(LIST_SEPARATOR))) == record.related
            assert tuple(row["sources"].split(LIST_SEPARATOR)) == record.sources
            assert row["period_start"] == (record.period.start if record.period else "")
            assert (
                row["url"] == SITE_URL + ("sv/" if lang == "sv" else "") + f"records/{record.id}/"
            )
            names = [small.organisation_by_id[o].name.get(lang) for o in record.responsible]
            assert row["responsible"] == LIST_SEPARATOR.join(names)
            assert len(list(filter(None, row["figures"].split(LIST_SEPARATOR)))) == len(
                record.figures
            )


def test_feed_is_newest_first_and_redirects_follow_old_ids(small: Site) -> None:
    records = list(small.records)
    records[0] = dataclasses.replace(records[0], added="2026-01-10", old_ids=("old-name",))
    records[1] = dataclasses.replace(records[1], added="2025-05-01", updated="2026-03-01")
    site = Site(
        small.areas,
        small.organisations,
        tuple(records),
        small.area_by_id,
        small.organisation_by_id,
        {r.id: r for r in records},
    )
    entries = feed_entries(site, "sv", SITE_URL)
    assert [e["url"].split("/")[-2] for e in entries] == [records[1].id, records[0].id]
    assert entries[0]["updated"] == "2026-03-01T00:00:00Z"
    assert redirects(site) == [("records/old-name/", f"records/{records[0].id}/")]


def test_json_ld_describes_the_record(small: Site) -> None:
    record = small.record_by_id["mentor-programme-2022"]
    data = json_ld(small, record, "sv", SITE_URL)
    assert data["@type"] == "Course" and data["inLanguage"] == "sv"
    assert data["name"] == record.title.sv
    assert data["url"] == SITE_URL + "sv/records/mentor-programme-2022/"
    assert data["provider"] == {"@type": "Organization", "name": "Finansministeriet"}


def test_published_files_on_the_built_site(built_site: Path, real: Site) -> None:
    data = json.loads((built_site / "data/hankinta-suomi.json").read_text(encoding="utf-8"))
    schema = json.loads((built_site / "data/measures.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    assert [r["id"] for r in data["records"]] == [r.id for r in real.records]
    for lang in ("fi", "sv"):
        raw = (built_site / f"data/hankinta-suomi-{lang}.csv").read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf")
        rows = _rows(raw.decode("utf-8"))
        assert [row["title"] for row in rows] == [r.title.get(lang) for r in real.records]
    robots = (built_site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {SITE_URL}sitemap.xml" in robots


def test_feeds_parse_as_atom_in_each_language(built_site: Path) -> None:
    for lang, path in (("fi", "feed.xml"), ("sv", "sv/feed.xml")):
        root = ET.parse(built_site / path).getroot()
        assert root.tag == f"{ATOM}feed"
        assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
        updated = [e.findtext(f"{ATOM}updated") for e in root.findall(f"{ATOM}entry")]
        assert updated == sorted(updated, reverse=True)
        for entry in root.findall(f"{ATOM}entry"):
            href = entry.find(f"{ATOM}link").get("href")
            assert href.startswith(SITE_URL + ("sv/" if lang == "sv" else "") + "records/")


def test_record_pages_carry_json_ld(built_site: Path, real: Site) -> None:
    import re

    record = real.records[0]
    html = (built_site / f"sv/records/{record.id}/index.html").read_text(encoding="utf-8")
    [block] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(block)
    assert data["@context"] == "https://schema.org" and data["name"] == record.title.sv


def test_feed_date_comes_from_the_data(small: Site) -> None:
    # No record carries added/updated: the newest date of any period stands in.
    assert feed_updated(small) == "2023-12-31T00:00:00Z"
    records = list(small.records)
    records[0] = dataclasses.replace(records[0], added="2026-11-21")
    dated = Site(small.areas, small.organisations, tuple(records), small.area_by_id,
                 small.organisation_by_id, {r.id: r for r in records})  # fmt: skip
    assert feed_updated(dated) == "2026-11-21T00:00:00Z"


def test_search_bundles_split_each_language_evenly(tmp_path: Path) -> None:
    from kb.search.index import plan_bundles

    body = '<html><body><main data-pagefind-body="">x</main></body></html>'
    for rel in [*(f"records/r{i:02d}/index.html" for i in range(10)), "index.html"]:
        for prefix in ("", "sv/"):
            (tmp_path / prefix / rel).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / prefix / rel).write_text(body)
    (tmp_path / "browse").mkdir()
    (tmp_path / "browse/index.html").write_text("<html><body>no marked content</body></html>")
    plan = plan_bundles(tmp_path, ("fi", "sv"), per_bundle=4)
    assert [len(batch) for batch in plan["fi"]] == [4, 4, 3]
    assert [len(batch) for batch in plan["sv"]] == [4, 4, 3]
    assert all(p.startswith("sv/") for batch in plan["sv"] for p in batch)
    assert not any(p.startswith(("sv/", "browse/")) for batch in plan["fi"] for p in batch)
    assert plan_bundles(tmp_path, ("fi", "sv"), per_bundle=100)["fi"][0][0] == "index.html"
    # One language's pages alone (each language is indexed in its own process).
    assert plan_bundles(tmp_path, ("fi", "sv"), per_bundle=4, only="sv") == {"sv": plan["sv"]}
    assert plan_bundles(tmp_path, ("fi", "sv"), per_bundle=4, only="fi") == {"fi": plan["fi"]}
