"""A designer's move after fitting: a later section pulled forward into a column left short.

A column ends early when what comes next cannot start there: numbered steps that must stay in
one view (the tri-fold's flap), a level that stays whole. Rather than leave the column a third
empty, a designer fills it with a later section that fits the gap (where you could work, the
tools), and the rest of the flow closes up behind it. The move is kept only when it leaves the
flow's columns fuller and costs nothing: no section more left out, no smaller type.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

from generator.compose.atoms import Measure, content_height, fills
from generator.compose.model import Panel, Section, Style
from generator.compose.rhythm import space_before

SHORT = 2 / 3  # a column filled less than this (not the flow's last) is worth filling
GAIN = 0.02  # the least improvement of the emptiness measure for a move to be kept


def _content(panel: Panel) -> tuple[Section, ...]:
    """The panel's sections but ruled notes lines (filler, not content)."""
    return tuple(s for s in panel.sections if not fills(s))


def emptiness(panels: list[Panel], measure: Measure, style: Style) -> float:
    """Sum of the squared share of each flow column its content leaves empty (notes lines count as
    empty), but the flow's last, where content may run out."""
    flow = [p for p in panels if p.role == "flow" and _content(p)]
    return sum((1 - _used(p, measure, style) / p.text_height) ** 2 for p in flow[:-1])


def _used(panel: Panel, measure: Measure, style: Style) -> float:
    plain = [replace(s, space_above=0.0) for s in _content(panel)]  # without the space even columns add
    return content_height(replace(panel, sections=tuple(plain)), measure, style)


def _height(section: Section, width: float, measure: Measure, style: Style) -> float:
    return style.spacing.before_heading + sum(space_before(b, None, style.spacing) + measure(b, width, style)
                                              for b in section.blocks)


def candidates(flow: list[Section], panels: list[Panel], measure: Measure, style: Style,
               tries: int = 3) -> list[list[Section]]:
    """Flow orders with one later section moved up behind the content of a column left short, where
    its height fits that column's room: the emptiest columns first, the tallest such sections first,
    `tries` orders at most (each costs a fitting)."""
    columns = [p for p in panels if p.role == "flow" and _content(p)]
    ids = [s.section_id for s in flow]
    used_by = {p.name: _used(p, measure, style) for p in columns}
    tallest = {p.page: max(used_by[q.name] for q in columns if q.page == p.page) for p in columns}
    orders: list[list[Section]] = []
    # a column that ends well above the others of its page first: both ending early reads as a margin
    for panel in sorted(columns[:-1], key=lambda p: (used_by[p.name] - tallest[p.page]) / p.text_height):
        used = used_by[panel.name]
        if used >= SHORT * panel.text_height:
            continue
        after = ids.index(_content(panel)[-1].section_id)
        later = {s.section_id for p in columns[columns.index(panel) + 1:] for s in _content(p)} - \
            {s.section_id for s in _content(panel)}
        movable = [(height, index) for index in range(after + 2, len(flow)) if flow[index].section_id in later
                   for height in [_height(flow[index], panel.text_width, measure, style)]
                   if height <= panel.text_height - used]
        for _, index in sorted(movable, reverse=True)[:2]:
            orders.append(flow[:after + 1] + [flow[index]] + [s for s in flow[after + 1:] if s is not flow[index]])
    return orders[:tries]


ROUNDS = 2  # columns filled one after another, the emptiest first


def filled_forward(fitted, refit: Callable[[list[Section]], object], flow: list[Section], measure: Measure):
    """The fitting with `candidates` moves applied while each leaves the columns fuller without
    leaving out more or setting smaller type; else `fitted` as it was."""
    best, score = fitted, emptiness(fitted.panels, measure, fitted.style)
    for _ in range(ROUNDS):
        found = None
        for order in candidates(flow, best.panels, measure, best.style):
            trial = refit(order)
            if trial is None or set(trial.dropped) - set(fitted.dropped) or trial.scale < fitted.scale:
                continue
            trial_score = emptiness(trial.panels, measure, trial.style)
            if trial_score < score - GAIN:
                found, score = (trial, order), trial_score
        if found is None:
            break
        best, flow = found
    return best
