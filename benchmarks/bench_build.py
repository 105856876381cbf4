"""Benchmark: how long the default brochures take, stage by stage, and peak memory.

Run: python benchmarks/bench_build.py [--repeat N]
Target: the six default files (3 audiences x PDF + DOCX) in well under a second
once the libraries are imported; a cold `career-brochure build` is timed too.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def timed(fn, *args):
    start = time.perf_counter()
    result = fn(*args)
    return result, time.perf_counter() - start


def one_build(out: Path) -> dict[str, float]:
    """Seconds per stage for the default profile, every audience, both formats."""
    from generator.gather import DEFAULT_PROFILE, read_profile
    from generator.charts import render_charts
    from generator.compose import compose
    from generator.compose.templates import load_audience, load_layout, load_style, names
    from generator.render import measure, render

    times = dict.fromkeys(("load", "charts", "compose", "pdf", "docx"), 0.0)
    (profile, _), times["load"] = timed(read_profile, DEFAULT_PROFILE)
    style = load_style()
    charts, times["charts"] = timed(render_charts, profile, style)
    for name in names("audiences"):
        audience = load_audience(name)
        layout = load_layout(audience.default_layout)
        brochure, spent = timed(compose, profile, "bench", audience, layout, "letter", style, charts, measure)
        times["compose"] += spent
        for fmt in ("pdf", "docx"):
            data, spent = timed(render, fmt, brochure)
            times[fmt] += spent
            (out / f"{brochure.file_stem}.{fmt}").write_bytes(data)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        one_build(Path(tmp))  # first run: imports, font registration, caches
        first = time.perf_counter() - start
        runs = [one_build(Path(tmp)) for _ in range(args.repeat)]
        cold = []
        for _ in range(3):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "generator", "build", "-o", tmp], check=True,
                           capture_output=True, cwd=ROOT)
            cold.append(time.perf_counter() - start)
    print(f"first in-process build (imports included): {first:.3f} s")
    for stage in runs[0]:
        print(f"  {stage:<8} median {statistics.median(r[stage] for r in runs) * 1000:7.1f} ms")
    totals = [sum(r.values()) for r in runs]
    print(f"warm build, 6 files: median {statistics.median(totals) * 1000:.0f} ms over {args.repeat} runs")
    print(f"cold CLI `career-brochure build` (new process): median {statistics.median(cold):.2f} s")
    print(f"peak memory of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
