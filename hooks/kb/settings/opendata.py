"""The open data's settings (`extra.kb.open_data`): the data set's name, publisher, page,
catalog texts, licence and EU data theme."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import fields

from kb.settings.reader import Reader
from kb.settings.types import Licence, OpenData, Theme
from kb.weblinks import url_problem

# A name for files and identifiers: 'hankinta-suomi' -> data/hankinta-suomi.json.
_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_LICENCE_ID = re.compile(r"[A-Za-z0-9.+-]+")


def read_open_data(r: Reader, value: object, codes: tuple[str, ...]) -> OpenData | None:
    where = "extra.kb.open_data"
    keys = {f.name: f.name != "page" for f in fields(OpenData)}
    raw = r.mapping(value, where, keys)
    name = r.text(raw.get("name"), f"{where}.name") if "name" in raw else None
    if name and not _NAME.fullmatch(name):
        r.fail(f"{where}.name", "lowercase letters, digits and hyphens, e.g. 'my-programme'", name)
        name = None
    publisher = (
        r.text(raw["publisher"], f"{where}.publisher", "an organisation id")
        if "publisher" in raw
        else None
    )
    page = r.page(raw["page"], f"{where}.page") if raw.get("page") is not None else None
    title = r.texts(raw.get("title"), f"{where}.title", codes) if "title" in raw else None
    about = raw.get("description")
    description = r.texts(about, f"{where}.description", codes) if "description" in raw else None
    words = (
        r.mapping(raw["keywords"], f"{where}.keywords", dict.fromkeys(codes, True))
        if "keywords" in raw
        else {}
    )
    keywords = []
    for code in codes:
        found = r.items(words.get(code), f"{where}.keywords.{code}", r.text) if words else []
        keywords.append((code, tuple(found)))
    licence = _licence(r, raw.get("licence"), f"{where}.licence") if "licence" in raw else None
    theme = _theme(r, raw.get("theme"), f"{where}.theme") if "theme" in raw else None
    parts = (name, publisher, title, description, licence, theme)
    if any(part is None for part in parts) or name is None or publisher is None:
        return None
    assert title and description and licence and theme  # narrowed for the type checker
    return OpenData(name, publisher, page, title, description, tuple(keywords), licence, theme)


def _theme(r: Reader, value: object, where: str) -> Theme | None:
    raw = r.mapping(value, where, {"code": True, "label": True})
    expected = "an EU data theme, e.g. 'GOVE'"
    code = r.text(raw["code"], f"{where}.code", expected) if "code" in raw else None
    if code and not re.fullmatch(r"[A-Z]{4}", code):
        r.fail(f"{where}.code", "an EU data theme, e.g. 'GOVE'", code)
        code = None
    labels = raw.get("label")
    if "label" in raw and not (isinstance(labels, Mapping) and labels):
        r.fail(f"{where}.label", "the theme's label per language, e.g. {en: ..., fi: ...}", labels)
        labels = {}
    read = [(str(k), r.text(v, f"{where}.label.{k}")) for k, v in (labels or {}).items()]
    if not code or not read or any(text is None for _, text in read):
        return None
    return Theme(code, tuple((k, str(text)) for k, text in read))


def _licence(r: Reader, value: object, where: str) -> Licence | None:
    raw = r.mapping(value, where, {"id": True, "title": True, "url": True})
    ident = r.text(raw.get("id"), f"{where}.id", "an SPDX licence id, e.g. 'CC-BY-4.0'")
    if ident and not _LICENCE_ID.fullmatch(ident):
        r.fail(f"{where}.id", "an SPDX licence id, e.g. 'CC-BY-4.0'", ident)
    title = r.text(raw.get("title"), f"{where}.title")
    url = r.text(raw.get("url"), f"{where}.url", "the licence's https:// address")
    if url and url_problem(url, schemes=("https",)):  # the rule of every published address
        r.fail(f"{where}.url", "the licence's https:// address", url)
        url = None
    return Licence(ident, title, url) if ident and title and url else None
