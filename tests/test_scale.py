"""Batches: shards, parallel builds, work done once and only what is asked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.build import BuildOptions, build
from generator.gather import parse_shard, shard_of
from generator.errors import InputError

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "medical-records-specialists.yaml"
FIXTURES = sorted((ROOT / "tests" / "fixtures" / "profiles").glob("*.txt"))


def run(*args: str, cwd: Path, env=None, timeout: float = 180) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=timeout)


def files_under(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("count", [1, 2, 3, 4, 5])
def test_shards_are_disjoint_and_cover_every_profile_once(count):
    paths = [Path(f"p{i:02}.yaml") for i in range(13)]
    shares = [shard_of(paths, (k, count)) for k in range(1, count + 1)]
    together = [p for share in shares for p in share]
    assert sorted(together) == paths  # every profile exactly once
    assert max(map(len, shares)) - min(map(len, shares)) <= 1


def test_shard_auto_reads_the_batch_engines_index():
    assert parse_shard("auto/4", {"JOB_COMPLETION_INDEX": "2"}) == (3, 4)
    assert parse_shard("auto/3", {"SLURM_ARRAY_TASK_ID": "0"}) == (1, 3)
    assert parse_shard(" 2/5 ", {}) == (2, 5)
    for bad, env in (("auto/4", {}), ("auto/4", {"JOB_COMPLETION_INDEX": "4"}), ("0/3", {}), ("4/3", {}),
                     ("2", {}), ("a/b", {}), ("1/0", {})):
        with pytest.raises(InputError, match="--shard"):
            parse_shard(bad, env)


def test_shards_built_separately_make_the_whole_batch(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for source in FIXTURES[:5]:
        (folder / source.name).write_bytes(source.read_bytes())
    whole = build([folder], BuildOptions(formats=("pdf",), audiences=("students",), output=tmp_path / "all"))
    parts = []
    for k in (1, 2):
        result = build([folder], BuildOptions(formats=("pdf",), audiences=("students",), shard=(k, 2),
                                              output=tmp_path / f"part{k}"))
        parts.append({p.parent.name for p in result.written})
    assert parts[0] and parts[1] and not parts[0] & parts[1]
    assert parts[0] | parts[1] == {p.parent.name for p in whole.written}
    merged = {**files_under(tmp_path / "part1"), **files_under(tmp_path / "part2")}
    assert merged == files_under(tmp_path / "all")


def test_jobs_2_gives_the_same_bytes_as_jobs_1(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for source in FIXTURES[:3]:
        (folder / source.name).write_bytes(source.read_bytes())
    for jobs in (1, 2):
        result = run("build", str(folder), "--jobs", str(jobs), "-o", str(tmp_path / f"j{jobs}"), cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("wrote 18 file(s)") and " in " in result.stdout
    assert files_under(tmp_path / "j1") == files_under(tmp_path / "j2")
    assert len(files_under(tmp_path / "j1")) == 18


def test_a_broken_profile_in_a_folder_fails_alone(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for source in FIXTURES[:2]:
        (folder / source.name).write_bytes(source.read_bytes())
    (folder / "broken.yaml").write_text("title: Couriers\nmedian_pay: [unclosed\n", encoding="utf-8")
    result = run("build", str(folder), "-f", "pdf", "-a", "students", "-o", str(tmp_path / "out"), cwd=tmp_path)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if "broken.yaml" in line]
    assert len(lines) == 1, result.stderr
    built = {Path(p).parts[0] for p in files_under(tmp_path / "out")}
    assert built == {FIXTURES[0].stem, FIXTURES[1].stem}
    assert "1 profile(s) failed" in result.stdout


def test_a_broken_profile_alone_is_bad_input(tmp_path):
    (tmp_path / "broken.yaml").write_text("title: Couriers\nmedian_pay: [unclosed\n", encoding="utf-8")
    result = run("build", "broken.yaml", "-o", "out", cwd=tmp_path)
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
    assert not files_under(tmp_path / "out")


def test_charts_are_drawn_once_per_profile_and_only_as_the_writers_take_them(tmp_path, monkeypatch):
    import generator.charts as charts
    from generator.charts import output

    drawn, made = [], []
    real_render, real_vector, real_png = charts.render_charts, output.display_list, output.png_bytes
    monkeypatch.setattr(charts, "render_charts", lambda *a, **k: drawn.append(1) or real_render(*a, **k))
    monkeypatch.setattr(output, "display_list", lambda fig: made.append("vector") or real_vector(fig))
    monkeypatch.setattr(output, "png_bytes", lambda fig: made.append("png") or real_png(fig))
    result = build([SEED], BuildOptions(output=tmp_path / "both"))  # 3 audiences x 2 formats
    assert len(result.written) == 6 and len(drawn) == 1
    assert sorted(made) == ["vector", "vector"]  # two charts, each once; Word draws its own from their data
    drawn.clear(), made.clear()
    build([SEED], BuildOptions(formats=("docx",), output=tmp_path / "docx"))
    assert len(drawn) == 1 and made == []  # a Word-only build records no drawing and renders no PNG


def test_a_batch_over_several_worker_pools_writes_every_file_as_one_process_does(tmp_path, monkeypatch):
    """Workers are forked afresh every JOBS_PER_POOL profiles (memory stays flat): every profile
    is still built once, in order, with the same bytes."""
    from generator import parallel

    monkeypatch.setattr(parallel, "JOBS_PER_POOL", 2)
    sources = FIXTURES[:3]
    options = dict(formats=("pdf",), audiences=("students",))
    one = build(sources, BuildOptions(output=tmp_path / "one", jobs=1, **options))
    pools = build(sources, BuildOptions(output=tmp_path / "pools", jobs=2, **options))
    assert len(pools.written) == len(one.written) == 3
    assert files_under(tmp_path / "pools") == files_under(tmp_path / "one")


def test_fitting_warmed_with_stand_in_charts_leaves_the_real_composing_little_to_measure(monkeypatch):
    """While a single profile's charts are drawn, this process composes with stand-in charts; the
    audience processes it forks then find most paragraph sizes already measured (and the warm-up
    never fails a build, whatever the profile)."""
    from reportlab.platypus import Paragraph

    from generator.gather import read_editions
    from generator.jobs import warm_fitting
    from generator.pipeline import brochures_for
    from generator.render import pdf_blocks

    options = BuildOptions()
    editions, _ = read_editions(SEED, options)
    brochures_for(editions["en"], "seed", options)  # charts drawn, writers loaded
    wraps = []
    real_wrap = Paragraph.wrap
    monkeypatch.setattr(Paragraph, "wrap", lambda self, *a: wraps.append(1) or real_wrap(self, *a))

    def composed() -> list:
        return list(brochures_for(editions["en"], "seed", options))

    pdf_blocks._HEIGHTS.clear()
    cold = composed()
    cold_wraps = len(wraps)
    pdf_blocks._HEIGHTS.clear()
    warm_fitting(editions, "seed", options, None)
    wraps.clear()
    assert composed() == cold  # the same brochures
    assert cold_wraps > 100 and len(wraps) < cold_wraps / 3, (cold_wraps, len(wraps))
    broken = editions["en"].model_copy(update={"levels": None})  # nothing valid to compose: no exception
    warm_fitting({"en": broken}, "seed", options, None)
