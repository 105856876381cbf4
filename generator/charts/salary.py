"""Salary by level: one range bar per level, open tops fading out, the source's median marked.

Bars are drawn in the pay period most levels use; a level given in the other
period is placed at 2,080 hours a year but labelled with its own figures.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Optional

from generator.charts import canvas
from generator.charts.money import short, span, span_words
from generator.charts.data import bar_data
from generator.charts.output import IMAGE_TYPES, to_art
from generator.charts.theme import VALUE_PT, ChartColours, chart_colours
from generator.colour import blend
from generator.compose.model import ChartArt
from generator.i18n import t
from generator.money import majority_period, per, per_short
from generator.profile.model import Profile

CHART_ID = "salary_by_level"
FADE_STEPS = 12
FADE_SHARE = 0.16  # an open top fades out over this share of the data span
NAME_WRAP = 16
MIN_SHARE = 0.012  # a range with min == max is drawn this wide (share of the axis)


@dataclass(frozen=True)
class LevelBar:
    """One level's range placed in the chart's period; `label` and `words` keep the source's figures."""

    name: str
    low: float
    high: Optional[float]
    open_ended: bool
    label: str
    words: str
    converted: bool = False

    @property
    def top(self) -> float:
        """Where the solid bar ends (the minimum when an open range has no max)."""
        return self.high if self.high is not None else self.low


def chart_period(profile: Profile) -> str:
    """The period most level salaries are given in."""
    return majority_period([lv.salary.period for lv in profile.levels if lv.salary])


def level_bars(profile: Profile, period: str) -> list[LevelBar]:
    """Levels that have a salary, placed in `period`."""
    bars = []
    for level in profile.levels:
        pay = level.salary
        if pay is None:
            continue
        low, high = pay.in_unit(period)
        if low is None:  # 'up to $110,000': drawn as a mark at the top, labelled 'up to'
            low = high
        converted = pay.period != period
        label = span(pay.min, pay.max, pay.open_ended, short) + (per_short(pay.period) if converted else "")
        words = span_words(pay.min, pay.max, pay.open_ended) + f" {per(pay.period)}"
        bars.append(LevelBar(level.name, low, high, pay.open_ended, label, words, converted))
    return bars


def alt_text(bars: list[LevelBar], median: Optional[float], period: str, year: Optional[int]) -> str:
    """The chart's data in words, each figure as the source gives it."""
    text = t("charts.salary_alt", bars="; ".join(f"{bar.name} {bar.words}" for bar in bars))
    if median:
        text += t("charts.salary_alt_median", amount=span(median, None, False), per=per(period))
        text += f" ({year})." if year else "."
    return text


LABEL_SHARE = 0.42  # a value label wider than this share of the axes goes on two lines


def _wrapped_label(ax, bar: LevelBar) -> LevelBar:
    """'$3,554,040.66–$6,046,242.61' is set on two lines, after its dash, when one line is too wide."""
    axes_in = ax.get_position().width * ax.figure.get_size_inches()[0]
    if canvas.text_width_in(ax.figure, bar.label, VALUE_PT) <= LABEL_SHARE * axes_in or "\u2013" not in bar.label:
        return bar
    return replace(bar, label=bar.label.replace("\u2013", "\u2013\n", 1))


def _limits(ax, bars: list[LevelBar], median: Optional[float]) -> float:
    """Set x limits so bars, fades and labels fit; return the fade length."""
    top = max([b.top for b in bars] + [median or 0])
    bottom = min([b.low for b in bars] + [median or math.inf])
    unit = 10 ** max(0, math.floor(math.log10(max(top, 1))) - 1)
    low = unit * math.floor(bottom * 0.85 / unit)
    fade = FADE_SHARE * (top - low) if any(b.open_ended for b in bars) else 0.0
    ends = [
        (bar.top + (fade if bar.open_ended else 0),
         canvas.text_width_in(ax.figure, bar.label, VALUE_PT) + canvas.KNOCKOUT_IN)
        for bar in bars
    ]
    ax.set_xlim(low, canvas.fit_right(ax, low, ends, floor=top * 1.02))
    return fade


def _fade(ax, y: float, start: float, length: float, thick: float, colours: ChartColours) -> None:
    """An open top: steps of the bar colour blended to white (opaque, so every reader keeps it)."""
    step = length / FADE_STEPS
    shades = [blend(colours.primary, colours.white, (i + 1) / (FADE_STEPS + 1))
              for i in range(FADE_STEPS)]
    lefts = [start + i * step for i in range(FADE_STEPS)]
    ax.barh([y] * FADE_STEPS, step * 1.05, left=lefts, height=thick, color=shades,
            linewidth=0, zorder=2)


def _draw_bar(ax, y: int, bar: LevelBar, fade: float, thick: float, colours: ChartColours,
              median: Optional[float] = None):
    """A solid min-to-max bar; an open top continues as a fade; then the value label (clear of
    the median line)."""
    if bar.high is not None:  # a single figure still shows as a short bar
        width = max(bar.top - bar.low, MIN_SHARE * (ax.get_xlim()[1] - ax.get_xlim()[0]))
        ax.barh(y, width, left=bar.low, height=thick, color=colours.primary, linewidth=0, zorder=2)
    end = bar.top
    if bar.open_ended:
        _fade(ax, y, end, fade, thick, colours)
        end += fade
    solid = bar.low if bar.high is not None and not bar.open_ended else None  # white text only on the solid bar
    canvas.value_label(ax, end, y, bar.label, colours, avoid=median, start=solid)


def salary_chart(profile: Profile, style, image_types: tuple[str, ...] = IMAGE_TYPES) -> Optional[ChartArt]:
    """The salary-by-level chart, or None when no level has a salary."""
    period = chart_period(profile)
    bars = level_bars(profile, period)
    if not bars:
        return None
    colours = chart_colours(style)
    median = profile.median_pay.in_unit(period) if profile.median_pay else None
    names = canvas.fit_names([bar.name for bar in bars], NAME_WRAP)
    fig, ax = canvas.bar_chart_axes(names, colours, period)
    bars = [_wrapped_label(ax, bar) for bar in bars]
    fade = _limits(ax, bars, median)
    for y, bar in enumerate(bars):
        _draw_bar(ax, y, bar, fade, canvas.bar_height(names), colours, median)
    canvas.name_ticks(ax, names)
    if median:
        canvas.median_line(ax, median, colours)
    year = profile.median_pay.year if profile.median_pay else None
    floor = MIN_SHARE * (ax.get_xlim()[1] - ax.get_xlim()[0])
    data = bar_data(ax, names, [bar.low for bar in bars],
                    [("range", "primary", [max(bar.top - bar.low, floor) for bar in bars]),
                     ("open top", "fade", [fade if bar.open_ended else 0.0 for bar in bars])],
                    [bar.label for bar in bars], period, median, canvas.median_text(median) if median else "")
    return to_art(fig, CHART_ID, alt_text(bars, median, period, year), period=period,
                  median=bool(median), converted=any(bar.converted for bar in bars), image_types=image_types,
                  data=data)
