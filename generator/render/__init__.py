"""Writers: one module per format, each turning a Brochure into bytes."""

from __future__ import annotations

from importlib import import_module

from reportlab import rl_config

from generator.compose.model import Brochure

# ReportLab checks every attribute set on a drawing's shapes (a debugging aid, on by default): a
# quarter of turning an SVG (a logo) into a drawing. Set before reportlab.graphics is first imported.
# (A speed setting only: the settings that decide the PDF's bytes are set per render, pdf.RL_SETTINGS.)
rl_config.shapeChecking = 0

WRITERS = {"pdf": "generator.render.pdf", "docx": "generator.render.docx"}
# The chart image types each writer takes (like Sphinx builders' supported_image_types): declared
# here, not in the writers' modules, so the charts can be drawn before a writer is loaded
IMAGE_TYPES = {"pdf": ("vector",), "docx": ()}  # the PDF keeps charts vector; Word draws its own from their data


def image_types(formats) -> tuple[str, ...]:
    """The chart image types the writers of these formats take, in a fixed order."""
    wanted = {t for fmt in formats for t in IMAGE_TYPES[fmt]}
    return tuple(t for t in ("vector", "png") if t in wanted)


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


def missing_glyphs(brochure: Brochure) -> set[str]:
    """Characters of the brochure that no installed face can print (they would show as boxes)."""
    from generator.render.pdf_fonts import missing, register

    names = register(brochure.style.fonts)
    found: set[str] = set()
    for panel in brochure.panels:
        for section in panel.sections:
            for block in section.blocks:
                found |= missing(" ".join(_texts(block)), names["regular"])
    return found


def _texts(block) -> list[str]:
    """Every text a block prints."""
    from generator.compose import model as m

    if isinstance(block, (m.Heading, m.Paragraph)):
        return [block.text]
    if isinstance(block, m.Bullets):
        return list(block.items) + list(block.labels)
    if isinstance(block, m.Steps):
        return [t for s in block.steps for t in (s.title, s.text)]
    if isinstance(block, m.BigNumber):
        return [block.fact.value, block.fact.label]
    if isinstance(block, m.KeyFacts):
        return [t for f in block.facts for t in (f.value, f.label)]
    if isinstance(block, m.Table):
        return list(block.header) + [c for row in block.rows for c in row]
    if isinstance(block, m.Link):
        return [block.text or block.url]
    if isinstance(block, m.QRCode):
        return [block.url, block.caption]
    return []
