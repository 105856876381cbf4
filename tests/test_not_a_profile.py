"""A profile, twin or brand that is a symlink to a file that is not YAML at all (a system file, say):
one line, never the file's own lines."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "medical-records-specialists.yaml"
# a password file's shape: 25 lines of colon-separated fields
PASSWD = "".join(f"user{n}:x:{1000 + n}:{1000 + n}:User {n},,,:/home/user{n}:/bin/bash\n" for n in range(25))


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=120)


@pytest.fixture
def system_file(tmp_path) -> Path:
    path = tmp_path / "etc" / "passwd"
    path.parent.mkdir()
    path.write_text(PASSWD)
    return path


def _one_line_no_quote(result: subprocess.CompletedProcess, where: Path) -> None:
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2, result.stderr
    assert len(lines) == 1 and lines[0].startswith(f"{where}:"), lines
    assert "/bin/bash" not in result.stderr and "user1" not in result.stderr, lines  # none of its lines quoted


@pytest.mark.parametrize("command", ["validate", "build"])
def test_a_profile_linked_to_a_system_file(tmp_path, system_file, command):
    link = tmp_path / "profile.yaml"
    link.symlink_to(system_file)
    _one_line_no_quote(_run(command, str(link), *(["-o", str(tmp_path / "out")] if command == "build" else [])),
                       link)


@pytest.mark.parametrize("command", ["validate", "build"])
def test_a_twin_linked_to_a_system_file(tmp_path, system_file, command):
    base = tmp_path / "nurses.yaml"
    base.write_bytes(SEED.read_bytes())
    twin = tmp_path / "nurses.es.yaml"
    twin.symlink_to(system_file)
    args = [str(twin)] if command == "validate" else [str(base), "--lang", "es", "-o", str(tmp_path / "out")]
    _one_line_no_quote(_run(command, *args), twin)


@pytest.mark.parametrize("command", ["validate", "build"])
def test_a_brand_linked_to_a_system_file(tmp_path, system_file, command):
    brand = tmp_path / "brand.yaml"
    brand.symlink_to(system_file)
    more = ["-o", str(tmp_path / "out")] if command == "build" else []
    _one_line_no_quote(_run(command, str(SEED), "--brand", str(brand), *more), brand)
