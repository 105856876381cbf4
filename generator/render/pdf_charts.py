"""Charts in the PDF: Matplotlib SVG converted to a ReportLab drawing (vector, real text)."""

from __future__ import annotations

import io
from functools import lru_cache

from reportlab.graphics.shapes import Drawing, Group, String
from reportlab.lib.colors import CMYKColor, Color
from reportlab.platypus import Flowable

from generator.compose.model import ChartArt, Style
from generator.render.pdf_fonts import FALLBACK, WIDE, face_for, register


def svg_drawing(svg: bytes) -> Drawing:
    from svglib.svglib import svg2rlg

    return svg2rlg(io.BytesIO(svg))


def _to_cmyk(value: Color, known: dict[str, tuple]) -> CMYKColor:
    """The style's CMYK for a style colour; near-greys become pure black ink."""
    hexed = value.hexval()[2:].upper() if hasattr(value, "hexval") else ""
    if hexed in known:
        return CMYKColor(*known[hexed], alpha=value.alpha)
    r, g, b = value.red, value.green, value.blue
    if max(r, g, b) - min(r, g, b) < 0.04:  # grey: black ink only, never four-colour
        return CMYKColor(0, 0, 0, 1 - r, alpha=value.alpha)
    k = 1 - max(r, g, b)
    c, m, y = ((1 - v - k) / (1 - k) if k < 1 else 0 for v in (r, g, b))
    return CMYKColor(c, m, y, k, alpha=value.alpha)


def _recolour(node, known: dict[str, tuple]) -> None:
    for attr in ("fillColor", "strokeColor"):
        value = getattr(node, attr, None)
        if isinstance(value, Color) and not isinstance(value, CMYKColor):
            setattr(node, attr, _to_cmyk(value, known))
    if isinstance(node, Group):
        for child in node.contents:
            _recolour(child, known)


def _refont(node, names: dict[str, str]) -> None:
    """Any text svglib could not map goes to the brochure's regular face; a label in a script
    the face lacks (a name in Chinese) is set in the fallback face that has it."""
    if isinstance(node, String) and node.fontName not in names.values():
        node.fontName = names["regular"]
    if isinstance(node, String) and node.text:
        faces = {face_for(char, node.fontName) for char in node.text} - {None}
        if faces:
            wide = sorted(f for f in faces if f.startswith(WIDE))
            node.fontName = wide[0] if wide else FALLBACK
    if isinstance(node, Group):
        for child in node.contents:
            _refont(child, names)


def known_colours(style: Style) -> tuple:
    """The style's colours as (RGB hex, CMYK) pairs: the print inks an SVG's colours map to."""
    return tuple(sorted((c.rgb[1:].upper(), c.cmyk) for c in style.colours.values()))


@lru_cache(maxsize=6)  # one profile's charts and logo: never a cache that grows with a batch
def prepared_svg(svg: bytes, fonts, known: tuple, cmyk: bool) -> Drawing:
    """The chart drawing with brochure fonts (and CMYK inks in print mode), made once."""
    drawing = svg_drawing(svg)
    _refont(drawing, register(fonts))
    if cmyk:
        _recolour(drawing, dict(known))
    return drawing


def draw_svg(canvas, svg: bytes, width: float, style: Style, cmyk: bool) -> None:
    """An SVG (a chart, a logo) drawn as vector paths at `width`, in the brochure's fonts and inks."""
    drawing = prepared_svg(svg, style.fonts, known_colours(style), cmyk)
    factor = width / drawing.width
    canvas.saveState()
    canvas.scale(factor, factor)
    drawing.drawOn(canvas, 0, 0)
    canvas.restoreState()


class ChartFlowable(Flowable):
    """A chart drawing scaled to the text width."""

    def __init__(self, art: ChartArt, style: Style, cmyk: bool):
        super().__init__()
        self.art, self.style, self.cmyk = art, style, cmyk


    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        self.height = avail_width * self.art.height_in / self.art.width_in
        return self.width, self.height

    def draw(self):
        draw_svg(self.canv, self.art.svg, self.width, self.style, self.cmyk)
