"""Resolve style and type scale templates into the brochure's Style."""

from __future__ import annotations

from generator.compose.model import Colour, Fonts, Spacing, Style, TypeScale
from functools import lru_cache

from generator.compose.templates import StyleSpec, TypeScaleSpec, font_path, optional_fonts

BODY_FLOOR = 8.0  # fitting never sets body text smaller than this
LINK_FLOOR = 8.5  # nor contact lines, e-mail and web addresses smaller than this


COVER_SIZES = ("title", "hook", "big_number", "fact_value")  # the cover's own sizes (scaled apart from the body)


@lru_cache(maxsize=None)
def _wide(names: tuple[str, ...]) -> tuple[str, ...]:
    return optional_fonts(list(names))


def resolve_fonts(spec: StyleSpec) -> Fonts:
    """The style's font files, found."""
    f = spec.fonts
    return Fonts(f.family, font_path(f.regular), font_path(f.bold), font_path(f.italic),
                 font_path(f.bold_italic), font_path(f.heavy), font_path(f.fallback),
                 font_path(f.fallback_bold), _wide(tuple(f.fallback_wide)))


def resolve_style(spec: StyleSpec, scale_spec: TypeScaleSpec, scale: float, cover_scale: float | None = None) -> Style:
    """The style with every type size and space multiplied by `scale` (cover sizes by `cover_scale`)."""
    fonts = resolve_fonts(spec)
    cover = scale if cover_scale is None else cover_scale
    sizes = {name: value * (cover if name in COVER_SIZES else scale)
             for name, value in scale_spec.model_dump().items() if name != "leading"}
    sizes["title"] *= spec.title_factor
    sizes["body"] = max(sizes["body"], BODY_FLOOR)
    sizes["link"] = max(sizes["link"], LINK_FLOOR)
    sizes["caption"] = max(sizes["caption"], min(7.0, scale_spec.caption))
    type_scale = TypeScale(leading=scale_spec.leading, **sizes)
    space = spec.spacing
    spacing = Spacing(space.before_heading * scale, space.after_heading * scale, space.after_block * scale)
    colours = {name: Colour(c.rgb, tuple(c.cmyk)) for name, c in spec.colours.items()}
    return Style(fonts, colours, type_scale, spacing)
