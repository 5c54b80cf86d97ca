"""Charts of the overview page, drawn at build time as inline SVG (no chart library, no
request to another host): a timeline of the records and how the eight areas connect.

Every text in the SVG is escaped here and the result is `markupsafe.Markup`, so the
templates print it as it is with autoescape on. Colours come from CSS classes (kb.css),
so the charts follow the light and dark palette and print. The charts are hidden from
assistive technology: the same data is in the tables beside them, with the same links.
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from kb.model import Kind, Origin, Record, Status

PROGRAMME_YEARS = (2019, 2023)  # Hankinta-Suomi ran from 5.9.2019 to 31.12.2023
TIMELINE_MAX = 150  # at most this many rows; the listings hold the rest

_WIDTH = 760
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


def _text(x: float, y: float, text: str, cls: str, anchor: str = "start") -> Markup:
    return Markup('<text x="{}" y="{}" class="{}" text-anchor="{}">{}</text>').format(
        f"{x:.1f}", f"{y:.1f}", cls, anchor, text
    )


def _clip(text: str, chars: int) -> str:
    return text if len(text) <= chars else text[: chars - 1].rstrip() + "…"


def timeline_svg(
    groups: Sequence[tuple[str, Sequence[Span]]],
    link: Callable[[Record], str],
    title: Callable[[Record], str],
    table: Mapping[str, str],
    *,
    narrow: bool = False,
) -> Markup:
    """Rows grouped by kind, one bar (or dot) per record on a year axis; the programme's
    years are shaded. Programme records are filled, related ones outlined (not colour
    alone). Each row links to its record page. `narrow` (for a phone) writes each title
    above its bar instead of in a column beside it."""
    every = [s for _, rows in groups for s in rows]
    if not every:
        return Markup("")
    first = min(math.floor(min(s.start for s in every)), PROGRAMME_YEARS[0])
    last = max(math.ceil(max(s.end for s in every)), PROGRAMME_YEARS[1] + 1)
    width, left = (400, 4) if narrow else (_WIDTH, _LABEL)
    row = _ROW + 14 if narrow else _ROW
    scale = (width - left - 10) / (last - first)

    def x(year: float) -> float:
        return left + (year - first) * scale

    height = 34 + sum(_GROUP + row * len(rows) for _, rows in groups) + 8
    parts: list[Markup] = []
    band = Markup(
        '<rect class="kb-chart__band" x="{:.1f}" y="0" width="{:.1f}" height="{}"/>'
    ).format(x(PROGRAMME_YEARS[0]), x(PROGRAMME_YEARS[1] + 1) - x(PROGRAMME_YEARS[0]), height)
    parts.append(band)
    parts.append(
        _text(
            (x(PROGRAMME_YEARS[0]) + x(PROGRAMME_YEARS[1] + 1)) / 2,
            12,
            table["chart_programme_years"],
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
            parts.append(_text(x(year + 0.5), 30, str(year), "kb-chart__axis", "middle"))
    y = 34
    for label, rows in groups:
        y += _GROUP
        parts.append(_text(4, y - 8, label, "kb-chart__group"))
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
                    _text(
                        4,
                        mid - 9 if narrow else mid + 4,
                        _clip(title(span.record), 60 if narrow else 44),
                        "kb-chart__label",
                    ),
                    mark,
                )
            )
            y += row
    cls = "kb-chart kb-chart--timeline" + (" kb-chart--narrow" if narrow else " kb-chart--wide")
    return _svg(cls, height, Markup("").join(parts), width)


def _svg(cls: str, height: float, body: Markup, width: int = _WIDTH) -> Markup:
    return Markup(
        '<svg class="{}" viewBox="0 0 {} {:.0f}" width="{}" height="{:.0f}" aria-hidden="true"'
        ' focusable="false" xmlns="http://www.w3.org/2000/svg">{}</svg>'
    ).format(cls, width, height, width, height, body)


@dataclass(frozen=True)
class AreaCounts:
    """One area in the connection chart."""

    number: int
    name: str
    url: str
    programme: int  # the area's own records produced by the programme
    related: int  # the area's own records of related context
    wide: int  # programme-wide records that include the area


def area_bars_svg(areas: Sequence[AreaCounts], table: Mapping[str, str]) -> Markup:
    """A bar per area: its own programme results, its own related context, and the
    programme-wide records that include it; narrow enough for a phone."""
    if not areas:
        return Markup("")
    width, top, row, bar_x, bar_w = 400, 30, 30, 215, 150
    most = max((a.programme + a.related + a.wide for a in areas), default=1) or 1
    unit = bar_w / most
    parts: list[Markup] = [_text(4, 14, table["chart_areas_bars"], "kb-chart__group")]
    for i, a in enumerate(areas):
        y = top + i * row + 12
        cells, x0 = [], float(bar_x)
        for value, cls in ((a.programme, "programme"), (a.related, "related"), (a.wide, "wide")):
            if value:
                cells.append(
                    Markup(
                        '<rect class="kb-chart__mark kb-chart__mark--{}" x="{:.1f}" y="{}"'
                        ' width="{:.1f}" height="14"/>'
                    ).format(cls, x0, y - 11, value * unit)
                )
                x0 += value * unit
        total = a.programme + a.related + a.wide
        cells.append(_text(x0 + 4, y, str(total), "kb-chart__value"))
        label = _text(4, y, _clip(f"{a.number}. {a.name}", 32), "kb-chart__label")
        parts.append(
            Markup('<a href="{}" tabindex="-1">{}{}</a>').format(
                a.url, label, Markup("").join(cells)
            )
        )
    y = top + len(areas) * row + 8
    for cls, key in (
        ("programme", "chart_legend_own"),
        ("related", "chart_legend_related"),
        ("wide", "chart_legend_wide"),
    ):
        parts.append(
            Markup(
                '<rect class="kb-chart__mark kb-chart__mark--{}" x="4" y="{}"'
                ' width="14" height="12"/>'
            ).format(cls, y)
        )
        parts.append(_text(24, y + 11, table[key], "kb-chart__legend"))
        y += 20
    return _svg("kb-chart kb-chart--bars", y + 4, Markup("").join(parts), width)


def area_network_svg(
    areas: Sequence[AreaCounts], shared: Mapping[tuple[int, int], int], table: Mapping[str, str]
) -> Markup:
    """The areas on a circle, numbered, joined by lines as thick as the number of
    area-specific records they share, with the count on each line."""
    if not areas:
        return Markup("")
    width, cx, cy, radius = 360, 180, 170, 120
    node = {
        a.number: (
            cx + radius * math.sin(2 * math.pi * i / len(areas)),
            cy - radius * math.cos(2 * math.pi * i / len(areas)),
        )
        for i, a in enumerate(areas)
    }
    parts: list[Markup] = [_text(4, 14, table["chart_areas_network"], "kb-chart__group")]
    strongest = max(shared.values(), default=1) or 1
    for (a, b), count in sorted(shared.items()):
        if a >= b or not count:
            continue
        (x1, y1), (x2, y2) = node[a], node[b]
        parts.append(
            Markup(
                '<line class="kb-chart__link" x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}"'
                ' stroke-width="{:.1f}"/>'
            ).format(x1, y1, x2, y2, 1.5 + 6 * count / strongest)
        )
        parts.append(
            _text((x1 + x2) / 2, (y1 + y2) / 2 + 4, str(count), "kb-chart__link-label", "middle")
        )
    for area in areas:
        nx, ny = node[area.number]
        label = _text(nx, ny + 5, str(area.number), "kb-chart__node-label", "middle")
        parts.append(
            Markup(
                '<a href="{}" tabindex="-1"><circle class="kb-chart__node" cx="{:.1f}" cy="{:.1f}"'
                ' r="15"/>{}</a>'
            ).format(area.url, nx, ny, label)
        )
    return _svg("kb-chart kb-chart--network", cy + radius + 24, Markup("").join(parts), width)


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
