"""Build: read and validate every profile first, then compose, render and write."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

from generator.atomic import clear_leftovers, write_temp
from generator.errors import BuildError, FitError, InputError, ProfileError
from generator.resources import bundled

DEFAULT_PROFILE = bundled("data") / "medical-records-specialists.yaml"
PROFILE_SUFFIXES = (".yaml", ".yml", ".txt")


@dataclass(frozen=True)
class BuildOptions:
    """What to build for each profile."""

    audiences: tuple[str, ...] = ()
    layout: Optional[str] = None
    formats: tuple[str, ...] = ("pdf", "docx")
    paper: str = "letter"
    bleed: bool = False
    output: Path = Path("output")
    debug: bool = False  # let an unexpected error through with its traceback


@dataclass
class BuildResult:
    """Files written and warnings, for the CLI to report."""

    written: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def profile_paths(inputs: Iterable[Path]) -> list[Path]:
    """Files named, and profile files inside folders named, sorted; none means the default."""
    paths: list[Path] = []
    for item in inputs or [DEFAULT_PROFILE]:
        if item.is_dir():
            paths += sorted(p for p in item.iterdir() if p.suffix.lower() in PROFILE_SUFFIXES)
        elif item.exists():
            paths.append(item)
        else:
            raise InputError(f"{item}: no such file or folder")
    if not paths:
        raise InputError("no profiles found (.yaml, .yml or .txt)")
    return paths


def read_profile(path: Path):
    """A profile from YAML or plain text: (profile, warnings)."""
    if path.suffix.lower() == ".txt":
        from generator.profile.importer import import_file

        return import_file(path)
    from generator.profile.yaml_io import load_profile

    return load_profile(path)


def read_all(paths: list[Path]) -> tuple[list, list[str]]:
    """Every profile, or one ProfileError listing every problem in every file."""
    loaded, warnings, problems = [], [], []
    for path in paths:
        try:
            profile, notes = read_profile(path)
            loaded.append((path, profile))
            warnings += notes
        except InputError as exc:
            problems += exc.format_message().splitlines()
    if problems:
        raise ProfileError(problems)
    return loaded, warnings


def brochures_for(profile, slug: str, options: BuildOptions):
    """Every brochure of one profile, composed and fitted (charts rendered once)."""
    from generator.charts import render_charts
    from generator.compose import compose
    from generator.compose.templates import load_audience, load_layout, load_style, names
    from generator.render import measure

    style = load_style()
    charts = render_charts(profile, style)
    for audience_name in options.audiences or tuple(names("audiences")):
        audience = load_audience(audience_name)
        layout = load_layout(options.layout or audience.default_layout)
        yield compose(profile, slug, audience, layout, options.paper, style, charts, measure)


def check_templates(options: BuildOptions) -> None:
    """Load every template the build will use, so a broken one stops it before any work (exit 2)."""
    from generator.compose import check_audience
    from generator.compose.templates import load_audience, load_layout, load_style, names

    load_style()
    for name in options.audiences or tuple(names("audiences")):
        audience = load_audience(name)
        check_audience(audience)
        load_layout(options.layout or audience.default_layout)


def slug_of(path: Path) -> str:
    """The output folder name for a profile: its file name cleaned to letters, digits and dashes."""
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.casefold()).strip("-")[:80].strip("-")
    return slug or "profile"


def slugs_for(paths: list[Path]) -> dict[Path, str]:
    """A folder name per profile; two profiles that would write to one folder are an error."""
    slugs: dict[Path, str] = {}
    taken: dict[str, Path] = {}
    for path in paths:
        slug = slug_of(path)
        if slug in taken:
            raise InputError(f"{path}: would write to the same folder '{slug}' as {taken[slug]}; rename one")
        slugs[path], taken[slug] = slug, path
    return slugs


def render_profile(path: Path, profile, slug: str, options: BuildOptions) -> tuple[dict[Path, Path], list[str]]:
    """Compose and render every file of one profile into temporary files: ({target: temp}, warnings)."""
    from generator.render import missing_glyphs, render

    try:
        brochures = list(brochures_for(profile, slug, options))
    except FitError as exc:
        raise FitError(f"{path}: {exc.format_message()}") from None
    warnings, temps = [], {}
    boxes = set().union(*(missing_glyphs(b) for b in brochures)) if "pdf" in options.formats else set()
    if boxes:
        shown = " ".join(sorted(boxes)[:20]) + (" …" if len(boxes) > 20 else "")
        warnings.append(f"{path}: warning: no installed font has {len(boxes)} character(s), printed as boxes: "
                        f"{shown} (Debian: fonts-droid-fallback for Chinese and Japanese, fonts-nanum for Korean)")
    try:
        for brochure in brochures:
            if brochure.dropped:
                warnings.append(f"{path}: {brochure.file_stem}: left out to fit: {', '.join(brochure.dropped)}")
            warnings += [f"{path}: warning: {note}" for note in brochure.warnings
                         if f"{path}: warning: {note}" not in warnings]
            for fmt in options.formats:
                target = options.output / slug / f"{brochure.file_stem}.{fmt}"
                temps[target] = write_temp(target, render(fmt, brochure, options.bleed))
    except BaseException:
        for temp in temps.values():
            temp.unlink(missing_ok=True)
        raise
    return temps, warnings


def build(inputs: Iterable[Path], options: BuildOptions,
          progress: Callable[[Iterable], Iterable] = lambda items: items) -> BuildResult:
    """Read and check every input; render every profile (one failing never stops the others); then put
    every file in place. Failures are reported together at the end (BuildError, exit 1)."""
    paths = profile_paths(list(inputs))
    slugs = slugs_for(paths)
    check_templates(options)
    loaded, warnings = read_all(paths)
    clear_leftovers(options.output)
    total, pending, failures = BuildResult(warnings=warnings), {}, []
    try:
        for path, profile in progress(loaded):
            try:
                temps, notes = render_profile(path, profile, slugs[path], options)
            except BuildError as exc:
                failures.append(exc.format_message())
                continue
            except InputError:
                raise
            except Exception as exc:  # noqa: BLE001 - one profile's failure never stops the others
                if options.debug:
                    raise
                failures.append(f"{path}: error: {type(exc).__name__}: {exc}")
                continue
            pending.update(temps)
            total.warnings += notes
    except BaseException:
        for temp in pending.values():
            temp.unlink(missing_ok=True)
        raise
    for target, temp in pending.items():
        os.replace(temp, target)
        total.written.append(target)
    if failures:
        raise BuildError("\n".join(failures), total)
    return total
