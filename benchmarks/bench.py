"""The speed and scale benchmark: prints one JSON line (and, with --table, the README's table).

    python benchmarks/bench.py            # everything (about 3 minutes on a 2-core machine)
    python benchmarks/bench.py --quick    # N = 20 only
    PEER_PYTHON=/path/to/venv/bin/python python benchmarks/bench.py   # with the WeasyPrint peer

Measures, each in fresh processes of the installed `career-brochure`:
- cold_build: the default build (6 files), median of 5 runs, wall and CPU seconds, each with an
  empty chart cache (a profile's first build);
- cold_build_charts_cached: the same with the charts an earlier run left in the chart cache;
- single_trifold_pdf: `build -a students -f pdf`, whole process, median of 5, empty chart cache;
- single_trifold_pdf_weasyprint_peer: the same tri-fold made the WeasyPrint way (HTML with inline
  Matplotlib SVG; benchmarks/weasyprint_peer.py), whole process, median of 5, and how many times
  ours its CPU time is; only with a Python that has WeasyPrint (--peer-python or $PEER_PYTHON);
- batch: documents per second for N synthetic profiles (the seed varied in titles, figures and
  text lengths) with the default --jobs, and the peak memory of the whole run (PSS and RSS summed
  over every process of the run, sampled every 20 ms from /proc);
- help: `career-brochure --help`, median of 5.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "medical-records-specialists.yaml"
TOOL = [sys.executable, "-m", "generator"]


def _tree_memory(pid: int) -> tuple[int, int]:
    """(RSS, PSS) in bytes of a process and all its descendants, from /proc. RSS counts the pages
    forked workers share with their parent once per process; PSS shares them out, so the sum of
    PSS is the memory the run really holds."""
    rss = pss = 0
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/smaps_rollup") as rollup:
                for line in rollup:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1]) * 1024
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1]) * 1024
            with open(f"/proc/{current}/task/{current}/children") as children:
                stack += [int(c) for c in children.read().split()]
        except (OSError, ValueError):
            continue
    return rss, pss


def timed(args: list[str], cwd: Path, cache: Path | str = "off", memory: bool = False) -> dict:
    """Wall and CPU seconds (this process's children) of one command, and with `memory` the peak
    memory of its process tree (sampling /proc slows a short run by ~7%, so only the batches
    sample); `cache` is the chart cache folder it may use (generator/chart_cache.py), 'off' for none."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    env = {**os.environ, "CAREER_BROCHURE_CACHE": str(cache)}
    process = subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    peak, done = [0, 0], threading.Event()

    def sample():
        while memory and not done.is_set():
            rss, pss = _tree_memory(process.pid)
            peak[0], peak[1] = max(peak[0], rss), max(peak[1], pss)
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = process.communicate()
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if process.returncode not in (0,):
        raise SystemExit(f"{' '.join(args)} failed ({process.returncode}): {err.decode()[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    times = {"wall_s": round(wall, 3), "cpu_s": round(cpu, 3)}
    return {**times, "peak_rss_mb": round(peak[0] / 2**20, 1), "peak_pss_mb": round(peak[1] / 2**20, 1)} \
        if memory else times


def median_of(runs: list[dict]) -> dict:
    return {key: round(statistics.median(run[key] for run in runs), 3) for key in runs[0]}


def synthetic_profiles(count: int, folder: Path) -> None:
    """The seed, varied: titles, every figure (scaled), text lengths (sentences dropped or repeated)."""
    seed = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    rng = random.Random(20261128)
    for index in range(count):
        profile = json.loads(json.dumps(seed))
        profile["title"] = f"{seed['title']} {rng.choice(['I', 'II', 'III', 'Lead', 'Associate'])} {index}"
        factor = rng.uniform(0.6, 1.8)
        profile["median_pay"]["annual"] = round(seed["median_pay"]["annual"] * factor, -1)
        profile["median_pay"]["hourly"] = round(profile["median_pay"]["annual"] / 2080, 2)
        for level in profile.get("levels", []):
            salary = level.get("salary") or {}
            for key in ("min", "max"):
                if isinstance(salary.get(key), (int, float)):
                    salary[key] = round(salary[key] * factor, -2)
        sentences = [s.strip() + "." for s in seed["overview"].split(".") if s.strip()]
        length = rng.randint(1, len(sentences) + 2)
        profile["overview"] = " ".join((sentences * 2)[:length])
        if rng.random() < 0.3:
            profile.get("regional", {}).pop("top_paying_industries", None)
        (folder / f"occupation-{index:03}.yaml").write_text(yaml.safe_dump(profile, sort_keys=False),
                                                           encoding="utf-8")


def _peer(python: str, work: Path, runs: int, ours: dict) -> dict:
    """The students tri-fold made the WeasyPrint way, whole process, median of `runs`; and how
    many times its CPU time ours is."""
    peer = [sys.executable, str(ROOT / "benchmarks" / "weasyprint_peer.py")]
    content = work / "peer.json"
    subprocess.run([*peer, "export", str(SEED), str(content)], check=True, cwd=ROOT)  # untimed
    script = [python, *peer[1:], "render", str(content)]
    result = median_of([timed([*script, str(work / f"peer{i}.pdf")], ROOT) for i in range(runs)])
    return {**result, "cpu_times_ours": round(result["cpu_s"] / ours["cpu_s"], 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="N = 20 only, 3 runs")
    parser.add_argument("--table", action="store_true", help="also print a Markdown table")
    parser.add_argument("--peer-python", metavar="PYTHON", default=os.environ.get("PEER_PYTHON"),
                        help="a Python with WeasyPrint and Matplotlib installed, to time the same tri-fold "
                             "made the WeasyPrint way (benchmarks/weasyprint_peer.py); default $PEER_PYTHON")
    options = parser.parse_args()
    runs = 3 if options.quick else 5
    sizes = (20,) if options.quick else (20, 100, 200)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        # the first run fills OS caches (.pyc, fonts) and a chart cache for the 'cached' runs
        timed([*TOOL, "build", "-o", str(work / "warm")], ROOT, work / "charts")
        cold = median_of([timed([*TOOL, "build", "-o", str(work / f"cold{i}")], ROOT, work / f"empty{i}")
                          for i in range(runs)])
        cached = median_of([timed([*TOOL, "build", "-o", str(work / f"cached{i}")], ROOT, work / "charts")
                            for i in range(runs)])
        single = median_of([timed([*TOOL, "build", "-a", "students", "-f", "pdf", "-o", str(work / f"one{i}")],
                                  ROOT, work / f"empty-one{i}") for i in range(runs)])
        help_run = median_of([timed([*TOOL, "--help"], ROOT) for _ in range(runs)])
        peer = _peer(options.peer_python, work, runs, single) if options.peer_python else None
        batch = {}
        for count in sizes:
            folder = work / f"in{count}"
            folder.mkdir()
            synthetic_profiles(count, folder)
            result = timed([*TOOL, "build", str(folder), "-o", str(work / f"out{count}")], ROOT, work / f"b{count}",
                           memory=True)
            documents = sum(1 for p in (work / f"out{count}").rglob("*") if p.suffix in (".pdf", ".docx"))
            batch[str(count)] = {**result, "documents": documents,
                                 "documents_per_s": round(documents / result["wall_s"], 1)}
            shutil.rmtree(work / f"out{count}")
    report = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "system": platform.platform()},
        "cold_build": cold, "cold_build_charts_cached": cached, "single_trifold_pdf": single, "help": help_run,
        "single_trifold_pdf_weasyprint_peer": peer,
        "batch": batch,
    }
    print(json.dumps(report))
    if options.table:
        print(f"\n| measure | result |\n|---|---|\n"
              f"| cold `career-brochure build` (6 files), median of {runs} | {cold['wall_s']} s wall, "
              f"{cold['cpu_s']} s CPU |\n"
              f"| the same, charts from an earlier run's cache | {cached['wall_s']} s wall, {cached['cpu_s']} s CPU |\n"
              f"| one students tri-fold PDF, whole process | {single['wall_s']} s wall, {single['cpu_s']} s CPU |\n"
              + (f"| the same made the WeasyPrint way (HTML, inline Matplotlib SVG) | {peer['wall_s']} s wall, "
                 f"{peer['cpu_s']} s CPU: ours is {peer['cpu_times_ours']}x faster in CPU time |\n" if peer else "")
              + "".join(f"| `build DIR`, {n} profiles ({b['documents']} documents), default jobs | "
                        f"{b['documents_per_s']} documents/s; peak memory of all processes {b['peak_pss_mb']} MB "
                        f"(PSS; RSS summed {b['peak_rss_mb']} MB) |\n"
                        for n, b in batch.items())
              + f"| `career-brochure --help` | {help_run['wall_s']} s |")


if __name__ == "__main__":
    main()
