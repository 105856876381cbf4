"""Processes for a batch: forked pools whose workers end with their parent, fresh every few jobs.

A job is any picklable value and `work` a module-level function of one job; outcomes come back in
the jobs' order. Nothing here knows what a job builds (generator.jobs does).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterator, Optional

JOBS_PER_POOL = 30  # then new workers: a forked worker's memory grows as it touches (and so copies)
# the pages it shares with its parent; with fresh workers every 30 profiles, 200 profiles peak within
# a few percent of 20. Python's max_tasks_per_child would do this, but not for forked workers.
PR_SET_PDEATHSIG = 1  # prctl(2)


def fork_context():
    """The 'fork' start method's context where the system has it (workers then start with the
    fonts and templates this process has loaded), else None."""
    return multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None


def _pool(workers: int, context) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=die_with_parent,
                               initargs=(os.getpid(),))


def fork_pool(workers: int):
    """A pool of forked processes (they start with what this one has loaded), or a null context
    giving None where the system cannot fork."""
    context = fork_context()
    return _pool(workers, context) if context else contextlib.nullcontext()


def outcomes(jobs: list, workers: int, work: Callable) -> Iterator:
    """`work(job)` for each job, in the jobs' order; with several workers and jobs, on a pool of
    processes (forked where the system can), fresh every JOBS_PER_POOL jobs."""
    if workers <= 1 or len(jobs) < 2:
        yield from map(work, jobs)
        return
    context = fork_context() or multiprocessing.get_context()
    for start in range(0, len(jobs), JOBS_PER_POOL):
        share = jobs[start:start + JOBS_PER_POOL]
        pool = _pool(min(workers, len(share)), context)
        try:
            yield from pool.map(work, share, chunksize=1)
        except BaseException:  # stopped, or the build gave up: the workers end now, not after the queue
            for worker in multiprocessing.active_children():
                worker.kill()
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        pool.shutdown()


def die_with_parent(parent: int) -> None:
    """A worker's first act: end when its parent ends, however it ends (Linux's PR_SET_PDEATHSIG;
    elsewhere the parent ends its workers when it stops cleanly), and leave Ctrl-C and SIGTERM to
    the parent, which stops them."""
    import ctypes

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL))
    except (AttributeError, OSError):
        pass
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)


def release_memory() -> Optional[int]:
    """Give the memory a job freed back to the system: a 300 dpi chart or a zip buffer is megabytes,
    and glibc keeps freed blocks, so a worker's memory crept up by ~10 MB per 50 profiles (flat with
    this; nothing on systems without glibc's malloc_trim)."""
    import ctypes

    try:
        return ctypes.CDLL(None).malloc_trim(0)
    except (AttributeError, OSError):
        return None
