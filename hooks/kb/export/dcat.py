"""The open data's DCAT-AP catalog (Turtle and JSON-LD), which avoindata.fi and other CKAN
portals harvest. RDF is built as an rdflib graph and written by rdflib's serializers,
never by joining text."""

from __future__ import annotations

import json
from typing import Any

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, RDFS, SKOS, XSD

from kb.export.meta import CATALOG_TTL, DatasetMeta
from kb.model import Text
from kb.weblinks import url_problem

_EU = "http://publications.europa.eu/resource/authority/"
THEME_SCHEME = _EU + "data-theme"  # the theme's code and labels: mkdocs.yml
THEME_SCHEME_TITLE = "Data theme"
SPATIAL = _EU + "country/FIN"  # Finland, in the EU Publications Office country table
LANGUAGE_URIS = {"fi": _EU + "language/FIN", "sv": _EU + "language/SWE"}
_IANA = "http://www.iana.org/assignments/media-types/"
_FILE_TYPE = _EU + "file-type/"
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")


def theme_uri(code: str) -> str:
    """The EU data theme `code` (e.g. GOVE, government and public sector) as its URI."""
    return f"{THEME_SCHEME}/{code}"


def _iri(value: str | None) -> URIRef | None:
    """An address from the data or the settings as an IRI, or None when it is not one we
    publish (the validator refuses such data; this keeps a broken IRI out regardless)."""
    return URIRef(value) if value is not None and url_problem(value) is None else None


def _date(value: str) -> Literal:
    datatype = {4: XSD.gYear, 7: XSD.gYearMonth}.get(len(value), XSD.date)
    return Literal(value, datatype=datatype)


def _texts(graph: Graph, node: URIRef | BNode, prop: URIRef, text: Text) -> None:
    for code in Text.languages():
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
    licence = URIRef(meta.licence.url)
    g.add((licence, RDF.type, DCTERMS.LicenseDocument))
    theme = URIRef(theme_uri(meta.theme.code))
    g.add((theme, RDF.type, SKOS.Concept))
    g.add((theme, SKOS.inScheme, URIRef(THEME_SCHEME)))
    for code, label in meta.theme.labels:
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
    for code in meta.languages:
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
