"""Chart look: size, type and colours taken from the brochure style."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from matplotlib import font_manager

from generator.compose.styles import resolve_fonts
from generator.compose.templates import StyleSpec

WIDTH_IN = 3.1  # true figure width; a tri-fold panel scales it to 3.07 in
ROW_IN = 0.42  # height per bar
TOP_IN = 0.22  # room for the median label above the bars
BOTTOM_IN = 0.40  # room for the axis ticks and its unit caption
PNG_DPI = 300
LABEL_PT = 8.5  # level / industry names
VALUE_PT = 8.0  # values at bar ends, median label
TICK_PT = 7.5  # axis ticks and unit caption
MAX_INDUSTRIES = 6
@dataclass(frozen=True)
class ChartColours:
    """The style colours a chart uses, as RGB hex."""

    primary: str
    accent: str
    accent_text: str
    text: str
    muted: str
    rule: str
    white: str


def chart_colours(style: StyleSpec) -> ChartColours:
    """Pick the chart colours from a style, with fallbacks for optional ones."""
    rgb = {name: spec.rgb for name, spec in style.colours.items()}
    return ChartColours(
        primary=rgb["primary"],
        accent=rgb["accent"],
        accent_text=rgb.get("accent_text", rgb["text"]),
        text=rgb["text"],
        muted=rgb["muted"],
        rule=rgb.get("rule", rgb["muted"]),
        white=rgb["white"],
    )


@lru_cache(maxsize=None)
def _add_fonts(files: tuple[str, ...]) -> tuple[str, ...]:
    """Register font files with Matplotlib once per set of files; their family names, in order."""
    for path in files:
        font_manager.fontManager.addfont(path)
    return tuple(dict.fromkeys(font_manager.get_font(path).family_name for path in files))


def register_fonts(style: StyleSpec) -> list[str]:
    """Make the style's typeface and its fallback faces known to Matplotlib; the families for
    `font.family`: the brochure's, then those Matplotlib takes a glyph from when it lacks one
    (Hebrew and Arabic from the fallback face, Chinese, Japanese and Korean from the wide faces
    installed), the faces the PDF falls back on too. Without them a Word file's chart showed boxes."""
    fonts = resolve_fonts(style)
    _add_fonts((fonts.regular, fonts.bold, fonts.italic, fonts.bold_italic, fonts.heavy))
    fallbacks = _add_fonts((fonts.fallback, fonts.fallback_bold, *fonts.fallback_wide))
    return list(dict.fromkeys((fonts.family, *fallbacks)))


def rc_params(style: StyleSpec) -> dict:
    """Matplotlib settings for every chart: our font and colours, unhinted text."""
    colours = chart_colours(style)
    return {
        "font.family": register_fonts(style),
        "font.size": VALUE_PT,
        "text.color": colours.text,
        "axes.unicode_minus": False,
        # glyphs at their true shapes and widths: names are measured as the PDF prints them, and
        # the 300 dpi PNG needs no snapping to pixels (which also took a sixth of its drawing)
        "text.hinting": "no_hinting",
    }
