"""Pay by industry: top-paying industries high to low, the median as a reference line."""

from __future__ import annotations

import textwrap
from typing import Optional

from generator.charts import canvas
from generator.charts.money import dollars
from generator.charts.output import to_art
from generator.charts.salary import median_annual
from generator.charts.theme import MAX_INDUSTRIES, VALUE_PT, chart_colours
from generator.compose.model import ChartArt
from generator.profile.model import Profile

CHART_ID = "industry_pay"
NAME_WRAP = 26


def industry_rows(profile: Profile) -> list[tuple[str, float]]:
    """(industry, pay a year), highest first, at most MAX_INDUSTRIES."""
    rows = [
        (item.industry, item.annual)
        for item in profile.regional.top_paying_industries
    ]
    return sorted(rows, key=lambda row: -row[1])[:MAX_INDUSTRIES]


def alt_text(rows: list[tuple[str, float]], median: Optional[float]) -> str:
    """The chart's data in words."""
    text = "Median pay in the top-paying industries, in US dollars a year: "
    text += "; ".join(f"{name} {dollars(pay)}" for name, pay in rows)
    return text + (f"; overall median {dollars(median)}." if median else ".")


def _limits(ax, rows: list[tuple[str, float]], median: Optional[float]) -> None:
    """Bars start at zero; the right limit leaves room for every value label."""
    ends = [
        (pay, canvas.text_width_in(ax.figure, dollars(pay), VALUE_PT) + canvas.KNOCKOUT_IN)
        for _, pay in rows
    ]
    top = max([pay for _, pay in rows] + [median or 0])
    ax.set_xlim(0, canvas.fit_right(ax, 0, ends, floor=top * 1.02))


def industry_chart(profile: Profile, style) -> Optional[ChartArt]:
    """The pay-by-industry chart, or None when the profile lists no industry."""
    rows = industry_rows(profile)
    if not rows:
        return None
    colours = chart_colours(style)
    median = median_annual(profile)
    names = [textwrap.fill(name, NAME_WRAP) for name, _ in rows]
    fig, ax = canvas.bar_chart_axes(names, colours)
    _limits(ax, rows, median)
    pays = [pay for _, pay in rows]
    ax.barh(range(len(rows)), pays, height=canvas.bar_height(names), color=colours.primary,
            linewidth=0, zorder=2)
    for y, pay in enumerate(pays):
        canvas.value_label(ax, pay, y, dollars(pay), colours)
    canvas.name_ticks(ax, names)
    if median:
        canvas.median_line(ax, median, colours, dashed=True)
    return to_art(fig, CHART_ID, alt_text(rows, median))
