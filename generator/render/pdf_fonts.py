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
# (SVG font-weight, font-style, our role); Matplotlib writes bold as weight 700,
# which svglib looks up as "700", not "bold".
SVG_FACES = (("normal", "normal", "regular"), ("bold", "normal", "bold"), ("700", "normal", "bold"),
             ("normal", "italic", "italic"), ("bold", "italic", "bold_italic"),
             ("700", "italic", "bold_italic"))


@lru_cache(maxsize=None)
def register(fonts: Fonts) -> dict[str, str]:
    """Register the family with ReportLab and svglib once; returns role -> font name."""
    family = fonts.family
    names = {"regular": family, "bold": f"{family}-Bold", "italic": f"{family}-Italic",
             "bold_italic": f"{family}-BoldItalic", "heavy": f"{family}-Heavy",
             "fallback": FALLBACK, "fallback_bold": FALLBACK_BOLD}
    # svglib registers the faces charts use with ReportLab itself; ReportLab's registerFont
    # resets a font's bold/italic mapping to itself, so the family mapping must come last.
    charted = _map_for_svg(fonts, names)
    for role, name in names.items():
        if role not in charted:
            pdfmetrics.registerFont(TTFont(name, getattr(fonts, role)))
    pdfmetrics.registerFontFamily(family, normal=names["regular"], bold=names["bold"],
                                  italic=names["italic"], boldItalic=names["bold_italic"])
    pdfmetrics.registerFontFamily(FALLBACK, normal=FALLBACK, bold=FALLBACK_BOLD,
                                  italic=FALLBACK, boldItalic=FALLBACK_BOLD)
    # Nothing may fall back to an unembedded standard font (Helvetica) in the PDF.
    rl_config.canvas_basefontname = family
    shapes.STATE_DEFAULTS["fontName"] = family
    return names


def _map_for_svg(fonts: Fonts, names: dict[str, str]) -> set[str]:
    """Register the faces chart SVGs use, so svglib never asks fontconfig; returns their roles."""
    from svglib import fonts as svg_fonts

    for weight, style, role in SVG_FACES:
        svg_fonts.register_font(fonts.family, getattr(fonts, role), weight=weight, style=style,
                                rlgFontName=names[role])
    return {role for _, _, role in SVG_FACES}


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
