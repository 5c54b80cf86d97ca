"""The overview's timeline of the records, drawn at build time as inline SVG (see
kb.views.charts for how the charts are escaped, coloured and hidden from assistive
technology): a row per record with a period, by kind, on the programme's years."""

from __future__ import annotations

import calendar
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from kb.model import Kind, Origin, Record, Status
from kb.views.charts import WIDTH, clip, svg, svg_text

TIMELINE_MAX = 150  # at most this many rows; the listings hold the rest

_LABEL = 300  # width of the title column of the timeline
_ROW = 18
_GROUP = 26


@dataclass(frozen=True)
class Span:
    """A record on the timeline: fractional years [start, end), and how it ends."""

    record: Record
    start: float
    end: float
    shape: str  # 'range', 'moment' (one date), 'ongoing' (to the end of the axis) or
    # 'open' (end unknown: one dashed year)


def _year_fraction(value: str, *, end: bool) -> float:
    parts = [int(p) for p in value.split("-")]
    year = parts[0]
    if len(parts) == 1:
        return year + (1.0 if end else 0.0)
    month = parts[1]
    if len(parts) == 2:
        return year + (month if end else month - 1) / 12
    # A day is a share of its own month, so a date never passes the month after it; the
    # end of a period includes its last day.
    days = calendar.monthrange(year, month)[1]
    return year + (month - 1 + (parts[2] - (0 if end else 1)) / days) / 12


def spans(records: Sequence[Record], moment: Callable[[Record], bool]) -> list[Span]:
    """The records that have a period, as spans; `moment(record)` says whether a period
    without an end is one date (shown as a dot) or an open period."""
    out = []
    for record in records:
        period = record.period
        if period is None:
            continue
        start = _year_fraction(period.start, end=False)
        if period.end is not None:
            out.append(
                Span(record, start, max(_year_fraction(period.end, end=True), start), "range")
            )
        elif moment(record):
            out.append(Span(record, start, start, "moment"))
        elif record.status is Status.ONGOING:
            out.append(Span(record, start, start + 1, "ongoing"))
        else:
            out.append(Span(record, start, start + 1, "open"))
    return out


def timeline_svg(
    groups: Sequence[tuple[str, Sequence[Span]]],
    link: Callable[[Record], str],
    title: Callable[[Record], str],
    table: Mapping[str, str],
    *,
    years: tuple[int, int],
    label: str,
    narrow: bool = False,
) -> Markup:
    """Rows grouped by kind, one bar (or dot) per record on a year axis; the programme's
    `years` (first and last, from mkdocs.yml) are shaded and named `label`. Programme
    records are filled, related ones outlined (not colour alone). Each row links to its
    record page. `narrow` (for a phone) writes each title above its bar instead of in a
    column beside it."""
    every = [s for _, rows in groups for s in rows]
    if not every:
        return Markup("")
    first = min(math.floor(min(s.start for s in every)), years[0])
    last = max(math.ceil(max(s.end for s in every)), years[1] + 1)
    width, left = (400, 4) if narrow else (WIDTH, _LABEL)
    row = _ROW + 14 if narrow else _ROW
    scale = (width - left - 10) / (last - first)

    def x(year: float) -> float:
        return left + (year - first) * scale

    height = 34 + sum(_GROUP + row * len(rows) for _, rows in groups) + 8
    parts: list[Markup] = []
    band = Markup(
        '<rect class="kb-chart__band" x="{:.1f}" y="0" width="{:.1f}" height="{}"/>'
    ).format(x(years[0]), x(years[1] + 1) - x(years[0]), height)
    parts.append(band)
    parts.append(
        svg_text(
            (x(years[0]) + x(years[1] + 1)) / 2,
            12,
            label,
            "kb-chart__band-label",
            "middle",
        )
    )
    for year in range(first, last + 1):
        parts.append(
            Markup(
                '<line class="kb-chart__grid" x1="{0:.1f}" x2="{0:.1f}" y1="18" y2="{1}"/>'
            ).format(x(year), height)
        )
        if year < last:
            parts.append(svg_text(x(year + 0.5), 30, str(year), "kb-chart__axis", "middle"))
    y = 34
    for label, rows in groups:
        y += _GROUP
        parts.append(svg_text(4, y - 8, label, "kb-chart__group"))
        for span in rows:
            mid = y + row - _ROW / 2
            cls = "kb-chart__mark kb-chart__mark--" + (
                "programme" if span.record.origin is Origin.PROGRAMME else "related"
            )
            if span.shape == "moment":
                mark = Markup('<circle class="{}" cx="{:.1f}" cy="{:.1f}" r="5"/>').format(
                    cls, x(span.start), mid
                )
            else:
                mark = Markup(
                    '<rect class="{}{}" x="{:.1f}" y="{:.1f}" width="{:.1f}" height="10" rx="2"/>'
                ).format(
                    cls,
                    "" if span.shape == "range" else " kb-chart__mark--open",
                    x(span.start),
                    mid - 5,
                    max(x(last if span.shape == "ongoing" else span.end) - x(span.start), 4),
                )
            parts.append(
                Markup('<a href="{}" tabindex="-1">{}{}</a>').format(
                    link(span.record),
                    svg_text(
                        4,
                        mid - 9 if narrow else mid + 4,
                        clip(title(span.record), 60 if narrow else 44),
                        "kb-chart__label",
                    ),
                    mark,
                )
            )
            y += row
    cls = "kb-chart kb-chart--timeline" + (" kb-chart--narrow" if narrow else " kb-chart--wide")
    return svg(cls, height, Markup("").join(parts), width)


def kind_groups(
    records: Sequence[Record], kind_label: Callable[[Kind], str], moment: Callable[[Record], bool]
) -> list[tuple[str, list[Span]]]:
    """Timeline rows: the records with a period, by kind, each kind by start date; at most
    TIMELINE_MAX rows in all (the programme's own records first when there are more)."""
    dated = [r for r in records if r.period is not None]
    if len(dated) > TIMELINE_MAX:
        dated.sort(
            key=lambda r: (r.origin is not Origin.PROGRAMME, r.period.start if r.period else "")
        )
        dated = dated[:TIMELINE_MAX]
    groups = []
    for kind in Kind:
        rows = sorted(
            spans([r for r in dated if r.kind is kind], moment),
            key=lambda s: (s.start, s.record.id),
        )
        if rows:
            groups.append((kind_label(kind), rows))
    return groups
