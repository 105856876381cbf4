"""Local pay with a BLS-sized table: what indexing it costs once, and what it costs every build after.

    python benchmarks/local_pay.py            # a 199,200-row metro table as .csv (~40 MB)
    python benchmarks/local_pay.py --xlsx     # the same as .xlsx too (writing it takes ~2 minutes)

The table has BLS's columns and ~830 occupations x 240 areas (one of them the bundled profile's,
29-2072, and the U.S. as area 99). Each build is a fresh `career-brochure build` process (the
default 6 files, the chart cache warm), so the figures are what a user waits for:
- plain: median of 5 builds without --wages;
- first: the first build with --wages (it indexes the table into an empty cache), wall seconds
  and the peak RSS of the largest process of the run;
- later: median of 5 builds with the index in the cache, and `later - plain` (the target: at most
  100 ms), and their peak RSS (the target: at most 300 MB).
Prints one JSON line.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COLUMNS = ("AREA AREA_TITLE AREA_TYPE PRIM_STATE NAICS NAICS_TITLE I_GROUP OWN_CODE OCC_CODE OCC_TITLE O_GROUP "
           "TOT_EMP EMP_PRSE JOBS_1000 LOC_QUOTIENT PCT_TOTAL PCT_RPT H_MEAN A_MEAN MEAN_PRSE H_PCT10 H_PCT25 "
           "H_MEDIAN H_PCT75 H_PCT90 A_PCT10 A_PCT25 A_MEDIAN A_PCT75 A_PCT90 ANNUAL HOURLY").split()
OCCUPATIONS, AREAS = 830, 240


def rows(seed: int = 1):
    """BLS-shaped rows: area by area, every occupation; figures as BLS writes them."""
    rng = random.Random(seed)
    areas = [("99", "U.S.", 1, "US")] + [(f"{10000 + 20 * a:05d}", f"Metro area {a}, ST", 4, "ST")
                                         for a in range(AREAS - 1)]
    for code, title, kind, state in areas:
        for o in range(OCCUPATIONS):
            occ, name = ("29-2072", "Medical Records Specialists") if o == 0 else (f"{11 + o // 100:02d}-{1000 + o:04d}",
                                                                                  f"Occupation {o}")
            median = rng.uniform(12, 90)
            hourly = [round(median * f, 2) for f in (0.6, 0.8, 1, 1.25, 1.5)]
            annual = [round(h * 2080 / 10) * 10 for h in hourly]
            yield [code, title, kind, state, "000000", "Cross-industry", "cross-industry", 1235, occ, name, "detailed",
                   f"{rng.randint(30, 90000):,}", 5.1, 1.1, 0.9, "", "", round(median * 1.05, 2),
                   round(median * 2184), 2.0, *hourly, *annual, "", ""]


def write_csv(path: Path) -> None:
    with open(path, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        writer.writerows(rows())


def write_xlsx(path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("MSA_M2025_dl")
    sheet.append(COLUMNS)
    for row in rows():
        sheet.append(row)
    book.save(path)


def timed(args: list[str], env: dict) -> tuple[float, int]:
    """(wall seconds, peak RSS in MB of the largest process) of one build."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _PEAK, "career-brochure", "build", *args], env=env, check=True,
                          capture_output=True, text=True)
    return time.perf_counter() - start, int(done.stdout.split()[-1]) // 1024


# runs the build and prints the largest peak RSS (kB) of its processes: this process's own
# children only, so one build's peak never counts for the next
_PEAK = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, capture_output=True); "
         "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def measure(table: Path, work: Path) -> dict:
    env = {**os.environ, "CAREER_BROCHURE_CACHE": str(work / f"cache-{table.suffix[1:]}" / "charts")}
    out = ["-o", str(work / "out")]
    timed(out, env)  # the charts into the cache
    plain = statistics.median(timed(out, env)[0] for _ in range(5))
    wages = [*out, "--wages", str(table), "--area", "Metro area 7, ST"]
    first, first_peak = timed(wages, env)
    later_runs = [timed(wages, env) for _ in range(5)]
    later = statistics.median(wall for wall, _ in later_runs)
    return {"rows": OCCUPATIONS * AREAS, "mb": round(table.stat().st_size / 1e6, 1),
            "plain_s": round(plain, 3), "first_s": round(first, 2), "first_peak_mb": first_peak,
            "later_s": round(later, 3), "later_minus_plain_ms": round((later - plain) * 1000),
            "later_peak_mb": max(peak for _, peak in later_runs)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--xlsx", action="store_true", help="Measure the .xlsx table too (slow to write).")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        results = {}
        table = work / "MSA_M2025_dl.csv"
        write_csv(table)
        results["csv"] = measure(table, work)
        if options.xlsx:
            table = work / "MSA_M2025_dl.xlsx"
            write_xlsx(table)
            results["xlsx"] = measure(table, work)
    print(json.dumps({"python": sys.version.split()[0], "cpus": os.cpu_count(), **results}))


if __name__ == "__main__":
    main()
