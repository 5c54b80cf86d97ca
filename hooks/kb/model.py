"""Typed, immutable records of the knowledge base. No I/O, no MkDocs imports."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, fields


class Kind(enum.StrEnum):
    """What a record is; the order here is the order of listings."""

    MEASURE = "measure"
    REPORT = "report"
    HANDBOOK = "handbook"
    TOOL = "tool"
    NETWORK = "network"
    TRAINING = "training"
    EVENT = "event"


class Status(enum.StrEnum):
    COMPLETED = "completed"
    ONGOING = "ongoing"
    PLANNED = "planned"
    UNKNOWN = "unknown"  # no source says whether it has ended


class Origin(enum.StrEnum):
    PROGRAMME = "programme"
    RELATED = "related"


@dataclass(frozen=True)
class Text:
    """A text in both languages of the data format (schema/measures.schema.json); the
    site's languages are configured in mkdocs.yml and must be these (kb.settings)."""

    fi: str
    sv: str

    @classmethod
    def languages(cls) -> tuple[str, ...]:
        """The languages every text of the data has: its fields."""
        return tuple(f.name for f in fields(cls))

    def get(self, lang: str) -> str:
        """Return the text in `lang` ('fi' or 'sv')."""
        return self.fi if lang == "fi" else self.sv


@dataclass(frozen=True)
class Period:
    """Start and optional end as 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'."""

    start: str
    end: str | None = None

    @property
    def start_year(self) -> int:
        return int(self.start[:4])


@dataclass(frozen=True)
class Organisation:
    id: str
    name: Text
    url: str | None = None


@dataclass(frozen=True)
class Figure:
    value: float
    label: Text
    unit: Text | None = None
    year: int | None = None
    source: str | None = None


@dataclass(frozen=True)
class Document:
    url: str
    label: Text
    language: str
    format: str


@dataclass(frozen=True)
class Area:
    id: str
    number: int
    name: Text
    intention: Text
    description: Text
    sources: tuple[str, ...]
    notes: Text | None = None


@dataclass(frozen=True)
class Record:
    id: str
    kind: Kind
    origin: Origin
    title: Text
    summary: Text
    areas: tuple[str, ...]
    status: Status
    sources: tuple[str, ...]
    body: Text | None = None
    related: tuple[str, ...] = ()
    period: Period | None = None
    responsible: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()
    figures: tuple[Figure, ...] = ()
    documents: tuple[Document, ...] = ()
    notes: Text | None = None
    no_document: Text | None = None  # why no document is linked: nothing public was found
    origin_inferred: bool = False  # the link to the programme is our own inference
    keywords_fi: tuple[str, ...] = ()
    keywords_sv: tuple[str, ...] = ()
    added: str | None = None
    updated: str | None = None
    old_ids: tuple[str, ...] = ()

    def keywords(self, lang: str) -> tuple[str, ...]:
        return self.keywords_fi if lang == "fi" else self.keywords_sv


@dataclass(frozen=True)
class Site:
    """All data of one build, in a stable order (areas by number, the rest by id)."""

    areas: tuple[Area, ...]
    organisations: tuple[Organisation, ...]
    records: tuple[Record, ...]
    area_by_id: dict[str, Area] = field(default_factory=dict, compare=False, repr=False)
    organisation_by_id: dict[str, Organisation] = field(
        default_factory=dict, compare=False, repr=False
    )
    record_by_id: dict[str, Record] = field(default_factory=dict, compare=False, repr=False)
