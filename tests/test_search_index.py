"""What the search index gets beside a page's text (kb_morph, kb_searchprep): Finnish base
forms and compound parts from Voikko, Swedish compound parts from the site's own words,
repeated labels left out, filters and metadata for the search page."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kb.search.index as kb_search
from conftest import BATCHED_PER_BUNDLE, LANGUAGES, ROOT, site_files
from kb.search.morph import (
    WORD,
    MorphologyError,
    finnish_expansion,
    swedish_expansion,
    voikko_analyser,
    words,
)
from kb.search.prep import MARKER, PageInfo, with_extra
from kb.search.text import (
    _START_TAG,
    _marked,
    _quick_parts,
    cut_header,
    header_span,
    ignore_repeated,
    indexed_text,
    page_text,
    read_page,
    without_header,
)
from kb.search.vocabulary import build_vocabulary, count_words, expand_text


@pytest.fixture(scope="module")
def analyse():
    analyse, release = voikko_analyser()
    yield analyse
    release()


@pytest.mark.parametrize(
    ("word", "bases", "parts"),
    [
        ("hankinnoissa", {"hankinta"}, set()),
        ("hankintojen", {"hankinta"}, set()),
        ("ekologisen", {"ekologinen"}, set()),
        ("hankintayksiköille", {"hankintayksikkö"}, {"hankinta", "yksikkö"}),
        ("hankintalakiin", {"hankintalaki"}, {"hankinta", "laki"}),
        # Voikko reads these -minen nouns only as verbs (työllistää, osata/osaama)
        ("työllistämisen", {"työllistäminen"}, set()),
        ("hankintaosaamistaan", {"hankintaosaaminen"}, {"hankinta", "osaaminen"}),
    ],
)
def test_finnish_words_get_their_base_forms_and_compound_parts(
    analyse, word: str, bases: set[str], parts: set[str]
) -> None:
    exp = finnish_expansion(word, analyse)
    assert bases <= set(exp.bases), exp
    assert parts <= set(exp.parts), exp


@pytest.mark.parametrize("word", ["VN", "TEAS", "EU", "KEINO", "2021"])
def test_acronyms_and_numbers_are_not_analysed(analyse, word: str) -> None:
    exp = finnish_expansion(word, analyse)
    assert exp.bases == () and exp.parts == ()


def test_the_surface_form_stays_and_expansions_are_only_added(analyse) -> None:
    text = "Hankintayksiköiden hankinnoissa VN TEAS"
    counts, spelling = count_words([text])
    vocabulary = build_vocabulary(counts, spelling, "fi", analyse)
    extra = expand_text(text, vocabulary)
    assert {"hankintayksikkö", "hankinta", "yksikkö"} <= set(extra)
    assert "hankinnoissa" not in extra and "vn" not in extra and "teas" not in extra
    table = vocabulary.to_json()
    assert table["words"][0] in {"hankintayksiköiden", "hankinnoissa", "vn", "teas"}
    assert table["map"]["hankinnoissa"] == [["hankinta"], []]
    assert "vn" in table["words"] and "vn" not in table["map"]


def test_swedish_compounds_split_against_the_sites_own_words() -> None:
    known = frozenset({"upphandling", "lag", "kompetens", "utveckling", "strategi"})
    assert swedish_expansion("upphandlingslagen", known).parts == ("upphandling", "lag")
    assert swedish_expansion("kompetensutveckling", known).parts == ("kompetens", "utveckling")
    assert swedish_expansion("strategiska", known).parts == ()  # 'ska' is no word of the site
    counts: Counter[str] = Counter({"upphandling": 3, "lag": 1, "upphandlingslagen": 1})
    vocabulary = build_vocabulary(counts, {}, "sv", None)
    assert vocabulary.to_json()["map"] == {"upphandlingslagen": [[], ["upphandling", "lag"]]}


def test_finnish_vocabulary_without_voikko_is_an_error() -> None:
    with pytest.raises(MorphologyError):
        build_vocabulary(Counter({"hankinta": 1}), {}, "fi", None)


def test_a_build_without_voikko_says_so(monkeypatch, tmp_path: Path) -> None:
    page = tmp_path / "index.html"
    page.write_text('<html><body><main data-pagefind-body="">hankinta</main></body></html>')

    def missing():
        raise MorphologyError("Finnish search needs Voikko: ... run `bash scripts/setup`")

    monkeypatch.setattr(kb_search, "voikko_analyser", missing)
    with pytest.raises(kb_search.SearchError, match="Voikko"):
        kb_search.build_index(tmp_path, ("fi", "sv"), {})


RECORD = """<html><body><div data-pagefind-body>
<p class="kb-eyebrow"><span class="kb-badge kb-badge--report">Selvitys tai raportti</span></p>
<h1>Hankintojen tila</h1><p class="kb-summary">Kysely hankinnoista.</p>
<dl class="kb-facts"><div><dt data-pagefind-ignore>Tila</dt><dd>Päättynyt</dd></div>
<div><dd>Suomen Kuntaliitto</dd></div></dl>
<span data-pagefind-index-attrs="data-kb-keywords" data-kb-keywords="hankintaopas"></span>
<script>var x = "skripti";</script>
</div></body></html>"""


def test_badges_facts_and_labels_are_left_out_of_the_index() -> None:
    text = indexed_text(ignore_repeated(RECORD))
    assert "Hankintojen tila" in text and "Kysely hankinnoista." in text
    assert "hankintaopas" in text  # the record's keywords are indexed
    for left_out in ("Selvitys tai raportti", "Päättynyt", "Kuntaliitto", "Tila", "skripti"):
        assert left_out not in text


def test_the_extra_block_carries_words_filters_and_metadata_escaped() -> None:
    info = PageInfo("record", "<script>alert(1)</script>", "2019–2023", 'Yhteenveto <b>"x"</b>',
                    ("Suomen Kuntaliitto", "<img src=x onerror=alert(1)>"))  # fmt: skip
    html = with_extra(RECORD, info, ["hankinta", "tila"])
    block = html[html.index(MARKER) - 40 : html.index("</body>")]
    assert "data-pagefind-body hidden" in block
    assert f"{MARKER} hankinta tila" in block
    assert "kbtyperecord" in block
    assert "kborgsuomen kborgkuntaliitto" in block
    assert '<span data-pagefind-meta="year">2019–2023</span>' in block
    assert "<script>" not in block and "&lt;script&gt;" in block
    assert "<b>" not in block and "<img" not in block
    # the fields are read by Pagefind but not indexed as text
    assert "Suomen Kuntaliitto" not in indexed_text(html).split(MARKER)[1]


def test_vocabulary_file_is_compact_json(tmp_path: Path, analyse) -> None:
    counts, spelling = count_words(["Hankinnat ja hankintojen hankinta"])
    payload = build_vocabulary(counts, spelling, "fi", analyse).to_json()
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    assert json.loads(text)["map"]["hankinnat"] == [["hankinta"], []]


def test_the_vocabulary_is_split_in_shards_by_the_first_two_letters() -> None:
    from kb.search.vocabulary import shard_key, shards

    table = {
        "words": ["hankinta", "hankinnat", "ääni", "ha", "kunta"],
        "map": {"hankinnat": [["hankinta"], []]},
    }
    parts = shards(table)
    assert shard_key("hankinta") == "6861" and shard_key("ääni") == "c3a4c3a4"
    assert parts["6861"] == {
        "words": ["hankinta", "hankinnat", "ha"],
        "map": {"hankinnat": [["hankinta"], []]},
    }
    assert parts["c3a4c3a4"]["words"] == ["ääni"] and list(parts) == sorted(parts)


# --- page_text: the quick reading gives the text html.parser gives -----------------------

_PIECES = st.sampled_from(
    [
        "<div>",
        "</div>",
        '<p class="kb-badge">',
        "<span class='kb-meta x'>",
        "</span>",
        "<main data-pagefind-body>",
        '<article data-pagefind-body="">',
        "</main>",
        "<div data-pagefind-ignore>",
        '<div data-class="kb-facts">',
        "<br>",
        "<br/>",
        '<img alt="Kuva &amp; teksti" data-pagefind-index-attrs="alt,title" title=t>',
        '<img alt="eka" alt="toka" data-pagefind-index-attrs="alt">',
        "<script>var a = 1;</script>",
        "<script>if (a < b) {}</script>",
        "<style>p{}</style>",
        "<!-- huom -->",
        "<?xml x?>",
        "<!DOCTYPE html>",
        "<a href=x/>",
        '<a href="/x/">',
        "</a >",
        "<A HREF='y'>",
        "</A>",
        '<p title="a>b">',
        "<li>",
        "</li>",
        "<div/>",
        "hankinta",
        " ja ",
        "&amp;",
        "&auml;",
        "&#228;",
        "a < b",
        "x > y",
        "&",
        "\n",
        "Kuntaliitto ",
        "<script>e<<5</script>",
        "<script>",
        "</ script>",
        "</script >",
        "<STYLE>a</Style>",
        "<p class=kb-eyebrow>",
        "<b data-pagefind-ignore=all>",
        "data-pagefind-body",
        "<title>data-pagefind-body</title>",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=40))
def test_page_text_is_what_html_parser_reads(pieces: list[str]) -> None:
    html = "".join(pieces)
    assert page_text(html) == indexed_text(ignore_repeated(html))


_MARK_PIECES = st.sampled_from(
    [
        '<p class="kb-badge">', "<span class='kb-meta x'>", "<p class=kb-eyebrow>",
        '<div class="kb-badge--related">', '<div class="x kb-facts">', "<ul class='kb-cards'>",
        '<p class="kb-badge" data-pagefind-ignore>', "<a <b class='kb-meta'>", "kb-meta",
        "</p class='kb-badge'>", "<!-- <i class='kb-facts'> -->", '<p title="x>kb-badge">',
        "<br/>", "<img class='kb-badge'/>", "<p>", "</p>", "<", ">", " ", "text",
        '<P CLASS="kb-cards">', '<div class = "kb-eyebrow">',
    ]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(_MARK_PIECES, max_size=30))
def test_ignore_repeated_marks_what_the_tag_by_tag_rewrite_marks(pieces: list[str]) -> None:
    """The quick lookup of the class names marks the same tags as the plain rewrite of
    every start tag it replaced."""
    html = "".join(pieces)
    assert ignore_repeated(html) == _START_TAG.sub(_marked, html)


def test_ignore_repeated_on_every_page_of_the_real_site(built_site: Path) -> None:
    pages = [p for p in built_site.rglob("*.html") if b"kb-badge" in p.read_bytes()]
    assert len(pages) > 50
    changed = 0
    for path in pages:
        html = path.read_text(encoding="utf-8")
        marked = ignore_repeated(html)
        assert marked == _START_TAG.sub(_marked, html), path
        changed += marked != html
    assert changed == len(pages)


_PLAIN_PIECES = st.sampled_from(
    [
        "<div>", "</div>", "<p class=\"kb-badge\">", "<span class='kb-meta x'>", "</span>",
        "<div data-pagefind-ignore>", "<br>", "<br/>", "<li>", "</li>", "<div/>", "</a >",
        "<img alt=\"eka\" alt=\"toka\" data-pagefind-index-attrs=\"alt\">", "<A HREF='y'>",
        "<script>e<<5</script>", "<STYLE>a</Style>", "hankinta", " ja ", "&amp;", "&auml;",
        "x > y", "&", "\n", "<p class=kb-eyebrow>", "<b data-pagefind-ignore=all>",
    ]
)  # fmt: skip
_PAGE = (
    "\n<!doctype html><html><head><script>a<b</script><title>t</title></head><body>"
    '<nav><a href="/x/">Valikko</a></nav><main data-pagefind-body>{}</main></body></html>'
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PLAIN_PIECES, max_size=40))
def test_the_quick_reading_itself_gives_what_html_parser_reads(pieces: list[str]) -> None:
    html = _PAGE.format("".join(pieces))
    assert _quick_parts(html, 0) is not None  # plain HTML: the quick reader, not the fallback
    assert page_text(html) == indexed_text(ignore_repeated(html))


def test_every_page_of_the_real_site_reads_the_same_the_quick_way(built_site: Path) -> None:
    pages = [p for p in built_site.rglob("*.html") if b"data-pagefind-body" in p.read_bytes()]
    assert len(pages) > 100
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert _quick_parts(html, 0) is not None, path  # the templates write plain HTML
        assert page_text(html) == indexed_text(ignore_repeated(html)), path


def test_page_text_reads_only_from_the_body_and_leaves_out_repeated_labels() -> None:
    html = (
        "<html><head><title>data-pagefind-body</title></head><body><nav>Valikko</nav>"
        "<main data-pagefind-body><h1>Hankintojen &amp; laadun opas</h1>"
        '<p class="kb-badge">Raportti</p><p>Sisältö</p></main><footer>Alatunniste</footer>'
    )
    assert page_text(html) == "Hankintojen & laadun opas Sisältö"


def test_a_large_sites_index_is_in_bundles_that_together_hold_every_page(
    built_site: Path, batched_site: Path
) -> None:
    """The real site indexed in bundles of at most BATCHED_PER_BUNDLE pages (conftest), as a
    site with more pages than kb.search.index.PAGES_PER_BUNDLE is: every language has
    several bundles, listed in order in the manifest, and together they hold exactly the
    pages that one bundle per language holds."""

    def counts(site: Path) -> dict[str, list[int]]:
        manifest = json.loads((site / "pagefind/bundles.json").read_text(encoding="utf-8"))
        found = {}
        for lang, names in manifest.items():
            assert names == [kb_search.bundle_name(lang, n) for n in range(1, len(names) + 1)]
            found[lang] = [
                json.loads((site / "pagefind" / name / "pagefind-entry.json").read_bytes())[
                    "languages"
                ][lang]["page_count"]
                for name in names
            ]
        return found

    one, batched = counts(built_site), counts(batched_site)
    assert set(batched) == set(one) == {"fi", "sv"}
    for lang, sizes in batched.items():
        assert len(sizes) > 2 and max(sizes) <= BATCHED_PER_BUNDLE, (lang, sizes)
        assert sum(sizes) == sum(one[lang]), (lang, sizes, one[lang])


# --- without_header: Pagefind's copy of a page leaves out what it does not index ---------

_HEADED = (
    '<!doctype html><html lang="fi"><head><title>Opas</title><script>a<b</script></head>'
    '<body dir="ltr"><header class="md-header">{}<nav>Valikko</nav></header>'
    '<div class="md-container"><main data-pagefind-body><h1>Opas</h1><p>Teksti</p></main>'
    "</div></body></html>"
)


def test_without_header_cuts_from_the_body_tag_to_the_indexed_body() -> None:
    html = _HEADED.format('<img src="logo.svg" alt="">')
    assert without_header(html) == (
        '<!doctype html><html lang="fi"><head><title>Opas</title><script>a<b</script></head>'
        '<body dir="ltr"><main data-pagefind-body><h1>Opas</h1><p>Teksti</p></main>'
        "</div></body></html>"
    )


@pytest.mark.parametrize(
    "html",
    [
        _HEADED.format('<span data-pagefind-meta="kind">Opas</span>'),  # metadata Pagefind reads
        _HEADED.format('<b data-pagefind-filter="vuosi">2024</b>'),
        _HEADED.format("<H1 class=x>Sivuston nimi</H1>"),  # Pagefind's title: the first h1
        # a title set in the head: the first image after it (the logo) is the page's image
        _HEADED.replace("<title>", '<title data-pagefind-meta="title">').format(
            '<img src="logo.svg" alt="">'
        ),
        _HEADED.format("<!-- kommentti -->"),  # not the plain HTML _plain_prefix reads
        _HEADED.format('<p title="a>b">x</p>'),
        _HEADED.format('<p class="kb-badge">Raportti</p>'),  # an ignored class before the body
        _HEADED.replace("</head>", "").format(""),  # no end of the head
        _HEADED.replace("<body", "<main").replace("</body>", "").format(""),  # no body tag
        _HEADED.replace("<main data-pagefind-body>", "<main>").format(""),  # no indexed body
        # '</head><body>' inside a script: the cut would start inside it
        _HEADED.replace("<script>a<b</script></head><body", "<script>'</head><body").format(
            "</script></head><body>"
        ),
    ],
)
def test_without_header_leaves_a_page_as_it_is_when_the_cut_could_change_the_index(
    html: str,
) -> None:
    assert without_header(html) == html


def test_without_header_on_every_page_of_the_real_and_the_hostile_site(
    built_site: Path, hostile_site: Path
) -> None:
    """Every generated page loses its header and navigation and keeps the text it is
    indexed by; the pages with hostile values in every field read the same."""
    for site in (built_site, hostile_site):
        pages = [p for p in site.rglob("*.html") if b"data-pagefind-body" in p.read_bytes()]
        assert len(pages) > 100, site
        for path in pages:
            html = path.read_text(encoding="utf-8")
            cut = without_header(html)
            assert "md-header" in html and "md-header" not in cut, path
            assert len(html) - len(cut) > 10_000, path  # the header is 13-18 KB
            assert page_text(cut) == page_text(html) == indexed_text(ignore_repeated(html)), path
            span = header_span(html)
            assert read_page(html) == (page_text(html), span), path
            assert cut_header(html, span) == cut, path
            assert cut_header(html + " ", span) == html + " ", path  # another page: not cut


def test_the_index_of_the_pages_without_header_is_the_index_of_the_whole_pages(
    built_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pagefind, given the whole pages, writes byte for byte the index the build wrote from
    the pages without their header (kb.search.text.without_header)."""
    from kb.search.prep import all_page_infos
    from kb.state import read_state

    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    infos = all_page_infos(
        read_state(ROOT / "data/measures.yaml", "data/measures.yaml").site, LANGUAGES.codes
    )
    cuts: list[str] = []

    def whole(html: str, span: object) -> str:
        cuts.append(html)
        return html

    monkeypatch.setattr(kb_search, "cut_header", whole)
    kb_search.build_index(site, LANGUAGES.codes, infos)
    assert len(cuts) > 100  # every indexed page went through the patched step
    built = site_files(built_site / kb_search.SEARCH_DIR)
    assert site_files(site / kb_search.SEARCH_DIR) == built
    assert len(built) > 20


# --- count_words and expand_text: whole-text matching gives the word-by-word result ------

_TEXT = st.text(alphabet="aAäÄöÖsSİıßẞ-'’ 1_.Ξξ", max_size=60)


@settings(max_examples=300, deadline=None)
@given(st.lists(_TEXT, max_size=5))
def test_words_are_counted_and_expanded_as_one_by_one(texts: list[str]) -> None:
    counts: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    for text in texts:
        for match in WORD.finditer(text):
            counts[match.group(0).lower()] += 1
            spelling.setdefault(match.group(0).lower(), match.group(0))
    assert count_words(texts) == (counts, spelling)
    assert list(count_words(texts)[1].items()) == list(spelling.items())  # first spellings
    vocabulary = build_vocabulary(counts, spelling, "sv", None)
    for text in texts:
        expected: dict[str, None] = {}
        for form in dict.fromkeys(words(text)):
            if exp := vocabulary.expansions.get(form):
                expected.update(dict.fromkeys(exp.words(form)))
        assert expand_text(text, vocabulary) == list(expected)
        assert words(text) == [m.group(0).lower() for m in WORD.finditer(text)]
