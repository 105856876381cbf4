"""Every message is one line per problem, starting with the file's path, with no character a
terminal would obey: keys, values and file names are shown escaped, never printed raw. A key given
twice is refused, naming both lines."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.errors import ProfileError, printable
from generator.profile.yaml_io import load_profile

ROOT = Path(__file__).resolve().parents[1]
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")
NASTY = ["\n", "\r", "\u2028", "\u2029", "\x1b[2J", "\x1b]0;title\x07", "\u202e", "\u2066", "\x00", "\x85"]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True, cwd=ROOT)


def _lines_ok(stderr: str, path: Path) -> list[str]:
    lines = stderr.splitlines()
    for line in lines:
        assert not RAW.search(line), repr(line)
        assert line.startswith(printable(path)), repr(line)
    return lines


@pytest.mark.parametrize("nasty", NASTY, ids=[repr(n) for n in NASTY])
def test_a_key_holding_control_characters_is_one_escaped_line(tmp_path, nasty):
    path = tmp_path / "x.yaml"
    key = f"title{nasty}FAKE.yaml:99: title"
    path.write_text(yaml.safe_dump({"title": "Welders", key: 1}, allow_unicode=True), encoding="utf-8")
    for command in ("validate", "build"):
        done = run(command, str(path), "-o", str(tmp_path / "out")) if command == "build" else run(command, str(path))
        assert done.returncode == 2
        lines = _lines_ok(done.stderr, path)
        assert len(lines) == 1, lines


@pytest.mark.parametrize("nasty", ["\n", "\x1b[2J", "\u2028"], ids=["newline", "escape", "line separator"])
def test_a_file_name_is_shown_escaped(tmp_path, nasty):
    path = tmp_path / f"bad{nasty}FAKE.yaml:9: x.yaml"
    path.write_text("title: Welders\nlevels: 3\n", encoding="utf-8")
    done = run("validate", str(path))
    assert done.returncode == 2
    assert len(_lines_ok(done.stderr, path)) == 1


@pytest.mark.parametrize("text, line, first", [
    ("title: A\noverview: x\ntitle: B\n", 3, 1),
    ("title: A\nlevels:\n  - name: Entry\n    name: Mid\n", 4, 3),
    ("title: A\nmedian_pay: {annual: 50000, annual: 60000}\n", 2, 2),
], ids=["top level", "inside a level", "flow mapping"])
def test_a_key_given_twice_is_refused_naming_both_lines(tmp_path, text, line, first):
    path = tmp_path / "twice.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    (problem,) = caught.value.problems
    assert problem.startswith(f"{path}:{line}:") and f"lines {first} and {line}" in problem
    assert run("validate", str(path)).returncode == 2


def test_a_key_given_twice_in_a_brand_is_refused(tmp_path):
    brand = tmp_path / "brand.yaml"
    brand.write_text("name: Riverside\nname: Other\n", encoding="utf-8")
    done = run("build", "--brand", str(brand), "-o", str(tmp_path / "out"))
    assert done.returncode == 2
    assert "given twice (lines 1 and 2)" in done.stderr and not (tmp_path / "out").exists()


PRINTABLE_KEYS = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(key=PRINTABLE_KEYS, value=PRINTABLE_KEYS, nasty=st.sampled_from(NASTY))
def test_any_key_or_value_gives_lines_a_terminal_prints_as_they_are(tmp_path, key, value, nasty):
    """Keys and values with controls, escapes and direction marks: every problem is one line that
    starts with the file's path and holds no raw control character (checked in-process: the CLI
    prints these very lines)."""
    path = tmp_path / "h.yaml"
    path.write_text(yaml.safe_dump({"title": value + nasty, key + nasty: value, "levels": nasty},
                                   allow_unicode=True), encoding="utf-8")
    try:
        load_profile(path)
    except ProfileError as exc:
        from generator.errors import printable_lines

        shown = printable_lines(exc.format_message()).splitlines()
        assert len(shown) == len(exc.problems)
        for line in shown:
            assert not RAW.search(line), repr(line)
            assert line.startswith(printable(path)), repr(line)


def test_a_folder_build_counts_failed_profiles_not_problems(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text((ROOT / "tests/fixtures/import/two-levels.txt").read_text(encoding="utf-8"),
                                     encoding="utf-8")
    (folder / "bad.yaml").write_text("title: A\nlevels: 3\nmedian_pay: x\ngrowth: y\n", encoding="utf-8")
    done = run("build", str(folder), "-o", str(tmp_path / "out"), "-f", "pdf")
    assert done.returncode == 1
    assert len([line for line in done.stderr.splitlines() if line.startswith(str(folder / "bad.yaml"))]) == 3
    assert ", 1 profile(s) failed" in done.stdout


@pytest.mark.parametrize("figure, message", [
    ("0x10", "valid number"), ("1:30", "valid number"), ("0b101", "valid number"), ("9" * 5000, "finite number"),
], ids=["hex", "sexagesimal", "binary", "5000 digits"])
def test_pay_is_written_as_a_plain_number(tmp_path, figure, message):
    """YAML 1.1 would read '0x10' as 16 and '1:30' as 90; a 5,000-digit integer would crash the reader."""
    path = tmp_path / "pay.yaml"
    path.write_text(f"title: Welders\nmedian_pay: {{annual: {figure}}}\n", encoding="utf-8")
    done = run("validate", str(path))
    assert done.returncode == 2
    (line,) = done.stderr.splitlines()
    assert line.startswith(f"{path}:2: median_pay.annual:") and message in line


@pytest.mark.parametrize("email", ["x@y.edu?bcc=z%40evil.com", "x@y.edu&cc=z@evil.com", "x y@z.com", "mailto:x@y.com"])
def test_a_brand_email_is_an_address_only(tmp_path, email):
    brand = tmp_path / "brand.yaml"
    brand.write_text(yaml.safe_dump({"name": "Riverside", "contact": {"email": email}}), encoding="utf-8")
    done = run("build", "--brand", str(brand), "-o", str(tmp_path / "out"), "-f", "pdf")
    assert done.returncode == 2 and "contact.email" in done.stderr and "e-mail address" in done.stderr
