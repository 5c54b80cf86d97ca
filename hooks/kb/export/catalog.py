"""Metadata of the open data, from one source (`DatasetMeta`) in three vocabularies:

- a DCAT-AP catalog (Turtle and JSON-LD), which avoindata.fi and other CKAN portals harvest;
- a Frictionless Data Package (datapackage.json) with a Table Schema per CSV file;
- schema.org `Dataset` JSON-LD for the open-data pages.

RDF is built as an rdflib graph and written by rdflib's serializers, never by joining text.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, RDFS, SKOS, XSD

from kb.export.files import CSV_COLUMNS
from kb.model import LANGS, Kind, Organisation, Origin, Site, Status, Text
from kb.weblinks import url_problem

CATALOG_TTL = "catalog.ttl"
CATALOG_JSONLD = "catalog.jsonld"
DATAPACKAGE = "datapackage.json"
LICENSE = "https://creativecommons.org/licenses/by/4.0/"
LICENSE_ID = "CC-BY-4.0"
_EU = "http://publications.europa.eu/resource/authority/"
THEME = _EU + "data-theme/GOVE"  # Government and public sector
THEME_SCHEME = _EU + "data-theme"
# The labels of the EU vocabulary (the shapes ask for a label).
THEME_LABELS = {
    "en": "Government and public sector",
    "fi": "Valtioneuvosto ja julkinen sektori",
    "sv": "Regeringen och den offentliga sektorn",
}
THEME_SCHEME_TITLE = "Data theme"
SPATIAL = _EU + "country/FIN"  # Finland, in the EU Publications Office country table
LANGUAGE_URIS = {"fi": _EU + "language/FIN", "sv": _EU + "language/SWE"}
_IANA = "http://www.iana.org/assignments/media-types/"
_FILE_TYPE = _EU + "file-type/"
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")


@dataclass(frozen=True)
class Export:
    """One published file: its name under data/, what it is, and its size in bytes."""

    name: str
    title: Text
    media_type: str  # IANA media type, e.g. 'text/csv'
    format: str  # code of the EU file-type table, e.g. 'CSV'
    language: str | None  # a CSV has one language; the JSON both
    size: int
    conforms_to: str | None = None  # another exported file this one follows (its schema)


@dataclass(frozen=True)
class DatasetMeta:
    """Everything the three descriptions say, computed once per data version."""

    title: Text
    description: Text
    keywords: Mapping[str, tuple[str, ...]]
    publisher: Organisation
    contact_email: str | None
    contact_url: str | None
    site_url: str  # ends with '/'
    landing: Mapping[str, str]  # language -> absolute URL of the open-data page
    start: str | None  # 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'
    end: str | None
    modified: str  # 'YYYY-MM-DD'
    exports: tuple[Export, ...]

    def url(self, name: str) -> str:
        """Absolute download address of an exported file."""
        return f"{self.site_url}data/{name}"


def _dates(site: Site) -> tuple[str | None, str | None, str]:
    starts = [r.period.start for r in site.records if r.period]
    ends = [r.period.end or r.period.start for r in site.records if r.period]
    changed = [d for r in site.records for d in (r.updated, r.added) if d]
    modified = max(changed or ends or ["1970-01-01"])
    modified = (modified + "-01-01")[:10] if len(modified) < 10 else modified
    return (min(starts) if starts else None, max(ends) if ends else None, modified)


def dataset_meta(
    site: Site,
    site_url: str,
    tables: Mapping[str, Mapping[str, str]],
    publisher: Organisation,
    contact: tuple[str | None, str | None],
    landing: Mapping[str, str],
    exports: tuple[Export, ...],
) -> DatasetMeta:
    """The one metadata source: texts from the UI tables, dates from the data."""
    start, end, modified = _dates(site)
    fi, sv = (tables[code] for code in LANGS)
    return DatasetMeta(
        title=Text(fi["dataset_title"], sv["dataset_title"]),
        description=Text(fi["dataset_description"], sv["dataset_description"]),
        keywords={code: tuple(tables[code]["dataset_keywords"].split(", ")) for code in LANGS},
        publisher=publisher,
        contact_email=contact[0],
        contact_url=contact[1],
        site_url=site_url,
        landing=landing,
        start=start,
        end=end,
        modified=modified,
        exports=exports,
    )


def _iri(value: str | None) -> URIRef | None:
    """An address from the data or the settings as an IRI, or None when it is not one we
    publish (the validator refuses such data; this keeps a broken IRI out regardless)."""
    return URIRef(value) if value is not None and url_problem(value) is None else None


def _date(value: str) -> Literal:
    datatype = {4: XSD.gYear, 7: XSD.gYearMonth}.get(len(value), XSD.date)
    return Literal(value, datatype=datatype)


def _texts(graph: Graph, node: URIRef | BNode, prop: URIRef, text: Text) -> None:
    for code in LANGS:
        graph.add((node, prop, Literal(text.get(code), lang=code)))


def dcat_graph(meta: DatasetMeta) -> Graph:
    """dcat:Catalog -> dcat:Dataset -> one dcat:Distribution per exported file."""
    g = Graph()
    for prefix, ns in (("dcat", DCAT), ("dct", DCTERMS), ("foaf", FOAF), ("vcard", VCARD)):
        g.bind(prefix, ns)
    base = meta.url(CATALOG_TTL)
    catalog, dataset = URIRef(base + "#catalog"), URIRef(base + "#dataset")
    publisher = URIRef(base + "#publisher")
    # Classes are stated, not left to inference: DCAT-AP's SHACL shapes check them as given.
    g.add((publisher, RDF.type, FOAF.Organization))
    g.add((publisher, RDF.type, FOAF.Agent))
    _texts(g, publisher, FOAF.name, meta.publisher.name)
    homepage = _iri(meta.publisher.url)
    if homepage is not None:
        g.add((publisher, FOAF.homepage, homepage))
    licence = URIRef(LICENSE)
    g.add((licence, RDF.type, DCTERMS.LicenseDocument))
    theme = URIRef(THEME)
    g.add((theme, RDF.type, SKOS.Concept))
    g.add((theme, SKOS.inScheme, URIRef(THEME_SCHEME)))
    for code, label in THEME_LABELS.items():
        g.add((theme, SKOS.prefLabel, Literal(label, lang=code)))
    g.add((URIRef(THEME_SCHEME), RDF.type, SKOS.ConceptScheme))
    g.add((URIRef(THEME_SCHEME), DCTERMS.title, Literal(THEME_SCHEME_TITLE, lang="en")))
    g.add((URIRef(SPATIAL), RDF.type, DCTERMS.Location))
    modified = Literal(meta.modified, datatype=XSD.date)

    g.add((catalog, RDF.type, DCAT.Catalog))
    _texts(g, catalog, DCTERMS.title, meta.title)
    _texts(g, catalog, DCTERMS.description, meta.description)
    g.add((catalog, DCTERMS.publisher, publisher))
    g.add((catalog, FOAF.homepage, URIRef(meta.site_url)))
    g.add((URIRef(meta.site_url), RDF.type, FOAF.Document))
    g.add((catalog, DCTERMS.license, licence))
    g.add((catalog, DCTERMS.modified, modified))
    g.add((catalog, DCAT.themeTaxonomy, URIRef(THEME_SCHEME)))
    g.add((catalog, DCAT.dataset, dataset))

    g.add((dataset, RDF.type, DCAT.Dataset))
    _texts(g, dataset, DCTERMS.title, meta.title)
    _texts(g, dataset, DCTERMS.description, meta.description)
    g.add((dataset, DCTERMS.identifier, Literal(str(dataset))))
    g.add((dataset, DCTERMS.publisher, publisher))
    g.add((dataset, DCTERMS.license, licence))
    g.add((dataset, DCTERMS.modified, modified))
    g.add((dataset, DCAT.theme, theme))
    g.add((dataset, DCTERMS.spatial, URIRef(SPATIAL)))
    for code in LANGS:
        language = URIRef(LANGUAGE_URIS[code])
        g.add((language, RDF.type, DCTERMS.LinguisticSystem))
        g.add((catalog, DCTERMS.language, language))
        g.add((dataset, DCTERMS.language, language))
        g.add((dataset, DCAT.landingPage, URIRef(meta.landing[code])))
        g.add((URIRef(meta.landing[code]), RDF.type, FOAF.Document))
        for word in meta.keywords[code]:
            g.add((dataset, DCAT.keyword, Literal(word, lang=code)))
    if meta.start:
        period = URIRef(base + "#temporal")
        g.add((period, RDF.type, DCTERMS.PeriodOfTime))
        g.add((period, DCAT.startDate, _date(meta.start)))
        if meta.end:
            g.add((period, DCAT.endDate, _date(meta.end)))
        g.add((dataset, DCTERMS.temporal, period))
    email = _iri("mailto:" + meta.contact_email) if meta.contact_email else None
    form = _iri(meta.contact_url)
    if email is not None or form is not None:
        contact = URIRef(base + "#contact")
        g.add((contact, RDF.type, VCARD.Organization))
        g.add((contact, RDF.type, VCARD.Kind))
        g.add((contact, VCARD.fn, Literal(meta.publisher.name.fi, lang="fi")))
        g.add((contact, VCARD.fn, Literal(meta.publisher.name.sv, lang="sv")))
        if email is not None:
            g.add((contact, VCARD.hasEmail, email))
        if form is not None:
            g.add((contact, VCARD.hasURL, form))
        g.add((dataset, DCAT.contactPoint, contact))
    for export in meta.exports:
        dist = URIRef(base + "#" + export.name)
        url = URIRef(meta.url(export.name))
        g.add((dist, RDF.type, DCAT.Distribution))
        _texts(g, dist, DCTERMS.title, export.title)
        g.add((url, RDF.type, RDFS.Resource))
        g.add((dist, DCAT.accessURL, url))
        g.add((dist, DCAT.downloadURL, url))
        media = URIRef(_IANA + export.media_type)
        g.add((media, RDF.type, DCTERMS.MediaType))
        g.add((dist, DCAT.mediaType, media))
        file_type = URIRef(_FILE_TYPE + export.format)
        g.add((file_type, RDF.type, DCTERMS.MediaTypeOrExtent))
        g.add((dist, DCTERMS.format, file_type))
        g.add((dist, DCTERMS.license, licence))
        g.add((dist, DCTERMS.modified, modified))
        g.add((dist, DCAT.byteSize, Literal(export.size, datatype=XSD.nonNegativeInteger)))
        if export.language:
            g.add((dist, DCTERMS.language, URIRef(LANGUAGE_URIS[export.language])))
        if export.conforms_to:
            standard = URIRef(meta.url(export.conforms_to))
            g.add((standard, RDF.type, DCTERMS.Standard))
            g.add((dist, DCTERMS.conformsTo, standard))
        g.add((dataset, DCAT.distribution, dist))
    return g


def to_turtle(meta: DatasetMeta) -> str:
    return dcat_graph(meta).serialize(format="turtle")


def _ordered(value: Any) -> Any:
    """JSON-LD with its sets in a fixed order: rdflib walks the graph in hash order, which
    changes from one process to the next; two builds of the same data must be identical."""
    if isinstance(value, dict):
        return {key: _ordered(inner) for key, inner in sorted(value.items())}
    if isinstance(value, list):
        items = [_ordered(inner) for inner in value]
        return sorted(items, key=lambda item: json.dumps(item, sort_keys=True))
    return value


def to_jsonld(meta: DatasetMeta) -> str:
    context = {"dcat": str(DCAT), "dct": str(DCTERMS), "foaf": str(FOAF), "vcard": str(VCARD)}
    text = dcat_graph(meta).serialize(format="json-ld", context=context)
    return json.dumps(_ordered(json.loads(text)), ensure_ascii=False, indent=1) + "\n"


# --- Frictionless Data Package -----------------------------------------------------------

_PERIOD = r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?"
# The allowed values come from the data model, so a new kind or status cannot drift apart.
_ENUMS = {
    "kind": [kind.value for kind in Kind],
    "origin": [origin.value for origin in Origin],
    "status": [status.value for status in Status],
}


def _column(name: str, table: Mapping[str, str]) -> dict[str, Any]:
    field: dict[str, Any] = {
        "name": name,
        "type": "string",
        "title": table[f"column_{name}_title"],
        "description": table[f"column_{name}"],
    }
    constraints: dict[str, Any] = {}
    if name in ("id", "url", "kind", "origin", "title", "summary", "areas", "status"):
        constraints["required"] = True
    if name in ("id", "url"):
        constraints["unique"] = True
    if name == "url":
        field["format"] = "uri"
    if name in _ENUMS:
        constraints["enum"] = _ENUMS[name]
    if name.startswith("period_"):
        constraints["pattern"] = _PERIOD
    if constraints:
        field["constraints"] = constraints
    return field


def datapackage(meta: DatasetMeta, tables: Mapping[str, Mapping[str, str]]) -> dict[str, Any]:
    """A Tabular Data Package: the CSV files with a Table Schema each (texts in the file's
    language), paths relative to datapackage.json so that it validates where it lies."""
    resources = []
    for export in meta.exports:
        if export.format != "CSV" or export.language is None:
            continue
        table = tables[export.language]
        resources.append(
            {
                "name": export.name.removesuffix(".csv"),
                "path": export.name,
                "profile": "tabular-data-resource",
                "title": export.title.get(export.language),
                "format": "csv",
                "mediatype": export.media_type,
                "encoding": "utf-8",
                "bytes": export.size,
                "dialect": {"delimiter": ",", "quoteChar": '"', "header": True},
                "schema": {
                    "fields": [_column(name, table) for name in CSV_COLUMNS],
                    "primaryKey": ["id"],
                },
            }
        )
    return {
        "profile": "tabular-data-package",
        "name": "hankinta-suomi",
        "id": meta.url(CATALOG_TTL) + "#dataset",
        "title": meta.title.fi,
        "description": meta.description.fi,
        "homepage": meta.landing["fi"],
        "keywords": list(meta.keywords["fi"]),
        "licenses": [{"name": LICENSE_ID, "path": LICENSE, "title": "CC BY 4.0"}],
        "contributors": [{"title": meta.publisher.name.fi, "role": "publisher"}],
        "created": meta.modified + "T00:00:00Z",  # the spec asks for an RFC 3339 date-time
        "resources": resources,
    }


# --- schema.org ---------------------------------------------------------------------------


def schema_org(meta: DatasetMeta, lang: str) -> dict[str, Any]:
    """schema.org Dataset of the open-data page in `lang` (Google Dataset Search)."""
    publisher = {"@type": "Organization", "name": meta.publisher.name.get(lang)}
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "@id": meta.url(CATALOG_TTL) + "#dataset",
        "name": meta.title.get(lang),
        "description": meta.description.get(lang),
        "url": meta.landing[lang],
        "inLanguage": list(LANGS),
        "keywords": list(meta.keywords[lang]),
        "license": LICENSE,
        "isAccessibleForFree": True,
        "publisher": publisher,
        "creator": publisher,
        "spatialCoverage": {"@type": "Country", "name": "Suomi" if lang == "fi" else "Finland"},
        "dateModified": meta.modified,
        "distribution": [
            {
                "@type": "DataDownload",
                "name": e.title.get(lang),
                "contentUrl": meta.url(e.name),
                "encodingFormat": e.media_type,
                "contentSize": f"{e.size} B",
                **({"inLanguage": e.language} if e.language else {}),
            }
            for e in meta.exports
        ],
    }
    if meta.start:
        data["temporalCoverage"] = f"{meta.start}/{meta.end or '..'}"
    return data
