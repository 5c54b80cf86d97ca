"""The data never links to the site itself: documents and sources are other addresses."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import build
from kb.load import parse
from kb.model import Site
from kb.records import build_site
from kb.selflinks import self_links

OWN = "https://tulokset.example.fi/hankinta-suomi/"


def _site(text: str) -> Site:
    loaded, errors = parse(text, "small.yaml")
    assert loaded is not None and not errors
    return build_site(loaded.data)


def _with(small_yaml: str, old: str, new: str) -> str:
    assert old in small_yaml, old
    return small_yaml.replace(old, new, 1)


def test_the_real_links_of_the_small_data_are_not_the_sites(small_yaml: str) -> None:
    assert self_links(_site(small_yaml), OWN, lambda: small_yaml, "small.yaml") == []


@pytest.mark.parametrize(
    "url",
    [
        "https://tulokset.example.fi/hankinta-suomi/records/hs-programme/",
        "http://TULOKSET.example.fi./hankinta-suomi/sv/",
        "https://tulokset.example.fi/hankinta-suomi",
    ],
)
def test_a_source_on_the_site_is_located_and_named(small_yaml: str, url: str) -> None:
    source = "sources: [https://vm.fi/sv/samarbetsforum-for-offentlig-upphandling]"
    text = _with(small_yaml, source, f"sources: ['{url}']")
    line = text[: text.index(url)].count("\n") + 1
    problems = self_links(_site(text), OWN, lambda: text, "data/measures.yaml")
    assert problems == [
        f"data/measures.yaml:{line}: record 'hs-programme', field 'sources': '{url}' is an "
        "address of this site; link another record with 'related', and documents and sources "
        "to their own addresses"
    ]


def test_a_shared_host_flags_only_the_sites_own_path(small_yaml: str) -> None:
    text = _with(
        small_yaml,
        "https://vm.fi/sv/samarbetsforum-for-offentlig-upphandling",
        "https://tulokset.example.fi/hankinta-suomi-arkisto/x",
    )
    assert self_links(_site(text), OWN, lambda: text, "f") == []


def test_a_markdown_link_in_a_body_is_found(small_yaml: str) -> None:
    text = _with(
        small_yaml,
        "Hankinnat ja hankintojen osaaminen olivat keskiössä.",
        f"Katso [ohjelma]({OWN}records/hs-programme/).",
    )
    problems = self_links(_site(text), OWN, lambda: text, "f")
    assert len(problems) == 1 and "field 'body.fi'" in problems[0]


def test_the_build_stops_and_keeps_the_old_site(built_project: Path) -> None:
    project = built_project
    site = project / "site"
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    data = project / "data/measures.yaml"
    own = "https://hankinta-suomi.example/records/hs-programme/"
    data.write_text(
        data.read_text("utf-8").replace(
            "https://vm.fi/sv/samarbetsforum-for-offentlig-upphandling", own, 1
        ),
        "utf-8",
    )
    result = build(project, KB_SITE_URL="https://hankinta-suomi.example/")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "1 links to this site in the data; nothing was built" in result.stderr
    assert f"field 'sources': '{own}' is an address of this site" in result.stderr
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
