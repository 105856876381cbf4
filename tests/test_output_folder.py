"""`-o` that cannot take the brochures: one line naming the path, exit 2, nothing written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "medical-records-specialists.yaml"


def _build(out: Path, *more: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "build", str(SEED), "-o", str(out), *more],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)


def _one_line_exit_2(result: subprocess.CompletedProcess, path: Path, says: str) -> None:
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2, result.stderr
    assert len(lines) == 1 and str(path) in lines[0] and says in lines[0], lines
    assert "Error" not in result.stderr and "Traceback" not in result.stderr


def _written(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def test_output_under_a_file(tmp_path):
    (tmp_path / "a-file").write_text("x")
    out = tmp_path / "a-file" / "brochures"
    for command in ((), ("-j", "2")):
        _one_line_exit_2(_build(out, *command), out, "a file is in the way")


def test_output_that_is_a_file(tmp_path):
    out = tmp_path / "brochures"
    out.write_text("x")
    _one_line_exit_2(_build(out), out, "is a file")  # Click's own check of -o
    assert out.read_text() == "x"


def test_a_file_where_the_profiles_folder_goes(tmp_path):
    blocker = tmp_path / "medical-records-specialists"
    blocker.write_text("x")
    _one_line_exit_2(_build(tmp_path), blocker, "a file is where this profile's folder goes")
    assert _written(tmp_path) == [blocker]


def test_a_folder_where_a_brochure_goes(tmp_path):
    """Checked before any file is put in place: none of the six is written, no temporary file left."""
    blocker = tmp_path / "medical-records-specialists" / "job-seekers-flyer.pdf"
    blocker.mkdir(parents=True)
    _one_line_exit_2(_build(tmp_path), blocker, "a folder is where this brochure goes")
    assert _written(tmp_path) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders (this runs as another user)")
def test_a_read_only_output_folder(tmp_path):
    out = tmp_path / "read-only"
    out.mkdir()
    out.chmod(0o555)
    try:
        _one_line_exit_2(_build(out), out, "cannot write in this folder")
        assert _written(out) == []
    finally:
        out.chmod(0o755)
