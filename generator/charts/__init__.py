"""Charts in the brochure's font and colours, rendered once per profile.

`render_charts(profile, style)` returns {chart_id: ChartArt}: "salary_by_level"
when a level has a salary, "industry_pay" when an industry is listed with pay, and
"local_pay" when a build prints BLS's local figures (`local`). Each
chart is drawn in the pay period most of its figures use, and labelled with the
source's own figures.
"""

from __future__ import annotations

import logging
import warnings
from contextlib import contextmanager
from typing import Iterator

from matplotlib import rc_context

from generator.charts.industry import industry_chart
from generator.charts.local import local_chart
from generator.charts.output import IMAGE_TYPES
from generator.charts.salary import salary_chart
from generator.charts.theme import rc_params
from generator.compose.model import ChartArt
from generator.profile.model import Profile

__all__ = ["render_charts"]


def render_charts(profile: Profile, style, image_types: tuple[str, ...] = IMAGE_TYPES,
                  local=None) -> dict[str, ChartArt]:
    """Every chart the profile (and BLS's local figures, when given) has data for, keyed by chart
    id, as the image types asked for (the writers' `IMAGE_TYPES`: a PDF-only build draws no PNG)."""
    charts: dict[str, ChartArt] = {}
    # a glyph no face has is a box, not a stream of library warnings on the user's terminal; nor
    # is a fallback face without a bold weight ("findfont: Failed to find font weight bold")
    with rc_context(rc_params(style)), warnings.catch_warnings(), _quiet_font_manager():
        warnings.filterwarnings("ignore", message="Glyph .* missing from font", category=UserWarning)
        for make in (salary_chart, industry_chart):
            art = make(profile, style, image_types)
            if art is not None:
                charts[art.chart_id] = art
        art = local_chart(local, style, image_types) if local is not None else None
        if art is not None:
            charts[art.chart_id] = art
    return charts


@contextmanager
def _quiet_font_manager() -> Iterator[None]:
    log = logging.getLogger("matplotlib.font_manager")
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        yield
    finally:
        log.setLevel(level)
