"""Reducing: condense, then drop, the sections of one panel group until they fit; then put back
the longest form of each that still fits, most important first (see compose.fitting)."""

from __future__ import annotations

from typing import Optional

from generator.compose.atoms import Measure, fills
from generator.compose.fit import fits, pack
from generator.compose.model import Panel, Section, Style


def _forms(section: Section) -> list[Section]:
    """The section and its shorter forms, longest first (see compose._section)."""
    return [section] + _shorter_forms(section)


def _shorter_forms(section: Section) -> list[Section]:
    out = []
    while section.condensed is not None:
        section = section.condensed
        out.append(section)
    return out


class Reducer:
    """Condense, then drop, sections of one panel group until they fit; then put back what fits."""

    def __init__(self, sections: list[Section], targets: list[Panel], measure: Measure, style: Style,
                 keep_together: bool = False):
        self.original, self.targets, self.measure, self.style = sections, targets, measure, style
        self.keep_together = keep_together

    def fits(self, sections: list[Section]) -> bool:
        return fits(sections, self.targets, self.measure, self.style, keep_together=self.keep_together)

    def reduce(self) -> tuple[list[Section], list[str]]:
        keep = list(self.original)
        order = sorted(range(len(keep)), key=lambda i: (-keep[i].priority, -i))
        for index in order:
            if self.fits([s for s in keep if s is not None]):
                break
            section = keep[index]
            for shorter in _shorter_forms(section):
                keep[index] = shorter
                if self.fits([s for s in keep if s is not None]):
                    break
            else:
                if section.priority > 1:
                    keep[index] = None
                continue
            break
        kept = [s for s in keep if s is not None]
        # raises Overflow if still too much
        pack(kept, self.targets, self.measure, self.style, balance=False, keep_together=self.keep_together)
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
            if keep[index] is not None:  # condensed: the longest form that fits back, in place
                for version in _forms(original):
                    if version is keep[index]:
                        break
                    trial = [(i, version if i == index else s) for i, s in arranged]
                    if self.fits(self._ordered(trial)):
                        arranged, keep[index] = trial, version
                        break
                continue
            for version in _forms(original):
                placed = self._place_anywhere(arranged, index, version)
                if placed is not None:
                    arranged, keep[index] = placed, version
                    break
        dropped = [s.section_id for i, s in enumerate(self.original) if keep[i] is None]
        return self._ordered(arranged), dropped

    def _place_anywhere(self, arranged: list[tuple[int, Section]], index: int, section: Section):
        """`arranged` with `section` at the nearest place to its own where everything fits (never
        ahead of the opening section), else None."""
        home = sum(1 for i, _ in arranged if i < index)
        places = range(min(1, home), len(arranged) + 1)
        for position in sorted(places, key=lambda p: (abs(p - home), -p)):
            trial = arranged[:position] + [(index, section)] + arranged[position:]
            if self.fits(self._ordered(trial)):
                return trial
        return None

    @staticmethod
    def _ordered(arranged: list[tuple[int, Section]]) -> list[Section]:
        """The sections in their arranged order, ruled note lines last."""
        sections = [s for _, s in arranged]
        return [s for s in sections if not fills(s)] + [s for s in sections if fills(s)]
