"""One flowable per brochure block; the same code measures and draws."""

from __future__ import annotations

import io
import re
from functools import lru_cache
from typing import Callable

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Rect
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from generator.compose import model as m
from generator.links import is_web_link
from generator.render.pdf_charts import ChartFlowable, draw_svg, known_colours, prepared_svg
from generator.render.pdf_flowables import Columns, NumberedStep, SectionHeading, Stack
from generator.render.pdf_bidi import BidiParagraph
from generator.render.pdf_fonts import markup, register
from generator.render.scripts import has_rtl
from generator.render.pdf_styles import colour, inks, paragraph_styles
from generator.render.pdf_tags import ListItem, Tag, tagger_of


class Context:
    """What a block needs to become a flowable: style, print mode, panel darkness. A measuring
    context (fitting's) gives paragraphs that only know their height, each set once per text,
    style and width (`heights`, shared by its type sizes): fitting asks for the same paragraph at
    the same size ~20 times."""

    def __init__(self, style: m.Style, cmyk: bool = False, dark: bool = False, heights: dict | None = None):
        self.style, self.cmyk, self.dark = style, cmyk, dark
        self.styles = paragraph_styles(style, cmyk, dark)
        self.ink = inks(style, cmyk, dark)
        self.fonts = register(style.fonts)
        self.heights = heights  # None: a drawing context

    def para(self, text: str, style_name: str, bold_label: str = "", **kw) -> Flowable:
        if self.heights is not None:
            return SizedParagraph(self, text, style_name, bold_label, kw)
        return self.paragraph(text, style_name, bold_label, **kw)

    def paragraph(self, text: str, style_name: str, bold_label: str = "", **kw) -> Flowable:
        style = self.styles[style_name]
        if has_rtl(text):  # broken into lines as read, each line then reordered as drawn
            return BidiParagraph(text, style, bold_label, self.fonts["bold"], **kw)
        body = markup(text, style.fontName)
        if bold_label:
            body = f"<b>{markup(bold_label, self.fonts['bold'])}:</b> {body}"
        return Paragraph(body, style, **kw)


class SizedParagraph(Flowable):
    """A paragraph for measuring only: its size at a width, looked up in its context's `heights`,
    set by ReportLab on the first asking (never drawn: `paragraph()` makes the real one)."""

    def __init__(self, ctx: Context, text: str, style_name: str, bold_label: str, kw: dict):
        super().__init__()
        self.ctx, self.args, self.kw = ctx, (text, style_name, bold_label), kw

    def paragraph(self) -> Paragraph:
        return self.ctx.paragraph(*self.args, **self.kw)

    def wrap(self, avail_width, avail_height):
        key = (*self.args, tuple(sorted(self.kw.items())), avail_width)
        size = self.ctx.heights.get(key)
        if size is None:
            size = self.ctx.heights[key] = self.paragraph().wrap(avail_width, 1e6)
        self.width, self.height = size
        return size


def heading(block: m.Heading, ctx: Context) -> Flowable:
    """The title is the one H1; section heads H2, their sub-heads H3 (no level skipped)."""
    if block.level == 0:
        return Tag(ctx.para(block.text, "title"), "H1", text=block.text)
    if block.level == 1:
        return SectionHeading(Tag(ctx.para(block.text, "heading1"), "H2", text=block.text), ctx.ink.marker)
    return Tag(ctx.para(block.text, "heading2"), "H3", text=block.text)


def paragraph(block: m.Paragraph, ctx: Context) -> Flowable:
    return Tag(ctx.para(block.text, block.role if block.role in ctx.styles else "body"), "P", text=block.text)


def _p(ctx: Context, text: str, style_name: str) -> Flowable:
    """A paragraph of its own in the structure (P)."""
    return Tag(ctx.para(text, style_name), "P", text=text)


class _Url(Flowable):
    """A URL broken only after '/', '-' or '.', never inside a word; `text` prints instead of the
    address when given (an e-mail address for its mailto: link)."""

    def __init__(self, url: str, ctx: Context, linked: bool = False, text: str = "", alt: str = ""):
        super().__init__()
        self.url, self.ctx, self.linked, self.text, self.alt = url, ctx, linked, text or url, alt or url

    def wrap(self, avail_width, avail_height):
        style = self.ctx.styles["link"]
        lines = _url_lines(self.text, avail_width, style.fontName, style.fontSize)
        self.paragraph = Paragraph("<br/>".join(markup(line, style.fontName) for line in lines), style)
        self.width, self.height = self.paragraph.wrap(avail_width, avail_height)
        return self.width, self.height

    def draw(self):
        tagger = tagger_of(self.canv)
        if tagger is None:
            self.paragraph.drawOn(self.canv, 0, 0)
            if self.linked:
                self.canv.linkURL(self.url, (0, 0, self.width, self.height), relative=1)
            return
        with tagger.group("Link" if self.linked else "P", ActualText=self.text):
            with tagger.content():
                self.paragraph.drawOn(self.canv, 0, 0)
            if self.linked:  # a real link annotation over the printed address, in the Link element
                self.canv.linkURL(self.url, (0, 0, self.width, self.height), relative=1,
                                  **tagger.link_annotation(self.alt))


def link(block: m.Link, ctx: Context) -> Flowable:
    return _Url(block.url, ctx, linked=is_web_link(block.url), text=block.text, alt=block.alt)


class _Logo(Flowable):
    """An organisation's logo at its width (or the column's, if narrower): an SVG drawn as vector
    paths and text in the brochure's fonts, or a PNG/JPEG placed as an image."""

    def __init__(self, block: m.Logo, ctx: Context):
        super().__init__()
        self.block, self.ctx = block, ctx

    def _aspect(self) -> float:
        if self.block.kind == "svg":
            drawing = prepared_svg(self.block.data, self.ctx.style.fonts, known_colours(self.ctx.style), self.ctx.cmyk)
            return drawing.height / drawing.width if drawing.width else 0.3
        from reportlab.lib.utils import ImageReader

        width, height = ImageReader(io.BytesIO(self.block.data)).getSize()
        return height / width if width else 0.3

    def wrap(self, avail_width, avail_height):
        self.width = min(self.block.width_in * 72.0, avail_width)
        self.height = self.width * self._aspect()
        return self.width, self.height

    PLATE = 4.0  # white around a logo on a dark panel, so its own dark colours still show

    def draw(self):
        if self.ctx.dark:
            self.canv.setFillColor(colour(self.ctx.style.colours["white"], self.ctx.cmyk))
            self.canv.roundRect(-self.PLATE, -self.PLATE, self.width + 2 * self.PLATE, self.height + 2 * self.PLATE,
                                3, stroke=0, fill=1)
        if self.block.kind == "svg":
            draw_svg(self.canv, self.block.data, self.width, self.ctx.style, self.ctx.cmyk)
            return
        from reportlab.lib.utils import ImageReader

        self.canv.drawImage(ImageReader(io.BytesIO(self.block.data)), 0, 0, self.width, self.height, mask="auto")


def logo(block: m.Logo, ctx: Context) -> Flowable:
    return Tag(_Logo(block, ctx), "Figure", figure=True, Alt=block.alt)


def _url_lines(url: str, width: float, font: str, size: float) -> list[str]:
    """A web address in lines of `width`, broken after / . or -, after a slash where one falls in
    the line's second half ('example.edu/' | 'programs', not 'example.' | 'edu/programs')."""
    pieces = [p for p in re.findall(r"[^/.\-]*[/.\-]?", url) if p]
    lines: list[str] = []
    line: list[str] = []
    for piece in pieces:
        if line and stringWidth("".join(line) + piece, font, size) > width:
            slashes = [i for i, part in enumerate(line[:-1]) if part.endswith("/")
                       and stringWidth("".join(line[:i + 1]), font, size) >= width / 2]
            cut = slashes[-1] + 1 if slashes and not line[-1].endswith("/") else len(line)
            lines.append("".join(line[:cut]))
            line = line[cut:]
        line.append(piece)
    return lines + ["".join(line)] if line else lines


def bullets(block: m.Bullets, ctx: Context) -> Flowable:
    """One list (L): its items down the column, or down two columns, the first half first."""
    labels = block.labels or ("",) * len(block.items)
    items = [ListItem(ctx.para(item, "bullet", label, bulletText="\u2022"), f"{label}: {item}" if label else item)
             for item, label in zip(block.items, labels)]
    gap = ctx.style.type.body * 0.3
    if block.columns == 1:
        return Tag(Stack(items, gap), "L", group=True)
    per = -(-len(items) // block.columns)
    return Tag(Columns([Stack(items[i:i + per], gap) for i in range(0, len(items), per)], ctx.style.type.body * 1.5),
               "L", group=True)


def steps(block: m.Steps, ctx: Context) -> Flowable:
    size = ctx.style.type.body
    parts = []
    for number, step in enumerate(block.steps, block.start):
        body = [_p(ctx, step.title, "step_title")] + ([_p(ctx, step.text, "body")] if step.text else [])
        parts.append(NumberedStep(number, body, ctx.ink.heading if not ctx.dark else ctx.ink.highlight,
                                  ctx.ink.fill if not ctx.dark else ctx.ink.heading, ctx.fonts["heavy"], size))
    return Tag(Stack(parts, size * 0.55), "L", group=True)


def big_number(block: m.BigNumber, ctx: Context) -> Flowable:
    return Stack([_p(ctx, block.fact.value, "big_number"), _p(ctx, block.fact.label, "big_label")], 2.0)


class _Facts(Flowable):
    """Fact tiles: a column in a narrow panel, a row with dividers in a wide one."""

    ROW_MIN_WIDTH = 380.0

    def __init__(self, block: m.KeyFacts, ctx: Context):
        super().__init__()
        self.tiles = [Stack([_p(ctx, f.value, "fact_value" if f.is_number else "fact_text"),
                             _p(ctx, f.label, "fact_label")], 1.0) for f in block.facts]
        self.rule, self.gap = ctx.ink.rule, ctx.style.type.fact_value * 0.3  # cover sizes: never grown

    def wrap(self, avail_width, avail_height):
        self.across = avail_width >= self.ROW_MIN_WIDTH and len(self.tiles) > 1
        if not self.across:
            self.inner = Stack(self.tiles, 0.0, rule=self.rule, rule_gap=self.gap)
            return self.inner.wrap(avail_width, avail_height)
        self.pitch = avail_width / len(self.tiles)
        heights = [t.wrap(self.pitch - 3 * self.gap, avail_height)[1] for t in self.tiles]
        self.width, self.height = avail_width, max(heights)
        return self.width, self.height

    def draw(self):
        if not self.across:
            self.inner.drawOn(self.canv, 0, 0)
            return
        for index, tile in enumerate(self.tiles):
            x = index * self.pitch + (1.5 * self.gap if index else 0)
            if index:
                self.canv.setStrokeColor(self.rule)
                self.canv.setLineWidth(0.6)
                self.canv.line(index * self.pitch, 0, index * self.pitch, self.height)
            tile.drawOn(self.canv, x, self.height - tile.height)


def key_facts(block: m.KeyFacts, ctx: Context) -> Flowable:
    return _Facts(block, ctx)


def chart(block: m.Chart, ctx: Context) -> Flowable:
    parts: list[Flowable] = [Tag(ChartFlowable(block.art, ctx.style, ctx.cmyk), "Figure", figure=True,
                                 Alt=block.art.alt_text)]
    if block.caption:
        parts.append(_p(ctx, block.caption, "caption"))
    return Stack(parts, 3.0)


class _Table(Flowable):
    """A table that sizes its columns from fractions of whatever width it gets."""

    def __init__(self, block: m.Table, ctx: Context):
        super().__init__()
        self.block, self.ctx = block, ctx

    def wrap(self, avail_width, avail_height):
        ctx, block = self.ctx, self.block
        row_key = id(self)
        cells = [[Tag(ctx.para(h, "cell_head"), "TH", text=h, under=("TR", row_key, 0), Scope="Column")
                  for h in block.header]]
        cells += [[Tag(ctx.para(c, "cell"), "TD", text=c, under=("TR", row_key, r)) for c in row]
                  for r, row in enumerate(block.rows, 1)]
        fractions = block.widths or (1 / len(block.header),) * len(block.header)
        self.table = Table(cells, colWidths=[f * avail_width for f in fractions], repeatRows=1)
        self.table.setStyle(TableStyle([
            # cells hold Paragraphs, but Table still sets its own font and colour:
            # make them ours so no unembedded Helvetica or RGB black slips in
            ("FONTNAME", (0, 0), (-1, -1), ctx.fonts["regular"]),
            ("TEXTCOLOR", (0, 0), (-1, -1), ctx.ink.text),
            ("BACKGROUND", (0, 0), (-1, 0), ctx.ink.fill),
            ("LINEBELOW", (0, 0), (-1, -1), 0.5, ctx.ink.rule),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]))
        self.width, self.height = self.table.wrap(avail_width, avail_height)
        return self.width, self.height

    def draw(self):
        self.table.drawOn(self.canv, 0, 0)


def table(block: m.Table, ctx: Context) -> Flowable:
    return Tag(_Table(block, ctx), "Table", group=True)


@lru_cache(maxsize=4)
def _qr_modules(url: str) -> tuple[tuple[float, float, float, float], ...]:
    """The code's dark modules as rectangles (x, y, width, height) in a unit square, runs of a row
    joined (ReportLab's encoder). Encoding is pure Python (~20 ms): the three audiences of a
    profile print the same address, so it is kept for the next one."""
    group = QrCodeWidget(url, barBorder=2).draw()
    x0, y0, x1, y1 = group.getBounds()
    sx, sy = 1 / (x1 - x0), 1 / (y1 - y0)
    return tuple(((r.x - x0) * sx, (r.y - y0) * sy, r.width * sx, r.height * sy) for r in group.contents
                 if isinstance(r, Rect) and r.fillColor is not None)  # the first, unfilled, is its bounds


class _QR(Flowable):
    """A QR code on a white square (its quiet zone), whatever the panel colour: the modules drawn
    as rectangles straight on the canvas (ReportLab's widget drawn as a shape tree took 11 ms a code)."""

    SIZE = 66.0

    def __init__(self, url: str, bars, paper):
        super().__init__()
        self.url, self.bars, self.paper = url, bars, paper
        self.width = self.height = self.SIZE

    def wrap(self, avail_width, avail_height):
        return self.width, self.height

    def draw(self):
        canvas, size = self.canv, self.SIZE
        canvas.setFillColor(self.paper)
        canvas.rect(0, 0, size, size, stroke=0, fill=1)
        canvas.setFillColor(self.bars)
        for x, y, width, height in _qr_modules(self.url):  # a fill each: viewers keep their edges crisp
            canvas.rect(x * size, y * size, width * size, height * size, stroke=0, fill=1)


def qr_code(block: m.QRCode, ctx: Context) -> Flowable:
    bars, paper = (colour(ctx.style.colours[name], ctx.cmyk) for name in ("text", "white"))
    linked = is_web_link(block.url)  # never a scannable code for a javascript: or file: address
    code = Tag(_QR(block.url, bars, paper), "Figure", figure=True, Alt=block.alt)
    parts: list[Flowable] = ([code] if linked else []) + [_Url(block.url, ctx, linked, alt=block.link_alt)]
    if block.caption:
        parts.append(_p(ctx, block.caption, "caption"))
    return Stack(parts, 2.0)


class _WritingLines(Flowable):
    """Ruled lines from here to the foot of the panel (`fills`: the writer gives it the rest)."""

    fills = True

    def __init__(self, block: m.WritingLines, ctx: Context):
        super().__init__()
        self.pitch = ctx.style.type.body * block.pitch_factor
        self.minimum = block.min_lines * self.pitch
        self.rule = ctx.ink.rule

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        self.height = self.minimum if avail_height >= 1e5 else max(self.minimum, avail_height)
        return self.width, self.height

    def draw(self):
        self.canv.setStrokeColor(self.rule)
        self.canv.setLineWidth(0.6)
        y = self.height - self.pitch
        while y >= -0.01:
            self.canv.line(0, y, self.width, y)
            y -= self.pitch


def writing_lines(block: m.WritingLines, ctx: Context) -> Flowable:
    return _WritingLines(block, ctx)


RENDERERS: dict[type, Callable[[object, Context], Flowable]] = {
    m.Heading: heading, m.Paragraph: paragraph, m.Bullets: bullets, m.Steps: steps,
    m.BigNumber: big_number, m.KeyFacts: key_facts, m.Chart: chart, m.Table: table, m.QRCode: qr_code,
    m.Link: link, m.Logo: logo,
    m.WritingLines: writing_lines,
}


def flowable(block: m.Block, ctx: Context) -> Flowable:
    """The flowable for a block; an unknown block type is a programming error."""
    try:
        render = RENDERERS[type(block)]
    except KeyError:
        raise TypeError(f"PDF writer has no renderer for block type {type(block).__name__}") from None
    return render(block, ctx)


_CONTEXTS: dict[int, tuple[m.Style, Context]] = {}  # id(style) -> (style, its context), for measuring


def _measuring(style: m.Style) -> Context:
    """One Context per style for measuring: fitting measures hundreds of blocks in each trial style,
    and a Context (paragraph styles, inks, the font check) costs more than most measurements."""
    hit = _CONTEXTS.get(id(style))
    if hit is None or hit[0] is not style:
        if len(_CONTEXTS) >= 32:  # a few styles per brochure: never a growing cache
            _CONTEXTS.clear()
        hit = _CONTEXTS[id(style)] = (style, Context(style, heights=_heights(style)))
    return hit[1]


HEIGHTS_KEPT = 4000  # paragraph sizes kept, all type sizes together (one profile's fitting sets ~1,000)
_HEIGHTS: dict[tuple, dict] = {}  # (type sizes, fonts) -> paragraph sizes, shared by equal styles


def _heights(style: m.Style) -> dict:
    """The paragraph sizes measured in this type and these fonts so far: every trial of a fitting
    makes a new Style, and the same sizes come round again (the final pass, the next audience)."""
    if sum(map(len, _HEIGHTS.values())) > HEIGHTS_KEPT:  # never a cache that grows with a batch
        _HEIGHTS.clear()
    return _HEIGHTS.setdefault((style.type, style.fonts), {})


def line_ends(block: m.Paragraph, width: float, style: m.Style) -> list[int]:
    """Where each line of a paragraph set at `width` ends, as offsets into its text ([] if unknown).

    Only breaks at spaces count: a line that ends inside a word (a long word split) stops the list.
    """
    para = flowable(block, _measuring(style))
    para = getattr(para, "inner", para)  # the Paragraph inside its structure tag
    para = para.paragraph() if isinstance(para, SizedParagraph) else para
    para.wrap(width, 1e6)
    lines = getattr(para, "blPara", None)
    if lines is None:
        return []
    ends, offset, text = [], 0, block.text
    for line in lines.lines:
        words = line[1] if lines.kind == 0 else [getattr(f, "text", "") for f in line.words]
        shown = (" ".join(words) if lines.kind == 0 else "".join(words)).strip()
        found = text.find(shown, offset) if shown else -1
        if found < 0:
            break
        offset = found + len(shown)
        if offset < len(text) and not text[offset].isspace():
            break
        ends.append(offset)
    return ends


def measure(block: m.Block, width: float, style: m.Style) -> float:
    """Height in points of a block set at `width` (the compose stage's Measure)."""
    return flowable(block, _measuring(style)).wrap(width, 1e6)[1]
