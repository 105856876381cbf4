"""Hostile and odd input: one clear line and exit 2 (or exit 0 with right output), never a traceback,
a hang, a file outside -o, or a partial file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED_YAML = (ROOT / "data" / "medical-records-specialists.yaml").read_text(encoding="utf-8")
MINIMAL = "title: Couriers\nmedian_pay:\n  annual: 40000\n"


def run(*args: str, cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=timeout)


def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def yaml_with(field: str, value: str) -> str:
    return f"title: Couriers\n{field}\n".replace("VALUE", value)


# (name, file name, bytes, text the one line must contain)
BAD_FILES = [
    ("empty text", "empty.txt", b"", "empty"),
    ("binary", "binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
    ("invalid UTF-8", "latin.txt", "Café workers\nOverview\nThey cook.\n".encode("latin-1"), "not UTF-8"),
    ("no title line", "notitle.txt", b"1. Overview\nThey deliver parcels.\nMedian Pay: $40,000\n", "no title"),
    ("not a profile", "poem.txt", b"Roses\nare red and violets are blue\n", "no profile"),
    ("min above max in text", "range.txt",
     "Couriers\n2. Levels\nEntry Level\nJob Titles: Courier\nSalary Range: $55,000–$45,000\n".encode(), "min"),
    ("hourly pay too large", "hour.txt", b"Couriers\nMedian Pay: $9,000 per hour\n", "more than"),
    ("YAML syntax error", "syntax.yaml", b"title: [unclosed\n", "YAML syntax error"),
    ("YAML list at top", "list.yaml", b"- a\n- b\n", "expected a mapping"),
    ("YAML empty", "nothing.yaml", b"", "expected a mapping"),
    ("misspelt key", "typo.yaml", (MINIMAL + "medain_pay: 3\n").encode(), "medain_pay"),
    ("text for a number", "word.yaml", yaml_with("median_pay:\n  annual: VALUE", "lots").encode(), "median_pay.annual"),
    ("negative pay", "neg.yaml", yaml_with("median_pay:\n  annual: VALUE", "-5").encode(), "median_pay.annual"),
    ("infinite pay", "inf.yaml", yaml_with("median_pay:\n  annual: VALUE", ".inf").encode(), "finite"),
    ("NaN pay", "nan.yaml", yaml_with("median_pay:\n  annual: VALUE", ".nan").encode(), "finite"),
    ("huge pay", "huge.yaml", yaml_with("median_pay:\n  annual: VALUE", "1e100").encode(), "more than"),
    ("pay 1e29", "big.yaml", yaml_with("median_pay:\n  annual: VALUE", "1e29").encode(), "more than"),
    ("pay true", "bool.yaml", yaml_with("median_pay:\n  annual: VALUE", "true").encode(), "not true/false"),
    ("openings true", "openbool.yaml", yaml_with("outlook:\n  annual_openings: VALUE", "true").encode(), "true/false"),
    ("openings negative", "openneg.yaml", yaml_with("outlook:\n  annual_openings: VALUE", "-3").encode(),
     "annual_openings"),
    ("growth absurd", "growth.yaml", yaml_with("growth:\n  percent: VALUE", "5000").encode(), "growth.percent"),
    ("year far off", "year.yaml", yaml_with("median_pay:\n  annual: 40000\n  year: VALUE", "3000").encode(),
     "median_pay.year"),
    ("period reversed", "period.yaml", yaml_with("growth:\n  percent: 3\n  start_year: 2033\n  end_year: VALUE",
                                                  "2023").encode(), "start_year"),
    ("min above max in YAML", "minmax.yaml",
     b"title: X\nlevels:\n  - name: A\n    salary: {min: 9, max: 5, period: hour}\n", "min 9 is above max 5"),
    ("range without a top", "notop.yaml", b"title: X\nlevels:\n  - name: A\n    salary: {min: 9}\n", "max"),
    ("duplicate level", "dup.yaml", b"title: X\nlevels:\n  - name: A\n  - name: a\n", "appears twice"),
    ("levels not a list", "levels.yaml", b"title: X\nlevels: lots\n", "levels"),
    ("blank title", "blank.yaml", b"title: '   '\n", "title"),
    ("python tag", "tag.yaml", b"title: !!python/object/apply:os.system ['echo hi']\n", "YAML syntax error"),
    ("deep nesting", "deep.yaml", ("title: X\nnotes: " + "[" * 600 + "]" * 600 + "\n").encode(), "nested"),
    ("alias bomb", "bomb.yaml", (
        b'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n'
        b"c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
        b"e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ntitle: [*f,*f]\n"), "bomb.yaml"),
]


@pytest.mark.parametrize("name,file_name,data,says", BAD_FILES, ids=[c[0] for c in BAD_FILES])
@pytest.mark.parametrize("command", ["build", "validate"])
def test_bad_file_one_line_exit_2_nothing_written(tmp_path, name, file_name, data, says, command):
    if command == "validate" and file_name.endswith(".txt"):
        command = "import"
    path = tmp_path / file_name
    path.write_bytes(data)
    out = tmp_path / "out"
    args = [command, str(path)] + (["-o", str(out)] if command == "build" else [])
    result = run(*args, cwd=tmp_path, timeout=30)
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    assert lines and all(line.startswith(str(path)) for line in lines), lines
    assert says.casefold() in result.stderr.casefold()
    assert files_under(out) == []


@pytest.mark.parametrize("special", ["fifo", "/dev/zero", "/dev/urandom", "folder", "missing", "too large"])
@pytest.mark.parametrize("command", ["build", "validate", "import"])
def test_only_regular_files_of_sane_size_are_read(tmp_path, special, command):
    if special == "fifo":
        path = tmp_path / "pipe.yaml"
        os.mkfifo(path)
    elif special == "folder":
        path = tmp_path / "dir.txt"
        path.mkdir()
    elif special == "missing":
        path = tmp_path / "gone.yaml"
    elif special == "too large":
        path = tmp_path / "big.txt"
        path.write_bytes(b"Couriers\n" + b"a" * (6 * 1024 * 1024))
    else:
        path = Path(special)
    out = tmp_path / "out"
    args = [command, str(path)] + (["-o", str(out)] if command == "build" else [])
    if command == "build" and special == "folder":
        pytest.skip("a folder is a folder of profiles to build")
    result = run(*args, cwd=tmp_path, timeout=30)
    assert result.returncode == 2, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and str(path) in result.stderr
    assert files_under(out) == []


def test_output_folder_names_are_clean_and_inside_o(tmp_path):
    (tmp_path / "...yaml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "Weird Name (v2)!.yaml").write_text(MINIMAL, encoding="utf-8")
    out = tmp_path / "deep" / "out"
    result = run("build", str(tmp_path / "...yaml"), str(tmp_path / "Weird Name (v2)!.yaml"), "-o", str(out),
                 "-f", "pdf", "-a", "students", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = files_under(out)
    assert written and all(out in p.parents for p in written)
    assert {p.parent.name for p in written} == {"profile", "weird-name-v2"}
    assert files_under(tmp_path / "deep") == written  # nothing beside -o


def test_two_profiles_for_one_folder_is_an_error_before_anything_is_written(tmp_path):
    (tmp_path / "a.yaml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Couriers\nMedian Pay: $40,000 per year\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run("build", str(tmp_path), "-o", str(out), cwd=tmp_path)
    assert result.returncode == 2 and "same folder" in result.stderr
    assert files_under(out) == []


def test_one_failing_profile_never_stops_the_others(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.yaml").write_text(MINIMAL, encoding="utf-8")
    (folder / "b.yaml").write_text(MINIMAL + "overview: '" + "Records matter. " * 1500 + "'\n", encoding="utf-8")
    (folder / "c.yaml").write_text(MINIMAL, encoding="utf-8")
    out = tmp_path / "out"
    result = run("build", str(folder), "-o", str(out), "-f", "pdf", cwd=tmp_path, timeout=120)
    assert result.returncode == 1
    failures = [line for line in result.stderr.splitlines() if "does not fit" in line]
    assert len(failures) >= 1 and all(line.startswith(str(folder / "b.yaml")) for line in failures)
    assert {p.parent.name for p in files_under(out)} == {"a", "c"}
    assert not [p for p in out.rglob(".*") if p.is_file()]  # no temporary files left


def test_leftovers_of_a_killed_run_are_cleared(tmp_path):
    out = tmp_path / "out"
    (out / "a").mkdir(parents=True)
    leftover = out / "a" / ".students-trifold.pdf.x1y2.career-brochure.tmp"
    leftover.write_bytes(b"half a file")
    (tmp_path / "a.yaml").write_text(MINIMAL, encoding="utf-8")
    result = run("build", str(tmp_path / "a.yaml"), "-o", str(out), "-f", "pdf", "-a", "students", cwd=tmp_path)
    assert result.returncode == 0 and not leftover.exists()


@pytest.mark.parametrize("text", ["<b>bold</b> & <script>x</script>", "<font size=99>", "]]>&#0; <para>",
                                  "Bell\x07 and escape\x1b kept out"])
def test_markup_in_a_profile_prints_as_text(tmp_path, text):
    import yaml

    (tmp_path / "m.yaml").write_text(yaml.safe_dump({"title": "Couriers", "overview": text,
                                                     "median_pay": {"annual": 40000}}), encoding="utf-8")
    out = tmp_path / "out"
    result = run("build", str(tmp_path / "m.yaml"), "-o", str(out), "-f", "pdf", "-a", "counselors", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    if subprocess.run(["which", "pdftotext"], capture_output=True).returncode == 0:
        pdf = next(out.rglob("*.pdf"))
        printed = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        assert text.split()[0].strip("\x07\x1b") in printed


def test_unknown_audience_and_layout_are_one_line(tmp_path):
    for args in (["-a", "nobody"], ["-l", "nothing"]):
        result = run("build", *args, "-o", str(tmp_path / "out"), cwd=tmp_path)
        assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
        assert "unknown" in result.stderr and "Traceback" not in result.stderr


def _templates_copy(tmp_path: Path) -> Path:
    import shutil

    copy = tmp_path / "checkout"
    shutil.copytree(ROOT / "templates", copy / "templates")
    shutil.copytree(ROOT / "generator", copy / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "data", copy / "data")
    return copy


@pytest.mark.parametrize("file_name,old,new,says", [
    ("styles/default.yaml", "  primary_light:", "  unused_light:", "primary_light"),
    ("layouts/flyer.yaml", "  a4: [210mm, 297mm]\n", "", "a4"),
    ("audiences/students.yaml", "id: overview", "id: overveiw", "overveiw"),
])
def test_a_broken_template_is_one_line_naming_file_and_key(tmp_path, file_name, old, new, says):
    copy = _templates_copy(tmp_path)
    path = copy / "templates" / file_name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = run("build", "-o", str(tmp_path / "out"), cwd=copy)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and file_name.split("/")[-1] in lines[0] and says in lines[0], lines
    assert files_under(tmp_path / "out") == []


def test_a_very_long_title_is_shortened_on_the_cover_with_a_warning(tmp_path):
    title = ", ".join(f"Health Information Specialist Grade {n}" for n in range(1, 12))
    (tmp_path / "t.yaml").write_text(f"title: '{title}'\nmedian_pay:\n  annual: 40000\n", encoding="utf-8")
    result = run("build", str(tmp_path / "t.yaml"), "-o", str(tmp_path / "out"), "-f", "pdf", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "shortens it to" in result.stderr and "\u2026" in result.stderr
    assert {p.parent.name for p in files_under(tmp_path / "out")} == {"t"}  # the file name stays short
