"""The profile being assembled by the importer: plain data, the line of every fact, notes."""

from __future__ import annotations

from typing import Any, Optional

from generator.profile.sections import Line


class Draft:
    """Nested dict of profile fields plus the source line of each, notes and warnings."""

    def __init__(self, name: str):
        self.name = name
        self.data: dict[str, Any] = {}
        self.where: dict[tuple, int] = {}
        self.notes: list[str] = []
        self.warnings: list[str] = []

    def _parent(self, path: tuple) -> Any:
        node: Any = self.data
        for part, following in zip(path[:-1], path[1:]):
            if isinstance(part, int):
                node = node[part]
            else:
                node = node.setdefault(part, [] if isinstance(following, int) else {})
        return node

    def has(self, path: tuple) -> bool:
        """True when the field at `path` already holds a value."""
        node: Any = self.data
        for part in path:
            if isinstance(part, int):
                if not isinstance(node, list) or part >= len(node):
                    return False
            elif not isinstance(node, dict) or part not in node:
                return False
            node = node[part]
        return True

    def put(self, path: tuple, value: Any, line: Line) -> None:
        """Set a single-valued field; a second, different value goes to notes."""
        parent = self._parent(path)
        if path[-1] in parent and parent[path[-1]] != value:
            old = parent[path[-1]]
            if _agrees(value, old):  # 'Hourly: $45.32' after 'Median Pay: $94,260 per year'
                old.update(value)
            elif not _restates(value, old):
                self.note(line, f"{_dotted(path)} given twice; this one")
            return  # 'Median pay: $59,810' again, where the first gave the hourly figure too
        parent[path[-1]] = value
        self.where[path] = line.no

    def add(self, path: tuple, value: Any, line: Line) -> None:
        """Append to a list field."""
        items = self._parent(path).setdefault(path[-1], [])
        self.where[path + (len(items),)] = line.no
        self.where.setdefault(path, line.no)
        items.append(value)

    def text(self, path: tuple, text: str, line: Line, sep: str = " ") -> None:
        """Set a text field, or continue it when it already has text."""
        parent = self._parent(path)
        old = parent.get(path[-1])
        parent[path[-1]] = f"{old}{sep}{text}" if old else text
        self.where.setdefault(path, line.no)

    def note(self, line: Line, what: str = "could not place this text") -> None:
        """Keep a line verbatim in notes and say so."""
        self.notes.append(line.text)
        self.warn(line, f"{what}; kept in notes")

    def warn(self, line: Optional[Line], message: str) -> None:
        """A warning naming the file and, when known, the line."""
        where = f"{self.name}:{line.no}:" if line else f"{self.name}:"
        self.warnings.append(f"{where} warning: {message}")


def _restates(value: Any, old: Any) -> bool:
    """True when every figure of `value` is the one already held (a shorter repeat of a fact)."""
    return isinstance(value, dict) and isinstance(old, dict) and all(old.get(k) == v for k, v in value.items())


def _agrees(value: Any, old: Any) -> bool:
    """True when `value` adds figures to `old` and contradicts none of its own."""
    return (isinstance(value, dict) and isinstance(old, dict) and bool(set(value) - set(old))
            and all(old[k] == v for k, v in value.items() if k in old))


def _dotted(path: tuple) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
