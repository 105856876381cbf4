"""Local pay from BLS's OEWS tables (generator/wages): an area's figures next to the U.S. ones
from the same release, each as BLS publishes it (its codes in words, never a figure it did not
publish), with the release on the page beside them."""

from __future__ import annotations

from generator.compose.base import Context
from generator.compose.model import Block, Bullets, Chart, Heading, Paragraph, Table
from generator.compose.templates import SectionSpec
from generator.i18n import currency, decimal, source_date, t
from generator.money import per
from generator.profile.model import Profile

PERCENTILES = ("pct10", "pct25", "median", "pct75", "pct90")


def pay_text(figure: str, period: str, bounds: tuple[str, ...]) -> str:
    """BLS's figure as printed: '$61,810', '$24.20', '$239,200 or more' for '#', '' for none."""
    if figure == "#":
        bound = bounds[0 if period == "hour" else 1] if len(bounds) == 2 else ""
        return t("money.or_more", amount=_money(bound, period)) if bound else t("local.top_coded")
    if figure in ("", "*", "**", "~"):
        return ""
    return _money(figure, period)


def _money(figure: str, period: str) -> str:
    value = float(figure.replace(",", ""))
    return currency(value, "\u00a4#,##0.00" if period == "hour" else "\u00a4#,##0")


def jobs_text(figure: str) -> str:
    """'18,700', or '' when BLS publishes no employment figure ('**')."""
    if not figure or not figure.replace(".", "").isdigit():
        return ""
    return decimal(int(float(figure)))


def area_name(wages, local) -> str:
    """The area as BLS titles it; the U.S. in the reader's language ('EE. UU.')."""
    return t("local.us_name") if wages == local.us else wages.area.title


def _median_line(wages, bounds) -> str:
    """'$61,810 a year', or BLS's reason there is no figure."""
    if not wages.published:
        return t("local.not_published")
    period = wages.period
    median = pay_text(wages.figures()[2], period, bounds)
    return t("local.pay", pay=median, per=per(period)) if median else t("local.no_wage")


def _detail(wages, bounds, figures: list[str]) -> str:
    """The median, the middle half and the jobs, as the audience file asks."""
    parts = [_median_line(wages, bounds)]
    if not wages.published:
        return parts[0]
    period, values = wages.period, wages.figures()
    low, high = pay_text(values[1], period, bounds), pay_text(values[3], period, bounds)
    if "middle_half" in figures and low and high and values[1] != "#":  # '#' to '#' says nothing more
        parts.append(t("local.middle_half", low=low, high=high))
    jobs = jobs_text(wages.jobs)
    if "jobs" in figures:
        parts.append(t("local.jobs", count=jobs) if jobs else t("local.no_jobs"))
    return "; ".join(parts)


def local_pay(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    """'Pay in California: $61,810 a year', area by area and the U.S., with the release."""
    local = ctx.local
    if local is None:
        return ()
    rows = [*local.areas, *([local.us] if local.us else [])]
    release = source_date(local.release)
    labels = tuple(t("local.pay_in", area=w.area.title) if w != local.us else t("local.us", release=release)
                   for w in rows)
    items = tuple(_detail(w, local.top_codes, spec.figures) for w in rows)
    key = "local.caption_middle_half" if "middle_half" in spec.figures else "local.caption"
    return (Bullets(items, labels), Paragraph(t(key, release=source_date(local.release)), "caption"))


def _cells(wages, period: str, bounds) -> tuple[str, ...]:
    return tuple(pay_text(v, period, bounds) or t("local.no_estimate") for v in wages.figures(period))


def _periods(wages) -> list[str]:
    """The periods BLS publishes for the area: annual, hourly, or both."""
    return [period for period in ("year", "hour") if any(v not in ("", "*") for v in wages.figures(period))]


def _area_table(wages, local) -> tuple[Block, ...]:
    """One area: its name, its jobs, and a row of percentiles per period BLS publishes."""
    bounds = local.top_codes
    blocks: list[Block] = [Heading(area_name(wages, local), 2)]
    if not wages.published:
        return (*blocks, Paragraph(t("local.not_published")))
    jobs = jobs_text(wages.jobs)
    blocks.append(Paragraph(t("local.jobs_line", count=jobs) if jobs else t("local.no_jobs_line")))
    periods = _periods(wages)
    if not periods:
        return (*blocks, Paragraph(t("local.no_wage_line")))
    header = (t("local.percentile"), *(t(f"local.per.{period}") for period in periods))
    columns = [_cells(wages, period, bounds) for period in periods]
    rows = tuple((t(f"local.columns.{name}"), *(c[index] for c in columns)) for index, name in enumerate(PERCENTILES))
    widths = (0.4, 0.3, 0.3) if len(periods) == 2 else (0.5, 0.5)
    return (*blocks, Table(header, rows, widths))


def local_pay_table(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    """Area by area and the U.S.: jobs, then the 10th to 90th percentile as BLS publishes them."""
    local = ctx.local
    if local is None:
        return ()
    blocks: list[Block] = []
    for wages in [*local.areas, *([local.us] if local.us else [])]:
        blocks += _area_table(wages, local)
    return (*blocks, Paragraph(t("local.table_caption", release=source_date(local.release)), "caption"))


CHART_ID = "local_pay"  # generator/charts/local.py draws it


def local_pay_chart(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    """Pay here and in the U.S.: each area's 10th to 90th percentile, the middle half and the median."""
    art = ctx.charts.get(CHART_ID) if ctx.local is not None else None
    if art is None:
        return ()
    caption = t("local.chart_caption", release=source_date(ctx.local.release), per=per(art.period))
    return (Chart(art, caption),)


def source_line(ctx: Context) -> str:
    """'U.S. Bureau of Labor Statistics, …, May 2025, California; Riverside-…, CA.' or ''."""
    local = ctx.local
    if local is None:
        return ""
    areas = "; ".join(area_name(w, local) for w in (*local.areas, *([local.us] if local.us else [])))
    line = t("local.source", release=source_date(local.release), areas=areas)
    return line[:-1] if line.endswith("..") else line  # 'U.S.' ends the list
