"""Atoms: the sections cut where a panel may break, and what each break costs.

A whole block is an atom, or each item of a long list, or each line of a long paragraph (set at
the narrowest panel's width). Headings, intro lines and a table's lead-in line stay with what
follows them; a list keeps MIN_SPLIT items (steps MIN_STEPS, paragraphs MIN_LINES) on each side
of a break. The costs say what a break does to the page: inside a list or a section, a sentence
over a page, steps in two views, a paragraph over a fold. compose.fit chooses the breaks.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Optional

from generator.compose.model import (Block, Bullets, Heading, Panel, Paragraph, Section, Steps, Style, Table,
                                     WritingLines)
from generator.compose.rhythm import space_before
from generator.i18n import t

Measure = Callable[[Block, float, Style], float]
MIN_SPLIT = 3  # list items kept together on each side of a panel break (a list of five stays whole)
MIN_STEPS = 2  # numbered steps: two at least on each side of a break (a path of three stays whole)
MIN_LINES = 2  # a paragraph broken across panels keeps two lines on each side (no widows, no orphans)
SPLIT_ROLES = ("body", "lead")  # paragraphs that may break between lines
LINE_COST = 0.03  # a paragraph broken across panels
EMPTY_COST = 50.0  # a panel left blank while content could fill it
# a panel after all the content (notes lines fill it): cheaper than spreading a short profile thin
TRAILING_COST = 0.75
SPLIT_COST = 0.03  # a list broken across panels
PART_COST = 0.08  # a section broken before a block other than a subheading
VIEW_COST = 20.0  # numbered steps going on in another view, or a paragraph over a fold (below EMPTY_COST)
MID_SENTENCE_COST = VIEW_COST  # a paragraph going on into the next column of its page mid-sentence
SENTENCE_ENDS = (".", "!", "?", ".”", '."', ".)", ":", "。", "！", "？", "؟")


@dataclass
class Overflow(Exception):
    """Content that did not fit: which section and block, and by how many points."""

    section_id: str
    block: str
    points: float
    panel: str

    def __str__(self) -> str:
        return (f"section '{self.section_id}' ({self.block}) overflows panel '{self.panel}' "
                f"by {self.points:.0f} pt")


def fills(section: Section) -> bool:
    """True for a section of ruled notes lines (filler, not content)."""
    return any(isinstance(b, WritingLines) for b in section.blocks)


def keeps_with_next(block: Block, following: Optional[Block] = None) -> bool:
    """Headings and intro lines stay in the same panel as what follows them, and so does a line
    that leads into a table (an area's "Jobs: 18,700" above its percentiles), a list cut short
    with its "…and 3 more" line, and what comes before a section's closing figures."""
    if isinstance(block, Heading) or (isinstance(block, Paragraph) and block.role == "intro"):
        return True
    if isinstance(following, Paragraph) and following.role == "note" and isinstance(block, Bullets):
        return True
    if isinstance(following, Paragraph) and following.role == "emphasis":
        return True  # an outlook's figures ("Number of jobs: 3.3 million") never open a column alone
    return isinstance(block, Paragraph) and isinstance(following, Table)


def _items(block: Block) -> int:
    """How many items the block may break between (a list in two columns stays whole)."""
    if isinstance(block, Bullets):
        return len(block.items) if block.columns == 1 else 0
    return len(block.steps) if isinstance(block, Steps) else 0


def part(block: Block, start: int, end: int) -> Block:
    """Items start..end of a list (steps keep counting from where the list began)."""
    if isinstance(block, Bullets):
        return replace(block, items=block.items[start:end], labels=block.labels[start:end])
    assert isinstance(block, Steps)
    return Steps(block.steps[start:end], block.start + start)


@dataclass(frozen=True)
class Atom:
    """A block, or one item of a list that may break between items."""

    section: int
    block: int
    item: Optional[int] = None  # None: the whole block


class Atoms:
    """The sections as atoms, where a panel may break, and atom heights per panel width.

    With `split_width` (the narrowest panel's), long paragraphs become one atom per line
    as set at that width, so a paragraph may go on in the next panel; at a wider panel
    its lines take no more room than that.
    """

    def __init__(self, sections: list[Section], measure: Measure, style: Style, split_width: float = 0.0,
                 whole_sections: bool = False):
        self.sections, self.measure, self.style = sections, measure, style
        self.atoms: list[Atom] = []
        self.breakable: list[bool] = []
        self.line_ends: dict[tuple[int, int], list[int]] = {}
        for s_index, section in enumerate(sections):
            held = False  # the previous block keeps with this one
            for b_index, block in enumerate(section.blocks):
                count = self._count(s_index, b_index, block, split_width)
                least = MIN_STEPS if isinstance(block, Steps) else MIN_LINES if isinstance(block, Paragraph) \
                    else MIN_SPLIT
                if count >= 2 * least:
                    for item in range(count):
                        self.atoms.append(Atom(s_index, b_index, item))
                        self.breakable.append(item == 0 and not held or least <= item <= count - least)
                else:
                    self.atoms.append(Atom(s_index, b_index))
                    self.breakable.append(not held)
                held = keeps_with_next(block, section.blocks[b_index + 1] if b_index + 1 < len(section.blocks)
                                       else None)
        if whole_sections:  # a panel may start only where a section does
            self.breakable = [ok and a.block == 0 and not a.item for ok, a in zip(self.breakable, self.atoms)]
        self.breakable.append(True)  # after the last atom
        self.breaks = [i for i, ok in enumerate(self.breakable) if ok]
        self.ruled = [0]  # how many atoms before each are ruled lines (for `fills`)
        for atom in self.atoms:
            self.ruled.append(self.ruled[-1] + isinstance(self.block(atom), WritingLines))
        self._sums: dict[float, tuple[list[float], list[float]]] = {}
        self._leads: dict[tuple[int, float], float] = {}

    def _count(self, s_index: int, b_index: int, block: Block, split_width: float) -> int:
        """How many items or lines the block may break between (0: it stays whole)."""
        if not isinstance(block, Paragraph):
            return _items(block)
        lines = getattr(self.measure, "line_ends", None)
        if not split_width or lines is None or block.role not in SPLIT_ROLES:
            return 0
        ends = lines(block, split_width, self.style)
        if len(ends) < 2 * MIN_LINES or ends[-1] < len(block.text.rstrip()):
            return 0
        self.line_ends[(s_index, b_index)] = ends
        return len(ends)

    def part(self, atom: Atom, start: int, end: int) -> Block:
        """Items or lines start..end of the atom's block."""
        block = self.block(atom)
        ends = self.line_ends.get((atom.section, atom.block))
        if ends is None:
            return part(block, start, end)
        begin = ends[start - 1] if start else 0
        return Paragraph(block.text[begin:ends[end - 1]].strip(), block.role, block.continued or start > 0)

    def block(self, atom: Atom) -> Block:
        return self.sections[atom.section].blocks[atom.block]

    def _height(self, atom: Atom, width: float) -> float:
        block = self.block(atom)
        if atom.item is None:
            return self.measure(block, width, self.style)
        return self.measure(self.part(atom, atom.item, atom.item + 1), width, self.style)

    def _gap(self, index: int, width: float) -> float:
        """Space above atom `index` when the atom before it is in the same panel."""
        atom, before = self.atoms[index], self.atoms[index - 1]
        if atom.item and (before.section, before.block) == (atom.section, atom.block):
            pair = self.measure(self.part(atom, 0, 2), width, self.style)  # the list's own gap between items
            return pair - self._height(Atom(atom.section, atom.block, 0), width) \
                - self._height(Atom(atom.section, atom.block, 1), width)
        return space_before(self.block(atom), self.block(before), self.style.spacing)

    def sums(self, width: float) -> tuple[list[float], list[float]]:
        """(prefix sums of gap + height, gap above each atom) at `width`."""
        if width not in self._sums:
            total, prefix, gaps = 0.0, [0.0], []
            for index, atom in enumerate(self.atoms):
                gap = self._gap(index, width) if index else 0.0
                gaps.append(gap)
                total += gap + self._height(atom, width)
                prefix.append(total)
            self._sums[width] = (prefix, gaps)
        return self._sums[width]

    def run(self, start: int, end: int, width: float) -> float:
        """Height of atoms start..end set at the top of a panel of `width`."""
        if end <= start:
            return 0.0
        prefix, gaps = self.sums(width)
        return prefix[end] - prefix[start] - gaps[start]

    def continued_label(self, index: int) -> Optional[Paragraph]:
        """The line a panel starting at atom `index` opens with when it goes on with a section begun
        in the panel before: the name of the level or section it is in, "(continued)"."""
        if index == 0 or index >= len(self.atoms) or self.atoms[index].section != self.atoms[index - 1].section:
            return None
        atom = self.atoms[index]
        blocks = self.sections[atom.section].blocks
        if isinstance(blocks[atom.block], (Heading, WritingLines)) or not isinstance(blocks[0], Heading):
            return None
        heading = next(b for b in reversed(blocks[:atom.block + 1]) if isinstance(b, Heading))
        return Paragraph(t("continued", heading=heading.text), "continued")

    def lead(self, index: int, width: float) -> float:
        """Height a panel starting at atom `index` gives its "(continued)" line (0 when it has none)."""
        key = (index, width)
        if key not in self._leads:
            label = self.continued_label(index)
            self._leads[key] = 0.0 if label is None else self.measure(label, width, self.style) + space_before(
                self.block(self.atoms[index]), label, self.style.spacing)
        return self._leads[key]

    def used(self, start: int, end: int, width: float) -> float:
        """Height of atoms start..end as a panel of `width` sets them, with any "(continued)" line."""
        return self.run(start, end, width) + (self.lead(start, width) if end > start else 0.0)

    def break_cost(self, index: int) -> float:
        """What breaking a panel before atom `index` costs in looks: inside a list, inside a section."""
        if index >= len(self.atoms):
            return 0.0
        atom = self.atoms[index]
        if atom.item:
            return LINE_COST if (atom.section, atom.block) in self.line_ends else SPLIT_COST
        if atom.block and not isinstance(self.block(atom), Heading):
            return PART_COST
        return 0.0

    def no_turn(self, index: int) -> bool:
        """True when a break before atom `index` may not fall where the reader turns the page or the
        sheet over: inside a sentence (between two lines of a paragraph, the first not ending one)."""
        if self._inside(index) not in self.line_ends:
            return False
        atom, before = self.atoms[index], self.atoms[index - 1]
        text = self.block(atom).text[:self.line_ends[(atom.section, atom.block)][before.item]].rstrip()
        return not text.endswith(SENTENCE_ENDS)

    def _inside(self, index: int) -> Optional[tuple[int, int]]:
        """(section, block) when a break before atom `index` falls inside a list or paragraph."""
        if index >= len(self.atoms) or index == 0:
            return None
        atom, before = self.atoms[index], self.atoms[index - 1]
        key = (atom.section, atom.block)
        return key if atom.item is not None and (before.section, before.block) == key else None

    def crossing_cost(self, index: int, same_view: bool, folded: bool) -> float:
        """What going on into the next panel before atom `index` costs: numbered steps into another
        view, a paragraph over a fold or into another view, a paragraph mid-sentence."""
        key = self._inside(index)
        if key is None:
            return 0.0
        if isinstance(self.sections[key[0]].blocks[key[1]], (Steps, Bullets)):
            return 0.0 if same_view else VIEW_COST  # a list is read in one view
        if key not in self.line_ends:
            return 0.0
        if folded or not same_view:
            return VIEW_COST
        return MID_SENTENCE_COST if self.no_turn(index) else 0.0

    def fills(self, start: int, end: int) -> bool:
        """True when the run holds ruled lines, which take whatever room is left."""
        end = min(end, len(self.atoms))
        return end > start and self.ruled[end] > self.ruled[start]

    def sections_of(self, start: int, end: int, first_parts: set[int]) -> tuple[Section, ...]:
        """The sections (or parts of them) that atoms start..end make up."""
        out: list[Section] = []
        index = start
        while index < end:
            atom = self.atoms[index]
            stop = index
            while stop < end and self.atoms[stop].section == atom.section:
                stop += 1
            section = self.sections[atom.section]
            bookmark = section.bookmark if atom.section not in first_parts else ""
            first_parts.add(atom.section)
            label = self.continued_label(index) if index == start else None
            out.append(replace(section, blocks=(label,) * (label is not None) + self._blocks(index, stop),
                               bookmark=bookmark))
            index = stop
        return tuple(out)

    def _blocks(self, start: int, end: int) -> tuple[Block, ...]:
        blocks: list[Block] = []
        index = start
        while index < end:
            atom = self.atoms[index]
            if atom.item is None:
                blocks.append(self.block(atom))
                index += 1
                continue
            stop = index
            while stop < end and (self.atoms[stop].section, self.atoms[stop].block) == (atom.section, atom.block):
                stop += 1
            first, last = atom.item, self.atoms[stop - 1].item
            count = len(self.line_ends.get((atom.section, atom.block), ())) or _items(self.block(atom))
            whole = first == 0 and last == count - 1
            blocks.append(self.block(atom) if whole else self.part(atom, first, last + 1))
            index = stop
        return tuple(blocks)


def content_height(panel: Panel, measure: Measure, style: Style) -> float:
    """Points the panel's blocks take, with the space above each (and any spread space)."""
    total, previous = 0.0, None
    for section in panel.sections:
        total += section.space_above
        for block in section.blocks:
            total += space_before(block, previous, style.spacing) + measure(block, panel.text_width, style)
            previous = block
    return total
