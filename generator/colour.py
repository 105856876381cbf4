"""Colour arithmetic shared by the charts and the writers (no drawing library needed)."""

from __future__ import annotations


def blend(colour: str, other: str, share: float) -> str:
    """Mix two '#RRGGBB' colours; share 0 is `colour`, 1 is `other`."""
    a = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * share):02x}" for x, y in zip(a, b))
