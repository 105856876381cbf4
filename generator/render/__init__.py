"""Writers: one module per format, each turning a Brochure into bytes."""

from __future__ import annotations

from importlib import import_module

from generator.compose.model import Brochure

WRITERS = {"pdf": "generator.render.pdf", "docx": "generator.render.docx"}


def render(fmt: str, brochure: Brochure, bleed: bool = False) -> bytes:
    """The bytes of `brochure` in format `fmt` ('pdf' or 'docx')."""
    return import_module(WRITERS[fmt]).render(brochure, bleed=bleed)


def measure(block, width, style) -> float:
    """Block heights for fitting come from the PDF writer, the stricter of the two."""
    from generator.render.pdf_blocks import measure as pdf_measure

    return pdf_measure(block, width, style)


def line_ends(paragraph, width, style) -> list[int]:
    """Where the lines of a paragraph end (offsets into its text), so fitting may break it between lines."""
    from generator.render.pdf_blocks import line_ends as pdf_line_ends

    return pdf_line_ends(paragraph, width, style)


measure.line_ends = line_ends  # the one more question fitting asks of a back end
