"""Dates and numbers written the way Finnish and Swedish readers in Finland expect."""

from __future__ import annotations

from collections.abc import Mapping

from kb.model import Kind, Period, Record, Status
from kb.strings import t

NBSP = "\u00a0"


def format_date(value: str, table: Mapping[str, str]) -> str:
    """'2019-09-05' -> '5.9.2019'; '2022-10' -> 'lokakuu 2022' / 'oktober 2022'."""
    parts = value.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])}.{int(parts[1])}.{parts[0]}"
    if len(parts) == 2:
        return f"{table[f'month_{int(parts[1])}']} {parts[0]}"
    return parts[0]


def format_period(period: Period | None, table: Mapping[str, str]) -> str:
    """A period as 'start–end', or the start alone; one date when it starts and ends the
    same day (or month, or year); the 'unknown' text when there is none."""
    if period is None:
        return table["date_unknown"]
    start = format_date(period.start, table)
    if period.end is None:
        return f"{start}–"
    if period.end == period.start:
        return start
    return f"{start}–{format_date(period.end, table)}"


# Kinds whose period without an end is one moment (a publication, a launch, one day).
_MOMENT_KINDS = frozenset({Kind.REPORT, Kind.HANDBOOK, Kind.TOOL, Kind.EVENT})


def is_moment(record: Record) -> bool:
    """Whether a period without an end is one moment (a date) rather than an open period."""
    period = record.period
    if period is None or period.end is not None or record.status is Status.ONGOING:
        return False
    return period.start.count("-") == 2 or record.kind in _MOMENT_KINDS


def format_when(record: Record, table: Mapping[str, str]) -> str:
    """A record's period as a reader reads it: one date for one moment ('9.9.2020'), an
    open period as continuing ('2020 – jatkuu') or with its end unknown, never '2020–'."""
    period = record.period
    if period is None:
        return table["date_unknown"]
    start = format_date(period.start, table)
    if period.end is not None:
        end = format_date(period.end, table)
        return start if end == start else f"{start}–{end}"
    if record.status is Status.ONGOING:
        return t(table, "period_continues", start=start)
    if is_moment(record):
        return start
    return t(table, "period_end_unknown", start=start)


def format_number(value: float) -> str:
    """114 -> '114'; 200000 -> '200 000'; 0.5 -> '0,5' (no-break space, decimal comma)."""
    if isinstance(value, int) or float(value).is_integer():
        digits = f"{int(value):,}".replace(",", NBSP)
        return digits
    whole, _, frac = f"{value:,.10f}".rstrip("0").partition(".")
    return f"{whole.replace(',', NBSP)},{frac}"
