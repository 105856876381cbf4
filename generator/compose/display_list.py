"""A chart's vector drawing as a display list: what Matplotlib drew (generator/charts/vector.py
records it), which the PDF writer replays on its canvas (generator/render/pdf_charts.py).

Each operation is a tuple of plain values, so the chart cache keeps it as JSON:

- ``("path", segments, fill, stroke, line_width, dashes, cap, join, alpha, clip)``: ``segments``
  is a tuple of ``(code, x, y, ...)`` with Matplotlib's path codes (1 move, 2 line, 3 quadratic
  and 4 cubic curve, with their control points, 79 close); ``fill`` and ``stroke`` are
  ``"#rrggbb"`` or None; ``cap`` is butt, round or projecting, ``join`` miter, round or bevel;
  ``alpha`` is ``(fill opacity, stroke opacity)``; ``dashes`` is ``(offset, (on, off, ...))`` or
  None; ``clip`` is a rectangle ``(x, y, width, height)`` or None.
- ``("text", x, y, text, bold, italic, size, colour, opacity, anchor, angle)``: ``(x, y)`` is the
  anchor on the baseline; ``anchor`` is "start", "middle" or "end"; ``angle`` in degrees.

Coordinates and sizes are in points from the figure's lower left corner.
"""

from __future__ import annotations

import re
from typing import Any, Optional

MOVE, LINE, QUADRATIC, CUBIC, CLOSE = 1, 2, 3, 4, 79
POINTS = {MOVE: 2, LINE: 2, QUADRATIC: 4, CUBIC: 6, CLOSE: 0}  # numbers after each code
CAPS = ("butt", "round", "projecting")
JOINS = ("miter", "round", "bevel")
ANCHORS = ("start", "middle", "end")
_HEX = re.compile(r"#[0-9a-f]{6}")


class Malformed(ValueError):
    """A stored display list that is not one."""


def from_plain(value: Any) -> tuple:
    """The display list held in plain JSON data (lists for tuples), checked; raises Malformed."""
    if not isinstance(value, list):
        raise Malformed("not a list of operations")
    return tuple(_operation(op) for op in value)


def _operation(op: Any) -> tuple:
    if not isinstance(op, list) or not op:
        raise Malformed("an operation is not a list")
    if op[0] == "path" and len(op) == 10:
        _, segments, fill, stroke, width, dashes, cap, join, alpha, clip = op
        return ("path", tuple(_segment(s) for s in _list(segments)), _colour(fill, True), _colour(stroke, True),
                _number(width), _dashes(dashes), _choice(cap, CAPS), _choice(join, JOINS),
                tuple(_number(a) for a in _list(alpha, 2)), None if clip is None else _numbers(clip, 4))
    if op[0] == "text" and len(op) == 11:
        _, x, y, text, bold, italic, size, colour, opacity, anchor, angle = op
        if not isinstance(text, str) or not isinstance(bold, bool) or not isinstance(italic, bool):
            raise Malformed("a text's words or face")
        return ("text", _number(x), _number(y), text, bold, italic, _number(size), _colour(colour, False),
                _number(opacity), _choice(anchor, ANCHORS), _number(angle))
    raise Malformed(f"unknown operation {str(op[0])[:20]!r}")


def _segment(value: Any) -> tuple:
    items = _list(value)
    if not items or items[0] not in POINTS or len(items) != 1 + POINTS[items[0]]:
        raise Malformed("a path segment")
    return (int(items[0]), *(_number(v) for v in items[1:]))


def _list(value: Any, length: Optional[int] = None) -> list:
    if not isinstance(value, list) or (length is not None and len(value) != length):
        raise Malformed("a list of the wrong shape")
    return value


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not abs(value) < 1e6:
        raise Malformed("a number")
    return float(value)


def _numbers(value: Any, length: int) -> tuple:
    return tuple(_number(v) for v in _list(value, length))


def _colour(value: Any, optional: bool) -> Optional[str]:
    if value is None and optional:
        return None
    if not isinstance(value, str) or not _HEX.fullmatch(value):
        raise Malformed("a colour")
    return value


def _choice(value: Any, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise Malformed("a line style")
    return value


def _dashes(value: Any) -> Optional[tuple]:
    if value is None:
        return None
    offset, pattern = _list(value, 2)
    return _number(offset), tuple(_number(v) for v in _list(pattern))
