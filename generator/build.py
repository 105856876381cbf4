"""Build: read and validate every profile first, then compose, render and write."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

from generator.atomic import write_bytes_atomic
from generator.errors import FitError, InputError, ProfileError
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


def build_profile(path: Path, profile, options: BuildOptions) -> BuildResult:
    """Render every file of one profile in memory, then write them all."""
    from generator.render import render

    slug, result, files = path.stem, BuildResult(), {}
    try:
        brochures = list(brochures_for(profile, slug, options))
    except FitError as exc:
        raise FitError(f"{path}: {exc.format_message()}") from None
    for brochure in brochures:
        if brochure.dropped:
            result.warnings.append(f"{path}: {brochure.file_stem}: left out to fit: {', '.join(brochure.dropped)}")
        for fmt in options.formats:
            files[options.output / slug / f"{brochure.file_stem}.{fmt}"] = render(fmt, brochure, options.bleed)
    for target, data in files.items():
        write_bytes_atomic(target, data)
        result.written.append(target)
    return result


def build(inputs: Iterable[Path], options: BuildOptions,
          progress: Callable[[Iterable], Iterable] = lambda items: items) -> BuildResult:
    """Validate all inputs, then build each profile in turn."""
    loaded, warnings = read_all(profile_paths(list(inputs)))
    total = BuildResult(warnings=warnings)
    for path, profile in progress(loaded):
        result = build_profile(path, profile, options)
        total.written += result.written
        total.warnings += result.warnings
    return total
