"""A build's work as jobs for generator.parallel: one per profile, or one per audience of a single
profile (its charts drawn first, in a process of their own, while this one loads the writers), and
what each job gives back. A job is a typed record a forked worker receives; its outcome is the
files it rendered, or the line saying why it could not."""

from __future__ import annotations

import gc
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NamedTuple

from generator.errors import BuildError, InputError
from generator.options import BuildOptions
from generator.parallel import fork_pool, release_memory
from generator.pipeline import all_charts, branded_style, brochures_for, keep_charts, render_profile


class Job(NamedTuple):
    """One profile's work (or one audience's of it)."""

    path: Path
    editions: dict  # {language: Profile}
    slug: str  # the profile's output folder
    options: BuildOptions
    brand: object = None  # the brand file, read (generator.brand), or None
    local: object = None  # the profile's pay in the areas asked for (generator.wages.LocalPay), or None


@dataclass(frozen=True)
class Outcome:
    """What a job gives back: its temporary files and warnings, or the line saying why not."""

    temps: dict = field(default_factory=dict)  # {target path: temporary file beside it}
    warnings: list = field(default_factory=list)
    failed: str = ""  # this profile failed (the others go on; exit 1 at the end)
    stops: str = ""  # an input error: the whole build stops (exit 2)


def warm_up(options: BuildOptions, charts: bool = True) -> None:
    """What every worker needs, loaded once before the pool forks: the writers, Matplotlib (when
    workers draw charts), the style, the fonts (registered with ReportLab)."""
    from importlib import import_module

    if charts:
        import_module("generator.charts")  # imports Matplotlib
    from generator.compose import compose  # noqa: F401
    from generator.compose.styles import resolve_fonts
    from generator.compose.templates import load_style
    from generator.render import WRITERS
    from generator.render.pdf_fonts import register

    for fmt in options.formats:
        import_module(WRITERS[fmt])
    register(resolve_fonts(load_style()))
    gc.freeze()  # what is loaded now lives as long as the process: never scanned again, nor copied on write


def by_audience(job: Job) -> list[Job]:
    """One profile's work as one job per audience, so its brochures are built on several cores;
    its charts are drawn first, once per language, and every forked process takes them. The
    charts are drawn in a process of their own while this one loads the writers (Matplotlib
    and the writers take a third of a second each to load), even for a single audience."""
    from generator.compose.templates import names
    from generator.render import image_types

    editions, slug, options, brand, local = job.editions, job.slug, job.options, job.brand, job.local
    audiences = options.audiences or tuple(names("audiences"))
    style = branded_style(brand)[0]
    with fork_pool(1) as pool:
        types = image_types(options.formats)
        drawn = pool.submit(all_charts, editions, style, types, local) if pool else None
        warm_up(options, charts=False)
        if drawn is not None and not drawn.done():
            warm_fitting(editions, slug, options, brand, local)
        for key, charts in (drawn.result() if drawn else all_charts(editions, style, types, local)).items():
            keep_charts(key, charts)
    if len(audiences) < 2:
        return [job]
    return [job._replace(options=replace(options, audiences=(name,))) for name in audiences]


STAND_IN_CHART_IN = (3.1, 1.9)  # a typical chart's size (width, height) in inches


def warm_fitting(editions: dict, slug: str, options: BuildOptions, brand, local=None) -> None:
    """While the charts are drawn, compose every edition once with stand-in charts of a typical size
    and throw the brochures away: the paragraph sizes fitting measured (two thirds of composing
    three brochures, ~0.1 s) stay in this process for the forked audience processes, whose
    fitting then finds most of them (the files are the same bytes either way)."""
    from generator import i18n
    from generator.compose.model import ChartArt
    from generator.compose.sections import CHART_IDS

    stand_ins = {chart_id: ChartArt(chart_id, (), b"", *STAND_IN_CHART_IN, "") for chart_id in CHART_IDS}
    for lang, profile in editions.items():
        with i18n.use(lang):
            try:
                for _ in brochures_for(profile, slug, options, brand and brand.in_language(lang), charts=stand_ins,
                                       local=local):
                    pass
            except Exception:  # noqa: BLE001 - a warm-up only: the real composing reports any problem
                pass


def _render_job(job: Job) -> Outcome:
    """One profile's files, in this process or a worker."""
    try:
        temps, warnings = render_profile(job.path, job.editions, job.slug, job.options, job.brand, job.local)
        return Outcome(temps, warnings)
    except BuildError as exc:
        return Outcome(failed=exc.format_message())
    except InputError as exc:
        return Outcome(stops=exc.format_message())
    except Exception as exc:  # noqa: BLE001 - one profile's failure never stops the others
        if job.options.debug:
            raise
        return Outcome(failed=f"{job.path}: error: {type(exc).__name__}: {exc}")


def render_and_release(job: Job) -> Outcome:
    """`_render_job`, then the memory the profile freed given back to the system (a worker's
    memory stays flat over a batch)."""
    outcome = _render_job(job)
    release_memory()
    return outcome
