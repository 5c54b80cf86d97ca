"""How record pages present dates, documents, sources, notes and the trail back."""

from __future__ import annotations

import dataclasses

import pytest

from kb.load import parse
from kb.model import Document, Kind, Period, Site, Status, Text
from kb.records import build_site
from kb.strings import strings
from kb.views.format import format_when
from kb.views.present import breadcrumbs, document_view, notes_for, primary_action, source_view


@pytest.fixture(scope="module")
def site(small_yaml: str) -> Site:
    loaded, errors = parse(small_yaml, "small.yaml")
    assert loaded is not None and not errors
    return build_site(loaded.data)


def _with(site: Site, **changes: object):
    return dataclasses.replace(site.record_by_id["mentor-programme-2022"], **changes)


def test_dates_say_what_they_mean(site: Site) -> None:
    fi, sv = strings("fi"), strings("sv")
    one_day = _with(site, kind=Kind.EVENT, period=Period("2019-05-09"))
    assert format_when(one_day, fi) == "9.5.2019"
    same = _with(site, period=Period("2022-10-27", "2022-10-27"))
    assert format_when(same, fi) == "27.10.2022"
    report = _with(site, kind=Kind.REPORT, period=Period("2020-09"))
    assert format_when(report, sv) == "september 2020"
    ongoing = _with(site, kind=Kind.MEASURE, status=Status.ONGOING, period=Period("2020"))
    assert format_when(ongoing, fi) == "2020 – jatkuu"
    assert format_when(ongoing, sv) == "2020 – pågår"
    unknown_end = _with(site, kind=Kind.NETWORK, status=Status.COMPLETED, period=Period("2018"))
    assert format_when(unknown_end, fi) == "2018 – päättymisaika ei tiedossa"
    assert format_when(unknown_end, sv) == "2018 – slutdatum okänt"
    assert not format_when(unknown_end, fi).endswith("–")
    assert format_when(_with(site, period=None), fi) == fi["date_unknown"]


def test_document_action_names_format_language_and_host(site: Site) -> None:
    fi = strings("fi")
    doc = Document("https://www.vm.fi/x.pdf", Text("Raportti", "Rapport"), "sv", "pdf")
    view = document_view(doc, "fi", fi)
    assert (view["format"], view["language_label"], view["host"]) == ("PDF", "ruotsi", "vm.fi")
    assert view["hreflang"] == "sv"
    assert primary_action(_with(site, kind=Kind.TOOL), fi) == "Siirry palveluun"
    assert primary_action(_with(site, kind=Kind.REPORT), strings("sv")) == "Öppna materialet"


def test_sources_read_as_words_and_host() -> None:
    view = source_view("https://vm.fi/hankinta-suomi/hankintojen-strateginen-johtaminen")
    assert view == {
        "url": "https://vm.fi/hankinta-suomi/hankintojen-strateginen-johtaminen",
        "title": "Hankintojen strateginen johtaminen",
        "host": "vm.fi",
    }
    assert source_view("https://www.hansel.fi/")["title"] == "hansel.fi"
    assert source_view("https://x.fi/julkaisut/Raportti_2021.pdf")["title"] == "Raportti 2021"


def test_notes_about_the_swedish_wording_stay_on_the_swedish_page() -> None:
    note = "Ruotsinkielinen nimi on oma käännöksemme. Tarkkaa päivää ei löytynyt lähteistä."
    assert notes_for(note, "fi") == "Tarkkaa päivää ei löytynyt lähteistä."
    assert notes_for("Ruotsinkielinen nimi on oma käännöksemme.", "fi") == ""
    assert notes_for("Det svenska namnet är vår egen översättning.", "sv") != ""
    # A note about the Finnish name stays on the Finnish page, and leaves the Swedish one.
    finnish = "Suomenkielinen nimi on oma käännöksemme ruotsinkielisestä ilmauksesta."
    assert notes_for(finnish, "fi") == finnish
    assert notes_for("Det finska namnet är vår egen översättning.", "sv") == ""


def test_breadcrumbs_lead_to_the_area_or_the_listing(site: Site) -> None:
    fi = strings("fi")
    own = site.record_by_id["mentor-programme-2022"]
    assert [b["url"] for b in breadcrumbs(site, own, "sv", strings("sv"))] == [
        "sv/",
        "sv/areas/procurement-competence/",
    ]
    wide = site.record_by_id["hs-programme"]
    assert [b["url"] for b in breadcrumbs(site, wide, "fi", fi)] == ["", "browse/"]
