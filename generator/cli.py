"""Thin Click layer: parse options, call the library, print one line per problem."""

from __future__ import annotations

import gc
import os
import signal
import sys
from pathlib import Path

import click

from generator.errors import BrochureError, BuildError, ProfileError, Stopped, printable


def _report(lines: list[str]) -> None:
    for line in lines:
        click.echo(printable(line), err=True)


class _Group(click.Group):
    """Turns any unexpected exception into one line (a traceback only with --debug)."""

    def main(self, args=None, prog_name=None, **extra):
        """Usage mistakes are one line too (Click would print the usage and a hint around it)."""
        try:
            code = super().main(args, prog_name, standalone_mode=False, **extra)
        except click.UsageError as exc:
            where = exc.ctx.command_path if exc.ctx else "career-brochure"
            click.echo(printable(f"{where}: {exc.format_message()}"), err=True)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except click.exceptions.Exit as exc:
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("aborted", err=True)
            sys.exit(1)
        if isinstance(code, int) and code:  # ctx.exit(N) comes back as a value without standalone mode
            sys.exit(code)
        return code

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as exc:  # noqa: BLE001 - the last line of defence for users
            if ctx.params.get("debug"):
                raise
            click.echo(printable(f"error: {type(exc).__name__}: {exc}"), err=True)
            ctx.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show tracebacks for unexpected errors.")
@click.version_option(package_name="career-brochure")
def main(debug: bool) -> None:
    """Turn occupation profiles into print-ready career brochures."""


@main.command()
@click.argument("profiles", nargs=-1, type=click.Path(path_type=Path))
@click.option("-a", "--audience", "audiences", multiple=True, metavar="NAME",
              help="Audience to build (repeatable; default: all). See `list`.")
@click.option("-l", "--layout", default=None, metavar="NAME",
              help="Layout for every audience (default: each audience's own).")
@click.option("-f", "--format", "formats", multiple=True, type=click.Choice(["pdf", "docx"]),
              help="Output format (repeatable; default: both).")
@click.option("--paper", type=click.Choice(["letter", "a4"]), default="letter", show_default=True)
@click.option("--bleed", is_flag=True, help="Print-shop PDF: bleed, crop marks, TrimBox/BleedBox, CMYK.")
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path), default=Path("output"),
              show_default=True, help="Folder for the brochures.")
@click.option("--brand", type=click.Path(dir_okay=False, path_type=Path), default=None, metavar="FILE",
              help="The career center's brand file (YAML): name, logo, colours, contact, next steps. "
                   "See templates/brands/.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
              help="Profiles built at once, each in a process of its own (default: the number of "
                   "CPUs; 1 builds in this process).")
@click.option("--shard", default=None, metavar="K/N",
              help="Build only the K-th of N equal shares of the profiles (1 <= K <= N), for a batch "
                   "engine that runs N copies; auto/N takes K from JOB_COMPLETION_INDEX (Kubernetes "
                   "Indexed Job), SLURM_ARRAY_TASK_ID or CI_NODE_INDEX (0-based).")
@click.option("--lang", "languages", multiple=True, metavar="CODE",
              help="Language of the brochures (repeatable; default: en). Each language other than "
                   "English builds from the profile's translation beside it (NAME.es.yaml) and writes "
                   "NAME/<audience>-<layout>.es.pdf. See `list`.")
@click.option("--allow-english-content", is_flag=True,
              help="Build a language without the profile's translation: its fixed words around the "
                   "English text (with a warning).")
@click.option("--wages", "wages", multiple=True, type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="A BLS OEWS wage table as BLS publishes it (state_M2025_dl.xlsx, MSA_M2025_dl.xlsx, "
                   "national_M2025_dl.xlsx, all_data_M_2025.xlsx, or .csv); repeatable. Prints local pay for "
                   "--area next to the U.S. figure (from the national table).")
@click.option("--area", "areas", multiple=True, metavar="AREA",
              help="An area of the wage tables: BLS code (06, 40140), name or state abbreviation (CA); "
                   "repeatable, up to 3 (default: the brand's `area:`). See `areas FILE`.")
@click.option("--wages-release", default="", metavar="TEXT",
              help="The tables' OEWS release ('May 2025') when their file names do not say it.")
def build(profiles, audiences, layout, formats, paper, bleed, output, brand, jobs, shard, languages,
          allow_english_content, wages, areas, wages_release) -> None:
    """Build brochures from PROFILES (YAML or plain-text files, or folders).

    With no PROFILES, builds the bundled default profile.
    """
    import time

    from generator.build import BuildOptions, build as run_build
    from generator.gather import parse_shard
    from generator.compose.templates import load_audience, load_layout
    from generator.i18n import load as load_language

    started = time.perf_counter()
    languages = tuple(dict.fromkeys(languages)) or ("en",)
    for code in languages:
        load_language(code)

    for name in audiences:
        load_audience(name)
    if layout:
        load_layout(layout)
    options = BuildOptions(audiences=tuple(audiences), layout=layout, formats=tuple(formats) or ("pdf", "docx"),
                           paper=paper, bleed=bleed, output=output,
                           debug=bool(click.get_current_context().find_root().params.get("debug")),
                           jobs=jobs or os.cpu_count() or 1, brand=brand, shard=parse_shard(shard) if shard else (1, 1),
                           languages=languages, allow_english_content=allow_english_content,
                           wages=tuple(wages), areas=tuple(areas), wages_release=wages_release)
    try:
        result = run_build(profiles, options, progress=_progress)
    except BuildError as failure:  # others were built: say so, then the failures, exit 1
        if failure.result is not None:
            _report(failure.result.warnings)
            click.echo(_summary(failure.result, output, started, failure.failed))
        raise
    _report(result.warnings)
    click.echo(_summary(result, output, started, 0))


def _summary(result, output: Path, started: float, failed: int) -> str:
    """One line: files written, profiles failed, seconds."""
    import time

    seconds = time.perf_counter() - started
    failures = f", {failed} profile(s) failed" if failed else ""
    unmatched = result.without_local_pay
    failures += f", {unmatched} profile(s) without local pay (not in the wage tables)" if unmatched else ""
    return f"wrote {len(result.written)} file(s) to {printable(output)}{failures} in {seconds:.1f} s"


def _progress(items, length: int):
    """A progress bar on stderr when there is more than one profile and stderr is a terminal."""
    if length < 2 or not sys.stderr.isatty():
        yield from items
        return
    with click.progressbar(items, length=length, label="Building", file=sys.stderr) as bar:
        yield from bar


@main.command("list")
def list_command() -> None:
    """List the audiences, layouts and languages available."""
    from generator.compose.templates import load_audience, load_layout, names
    from generator.i18n import languages, load

    click.echo("Audiences:")
    for name in names("audiences"):
        audience = load_audience(name)
        click.echo(f"  {name:<12} {audience.description} (default layout: {audience.default_layout})")
    click.echo("Layouts:")
    for name in names("layouts"):
        click.echo(f"  {name:<12} {load_layout(name).description}")
    click.echo("Languages (--lang):")
    for code in languages():
        click.echo(f"  {code:<12} {load(code).name} ({load(code).tag})")


@main.command("areas")
@click.argument("table", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("text", required=False, default="")
def areas_command(table: Path, text: str) -> None:
    """List the areas a BLS wage TABLE holds (code, state, name), those holding TEXT if given, for --area."""
    from generator.wages import load_tables, matching_areas

    for area in matching_areas(load_tables([table], need_release=False), text):
        click.echo(printable(f"{area.code:>7}  {area.state:<2}  {area.title}"))


@main.command("import")
@click.argument("text", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the YAML here instead of standard output.")
def import_command(text: Path, output: Path | None) -> None:
    """Import a plain-text profile and print it as YAML."""
    from generator.atomic import write_text_atomic
    from generator.profile.importer import import_file
    from generator.profile.yaml_io import dump_profile

    profile, warnings = import_file(text)
    _report(warnings)
    yaml_text = dump_profile(profile)
    if output:
        write_text_atomic(output, yaml_text)
    else:
        click.echo(yaml_text, nl=False)


@main.command()
@click.argument("profiles", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--brand", type=click.Path(dir_okay=False, path_type=Path), default=None, metavar="FILE",
              help="Check this brand file (and its logo) too.")
def validate(profiles: tuple[Path, ...], brand: Path | None) -> None:
    """Check YAML profiles and their translations (NAME.es.yaml, checked against NAME.yaml), and a
    brand file with its logo; print one line per problem."""
    from generator.i18n import languages
    from generator.profile.twin import load_twin, twin_base, twin_language
    from generator.profile.yaml_io import load_profile

    problems: list[str] = []
    if brand is not None:
        from generator.brand import load_brand

        try:
            _report(load_brand(brand)[1])
        except BrochureError as exc:
            problems.extend(exc.format_message().splitlines())
    for path in profiles:
        try:
            if twin_language(path, languages()):
                load_twin(path, load_profile(twin_base(path))[0])
                continue
            _, warnings = load_profile(path)
            _report(warnings)
        except BrochureError as exc:
            problems.extend(exc.format_message().splitlines())
    if problems:
        raise ProfileError(problems)
    click.echo(f"{len(profiles)} profile(s) valid")


@main.command()
@click.option("--brand", "brand", is_flag=True, help="The brand file's schema instead.")
def schema(brand: bool) -> None:
    """Print the JSON Schema of a profile, or of a brand file (for editors)."""
    import json

    if brand:
        from generator.brand import brand_schema

        click.echo(json.dumps(brand_schema(), indent=2))
        return
    from generator.profile.model import Profile

    click.echo(json.dumps(Profile.model_json_schema(), indent=2))


def _stop(signum: int, frame) -> None:
    """SIGTERM or SIGINT: stop the run where it is (it removes its temporary files), exit 143 or 130."""
    raise Stopped(signum)


def run() -> None:
    """The console script: the command, then an immediate exit. By then every file is written,
    flushed and renamed, and worker processes are joined; Python's own teardown of a build's
    objects (Matplotlib, ReportLab, parsed fonts: 100+ MB) would keep the user waiting another
    0.25-0.3 s for nothing. Tests call `main` itself (Click's runner), which returns.

    The cycle collector runs every 10,000 new objects instead of every 700: a build makes
    millions (parsed paragraphs, XML, drawings) and the default spent ~8% of a build collecting."""
    gc.set_threshold(10_000, 10, 10)
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, _stop)
    try:
        main()
        code = 0
    except Stopped as stop:  # the build has removed what it had begun to write
        click.echo("stopped", err=True)
        code = stop.exit_code
    except SystemExit as stop:
        if isinstance(stop.code, str):
            click.echo(stop.code, err=True)
        code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
