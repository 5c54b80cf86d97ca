"""Turn validated raw data into the typed, immutable `Site`."""

from __future__ import annotations

from typing import Any

from kb.model import (
    Area,
    Document,
    Figure,
    Kind,
    Organisation,
    Origin,
    Period,
    Record,
    Site,
    Status,
    Text,
)


def _text(raw: Any) -> Text:
    return Text(fi=raw["fi"].strip(), sv=raw["sv"].strip())


def _opt_text(raw: Any) -> Text | None:
    return _text(raw) if raw is not None else None


def _area(raw: dict[str, Any]) -> Area:
    return Area(
        id=raw["id"],
        number=raw["number"],
        name=_text(raw["name"]),
        intention=_text(raw["intention"]),
        description=_text(raw["description"]),
        sources=tuple(raw["sources"]),
        notes=_opt_text(raw.get("notes")),
    )


def _figure(raw: dict[str, Any]) -> Figure:
    return Figure(
        value=raw["value"],
        label=_text(raw["label"]),
        unit=_opt_text(raw.get("unit")),
        year=int(raw["year"]) if raw.get("year") is not None else None,
        source=raw.get("source"),
    )


def _document(raw: dict[str, Any]) -> Document:
    return Document(raw["url"], _text(raw["label"]), raw["language"], raw["format"])


def _record(raw: dict[str, Any]) -> Record:
    orgs = raw.get("organisations") or {}
    period = raw.get("period")
    keywords = raw.get("keywords") or {}
    return Record(
        id=raw["id"],
        kind=Kind(raw["kind"]),
        origin=Origin(raw["origin"]),
        title=_text(raw["title"]),
        summary=_text(raw["summary"]),
        areas=tuple(raw["areas"]),
        status=Status(raw["status"]),
        sources=tuple(raw["sources"]),
        body=_opt_text(raw.get("body")),
        related=tuple(raw.get("related") or ()),
        period=Period(period["start"], period.get("end")) if period else None,
        responsible=tuple(orgs.get("responsible") or ()),
        partners=tuple(orgs.get("partners") or ()),
        figures=tuple(_figure(f) for f in raw.get("figures") or ()),
        documents=tuple(_document(d) for d in raw.get("documents") or ()),
        notes=_opt_text(raw.get("notes")),
        no_document=_opt_text(raw.get("no_document")),
        origin_inferred=bool(raw.get("origin_inferred", False)),
        keywords_fi=tuple(keywords.get("fi") or ()),
        keywords_sv=tuple(keywords.get("sv") or ()),
        added=raw.get("added"),
        updated=raw.get("updated"),
        old_ids=tuple(raw.get("old_ids") or ()),
    )


def build_site(data: dict[str, Any]) -> Site:
    """Build the typed site from data that has passed validation."""
    areas = tuple(sorted((_area(a) for a in data["areas"]), key=lambda a: (a.number, a.id)))
    organisations = tuple(
        sorted(
            (Organisation(o["id"], _text(o["name"]), o.get("url")) for o in data["organisations"]),
            key=lambda o: o.id,
        )
    )
    records = tuple(sorted((_record(r) for r in data["records"]), key=lambda r: r.id))
    return Site(
        areas=areas,
        organisations=organisations,
        records=records,
        area_by_id={a.id: a for a in areas},
        organisation_by_id={o.id: o for o in organisations},
        record_by_id={r.id: r for r in records},
    )
