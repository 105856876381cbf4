"""Shared drawing: a figure sized in inches, measured text, a clean axis."""

from __future__ import annotations

from typing import Optional

from matplotlib import text as mpl_text
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.ticker import FuncFormatter, MaxNLocator

from generator.charts.money import amount, tick
from generator.i18n import t
from generator.charts.theme import (
    BOTTOM_IN,
    LABEL_PT,
    PNG_DPI,
    TICK_PT,
    ROW_IN,
    TOP_IN,
    VALUE_PT,
    WIDTH_IN,
    ChartColours,
)

_metrics = getattr(mpl_text, "_get_text_metrics_with_cache", None)  # Matplotlib's cache of text metrics
LINE_IN = 0.135  # one line of a wrapped name at LABEL_PT
BAR_IN = 0.21  # bar thickness, whatever the row height
GAP_PT = 4.0  # space between a bar end and its value label
KNOCKOUT_IN = 0.04  # the white box around a value label, both sides
RIGHT_IN = 0.04  # safety margin at the right figure edge


def row_in(names: list[str]) -> float:
    """Height of each row: ROW_IN, or more when a name wraps on three lines or more."""
    lines = max(name.count("\n") + 1 for name in names)
    return max(ROW_IN, LINE_IN * lines + 0.12)


def chart_height(names: list[str]) -> float:
    """True figure height for one bar per name."""
    return len(names) * row_in(names) + TOP_IN + BOTTOM_IN


def bar_height(names: list[str]) -> float:
    """Bar thickness in data units (one row = 1) so bars are BAR_IN thick."""
    return BAR_IN / row_in(names)


def bar_chart_axes(names: list[str], colours: ChartColours, period: str = "year"):
    """A figure sized for one bar per (wrapped) name, its clean axes placed: (fig, ax)."""
    fig = new_figure(chart_height(names), colours)
    ax = place_axes(fig, names, LABEL_PT)
    style_axes(ax, colours, period)
    return fig, ax


def new_figure(height_in: float, colours: ChartColours) -> Figure:
    """A white figure of the chart width with an Agg canvas for measuring text."""
    fig = Figure(figsize=(WIDTH_IN, height_in), dpi=PNG_DPI, facecolor=colours.white)
    FigureCanvasAgg(fig)
    return fig


def text_width_in(fig: Figure, text: str, size: float, weight: str = "normal") -> float:
    """Width in inches of a (possibly multi-line) text set in the chart font: its widest line, as
    Matplotlib lays a text out (asked of the renderer, with Matplotlib's cache of text metrics,
    instead of placing a text on the figure to measure it and taking it off again)."""
    if not text:
        return 1 / fig.dpi  # an empty text's extent is Matplotlib's unit box: one pixel
    renderer, prop = fig.canvas.get_renderer(), FontProperties(size=size, weight=weight)
    return max(_line_px(renderer, line, prop, fig.dpi) for line in text.split("\n")) / fig.dpi


def _line_px(renderer, line: str, prop: FontProperties, dpi: float) -> float:
    """A line's width in pixels: from Matplotlib's cache of text metrics, or where a Matplotlib
    lacks that (private) cache, from the renderer's own measure."""
    if _metrics is None:
        return renderer.get_text_width_height_descent(line, prop, False)[0]
    return _metrics(renderer, line, prop, False, dpi)[0]


MAX_NAME_LINES = 3
NAME_SHARE = 0.55  # bar names take at most this share of the chart's width
ELLIPSIS = "\u2026"


def fit_names(names: list[str], wrap: int, size: float = LABEL_PT) -> list[str]:
    """Names wrapped to `wrap` characters and to NAME_SHARE of the width, at most three lines.

    A word wider than the room (26 W's, a name in Chinese) is broken between letters; what
    is left after three lines ends in an ellipsis (the alt text keeps the whole name).
    """
    probe = Figure(figsize=(WIDTH_IN, 1.0), dpi=PNG_DPI)
    FigureCanvasAgg(probe)
    limit = NAME_SHARE * WIDTH_IN
    return [_fit_name(probe, name, wrap, size, limit) for name in names]


def _fit_name(fig: Figure, name: str, wrap: int, size: float, limit: float) -> str:
    lines: list[str] = []
    for word in name.split() or [name]:
        joined = f"{lines[-1]} {word}" if lines else word
        if lines and len(joined) <= wrap and text_width_in(fig, joined, size) <= limit:
            lines[-1] = joined
            continue
        while len(word) > 1 and text_width_in(fig, word, size) > limit:  # a word wider than the room
            cut = _longest_prefix(fig, word, size, limit)
            lines.append(word[:cut])
            word = word[cut:]
        lines.append(word)
    if len(lines) > MAX_NAME_LINES:
        last = lines[MAX_NAME_LINES - 1]
        while last and text_width_in(fig, last + ELLIPSIS, size) > limit:
            last = last[:-1]
        lines = lines[:MAX_NAME_LINES - 1] + [last.rstrip() + ELLIPSIS]
    return "\n".join(lines)


def _longest_prefix(fig: Figure, text: str, size: float, limit: float) -> int:
    """How many characters of `text` fit in `limit` inches (at least one)."""
    low, high = 1, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if text_width_in(fig, text[:middle], size) <= limit:
            low = middle
        else:
            high = middle - 1
    return low


def place_axes(fig: Figure, labels: list[str], size: float):
    """Axes filling the figure, left of it reserved for the widest label."""
    width_in = float(fig.get_size_inches()[0])
    left_in = min(max((text_width_in(fig, s, size) for s in labels), default=0) + 0.12, NAME_SHARE * width_in + 0.12)
    width_in, height_in = fig.get_size_inches()
    rect = (
        left_in / width_in,
        BOTTOM_IN / height_in,
        1 - (left_in + RIGHT_IN) / width_in,
        1 - (BOTTOM_IN + TOP_IN) / height_in,
    )
    return fig.add_axes(rect)


def fit_right(ax, low: float, ends: list[tuple[float, float]], floor: float) -> float:
    """Upper x limit so each (bar end, label width in inches) fits inside the axes."""
    axes_in = ax.get_position().width * ax.figure.get_size_inches()[0]
    right = floor
    for end, label_in in ends:
        room = axes_in - label_in - GAP_PT / 72
        right = max(right, low + (end - low) * axes_in / max(room, 0.2))
    return right


def style_axes(ax, colours: ChartColours, period: str = "year") -> None:
    """No frame, a light baseline, light vertical grid, ticks and the unit caption of `period`."""
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.spines["bottom"].set_color(colours.rule)
    ax.spines["bottom"].set_linewidth(0.6)
    ax.set_facecolor("none")
    ax.xaxis.set_major_locator(MaxNLocator(nbins=tick_count(ax), steps=[1, 2, 2.5, 5, 10]))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: tick(v, period)))
    ax.tick_params(axis="x", labelsize=TICK_PT, colors=colours.muted, length=2.5, width=0.5, pad=2)
    ax.tick_params(axis="x", color=colours.rule)
    ax.tick_params(axis="y", length=0, pad=5, colors=colours.text)
    ax.grid(axis="x", color=colours.rule, linewidth=0.4, alpha=0.6)
    ax.set_axisbelow(True)
    ax.set_xlabel(t(f"charts.axis.{period}"), fontsize=TICK_PT, color=colours.muted, loc="right", labelpad=2)


TICK_ROOM = 1.8  # a tick label's width and the gap to the next, in widths of a wide label ('$200K')


def tick_count(ax) -> int:
    """As many ticks as their labels have room for side by side (fewer ticks, never smaller type)."""
    axes_in = ax.get_position().width * ax.figure.get_figwidth()
    label_in = text_width_in(ax.figure, "$200K", TICK_PT)
    return max(2, min(5, int(axes_in / (label_in * TICK_ROOM))))


def name_ticks(ax, names: list[str]) -> None:
    """Names as y tick labels, first row on top."""
    ax.set_yticks(range(len(names)), names, fontsize=LABEL_PT, parse_math=False)
    ax.set_ylim(len(names) - 0.5, -0.5)


def value_label(ax, x: float, y: float, text: str, colours: ChartColours, avoid: Optional[float] = None,
                start: Optional[float] = None):
    """A value set just right of a bar end, knocked out of lines behind it. Where the median line
    (`avoid`) would run through it, it goes inside the bar (from `start`) if it fits there, else past
    the line."""
    low, high = ax.get_xlim()
    per_in = (high - low) / (ax.get_position().width * ax.figure.get_figwidth())
    width = (text_width_in(ax.figure, text, VALUE_PT) + KNOCKOUT_IN + GAP_PT / 72) * per_in
    margin = 1.5 / 72 * per_in  # the line's own width and a hair of air

    def clear(left: float, right: float) -> bool:
        return avoid is None or not left - margin <= avoid <= right + margin
    if not clear(x, x + width):
        if start is not None and x - start >= width and clear(x - width, x):
            return ax.annotate(text, (x, y), xytext=(-GAP_PT, 0), textcoords="offset points", ha="right",
                               va="center", fontsize=VALUE_PT, color=colours.white, zorder=5, parse_math=False)
        if avoid > x and avoid + margin + width <= high:
            x = avoid + margin
    return ax.annotate(
        text, (x, y), xytext=(GAP_PT, 0), textcoords="offset points",
        ha="left", va="center", fontsize=VALUE_PT, color=colours.text, zorder=5, parse_math=False,
        bbox={"boxstyle": "square,pad=0.15", "facecolor": colours.white, "edgecolor": "none"},
    )


def median_text(median: float, as_of: str = "") -> str:
    """The median line's label: 'Median $50,250' (with its date when it is not the bars')."""
    return t("charts.median_marker_as_of" if as_of else "charts.median_marker", amount=amount(median), date=as_of)


def median_line(ax, median: float, colours: ChartColours, dashed: bool = False, as_of: str = "") -> None:
    """The overall median: an accent line across the bars, labelled above them (with its date when
    it is not the bars' date)."""
    style = (0, (3, 1.6)) if dashed else "-"
    ax.axvline(median, color=colours.accent, linewidth=1.4, linestyle=style, zorder=4)
    low, high = ax.get_xlim()
    where = (median - low) / (high - low)
    label = median_text(median, as_of)
    ha = "left" if where < 0.2 else "right" if where > 0.8 else "center"
    if ha == "center":  # a label that would run past the figure's edge is set flush against the line
        box = ax.get_position()
        fig_width = ax.figure.get_figwidth()
        half = text_width_in(ax.figure, label, VALUE_PT, "bold") / 2
        at = (box.x0 + where * box.width) * fig_width
        ha = "right" if at + half > fig_width else "left" if at - half < 0 else "center"
    ax.annotate(
        label, (median, 1), xycoords=("data", "axes fraction"),
        xytext=(0, 2.5), textcoords="offset points", ha=ha, va="bottom",
        fontsize=VALUE_PT, fontweight="bold", color=colours.accent_text, zorder=5, parse_math=False,
    )
