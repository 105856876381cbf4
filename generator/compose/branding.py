"""A brand's colours in the brochure's style, checked against the text that sits on them.

WCAG 2.1 contrast: 4.5:1 for body text, 3:1 for large text. A brand colour that fails is
darkened (or, for a light tint and for an accent on the dark primary, lightened) in small steps
until it passes, and a warning says which colour, from what to what, and the ratios.
"""

from __future__ import annotations

from generator.compose.templates import ColourSpec, StyleSpec

BODY, LARGE = 4.5, 3.0


def _rgb(hexed: str) -> tuple[float, float, float]:
    return tuple(int(hexed[i:i + 2], 16) / 255 for i in (1, 3, 5))


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(max(0.0, min(1.0, v)) * 255):02X}" for v in rgb)


def luminance(hexed: str) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in _rgb(hexed))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: str, other: str) -> float:
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _mix(hexed: str, toward: str, share: float) -> str:
    return _hex(tuple(a + (b - a) * share for a, b in zip(_rgb(hexed), _rgb(toward))))


def adjusted(hexed: str, against: list[str], ratio: float, toward: str) -> str:
    """The colour moved toward `toward` (black or white) in 2% steps until it has `ratio` against
    every colour in `against` (unchanged when it already has)."""
    for step in range(51):
        candidate = _mix(hexed, toward, step * 0.02)
        if all(contrast(candidate, other) >= ratio for other in against):
            return candidate
    return toward


def cmyk_of(hexed: str) -> tuple[float, float, float, float]:
    """A plain RGB-to-CMYK conversion (no press profile): a stand-in when the brand gives none."""
    r, g, b = _rgb(hexed)
    k = 1 - max(r, g, b)
    if k >= 1:
        return (0.0, 0.0, 0.0, 1.0)
    return tuple(round(v, 3) for v in ((1 - r - k) / (1 - k), (1 - g - k) / (1 - k), (1 - b - k) / (1 - k), k))


def apply_brand(style: StyleSpec, colours, where: str) -> tuple[StyleSpec, list[str]]:
    """The style with the brand's primary, accent and light colours (and the roles derived from
    them), each legible; (style, warnings)."""
    if colours is None:
        return style, []
    current = {name: spec.rgb.upper() for name, spec in style.colours.items()}
    given = {"primary": colours.primary, "accent": colours.accent, "tint": colours.light}
    notes: list[str] = []
    rgb = dict(current)
    white, text, muted = current["white"], current["text"], current["muted"]

    def settle(role: str, field: str, against: list[str], ratio: float, toward: str, use: str) -> None:
        brand_colour = given[role]
        if brand_colour is None:
            return
        fixed = adjusted(brand_colour.rgb, against, ratio, toward)
        if fixed != brand_colour.rgb:
            worst = min(contrast(brand_colour.rgb, other) for other in against)
            better = min(contrast(fixed, other) for other in against)
            verb = "darkened" if toward == "#000000" else "lightened"
            notes.append(f"{where}: colours.{field}: warning: {brand_colour.rgb} has {worst:.1f}:1 against "
                         f"{use} (needs {ratio:g}:1); {verb} to {fixed} ({better:.1f}:1)")
        rgb[role] = fixed

    settle("primary", "primary", [white], BODY, "#000000", "white text on it and as heading text on white")
    settle("accent", "accent", [rgb["primary"]], LARGE, "#FFFFFF", "the primary it is printed on (large text)")
    settle("tint", "light", [text, muted], BODY, "#FFFFFF", "the body and caption text on it")
    if given["primary"] is not None:  # rules on the dark primary: a lighter primary
        rgb["primary_light"] = _mix(rgb["primary"], white, 0.45)
    if given["accent"] is not None:  # accent as text on white
        rgb["accent_text"] = adjusted(rgb["accent"], [white], BODY, "#000000")
    specs = dict(style.colours)
    for role, value in rgb.items():
        if value == current[role]:
            continue
        brand_colour = given.get(role)
        if brand_colour is not None and brand_colour.rgb == value and brand_colour.cmyk is not None:
            cmyk = tuple(brand_colour.cmyk)
        else:
            cmyk = cmyk_of(value)
            if brand_colour is not None and brand_colour.rgb == value:
                name = "light" if role == "tint" else role
                notes.append(f"{where}: colours.{name}: warning: no cmyk given; derived {cmyk} from {value} "
                             "for print-shop PDFs (ask your printer for the right values)")
        specs[role] = ColourSpec(rgb=value, cmyk=cmyk)
    return style.model_copy(update={"colours": specs}), notes
