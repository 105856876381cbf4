"""The Word files' structure a screen reader walks: a section ends on its own last paragraph, not
on an empty one it would announce as "blank"."""

from __future__ import annotations

import pytest
from docx import Document
from docx.oxml.ns import qn

from generator.build import BuildOptions, build


@pytest.fixture(scope="module")
def word_files(tmp_path_factory):
    out = tmp_path_factory.mktemp("structure")
    return build([], BuildOptions(output=out, formats=("docx",), languages=("en", "es"))).written


def test_no_section_ends_on_a_blank_paragraph_after_text(word_files):
    blank = []
    for path in word_files:
        body = Document(str(path)).element.body
        for paragraph in body.iterchildren(qn("w:p")):
            properties = paragraph.find(qn("w:pPr"))
            holds_break = properties is not None and properties.find(qn("w:sectPr")) is not None
            before = paragraph.getprevious()
            if holds_break and paragraph.find(qn("w:r")) is None and before is not None and before.tag == qn("w:p"):
                blank.append(path.name)
    assert len(word_files) == 6 and not blank, blank


def _luminance(hex_colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _contrast(one: str, two: str) -> float:
    light, dark = sorted((_luminance(one), _luminance(two)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _from_styles(document, style_id: str, path: str):
    """A property along the style's basedOn chain (the first style that sets it), or None."""
    styles = document.styles.element
    while style_id:
        style = styles.get_by_id(style_id)
        if style is None:
            return None
        found = style.find(path)
        if found is not None:
            return found.get(qn("w:val") if not path.endswith("shd") else qn("w:fill"))
        based = style.find(qn("w:basedOn"))
        style_id = based.get(qn("w:val")) if based is not None else None
    return None


def test_panel_text_stays_readable_when_direct_formatting_is_cleared(word_files):
    """What a counselor's "Clear formatting" leaves: every paragraph on a coloured panel (the navy
    cover, the tinted bands) has its colours from its style, at 4.5:1 or more (3:1 for text of
    18 pt or more, as WCAG has it)."""
    checked = 0
    for path in word_files:
        document = Document(str(path))
        for paragraph in document.element.body.iter(qn("w:p")):
            properties = paragraph.find(qn("w:pPr"))
            named = properties.find(qn("w:pStyle")) if properties is not None else None
            if named is None or " on " not in (document.styles.element.get_by_id(named.get(qn("w:val"))).name_val):
                continue
            for run in paragraph.iter(qn("w:r")):  # clear the runs' direct colours
                for colour in run.iter(qn("w:color")):
                    colour.getparent().remove(colour)
            if properties.find(qn("w:shd")) is not None:
                properties.remove(properties.find(qn("w:shd")))
            style_id = named.get(qn("w:val"))
            fill = _from_styles(document, style_id, f"{qn('w:pPr')}/{qn('w:shd')}")
            ink = _from_styles(document, style_id, f"{qn('w:rPr')}/{qn('w:color')}") or "000000"
            assert fill, (path.name, style_id)
            size = float(_from_styles(document, style_id, f"{qn('w:rPr')}/{qn('w:sz')}") or 22) / 2
            least = 3.0 if size >= 18 else 4.5  # WCAG: large text (the big number) at 3:1
            if "".join(t.text or "" for t in paragraph.iter(qn("w:t"))).strip():
                assert _contrast(fill, ink) >= least, (path.name, style_id, fill, ink, size)
                checked += 1
    assert checked > 30


def test_step_numbers_are_set_as_the_print_sets_its_badges(word_files):
    """The pathway's numbers in the heavy face and the primary colour, from the list's own level."""
    import zipfile

    for path in word_files:
        with zipfile.ZipFile(path) as archive:
            numbering = archive.read("word/numbering.xml").decode()
        assert 'w:ascii="Lato Black"' in numbering and 'w:color w:val="0B4F71"' in numbering, path.name
