"""A finished figure as a display list (its format: generator/compose/display_list.py), through
Matplotlib's backend interface: a renderer that records what it is asked to draw, in points. The
PDF writer replays it on its canvas. Text is positioned and anchored as Matplotlib's SVG backend
places it, so the PDF keeps real, selectable text in the brochure's font, without writing SVG and
parsing it back (svglib) for every chart.
"""

from __future__ import annotations

import math

from matplotlib import font_manager
from matplotlib.backend_bases import FigureCanvasBase, GraphicsContextBase, RendererBase
from matplotlib.colors import rgb2hex
from matplotlib.figure import Figure
from matplotlib.path import Path

PLACES = 3  # coordinates to a thousandth of a point
ANCHORS = {"left": "start", "center": "middle", "right": "end"}
BOLD_FROM = 600  # CSS weight from which the bold face is used


def _point(value: float) -> float:
    return round(float(value), PLACES)


def _opacity(value: float) -> float:
    return round(float(value), 4)


class Recorder(RendererBase):
    """Records what a figure draws, in points (72 per inch), y upwards."""

    def __init__(self, width: float, height: float):
        super().__init__()
        self.width, self.height = width, height
        self.ops: list[tuple] = []

    def flipy(self) -> bool:
        return False

    def get_canvas_width_height(self) -> tuple[float, float]:
        return self.width, self.height

    def points_to_pixels(self, points):
        return points

    def new_gc(self) -> GraphicsContextBase:
        return GraphicsContextBase()

    def draw_path(self, gc, path, transform, rgbFace=None):  # noqa: N803 - Matplotlib's name
        # as Matplotlib's SVG backend: open paths clipped to the figure and simplified, no snapping
        clip = rgbFace is None and gc.get_hatch_path() is None
        segments = tuple(
            (int(code), *(_point(v) for v in vertices)) if code != Path.CLOSEPOLY else (int(code),)
            for vertices, code in path.iter_segments(
                transform, remove_nans=True, clip=(0.0, 0.0, self.width, self.height) if clip else None,
                simplify=path.should_simplify and clip, curves=True, sketch=gc.get_sketch_params()))
        if segments:
            self.ops.append(("path", segments, *_paint(gc, rgbFace), _clip(gc)))

    def draw_text(self, gc, x, y, s, prop, angle, ismath=False, mtext=None):
        anchor = "start"
        if mtext is not None and (angle == 0 or mtext.get_rotation_mode() == "anchor"):
            # anchored at the text's own position, as the SVG backend does: a reader's font
            # metrics then place it, and the baseline comes from Matplotlib's layout
            ax, ay = mtext.get_transform().transform(mtext.get_unitless_position())
            up = (-math.sin(math.radians(angle)), math.cos(math.radians(angle)))
            offset = up[0] * (x - ax) + up[1] * (y - ay)
            x, y = ax + offset * up[0], ay + offset * up[1]
            anchor = ANCHORS.get(mtext.get_ha(), "start")
        weight = font_manager.weight_dict.get(prop.get_weight(), prop.get_weight())
        rgba = gc.get_rgb()
        alpha = gc.get_alpha() if gc.get_forced_alpha() else rgba[3]
        self.ops.append(("text", _point(x), _point(y), s, int(weight) >= BOLD_FROM,
                         prop.get_style() != "normal", float(prop.get_size_in_points()), rgb2hex(rgba),
                         _opacity(alpha), anchor, _point(angle)))

    def draw_image(self, gc, x, y, im):
        raise NotImplementedError("charts draw no raster images")


def _paint(gc, rgb_face) -> tuple:
    """(fill, stroke, line width, dashes, cap, join, (fill opacity, stroke opacity))."""
    forced = gc.get_forced_alpha()
    fill = rgb2hex(rgb_face) if rgb_face is not None else None
    fill_alpha = 1.0
    if rgb_face is not None and len(rgb_face) == 4 and not forced:
        fill_alpha = rgb_face[3]
    width = gc.get_linewidth()
    rgba = gc.get_rgb()
    stroke = rgb2hex(rgba) if width else None
    stroke_alpha = rgba[3] if width and not forced else 1.0
    if forced:  # the artist's alpha applies to both
        fill_alpha = stroke_alpha = gc.get_alpha()
    offset, dashes = gc.get_dashes()
    dash = (_point(offset or 0.0), tuple(_point(d) for d in dashes)) if dashes is not None else None
    return (fill, stroke, _point(width), dash, gc.get_capstyle(), gc.get_joinstyle(),
            (_opacity(fill_alpha), _opacity(stroke_alpha)))


def _clip(gc):
    box = gc.get_clip_rectangle()
    return tuple(_point(v) for v in box.bounds) if box is not None else None


class _RecordingCanvas(FigureCanvasBase):
    """A canvas whose one format is the display list (`print_figure(ops, format="ops")`)."""

    filetypes = {"ops": "display list"}

    def print_ops(self, ops: list, **_kwargs) -> None:
        width, height = self.figure.get_size_inches()
        recorder = Recorder(width * 72, height * 72)
        self.figure.draw(recorder)
        ops.extend(recorder.ops)


def display_list(fig: Figure) -> tuple:
    """The figure's drawing as a tuple of operations (see the module's docstring); the figure keeps
    the canvas it had."""
    canvas = fig.canvas
    ops: list[tuple] = []
    try:
        _RecordingCanvas(fig).print_figure(ops, format="ops", dpi=72)
    finally:
        fig.set_canvas(canvas)
    return tuple(ops)
