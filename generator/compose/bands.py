"""Closing bands: rows marked `fit` (contact, next steps, sources), sized to their content.

A band is laid out in as many of its columns as its content fills: the most columns in which,
at the least height that holds everything, no column is left empty (a band with only the
sources takes one column, a brand's contact, next steps and sources three). Each section
stays whole in one column where the band's largest height allows, else sections may go on in
the next column. The columns it does not use give their width to the others.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from generator.compose.atoms import Measure, Overflow, content_height
from generator.compose.fit import fits, pack
from generator.compose.geometry import panels_of
from generator.compose.model import Panel, Section, Style
from generator.compose.templates import LayoutSpec

PRECISION = 0.5  # points: the band's height is found to this
FULL_ENOUGH = 2 / 3  # sections stay whole in their columns only while each column is this full
WIDEST_COLUMN = 5 * 72.0  # points: a band column wider than this runs past ~90 characters of body type


@dataclass(frozen=True)
class BandSize:
    """The height of a band's row and the columns it leaves out."""

    heights: dict[str, float]
    collapsed: frozenset[str]
    whole_sections: bool = True  # each section in one column


def _panels(layout: LayoutSpec, paper: str, names: list[str], height: float, collapsed: frozenset[str]) -> list[Panel]:
    sized = {name: height for name in names if name not in collapsed}
    return [p for p in panels_of(layout, paper, sized, collapsed) if p.name in names]


def _least_height(sections: list[Section], layout: LayoutSpec, paper: str, names: list[str],
                  collapsed: frozenset[str], most: float, measure: Measure, style: Style, whole: bool) -> float:
    """The least row height (to PRECISION) at which the sections fit the band's columns; `most`
    when they do not fit even then (packing says by how much later)."""
    low, high = 0.0, most
    if not fits(sections, _panels(layout, paper, names, high, collapsed), measure, style, whole_sections=whole):
        return most
    while high - low > PRECISION:
        middle = (low + high) / 2
        if fits(sections, _panels(layout, paper, names, middle, collapsed), measure, style, whole_sections=whole):
            high = middle
        else:
            low = middle
    return high


def _even(panels: list[Panel], measure: Measure, style: Style) -> bool:
    """No column of the band more than a third empty."""
    return all(content_height(p, measure, style) >= FULL_ENOUGH * p.text_height for p in panels)


def lone_and_wide(sections: list[Section], names: list[str], layout: LayoutSpec, paper: str) -> bool:
    """True when the band's sections, set in its first column alone, would run lines past a reader's
    measure (WIDEST_COLUMN): a flyer's or booklet's full width."""
    alone = _panels(layout, paper, names, 100.0, frozenset(names[1:]))[0]
    return len(sections) > 1 and len(names) > 1 and alone.text_width > WIDEST_COLUMN


def size_band(sections: list[Section], names: list[str], layout: LayoutSpec, paper: str, most: float,
              measure: Measure, style: Style, side_by_side: bool = False) -> BandSize:
    """Height and columns of the band row `names` holding `sections` (`most`: its largest height).
    With `side_by_side`, two sections or more never share one column of lines too long to read
    (see `lone_and_wide`), even if the columns then end apart (fitting asks this only of a brochure
    that leaves nothing out)."""
    if not sections:
        return BandSize({name: 0.0 for name in names}, frozenset())
    trials: dict[tuple[bool, int], Optional[tuple[BandSize, bool]]] = {}

    def trial(whole: bool, count: int) -> Optional[tuple[BandSize, bool]]:
        """(the band in its first `count` columns, whether they are even), or None when a column
        stays empty or it does not fit; each is laid out once, when the preferences ask for it."""
        if (whole, count) not in trials:
            collapsed = frozenset(names[count:])
            height = _least_height(sections, layout, paper, names, collapsed, most, measure, style, whole)
            try:
                packed = pack(sections, _panels(layout, paper, names, height, collapsed), measure, style,
                              balance=True, whole_sections=whole)
            except Overflow:
                packed = []
            trials[(whole, count)] = (BandSize({name: height for name in names[:count]}, collapsed, whole),
                                      _even(packed, measure, style)) if packed and all(p.sections for p in packed) \
                else None
        return trials[(whole, count)]

    # whole sections in even columns; else whole sections side by side; else sections going on in
    # the next column, evenly; else one column
    fewest = 2 if side_by_side and lone_and_wide(sections, names, layout, paper) else 1
    for wanted_whole, wanted_even, least in ((True, True, fewest), (True, False, 2), (False, True, fewest),
                                             (False, False, fewest)):
        for count in range(len(names), least - 1, -1):
            found = trial(wanted_whole, count)
            if found is not None and (found[1] or not wanted_even):
                return found[0]
    return BandSize({name: most for name in names}, frozenset(), False)
