"""Charts kept between runs (generator/chart_cache.py): a second build of the same profile takes
its charts from disk without importing Matplotlib, and prints the same bytes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from generator.gather import DEFAULT_PROFILE
from generator.chart_cache import FORMAT
from conftest import ROOT


def run(out: Path, cache: Path | str, *args: str, importtime: bool = False) -> subprocess.CompletedProcess:
    command = [sys.executable, *(["-X", "importtime"] if importtime else []), "-m", "generator", "build", *args,
               "-o", str(out)]
    env = {**os.environ, "CAREER_BROCHURE_CACHE": str(cache)}
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    return result


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def entries(cache: Path) -> list[Path]:
    return sorted(cache.rglob("*.json"))


def imported_matplotlib(result: subprocess.CompletedProcess) -> bool:
    return any(re.search(r"\|\s+matplotlib$", line.rstrip()) for line in result.stderr.splitlines())


def test_a_second_build_takes_its_charts_from_the_cache_and_prints_the_same_bytes(tmp_path):
    cache = tmp_path / "cache"
    first = run(tmp_path / "first", cache, importtime=True)
    assert imported_matplotlib(first)
    assert len(entries(cache)) == 1
    second = run(tmp_path / "second", cache, importtime=True)
    assert not imported_matplotlib(second)
    run(tmp_path / "none", "off")
    assert files(tmp_path / "first") == files(tmp_path / "second") == files(tmp_path / "none")
    assert len(files(tmp_path / "first")) == 6


def test_a_damaged_entry_is_drawn_again(tmp_path):
    cache = tmp_path / "cache"
    run(tmp_path / "first", cache, "-f", "pdf")
    (entry,) = entries(cache)
    entry.write_text(json.dumps({"format": FORMAT, "charts": [{"chart_id": "x", "vector": [["path", "not a path!"]]}]}),
                     encoding="utf-8")
    again = run(tmp_path / "again", cache, "-f", "pdf", importtime=True)
    assert imported_matplotlib(again)
    assert files(tmp_path / "first") == files(tmp_path / "again")
    assert b"not a path" not in entry.read_bytes()


def test_another_profile_language_or_format_is_another_entry(tmp_path):
    cache = tmp_path / "cache"
    run(tmp_path / "a", cache, "-f", "pdf")
    run(tmp_path / "b", cache, "-f", "docx")  # PNG art, not vector
    run(tmp_path / "c", cache, "-f", "pdf", "--lang", "es")  # the English edition's entry is reused
    changed = tmp_path / "welders.yaml"
    changed.write_text(DEFAULT_PROFILE.read_text(encoding="utf-8").replace("max: 45000", "max: 46000"),
                       encoding="utf-8")
    run(tmp_path / "d", cache, str(changed), "-f", "pdf")
    assert len(entries(cache)) == 4
    assert "$35K–$46K" in subprocess.run(["pdftotext", str(tmp_path / "d" / "welders" / "students-trifold.pdf"), "-"],
                                         capture_output=True, text=True).stdout


def test_a_cache_that_cannot_be_written_leaves_the_build_as_it_is(tmp_path):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder would go", encoding="utf-8")
    run(tmp_path / "out", blocked, "-f", "pdf")
    assert len(files(tmp_path / "out")) == 3


def test_one_profile_on_two_processes_gives_the_same_bytes_as_on_one(tmp_path):
    """A single profile's audiences are built on several cores (its charts drawn once, before)."""
    run(tmp_path / "one", "off", "--jobs", "1", "--lang", "en", "--lang", "es")
    run(tmp_path / "two", "off", "--jobs", "2", "--lang", "en", "--lang", "es")
    assert files(tmp_path / "one") == files(tmp_path / "two")
    assert len(files(tmp_path / "one")) == 12


def test_the_cache_keeps_the_most_recently_used_entries_only(tmp_path):
    from generator.chart_cache import prune

    folder = tmp_path / "cache"
    for index in range(5):
        entry = folder / f"{index:02}" / f"{index:064}.json"
        entry.parent.mkdir(parents=True)
        entry.write_text("{}", encoding="utf-8")
        os.utime(entry, (1_000_000 + index, 1_000_000 + index))
    assert prune(folder, keep=3) == 2
    assert sorted(p.parent.name for p in folder.rglob("*.json")) == ["02", "03", "04"]


def test_a_display_list_reads_back_from_json_as_drawn_and_anything_else_is_refused():
    """The cache stores the PDF's vector charts as JSON: what was drawn reads back equal; a damaged
    or hostile entry is refused as one error (redrawn), never a crash in the PDF writer."""
    import json

    import pytest

    from generator.charts import render_charts
    from generator.compose.display_list import Malformed, from_plain
    from generator.compose.templates import load_style
    from generator.profile.yaml_io import load_profile

    drawn = render_charts(load_profile(DEFAULT_PROFILE)[0], load_style(), ("vector",))
    for art in drawn.values():
        assert from_plain(json.loads(json.dumps(art.vector))) == art.vector
    path = ["path", [[1, 0, 0], [2, 5, 5], [79]], "#ffffff", None, 0.5, None, "butt", "miter", [1, 1], None]
    text = ["text", 1, 2, "Entry Level", False, False, 8.5, "#000000", 1, "end", 0]
    assert len(from_plain([path, text])) == 2
    hostile = [
        {"not": "a list"}, [["circle", 1, 2]], [path[:9]], [["path", [[7, 0, 0]], *path[2:]]],
        [["path", [[1, 0]], *path[2:]]], [path[:2] + ["red"] + path[3:]], [path[:6] + ["square"] + path[7:]],
        [path[:4] + [float("inf")] + path[5:]], [path[:4] + [True] + path[5:]], [text[:3] + [None] + text[4:]],
        [text[:9] + ["left"] + text[10:]], [text[:6] + ["8.5"] + text[7:]], [path[:9] + [[0, 0, 1]]],
        [path[:5] + [[0, "dash"]] + path[6:]],
    ]
    for value in hostile:
        with pytest.raises(Malformed):
            from_plain(value)
