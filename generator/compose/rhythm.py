"""Vertical rhythm: the space above each block, shared by the packer and the writers."""

from __future__ import annotations

from generator.compose.model import Block, Heading, Link, Paragraph, Spacing


def space_before(block: Block, previous: Block | None, spacing: Spacing) -> float:
    """Points of space between `previous` (None at the panel top) and `block`."""
    if previous is None:
        return 0.0
    if isinstance(block, Link):
        return 1.0  # a link sits right under the line it belongs to
    if isinstance(previous, Heading) and previous.level == 0:
        return spacing.after_block  # the cover title needs a little more air below it
    if isinstance(previous, Heading):
        return spacing.after_heading
    if isinstance(block, Heading) and block.level == 1:
        return spacing.before_heading
    if isinstance(block, Heading):
        return spacing.after_block + 2
    return spacing.after_block
