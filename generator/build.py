"""Build: read and validate every profile first, then compose, render and write."""

from __future__ import annotations

import gc
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable, Optional

from generator.atomic import clear_leftovers, clear_own, own_run, write_temp
from generator.errors import BuildError, FitError, InputError, ProfileError, printable
from generator.parallel import fork_pool, outcomes, release_memory
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
    jobs: int = 1  # processes rendering profiles at once (1: in this process)
    brand: Optional[Path] = None  # the career center's brand file
    shard: tuple[int, int] = (1, 1)  # build only the K-th of N shares of the profiles
    languages: tuple[str, ...] = ("en",)  # editions, each from the profile's twin in that language
    allow_english_content: bool = False  # a language without a twin frames the English text
    wages: tuple[Path, ...] = ()  # BLS OEWS tables for local pay
    areas: tuple[str, ...] = ()  # the areas local pay is printed for (else the brand's)
    wages_release: str = ""  # the tables' release ('May 2025') where their file names do not say it


@dataclass
class BuildResult:
    """Files written and warnings, for the CLI to report."""

    written: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    without_local_pay: int = 0  # profiles the wage tables do not hold (built without local pay)


def profile_paths(inputs: Iterable[Path]) -> list[Path]:
    """Files named, and profile files inside folders named, sorted; none means the default. A
    profile's translated twin (NAME.es.yaml) is not a profile of its own: a folder's are skipped."""
    from generator.i18n import languages, load
    from generator.profile.twin import twin_base, twin_language

    known = languages()
    paths: list[Path] = []
    for item in inputs or [DEFAULT_PROFILE]:
        if item.is_dir():
            paths += sorted(p for p in item.iterdir()
                            if p.suffix.lower() in PROFILE_SUFFIXES and not twin_language(p, known))
        elif item.exists():
            lang = twin_language(item, known)
            if lang:
                base = twin_base(item)
                raise InputError(f"{item}: the {load(lang).name} translation of {base.name}; build {base} "
                                 f"with --lang {lang}")
            paths.append(item)
        else:
            raise InputError(f"{item}: no such file or folder")
    if not paths:
        raise InputError("no profiles found (.yaml, .yml or .txt)")
    return paths


def parse_shard(text: str, environ=os.environ) -> tuple[int, int]:
    """'K/N' (1 <= K <= N), or 'auto/N' taking K from a batch engine's 0-based index: a Kubernetes
    Indexed Job's JOB_COMPLETION_INDEX (else SLURM_ARRAY_TASK_ID, else CI_NODE_INDEX)."""
    match = re.fullmatch(r"\s*(auto|\d+)\s*/\s*(\d+)\s*", text or "")
    if not match or int(match.group(2)) < 1:
        raise InputError(f"--shard: '{text}' is not K/N or auto/N (e.g. 2/5)")
    count = int(match.group(2))
    if match.group(1) == "auto":
        names = ("JOB_COMPLETION_INDEX", "SLURM_ARRAY_TASK_ID", "CI_NODE_INDEX")
        index = next((environ[n].strip() for n in names if environ.get(n, "").strip()), None)
        if index is None or not index.isdigit():
            raise InputError(f"--shard auto/{count}: none of {', '.join(names)} holds a whole number")
        number = int(index) + 1
    else:
        number = int(match.group(1))
    if not 1 <= number <= count:
        raise InputError(f"--shard: share {number} of {count} does not exist (1 to {count})")
    return number, count


def shard_of(paths: list[Path], shard: tuple[int, int]) -> list[Path]:
    """The K-th of N disjoint shares of the sorted profiles (every N-th, from the K-th), so the N
    shares together hold every profile exactly once and differ in size by one at most."""
    number, count = shard
    return [path for index, path in enumerate(paths) if index % count == number - 1]


def read_profile(path: Path):
    """A profile from YAML or plain text: (profile, warnings)."""
    if path.suffix.lower() == ".txt":
        from generator.profile.importer import import_file

        return import_file(path)
    from generator.profile.yaml_io import load_profile

    return load_profile(path)


def read_editions(path: Path, options: BuildOptions) -> tuple[dict, list[str]]:
    """The profile in English and in each other language asked for: {lang: profile}, from its twin
    (NAME.es.yaml); no twin is an error unless English content is allowed."""
    from generator.i18n import DEFAULT, load
    from generator.profile.twin import load_twin, twin_path

    profile, notes = read_profile(path)
    editions = {DEFAULT: profile}
    for lang in options.languages:
        if lang == DEFAULT:
            continue
        twin = twin_path(path, lang)
        if twin.is_file():
            editions[lang], more = load_twin(twin, profile)
            notes += more
        elif options.allow_english_content:
            editions[lang] = profile
            notes.append(f"{path}: warning: no {load(lang).name} translation ({twin.name}); the {load(lang).name} "
                         f"edition frames the profile's English text")
        else:
            raise ProfileError([f"{path}: no {load(lang).name} translation: {twin} does not exist (write it, or "
                                f"build with --allow-english-content)"])
    return editions, notes


def read_all(paths: list[Path], options: BuildOptions = BuildOptions()) -> tuple[list, list[str]]:
    """Every profile in every language asked for ({lang: profile} each), or one ProfileError listing
    every problem in every file (its `loaded` holds the profiles that did read, so a batch can build
    those)."""
    loaded, warnings, problems = [], [], []
    for path in paths:
        try:
            profile, notes = read_editions(path, options)
            loaded.append((path, profile))
            warnings += notes
        except InputError as exc:
            problems += exc.format_message().splitlines()
    if problems:
        error = ProfileError(problems)
        error.loaded, error.warnings = loaded, warnings
        raise error
    return loaded, warnings


def brochures_for(profile, slug: str, options: BuildOptions, brand=None, keep: Optional[dict] = None,
                  charts: Optional[dict] = None, local=None):
    """Every brochure of one profile, composed and fitted (charts rendered once, unless `charts`
    are given), in the brand's colours when there is a brand; `keep` maps an audience to sections
    it keeps (see compose)."""
    from generator.compose import compose
    from generator.compose.templates import load_audience, load_layout, names
    from generator.render import image_types, measure

    style = branded_style(brand)[0]
    if charts is None:
        charts = charts_for(profile, style, image_types(options.formats), local)
    for audience_name in options.audiences or tuple(names("audiences")):
        audience = load_audience(audience_name)
        layout = load_layout(options.layout or audience.default_layout)
        yield compose(profile, slug, audience, layout, options.paper, style, charts, measure, brand,
                      (keep or {}).get(audience_name, frozenset()), local)


_CHARTS: dict = {}  # the last profile's charts per language: drawn once before a single profile's
# audiences go to several processes, which inherit them (never more than a few entries)
_CHARTS_KEPT = 4


def charts_for(profile, style, types: tuple[str, ...], local=None) -> dict:
    """The profile's charts in the language being built, drawn once (kept for the next audience's
    process; a batch's other profiles push them out), or taken from the chart cache of an
    earlier run (generator/chart_cache.py)."""
    key = _charts_key(profile, style, types, local)
    if key not in _CHARTS:
        _keep_charts(key, _drawn_or_cached(profile, style, types, local))
    return _CHARTS[key]


def _charts_key(profile, style, types: tuple[str, ...], local=None) -> tuple:
    from generator.i18n import active

    return profile.model_dump_json(), style.model_dump_json(), types, active().code, repr(local)


def _keep_charts(key: tuple, charts: dict) -> None:
    while len(_CHARTS) >= _CHARTS_KEPT:
        _CHARTS.pop(next(iter(_CHARTS)))
    _CHARTS[key] = charts


def _drawn_or_cached(profile, style, types: tuple[str, ...], local=None) -> dict:
    from generator import chart_cache
    from generator.compose.styles import resolve_fonts
    from generator.i18n import active

    def draw() -> dict:
        from generator.charts import render_charts  # imports Matplotlib: only when drawing

        return render_charts(profile, style, types, local)

    folder = chart_cache.cache_dir()
    if folder is None:
        return draw()
    fonts = resolve_fonts(style)
    files = (fonts.regular, fonts.bold, fonts.italic, fonts.bold_italic, fonts.heavy, fonts.fallback,
             fonts.fallback_bold, *fonts.fallback_wide)
    key = chart_cache.entry_key(profile, style, types, active().source, files, local)
    return chart_cache.cached(key, draw, folder)


def branded_style(brand) -> tuple:
    """The style, in the brand's colours when there is a brand: (style, warnings)."""
    from generator.compose.branding import apply_brand
    from generator.compose.templates import load_style

    if brand is None or brand.brand.colours is None:
        return load_style(), []
    return apply_brand(load_style(), brand.brand.colours, brand.path)


def load_brand_file(options: BuildOptions):
    """The brand file, read and checked (exit 2 on a bad one): (brand or None, warnings)."""
    if options.brand is None:
        return None, []
    from generator.brand import load_brand
    from generator.i18n import DEFAULT, load

    brand, notes = load_brand(options.brand)
    translated = dict(brand.translated)
    notes += [f"{options.brand}: warning: no '{lang}' translations; the {load(lang).name} edition prints the "
              f"brand's words as written" for lang in options.languages if lang != DEFAULT and lang not in translated]
    return brand, notes + branded_style(brand)[1]


def check_templates(options: BuildOptions) -> None:
    """Load every template the build will use, so a broken one stops it before any work: every
    problem of every file, one line each (exit 2)."""
    from generator.compose import check_audience
    from generator.compose.templates import load_audience, load_layout, load_style, names
    from generator.errors import TemplateError

    problems: list[str] = []

    def checked(load, *args):
        try:
            return load(*args)
        except TemplateError as exc:
            problems.extend(line for line in exc.format_message().splitlines() if line not in problems)
            return None

    checked(load_style)
    for lang in options.languages:
        for name in options.audiences or tuple(names("audiences")):
            audience = checked(load_audience, name, lang)
            if audience is not None:
                checked(check_audience, audience)
            if options.layout or audience is not None:
                checked(load_layout, options.layout or audience.default_layout)
    if problems:
        raise TemplateError("\n".join(problems))


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


def edition_brochures(path: Path, editions: dict, slug: str, options: BuildOptions, brand=None, local=None) -> list:
    """Every brochure of one profile in every language asked for: [(file stem, brochure)]; English
    files are 'students-trifold', the others 'students-trifold.es'. Another language prints the
    sections the English edition prints (set smaller rather than dropped, while the type floor
    allows), so the two handed out side by side say the same; English is composed for that even
    when only another language is asked for."""
    from generator import i18n

    wanted = [lang for lang in options.languages if lang != i18n.DEFAULT]
    order = [i18n.DEFAULT] * (i18n.DEFAULT in options.languages or bool(wanted)) + wanted
    out, kept_in_english = [], {}
    for lang in order:
        with i18n.use(lang):
            try:
                brochures = list(brochures_for(editions[lang], slug, options, brand and brand.in_language(lang),
                                               kept_in_english, local=local))
            except FitError as exc:
                raise FitError(f"{path}: {exc.format_message()}") from None
        if lang == i18n.DEFAULT:
            kept_in_english = {b.audience: b.kept for b in brochures}
        if lang in options.languages:
            suffix = "" if lang == i18n.DEFAULT else f".{lang}"
            out += [(f"{brochure.file_stem}{suffix}", brochure) for brochure in brochures]
    return out


def render_profile(path: Path, editions: dict, slug: str, options: BuildOptions,
                   brand=None, local=None) -> tuple[dict[Path, Path], list[str]]:
    """Compose and render every file of one profile into temporary files: ({target: temp}, warnings)."""
    from generator.render import missing_glyphs, render

    named = edition_brochures(path, editions, slug, options, brand, local)
    brochures = [brochure for _, brochure in named]
    warnings, temps = [], {}
    boxes = set().union(*(missing_glyphs(b) for b in brochures)) if "pdf" in options.formats else set()
    if boxes:
        shown = " ".join(sorted(boxes)[:20]) + (" …" if len(boxes) > 20 else "")
        warnings.append(f"{path}: warning: no installed font has {len(boxes)} character(s), printed as boxes: "
                        f"{shown} (Debian: fonts-droid-fallback for Chinese and Japanese, fonts-nanum for Korean)")
    try:
        for stem, brochure in named:
            if brochure.dropped:
                warnings.append(f"{path}: {stem}: left out to fit: {', '.join(brochure.dropped)}")
            warnings += [f"{path}: warning: {note}" for note in brochure.warnings
                         if f"{path}: warning: {note}" not in warnings]
            for fmt in options.formats:
                target = options.output / slug / f"{stem}.{fmt}"
                temps[target] = write_temp(target, render(fmt, brochure, options.bleed))
    except BaseException:
        for temp in temps.values():
            temp.unlink(missing_ok=True)
        raise
    return temps, warnings


def _warm_up(options: BuildOptions, charts: bool = True) -> None:
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


def _by_audience(job: tuple) -> list[tuple]:
    """One profile's work as one job per audience, so its brochures are built on several cores;
    its charts are drawn first, once per language, and every forked process takes them. The
    charts are drawn in a process of their own while this one loads the writers (Matplotlib
    and the writers take a third of a second each to load), even for a single audience."""
    from generator.compose.templates import names
    from generator.render import image_types

    path, editions, slug, options, brand, local = job
    audiences = options.audiences or tuple(names("audiences"))
    style = branded_style(brand)[0]
    with fork_pool(1) as pool:
        types = image_types(options.formats)
        drawn = pool.submit(_all_charts, editions, style, types, local) if pool else None
        _warm_up(options, charts=False)
        if drawn is not None and not drawn.done():
            _warm_fitting(editions, slug, options, brand, local)
        for key, charts in (drawn.result() if drawn else _all_charts(editions, style, types, local)).items():
            _keep_charts(key, charts)
    if len(audiences) < 2:
        return [job]
    return [(path, editions, slug, replace(options, audiences=(name,)), brand, local) for name in audiences]


STAND_IN_CHART_IN = (3.1, 1.9)  # a typical chart's size (width, height) in inches


def _warm_fitting(editions: dict, slug: str, options: BuildOptions, brand, local=None) -> None:
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


def _all_charts(editions: dict, style, types: tuple[str, ...], local=None) -> dict:
    """Every language's charts of one profile: {charts_for key: charts}."""
    from generator import i18n

    out = {}
    for lang, profile in editions.items():
        with i18n.use(lang):
            out[_charts_key(profile, style, types, local)] = _drawn_or_cached(profile, style, types, local)
    return out


def _render_job(job: tuple) -> tuple[str, object]:
    """One profile's files, in this process or a worker: ('ok', (temps, warnings)), ('failed',
    line) or ('input', line) for an input error that stops the build."""
    path, profile, slug, options, brand, local = job
    try:
        return "ok", render_profile(path, profile, slug, options, brand, local)
    except BuildError as exc:
        return "failed", exc.format_message()
    except InputError as exc:
        return "input", exc.format_message()
    except Exception as exc:  # noqa: BLE001 - one profile's failure never stops the others
        if options.debug:
            raise
        return "failed", f"{path}: error: {type(exc).__name__}: {exc}"


def _render_and_release(job: tuple) -> tuple[str, object]:
    """`_render_job`, then the memory the profile freed given back to the system (a worker's
    memory stays flat over a batch)."""
    outcome = _render_job(job)
    release_memory()
    return outcome


def check_output(folder: Path, slugs: list[str]) -> None:
    """The output folder takes files: it is a folder, or the folder it would be made in is, and it
    can be written; no file stands where a profile's folder goes (else exit 2, one line naming the
    path, nothing written). Nothing is made here: a build that fails later leaves no empty folder."""
    existing = next(p for p in (folder, *folder.parents) if p.exists() or p == p.parent)
    if not existing.is_dir():
        raise InputError(f"{printable(folder)}: -o: a file is in the way of this folder") from None
    try:
        probe = write_temp(existing / ".probe", b"")
        probe.unlink()
    except OSError as exc:
        raise InputError(f"{printable(folder)}: -o: cannot write in this folder ({exc.strerror})") from None
    for slug in slugs:
        if (folder / slug).exists() and not (folder / slug).is_dir():
            raise InputError(f"{printable(folder / slug)}: -o: a file is where this profile's folder goes")


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
    jobs = [(path, profile, slugs[path], options, brand, local.get(path)) for path, profile in loaded]
    if options.jobs > 1 and len(jobs) == 1:
        jobs = _by_audience(jobs[0])  # loads the writers while the charts are drawn
    elif options.jobs > 1 and len(jobs) > 1:
        _warm_up(options)
    failed_paths: set[Path] = set()
    try:
        for job, (kind, outcome) in zip(jobs, progress(outcomes(jobs, options.jobs, _render_and_release), len(jobs))):
            if kind == "input":
                raise InputError(outcome)
            if kind == "failed":
                failures.append(outcome)
                failed_paths.add(job[0])
                continue
            temps, notes = outcome
            pending.update({target: (job[0], temp) for target, temp in temps.items()})
            total.warnings += [note for note in notes if note not in total.warnings]  # once, from any audience
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
