"""Build: read and check every input first (generator.gather, the templates, the brand file, the
wage tables), then render every profile as jobs (generator.jobs, on `options.jobs` processes), then
put every file in place: a failure leaves no partial files."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Iterable

from generator.atomic import clear_leftovers, clear_own, own_run
from generator.errors import BuildError, InputError, ProfileError, printable
from generator.gather import check_output, profile_paths, read_all, shard_of, slugs_for
from generator.jobs import Job, by_audience, render_and_release, warm_up
from generator.options import BuildOptions, BuildResult
from generator.parallel import outcomes
from generator.pipeline import check_templates, load_brand_file

__all__ = ["BuildOptions", "BuildResult", "build"]


def build(inputs: Iterable[Path], options: BuildOptions,
          progress: Callable[[Iterable, int], Iterable] = lambda items, length: items) -> BuildResult:
    """Read and check every input; render every profile (one failing never stops the others), on
    `options.jobs` processes; then put every file in place. Failures are reported together at the
    end (BuildError, exit 1)."""
    everything = profile_paths(list(inputs))
    slugs = slugs_for(everything)  # over every share, so shards agree on folder names
    paths = shard_of(everything, options.shard)
    check_templates(options)
    brand, brand_notes = load_brand_file(options)
    try:
        loaded, warnings = read_all(paths, options)
        failures: list[str] = []
    except ProfileError as error:
        if not error.loaded:  # nothing to build: bad input, exit 2, nothing written
            raise
        # a batch builds the profiles that read; the others are failures (exit 1), one line each
        loaded, warnings, failures = error.loaded, error.warnings, error.format_message().splitlines()
    from generator.local_wages import local_pay_for

    local, local_notes = local_pay_for(loaded, options, brand)
    check_output(options.output, [slugs[path] for path, _ in loaded])
    own_run()
    clear_leftovers(options.output)
    total, pending = BuildResult(warnings=brand_notes + warnings + local_notes), {}
    total.without_local_pay = len(local_notes)
    jobs = [Job(path, editions, slugs[path], options, brand, local.get(path)) for path, editions in loaded]
    if options.jobs > 1 and len(jobs) == 1:
        jobs = by_audience(jobs[0])  # loads the writers while the charts are drawn
    elif options.jobs > 1 and len(jobs) > 1:
        warm_up(options)
    failed_paths: set[Path] = set()
    try:
        for job, outcome in zip(jobs, progress(outcomes(jobs, options.jobs, render_and_release), len(jobs))):
            if outcome.stops:
                raise InputError(outcome.stops)
            if outcome.failed:
                failures.append(outcome.failed)
                failed_paths.add(job.path)
                continue
            pending.update({target: (job.path, temp) for target, temp in outcome.temps.items()})
            total.warnings += [note for note in outcome.warnings if note not in total.warnings]  # once, from any audience
    except BaseException:
        for _, temp in pending.values():
            temp.unlink(missing_ok=True)
        clear_own(options.output)  # and what workers had written for jobs not yet reported
        raise
    in_the_way = [target for target in pending if target.is_dir()]
    if in_the_way:  # checked before any file is put in place
        for _, temp in pending.values():
            temp.unlink(missing_ok=True)
        raise InputError(f"{printable(in_the_way[0])}: -o: a folder is where this brochure goes; move it away")
    try:
        for target, (path, temp) in pending.items():
            if path in failed_paths:  # a profile whose other audience failed writes nothing
                temp.unlink(missing_ok=True)
                continue
            os.replace(temp, target)
            total.written.append(target)
    except BaseException:  # stopped while putting files in place: those not yet renamed go
        clear_own(options.output)
        raise
    if failures:
        raise BuildError("\n".join(failures), total, len(paths) - len(loaded) + len(failed_paths))
    return total
