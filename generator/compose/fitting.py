"""Fitting: grow type into spare room; else condense, drop by priority, then shrink type.

A section is dropped only when it fits nowhere its panels could take it: after
the drops that make everything fit, each dropped section is tried again (at its
place, then at the end of its panels), most important first. Rows marked `fit`
in a layout (the sources band) take only the height their content needs.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Iterator, Optional

from generator.compose.fit import Atoms, Measure, Overflow, pack
from generator.compose.geometry import panels_of
from generator.compose.model import Heading, Panel, Section, Style, WritingLines
from generator.compose.rhythm import space_before
from generator.compose.styles import BODY_FLOOR, resolve_style
from generator.compose.templates import LayoutSpec, StyleSpec
from generator.errors import FitError

SCALE_STEP = 0.03
TITLE_STEPS = (1.0, 0.9, 0.8, 0.7, 0.62)
MAX_GROWTH = 1.2  # spare room becomes larger body type, up to this much
RULED_LINES_MIN = 3  # a column foot gets note lines when at least this many fit
SPREAD_LIMIT = 3.0  # extra space above a section: at most this many times the space before a heading
ROLE_ORDER = ("back", "cover", "flow")  # fitted rows (back bands) are sized before the flow fills the rest


@dataclass
class Draft:
    """Sections per panel role, before fitting."""

    by_role: dict[str, list[Section]] = field(default_factory=dict)
    filler: Optional[Section] = None  # goes into a flow panel that would otherwise stay blank
    spare_room: str = "space"  # "lines": room left at the foot of a flow column becomes ruled note lines


@dataclass
class Fitted:
    """The outcome: filled panels, the style used, its scale and what was left out."""

    panels: list[Panel]
    style: Style
    scale: float
    dropped: list[str]


def _routes(sections: list[Section], targets: list[Panel]) -> Iterator[tuple[list[Panel], list[Section]]]:
    """Pairs (panels, sections): panels that accept named sections get just those."""
    claimed = {sid for p in targets for sid in p.accepts}
    for panel in (p for p in targets if p.accepts):
        yield [panel], [s for s in sections if s.section_id in panel.accepts]
    rest = [p for p in targets if not p.accepts]
    if rest:
        yield rest, [s for s in sections if s.section_id not in claimed]


def _fills(section: Section) -> bool:
    return any(isinstance(b, WritingLines) for b in section.blocks)


class _Reducer:
    """Condense, then drop, sections of one panel group until they fit; then put back what fits."""

    def __init__(self, sections: list[Section], targets: list[Panel], measure: Measure, style: Style):
        self.original, self.targets, self.measure, self.style = sections, targets, measure, style

    def fits(self, sections: list[Section]) -> bool:
        try:
            pack(sections, self.targets, self.measure, self.style, balance=False)
            return True
        except Overflow:
            return False

    def reduce(self) -> tuple[list[Section], list[str]]:
        keep = list(self.original)
        order = sorted(range(len(keep)), key=lambda i: (-keep[i].priority, -i))
        for index in order:
            if self.fits([s for s in keep if s is not None]):
                break
            section = keep[index]
            if section.condensed is not None:
                keep[index] = section.condensed
                if self.fits([s for s in keep if s is not None]):
                    break
            if section.priority > 1:
                keep[index] = None
        kept = [s for s in keep if s is not None]
        pack(kept, self.targets, self.measure, self.style, balance=False)  # raises Overflow if still too much
        return self._restore(keep)

    def _restore(self, keep: list[Optional[Section]]) -> tuple[list[Section], list[str]]:
        """Put dropped sections back wherever they still fit (their own place first), then undo condensing.

        Most important first; a section that fits nowhere stays dropped.
        """
        arranged = [(i, s) for i, s in enumerate(keep) if s is not None]
        order = sorted(range(len(keep)), key=lambda i: (self.original[i].priority, i))
        for index in order:
            original = self.original[index]
            if keep[index] is original:
                continue
            if keep[index] is not None:  # condensed: the whole text back, in place
                trial = [(i, original if i == index else s) for i, s in arranged]
                if self.fits(self._ordered(trial)):
                    arranged, keep[index] = trial, original
                continue
            for version in (v for v in (original, original.condensed) if v is not None):
                placed = self._place_anywhere(arranged, index, version)
                if placed is not None:
                    arranged, keep[index] = placed, version
                    break
        dropped = [s.section_id for i, s in enumerate(self.original) if keep[i] is None]
        return self._ordered(arranged), dropped

    def _place_anywhere(self, arranged: list[tuple[int, Section]], index: int, section: Section):
        """`arranged` with `section` at the nearest place to its own where everything fits, else None."""
        home = sum(1 for i, _ in arranged if i < index)
        for position in sorted(range(len(arranged) + 1), key=lambda p: (abs(p - home), -p)):
            trial = arranged[:position] + [(index, section)] + arranged[position:]
            if self.fits(self._ordered(trial)):
                return trial
        return None

    @staticmethod
    def _ordered(arranged: list[tuple[int, Section]]) -> list[Section]:
        """The sections in their arranged order, ruled note lines last."""
        sections = [s for _, s in arranged]
        return [s for s in sections if not _fills(s)] + [s for s in sections if _fills(s)]


class _Fitter:
    """Packs a draft into a layout's panels at a given type scale."""

    def __init__(self, d: Draft, layout: LayoutSpec, paper: str, style_spec: StyleSpec, factor: float,
                 measure: Measure):
        self.d, self.layout, self.paper, self.factor = d, layout, paper, factor
        self.style_spec, self.measure = style_spec, measure  # fit() gives it cached (_cached)

    def style(self, scale: float) -> Style:
        # growth is for the body: the cover's sizes (chosen with the title) only ever shrink
        return resolve_style(self.style_spec, self.layout.type_scale, self.factor * scale, self.factor * min(scale, 1.0))

    def attempt(self, scale: float, reduce: bool = False, balance: bool = False) -> Fitted:
        """Every role's sections in its panels at `scale` (raises Overflow)."""
        style = self.style(scale)
        panels = panels_of(self.layout, self.paper)
        filled: dict[str, Panel] = {}
        dropped: list[str] = []
        flow_dropped: list[str] = []  # ruled lines are filler: never beside content left out for want of room
        for role in sorted(self.d.by_role, key=lambda r: ROLE_ORDER.index(r) if r in ROLE_ORDER else 9):
            if role == "flow":
                panels = panels_of(self.layout, self.paper, self._fitted_heights(filled, style))
                resized = {p.name: p for p in panels}
                filled = {n: replace(resized[n], sections=p.sections) for n, p in filled.items()}
            for targets, routed in _routes(self.d.by_role[role], [p for p in panels if p.role == role]):
                if reduce:
                    routed, lost = _Reducer(routed, targets, self.measure, style).reduce()
                    dropped += lost
                    flow_dropped += lost if role == "flow" else []
                packed = pack(routed, targets, self.measure, style, balance=balance)
                packed = _lines_into_empty_panels(packed, self.d.filler)
                filled.update((p.name, p) for p in _lines_into_short_panels(packed, self.d.filler, self.measure,
                                                                           style, room_for_lines=not flow_dropped))
        by_name = {p.name: p for p in panels}
        ordered = [filled.get(p.name, by_name[p.name]) for p in panels]
        if balance:
            even = _ruled_feet if self.d.spare_room == "lines" and not flow_dropped else _even_columns
            ordered = even(ordered, self.measure, style)
        return Fitted(ordered, style, scale, dropped)

    def _fitted_heights(self, filled: dict[str, Panel], style: Style) -> dict[str, float]:
        """Panels of rows marked `fit`: as tall as their content needs (never taller than the layout's)."""
        heights = {}
        for name in self.layout.fitted_panels():
            panel = filled.get(name)
            if panel is None:
                continue
            atoms = Atoms(list(panel.sections), self.measure, style)
            content = atoms.run(0, len(atoms.atoms), panel.text_width)
            heights[name] = min(panel.height, content + 2 * panel.pad_y) if atoms.atoms else 0.0
            heights[name] = max(heights[name], 0.0)
        return heights

    def fits(self, scale: float) -> bool:
        try:
            self.attempt(scale)
            return True
        except Overflow:
            return False

    def grown(self) -> float:
        """The largest type scale up to MAX_GROWTH at which everything still fits (binary search)."""
        steps = _growth_steps()
        low, high, best = 1, steps, 1.0
        while low <= high:
            middle = (low + high) // 2
            if self.fits(1.0 + middle * SCALE_STEP):
                best, low = 1.0 + middle * SCALE_STEP, middle + 1
            else:
                high = middle - 1
        return best

    def smaller_scales(self) -> list[float]:
        floor = BODY_FLOOR / (self.layout.type_scale.body * self.factor)
        count = int((1.0 - floor) / SCALE_STEP + 1e-9)
        return [1.0 - SCALE_STEP * i for i in range(1, count + 1)] + ([floor] if floor < 1.0 else [])


def content_height(panel: Panel, measure: Measure, style: Style) -> float:
    """Points the panel's blocks take, with the space above each (and any spread space)."""
    total, previous = 0.0, None
    for section in panel.sections:
        if previous is not None:
            total += section.space_above
        for block in section.blocks:
            total += space_before(block, previous, style.spacing) + measure(block, panel.text_width, style)
            previous = block
    return total


def _even_columns(panels: list[Panel], measure: Measure, style: Style) -> list[Panel]:
    """Flow columns of a page end together: a short column gets a little more space between its sections."""
    flow = [p for p in panels if p.role == "flow" and p.sections and not any(_fills(s) for s in p.sections)]
    ends = {p.name: content_height(p, measure, style) for p in flow}
    limit = SPREAD_LIMIT * style.spacing.before_heading
    out = []
    for panel in panels:
        if panel.name not in ends:
            out.append(panel)
            continue
        target = max(ends[p.name] for p in flow if p.page == panel.page)
        starts = [i for i, s in enumerate(panel.sections) if i and isinstance(s.blocks[0], Heading)]
        if not starts or target - ends[panel.name] < 1.0:
            out.append(panel)
            continue
        extra = min((target - ends[panel.name]) / len(starts), limit)
        sections = tuple(replace(s, space_above=extra) if i in starts else s for i, s in enumerate(panel.sections))
        out.append(replace(panel, sections=sections))
    return out


def _ruled_feet(panels: list[Panel], measure: Measure, style: Style) -> list[Panel]:
    """Room left at the foot of a flow column becomes ruled lines for the reader's notes."""
    least = RULED_LINES_MIN * WritingLines().pitch_factor * style.type.body + style.spacing.before_heading
    out = []
    for panel in panels:
        if panel.role == "flow" and panel.sections and not any(_fills(s) for s in panel.sections):
            room = panel.text_height - content_height(panel, measure, style)
            if room >= least:
                lines = Section("notes_lines", (WritingLines(min_lines=RULED_LINES_MIN, spare=True),), 9)
                panel = replace(panel, sections=panel.sections + (lines,))
        out.append(panel)
    return out


def _growth_steps() -> int:
    return int(round((MAX_GROWTH - 1.0) / SCALE_STEP))


def _lines_into_empty_panels(packed: list[Panel], filler: Optional[Section] = None) -> list[Panel]:
    """Flow panels left blank get ruled lines: more of the notes before them, else the audience's filler."""
    out: list[Panel] = []
    following: Optional[Section] = None  # lines that go on from an earlier panel, without a heading
    for panel in packed:
        if not panel.sections and panel.role == "flow" and (following or filler):
            panel = replace(panel, sections=(following or filler,))
        notes = next((s for s in panel.sections if _fills(s)), None)
        if notes is not None:
            following = Section(notes.section_id, (WritingLines(),), notes.priority)
        out.append(panel)
    return out


SHORT = 2 / 3  # a flow panel filled less than this gets the audience's ruled lines below its content


def _lines_into_short_panels(packed: list[Panel], filler: Optional[Section], measure: Measure,
                             style: Style, room_for_lines: bool = True) -> list[Panel]:
    """A flow panel its content leaves more than a third empty (the tri-fold's flap after the last
    steps, say) ends with the audience's notes section, its lines filling the rest, when it fits (spare
    lines: the print's leftover room, which a reflowing Word file does not have)."""
    if filler is None or not room_for_lines:
        return packed
    out = []
    for panel in packed:
        if panel.role == "flow" and panel.sections and not any(_fills(s) for s in panel.sections):
            used = content_height(panel, measure, style)
            notes = replace(filler, space_above=0.0, blocks=tuple(
                replace(b, spare=True) if isinstance(b, WritingLines) else b for b in filler.blocks))
            needed = style.spacing.before_heading + sum(
                space_before(b, None, style.spacing) + measure(b, panel.text_width, style) for b in notes.blocks)
            if used < SHORT * panel.text_height and used + needed <= panel.text_height:
                panel = replace(panel, sections=panel.sections + (notes,))
        out.append(panel)
    return out


def _cached(measure: Measure) -> Measure:
    cache: dict = {}
    lines: dict = {}
    line_ends = getattr(measure, "line_ends", None)

    def measured(block, width, style):
        key = (block, round(width, 2), style.type)  # hashed once: a block's and a type's hash are not kept
        height = cache.get(key)
        if height is None:
            height = cache[key] = measure(block, width, style)
        return height

    def ends(block, width, style):
        key = (block, round(width, 2), style.type)
        found = lines.get(key)
        if found is None:
            found = lines[key] = line_ends(block, width, style)
        return found

    if line_ends is not None:
        measured.line_ends = ends
    return measured


def _title_factor(d: Draft, layout: LayoutSpec, paper: str, style_spec: StyleSpec, factor: float,
                  measure: Measure) -> float:
    """Long titles are set smaller (down to TITLE_STEPS[-1]) before anything else gives way.

    The largest title size at which the cover holds at any body growth (its spacing grows
    with the body); when none does, the one that overflows least (the title is not to blame).
    """
    cover_only = Draft({"cover": d.by_role.get("cover", [])})
    shortfalls = []
    for title in TITLE_STEPS:
        spec = style_spec.model_copy(update={"title_factor": title})
        try:
            _Fitter(cover_only, layout, paper, spec, factor, measure).attempt(1.0 + _growth_steps() * SCALE_STEP)
            return title
        except Overflow as overflow:
            shortfalls.append((round(overflow.points), -title))
    return -min(shortfalls)[1]


def fit(d: Draft, layout: LayoutSpec, paper: str, style_spec: StyleSpec, factor: float,
        measure: Measure) -> Fitted:
    """Fill the panels: grow type into spare room; else condense and drop optional sections, then shrink type."""
    measure = _cached(measure)
    title = _title_factor(d, layout, paper, style_spec, factor, measure)
    fitter = _Fitter(d, layout, paper, style_spec.model_copy(update={"title_factor": title}), factor, measure)
    if fitter.fits(1.0):
        return fitter.attempt(fitter.grown(), balance=True)
    last: Optional[Overflow] = None
    for scale in [1.0] + fitter.smaller_scales():
        try:
            return fitter.attempt(scale, reduce=True, balance=True)
        except Overflow as overflow:
            last = overflow
    raise FitError(f"{layout.name}: does not fit even at {BODY_FLOOR:g} pt body text: {last}")
