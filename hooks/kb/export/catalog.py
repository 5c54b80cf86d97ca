"""Metadata of the open data, from one source (`DatasetMeta`) in three vocabularies:

- a DCAT-AP catalog (Turtle and JSON-LD), which avoindata.fi and other CKAN portals harvest;
- a Frictionless Data Package (datapackage.json) with a Table Schema per CSV file;
- schema.org `Dataset` JSON-LD for the open-data pages.

RDF is built as an rdflib graph and written by rdflib's serializers, never by joining text.
"""

from kb.export.dcat import SPATIAL, dcat_graph, theme_uri, to_jsonld, to_turtle
from kb.export.meta import (
    CATALOG_JSONLD,
    CATALOG_TTL,
    DATAPACKAGE,
    DatasetMeta,
    Export,
    dataset_meta,
)
from kb.export.package import datapackage, schema_org

__all__ = [
    "CATALOG_JSONLD",
    "CATALOG_TTL",
    "DATAPACKAGE",
    "SPATIAL",
    "DatasetMeta",
    "Export",
    "datapackage",
    "dataset_meta",
    "dcat_graph",
    "schema_org",
    "theme_uri",
    "to_jsonld",
    "to_turtle",
]
