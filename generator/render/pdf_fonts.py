"""Fonts for the PDF: the brochure family embedded, a fallback face for missing glyphs."""

from __future__ import annotations

from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.graphics import shapes
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from generator.compose.model import Fonts

FALLBACK = "Fallback"
FALLBACK_BOLD = "Fallback-Bold"


@lru_cache(maxsize=None)
def register(fonts: Fonts) -> dict[str, str]:
    """Register the family with ReportLab and svglib once; returns role -> font name."""
    family = fonts.family
    names = {"regular": family, "bold": f"{family}-Bold", "italic": f"{family}-Italic",
             "bold_italic": f"{family}-BoldItalic", "heavy": f"{family}-Heavy",
             "fallback": FALLBACK, "fallback_bold": FALLBACK_BOLD}
    # svglib first: it registers each TTF again, and ReportLab's registerFont resets a
    # font's bold/italic mapping to itself, so the family mapping must come last.
    _map_for_svg(fonts, names)
    for role, name in names.items():
        pdfmetrics.registerFont(TTFont(name, getattr(fonts, role)))
    pdfmetrics.registerFontFamily(family, normal=names["regular"], bold=names["bold"],
                                  italic=names["italic"], boldItalic=names["bold_italic"])
    pdfmetrics.registerFontFamily(FALLBACK, normal=FALLBACK, bold=FALLBACK_BOLD,
                                  italic=FALLBACK, boldItalic=FALLBACK_BOLD)
    # Nothing may fall back to an unembedded standard font (Helvetica) in the PDF.
    rl_config.canvas_basefontname = family
    shapes.STATE_DEFAULTS["fontName"] = family
    return names


def _map_for_svg(fonts: Fonts, names: dict[str, str]) -> None:
    """Chart SVGs name the family; map every weight they use, so svglib never asks fontconfig."""
    from svglib import fonts as svg_fonts

    # Matplotlib writes bold as font-weight 700, which svglib looks up as "700".
    for weight, style, role in (("normal", "normal", "regular"), ("bold", "normal", "bold"),
                                ("700", "normal", "bold"), ("normal", "italic", "italic"),
                                ("bold", "italic", "bold_italic"), ("700", "italic", "bold_italic")):
        svg_fonts.register_font(fonts.family, getattr(fonts, role), weight=weight, style=style,
                                rlgFontName=names[role])


@lru_cache(maxsize=None)
def _covered(font_name: str) -> frozenset[int]:
    face = pdfmetrics.getFont(font_name).face
    return frozenset(face.charToGlyph)


def markup(text: str, font_name: str) -> str:
    """Escape text for a Paragraph; runs the font lacks are set in the fallback face."""
    covered = _covered(font_name)
    out, run = [], []
    for char in text:
        if ord(char) in covered or char in "\n\t ":
            if run:
                out.append(f'<font face="{FALLBACK}">{escape("".join(run))}</font>')
                run = []
            out.append(escape(char))
        else:
            run.append(char)
    if run:
        out.append(f'<font face="{FALLBACK}">{escape("".join(run))}</font>')
    return "".join(out)
