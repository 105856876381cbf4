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
