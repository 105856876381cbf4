"""Fitting: sections into fixed panels; drop optional sections, then scale type.

Measuring text is the one back-end question: a `Measure` callable answers how
tall a block is at a width and style. Everything else is decided here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Optional

from generator.compose.model import Block, Bullets, Heading, Panel, Paragraph, Section, Steps, Style
from generator.compose.rhythm import space_before

Measure = Callable[[Block, float, Style], float]
MIN_SPLIT = 2  # list items kept together on each side of a panel break


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


def keeps_with_next(block: Block) -> bool:
    """Headings and intro lines stay in the same panel as what follows them."""
    return isinstance(block, Heading) or (isinstance(block, Paragraph) and block.role == "intro")


def _split(block: Block, count: int) -> tuple[Block, Block]:
    if isinstance(block, Bullets):
        labels = block.labels
        return (Bullets(block.items[:count], labels[:count]), Bullets(block.items[count:], labels[count:]))
    assert isinstance(block, Steps)
    return Steps(block.steps[:count], block.start), Steps(block.steps[count:], block.start + count)


def _length(block: Block) -> int:
    if isinstance(block, Bullets):
        return len(block.items)
    return len(block.steps) if isinstance(block, Steps) else 0


class _Packer:
    """Fills panels top to bottom, keeping headings with what follows them."""

    def __init__(self, panels: list[Panel], measure: Measure, style: Style):
        self.panels, self.measure, self.style = panels, measure, style
        self.index, self.used, self.previous = 0, 0.0, None
        self.placed: list[list[Section]] = [[] for _ in panels]
        self.current: list[Block] = []
        self.first_part = True

    def _room(self) -> float:
        return self.panels[self.index].text_height - self.used

    def _height(self, blocks: list[Block], previous: Optional[Block]) -> float:
        width = self.panels[self.index].text_width
        total = 0.0
        for block in blocks:
            total += space_before(block, previous, self.style.spacing) + self.measure(block, width, self.style)
            previous = block
        return total

    def _flush(self, section: Section) -> None:
        if self.current:
            bookmark = section.bookmark if self.first_part else ""
            self.placed[self.index].append(replace(section, blocks=tuple(self.current), bookmark=bookmark))
            self.current, self.first_part = [], False

    def _next_panel(self, section: Section, unit: list[Block], rest: list[Block]) -> None:
        self._flush(section)
        if self.index + 1 >= len(self.panels):
            needed = self._height(unit + rest, self.previous) - self._room()
            raise Overflow(section.section_id, type(unit[-1]).__name__, needed, self.panels[self.index].name)
        self.index, self.used, self.previous = self.index + 1, 0.0, None

    def _try_split(self, unit: list[Block]) -> Optional[tuple[list[Block], Block]]:
        """Split the unit's last list so its head fits the room left; None if it cannot."""
        last = unit[-1]
        for count in range(_length(last) - MIN_SPLIT, MIN_SPLIT - 1, -1):
            head, tail = _split(last, count)
            if self._height(unit[:-1] + [head], self.previous) <= self._room():
                return unit[:-1] + [head], tail
        return None

    def _place(self, unit: list[Block]) -> None:
        self.used += self._height(unit, self.previous)
        self.current.extend(unit)
        self.previous = unit[-1]

    def add(self, section: Section) -> None:
        """Place a section, splitting long lists across panels where needed."""
        blocks, self.first_part = list(section.blocks), True
        while blocks:
            unit = [blocks.pop(0)]
            while keeps_with_next(unit[-1]) and blocks:
                unit.append(blocks.pop(0))  # a heading (and its intro) never ends a panel
            while True:
                if self._height(unit, self.previous) <= self._room():
                    self._place(unit)
                    break
                split = self._try_split(unit) if _length(unit[-1]) >= 2 * MIN_SPLIT else None
                if split:
                    self._place(split[0])
                    unit = [split[1]]
                if self.used == 0 and not split:
                    raise Overflow(section.section_id, type(unit[-1]).__name__,
                                   self._height(unit, None) - self._room(), self.panels[self.index].name)
                self._next_panel(section, unit, blocks)
        self._flush(section)


def pack(sections: list[Section], panels: list[Panel], measure: Measure, style: Style) -> list[Panel]:
    """Panels filled with the sections in order; raises Overflow if they do not fit."""
    packer = _Packer(panels, measure, style)
    for index, section in enumerate(sections):
        try:
            packer.add(section)
        except Overflow as overflow:
            later = [b for s in sections[index + 1:] for b in s.blocks]
            overflow.points += packer._height(later, None) if later else 0.0
            raise
    return [replace(panel, sections=tuple(placed)) for panel, placed in zip(panels, packer.placed)]
