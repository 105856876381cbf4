"""Embed the brochure's typeface in a .docx, as Word does, so Word and LibreOffice set it without Lato installed.

Each face is an obfuscated font part (ECMA-376 Part 2, the ODTTF scheme): the first 32
bytes of the TTF are XORed with the font key, a GUID whose 32 hex digits are read as 16
bytes in reverse order. The key is derived from the font's own bytes, so output stays
reproducible. fontTable.xml names the faces; settings.xml asks Word to keep them on save.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from functools import lru_cache
from pathlib import Path

from generator.compose.model import Fonts

FONT_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"
OBFUSCATED = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
FACES = (("Regular", "regular"), ("Bold", "bold"), ("Italic", "italic"), ("BoldItalic", "bold_italic"))
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
# CT_Settings children that come before w:embedTrueTypeFonts
_BEFORE = ("writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
           "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
           "printFractionalCharacterWidth", "printFormsData")


def font_key(data: bytes) -> str:
    """A GUID for a font, from its bytes: '{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}'."""
    return "{" + str(uuid.UUID(bytes=hashlib.sha256(data).digest()[:16])).upper() + "}"


def obfuscate(data: bytes, key: str) -> bytes:
    """XOR the first 32 bytes with the key's 16 bytes in reverse order (the same call undoes it)."""
    secret = bytes.fromhex(re.sub(r"[^0-9A-Fa-f]", "", key))[::-1]
    head = bytes(byte ^ secret[i % 16] for i, byte in enumerate(data[:32]))
    return head + data[32:]


@lru_cache(maxsize=16)
def _embedded(path: str) -> tuple[str, bytes]:
    """(font key, obfuscated bytes) of a face, made once per process."""
    data = _font_file(path).read_bytes()
    key = font_key(data)
    return key, obfuscate(data, key)


@lru_cache(maxsize=8)
def heavy_family(fonts: Fonts) -> str:
    """The family name Word knows the heavy face by ('Lato Black': a family of its own, whose one
    face is its Regular), or '' when the heavy face is one of the family's four."""
    from fontTools.ttLib import TTFont

    with TTFont(str(_font_file(fonts.heavy)), lazy=True) as face:
        name = face["name"].getDebugName(1) or ""
    return name if name and name != fonts.family else ""


def embed_fonts(parts: dict[str, bytes], fonts: Fonts) -> dict[str, bytes]:
    """The .docx parts with the family's four faces embedded (Regular, Bold, Italic, Bold Italic),
    and its heavy face (Lato Black, the print's titles and figures) as a family of its own."""
    parts = dict(parts)
    embeds, rels = [], []
    for index, (face, role) in enumerate(FACES, 1):
        key, obfuscated = _embedded(getattr(fonts, role))
        parts[f"word/fonts/font{index}.odttf"] = obfuscated
        rels.append(f'<Relationship Id="rIdFont{index}" Type="{FONT_TYPE}" Target="fonts/font{index}.odttf"/>')
        embeds.append(f'<w:embed{face} r:id="rIdFont{index}" w:fontKey="{key}"/>')
    table = _font_table(parts["word/fontTable.xml"].decode("utf-8"), fonts.family, embeds)
    heavy = heavy_family(fonts)
    if heavy:
        index = len(FACES) + 1
        key, parts[f"word/fonts/font{index}.odttf"] = _embedded(fonts.heavy)
        rels.append(f'<Relationship Id="rIdFont{index}" Type="{FONT_TYPE}" Target="fonts/font{index}.odttf"/>')
        table = _font_table(table.decode("utf-8"), heavy, [f'<w:embedRegular r:id="rIdFont{index}" w:fontKey="{key}"/>'])
    parts["word/_rels/fontTable.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{"".join(rels)}'
        "</Relationships>").encode("utf-8")
    parts["word/fontTable.xml"] = table
    parts["[Content_Types].xml"] = _content_types(parts["[Content_Types].xml"].decode("utf-8"))
    parts["word/settings.xml"] = _settings(parts["word/settings.xml"].decode("utf-8"))
    return parts


def _font_file(name: str) -> Path:
    """A face's file: the style gives paths; a bare file name is looked up in templates/fonts."""
    from generator.compose.templates import font_path

    return Path(name) if Path(name).is_file() else Path(font_path(name))


def _font_table(xml: str, family: str, embeds: list[str]) -> bytes:
    """fontTable.xml with one entry for the family that names its embedded faces."""
    xml = re.sub(rf'<w:font w:name="{re.escape(family)}">.*?</w:font>', "", xml, flags=re.S)
    if 'xmlns:r="' not in xml[:600]:
        xml = xml.replace("<w:fonts ", f'<w:fonts xmlns:r="{R}" ', 1)
    entry = (f'<w:font w:name="{family}"><w:panose1 w:val="020F0502020204030203"/><w:charset w:val="00"/>'
             f'<w:family w:val="swiss"/><w:pitch w:val="variable"/>{"".join(embeds)}</w:font>')
    return xml.replace("</w:fonts>", entry + "</w:fonts>").encode("utf-8")


def _content_types(xml: str) -> bytes:
    if 'Extension="odttf"' not in xml:
        xml = xml.replace("<Types ", "<Types ", 1).replace(
            "<Default ", f'<Default Extension="odttf" ContentType="{OBFUSCATED}"/><Default ', 1)
    return xml.encode("utf-8")


def _settings(xml: str) -> bytes:
    """settings.xml asking Word to keep the embedded fonts when it saves (placed in schema order)."""
    if "embedTrueTypeFonts" in xml:
        return xml.encode("utf-8")
    last = None
    for name in _BEFORE:
        for match in re.finditer(rf"<w:{name}\b[^>]*?(?:/>|>.*?</w:{name}>)", xml, flags=re.S):
            last = match if last is None or match.end() > last.end() else last
    if last is not None:
        xml = xml[:last.end()] + "<w:embedTrueTypeFonts/>" + xml[last.end():]
    else:
        xml = re.sub(r"(<w:settings\b[^>]*>)", r"\1<w:embedTrueTypeFonts/>", xml, count=1)
    return xml.encode("utf-8")
