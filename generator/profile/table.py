"""A pay table beside the levels ('Level | Annual | Hourly', one row per level): rows matched to
the levels they name; a row naming no level is kept in notes."""

from __future__ import annotations

import re
from typing import Optional

from generator.profile import salary, vocab
from generator.profile.draft import Draft
from generator.profile.sections import Line

_SEPARATOR_CELL = re.compile(r"^:?-{3,}:?$")
_SUMMARY_ROW = re.compile(r"\b(?:all|median|average|overall|total|typical)\b")


def cells(line: Line) -> Optional[list[str]]:
    """The cells of a table row ('A | B | C', '| A | B |'), or None for a line that is not one."""
    text = line.text.strip().strip("|")
    if text.count("|") < 1:
        return None
    parts = [part.strip() for part in text.split("|")]
    return parts if len(parts) >= 2 and parts[0] else None


def is_row(line: Line) -> bool:
    """A line of a pay table: two or more cells."""
    return cells(line) is not None


def place_rows(draft: Draft, rows: list[Line]) -> None:
    """Match each row to the level it names; its first pay sets that level's salary if it has none,
    a figure in the other unit becomes the salary's note (in the header's words)."""
    header: list[str] = []
    header_line: Optional[Line] = None
    for line in rows:
        row = cells(line) or []
        if all(_SEPARATOR_CELL.match(cell) for cell in row if cell):
            continue
        if not header and not any(salary.find_money(cell) for cell in row):
            header, header_line = row, line
            continue
        if not _place_row(draft, row, header, line):
            if header_line is not None:  # the row's columns, named, before the first row kept
                draft.note(header_line, "the header of a pay table")
                header_line = None
            draft.note(line, "a pay table row that names no level")


def _place_row(draft: Draft, row: list[str], header: list[str], line: Line) -> bool:
    levels = draft.data.get("levels", [])
    index = next((i for i, level in enumerate(levels) if _same_name(level["name"], row[0])), None)
    if index is None:
        return False
    ranges = []
    for column, cell in enumerate(row[1:], start=1):
        unit = header[column] if column < len(header) else ""
        found = salary.parse_range(f"{cell} {unit}") if salary.find_money(cell) else None
        if found:
            ranges.append((found, unit, cell))
    if not ranges:
        return False
    path = ("levels", index, "salary")
    level = levels[index]
    if "salary" not in level:
        draft.put(path, ranges[0][0], line)
    held = level["salary"]
    same_unit = [found for found, _, _ in ranges if found["period"] == held["period"]]
    if same_unit and not _same_range(held, same_unit[0]):
        draft.note(line, f"this row's pay differs from the level {level['name']!r}")
        return True
    others = [f"{unit}: {cell}" if unit else cell for found, unit, cell in ranges if found["period"] != held["period"]]
    if others and "note" not in held:
        held["note"] = "; ".join(others)
    return True


def _same_name(level_name: str, cell: str) -> bool:
    def key(text: str) -> str:
        return " ".join(w for w in vocab.norm(text).split() if w not in ("level", "levels"))
    return key(level_name) == key(cell) and not _SUMMARY_ROW.search(vocab.norm(cell))


def _same_range(held: dict, found: dict) -> bool:
    return all(held.get(k) == found.get(k) for k in ("min", "max", "period"))
