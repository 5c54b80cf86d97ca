"""The editorial rules of README "Policies": a record pasted with only its id changed, an
untranslated Swedish text, 'completed' with an end in the future, a future 'added'."""

from __future__ import annotations

import datetime as dt
from typing import Any

from kb.errors import show
from kb.load import PathKey
from kb.validate.locate import Collector, line_of
from kb.validate.schema import is_date
from kb.validate.walk import items

# Texts that say something in sentences: a Swedish one identical to the Finnish one was
# not translated. (Titles and names may be the same in both: KEINO, Hansel.)
_TRANSLATED = ("summary", "body", "notes", "intention", "description")


def today() -> dt.date:
    """The date dates in the data are compared with (the build's day, UTC)."""
    return dt.datetime.now(dt.UTC).date()


def _date_start(value: str) -> dt.date | None:
    try:
        parts = [int(p) for p in value.split("-")] + [1, 1]
        return dt.date(*parts[:3])
    except ValueError:
        return None


def _untranslated(found: Collector, base: PathKey, item: dict[str, Any]) -> None:
    """A Swedish text identical to the Finnish one in a field that must be translated."""
    for field in _TRANSLATED:
        text = item.get(field)
        if (
            isinstance(text, dict)
            and isinstance(text.get("fi"), str)
            and text["fi"] == text.get("sv")
        ):
            found.add(
                (*base, field, "sv"),
                "the Swedish text is the same as the Finnish one; translate it",
            )


def _copied_titles(
    found: Collector,
    base: PathKey,
    item: dict[str, Any],
    first: dict[tuple[str, str], tuple[int, str]],
) -> None:
    """A pasted record keeps the title of its original."""
    text = item.get("title")
    for lang, value in text.items() if isinstance(text, dict) else ():
        if not isinstance(value, str):
            continue
        key = (f"title.{lang}", " ".join(value.split()).casefold())
        if key in first:
            line, other = first[key]
            found.add(
                (*base, "title", lang),
                f"the same title as record '{show(other)}' (line {line}); a copied "
                "record needs its own texts",
            )
        else:
            first[key] = (line_of(found.loaded, (*base, "title", lang)), str(item.get("id")))


def _future_dates(found: Collector, base: PathKey, item: dict[str, Any], now: dt.date) -> None:
    period = item.get("period")
    end = period.get("end") if isinstance(period, dict) else None
    if item.get("status") == "completed" and is_date(end):
        last = _date_start(end)
        if last is not None and last > now:
            found.add(
                (*base, "period", "end"),
                f"the status is 'completed' but the period ends in the future ({end}); "
                "use status 'ongoing' until then",
            )
    for key in ("added", "updated"):
        value = item.get(key)
        start = _date_start(value) if is_date(value) else None
        if start is not None and start > now:
            found.add(
                (*base, key),
                f"'{key}' is in the future ({value}); write the day the record was "
                f"{'added to' if key == 'added' else 'last changed on'} the site",
            )


def policy_errors(found: Collector, data: dict[str, Any]) -> None:
    """Report every breach of the editorial rules."""
    first_title: dict[tuple[str, str], tuple[int, str]] = {}
    now = today()
    for index, item in items(data, "records"):
        base: PathKey = ("records", index)
        _copied_titles(found, base, item, first_title)
        _untranslated(found, base, item)
        _future_dates(found, base, item, now)
    for index, item in items(data, "areas"):
        _untranslated(found, ("areas", index), item)
