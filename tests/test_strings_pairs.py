"""UI string tables and the page-pair table behind the language switcher."""

from __future__ import annotations

from pathlib import Path

from conftest import LANGUAGES
from kb.pairs import build_pairs, handwritten
from kb.strings import strings
from kb.urls import source_url as page_url


def test_string_tables_have_identical_keys_and_no_empty_values() -> None:
    fi, sv = strings("fi"), strings("sv")
    assert set(fi) == set(sv)
    assert all(v.strip() for v in [*fi.values(), *sv.values()])
    different = [k for k in fi if fi[k] != sv[k]]
    assert len(different) > len(fi) * 0.8  # translated, not copied


def test_placeholders_match_between_languages() -> None:
    import re

    fi, sv = strings("fi"), strings("sv")
    for key in fi:
        assert set(re.findall(r"\{(\w+)\}", fi[key])) == set(re.findall(r"\{(\w+)\}", sv[key])), key


def test_page_url() -> None:
    assert page_url("index.md") == ""
    assert page_url("ohjelma.md") == "ohjelma/"
    assert page_url("browse/kind/report/index.md") == "browse/kind/report/"
    assert page_url("browse/2.md") == "browse/2/"


def test_pairs_by_same_path_and_by_translation_front_matter(tmp_path: Path) -> None:
    (tmp_path / "fi").mkdir()
    (tmp_path / "sv").mkdir()
    (tmp_path / "fi/index.md").write_text("# Etusivu\n")
    (tmp_path / "sv/index.md").write_text("# Startsida\n")
    (tmp_path / "fi/saavutettavuusseloste.md").write_text(
        "---\ntranslation: tillgänglighetsutlåtande.md\n---\n# S\n"
    )
    (tmp_path / "sv/tillgänglighetsutlåtande.md").write_text(
        "---\ntranslation: saavutettavuusseloste.md\n---\n# T\n"
    )
    pages, unreadable = handwritten(tmp_path, LANGUAGES)
    assert unreadable == []
    pairs, problems = build_pairs(pages, ["records/x.md"], LANGUAGES)
    assert problems == []
    assert pairs.alternates("fi", "saavutettavuusseloste.md") == {
        "fi": "saavutettavuusseloste/",
        "sv": "sv/tillg%C3%A4nglighetsutl%C3%A5tande/",
    }
    assert pairs.alternates("sv", "records/x.md") == {"fi": "records/x/", "sv": "sv/records/x/"}
    assert (
        pairs.counterpart("fi", "saavutettavuusseloste.md", "sv") == "tillgänglighetsutlåtande.md"
    )


def test_missing_or_one_sided_translation_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "fi").mkdir()
    (tmp_path / "sv").mkdir()
    (tmp_path / "fi/only.md").write_text("# Vain suomeksi\n")
    (tmp_path / "fi/a.md").write_text("---\ntranslation: b.md\n---\n")
    (tmp_path / "sv/b.md").write_text("---\ntranslation: c.md\n---\n")
    (tmp_path / "sv/orphan.md").write_text("# Endast svenska\n")
    (tmp_path / "sv/records").mkdir()
    (tmp_path / "sv/records/x.md").write_text("# x\n")
    _, problems = build_pairs(handwritten(tmp_path, LANGUAGES)[0], [], LANGUAGES)
    text = "\n".join(problems)
    assert "docs/fi/only.md has no version in Svenska" in text
    assert "docs/sv/b.md names 'c.md' as its translation" in text
    assert "docs/sv/orphan.md has no version in Suomi" in text
    assert "docs/sv/records/x.md: the folders" in text
    assert len(problems) == 5  # records/x.md also lacks a Finnish version


def test_unreadable_front_matter_is_a_located_problem(tmp_path: Path) -> None:
    (tmp_path / "fi").mkdir()
    (tmp_path / "sv").mkdir()
    (tmp_path / "fi/a.md").write_text("---\ntranslation: a.md\ndescription: x: y\n---\n# A\n")
    (tmp_path / "sv/a.md").write_bytes(b"# \xff\n")
    pages, problems = handwritten(tmp_path, LANGUAGES)
    assert set(pages["fi"]) == {"a.md"} and set(pages["sv"]) == {"a.md"}
    assert problems[0].startswith("docs/fi/a.md:3:")
    assert "front matter (between the --- lines) is not valid YAML" in problems[0]
    assert problems[1] == "docs/sv/a.md: the page is not valid UTF-8 text; save it as UTF-8"
