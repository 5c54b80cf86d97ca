"""Values a schema accepts by their form but that cannot be right: periods that end before
they start, dates no calendar has, figures that are not finite or absurdly large, fields
that contradict each other, and more records than any programme has."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from kb.load import PathKey
from kb.validate.locate import Collector
from kb.validate.schema import is_date
from kb.validate.walk import items

# Limits a real programme never reaches and an accident always does (the programme has
# about 50 records; the benchmark builds 10,000). Checked before anything is built.
MAX_RECORDS = 20_000
MAX_FIGURE = 10**15  # a figure's value, in either direction


def _date_error(found: Collector, value: Any, path: PathKey) -> None:
    """A date the schema accepts by its form ('2019-02-30') but no calendar has."""
    if not is_date(value):
        return
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        try:
            dt.date(*parts)
        except ValueError:
            found.add(path, f"there is no date {value} (the month has fewer days)")


def _figure_errors(found: Collector, base: PathKey, figures: Any) -> None:
    for n, figure in enumerate(figures if isinstance(figures, list) else []):
        value = figure.get("value") if isinstance(figure, dict) else None
        if isinstance(value, float) and not math.isfinite(value):
            found.add((*base, "figures", n, "value"), f"expected a finite number, got {value}")
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            if abs(value) >= MAX_FIGURE:
                found.add(
                    (*base, "figures", n, "value"),
                    f"the number has {len(str(int(abs(value))))} digits; a figure is at "
                    "most 15 digits long (check for a typo)",
                )


def value_errors(found: Collector, data: dict[str, Any]) -> None:
    """Report each value of a record that its form allows but its meaning does not."""
    for index, item in items(data, "records"):
        base: PathKey = ("records", index)
        period = item.get("period")
        if isinstance(period, dict):
            start, end = period.get("start"), period.get("end")
            if is_date(start) and is_date(end) and end < start[: len(end)]:
                found.add((*base, "period", "end"), f"the end {end} is before the start {start}")
        _figure_errors(found, base, item.get("figures"))
        for key in ("added", "updated"):
            _date_error(found, item.get(key), (*base, key))
        if isinstance(period, dict):
            for key in ("start", "end"):
                _date_error(found, period.get(key), (*base, "period", key))
        if item.get("no_document") is not None and item.get("documents"):
            found.add(
                (*base, "no_document"),
                "remove 'no_document' (it says that nothing public was found), "
                "because the record lists documents",
            )
        if item.get("origin_inferred") is True and item.get("origin") != "programme":
            found.add(
                (*base, "origin_inferred"),
                "'origin_inferred: true' marks a programme link as our own inference; "
                "it needs 'origin: programme' (remove it from related context)",
            )
    records = data.get("records")
    if isinstance(records, list) and len(records) > MAX_RECORDS:
        found.add(
            ("records",),
            f"{len(records)} records; the limit is {MAX_RECORDS} (a real programme has far "
            "fewer; is a file pasted twice?)",
        )
