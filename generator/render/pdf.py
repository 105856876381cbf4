"""PDF writer: one canvas, panels drawn where compose placed them; print-shop mode."""

from __future__ import annotations

import io
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from reportlab import rl_config

from reportlab.lib.colors import CMYKColor
from reportlab.pdfgen.canvas import Canvas

from generator.atomic import write_bytes_atomic
from generator.compose.model import Brochure, Panel
from generator.compose.rhythm import space_before
from generator.render.pdf_blocks import Context, flowable
from generator.render.pdf_fonts import register
from generator.render.dates import document_date
from generator.render.pdf_styles import colour, drawing_inks
from generator.render.pdf_tags import Tagger, finish

FORMAT = "pdf"
PRODUCER = "career-brochure (ReportLab, pikepdf)"
MARK_BORDER = 36.0  # room around the trim for crop marks (0.5 in)
MARK_LENGTH = 18.0
REGISTRATION = CMYKColor(1, 1, 1, 1)
SAFE_FROM_TRIM = 18.0  # points: nothing printed nearer the trim than a quarter inch
DESCENT = 0.3  # of the type size: how far a line's lowest glyphs reach under its baseline


@dataclass
class CropMarks:
    """ReportLab's crop-mark settings; bleedWidth 0 so nothing is scaled."""

    borderWidth: float = MARK_BORDER
    markLength: float = MARK_LENGTH
    markWidth: float = 0.5
    markColor: object = REGISTRATION
    markLast: int = 1
    bleedWidth: float = 0.0


def _canvas(brochure: Brochure, out: io.BytesIO, bleed: bool) -> Canvas:
    names = register(brochure.style.fonts)
    meta = brochure.metadata
    canvas = Canvas(out, pagesize=(brochure.page_width, brochure.page_height), invariant=1,
                    initialFontName=names["regular"], cropMarks=CropMarks() if bleed else None,
                    lang=meta.language, pageCompression=1)
    canvas.setTitle(meta.title)
    canvas.setAuthor(meta.author)
    canvas.setSubject(meta.subject)
    canvas.setKeywords(", ".join(meta.keywords))
    canvas.setCreator("career-brochure")
    canvas.setProducer(PRODUCER)
    if bleed:
        w, h, b, m = brochure.page_width, brochure.page_height, brochure.bleed, MARK_BORDER
        canvas.setTrimBox((m, m, m + w, m + h))
        canvas.setBleedBox((m - b, m - b, m + w + b, m + h + b))
    return canvas


def _background(canvas: Canvas, brochure: Brochure, panel: Panel, bleed: bool) -> None:
    if panel.background == "none":
        return
    x, y, w, h = panel.x, panel.y, panel.width, panel.height
    if bleed:  # backgrounds that touch the trim run on into the bleed
        b = brochure.bleed
        x -= b if "left" in panel.bleed_edges else 0
        y -= b if "bottom" in panel.bleed_edges else 0
        w += b * (("left" in panel.bleed_edges) + ("right" in panel.bleed_edges))
        h += b * (("bottom" in panel.bleed_edges) + ("top" in panel.bleed_edges))
    canvas.setFillColor(colour(brochure.style.colours[panel.background], bleed))
    canvas.rect(x, y, w, h, stroke=0, fill=1)


def _placed(panel: Panel, ctx: Context):
    """(section, flowable, gap above, height) for each block, top to bottom."""
    previous = None
    for section in panel.sections:
        extra = section.space_above  # compose evens out column ends and sets a cover's title lower
        for block in section.blocks:
            item = flowable(block, ctx)
            height = item.wrap(panel.text_width, 1e6)[1]
            yield section, item, space_before(block, previous, ctx.style.spacing) + extra, height
            previous, extra = block, 0.0


def _draw_panel(canvas: Canvas, brochure: Brochure, panel: Panel, bleed: bool) -> list[tuple[str, str]]:
    """Draw a panel's blocks; returns its (bookmark key, title) pairs."""
    ctx = Context(brochure.style, cmyk=bleed, dark=panel.background == "primary")
    placed = _fill_rest(list(_placed(panel, ctx)), panel)
    left, top = panel.x + panel.padding, panel.y + panel.height - panel.pad_y
    bottom = panel.y + panel.pad_y
    cursor, marks, seen = top, [], set()
    tail = _bottom_aligned(panel, placed)
    for index, (section, item, gap, height) in enumerate(placed):
        if index == tail:  # bottom-anchored sections (cover facts) sit at the foot of the panel
            cursor = bottom + sum(h + g for _, _, g, h in placed[tail:])
        cursor -= gap + height
        if section.bookmark and id(section) not in seen:
            seen.add(id(section))
            key = f"{panel.name}-{section.section_id}"
            canvas.bookmarkHorizontal(key, 0, cursor + height)
            marks.append((key, section.bookmark))
        item.drawOn(canvas, left, cursor)
    return marks


def _fill_rest(placed: list, panel: Panel) -> list:
    """A block that `fills` (writing lines) takes whatever height the others leave."""
    used = sum(gap + height for _, _, gap, height in placed)
    spare = panel.text_height - used
    out = []
    for section, item, gap, height in placed:
        if getattr(item, "fills", False) and spare > 0:
            height = item.wrap(panel.text_width, height + spare)[1]
            spare = 0
        out.append((section, item, gap, height))
    return out


def _bottom_aligned(panel: Panel, placed: list) -> int:
    """Index of the first block of the bottom-anchored run that ends the panel, else -1."""
    index = len(placed)
    while index > 0 and placed[index - 1][0].anchor == "bottom":
        index -= 1
    return index if 0 < index < len(placed) else -1


def _page_number(canvas: Canvas, brochure: Brochure, page: int, bleed: bool) -> None:
    """The page's number at the foot's outer corner (left on even pages, right on odd), in the
    bottom margin, as an artifact (a reader's page count, not the text)."""
    if page + 1 not in brochure.page_numbers:
        return
    style, margin = brochure.style, min(p.padding for p in brochure.panels if p.page == page)
    names = register(style.fonts)
    size = style.type.link  # the smallest size a reader looks for (captions are read, not sought)
    canvas.setFont(names["regular"], size)
    canvas.setFillColor(colour(style.colours["muted"], bleed))
    # under the text, its descenders a quarter inch or more from the trim
    baseline = max(SAFE_FROM_TRIM + size * DESCENT, margin / 2)
    number = str(page + 1)
    if (page + 1) % 2:
        canvas.drawRightString(brochure.page_width - margin, baseline, number)
    else:
        canvas.drawString(margin, baseline, number)


# ReportLab's process-wide settings that decide a PDF's bytes, set for each render and restored after,
# so another library in the process cannot change our bytes (nor we its):
RL_SETTINGS = {
    "useA85": 0,  # binary streams as plain Flate, not ASCII85 text on top (a quarter smaller)
    "invariant": 1,  # no dates or ids from the clock: the same input, the same bytes
    "pageCompression": 1,
    "ttfAsciiReadable": 1,
}


@contextmanager
def _reportlab_settings():
    saved = {name: getattr(rl_config, name) for name in RL_SETTINGS}
    try:
        for name, value in RL_SETTINGS.items():
            setattr(rl_config, name, value)
        yield
    finally:
        for name, value in saved.items():
            setattr(rl_config, name, value)


def render(brochure: Brochure, bleed: bool = False, tagged: bool = True) -> bytes:
    """The PDF bytes, tagged (PDF/UA-1); `bleed` adds bleed, crop marks, page boxes and CMYK colour.
    `tagged=False` draws the same pages without structure (the tests compare the two)."""
    with _reportlab_settings():
        return _render(brochure, bleed, tagged)


def _render(brochure: Brochure, bleed: bool, tagged: bool) -> bytes:
    out = io.BytesIO()
    canvas = _canvas(brochure, out, bleed)
    tagger = Tagger(canvas, brochure.page_count, active=tagged)
    sections = {panel.name: tagger.section() for panel in brochure.panels}  # a Sect per panel, reading order
    marks: dict[str, list[tuple[str, str]]] = {}
    with drawing_inks(bleed):
        for page in range(brochure.page_count):
            on_page = [p for p in brochure.panels if p.page == page]
            for panel in on_page:
                _background(canvas, brochure, panel, bleed)
            for panel in on_page:
                with tagger.inside(sections[panel.name]):
                    marks[panel.name] = _draw_panel(canvas, brochure, panel, bleed)
            _page_number(canvas, brochure, page, bleed)
            canvas.showPage()
            tagger.page_done()
    for panel in brochure.panels:  # outline in reading order, not page order
        for key, title in marks.get(panel.name, []):
            canvas.addOutlineEntry(title, key, level=0)
    canvas.showOutline()
    canvas.save()
    if not tagged:
        return out.getvalue()
    meta = brochure.metadata
    return finish(out.getvalue(), tagger, meta, document_date(meta.data_date), PRODUCER)


def write(brochure: Brochure, path: Path | str, bleed: bool = False) -> None:
    """Render and write atomically."""
    write_bytes_atomic(path, render(brochure, bleed))
