"""Bad data stops `mkdocs build` with located messages, no traceback, and no output touched."""

from __future__ import annotations

from pathlib import Path

from conftest import build, copy_project  # noqa: F401


def test_bad_data_fails_with_every_error_located_and_keeps_the_old_site(
    built_project: Path,
) -> None:
    project = built_project
    before = {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    data = project / "data/measures.yaml"
    text = data.read_text(encoding="utf-8")
    text = text.replace("sv: Mentorprogrammet för offentlig upphandling}", 'sv: ""}', 1)
    text = text.replace("status: completed", "status: finished", 1)
    data.write_text(text, encoding="utf-8")

    result = build(project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "2 errors in the data; nothing was built" in result.stderr
    assert "data/measures.yaml:" in result.stderr
    assert (
        "record 'mentor-programme-2022', field 'title.sv': expected a non-empty text"
        in result.stderr
    )
    assert (
        "field 'status': expected one of: completed, ongoing, planned, unknown; got 'finished'"
        in result.stderr
    )
    after = {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    assert after == before


def test_missing_translation_of_a_handwritten_page_fails_the_build(project: Path) -> None:
    (project / "docs/fi/uusi.md").write_text("# Uusi sivu\n", encoding="utf-8")
    result = build(project)
    assert result.returncode == 1
    assert "docs/fi/uusi.md has no version in Svenska" in result.stderr
    assert "Traceback" not in result.stderr


def test_old_ids_get_redirect_pages_in_both_languages(project: Path) -> None:
    data = project / "data/measures.yaml"
    text = data.read_text(encoding="utf-8")
    text = text.replace(
        "  - id: hs-programme\n", "  - id: hs-programme\n    old_ids: [hankinta-suomi-ohjelma]\n", 1
    )
    data.write_text(text, encoding="utf-8")
    assert build(project).returncode == 0
    for prefix in ("", "sv/"):
        page = project / f"site/{prefix}records/hankinta-suomi-ohjelma/index.html"
        html = page.read_text(encoding="utf-8")
        assert 'http-equiv="refresh" content="0; url=../../records/hs-programme/"' in html
        canonical = f"https://hankinta-suomi.example/{prefix}records/hs-programme/"
        assert f'<link rel="canonical" href="{canonical}">' in html
        assert f'<html lang="{"sv" if prefix else "fi"}">' in html
        assert (project / f"site/{prefix}records/hs-programme/index.html").is_file()


def test_broken_front_matter_of_a_page_fails_without_a_traceback(project: Path) -> None:
    page = project / "docs/fi/kayttoohje.md"
    page.write_text("---\ntranslation: anvisningar.md\ndescription: x: y\n---\n# Ohje\n")
    result = build(project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "docs/fi/kayttoohje.md:3:" in result.stderr and "is not valid YAML" in result.stderr


STATEMENTS = (
    "site/saavutettavuusseloste/index.html",
    "site/sv/tillganglighetsutlatande/index.html",
)


def test_the_configured_feedback_address_is_on_both_statements(project: Path) -> None:
    result = build(project, KB_FEEDBACK_EMAIL="saavutettavuus@julkaisija.example")
    assert result.returncode == 0, result.stderr
    for path in STATEMENTS:
        html = (project / path).read_text(encoding="utf-8")
        assert 'href="mailto:saavutettavuus@julkaisija.example"' in html
        assert "issues/new" not in html
        assert 'class="kb-notice"' not in html


def test_without_a_feedback_channel_the_statement_says_so(_built_once: Path) -> None:
    for path in STATEMENTS:
        html = (_built_once / path).read_text(encoding="utf-8")
        assert 'class="kb-notice"' in html
        assert 'href="mailto:saavutettavuus@traficom.fi"' in html


def test_a_wrong_feedback_address_stops_the_build(project: Path) -> None:
    result = build(project, KB_FEEDBACK_EMAIL="palaute at julkaisija")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (
        "mkdocs.yml extra.kb.feedback.email (KB_FEEDBACK_EMAIL): 'palaute at julkaisija' is "
        "not an e-mail" in result.stderr
    )
    assert not (project / "site").exists()


def test_a_wrong_statement_date_stops_the_build_with_its_file(project: Path) -> None:
    page = project / "docs/sv/tillganglighetsutlatande.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(
        text.replace("statement_reviewed: 2026-11-21", "statement_reviewed: 21.11.2026")
    )
    result = build(project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (
        "docs/sv/tillganglighetsutlatande.md: front matter 'statement_reviewed' must be a date"
        in result.stderr
    )
    assert not (project / "site").exists()
