"""A chart's figures as data (generator.compose.model.ChartData) beside its drawing, so a writer
that draws charts natively (Word's) shows the same bars, on the same axis, with the same labels.

Bars are stacked series: an invisible start, the drawn segments, and an invisible run from the
bar's end to the axis's end that carries the bar's label (the source's figure as printed).
"""

from __future__ import annotations

import math
from typing import Optional, Sequence

from generator.charts.money import tick
from generator.charts.theme import LABEL_PT, TICK_PT, VALUE_PT
from generator.compose.model import ChartData, ChartSeries

NEAR = 0.3  # a median this close past a bar's end (share of the axis) would run through its label
CLEAR = 0.012  # the label then starts this far past the median line
MONEY_FORMATS = {"year": '"$"#,##0', "hour": '"$"#,##0.00'}


def _tick_format(step: float, period: str, hidden: Optional[float] = None) -> str:
    """The axis labels as the print sets them: '$50K' (or '$50 mil') a year, '$20' an hour, '$0' at
    zero; none at `hidden` (the axis's start, where the print has no label)."""
    conditions = f'[={hidden:g}]"";' if hidden is not None else ""
    if period == "hour" or step < 1000 or step % 1000:
        return conditions + ('"$"#,##0' if float(step).is_integer() else '"$"#,##0.00')
    suffix = tick(50000, "year").replace("$50", "", 1)  # 'K', ' mil': the language's thousands
    return conditions + f'[=0]"{tick(0, "year")}";"$"#,##0,"{suffix}"'


def _round_start(low: float, high: float, step: float) -> float:
    """The step (the print's, or a half or fifth of it) whose multiple just below `low` starts the axis
    within a fifth of its span; 0 when none does (the axis then starts at `low`)."""
    for unit in (step, step / 2, step / 5):
        if unit > 0 and low - unit * math.floor(low / unit) <= 0.2 * (high - low):
            return unit
    return 0.0


def bar_data(ax, names: Sequence[str], starts: Sequence[float], segments: Sequence[tuple[str, str, Sequence[float]]],
             labels: Optional[Sequence[str]] = None, period: str = "year", median: Optional[float] = None,
             median_label: str = "", marks: Sequence[Optional[float]] = (), median_dashed: bool = False) -> ChartData:
    """Categories top to bottom (`names`), each bar from `starts` through `segments` (name, role,
    lengths), on the drawing's x axis (its lower end moved down to a tick, so the axis labels fall on
    round figures as printed); `labels` after each bar's end; the median's line and label."""
    low, high = (float(v) for v in ax.get_xlim())
    ticks = [float(v) for v in ax.get_xticks() if low <= v <= high]
    step = ticks[1] - ticks[0] if len(ticks) > 1 else 0.0
    step = _round_start(low, high, step)
    if step > 0:
        low = step * math.floor(low / step)
    hidden = low if step > 0 and not any(math.isclose(low, t) for t in ticks) else None
    series = [ChartSeries("start", tuple(float(v) for v in starts), "hidden")]
    series += [ChartSeries(name, tuple(float(v) for v in lengths), role) for name, role, lengths in segments]
    if labels is not None:
        ends = [start + sum(lengths[i] for _, _, lengths in segments) for i, start in enumerate(starts)]
        # a label the median line would run through starts just past the line, as printed
        gaps = [median - end + CLEAR * (high - low) if median is not None and 0 <= median - end < NEAR * (high - low)
                else 0.0 for end in ends]
        if any(gaps):
            series.append(ChartSeries("gap", tuple(gaps), "hidden"))
        series.append(ChartSeries("label", tuple(max(high - end - gap, 0.0) for end, gap in zip(ends, gaps)), "labels",
                                  tuple(label.replace("\n", " ") for label in labels)))
    box = ax.get_position()
    plot = (round(box.x0, 4), round(1 - box.y1, 4), round(box.width, 4), round(box.height, 4))
    return ChartData(tuple(names), tuple(series), low, high, MONEY_FORMATS.get(period, MONEY_FORMATS["year"]),
                     _tick_format(step, period, hidden), step, plot, median, median_label, VALUE_PT, tuple(marks),
                     LABEL_PT, TICK_PT, ax.get_xlabel(), median_dashed)
