"""Pay here and in the U.S.: one row per area, a bar from BLS's 10th to its 90th percentile, the
middle half (25th to 75th) darker, the median marked, and BLS's median figure under the area's name.

Drawn in the period BLS publishes (an hourly-only occupation in dollars an hour). A '#' figure
is drawn at BLS's bound and labelled "or more"; an area BLS publishes no wage for has no bar.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from generator.charts import canvas
from generator.charts.data import bar_data
from generator.charts.output import IMAGE_TYPES, to_art
from generator.charts.theme import chart_colours
from generator.colour import blend
from generator.compose.local_pay import area_name, pay_text
from generator.compose.model import ChartArt
from generator.i18n import source_date, t
from generator.money import per

CHART_ID = "local_pay"
NAME_WRAP = 24


@dataclass(frozen=True)
class AreaBar:
    """One area's percentiles as numbers (None where BLS publishes none) and its median's words."""

    name: str
    values: tuple[Optional[float], ...]  # 10th, 25th, median, 75th, 90th ('#' at BLS's bound)
    words: tuple[str, ...]  # the same as printed ('$61,810', '$239,200 or more', '' where none)

    @property
    def label(self) -> str:
        """The median as printed."""
        return self.words[2]


def _number(figure: str, period: str, bounds: tuple[str, ...]) -> Optional[float]:
    if figure == "#" and len(bounds) == 2:
        return float(bounds[0 if period == "hour" else 1].replace(",", ""))
    try:
        return float(figure)
    except ValueError:
        return None


def area_bars(local) -> tuple[list[AreaBar], str]:
    """The areas (and the U.S.) BLS publishes a median for, in the period most of them use."""
    rows = [w for w in (*local.areas, *([local.us] if local.us else ())) if w.published]
    periods = [w.period for w in rows]
    period = "hour" if periods.count("hour") > periods.count("year") else "year"
    bars = []
    for wages in rows:
        figures = wages.figures(period)
        values = tuple(_number(f, period, local.top_codes) for f in figures)
        if values[2] is not None:
            words = tuple(pay_text(figure, period, local.top_codes) for figure in figures)
            bars.append(AreaBar(area_name(wages, local), values, words))
    return bars, period


def alt_text(local, bars: list[AreaBar], period: str) -> str:
    """The chart's data in words: each area's 10th percentile, median and 90th percentile."""
    def words(bar: AreaBar, index: int) -> str:
        return bar.words[index] or t("local.no_estimate")

    rows = "; ".join(t("local.chart_row", area=bar.name, low=words(bar, 0), median=bar.label, high=words(bar, 4))
                     for bar in bars)
    return t("local.chart_alt", release=source_date(local.release), per=per(period), rows=rows)


def local_chart(local, style, image_types: tuple[str, ...] = IMAGE_TYPES) -> Optional[ChartArt]:
    """The chart, or None when no area has a median BLS publishes."""
    bars, period = area_bars(local)
    if not bars:
        return None
    colours = chart_colours(style)
    # each row's name with its median under it, left of the bars: the bars get the width
    names = [f"{name}\n{t('local.chart_median', amount=bar.label)}"
             for name, bar in zip(canvas.fit_names([bar.name for bar in bars], NAME_WRAP), bars)]
    fig, ax = canvas.bar_chart_axes(names, colours, period)
    known = [v for bar in bars for v in bar.values if v is not None]
    low, high = min(known), max(known)
    margin = (high - low) * 0.08 or high * 0.1 or 1.0  # one figure alone still gets an axis around it
    ax.set_xlim(low - margin, high + margin)
    thick = canvas.bar_height(names)
    light = blend(colours.primary, colours.white, 0.6)
    for y, bar in enumerate(bars):
        p10, p25, median, p75, p90 = bar.values
        if p10 is not None and p90 is not None:
            ax.barh(y, p90 - p10, left=p10, height=thick * 0.55, color=light, linewidth=0, zorder=2)
        if p25 is not None and p75 is not None:
            ax.barh(y, p75 - p25, left=p25, height=thick, color=colours.primary, linewidth=0, zorder=3)
        # white on the middle half, where the median always is (clear on any brand's dark primary);
        # in the primary colour where BLS publishes no middle half to set it on
        tick = colours.white if p25 is not None and p75 is not None else colours.primary
        ax.plot([median, median], [y - thick / 2, y + thick / 2], color=tick, linewidth=2.2, zorder=4,
                solid_capstyle="butt")
    canvas.name_ticks(ax, names)
    return to_art(fig, CHART_ID, alt_text(local, bars, period), period=period, image_types=image_types,
                  as_of=source_date(local.release), data=_data(ax, names, bars, period))


def _data(ax, names: list[str], bars: list[AreaBar], period: str):
    """The ranges as stacked segments (a percentile BLS does not publish adds nothing)."""
    def gaps(start: int, end: int) -> list[float]:
        return [(b.values[end] - b.values[start]) if None not in (b.values[start], b.values[end]) else 0.0
                for b in bars]

    starts = [next((v for v in b.values if v is not None), 0.0) for b in bars]
    return bar_data(ax, names, starts, [("10th to 25th", "light", gaps(0, 1)), ("middle half", "primary", gaps(1, 3)),
                                        ("75th to 90th", "light", gaps(3, 4))], period=period,
                    marks=[b.values[2] for b in bars])
