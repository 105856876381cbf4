"""An .xlsx workbook's sheets, row by row, in little memory: the parts read from the zip as they are
parsed (lxml, python-docx's own XML library, event by event), so a 200,000-row sheet never sits in
memory whole. python-calamine reads a sheet ~2.5 times faster but holds all of it (~500 MB for
BLS's metro table): generator/wages/table.py uses this reader for sheets that large.

Values as the workbook stores them (a formula's cached result, never the formula; no external link
is followed; the XML's entities are not expanded, nor any DTD or network resource loaded): numbers
as floats, booleans as bools, text as str, an empty cell as None.
"""

from __future__ import annotations

import posixpath
import zipfile
from typing import Iterator, Optional

from lxml import etree

XMLError = etree.LxmlError  # a part that is not well-formed XML
_SAFE = {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": False}
_OFFICE_DOCUMENT = "/officeDocument"  # the end of the relationship type naming the workbook part
_WORKSHEET = "/worksheet"
_SHARED_STRINGS = "/sharedStrings"


def _local(tag) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _parse(archive: zipfile.ZipFile, name: str):
    with archive.open(name) as part:
        return etree.parse(part, etree.XMLParser(**_SAFE)).getroot()


def _relationships(archive: zipfile.ZipFile, part: str) -> list[tuple[str, str, str]]:
    """(id, type, target part) of each relationship of `part` (package relationships for '')."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", f"{name}.rels")
    if rels not in archive.namelist():
        return []
    out = []
    for rel in _parse(archive, rels):
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External":
            continue  # an external link is never followed
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        out.append((rel.get("Id", ""), rel.get("Type", ""), path))
    return out


def sheet_parts(archive: zipfile.ZipFile) -> tuple[list[str], Optional[str]]:
    """The worksheets' part names in the workbook's order, and the shared strings' part (or None)."""
    workbook = next((path for _, kind, path in _relationships(archive, "") if kind.endswith(_OFFICE_DOCUMENT)),
                    "xl/workbook.xml")
    rels = _relationships(archive, workbook)
    by_id = {rid: path for rid, kind, path in rels if kind.endswith(_WORKSHEET)}
    strings = next((path for _, kind, path in rels if kind.endswith(_SHARED_STRINGS)), None)
    order = []
    for element in _parse(archive, workbook).iter():
        if _local(element.tag) == "sheet":
            rid = next((value for key, value in element.attrib.items() if _local(key) == "id"), "")
            if by_id.get(rid) in archive.namelist():
                order.append(by_id[rid])
    return order, strings if strings in archive.namelist() else None


def shared_strings(archive: zipfile.ZipFile, part: Optional[str]) -> list[str]:
    """The workbook's shared strings, in order (a string's runs joined; phonetic guides left out)."""
    if part is None:
        return []
    strings = []
    with archive.open(part) as stream:
        for _, item in etree.iterparse(stream, tag="{*}si", **_SAFE):
            strings.append("".join(t.text or "" for t in item.iter("{*}t")
                                   if _local(t.getparent().tag) != "rPh"))
            item.clear()
    return strings


_COLUMNS: dict[str, int] = {}  # 'AB' -> 27: a sheet's few column letters, worked out once each


def _column(reference: Optional[str], default: int) -> int:
    """'AB12' -> 27 (0-based); a cell without a reference follows the one before it."""
    if not reference:
        return default
    letters = reference.rstrip("0123456789$")
    index = _COLUMNS.get(letters)
    if index is None:
        index = 0
        for char in letters.upper():
            index = index * 26 + (ord(char) - 64) if "A" <= char <= "Z" else index
        index -= 1
        if len(_COLUMNS) < 20_000:
            _COLUMNS[letters] = index
    return index if index >= 0 else default


def _value(cell, kind: Optional[str], value: Optional[str], strings: list[str], text_tag: str):
    if kind == "inlineStr":
        return "".join(t.text or "" for t in cell.iter(text_tag))
    if value is None:
        return None
    if kind == "s":
        index = int(value)
        return strings[index] if 0 <= index < len(strings) else ""
    if kind == "b":
        return value.strip() == "1"
    if kind in ("str", "e", "d"):
        return value
    try:
        return float(value)
    except ValueError:
        return value


def rows(archive: zipfile.ZipFile, part: str, strings: list[str]) -> Iterator[list]:
    """The sheet's rows, each a list of its values by column (None where a cell is missing)."""
    with archive.open(part) as stream:
        for _, row in etree.iterparse(stream, tag="{*}row", **_SAFE):
            space = row.tag[:-3]  # '{namespace}' of 'row', as its cells have it
            cell_tag, value_tag, text_tag = space + "c", space + "v", space + "t"
            values: list = []
            for cell in row.iterchildren(cell_tag):
                column = _column(cell.get("r"), len(values))
                if column < len(values):
                    continue  # a cell given twice: the first stands
                if column > len(values):
                    values.extend([None] * (column - len(values)))
                values.append(_value(cell, cell.get("t"), cell.findtext(value_tag), strings, text_tag))
            row.clear()
            while row.getprevious() is not None:  # the rows already read go
                del row.getparent()[0]
            yield values
