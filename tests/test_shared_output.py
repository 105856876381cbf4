"""Runs that share an output folder, and batches whose parent is stopped or killed.

Shards of one folder built at the same time into one `-o` (as a Kubernetes indexed Job or a Slurm
array on a shared volume runs them) each write all their files, byte for byte those of a one-process
build, and leave no temporary file; the workers of a `-j 2` batch end with their parent.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.atomic import TEMP_SUFFIX, clear_leftovers, write_temp

ROOT = Path(__file__).resolve().parents[1]
# CI runs 8 profiles 3 times; `SHARD_PROFILES=24 SHARD_REPEATS=20 pytest tests/test_shared_output.py`
# is the full trial (its numbers are in issue 21's note)
PROFILES = sorted((ROOT / "tests" / "fixtures" / "profiles").glob("*.txt"))[:int(os.environ.get("SHARD_PROFILES", "8"))]
SHARDS = 4
STAGGER = 0.7  # seconds between starts: a run's start-up check falls in the others' writing
REPEATS = int(os.environ.get("SHARD_REPEATS", "3"))


def _command(*args: str) -> list[str]:
    return [sys.executable, "-m", "generator", *args]


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """Eight profiles of different shapes in one folder."""
    where = tmp_path_factory.mktemp("profiles")
    for path in PROFILES:
        shutil.copy(path, where / path.name)
    return where


@pytest.fixture(scope="module")
def reference(folder, tmp_path_factory) -> dict[str, bytes]:
    """Every file of a one-process build of the folder (PDF only, to keep it quick)."""
    out = tmp_path_factory.mktemp("reference")
    subprocess.run(_command("build", str(folder), "-o", str(out), "-f", "pdf", "-j", "1"), check=True,
                   capture_output=True, cwd=ROOT)
    return {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*") if p.is_file()}


def _files(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*") if p.is_file()}


@pytest.mark.parametrize("repeat", range(REPEATS))
def test_shards_at_the_same_time_into_one_folder_write_every_file(folder, reference, tmp_path, repeat):
    out = tmp_path / "out"
    commands = [_command("build", str(folder), "-o", str(out), "-f", "pdf", "--shard", f"{n}/{SHARDS}")
                for n in range(1, SHARDS + 1)] + [_command("build", str(folder), "-o", str(out), "-f", "pdf")] * 2
    runs = []
    for command in commands:  # each starts while the ones before are writing their files
        runs.append(subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT))
        time.sleep(STAGGER)
    for run in runs:
        _, err = run.communicate(timeout=300)
        assert run.returncode == 0, err.decode(errors="replace")
    written = _files(out)
    assert written == reference  # every file, the same bytes, nothing else (no temporary file)


def test_a_run_clears_only_the_leftovers_of_runs_that_are_dead(tmp_path):
    target = tmp_path / "x" / "students-trifold.pdf"
    mine = write_temp(target, b"mine")  # this process is alive: its temp stays
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    theirs = target.parent / f".{target.name}.~{os.uname().nodename}-{dead.pid}~abc{TEMP_SUFFIX}"
    theirs.write_bytes(b"theirs")
    old_style = target.parent / f".{target.name}.abc{TEMP_SUFFIX}"  # an earlier version's, owner unknown
    old_style.write_bytes(b"old")
    assert clear_leftovers(tmp_path) == 2
    assert mine.exists() and not theirs.exists() and not old_style.exists()


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc").is_dir() or sys.platform != "linux", reason="reads /proc (Linux)")
@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_workers_end_with_their_parent(folder, tmp_path, how):
    out = tmp_path / "out"
    parent = subprocess.Popen(_command("build", str(folder), "-o", str(out), "-j", "2"),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while time.monotonic() < deadline and len(workers) < 2:
        workers = [w for w in _children(parent.pid) if _alive(w)]
        time.sleep(0.05)
    assert workers, "the batch started no workers"
    parent.send_signal(how)
    parent.communicate(timeout=30)
    assert parent.returncode == (128 + how if how == signal.SIGTERM else -how)  # SIGTERM: a clean stop, 143
    gone_by = time.monotonic() + 2
    while time.monotonic() < gone_by and any(_alive(w) for w in workers):
        time.sleep(0.05)
    assert not [w for w in workers if _alive(w)], "workers outlived their parent"
    if how == signal.SIGTERM:  # stopped cleanly: nothing half-written left behind
        assert not list(out.rglob(f"*{TEMP_SUFFIX}"))
    again = subprocess.run(_command("build", str(folder), "-o", str(out), "-f", "pdf"), capture_output=True,
                           cwd=ROOT, timeout=300)
    assert again.returncode == 0 and not list(out.rglob(f"*{TEMP_SUFFIX}"))
