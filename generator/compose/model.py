"""The renderer-neutral brochure: panels of sections of blocks.

No ReportLab or python-docx here; writers turn these into pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional, Union

from generator.i18n import t


_NUMBER = re.compile(r"^[-+\u2212$]?[\d$]")


@dataclass(frozen=True)
class Heading:
    """A heading; level 0 is the cover title, 1 a section head, 2 a subhead."""

    text: str
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    """Running text; role picks the style: body, lead, intro, emphasis, hook, caption, note, or
    continued (the print's "Levels (continued)" atop a column)."""

    text: str
    role: str = "body"
    continued: bool = False  # the rest of a paragraph that began in the panel before


@dataclass(frozen=True)
class Bullets:
    """A bulleted list; `label`s (optional) are set bold before each item. A list of short items
    may be set in two `columns` (the first half of the items, then the rest) to fit."""

    items: tuple[str, ...]
    labels: tuple[str, ...] = ()
    columns: int = 1


@dataclass(frozen=True)
class Step:
    """One step of a path."""

    title: str
    text: str = ""


@dataclass(frozen=True)
class Steps:
    """A numbered path: school, program, certificate, first job, advancement.

    `start` is the number of the first step: a path split across panels goes on counting.
    """

    steps: tuple[Step, ...]
    start: int = 1


@dataclass(frozen=True)
class Fact:
    """A number set big, with what it means."""

    value: str
    label: str

    @property
    def is_number(self) -> bool:
        """True for '$50,250', '+9%', '15,000'; False for words such as an education."""
        return bool(_NUMBER.match(self.value))


@dataclass(frozen=True)
class BigNumber:
    """The one number the cover sells (median pay)."""

    fact: Fact


@dataclass(frozen=True)
class KeyFacts:
    """A row or stack of fact tiles."""

    facts: tuple[Fact, ...]


@dataclass(frozen=True)
class ChartSeries:
    """One series of a chart's data: its values by category, how it is drawn ('hidden': a bar's
    invisible start; 'primary', 'light'; 'labels': an invisible run past the bar end that carries
    `labels`, the source's figures as printed), for writers that draw charts natively (Word)."""

    name: str
    values: tuple[float, ...]
    role: str = "primary"
    labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class ChartData:
    """A chart's figures as data (categories top to bottom, stacked series), with the axis the
    print's drawing uses, so a native chart (Word's) shows the same bars and labels."""

    categories: tuple[str, ...]
    series: tuple[ChartSeries, ...]
    axis_min: float
    axis_max: float
    number_format: str = '"$"#,##0'  # how the figures are shown in the chart's workbook
    tick_format: str = '"$"#,##0'  # the axis's labels ('"$"#,##0,"K"': $50K)
    major_unit: float = 0.0  # the step between the axis's labels (0: the reader's choice)
    plot: tuple[float, ...] = ()  # the bars' area as shares of the chart (left, top, width, height)
    median: Optional[float] = None  # a line across the bars at this figure, labelled `median_label`
    median_label: str = ""
    font_pt: float = 7.5  # the labels' size, as printed
    marks: tuple[Optional[float], ...] = ()  # a tick across each bar at this figure (local pay: its median)
    name_pt: float = 8.5  # the category names' size
    tick_pt: float = 7.5  # the axis labels' and title's size
    axis_title: str = ""  # 'US dollars a year'
    median_dashed: bool = False  # the median line dashed (the profile's median beside other sources' bars)


@dataclass(frozen=True)
class ChartArt:
    """A chart rendered once per profile: a vector display list (generator/charts/vector.py) and a
    300 dpi PNG (each empty when no writer asked for it)."""

    chart_id: str
    vector: tuple
    png: bytes
    width_in: float
    height_in: float
    alt_text: str
    period: str = "year"  # the pay period the bars are drawn in
    median: bool = False  # a line marks the source's median
    converted: bool = False  # some bars were placed from the other period (2,080 hours a year)
    as_of: str = ""  # the date the source gives every bar's figure ('May 2023'), if one
    median_as_of: str = ""  # the median's own date, when it differs from the bars'
    data: Optional[ChartData] = None  # the figures behind the drawing, for a native chart

    def __hash__(self) -> int:  # fitting keys its measures by block: never hash the whole drawing
        return hash((self.chart_id, len(self.vector), self.png, self.width_in, self.height_in, self.alt_text))


@dataclass(frozen=True)
class Chart:
    """A chart placed in the brochure; the art is shared by every brochure."""

    art: ChartArt
    caption: str = ""


@dataclass(frozen=True)
class Table:
    """A small table; widths are fractions of the text width."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = ()


@dataclass(frozen=True)
class Link:
    """A web address printed as a link (only http(s) and mailto targets become one); `text` prints
    instead of the address when given (an e-mail address for its mailto: link)."""

    url: str
    text: str = ""
    alt: str = ""  # what a screen reader says for the link ('Link to …' in the language being built)

    def __post_init__(self):
        if not self.alt:
            object.__setattr__(self, "alt", t("links.link_to", url=self.url))


@dataclass(frozen=True)
class Logo:
    """An organisation's logo: SVG (drawn as vector) or PNG/JPEG bytes, at `width_in`."""

    data: bytes
    kind: str  # svg, png or jpeg
    alt: str
    width_in: float = 1.3


@dataclass(frozen=True)
class QRCode:
    """A URL printed as a QR code with a caption."""

    url: str
    caption: str = ""
    alt: str = ""  # the code's alt text ('QR code: a link to …' in the language being built)
    link_alt: str = ""  # the printed address's, as a link

    def __post_init__(self):
        if not self.alt:
            object.__setattr__(self, "alt", t("links.qr_alt", url=self.url))
        if not self.link_alt:
            object.__setattr__(self, "link_alt", t("links.link_to", url=self.url))


@dataclass(frozen=True)
class WritingLines:
    """Ruled lines for the reader's own notes; they fill the rest of their panel."""

    min_lines: int = 4
    pitch_factor: float = 2.2  # line pitch in body sizes
    spare: bool = False  # only the room a fixed page left over (a flowing document has no such room)


Block = Union[Heading, Paragraph, Bullets, Steps, BigNumber, KeyFacts, Chart, Table, Link, QRCode, WritingLines,
              Logo]


@dataclass(frozen=True)
class Section:
    """A run of blocks dropped or kept as a unit; lower priority number = more important."""

    section_id: str
    blocks: tuple[Block, ...]
    priority: int = 1
    bookmark: str = ""
    anchor: str = "top"  # "bottom": set at the foot of its panel (cover facts)
    condensed: Optional["Section"] = None  # a shorter form fitting may use before dropping the section
    space_above: float = 0.0  # extra points above the section, so columns of a page end together


@dataclass(frozen=True)
class Colour:
    """A colour for screen (RGB hex) and for print (CMYK 0..1)."""

    rgb: str
    cmyk: tuple[float, float, float, float]


@dataclass(frozen=True)
class TypeScale:
    """Type sizes in points, already multiplied by the fitting scale."""

    title: float
    hook: float
    big_number: float
    fact_value: float
    heading: float
    subheading: float
    body: float
    caption: float
    leading: float
    link: float = 9.0  # contact lines, e-mail and web addresses


@dataclass(frozen=True)
class Fonts:
    """Font files of the brochure's one family, plus a fallback face."""

    family: str
    regular: str
    bold: str
    italic: str
    bold_italic: str
    heavy: str
    fallback: str
    fallback_bold: str
    fallback_wide: tuple[str, ...] = ()  # faces for Chinese, Japanese and Korean that are installed


@dataclass(frozen=True)
class Spacing:
    """Vertical rhythm in points."""

    before_heading: float
    after_heading: float
    after_block: float


@dataclass(frozen=True)
class Style:
    """Everything a writer needs to know about looks."""

    fonts: Fonts
    colours: dict[str, Colour]
    type: TypeScale
    spacing: Spacing


@dataclass(frozen=True)
class Panel:
    """A rectangle on a page (points from the trim's bottom-left) holding sections."""

    name: str
    page: int
    x: float
    y: float
    width: float
    height: float
    role: str
    padding: float
    background: str = "none"
    bleed_edges: tuple[str, ...] = ()
    accepts: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    padding_y: float | None = None
    view: str = ""  # panels a reader sees at once (a page, a spread, the tri-fold's flap beside inside-left)
    folded: bool = False  # a fold (not a gutter) parts it from the panel it continues in

    @property
    def pad_y(self) -> float:
        """Top and bottom inner margin (the side margin unless a strip sets its own)."""
        return self.padding if self.padding_y is None else self.padding_y

    @property
    def text_width(self) -> float:
        return self.width - 2 * self.padding

    @property
    def text_height(self) -> float:
        return self.height - 2 * self.pad_y


@dataclass(frozen=True)
class Metadata:
    """Document properties shared by both writers."""

    title: str
    author: str
    subject: str
    keywords: tuple[str, ...]
    language: str = "en-US"
    data_date: str = ""  # what the profile's sources give as their data date ("2024", "May 2024")


@dataclass(frozen=True)
class Brochure:
    """A finished, fitted brochure; panels are in reading order."""

    slug: str
    audience: str
    layout: str
    paper: str
    page_width: float
    page_height: float
    page_count: int
    bleed: float
    docx_columns: int
    panels: tuple[Panel, ...]
    style: Style
    metadata: Metadata
    scale: float = 1.0
    dropped: tuple[str, ...] = field(default=())
    warnings: tuple[str, ...] = field(default=())  # what a user should know about this brochure
    page_numbers: tuple[int, ...] = field(default=())  # pages (1-based) that print their number

    @property
    def file_stem(self) -> str:
        return f"{self.audience}-{self.layout}"

    @property
    def kept(self) -> frozenset[str]:
        """The ids of the sections printed."""
        return frozenset(s.section_id for panel in self.panels for s in panel.sections)
