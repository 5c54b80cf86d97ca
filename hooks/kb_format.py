"""Dates and numbers written the way Finnish and Swedish readers in Finland expect."""

from __future__ import annotations

from collections.abc import Mapping

from kb_model import Period

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


def format_number(value: float) -> str:
    """114 -> '114'; 200000 -> '200 000'; 0.5 -> '0,5' (no-break space, decimal comma)."""
    if isinstance(value, int) or float(value).is_integer():
        digits = f"{int(value):,}".replace(",", NBSP)
        return digits
    whole, _, frac = f"{value:,.10f}".rstrip("0").partition(".")
    return f"{whole.replace(',', NBSP)},{frac}"
