"""Document-level helpers for the Word writer: clean text, properties, language, stable bytes."""

from __future__ import annotations

import zipfile
from io import BytesIO

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from generator.compose.model import Brochure
from generator.render.dates import FIXED_DATE, document_date  # noqa: F401 (FIXED_DATE for the reference file)
from generator.render.xmltext import clean_text  # noqa: F401 (the Word writer takes it from here)

ZIP_DATE = (1980, 1, 1, 0, 0, 0)
# fonts and pictures: 300 KB of a Word file that deflate's level 6 shrinks by only 2% more than
# level 1, at twice the time (PNG is compressed already); the XML keeps level 6
BINARY = (".odttf", ".png", ".jpeg", ".jpg")


def normalise_zip(data: bytes) -> bytes:
    """Rewrite a .docx zip with fixed dates, attributes, order and compression."""
    with zipfile.ZipFile(BytesIO(data)) as src:
        return write_package({name: src.read(name) for name in src.namelist()})


class _Parts:
    """Collects python-docx's serialised parts instead of zipping them (we zip once, at the end)."""

    def __init__(self):
        self.parts: dict[str, bytes] = {}

    def write(self, pack_uri, blob: bytes) -> None:
        self.parts[pack_uri.membername] = blob


def package_parts(doc) -> dict[str, bytes]:
    """Every part of a python-docx document, serialised as `Document.save` would write it."""
    from docx.opc.pkgwriter import PackageWriter

    package, collected = doc.part.package, _Parts()
    parts = list(package.iter_parts())
    PackageWriter._write_content_types_stream(collected, parts)  # noqa: SLF001 - save() without the zip
    PackageWriter._write_pkg_rels(collected, package.rels)  # noqa: SLF001
    PackageWriter._write_parts(collected, parts)  # noqa: SLF001
    return collected.parts


def write_package(parts: dict[str, bytes]) -> bytes:
    """The .docx zip of these parts with fixed dates, attributes, order and compression."""
    out = BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for name in sorted(parts, key=lambda n: (n != "[Content_Types].xml", n)):
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            dst.writestr(info, parts[name], compresslevel=1 if name.endswith(BINARY) else 6)
    return out.getvalue()


def clear_body(doc) -> None:
    """Drop the reference's sample content; keep its final section (page setup)."""
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def set_language(doc, language: str) -> None:
    """Document language in styles.xml docDefaults (spell-check, hyphenation)."""
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), language)


def set_core(doc, brochure: Brochure) -> None:
    meta, core = brochure.metadata, doc.core_properties
    when = document_date(meta.data_date)
    core.title = clean_text(meta.title)[:255]
    core.subject = clean_text(meta.subject)[:255]
    core.keywords = clean_text(", ".join(meta.keywords))[:255]
    core.author = core.last_modified_by = clean_text(meta.author)[:255]
    core.language = clean_text(meta.language)
    core.comments = core.category = ""
    core.created = core.modified = core.last_printed = when
    core.revision = 1
