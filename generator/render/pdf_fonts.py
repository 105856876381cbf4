"""Fonts for the PDF: the brochure family embedded, a fallback face for missing glyphs."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Optional
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.graphics import shapes
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from generator.compose.model import Fonts
from generator.render.scripts import RTL_RUN, has_rtl

FALLBACK = "Fallback"
FALLBACK_BOLD = "Fallback-Bold"
_SPACES = frozenset(map(ord, "\n\t "))
WIDE = "Fallback-Wide"  # Fallback-Wide-1, -2 …: one per wide face installed
# (SVG font-weight, font-style, our role); SVG writers (Matplotlib, Inkscape) often write bold
# as weight 700, which svglib looks up as "700", not "bold".
SVG_FACES = (("normal", "normal", "regular"), ("bold", "normal", "bold"), ("700", "normal", "bold"),
             ("normal", "italic", "italic"), ("bold", "italic", "bold_italic"),
             ("700", "italic", "bold_italic"))


def register(fonts: Fonts) -> dict[str, str]:
    """Make ReportLab use our faces for our names; returns role -> font name.

    Font registries are process-wide: another render or library may have mapped the
    same names since (svglib asking fontconfig, say). So every call checks and puts
    our faces back; parsing each TTF happens once per process (`_faces`).
    """
    global _wide_files
    _wide_files = tuple(fonts.fallback_wide)  # parsed on first need (a Chinese name, say): see _wide_faces
    names = _names(fonts)
    faces = _faces(fonts)
    if _intact(fonts, names, faces):
        return names
    for name, face in faces.items():
        if pdfmetrics._fonts.get(name) is not face:  # noqa: SLF001 - ReportLab keeps its registry here
            pdfmetrics.registerFont(face)
    # ReportLab's registerFont resets a font's bold/italic mapping to itself: the family mapping comes last
    family = fonts.family
    pdfmetrics.registerFontFamily(family, normal=names["regular"], bold=names["bold"],
                                  italic=names["italic"], boldItalic=names["bold_italic"])
    pdfmetrics.registerFontFamily(FALLBACK, normal=FALLBACK, bold=FALLBACK_BOLD,
                                  italic=FALLBACK, boldItalic=FALLBACK_BOLD)
    # Nothing may fall back to an unembedded standard font (Helvetica) in the PDF.
    rl_config.canvas_basefontname = family
    shapes.STATE_DEFAULTS["fontName"] = family
    return names


def _intact(fonts: Fonts, names: dict[str, str], faces: dict[str, TTFont]) -> bool:
    """True when ReportLab still maps every name to our faces (nothing to put back)."""
    from reportlab.lib.fonts import _tt2ps_map

    if any(pdfmetrics._fonts.get(name) is not face for name, face in faces.items()):  # noqa: SLF001
        return False
    family = fonts.family.lower()
    if _tt2ps_map.get((family, 1, 0)) != names["bold"] or _tt2ps_map.get((family, 0, 1)) != names["italic"]:
        return False
    return rl_config.canvas_basefontname == fonts.family and shapes.STATE_DEFAULTS["fontName"] == fonts.family


def register_for_svg(fonts: Fonts) -> dict[str, str]:
    """`register`, with svglib told to use our faces for our family's names (an SVG logo set in
    the brochure's family), so it never asks fontconfig; svglib is loaded only when an SVG is drawn."""
    _map_for_svg(fonts, _names(fonts))  # may register (re-parsed) faces itself: ours go back in after it
    return register(fonts)


def _names(fonts: Fonts) -> dict[str, str]:
    family = fonts.family
    names = {"regular": family, "bold": f"{family}-Bold", "italic": f"{family}-Italic",
             "bold_italic": f"{family}-BoldItalic", "heavy": f"{family}-Heavy",
             "fallback": FALLBACK, "fallback_bold": FALLBACK_BOLD}
    for index, _ in enumerate(fonts.fallback_wide, 1):
        names[f"wide{index}"] = f"{WIDE}-{index}"
    return names


@lru_cache(maxsize=None)
def _faces(fonts: Fonts) -> dict[str, TTFont]:
    """Every face of the family and the fallback, parsed once per process (the wide faces, 4 MB of
    Chinese and Korean, only when a text needs them: see _wide_faces)."""
    files = {role: getattr(fonts, role) for role in ("regular", "bold", "italic", "bold_italic", "heavy",
                                                       "fallback", "fallback_bold")}
    return {name: TTFont(name, files[role]) for role, name in _names(fonts).items() if role in files}


def _map_for_svg(fonts: Fonts, names: dict[str, str]) -> None:
    """An SVG names the family and a weight: map each to our face, so svglib never asks fontconfig."""
    from svglib import fonts as svg_fonts

    mapped = getattr(svg_fonts.get_global_font_map(), "_map", {})
    for weight, style, role in SVG_FACES:
        # svglib's find_font would ask fontconfig for a family it does not know (and map
        # Lato to whatever fontconfig offers): look at its map instead
        entry = mapped.get(svg_fonts.FontMap.build_internal_name(fonts.family, weight, style), {})
        if entry.get("rlgFont") != names[role]:
            svg_fonts.register_font(fonts.family, getattr(fonts, role), weight=weight, style=style,
                                    rlgFontName=names[role])


@lru_cache(maxsize=None)
def _covered(font_name: str) -> frozenset[int]:
    """The characters a face has glyphs for (white space counts as covered)."""
    face = pdfmetrics.getFont(font_name).face
    return frozenset(face.charToGlyph) | _SPACES


def face_for(char: str, font_name: str) -> Optional[str]:
    """None when the font has the glyph; else the fallback face that has it (the first fallback if none)."""
    if ord(char) in _covered(font_name) or char in "\n\t ":
        return None
    if ord(char) not in _covered(FALLBACK):
        for wide in _wide_faces():
            if ord(char) in _covered(wide):
                return wide
    return FALLBACK


_wide_files: tuple[str, ...] = ()  # the style's wide faces (set by register)


def _wide_faces() -> list[str]:
    """The wide faces, in order: parsed and registered the first time a character needs one."""
    return _registered_wide(_wide_files)


@lru_cache(maxsize=None)
def _registered_wide(files: tuple[str, ...]) -> list[str]:
    names = []
    for index, path in enumerate(files, 1):
        name = f"{WIDE}-{index}"
        if name not in pdfmetrics._fonts:  # noqa: SLF001
            pdfmetrics.registerFont(TTFont(name, path))
        names.append(name)
    return names


def missing(text: str, font_name: str) -> set[str]:
    """Characters of `text` no face here has a glyph for (they would print as boxes)."""
    if set(map(ord, text)) <= _covered(font_name):  # the usual case
        return set()
    lacking = {c for c in text if not c.isspace() and unicodedata.category(c)[0] != "C"
               and ord(c) not in _covered(font_name) and ord(c) not in _covered(FALLBACK)}
    if not lacking:  # the usual case: the wide faces are never parsed
        return lacking
    return {c for c in lacking if not any(ord(c) in _covered(face) for face in _wide_faces())}


RTL_KEEP = 48  # characters of a right-to-left run kept on one line (labels: paragraphs reorder per line)


def visual(text: str) -> str:
    """Hebrew and Arabic runs in the order they are read on the page (and Arabic letters joined).

    A PDF draws glyphs left to right; right-to-left words must be laid out reversed, and
    Arabic letters take their joined forms. Each run of right-to-left words is reordered
    on its own (python-bidi), so the left-to-right text around it is untouched.
    """
    if not has_rtl(text):
        return text
    from arabic_reshaper import reshape
    from bidi import get_display

    def flip(match: re.Match) -> str:
        shown = get_display(reshape(match.group(0)), base_dir="R")
        # reordered before line breaking: a short run is kept on one line, so its words stay in order
        return shown.replace(" ", "\u00a0") if len(shown) <= RTL_KEEP else shown
    return RTL_RUN.sub(flip, text)


def markup(text: str, font_name: str) -> str:
    """Escape text for a Paragraph, right-to-left runs in the order they are drawn; runs the font
    lacks are set in a fallback face that has them."""
    return faced(visual(text), font_name)


def faced(text: str, font_name: str) -> str:
    """Escape text for a Paragraph as it stands; runs the font lacks set in a fallback face."""
    if set(map(ord, text)) <= _covered(font_name):  # the usual case: the face has every glyph
        return escape(text)
    out, run, face = [], [], None
    for char in text:
        wanted = face_for(char, font_name)
        if wanted != face and run:
            out.append(escape("".join(run)) if face is None else f'<font face="{face}">{escape("".join(run))}</font>')
            run = []
        face = wanted
        run.append(char)
    if run:
        out.append(escape("".join(run)) if face is None else f'<font face="{face}">{escape("".join(run))}</font>')
    return "".join(out)
