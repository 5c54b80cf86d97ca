"""One strict build of the real mkdocs.yml and data; assertions on the output."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from kb.state import read_state
from kb.statement import issue_form
from sitecheck import read, target

SITE_URL = "https://hankinta-suomi.example/"
ISSUE_FORM = issue_form("saavutettavuus.yml")  # mkdocs.yml extra.kb.issue_form
LANG_DIRS = {"fi": "", "sv": "sv/"}


@pytest.fixture(scope="module")
def data(root: Path):
    return read_state(root / "data/measures.yaml", "data/measures.yaml").site


def page(site: Path, lang: str, path: str):
    file = site / LANG_DIRS[lang] / path / "index.html"
    assert file.is_file(), f"missing {file}"
    return read(file)


def test_site_url_is_the_one_tests_expect(root: Path) -> None:
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    assert SITE_URL in config


def test_every_record_and_area_has_both_language_pages_with_the_right_lang(
    built_site: Path, data
) -> None:
    paths = [f"records/{r.id}" for r in data.records] + [f"areas/{a.id}" for a in data.areas]
    for path in paths:
        for lang in LANG_DIRS:
            assert page(built_site, lang, path).lang == lang, (lang, path)


def test_switcher_and_hreflang_point_to_the_counterpart(built_site: Path, data) -> None:
    paths = [f"records/{r.id}/" for r in data.records] + [f"areas/{a.id}/" for a in data.areas]
    paths += ["", "areas/", "browse/", "browse/kind/measure/"]
    for path in paths:
        for lang, other in (("fi", "sv"), ("sv", "fi")):
            file = built_site / LANG_DIRS[lang] / path / "index.html"
            html = read(file)
            [switch] = html.find("a", "kb-lang__link")
            assert switch.attrs["hreflang"] == other and switch.attrs["lang"] == other
            expected = built_site / LANG_DIRS[other] / path / "index.html"
            assert target(built_site, file, switch.attrs["href"], SITE_URL) == expected
            alternates = {
                e.attrs["hreflang"]: e.attrs["href"]
                for e in html.find("link", rel="alternate")
                if "hreflang" in e.attrs
            }
            assert alternates == {
                "fi": SITE_URL + LANG_DIRS["fi"] + path,
                "sv": SITE_URL + LANG_DIRS["sv"] + path,
            }


def test_handwritten_pages_with_different_names_are_paired(built_site: Path) -> None:
    file = built_site / "haku/index.html"
    [switch] = read(file).find("a", "kb-lang__link")
    assert (
        target(built_site, file, switch.attrs["href"], SITE_URL) == built_site / "sv/sok/index.html"
    )


def test_area_pages_list_exactly_their_records(built_site: Path, data) -> None:
    for area in data.areas:
        for lang in LANG_DIRS:
            html = page(built_site, lang, f"areas/{area.id}")
            linked = {
                e.attrs["href"].rstrip("/").rsplit("/", 1)[-1]
                for e in html.elements
                if e.tag == "a" and "/records/" in "/" + e.attrs.get("href", "")
            }
            expected = {r.id for r in data.records if area.id in r.areas}
            assert linked == expected, (lang, area.id)


def test_related_area_counts(built_site: Path, root: Path) -> None:
    raw = yaml.safe_load((root / "data/measures.yaml").read_text(encoding="utf-8"))
    shared: Counter[tuple[str, str]] = Counter()
    for record in raw["records"]:
        # Programme-wide records (most areas) are left out: they would connect everything.
        if len(record["areas"]) >= max(3, len(raw["areas"]) // 2 + 1):
            continue
        for a in record["areas"]:
            for b in record["areas"]:
                if a != b:
                    shared[(a, b)] += 1
    for area in raw["areas"]:
        html = page(built_site, "fi", f"areas/{area['id']}")
        shown = {}
        for li in html.elements:
            if (
                li.tag == "li"
                and "href" not in li.attrs
                and "(" in li.text
                and "yhteistä" in li.text
            ):
                name_count = re.search(r"\((\d+) yhteistä\)", li.text)
                shown[li.text.split("(")[0].strip()] = (
                    int(name_count.group(1)) if name_count else None
                )
        expected = {
            f"{other['number']}. {other['name']['fi']}": shared[(area["id"], other["id"])]
            for other in raw["areas"]
            if shared[(area["id"], other["id"])]
        }
        assert shown == expected, area["id"]


def test_every_internal_link_resolves(built_site: Path) -> None:
    broken = []
    for file in built_site.rglob("*.html"):
        if file.is_relative_to(built_site / "pagefind"):
            continue
        html = read(file)
        for element in html.elements:
            for attr in ("href", "src"):
                link = element.attrs.get(attr)
                if not link or link.startswith(("#", "mailto:")):
                    continue
                if file.name == "404.html" and link.startswith("/"):
                    link = SITE_URL + link.lstrip("/")
                resolved = target(built_site, file, link, SITE_URL)
                if resolved is not None and not resolved.exists():
                    broken.append(f"{file.relative_to(built_site)} -> {link}")
    assert broken == []


def test_sitemap_lists_both_languages_with_absolute_alternates(built_site: Path, data) -> None:
    xml = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", xml)
    assert SITE_URL + "records/" + data.records[0].id + "/" in locs
    assert SITE_URL + "sv/records/" + data.records[0].id + "/" in locs
    assert SITE_URL + "sv/sok/" in locs and SITE_URL + "haku/" in locs
    assert len(locs) == len(set(locs))
    alternates = re.findall(r'hreflang="(fi|sv)" href="([^"]+)"', xml)
    assert len(alternates) == 2 * len(locs)
    assert all(href.startswith(SITE_URL) for _, href in alternates)


def test_one_404_page_per_language(built_site: Path) -> None:
    assert read(built_site / "404.html").lang == "fi"
    assert read(built_site / "sv/404.html").lang == "sv"


def test_no_third_party_hosts_referenced(built_site: Path) -> None:
    offenders = set()
    for file in built_site.rglob("*.html"):
        for element in read(file).elements:
            if element.tag in ("link", "script", "img", "iframe"):
                for attr in ("href", "src"):
                    value = element.attrs.get(attr, "")
                    if value.startswith(("http:", "https:", "//")) and not value.startswith(
                        SITE_URL
                    ):
                        offenders.add(value)
    assert offenders == set()


def test_search_index_has_one_bundle_per_language(built_site: Path, data) -> None:
    manifest = json.loads((built_site / "pagefind/bundles.json").read_text(encoding="utf-8"))
    assert manifest == {"fi": ["fi-01"], "sv": ["sv-01"]}
    pages = len(data.records) + len(data.areas)
    for code, (name,) in manifest.items():
        entry = json.loads((built_site / "pagefind" / name / "pagefind-entry.json").read_text())
        assert list(entry["languages"]) == [code]
        assert entry["languages"][code]["page_count"] >= pages


def test_no_template_is_published_as_a_file(built_site: Path) -> None:
    assert sorted(p.name for p in built_site.rglob("kb-*")) == []
    for name in ("feed.xml", "sv/feed.xml", "sitemap.xml"):
        assert "{{" not in (built_site / name).read_text(encoding="utf-8")


def test_record_page_shows_summary_figures_and_sources(built_site: Path, data) -> None:
    record = next(r for r in data.records if r.figures)
    for lang in LANG_DIRS:
        text = (built_site / LANG_DIRS[lang] / f"records/{record.id}/index.html").read_text(
            encoding="utf-8"
        )
        assert record.title.get(lang) in text
        assert record.figures[0].label.get(lang) in text
        assert record.sources[0] in text
        assert f'<meta name="description" content="{record.summary.get(lang)[:40]}' in text


def test_two_builds_are_byte_identical(built_site: Path, tmp_path: Path) -> None:
    """Also whether the languages are built at once (each in a process of its own, as
    `mkdocs build` does here) or one after the other (the i18n plugin's loop)."""
    from conftest import build_real_site, site_files
    from kb.adapter.parallel import SERIAL_ENV

    again = tmp_path / "again"
    build_real_site(again, **{SERIAL_ENV: "1"})
    first, second = site_files(built_site), site_files(again)
    assert sorted(first) == sorted(second)
    assert [p for p in first if first[p] != second[p]] == []


def test_no_script_event_handler_or_javascript_link_in_the_content(built_site: Path) -> None:
    handler = re.compile(r"<[^>]*\son[a-z]+\s*=", re.I)
    script_url = re.compile(r"""(href|src|action)\s*=\s*["']?\s*(javascript|data):""", re.I)
    for file in built_site.rglob("*.html"):
        html = file.read_text(encoding="utf-8")
        assert not handler.search(html), file
        assert not script_url.search(html), file
        for article in re.findall(r"<article\b.*?</article>", html, re.S):
            assert "<script" not in article.lower(), file


def test_accessibility_statement_in_both_languages_linked_from_every_footer(
    built_site: Path,
) -> None:
    statements = {"fi": "saavutettavuusseloste", "sv": "tillganglighetsutlatande"}
    for lang, path in statements.items():
        statement = page(built_site, lang, path)
        assert statement.lang == lang
        headings = [h.attrs.get("id") for h in statement.find("h2")]
        assert {"feedback", "enforcement", "statement-info"} <= set(headings)
        form = [a for a in statement.find("a") if a.attrs.get("href", "").endswith(ISSUE_FORM)]
        assert [a.attrs["href"] for a in form] == [
            f"https://github.com/org/hankinta-suomi/{ISSUE_FORM}"
        ]
        mail = statement.find("a", href="mailto:saavutettavuus@traficom.fi")
        assert len(mail) == 1
        text = " ".join(p.text for p in statement.find("p"))
        assert "21.11.2026" in text
    footers = 0
    for file in built_site.rglob("*.html"):
        html = read(file)
        if not html.find("nav", "kb-footer-nav"):
            continue
        footers += 1
        expected = built_site / LANG_DIRS[html.lang] / statements[html.lang] / "index.html"
        links = {
            target(built_site, file, a.attrs.get("href", ""), SITE_URL) for a in html.find("a")
        }
        assert expected in links, file
    assert footers > 100


def test_programme_page_links_the_results_it_names(built_site: Path) -> None:
    named = {
        "volume-and-data-study",
        "code-of-conduct-minimum-responsibility-obligations",
        "procurement-training-survey-2021",
        "self-assessment-tool",
        "learning-clinics",
        "strategic-leadership-best-practices-22-steps",
        "procurement-handbook-2023",
    }
    for lang, slug in (("fi", "ohjelma"), ("sv", "programmet")):
        html = page(built_site, lang, slug)
        linked = {
            e.attrs["href"].rstrip("/").rsplit("/", 1)[-1]
            for e in html.elements
            if e.tag == "a" and "records/" in e.attrs.get("href", "")
        }
        assert named <= linked, (lang, named - linked)
