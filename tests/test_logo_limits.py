"""Logos that could crash or stall a build are refused when the brand file is read: exit 2, one line
`BRAND.yaml:LINE: logo: …`, for `validate --brand` and `build`, nothing written."""

from __future__ import annotations

import io
import resource
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "medical-records-specialists.yaml"


def _svg(body: str, attrs: str = 'width="100" height="40"') -> bytes:
    return f'<svg xmlns="http://www.w3.org/2000/svg" {attrs}>{body}</svg>'.encode()


def _png(width: int, height: int) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("1", (width, height)).save(out, "PNG", optimize=True)  # a 10000 x 10000 bilevel PNG is ~15 KB
    return out.getvalue()


NESTED = "<g>" * 100_000 + "</g>" * 100_000
ENTITY = b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>' \
         b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>&x;</text></svg>'
BOMB = b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>' \
       b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>&b;</text></svg>'

CASES = [
    ("svg 0x0", "logo.svg", _svg("<rect width='1' height='1'/>", 'width="0" height="0"'), "no size"),
    ("svg with no size", "logo.svg", _svg("<rect width='1' height='1'/>", ""), "no size"),
    ("svg 100k nested groups", "logo.svg", _svg(NESTED), "nests elements"),
    ("svg 30k elements", "logo.svg", _svg("<rect width='1' height='1'/>" * 30_000), "elements"),
    ("svg external entity", "logo.svg", ENTITY, "DTD or entities"),
    ("svg entity expansion", "logo.svg", BOMB, "DTD or entities"),
    ("svg not xml", "logo.svg", b"<svg <<<", "not well-formed"),
    ("png 20000 x 20000", "logo.png", _png(20_000, 20_000), "than a logo needs"),
    ("png 10000 x 10000", "logo.png", _png(10_000, 10_000), "than a logo needs"),
    ("png that is not one", "logo.png", b"\x89PNG\r\n\x1a\nnot really", "not a readable PNG"),
]


def _brand_file(tmp_path: Path, logo_name: str, data: bytes) -> Path:
    (tmp_path / logo_name).write_bytes(data)
    brand = tmp_path / "brand.yaml"
    brand.write_text(yaml.safe_dump({"name": "Eastside Career Office", "logo": logo_name}), encoding="utf-8")
    return brand


@pytest.mark.parametrize("command", ["validate", "build"])
@pytest.mark.parametrize("name,logo_name,data,says", CASES, ids=[c[0] for c in CASES])
def test_a_bad_logo_is_one_line_exit_2(tmp_path, name, logo_name, data, says, command):
    brand = _brand_file(tmp_path, logo_name, data)
    out = tmp_path / "out"
    args = [str(SEED), "--brand", str(brand)] + (["-o", str(out)] if command == "build" else [])
    result = subprocess.run([sys.executable, "-m", "generator", command, *args], capture_output=True,
                            text=True, cwd=ROOT, timeout=120)
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2, result.stderr[-500:]
    assert len(lines) == 1 and lines[0].startswith(f"{brand}:") and ": logo: " in lines[0], lines
    assert says in lines[0], lines
    assert not out.exists() or not [p for p in out.rglob("*") if p.is_file()]


def test_checking_a_huge_png_stays_small_and_quick(tmp_path):
    """The limit is read from the image's header: a 20000 x 20000 PNG is refused without decoding it."""
    from generator.logo_check import raster_problem

    data = _png(20_000, 20_000)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    problem, _ = raster_problem(data, "png")
    assert problem and "than a logo needs" in problem
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 50_000  # kB: nothing decoded
