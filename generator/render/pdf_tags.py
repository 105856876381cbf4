"""Tagged PDF (PDF/UA-1): marked content while ReportLab draws, the structure tree afterwards.

While drawing, every page is an artifact (backgrounds, rules, accent bars, step discs, note
lines, crop marks) except where a flowable opens a structure element around its own content:
the page stream switches from `/Artifact BMC` to `/P <</MCID n>> BDC` and back, so tagged and
artifact content never nest. The Tagger records which element each marked-content id belongs
to; `finish` turns that record into the StructTreeRoot, ParentTree, MarkInfo, XMP metadata and
the rest with pikepdf.

Flowables reach the tagger through their canvas (`tagger_of`); a canvas without one (measuring,
or drawing for another purpose) draws untagged, so measuring and drawing stay the same code.
"""

from __future__ import annotations

import io
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import datetime
from typing import Iterator, Optional
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable

from generator.render.xmltext import clean_text


@dataclass
class Node:
    """A structure element: its type, attributes and children (elements, marked content, links)."""

    kind: str
    attrs: dict = field(default_factory=dict)
    kids: list = field(default_factory=list)
    key: object = None  # found again by this key (a table row)

    def has_content(self) -> bool:
        return any(not isinstance(k, Node) or k.has_content() for k in self.kids)


@dataclass(frozen=True)
class Content:
    page: int
    mcid: int


@dataclass(frozen=True)
class Annotation:
    page: int
    key: int  # the annotation's /StructParent


class Tagger:
    """Records the structure while a canvas draws; see the module's docstring."""

    def __init__(self, canvas, page_count: int, active: bool = True):
        """`active=False` records nothing and leaves the canvas untagged (the same pages, no structure)."""
        self.canvas, self.active = canvas, active
        self.root = Node("Document")
        self.stack = [self.root]
        self.page = 0
        self.next_mcid = 0
        self.next_annotation = page_count  # ParentTree keys: pages first, then annotations
        self.open_leaf: Optional[Node] = None
        if active:
            canvas._tagger = self
            self._artifact_page()

    def _artifact_page(self) -> None:
        # ReportLab puts these around each page's stream (and clears them at each new page)
        self.canvas._psCommandsBeforePage = ["/Artifact BMC"]
        self.canvas._psCommandsAfterPage = ["EMC"]

    def page_done(self) -> None:
        """Call after each showPage."""
        self.page += 1
        self.next_mcid = 0
        if self.active:
            self._artifact_page()

    def section(self) -> Node:
        """A Sect for a panel, placed now (in reading order) and filled whenever it is drawn."""
        node = Node("Sect")
        self.root.kids.append(node)
        return node

    @contextmanager
    def inside(self, node: Node) -> Iterator[Node]:
        self.stack.append(node)
        try:
            yield node
        finally:
            self.stack.pop()

    def _child(self, kind: str, attrs: dict, under: Optional[tuple] = None) -> Node:
        parent = self.stack[-1]
        if under is not None:  # a row of a table: one TR for all the row's cells
            row = next((k for k in parent.kids if isinstance(k, Node) and k.key == under), None)
            if row is None:
                row = Node(under[0], key=under)
                parent.kids.append(row)
            parent = row
        node = Node(kind, dict(attrs))
        parent.kids.append(node)
        return node

    @contextmanager
    def group(self, kind: str, **attrs) -> Iterator[Node]:
        """A structure element whose content is its children's (L, LI, Table, Link...)."""
        if self.open_leaf is not None:
            yield self.open_leaf
            return
        with self.inside(self._child(kind, attrs)) as node:
            yield node

    @contextmanager
    def content(self, node: Optional[Node] = None) -> Iterator[Node]:
        """What is drawn now is marked content of `node` (default: the innermost open element)."""
        node = node or self.stack[-1]
        if self.open_leaf is not None:  # already inside marked content: it belongs there
            yield self.open_leaf
            return
        mcid = self.next_mcid
        self.next_mcid += 1
        node.kids.append(Content(self.page, mcid))
        code = self.canvas._code
        code.append(f"EMC /{node.kind} <</MCID {mcid}>> BDC")
        self.open_leaf = node
        try:
            yield node
        finally:
            self.open_leaf = None
            code.append("EMC /Artifact BMC")

    @contextmanager
    def leaf(self, kind: str, under: Optional[tuple] = None, **attrs) -> Iterator[Node]:
        """A structure element holding what is drawn now (P, H1, Figure, TD...)."""
        if self.open_leaf is not None:
            yield self.open_leaf
            return
        node = self._child(kind, attrs, under)
        with self.inside(node), self.content(node):
            yield node

    def link_annotation(self, description: str) -> dict:
        """Keyword arguments for Canvas.linkURL: the annotation joins the open Link element."""
        from reportlab.pdfbase.pdfdoc import PDFString

        key = self.next_annotation
        self.next_annotation += 1
        self.stack[-1].kids.append(Annotation(self.page, key))
        return {"StructParent": key, "Contents": PDFString(description), "F": 4}

    def bbox(self, width: float, height: float) -> list[float]:
        """The page rectangle of a box drawn at the canvas origin now (for a Figure's BBox)."""
        a, b, c, d, e, f = self.canvas._currentMatrix
        xs = [a * x + c * y + e for x, y in ((0, 0), (width, 0), (0, height), (width, height))]
        ys = [b * x + d * y + f for x, y in ((0, 0), (width, 0), (0, height), (width, height))]
        return [round(min(xs), 2), round(min(ys), 2), round(max(xs), 2), round(max(ys), 2)]


def tagger_of(canvas) -> Optional[Tagger]:
    return getattr(canvas, "_tagger", None)


def group(canvas, kind: str, **attrs):
    """Tagger.group on a tagging canvas; nothing on another."""
    tagger = tagger_of(canvas)
    return tagger.group(kind, **attrs) if tagger else nullcontext()


def leaf(canvas, kind: str, **attrs):
    """Tagger.leaf on a tagging canvas; nothing on another."""
    tagger = tagger_of(canvas)
    return tagger.leaf(kind, **attrs) if tagger else nullcontext()


def space_at_wraps(paragraph) -> None:
    """ReportLab writes a wrapped line without the space it broke at, so text taken from the
    tags reads 'thejob': put the space back at the end of every wrapped line (it draws nothing;
    left, centred and right-aligned lines keep their places; justified text is left alone)."""
    from reportlab.lib.enums import TA_JUSTIFY

    lines = getattr(getattr(paragraph, "blPara", None), "lines", None)
    if not lines or paragraph.style.alignment == TA_JUSTIFY or getattr(paragraph, "_spaced", False):
        return
    paragraph._spaced = True
    for index in range(len(lines) - 1):
        line = lines[index]
        if isinstance(line, tuple):  # one font: (extra space, words); the word count sets the spacing
            if line[1] and not line[1][-1].endswith(" "):
                lines[index] = (line[0], list(line[1][:-1]) + [line[1][-1] + " "])
        elif getattr(line, "words", None) and hasattr(line.words[-1], "text"):  # mixed fonts: fragments
            last = line.words[-1]
            if not last.text.endswith(" "):
                line.words[-1] = last.clone(text=last.text + " ")


class Tag(Flowable):
    """A flowable drawn as one structure element: its content (`kind` P, H2, Figure...), or, with
    `group=True`, an element whose children the inner flowable tags (L, Table...).
    `text` becomes the element's /ActualText, so a line wrap reads as a space."""

    def __init__(self, inner: Flowable, kind: str, group: bool = False, text: str = "",
                 under: Optional[tuple] = None, figure: bool = False, **attrs):
        super().__init__()
        self.inner, self.kind, self.is_group, self.under, self.figure = inner, kind, group, under, figure
        self.attrs = dict(attrs)
        if text:
            self.attrs["ActualText"] = text
        self.fills = getattr(inner, "fills", False)

    def wrap(self, avail_width, avail_height):
        self.width, self.height = self.inner.wrap(avail_width, avail_height)
        return self.width, self.height

    def draw(self):
        tagger = tagger_of(self.canv)
        if tagger is None:
            self.inner.drawOn(self.canv, 0, 0)
            return
        attrs = dict(self.attrs)
        if self.figure:
            attrs["BBox"] = tagger.bbox(self.width, self.height)
        opened = tagger.group(self.kind, **attrs) if self.is_group else \
            tagger.leaf(self.kind, under=self.under, **attrs)
        space_at_wraps(self.inner)
        with opened:
            self.inner.drawOn(self.canv, 0, 0)


class ListItem(Flowable):
    """A bulleted paragraph as LI: ReportLab draws the bullet and the text as two text objects,
    which become the item's Lbl and LBody."""

    def __init__(self, paragraph: Flowable, text: str):
        super().__init__()
        self.paragraph, self.text = paragraph, text

    def wrap(self, avail_width, avail_height):
        self.width, self.height = self.paragraph.wrap(avail_width, avail_height)
        return self.width, self.height

    def draw(self):
        canvas, tagger = self.canv, tagger_of(self.canv)
        if tagger is None:
            self.paragraph.drawOn(canvas, 0, 0)
            return
        with tagger.group("LI"):
            label, body = Node("Lbl"), Node("LBody", {"ActualText": self.text})
            tagger.stack[-1].kids += [label, body]
            calls = iter((label,))
            original = canvas.drawText

            def draw_text(text_object):
                with tagger.content(next(calls, body)):
                    original(text_object)

            canvas.drawText = draw_text
            space_at_wraps(self.paragraph)
            try:
                self.paragraph.drawOn(canvas, 0, 0)
            finally:
                del canvas.drawText


# --- the structure tree ------------------------------------------------------------------------

def pdf_date(when: datetime) -> str:
    return when.strftime("D:%Y%m%d%H%M%S+00'00'")


def _xmp(meta, when: datetime, producer: str) -> bytes:
    def clean(text: str) -> str:
        return escape(clean_text(text))

    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    xml = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{clean(meta.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{clean(meta.author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{clean(meta.subject)}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>{clean(meta.language)}</rdf:li></rdf:Bag></dc:language>
   <pdf:Keywords>{clean(", ".join(meta.keywords))}</pdf:Keywords>
   <pdf:Producer>{clean(producer)}</pdf:Producer>
   <xmp:CreatorTool>career-brochure</xmp:CreatorTool>
   <xmp:CreateDate>{stamp}</xmp:CreateDate>
   <xmp:ModifyDate>{stamp}</xmp:ModifyDate>
   <xmp:MetadataDate>{stamp}</xmp:MetadataDate>
   <pdfuaid:part>1</pdfuaid:part>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
    return xml.encode("utf-8")


def _attributes(node: Node) -> dict:
    from pikepdf import Array, Dictionary, Name, String

    out = {}
    for key in ("Alt", "ActualText"):
        if node.attrs.get(key):
            out[key] = String(node.attrs[key])
    owners = []
    if "Scope" in node.attrs:
        owners.append(Dictionary(O=Name.Table, Scope=Name("/" + node.attrs["Scope"])))
    if "BBox" in node.attrs:
        owners.append(Dictionary(O=Name.Layout, BBox=Array(node.attrs["BBox"])))
    if owners:
        out["A"] = owners[0] if len(owners) == 1 else Array(owners)
    return out


def finish(data: bytes, tagger: Tagger, meta, when: datetime, producer: str) -> bytes:
    """The ReportLab PDF with its structure tree, marked, titled and with XMP metadata."""
    import pikepdf
    from pikepdf import Array, Dictionary, Name, String

    pdf = pikepdf.open(io.BytesIO(data))
    pages = [page.obj for page in pdf.pages]
    annotations = {int(a.StructParent): a for page in pages for a in page.get("/Annots", [])
                   if "/StructParent" in a}
    by_page: dict[int, dict[int, object]] = {i: {} for i in range(len(pages))}
    by_annotation: dict[int, object] = {}
    struct_root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))

    def build(node: Node, parent) -> object:
        element = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name("/" + node.kind), P=parent))
        kids, home = Array(), None
        for kid in node.kids:
            if isinstance(kid, Node):
                if kid.has_content():
                    kids.append(build(kid, element))
            elif isinstance(kid, Content):
                by_page[kid.page][kid.mcid] = element
                if home is None:
                    home = kid.page
                    element.Pg = pages[home]
                kids.append(kid.mcid if kid.page == home else
                            Dictionary(Type=Name.MCR, Pg=pages[kid.page], MCID=kid.mcid))
            else:
                annotation = annotations[kid.key]
                by_annotation[kid.key] = element
                kids.append(Dictionary(Type=Name.OBJR, Obj=annotation, Pg=pages[kid.page]))
        element.K = kids
        for key, value in _attributes(node).items():
            element[Name("/" + key)] = value
        return element

    struct_root.K = build(tagger.root, struct_root)
    numbers = Array()
    for index, page in enumerate(pages):
        page.StructParents = index
        marked = by_page[index]
        numbers.extend([index, Array([marked[m] for m in sorted(marked)])])
        if "/Annots" in page:
            page.Tabs = Name.S
    for key in sorted(by_annotation):
        numbers.extend([key, by_annotation[key]])
    struct_root.ParentTree = pdf.make_indirect(Dictionary(Nums=numbers))
    struct_root.ParentTreeNextKey = tagger.next_annotation
    root = pdf.Root
    root.MarkInfo = Dictionary(Marked=True)
    root.StructTreeRoot = struct_root
    root.Lang = String(meta.language)
    root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
    root.Metadata = pdf.make_stream(_xmp(meta, when, producer), Type=Name.Metadata, Subtype=Name.XML)
    info = pdf.docinfo
    info.CreationDate = info.ModDate = String(pdf_date(when))
    out = io.BytesIO()
    # every stream ReportLab wrote is compressed already: qpdf copies them (compressing them again, it
    # would take 5 ms a file); the XMP metadata stays plain text, as PDF/A advises
    pdf.save(out, deterministic_id=True, fix_metadata_version=False, compress_streams=False)
    return out.getvalue()
