"""A brand logo checked when the brand file is read: an SVG that parses safely, has a size and
stays within element limits; a PNG or JPEG within pixel limits. Each problem is one message, so
nothing a logo holds can crash (or stall) a build later. Nothing here knows about PDF or Word."""

from __future__ import annotations

import io
import re
import warnings
from typing import Optional

MAX_SVG_BYTES = 2_000_000
MAX_SVG_ELEMENTS = 20_000  # a logo is a few hundred paths; this many would take seconds to draw
MAX_SVG_DEPTH = 60  # nesting of groups (the SVG reader recurses once a level)
MAX_LOGO_PIXELS = 16_000_000  # 4000 x 4000: far past 300 ppi at any printed logo size
_LENGTH = re.compile(r"^\s*([0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*(px|pt|pc|mm|cm|in)?\s*$")


def svg_problem(data: bytes) -> Optional[str]:
    """Why this SVG cannot be a logo, or None: not XML, entities or a DTD, too many or too deeply
    nested elements, no width and height (or viewBox) above zero."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    if len(data) > MAX_SVG_BYTES:
        return f"an SVG of {len(data):,} bytes is more than a logo needs (limit {MAX_SVG_BYTES:,})"
    try:
        root = fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        return "the SVG declares a DTD or entities (refused: they can read files or expand without end)"
    except (ParseError, ValueError) as exc:
        return f"the SVG is not well-formed XML ({exc})"
    if not root.tag.endswith("svg"):
        return "the file's root element is not <svg>"
    count, deepest, stack = 0, 0, [(root, 1)]
    while stack:
        node, depth = stack.pop()
        count, deepest = count + 1, max(deepest, depth)
        if count > MAX_SVG_ELEMENTS:
            return f"the SVG has more than {MAX_SVG_ELEMENTS:,} elements"
        if deepest > MAX_SVG_DEPTH:
            return f"the SVG nests elements more than {MAX_SVG_DEPTH} deep"
        stack.extend((child, depth + 1) for child in node)
    if not _has_size(root.get("width"), root.get("height"), root.get("viewBox")):
        return "the SVG has no size: give its <svg> a width and height, or a viewBox, above zero"
    return None


def _has_size(width: Optional[str], height: Optional[str], view_box: Optional[str]) -> bool:
    sizes = [_LENGTH.match(v or "") for v in (width, height)]
    if all(sizes) and all(float(m.group(1)) > 0 for m in sizes):
        return True
    parts = (view_box or "").replace(",", " ").split()
    try:
        return len(parts) == 4 and float(parts[2]) > 0 and float(parts[3]) > 0
    except ValueError:
        return False


def raster_problem(data: bytes, kind: str) -> tuple[Optional[str], int]:
    """(why this PNG or JPEG cannot be a logo or None, its width in pixels), read from its header
    only: not that kind of image, no pixels, or more pixels than a logo needs."""
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # our own limit says it
            with Image.open(io.BytesIO(data)) as image:
                if image.format != kind.upper():
                    return f"not a readable {kind.upper()} image", 0
                width, height = image.size
    except Image.DecompressionBombError:  # Pillow's own guard, far above ours
        return f"more pixels than a logo needs (limit {MAX_LOGO_PIXELS // 1_000_000} million)", 0
    except (UnidentifiedImageError, OSError, ValueError):
        return f"not a readable {kind.upper()} image", 0
    if width < 1 or height < 1:
        return "the image has no pixels", 0
    if width * height > MAX_LOGO_PIXELS:
        return (f"{width} x {height} px is more than a logo needs (limit {MAX_LOGO_PIXELS // 1_000_000} "
                f"million pixels; 600 px wide prints sharp at 300 ppi)"), width
    return None, width
