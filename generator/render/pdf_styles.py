"""ReportLab paragraph styles and colours from the brochure's Style."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass

from reportlab.graphics.shapes import STATE_DEFAULTS
from reportlab.lib.colors import CMYKColor, Color, HexColor
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from generator.compose.model import Colour, Style
from generator.render.pdf_fonts import register


@contextmanager
def drawing_inks(cmyk: bool):
    """renderPDF starts every drawing (charts, QR codes) in RGB black; print mode wants K only."""
    saved = {key: STATE_DEFAULTS[key] for key in ("fillColor", "strokeColor")}
    if cmyk:
        STATE_DEFAULTS.update(fillColor=CMYKColor(0, 0, 0, 1), strokeColor=CMYKColor(0, 0, 0, 1))
    try:
        yield
    finally:
        STATE_DEFAULTS.update(saved)


def colour(c: Colour, cmyk: bool) -> Color:
    """A ReportLab colour: CMYK for print shops, RGB for screens."""
    return CMYKColor(*c.cmyk) if cmyk else HexColor(c.rgb)


@dataclass(frozen=True)
class Ink:
    """Colours of one panel: text, secondary text, headings, highlights, rules."""

    text: Color
    muted: Color
    heading: Color
    highlight: Color
    rule: Color
    marker: Color
    fill: Color


def inks(style: Style, cmyk: bool, dark: bool) -> Ink:
    """Inks for a light panel, or for a primary-coloured (dark) one."""
    c = {name: colour(value, cmyk) for name, value in style.colours.items()}
    if dark:
        return Ink(c["white"], c["tint"], c["white"], c["accent"], c["primary_light"], c["accent"], c["white"])
    return Ink(c["text"], c["muted"], c["primary"], c["accent_text"], c["rule"], c["accent"], c["tint"])


_CACHE: dict[tuple, dict[str, ParagraphStyle]] = {}


def paragraph_styles(style: Style, cmyk: bool, dark: bool) -> dict[str, ParagraphStyle]:
    """Named paragraph styles (title, hook, heading1/2, body, ...), cached per look."""
    key = (style.type, style.fonts, tuple(sorted(style.colours.items())), cmyk, dark)
    if key not in _CACHE:
        if len(_CACHE) >= 64:  # a few sizes per brochure: never a cache that grows with a batch
            _CACHE.clear()
        _CACHE[key] = _make_styles(style, cmyk, dark)
    return _CACHE[key]


def _make_styles(style: Style, cmyk: bool, dark: bool) -> dict[str, ParagraphStyle]:
    names = register(style.fonts)
    t, ink = style.type, inks(style, cmyk, dark)

    def make(name, font, size, color, leading=None, **kw):
        return ParagraphStyle(name, fontName=names[font], fontSize=size, textColor=color,
                              leading=leading or size * t.leading, alignment=TA_LEFT, **kw)

    return {
        "title": make("title", "heavy", t.title, ink.heading, t.title * 1.06),
        "hook": make("hook", "regular", t.hook, ink.text, t.hook * 1.3),
        "heading1": make("heading1", "heavy", t.heading, ink.heading, t.heading * 1.2),
        "heading2": make("heading2", "bold", t.subheading, ink.heading, t.subheading * 1.25),
        # "Levels (continued)" atop a column that goes on with a section: set like a subheading
        "continued": make("continued", "bold", t.subheading, ink.heading, t.subheading * 1.25),
        "body": make("body", "regular", t.body, ink.text),
        "lead": make("lead", "regular", t.body * 1.08, ink.text),
        "intro": make("intro", "italic", t.body, ink.text),
        "emphasis": make("emphasis", "bold", t.body, ink.highlight),
        "note": make("note", "italic", t.body, ink.muted),
        "caption": make("caption", "regular", t.caption, ink.muted, t.caption * 1.3),
        "link": make("link", "regular", t.link, ink.text, t.link * 1.25),
        "bullet": make("bullet", "regular", t.body, ink.text, leftIndent=t.body * 1.1,
                       bulletIndent=0, bulletFontName=names["bold"], bulletColor=ink.marker),
        "step_title": make("step_title", "bold", t.body * 1.04, ink.heading, t.body * 1.25),
        "fact_value": make("fact_value", "heavy", t.fact_value, ink.heading, t.fact_value * 1.1),
        # cover labels follow the cover's sizes, which growth into spare room leaves alone
        "fact_text": make("fact_text", "bold", t.fact_value * 0.587, ink.heading, t.fact_value * 0.7),
        "fact_label": make("fact_label", "regular", t.fact_value * 0.485, ink.muted, t.fact_value * 0.618),
        "big_number": make("big_number", "heavy", t.big_number, ink.highlight, t.big_number * 1.05),
        "big_label": make("big_label", "regular", t.big_number * 0.25, ink.text),
        "cell": make("cell", "regular", t.body * 0.92, ink.text),
        "cell_head": make("cell_head", "bold", t.body * 0.92, ink.heading),
    }
