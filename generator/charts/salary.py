"""Salary by level: one range bar per level, open tops fading out, the median marked."""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass
from typing import Optional

from generator.charts import canvas
from generator.charts.money import dollars, hourly, range_short, range_words
from generator.charts.output import to_art
from generator.charts.theme import VALUE_PT, ChartColours, blend, chart_colours
from generator.compose.model import ChartArt
from generator.profile.model import Profile

CHART_ID = "salary_by_level"
FADE_STEPS = 12
FADE_SHARE = 0.16  # an open top fades out over this share of the data span
NAME_WRAP = 16
MIN_SHARE = 0.012  # a range with min == max is drawn this wide (share of the axis)


@dataclass(frozen=True)
class LevelBar:
    """One level's range, in dollars a year; `hourly` keeps the source figures."""

    name: str
    low: float
    high: Optional[float]
    open_ended: bool
    hourly: Optional[tuple[float, Optional[float]]] = None

    @property
    def top(self) -> float:
        """Where the solid bar ends (the minimum when an open range has no max)."""
        return self.high if self.high is not None else self.low

    @property
    def label(self) -> str:
        """The range as set at the bar end: '$55K–$80K+'."""
        return range_short(self.low, self.high, self.open_ended)


def level_bars(profile: Profile) -> list[LevelBar]:
    """Levels that have a salary, hourly ranges converted to a year (2,080 hours)."""
    bars = []
    for level in profile.levels:
        pay = level.salary
        if pay is None:
            continue
        source = (pay.min, pay.max) if pay.period == "hour" else None
        bars.append(LevelBar(level.name, pay.annual_min, pay.annual_max, pay.open_ended, source))
    return bars


def median_annual(profile: Profile) -> Optional[float]:
    """The overall median in dollars a year, if the profile has one."""
    return profile.median_pay.annual_estimate if profile.median_pay else None


def alt_text(bars: list[LevelBar], profile: Profile) -> str:
    """The chart's data in words."""
    parts = []
    for bar in bars:
        text = f"{bar.name} {range_words(bar.low, bar.high, bar.open_ended)}"
        if bar.hourly:
            text += f" ({range_words(*bar.hourly, bar.open_ended, fmt=hourly)} an hour)"
        parts.append(text)
    text = "Salary by level, in US dollars a year: " + "; ".join(parts) + "."
    median = median_annual(profile)
    if median:
        year = profile.median_pay.year
        text += f" Overall median {dollars(median)}" + (f" ({year})." if year else ".")
    return text


def _limits(ax, bars: list[LevelBar], median: Optional[float]) -> float:
    """Set x limits so bars, fades and labels fit; return the fade length."""
    top = max([b.top for b in bars] + [median or 0])
    low = 10_000 * math.floor(min([b.low for b in bars] + [median or math.inf]) * 0.85 / 10_000)
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


def _draw_bar(ax, y: int, bar: LevelBar, fade: float, thick: float, colours: ChartColours):
    """A solid min-to-max bar; an open top continues as a fade; then the value label."""
    if bar.high is not None:  # a single figure still shows as a short bar
        width = max(bar.top - bar.low, MIN_SHARE * (ax.get_xlim()[1] - ax.get_xlim()[0]))
        ax.barh(y, width, left=bar.low, height=thick, color=colours.primary, linewidth=0, zorder=2)
    end = bar.top
    if bar.open_ended:
        _fade(ax, y, end, fade, thick, colours)
        end += fade
    canvas.value_label(ax, end, y, bar.label, colours)


def salary_chart(profile: Profile, style) -> Optional[ChartArt]:
    """The salary-by-level chart, or None when no level has a salary."""
    bars = level_bars(profile)
    if not bars:
        return None
    colours = chart_colours(style)
    median = median_annual(profile)
    names = [textwrap.fill(bar.name, NAME_WRAP) for bar in bars]
    fig, ax = canvas.bar_chart_axes(names, colours)
    fade = _limits(ax, bars, median)
    for y, bar in enumerate(bars):
        _draw_bar(ax, y, bar, fade, canvas.bar_height(names), colours)
    canvas.name_ticks(ax, names)
    if median:
        canvas.median_line(ax, median, colours)
    return to_art(fig, CHART_ID, alt_text(bars, profile))
