"""Pay by industry: top-paying industries high to low, the source's median as a reference line.

Drawn in the pay period most industries use; one given in the other period is
placed at 2,080 hours a year but labelled with its own figure.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from generator.charts import canvas
from generator.charts.money import amount
from generator.charts.data import bar_data
from generator.charts.output import IMAGE_TYPES, to_art
from generator.charts.theme import MAX_INDUSTRIES, VALUE_PT, chart_colours
from generator.compose.model import ChartArt
from generator.i18n import source_date, t
from generator.money import majority_period, per, per_short
from generator.profile.model import Profile

CHART_ID = "industry_pay"
NAME_WRAP = 26


@dataclass(frozen=True)
class IndustryBar:
    """One industry's pay placed in the chart's period; `label` is the source's figure."""

    name: str
    pay: float
    label: str
    words: str
    converted: bool = False


def industry_rows(profile: Profile, period: Optional[str] = None) -> list[IndustryBar]:
    """Industries highest first, at most MAX_INDUSTRIES, placed in `period` (default: the majority's)."""
    items = profile.regional.top_paying_industries
    period = period or majority_period([item.period for item in items])
    rows = [
        IndustryBar(item.industry, item.in_unit(period),
                    amount(item.pay) + (per_short(item.period) if item.period != period else ""),
                    f"{amount(item.pay)} {per(item.period)}", item.period != period)
        for item in items
    ]
    return sorted(rows, key=lambda row: -row.pay)[:MAX_INDUSTRIES]


def alt_text(rows: list[IndustryBar], median: Optional[float], period: str, as_of: str = "",
             median_as_of: str = "") -> str:
    """The chart's data in words, each figure as the source gives it, with the dates of the figures."""
    listed = "; ".join(f"{row.name} {row.words}" for row in rows)
    text = t("charts.industry_alt_as_of", rows=listed, date=as_of) if as_of else t("charts.industry_alt", rows=listed)
    if not median:
        return text + "."
    key = "charts.industry_alt_median_as_of" if median_as_of else "charts.industry_alt_median"
    return text + t(key, amount=amount(median), per=per(period), date=median_as_of)


def dates(profile: Profile) -> tuple[str, str]:
    """(the date every industry figure shares, the median's year where it differs from that date)."""
    shared = {item.as_of for item in profile.regional.top_paying_industries}
    as_of = shared.pop() if len(shared) == 1 and None not in shared else ""
    year = str(profile.median_pay.year) if profile.median_pay and profile.median_pay.year else ""
    return (source_date(as_of) if as_of else ""), (year if as_of and year and year not in as_of else "")


def _limits(ax, rows: list[IndustryBar], median: Optional[float]) -> None:
    """Bars start at zero; the right limit leaves room for every value label."""
    ends = [(row.pay, canvas.text_width_in(ax.figure, row.label, VALUE_PT) + canvas.KNOCKOUT_IN) for row in rows]
    top = max([row.pay for row in rows] + [median or 0])
    ax.set_xlim(0, canvas.fit_right(ax, 0, ends, floor=top * 1.02))


def industry_chart(profile: Profile, style, image_types: tuple[str, ...] = IMAGE_TYPES) -> Optional[ChartArt]:
    """The pay-by-industry chart, or None when the profile lists no industry with pay."""
    period = majority_period([item.period for item in profile.regional.top_paying_industries])
    rows = industry_rows(profile, period)
    if not rows:
        return None
    colours = chart_colours(style)
    median = profile.median_pay.in_unit(period) if profile.median_pay else None
    names = canvas.fit_names([row.name for row in rows], NAME_WRAP)
    fig, ax = canvas.bar_chart_axes(names, colours, period)
    _limits(ax, rows, median)
    ax.barh(range(len(rows)), [row.pay for row in rows], height=canvas.bar_height(names),
            color=colours.primary, linewidth=0, zorder=2)
    for y, row in enumerate(rows):
        canvas.value_label(ax, row.pay, y, row.label, colours, avoid=median, start=0.0)
    canvas.name_ticks(ax, names)
    as_of, median_as_of = dates(profile)
    if median:
        canvas.median_line(ax, median, colours, dashed=True, as_of=median_as_of)
    data = bar_data(ax, names, [0.0] * len(rows), [("pay", "primary", [row.pay for row in rows])],
                    [row.label for row in rows], period, median,
                    canvas.median_text(median, median_as_of) if median else "", median_dashed=True)
    return to_art(fig, CHART_ID, alt_text(rows, median, period, as_of, median_as_of), period=period,
                  median=bool(median), converted=any(row.converted for row in rows), image_types=image_types,
                  as_of=as_of, median_as_of=median_as_of, data=data)
