"""Fitting: essentials, then content by priority, then filler; type is the layout's scale.

Spare room never enlarges type: it becomes space, or ruled note lines, and note lines
only in a brochure that prints every section. Content that does not fit is condensed,
then dropped by priority; shrinking type, in the scale's own steps down to the floor,
is the last resort (and the build says so).

A section is dropped only when it fits nowhere its panels could take it: after
the drops that make everything fit, each dropped section is tried again (at its
place, then at the end of its panels), most important first. Rows marked `fit`
in a layout (the sources band) take only the height their content needs.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Iterator, Optional

from generator.compose.bands import lone_and_wide, size_band
from generator.compose.atoms import Measure, Overflow, content_height, fills as _fills
from generator.compose.fit import pack
from generator.compose.geometry import panels_of
from generator.compose.moves import filled_forward
from generator.compose.reducer import Reducer
from generator.compose.model import Heading, Panel, Section, Style, WritingLines
from generator.compose.rhythm import space_before
from generator.compose.styles import BODY_FLOOR, resolve_style
from generator.compose.templates import LayoutSpec, StyleSpec
from generator.errors import FitError

SCALE_STEP = 0.03
TITLE_STEPS = (1.0, 0.9, 0.8, 0.7, 0.62)
RULED_LINES_MIN = 3  # a column foot gets note lines when at least this many fit
SPREAD_LIMIT = 3.0  # extra space above a section: at most this many times the space before a heading
ROLE_ORDER = ("back", "cover", "flow")  # fitted rows (back bands) are sized before the flow fills the rest


@dataclass
class Draft:
    """Sections per panel role, before fitting."""

    by_role: dict[str, list[Section]] = field(default_factory=dict)
    filler: Optional[Section] = None  # ruled notes lines: blank flow panels, and the foot of short ones


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


class _Fitter:
    """Packs a draft into a layout's panels at a given type scale."""

    def __init__(self, d: Draft, layout: LayoutSpec, paper: str, style_spec: StyleSpec, factor: float,
                 measure: Measure, keep_together: bool = True, side_by_side: bool = False):
        self.d, self.layout, self.paper, self.factor = d, layout, paper, factor
        self.keep_together = keep_together  # steps in one view, no paragraph over a fold
        self.side_by_side = side_by_side  # a closing band's sections never in one full-width column
        self.style_spec, self.measure = style_spec, measure  # fit() gives it cached (_cached)

    def variant(self, d: Optional[Draft] = None, side_by_side: Optional[bool] = None) -> "_Fitter":
        """The same fitter with another draft (the flow in another order) or band rule."""
        return _Fitter(d or self.d, self.layout, self.paper, self.style_spec, self.factor, self.measure,
                       self.keep_together, self.side_by_side if side_by_side is None else side_by_side)

    def style(self, scale: float) -> Style:
        # the cover's sizes (chosen with the title) shrink with the body, never grow
        return resolve_style(self.style_spec, self.layout.type_scale, self.factor * scale, self.factor * min(scale, 1.0))

    def attempt(self, scale: float, reduce: bool = False, balance: bool = False) -> Fitted:
        """Every role's sections in its panels at `scale` (raises Overflow). With `reduce`, what the
        back has no room for goes on at the end of the flow (related careers into the tri-fold's
        flap, say) before it counts as left out."""
        style = self.style(scale)
        panels = panels_of(self.layout, self.paper)
        filled: dict[str, Panel] = {}
        dropped: list[str] = []  # ruled lines are filler: never in a brochure that leaves content out
        bands: list[tuple[list[str], list[Section], float]] = []  # band rows: (columns, sections, most height)
        spilled: list[Section] = []  # back sections with no room there, tried at the end of the flow
        for role in sorted(self.d.by_role, key=lambda r: ROLE_ORDER.index(r) if r in ROLE_ORDER else 9):
            if role == "flow":
                panels, filled = self._sized_bands(bands, filled, style, balance)
            sections = self.d.by_role[role] + (spilled if role == "flow" else [])
            for targets, routed in _routes(sections, [p for p in panels if p.role == role]):
                if reduce and role == "back":
                    routed, moved = self._reduced_back(routed, targets, style)
                    spilled += moved
                elif reduce:
                    routed, lost = Reducer(routed, targets, self.measure, style, self.keep_together).reduce()
                    dropped += lost
                names = [p.name for p in targets]
                if any(set(names) == set(row) for row in self.layout.fitted_rows()):
                    bands.append((names, routed, max(p.height for p in targets)))
                packed = pack(routed, targets, self.measure, style, balance=balance, keep_together=self.keep_together)
                filler = None if dropped else self.d.filler
                packed = _lines_into_empty_panels(packed, filler)
                filled.update((p.name, p) for p in _lines_into_short_panels(packed, filler, self.measure, style))
        if dropped:
            dropped = self._into_back(filled, dropped, style, balance)
        by_name = {p.name: p for p in panels}
        ordered = [filled.get(p.name, by_name[p.name]) for p in panels]
        if balance:
            ordered = _lower_titles(_even_columns(ordered, self.measure, style), self.measure, style)
        return Fitted(ordered, style, scale, dropped)

    def _into_back(self, filled: dict[str, Panel], dropped: list[str], style: Style, balance: bool) -> list[str]:
        """Flow sections left out, most important first, put in a back panel with room for them
        (before its last section, the sources); updates `filled`, returns what is still left out.
        A closing band is not grown for them: the flow beside it is already set."""
        bands = {name for row in self.layout.fitted_rows() for name in row}
        flow = {s.section_id: s for s in self.d.by_role.get("flow", [])}
        for sid in sorted(dropped, key=lambda i: flow[i].priority if i in flow else 9):
            for name, panel in list(filled.items()):
                if panel.role != "back" or name in bands or sid not in flow or not panel.sections:
                    continue
                trial = [*panel.sections[:-1], flow[sid], panel.sections[-1]]
                try:
                    filled[name] = pack(trial, [panel], self.measure, style, balance=balance,
                                        keep_together=self.keep_together)[0]
                except Overflow:
                    continue
                dropped = [d for d in dropped if d != sid]
                break
        return dropped

    def _reduced_back(self, sections: list[Section], targets: list[Panel],
                      style: Style) -> tuple[list[Section], list[Section]]:
        """The back's sections that fit its panels, and those that go on at the end of the flow: what
        dropping cannot make room for, then, when even the essentials overflow, the sections between
        the first and the last (who hands it out and the sources frame the back), latest first."""
        kept = list(sections)
        while True:
            try:
                routed, lost = Reducer(kept, targets, self.measure, style, self.keep_together).reduce()
                return routed, [s for s in sections if s.section_id in lost or s not in kept]
            except Overflow:
                middle = kept[1:-1]
                if not middle:
                    raise
                kept.remove(middle[-1])

    def _sized_bands(self, bands: list[tuple[list[str], list[Section], float]], filled: dict[str, Panel],
                     style: Style, balance: bool) -> tuple[list[Panel], dict[str, Panel]]:
        """The layout's panels with each band row (a row marked `fit`) as tall as its content needs, in
        the columns it fills (see compose.bands), and the panels filled so far set in them."""
        heights: dict[str, float] = {}
        collapsed: frozenset[str] = frozenset()
        whole: dict[tuple[str, ...], bool] = {}
        for names, sections, most in bands:
            size = size_band(sections, names, self.layout, self.paper, most, self.measure, style,
                             self.side_by_side)
            heights.update(size.heights)
            collapsed |= size.collapsed
            whole[tuple(names)] = size.whole_sections
        panels = panels_of(self.layout, self.paper, heights, collapsed)
        resized = {p.name: p for p in panels}
        out = {n: replace(resized[n], sections=p.sections) for n, p in filled.items() if n in resized}
        for names, sections, _ in bands:
            targets = [resized[n] for n in names if n in resized]
            out.update((p.name, p) for p in pack(sections, targets, self.measure, style, balance=balance,
                                                 whole_sections=whole[tuple(names)]))
        return panels, out

    def fits(self, scale: float) -> bool:
        try:
            self.attempt(scale)
            return True
        except Overflow:
            return False

    def smaller_scales(self) -> list[float]:
        floor = BODY_FLOOR / (self.layout.type_scale.body * self.factor)
        count = int((1.0 - floor) / SCALE_STEP + 1e-9)
        return [1.0 - SCALE_STEP * i for i in range(1, count + 1)] + ([floor] if floor < 1.0 else [])


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


COVER_GAP = 0.2  # the most of a cover panel left as one empty band between the title and the figures


def _lower_titles(panels: list[Panel], measure: Measure, style: Style) -> list[Panel]:
    """A cover panel whose figures sit at its foot and whose title block leaves a wide empty band
    above them: the title block goes lower, halving the band (no band over COVER_GAP if it can)."""
    out = []
    for panel in panels:
        anchored = [s.anchor == "bottom" for s in panel.sections]
        if panel.role != "cover" or not any(anchored) or anchored[0]:
            out.append(panel)
            continue
        free = panel.text_height - content_height(panel, measure, style)
        if free <= COVER_GAP * panel.text_height:
            out.append(panel)
            continue
        first = replace(panel.sections[0], space_above=panel.sections[0].space_above + free / 2)
        out.append(replace(panel, sections=(first,) + panel.sections[1:]))
    return out


def _lines_into_empty_panels(packed: list[Panel], filler: Optional[Section] = None) -> list[Panel]:
    """Flow panels left blank get ruled lines: the audience's filler, its heading once a page (more
    of the notes before them, without a heading, on a page that has it)."""
    out: list[Panel] = []
    following: Optional[Section] = None  # lines that go on from an earlier panel, without a heading
    headed = _headed_pages(packed)
    for panel in packed:
        if not panel.sections and panel.role == "flow" and (following or filler):
            fresh = filler is not None and panel.page not in headed
            panel = replace(panel, sections=(filler if fresh else following or filler,))
            headed.add(panel.page)
        notes = next((s for s in panel.sections if _fills(s)), None)
        if notes is not None:
            following = Section(notes.section_id, (WritingLines(),), notes.priority)
        out.append(panel)
    return out


def _headed_pages(panels: list[Panel]) -> set[int]:
    """Pages on which ruled notes lines already come under their heading."""
    return {p.page for p in panels for s in p.sections if _fills(s) and isinstance(s.blocks[0], Heading)}


SHORT = 2 / 3  # a flow panel filled less than this gets the audience's ruled lines below its content


def _lines_into_short_panels(packed: list[Panel], filler: Optional[Section], measure: Measure,
                             style: Style) -> list[Panel]:
    """A flow panel its content leaves more than a third empty (the tri-fold's flap after the last
    steps, say) ends with the audience's notes section, its lines filling the rest, when it fits (spare
    lines: the print's leftover room, which a reflowing Word file does not have). The notes heading
    is printed once a page: the page's other columns get the lines alone."""
    if filler is None:
        return packed
    out = []
    headed = _headed_pages(packed)  # pages whose notes already have their heading
    for panel in packed:
        if panel.role == "flow" and panel.sections and not any(_fills(s) for s in panel.sections):
            used = content_height(panel, measure, style)
            blocks = tuple(replace(b, spare=True) if isinstance(b, WritingLines) else b for b in filler.blocks
                           if panel.page not in headed or not isinstance(b, Heading))
            notes = replace(filler, space_above=0.0, blocks=blocks)
            needed = style.spacing.before_heading + sum(
                space_before(b, None, style.spacing) + measure(b, panel.text_width, style) for b in notes.blocks)
            if used < SHORT * panel.text_height and used + needed <= panel.text_height:
                panel = replace(panel, sections=panel.sections + (notes,))
                headed.add(panel.page)
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

    The largest title size at which the cover holds; when none does, the one that overflows
    least (the title is not to blame).
    """
    cover_only = Draft({"cover": d.by_role.get("cover", [])})
    shortfalls = []
    for title in TITLE_STEPS:
        spec = style_spec.model_copy(update={"title_factor": title})
        try:
            _Fitter(cover_only, layout, paper, spec, factor, measure).attempt(1.0)
            return title
        except Overflow as overflow:
            shortfalls.append((round(overflow.points), -title))
    return -min(shortfalls)[1]


def fit(d: Draft, layout: LayoutSpec, paper: str, style_spec: StyleSpec, factor: float,
        measure: Measure) -> Fitted:
    """Fill the panels at the layout's type scale; else condense and drop optional sections, then shrink type."""
    measure = _cached(measure)
    title = _title_factor(d, layout, paper, style_spec, factor, measure)
    spec = style_spec.model_copy(update={"title_factor": title})
    try:  # numbered steps in one view, no paragraph over a fold or mid-sentence between columns
        fitter = _Fitter(d, layout, paper, spec, factor, measure)
        fitted = _fitted(fitter)
        if not fitted.dropped and _lone_wide_band(fitted, layout, paper):
            fitter, fitted = _side_by_side(fitter, fitted)
        return filled_forward(fitted, lambda order: _refitted(fitter, order), d.by_role.get("flow", []), measure)
    except Overflow:  # steps too long for any one view, a paragraph taller than a panel: they go on
        pass
    try:
        return _fitted(_Fitter(d, layout, paper, spec, factor, measure, keep_together=False))
    except Overflow as overflow:
        raise FitError(f"{layout.name}: does not fit even at {BODY_FLOOR:g} pt body text: {overflow}") from None


def _lone_wide_band(fitted: Fitted, layout: LayoutSpec, paper: str) -> bool:
    """True when a closing band sets two sections or more in one column of too long lines."""
    for row in layout.fitted_rows():
        used = [p for p in fitted.panels if p.name in row]  # a collapsed column is not among them
        sections = [s for p in used for s in p.sections]
        if len(used) == 1 and lone_and_wide(sections, list(row), layout, paper):
            return True
    return False


def _side_by_side(fitter: _Fitter, fitted: Fitted) -> tuple[_Fitter, Fitted]:
    """The fitting with the closing band's sections side by side, when that still leaves nothing
    out at the same type size; else the fitting as it was."""
    trial_fitter = fitter.variant(side_by_side=True)
    try:
        trial = _fitted(trial_fitter)
    except Overflow:
        return fitter, fitted
    return (trial_fitter, trial) if not trial.dropped and trial.scale >= fitted.scale else (fitter, fitted)


def _refitted(fitter: _Fitter, flow: list[Section]) -> Optional[Fitted]:
    """The same fitting with the flow's sections in another order (None when it does not fit)."""
    d = replace(fitter.d, by_role={**fitter.d.by_role, "flow": flow})
    try:
        return _fitted(fitter.variant(d=d))
    except Overflow:
        return None


def _fitted(fitter: _Fitter) -> Fitted:
    """At the layout's scale if everything fits; else condensing and dropping, then smaller type
    (raises the last Overflow when nothing fits even at the floor)."""
    if fitter.fits(1.0):
        return fitter.attempt(1.0, balance=True)
    last: Optional[Overflow] = None
    for scale in [1.0] + fitter.smaller_scales():
        try:
            return fitter.attempt(scale, reduce=True, balance=True)
        except Overflow as overflow:
            last = overflow
    raise last
