"""Chart labels never collide: no value label over the median line, no two tick labels touching.

Measured on every fixture's charts, from their display lists (where each text is drawn, in points).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfbase.pdfmetrics import registerFont, stringWidth
from reportlab.pdfbase.ttfonts import TTFont

from generator.charts import render_charts
from generator.charts.theme import VALUE_PT, chart_colours
from generator.compose.templates import TEMPLATES_DIR, load_style
from generator.profile.importer import import_file

FIX = Path(__file__).resolve().parent / "fixtures"
SOURCES = sorted((FIX / "profiles").glob("*.txt")) + sorted((FIX / "by-others").glob("*.txt"))
FONTS = {False: "ChartLato", True: "ChartLato-Bold"}


@pytest.fixture(scope="module")
def faces():
    registerFont(TTFont(FONTS[False], str(TEMPLATES_DIR / "fonts" / "Lato-Regular.ttf")))
    registerFont(TTFont(FONTS[True], str(TEMPLATES_DIR / "fonts" / "Lato-Bold.ttf")))


def _extent(op) -> tuple[float, float]:
    _, x, _, text, bold, _, size, *_, anchor, _ = op
    width = stringWidth(text, FONTS[bool(bold)], size)
    left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    return left, left + width


@pytest.mark.parametrize("path", SOURCES, ids=[f"{p.parent.name}/{p.stem}" for p in SOURCES])
def test_value_labels_clear_the_median_line_and_ticks_do_not_touch(path, faces):
    profile, _ = import_file(path)
    style = load_style()
    accent = chart_colours(style).accent
    for chart_id, art in render_charts(profile, style, ("vector",)).items():
        texts = [op for op in art.vector if op[0] == "text" and op[3].strip()]
        lines = [op[1] for op in art.vector if op[0] == "path" and len(op) > 3 and str(op[3]).lower() == accent.lower()
                 and len(op[1]) == 2 and op[1][0][1] == op[1][1][1]]
        values = [op for op in texts if op[6] == VALUE_PT and not op[4]]
        for x in lines:
            median_x = x[0][1]
            for op in values:
                left, right = _extent(op)
                assert not left - 1 < median_x < right + 1, f"{path.name} {chart_id}: {op[3]!r} over the median line"
        lowest = min(op[2] for op in texts if op[9] == "middle")
        ticks = sorted((_extent(op) for op in texts if op[9] == "middle" and op[2] == lowest))
        for (_, right), (left, _) in zip(ticks, ticks[1:]):
            assert left - right >= 2.0, f"{path.name} {chart_id}: tick labels {ticks} touch"
