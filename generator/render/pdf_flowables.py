"""Small custom flowables: a stack of flowables, a section heading, a numbered step."""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph

from generator.render.pdf_tags import group, leaf


class Stack(Flowable):
    """Flowables drawn top to bottom with a fixed gap; optional rules between them."""

    def __init__(self, parts: list[Flowable], gap: float, rule=None, rule_gap: float = 0.0):
        super().__init__()
        self.parts, self.gap, self.rule, self.rule_gap = parts, gap, rule, rule_gap
        self.heights: list[float] = []

    def _between(self) -> float:
        return self.gap + (2 * self.rule_gap if self.rule else 0.0)

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        self.heights = [p.wrap(avail_width, avail_height)[1] for p in self.parts]
        self.height = sum(self.heights) + self._between() * max(len(self.parts) - 1, 0)
        return self.width, self.height

    def draw(self):
        y = self.height
        for index, (part, height) in enumerate(zip(self.parts, self.heights)):
            if index and self.rule is not None:
                y -= self.rule_gap
                self.canv.setStrokeColor(self.rule)
                self.canv.setLineWidth(0.6)
                self.canv.line(0, y, self.width, y)
                y -= self.rule_gap
            y -= height
            part.drawOn(self.canv, 0, y)
            y -= self.gap


class Columns(Flowable):
    """Flowables side by side in equal columns, tops aligned, drawn (and read) left to right."""

    def __init__(self, parts: list[Flowable], gap: float):
        super().__init__()
        self.parts, self.gap = parts, gap

    def wrap(self, avail_width, avail_height):
        self.pitch = (avail_width - self.gap * (len(self.parts) - 1)) / len(self.parts)
        self.heights = [p.wrap(self.pitch, avail_height)[1] for p in self.parts]
        self.width, self.height = avail_width, max(self.heights)
        return self.width, self.height

    def draw(self):
        for index, (part, height) in enumerate(zip(self.parts, self.heights)):
            part.drawOn(self.canv, index * (self.pitch + self.gap), self.height - height)


class SectionHeading(Flowable):
    """A section head with a short accent bar above it."""

    BAR_WIDTH, BAR_HEIGHT, BAR_GAP = 20.0, 2.6, 4.0

    def __init__(self, paragraph: Paragraph, bar_colour):
        super().__init__()
        self.paragraph, self.bar_colour = paragraph, bar_colour

    def wrap(self, avail_width, avail_height):
        _, text_height = self.paragraph.wrap(avail_width, avail_height)
        self.width, self.height = avail_width, text_height + self.BAR_HEIGHT + self.BAR_GAP
        return self.width, self.height

    def draw(self):
        self.canv.setFillColor(self.bar_colour)
        self.canv.rect(0, self.height - self.BAR_HEIGHT, self.BAR_WIDTH, self.BAR_HEIGHT, stroke=0, fill=1)
        self.paragraph.drawOn(self.canv, 0, 0)


class NumberedStep(Flowable):
    """A filled disc with the step number, title and text beside it."""

    def __init__(self, number: int, body: list[Paragraph], disc_colour, number_colour, font: str, size: float):
        super().__init__()
        self.number, self.body = number, Stack(body, 1.0)
        self.disc_colour, self.number_colour, self.font, self.size = disc_colour, number_colour, font, size
        self.diameter = size * 1.9

    def wrap(self, avail_width, avail_height):
        indent = self.diameter + self.size * 0.7
        _, body_height = self.body.wrap(avail_width - indent, avail_height)
        self.width, self.height, self.indent = avail_width, max(body_height, self.diameter), indent
        return self.width, self.height

    def draw(self):
        """A list item (LI): the disc is decoration, its number the label (Lbl), the text the LBody."""
        radius = self.diameter / 2
        centre_y = self.height - radius
        with group(self.canv, "LI"):
            self.canv.setFillColor(self.disc_colour)
            self.canv.circle(radius, centre_y, radius, stroke=0, fill=1)
            self.canv.setFillColor(self.number_colour)
            self.canv.setFont(self.font, self.size)
            with leaf(self.canv, "Lbl"):
                self.canv.drawCentredString(radius, centre_y - self.size * 0.35, str(self.number))
            with group(self.canv, "LBody"):
                self.body.drawOn(self.canv, self.indent, self.height - self.body.height)
