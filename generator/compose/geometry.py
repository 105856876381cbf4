"""Panel rectangles from a layout: pages of rows of columns, tuck-in panels narrower."""

from __future__ import annotations

from generator.compose.model import Panel
from generator.compose.templates import LayoutSpec, PageSpec, RowSpec

EPSILON = 0.01


def _row_heights(page: PageSpec, page_height: float, fitted: dict[str, float]) -> list[float]:
    """Fixed rows (or the height fitting gave a `fit` row); flexible rows share the rest."""
    sizes = []
    for row in page.rows:
        given = [fitted[c.panel] for c in row.columns if c.panel in fitted]
        if row.fit and given:
            sizes.append(max(given))
        else:  # before fitting, a `fit` row may hold as much as its largest size
            sizes.append(row.max_height or row.height if row.fit else row.height)
    fixed = sum(h for h in sizes if h is not None)
    flexible = sum(1 for h in sizes if h is None)
    rest = (page_height - fixed) / flexible if flexible else 0.0
    return [h if h is not None else rest for h in sizes]


def _column_widths(row: RowSpec, page_width: float, narrow_by: float, collapsed: frozenset[str]) -> list[float]:
    """Widths of the row's columns; a collapsed one (a band column left without content) gives its
    share to the others."""
    columns = [c for c in row.columns if c.panel not in collapsed]
    narrow = sum(1 for c in columns if c.narrow)
    unit = (page_width + narrow * narrow_by) / sum(c.share for c in columns)
    return [0.0 if c.panel in collapsed else unit * c.share - (narrow_by if c.narrow else 0.0) for c in row.columns]


def _bleed_edges(x: float, y: float, w: float, h: float, size: tuple[float, float]) -> tuple[str, ...]:
    edges = []
    if x < EPSILON:
        edges.append("left")
    if abs(x + w - size[0]) < EPSILON:
        edges.append("right")
    if y < EPSILON:
        edges.append("bottom")
    if abs(y + h - size[1]) < EPSILON:
        edges.append("top")
    return tuple(edges)


def panels_of(layout: LayoutSpec, paper: str, fitted: dict[str, float] | None = None,
              collapsed: frozenset[str] = frozenset()) -> list[Panel]:
    """Every panel of the layout with its rectangle, in reading order.

    `fitted` gives the heights fitting chose for panels of `fit` rows; `collapsed` names columns of
    those rows left out (their row's other columns share the width).
    """
    size = layout.paper[paper]
    found: dict[str, Panel] = {}
    for page_index, page in enumerate(layout.pages):
        top = size[1]
        for row, height in zip(page.rows, _row_heights(page, size[1], fitted or {})):
            x = 0.0
            for column, width in zip(row.columns, _column_widths(row, size[0], layout.narrow_by, collapsed)):
                if column.panel in collapsed:
                    continue
                y = top - height
                found[column.panel] = Panel(
                    name=column.panel, page=page_index, x=x, y=y, width=width, height=height,
                    role=column.role, padding=layout.padding, background=column.background,
                    bleed_edges=_bleed_edges(x, y, width, height, size), accepts=tuple(column.accepts),
                    padding_y=column.padding_y, view=column.view or f"page {page_index + 1}",
                    folded=layout.folded,
                )
                x += width
            top -= height
    return [found[name] for name in layout.reading_order if name in found]
