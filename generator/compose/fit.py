"""Packing: sections into fixed panels, in reading order, never clipped.

Measuring text is the one back-end question: a `Measure` callable answers how
tall a block is at a width and style. Everything else is decided here.

The sections are cut into atoms: whole blocks, or the items of a long list
(a list may break between items, keeping MIN_SPLIT items on each side).
Headings and intro lines stay with what follows them. `pack` fills panels
greedily (which finds a packing whenever one exists) and then `balance` picks
the break points that leave the least room unused in any one panel, so
columns end close together and no panel is left empty while there is content.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace
from typing import Optional

from generator.compose.model import Panel, Section, Style, WritingLines
from generator.compose.atoms import EMPTY_COST, TRAILING_COST, VIEW_COST, Atoms, Measure, Overflow


def _kept_apart(atoms: Atoms, index: int, panel: Panel, following: Panel) -> bool:
    """True when going on from `panel` into `following` before atom `index` would part what is kept
    together: numbered steps in two views, a paragraph over a fold."""
    return atoms.crossing_cost(index, following.view == panel.view, following.folded) >= VIEW_COST


def _greedy_ends(atoms: Atoms, panels: list[Panel], keep_together: bool = False) -> list[int]:
    """Each panel takes as much as fits; raises Overflow naming what is left over."""
    ends, start = [], 0
    for index, panel in enumerate(panels):
        end = start
        following = panels[index + 1] if index + 1 < len(panels) else None
        turns = following is not None and following.page != panel.page
        for candidate in atoms.breaks[bisect_right(atoms.breaks, start):]:
            if atoms.used(start, candidate, panel.text_width) > panel.text_height + 1e-6:
                break
            if turns and atoms.no_turn(candidate):  # never mid-sentence over a page
                continue
            if not (keep_together and following is not None and _kept_apart(atoms, candidate, panel, following)):
                end = candidate
        ends.append(end)
        start = end
    if start < len(atoms.atoms):
        raise _overflow(atoms, panels, ends, start)
    return ends


def _overflow(atoms: Atoms, panels: list[Panel], ends: list[int], start: int) -> Overflow:
    """What is left over: the tallest block of the first unit that found no room, and the shortfall."""
    last = panels[-1]
    width = last.text_width
    stop = next(b for b in atoms.breaks if b > start)
    tallest = max(range(start, stop), key=lambda i: atoms.run(i, i + 1, width))
    atom = atoms.atoms[tallest]
    previous = ends[-2] if len(ends) > 1 else 0
    room = last.text_height - atoms.run(previous, ends[-1], width)
    needed = atoms.run(start, len(atoms.atoms), width) - (room if ends[-1] > start else last.text_height)
    return Overflow(atoms.sections[atom.section].section_id, type(atoms.block(atom)).__name__,
                    max(needed, 1.0), last.name)


def _balanced_ends(atoms: Atoms, panels: list[Panel], targets: Optional[list[float]] = None,
                   weights: Optional[list[float]] = None, keep_together: bool = False) -> list[int]:
    """Break points whose columns come closest to their targets (default: full), no blank panel.

    The cost of a panel is its squared distance from the target as a share of its height.
    """
    breaks, n = atoms.breaks, len(atoms.atoms)
    targets = targets or [p.text_height for p in panels]
    weights = weights or [1.0] * len(panels)
    ends_in_lines = bool(n) and isinstance(atoms.block(atoms.atoms[-1]), WritingLines)
    best: dict[int, tuple[float, list[int]]] = {0: (0.0, [])}
    previous = panels[0] if panels else None
    for index, (panel, target, weight) in enumerate(zip(panels, targets, weights)):
        new_side = panel.page != previous.page  # a sentence never goes on over the page (or the sheet's side)
        same_view, folded = panel.view == previous.view, panel.folded
        previous = panel
        if new_side:
            best = {start: found for start, found in best.items() if not atoms.no_turn(start)}
        width, height = panel.text_width, panel.text_height
        step: dict[int, tuple[float, list[int]]] = {}
        for start, (cost, ends) in best.items():
            crossing = atoms.crossing_cost(start, same_view, folded) if index else 0.0
            if keep_together and crossing >= VIEW_COST:
                continue  # no panel may start here
            for end in breaks[bisect_left(breaks, start):]:
                used = atoms.used(start, end, width)
                if used > height + 1e-6:
                    break
                if end == start and start == n and ends_in_lines:
                    extra = 0.0  # the ruled note lines go on into this panel
                elif end == start:
                    extra = EMPTY_COST if start < n else TRAILING_COST
                elif atoms.fills(start, end):
                    extra = 0.0
                else:
                    extra = weight * ((target - used) / height) ** 2
                extra += atoms.break_cost(start) + crossing
                total = cost + extra
                if end not in step or total < step[end][0]:
                    step[end] = (total, ends + [end])
        best = step
    return best[n][1]


def _uses(atoms: Atoms, panels: list[Panel], ends: list[int]) -> list[float]:
    starts = [0] + ends[:-1]
    return [atoms.used(a, b, p.text_width) for p, a, b in zip(panels, starts, ends)]


def _page_spread(atoms: Atoms, panels: list[Panel], ends: list[int]) -> float:
    """How far apart the column ends of each page are (squared, past half an inch), summed over pages."""
    starts = [0] + ends[:-1]
    by_page: dict[int, list[float]] = {}
    for panel, start, end, used in zip(panels, starts, ends, _uses(atoms, panels, ends)):
        if end > start and not atoms.fills(start, end):
            by_page.setdefault(panel.page, []).append(used)
    return sum(max(0.0, max(u) - min(u) - 36.0) ** 2 for u in by_page.values() if len(u) > 1)


def _even_ends(atoms: Atoms, panels: list[Panel], keep_together: bool = False) -> list[int]:
    """Balanced break points, then re-aimed at each page's mean column end while that narrows the pages."""
    pages = [p.page for p in panels]
    # a column alone on its page (a tri-fold's flap) has no neighbour to line up with: it may give way
    weights = [1.0 if pages.count(p.page) > 1 else 0.25 for p in panels]
    ends = _balanced_ends(atoms, panels, weights=weights, keep_together=keep_together)
    spread = _page_spread(atoms, panels, ends)
    for _ in range(3):
        if spread == 0.0:
            break
        uses = _uses(atoms, panels, ends)
        # each page's columns aimed at its longest: a short column fills up rather than the rest
        # giving back (both ending early reads as a margin; one ending early, as a gap)
        longest = {page: max(u for p, u in zip(panels, uses) if p.page == page) for page in {p.page for p in panels}}
        trial = _balanced_ends(atoms, panels, [max(longest[p.page], uses[i] * 0.5) for i, p in enumerate(panels)],
                               weights, keep_together)
        trial_spread = _page_spread(atoms, panels, trial)
        if trial_spread >= spread:
            break
        ends, spread = trial, trial_spread
    return ends


def pack(sections: list[Section], panels: list[Panel], measure: Measure, style: Style,
         balance: bool = True, whole_sections: bool = False, keep_together: bool = False) -> list[Panel]:
    """Panels filled with the sections in order (each whole, with `whole_sections`; with
    `keep_together`, numbered steps in one view and paragraphs never over a fold); raises
    Overflow if they do not fit."""
    atoms = Atoms(sections, measure, style, split_width=min(p.text_width for p in panels),
                  whole_sections=whole_sections)
    if not atoms.atoms:
        return list(panels)
    ends = _greedy_ends(atoms, panels, keep_together)
    if balance:
        ends = _even_ends(atoms, panels, keep_together)
    out, start, first_parts = [], 0, set()
    for panel, end in zip(panels, ends):
        out.append(replace(panel, sections=atoms.sections_of(start, end, first_parts)))
        start = end
    return out


def fits(sections: list[Section], panels: list[Panel], measure: Measure, style: Style, **rules) -> bool:
    """True when `pack` (without balancing, with the same `rules`) finds the sections room."""
    try:
        pack(sections, panels, measure, style, balance=False, **rules)
        return True
    except Overflow:
        return False
