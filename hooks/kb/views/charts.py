"""Charts of the overview page, drawn at build time as inline SVG (no chart library, no
request to another host): how the areas connect (here) and a timeline of the records
(kb.views.timeline), with the SVG pieces both use.

Every text in the SVG is escaped here and the result is `markupsafe.Markup`, so the
templates print it as it is with autoescape on. Colours come from CSS classes (kb.css),
so the charts follow the light and dark palette and print. The charts are hidden from
assistive technology: the same data is in the tables beside them, with the same links.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup

WIDTH = 760


def svg_text(x: float, y: float, text: str, cls: str, anchor: str = "start") -> Markup:
    return Markup('<text x="{}" y="{}" class="{}" text-anchor="{}">{}</text>').format(
        f"{x:.1f}", f"{y:.1f}", cls, anchor, text
    )


def clip(text: str, chars: int) -> str:
    return text if len(text) <= chars else text[: chars - 1].rstrip() + "…"


def svg(cls: str, height: float, body: Markup, width: int = WIDTH) -> Markup:
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
    parts: list[Markup] = [svg_text(4, 14, table["chart_areas_bars"], "kb-chart__group")]
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
        cells.append(svg_text(x0 + 4, y, str(total), "kb-chart__value"))
        label = svg_text(4, y, clip(f"{a.number}. {a.name}", 32), "kb-chart__label")
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
        parts.append(svg_text(24, y + 11, table[key], "kb-chart__legend"))
        y += 20
    return svg("kb-chart kb-chart--bars", y + 4, Markup("").join(parts), width)


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
    parts: list[Markup] = [svg_text(4, 14, table["chart_areas_network"], "kb-chart__group")]
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
            svg_text((x1 + x2) / 2, (y1 + y2) / 2 + 4, str(count), "kb-chart__link-label", "middle")
        )
    for area in areas:
        nx, ny = node[area.number]
        label = svg_text(nx, ny + 5, str(area.number), "kb-chart__node-label", "middle")
        parts.append(
            Markup(
                '<a href="{}" tabindex="-1"><circle class="kb-chart__node" cx="{:.1f}" cy="{:.1f}"'
                ' r="15"/>{}</a>'
            ).format(area.url, nx, ny, label)
        )
    return svg("kb-chart kb-chart--network", cy + radius + 24, Markup("").join(parts), width)
