"""Charts in the PDF: the chart's display list (generator/compose/display_list.py) replayed on the
canvas as vector paths and real text in the brochure's fonts; logos: SVG through svglib."""

from __future__ import annotations

import io
from functools import lru_cache

from reportlab.graphics.shapes import Drawing, Group, String
from reportlab.lib.colors import CMYKColor, Color, HexColor
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import FILL_NON_ZERO
from reportlab.platypus import Flowable

from generator.compose.display_list import CLOSE, CUBIC, LINE, MOVE, QUADRATIC
from generator.compose.model import ChartArt, Style
from generator.render.pdf_fonts import FALLBACK, WIDE, face_for, register, register_for_svg, visual


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


def _face_of_label(text: str, font_name: str) -> str:
    """The face a one-line label is set in: `font_name`, or for a label in a script that face
    lacks (a name in Chinese) the fallback face that has it."""
    faces = {face_for(char, font_name) for char in text} - {None}
    if not faces:
        return font_name
    wide = sorted(f for f in faces if f.startswith(WIDE))
    return wide[0] if wide else FALLBACK


def _refont(node, names: dict[str, str]) -> None:
    """Any text svglib could not map goes to the brochure's regular face; a label in a script
    the face lacks is set in the fallback face that has it."""
    if isinstance(node, String) and node.fontName not in names.values():
        node.fontName = names["regular"]
    if isinstance(node, String) and node.text:
        node.fontName = _face_of_label(node.text, node.fontName)
    if isinstance(node, Group):
        for child in node.contents:
            _refont(child, names)


def known_colours(style: Style) -> tuple:
    """The style's colours as (RGB hex, CMYK) pairs: the print inks an SVG's colours map to."""
    return tuple(sorted((c.rgb[1:].upper(), c.cmyk) for c in style.colours.values()))


@lru_cache(maxsize=6)  # a brand's logo or two: never a cache that grows with a batch
def prepared_svg(svg: bytes, fonts, known: tuple, cmyk: bool) -> Drawing:
    """An SVG's drawing (a logo) with brochure fonts (and CMYK inks in print mode), made once."""
    names = register_for_svg(fonts)
    drawing = svg_drawing(svg)
    _refont(drawing, names)
    if cmyk:
        _recolour(drawing, dict(known))
    return drawing


def draw_svg(canvas, svg: bytes, width: float, style: Style, cmyk: bool) -> None:
    """An SVG (a logo) drawn as vector paths at `width`, in the brochure's fonts and inks."""
    drawing = prepared_svg(svg, style.fonts, known_colours(style), cmyk)
    factor = width / drawing.width
    canvas.saveState()
    canvas.scale(factor, factor)
    drawing.drawOn(canvas, 0, 0)
    canvas.restoreState()


CAPS = {"butt": 0, "round": 1, "projecting": 2}
JOINS = {"miter": 0, "round": 1, "bevel": 2}
FACES = {(False, False): "regular", (True, False): "bold", (False, True): "italic", (True, True): "bold_italic"}


class _Pen:
    """The canvas's graphics state as the replay last set it, so each operator is written only
    when it changes (a chart is ~40 operations; most share their colours and line styles)."""

    def __init__(self, canvas, style: Style, cmyk: bool):
        self.canvas, self.cmyk, self.known = canvas, cmyk, dict(known_colours(style))
        self.names = register(style.fonts)
        self.state: dict = {}

    def set(self, key: str, value, apply) -> None:
        if self.state.get(key, ()) != value:
            self.state[key] = value
            apply(value)

    def colour(self, hexed: str) -> Color:
        value = HexColor(hexed)
        return _to_cmyk(value, self.known) if self.cmyk else value

    def clip(self, box) -> None:
        """A clipping rectangle holds until the next is set: the state is saved before each."""
        if self.state.get("clip") == box:
            return
        if "clip" in self.state:
            self.canvas.restoreState()
        self.canvas.saveState()
        self.state = {"clip": box}
        if box is not None:
            x, y, width, height = box
            path = self.canvas.beginPath()
            path.rect(x, y, width, height)
            self.canvas.clipPath(path, stroke=0, fill=0)

    def finish(self) -> None:
        if "clip" in self.state:
            self.canvas.restoreState()


def _path(pen: _Pen, op: tuple) -> None:
    _, segments, fill, stroke, width, dashes, cap, join, (fill_alpha, stroke_alpha), clip = op
    canvas = pen.canvas
    pen.clip(clip)
    if fill is not None:
        pen.set("fill", (fill, fill_alpha), lambda v: canvas.setFillColor(pen.colour(v[0]), alpha=v[1]))
    if stroke is not None:
        pen.set("stroke", (stroke, stroke_alpha), lambda v: canvas.setStrokeColor(pen.colour(v[0]), alpha=v[1]))
        pen.set("width", width, canvas.setLineWidth)
        pen.set("dash", dashes, lambda v: canvas.setDash(list(v[1]), v[0]) if v else canvas.setDash())
        pen.set("cap", cap, lambda v: canvas.setLineCap(CAPS[v]))
        pen.set("join", join, lambda v: canvas.setLineJoin(JOINS[v]))
    path, here = canvas.beginPath(), (0.0, 0.0)
    for code, *xy in segments:
        if code == MOVE:
            path.moveTo(*xy)
        elif code == LINE:
            path.lineTo(*xy)
        elif code == QUADRATIC:  # as a cubic: control points two thirds of the way to the quadratic's
            (qx, qy), (x, y) = xy[:2], xy[2:]
            path.curveTo(here[0] + 2 / 3 * (qx - here[0]), here[1] + 2 / 3 * (qy - here[1]),
                         x + 2 / 3 * (qx - x), y + 2 / 3 * (qy - y), x, y)
        elif code == CUBIC:
            path.curveTo(*xy)
        elif code == CLOSE:
            path.close()
        here = tuple(xy[-2:]) if xy else here
    canvas.drawPath(path, stroke=int(stroke is not None), fill=int(fill is not None), fillMode=FILL_NON_ZERO)


def _text(pen: _Pen, op: tuple) -> None:
    _, x, y, text, bold, italic, size, colour, opacity, anchor, angle = op
    if not text.strip():
        return
    canvas = pen.canvas
    text = visual(text)  # Hebrew and Arabic as they are read, Arabic letters joined (as in paragraphs)
    runs = _face_runs(text, pen.names[FACES[bold, italic]])
    pen.set("fill", (colour, opacity), lambda v: canvas.setFillColor(pen.colour(v[0]), alpha=v[1]))
    if angle:
        canvas.saveState()
        canvas.translate(x, y)
        canvas.rotate(angle)
        x, y = 0.0, 0.0
    if len(runs) == 1:
        pen.set("font", (runs[0][1], size), lambda v: canvas.setFont(*v))
        show = {"start": canvas.drawString, "middle": canvas.drawCentredString, "end": canvas.drawRightString}[anchor]
        show(x, y, text)
    else:  # '金融業・保険業 (Finance and insurance)': each run in the face that has its letters
        widths = [stringWidth(run, face, size) for run, face in runs]
        x -= {"start": 0.0, "middle": sum(widths) / 2, "end": sum(widths)}[anchor]
        for (run, face), width in zip(runs, widths):
            pen.set("font", (face, size), lambda v: canvas.setFont(*v))
            canvas.drawString(x, y, run)
            x += width
    if angle:
        canvas.restoreState()


def _face_runs(text: str, font_name: str) -> list[tuple[str, str]]:
    """(text, face) runs: the brochure's face, and a fallback face for the letters it lacks; a
    label the face or one fallback sets whole stays one run."""
    single = _face_of_label(text, font_name)
    if all(face_for(char, single) is None for char in text):
        return [(text, single)]
    runs: list[tuple[str, str]] = []
    for char in text:
        face = face_for(char, font_name) or font_name
        if char.isspace() and runs:
            face = runs[-1][1]
        if runs and runs[-1][1] == face:
            runs[-1] = (runs[-1][0] + char, face)
        else:
            runs.append((char, face))
    return runs


def draw_display_list(canvas, ops: tuple, scale: float, style: Style, cmyk: bool) -> None:
    """A chart's display list drawn at `scale`, in the brochure's fonts and inks (CMYK in print mode)."""
    canvas.saveState()
    canvas.scale(scale, scale)
    pen = _Pen(canvas, style, cmyk)
    for op in ops:
        (_path if op[0] == "path" else _text)(pen, op)
    pen.finish()
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
        draw_display_list(self.canv, self.art.vector, self.width / (72 * self.art.width_in), self.style, self.cmyk)
