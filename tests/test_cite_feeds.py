"""Citing a record (the block, the CSL-JSON file, the record's JSON) and the per-area Atom
feeds, on the built site; and hostile texts in each of these outputs."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import jinja2
import pytest

from kb.export.cite import cite_year, csl_item, to_csl_json
from kb.export.feeds import feed_entries
from kb.export.files import record_json
from kb.model import Kind, Origin, Record, Site, Status, Text
from kb.state import read_state

SITE_URL = "https://hankinta-suomi.example/"
ATOM = "{http://www.w3.org/2005/Atom}"
SITE_NAMES = {"fi": "Hankinta-Suomi – tulokset", "sv": "Hankinta-Suomi – resultat"}
# From the CSL 1.0.2 input schema (csl-data.json): the item fields we write, the required
# ones, and the shape of a name and of a date.
CSL_REQUIRED = {"type", "id"}
CSL_FIELDS = {"type", "id", "title", "author", "container-title", "genre", "abstract", "URL"}
CSL_FIELDS |= {"language", "issued"}
NAME_FIELDS = {"family", "given", "literal", "suffix", "dropping-particle"}


@pytest.fixture(scope="module")
def site(root: Path) -> Site:
    return read_state(root / "data/measures.yaml", "data/measures.yaml").site


def _page(built_site: Path, lang: str, path: str) -> str:
    prefix = "" if lang == "fi" else "sv/"
    return (built_site / prefix / path / "index.html").read_text(encoding="utf-8")


def _resolve(built_site: Path, lang: str, page: str, href: str) -> Path:
    prefix = "" if lang == "fi" else "sv/"
    url = urljoin(f"http://x/{prefix}{page}", href)
    return built_site / url.removeprefix("http://x/")


def _check_csl(item: dict[str, Any]) -> None:
    assert CSL_REQUIRED <= set(item) <= CSL_FIELDS, set(item) - CSL_FIELDS
    assert item["type"] == "webpage"
    assert all(set(name) <= NAME_FIELDS and name["literal"] for name in item["author"])
    if "issued" in item:
        (parts,) = item["issued"]["date-parts"]
        assert 1 <= len(parts) <= 3 and all(isinstance(p, int) for p in parts)


def test_every_record_page_can_be_cited_in_both_languages(built_site: Path, site: Site) -> None:
    records = json.loads((built_site / "data/hankinta-suomi.json").read_text(encoding="utf-8"))
    entries = {r["id"]: r for r in records["records"]}
    for record in site.records:
        for lang in ("fi", "sv"):
            path = f"records/{record.id}/"
            html = _page(built_site, lang, path)
            [block] = re.findall(r'<section class="kb-cite".*?</section>', html, re.S)
            assert ("Viittaa tähän" if lang == "fi" else "Citera") in block
            texts = re.findall(r'<p class="kb-cite__text" lang="(fi|sv)">(.*?)</p>', block, re.S)
            assert [code for code, _ in texts] == [lang, "sv" if lang == "fi" else "fi"]
            year = cite_year(record)
            for code, text in texts:
                url = SITE_URL + ("" if code == "fi" else "sv/") + path
                assert f">{url}</a>" in text and f"({year})" in text
                assert f". {SITE_NAMES[code]}. " in text  # the site's name in that language
                assert (
                    "(viitattu pp.kk.vvvv)." if code == "fi" else "(hämtad dd.mm.åååå)."
                ) in text
            hrefs = dict(re.findall(r'<a href="([^"]+)" type="(application/[^"]+)"', block))
            csl_href, json_href = hrefs  # CSL-JSON first, then the record's JSON
            [item] = json.loads(_resolve(built_site, lang, path, csl_href).read_text("utf-8"))
            _check_csl(item)
            assert item["title"] == record.title.get(lang) and item["language"] == lang
            assert item["container-title"] == SITE_NAMES[lang]
            assert item["URL"] == SITE_URL + ("" if lang == "fi" else "sv/") + path
            assert item.get("issued", {}).get("date-parts") == ([[year]] if year else None)
            data = json.loads(_resolve(built_site, lang, path, json_href).read_text("utf-8"))
            assert data == entries[record.id]


def test_every_area_has_its_feed_in_both_languages(built_site: Path, site: Site) -> None:
    for area in site.areas:
        dated = {r.id for r in site.records if area.id in r.areas and (r.updated or r.added)}
        for lang in ("fi", "sv"):
            prefix = "" if lang == "fi" else "sv/"
            html = _page(built_site, lang, f"areas/{area.id}/")
            assert '<link rel="alternate" type="application/atom+xml" href="feed.xml"' in html
            assert '<a href="feed.xml" type="application/atom+xml">' in html  # visible link
            feed = ET.parse(built_site / prefix / "areas" / area.id / "feed.xml").getroot()
            assert feed.tag == f"{ATOM}feed"
            self_link = feed.find(f"{ATOM}link[@rel='self']")
            assert self_link is not None
            assert self_link.get("href") == f"{SITE_URL}{prefix}areas/{area.id}/feed.xml"
            assert area.name.get(lang) in (feed.findtext(f"{ATOM}title") or "")
            ids = [e.findtext(f"{ATOM}id") or "" for e in feed.findall(f"{ATOM}entry")]
            assert {i.rsplit("/", 2)[1] for i in ids} == dated
            assert all(i.startswith(f"{SITE_URL}{prefix}records/") for i in ids)
    assert (built_site / "feed.xml").is_file() and (built_site / "sv/feed.xml").is_file()


# --- hostile values ---------------------------------------------------------------------

HOSTILE = 'Otsikko "lainaus" <b>&amp; """kolme""" \'yksi\'\nrivi </script><!-- ]]> loppu'


def _hostile_site() -> Site:
    text = Text(HOSTILE, HOSTILE + " sv")
    record = Record(
        id="hostile",
        kind=Kind.REPORT,
        origin=Origin.PROGRAMME,
        title=text,
        summary=text,
        areas=("a",),
        status=Status.COMPLETED,
        sources=("https://example.org/",),
        added="2026-11-21",
    )
    return Site(areas=(), organisations=(), records=(record,), record_by_id={"hostile": record})


def test_hostile_titles_in_csl_and_record_json_stay_data() -> None:
    site = _hostile_site()
    record = site.records[0]
    item = csl_item(site, record, "fi", SITE_URL, HOSTILE, "x", "hankinta-suomi")
    [item] = json.loads(to_csl_json(item))
    assert item["title"] == HOSTILE and item["author"] == [{"literal": HOSTILE}]
    assert json.loads(record_json(record))["title"]["fi"] == HOSTILE


def _env(root: Path) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(root / "overrides"), autoescape=True)
    env.filters["url"] = lambda value: value
    return env


def test_hostile_texts_in_the_cite_block_are_escaped(root: Path) -> None:
    cite = {
        "citations": [
            {
                "lang": "fi",
                "authors": HOSTILE,
                "year": "2021",
                "title": HOSTILE,
                "site_name": HOSTILE,
                "url": 'https://x.example/"><script>',
                "viewed": "viitattu",
                "accessed": "pp.kk.vvvv",
            }
        ],
        "csl": "records/a/a.csl.json",
        "json": "data/records/a.json",
    }
    table = {k: HOSTILE for k in ("cite_title", "cite_intro", "cite_csl", "cite_json")}
    html = _env(root).get_template("partials/kb-cite.html").render(kb_cite=cite, kb_t=table)
    assert "<script" not in html and "</script>" not in html and "<b>" not in html
    assert "&lt;/script&gt;" in html and "&#34;" in html
    assert 'href="https://x.example/&#34;&gt;&lt;script&gt;"' in html


def test_hostile_texts_in_an_area_feed_parse_back_unchanged(root: Path) -> None:
    site = _hostile_site()
    entries = feed_entries(site, "fi", SITE_URL, "a")
    for autoescape in (True, False):  # the template escapes either way
        env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(root / "overrides"), autoescape=autoescape
        )
        xml = env.get_template("kb-feed.html").render(
            lang="fi",
            title=HOSTILE,
            subtitle=HOSTILE,
            author=HOSTILE,
            feed_url=SITE_URL + "areas/a/feed.xml",
            home_url=SITE_URL + "areas/a/",
            updated="2026-11-21T00:00:00Z",
            entries=entries,
        )
        feed = ET.fromstring(xml.strip().encode("utf-8"))
        assert feed.findtext(f"{ATOM}title") == HOSTILE
        entry = feed.find(f"{ATOM}entry")
        assert entry is not None and entry.findtext(f"{ATOM}title") == HOSTILE
        assert entry.findtext(f"{ATOM}summary") == HOSTILE


def test_hostile_data_in_every_open_data_output(hostile_site: Path) -> None:
    """The real data with every text poisoned (validation bypassed): area feeds stay
    well-formed, the catalog parses, CSL-JSON and record JSON keep the text as data."""
    from hostile import EVIL_ATTR, EVIL_TAG, TEXT
    from rdflib import Graph

    feeds = sorted(hostile_site.rglob("areas/*/feed.xml"))
    assert len(feeds) == 16
    for path in feeds:
        tree = ET.parse(path)
        assert EVIL_TAG not in {e.tag.rpartition("}")[2] for e in tree.iter()}, path
        assert EVIL_ATTR not in {k for e in tree.iter() for k in e.attrib}, path
        assert any(TEXT in (e.findtext(f"{ATOM}title") or "") for e in tree.iter(f"{ATOM}entry"))
    Graph().parse(hostile_site / "data/catalog.ttl", format="turtle")
    Graph().parse(hostile_site / "data/catalog.jsonld", format="json-ld")
    json.loads((hostile_site / "data/datapackage.json").read_text(encoding="utf-8"))
    csl = sorted(hostile_site.rglob("records/*/*.csl.json"))
    assert len(csl) > 40
    for path in csl:
        [item] = json.loads(path.read_text(encoding="utf-8"))
        assert item["title"].startswith(TEXT)
    for path in sorted((hostile_site / "data/records").glob("*.json")):
        assert json.loads(path.read_text(encoding="utf-8"))["title"]["fi"].startswith(TEXT)
