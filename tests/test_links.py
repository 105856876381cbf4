"""Only http(s) and mailto addresses become links, Word hyperlinks or QR codes, in every brochure."""

from __future__ import annotations

import io
import re
import zipfile

import pytest

from conftest import make_brochure
from generator.compose.model import Link, QRCode
from generator.links import is_web_link
from generator.profile.model import Profile

SAFE = ["https://www.bls.gov/ooh/healthcare/x.htm", "http://example.org/a?b=1&c=2", "mailto:careers@example.org"]
HOSTILE = ["javascript:alert(1)", "vbscript:msgbox(1)", "file:///etc/passwd", "data:text/html,<script>x</script>",
           "\\\\host\\share\\x.exe", "https://ok.example/a b", 'https://ok.example/"onmouseover', "https://x/>y",
           "JaVaScRiPt:alert(1)", "https://example.org/\x07"]


def test_only_web_addresses_count_as_links():
    assert all(is_web_link(url) for url in SAFE)
    assert not any(is_web_link(url) for url in HOSTILE)


def _profile(urls: list[str]) -> Profile:
    with pytest.warns(UserWarning) if any(not is_web_link(u) for u in urls) else _no_warning():
        return Profile.model_validate({
            "title": "Couriers", "overview": "Couriers carry parcels.",
            "median_pay": {"annual": 40000},
            "levels": [{"name": "Courier", "salary": {"min": 35000, "max": 45000}}],
            "sources": [{"name": f"Source {i}", "url": url} for i, url in enumerate(urls)],
        })


class _no_warning:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def _pdf_uris(data: bytes) -> list[str]:
    from pypdf import PdfReader

    uris = []
    for page in PdfReader(io.BytesIO(data)).pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action and "/URI" in action:
                uris.append(str(action["/URI"]))
    return uris


def _docx_targets(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        rels = package.read("word/_rels/document.xml.rels").decode("utf-8")
    return re.findall(r'Target="([^"]*)"[^>]*TargetMode="External"', rels) + \
        re.findall(r'TargetMode="External"[^>]*Target="([^"]*)"', rels)


@pytest.mark.parametrize("audience", ["students", "job-seekers", "counselors"])
def test_hostile_addresses_print_as_text_and_never_link(audience):
    from generator.render import render

    profile = _profile(HOSTILE[:4] + SAFE[:1])
    brochure = make_brochure(profile, audience)
    blocks = [b for p in brochure.panels for s in p.sections for b in s.blocks]
    assert all(is_web_link(b.url) for b in blocks if isinstance(b, (Link, QRCode)))
    for uri in _pdf_uris(render("pdf", brochure)):
        assert is_web_link(uri), uri
    for target in _docx_targets(render("docx", brochure)):
        assert is_web_link(target.replace("&amp;", "&")), target


def test_safe_addresses_are_real_links_in_both_formats():
    from generator.render import render

    brochure = make_brochure(_profile(SAFE), "counselors")
    assert set(SAFE) <= set(_pdf_uris(render("pdf", brochure)))
    targets = {t.replace("&amp;", "&") for t in _docx_targets(render("docx", brochure))}
    assert set(SAFE) <= targets


def test_a_hostile_address_is_named_in_a_warning(tmp_path):
    from generator.profile.importer import import_text

    text = "Couriers\nOverview\nCouriers carry parcels.\nMedian Pay: $40,000 per year\nSources\nBLS – javascript:alert(1)\n"
    profile, warnings = import_text(text, "x.txt")
    assert profile.sources == [] or not is_web_link(profile.sources[0].url or "")


def test_a_web_address_breaks_after_a_slash_rather_than_inside_its_domain():
    """'riverside.example.edu/' | 'programs/hit', not 'riverside.example.' | 'edu/programs/hit'."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from generator.render.pdf_blocks import _url_lines

    url = "https://riverside.example.edu/programs/hit"
    width = stringWidth("https://riverside.example.edu/progr", "Helvetica", 9)
    lines = _url_lines(url, width, "Helvetica", 9)
    assert "".join(lines) == url and lines[0] == "https://riverside.example.edu/"
    assert all(stringWidth(line, "Helvetica", 9) <= width for line in lines)
