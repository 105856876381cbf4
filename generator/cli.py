"""Thin Click layer: parse options, call the library, print one line per problem."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.errors import BrochureError, ProfileError


def _report(lines: list[str]) -> None:
    for line in lines:
        click.echo(line, err=True)


class _Group(click.Group):
    """Turns any unexpected exception into one line (a traceback only with --debug)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as exc:  # noqa: BLE001 - the last line of defence for users
            if ctx.params.get("debug"):
                raise
            click.echo(f"error: {type(exc).__name__}: {exc}", err=True)
            ctx.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show tracebacks for unexpected errors.")
@click.version_option(package_name="career-brochure")
def main(debug: bool) -> None:
    """Turn occupation profiles into print-ready career brochures."""


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
def validate(profiles: tuple[Path, ...]) -> None:
    """Check YAML profiles; print one line per problem."""
    from generator.profile.yaml_io import load_profile

    problems: list[str] = []
    for path in profiles:
        try:
            _, warnings = load_profile(path)
            _report(warnings)
        except BrochureError as exc:
            problems.extend(exc.format_message().splitlines())
    if problems:
        raise ProfileError(problems)
    click.echo(f"{len(profiles)} profile(s) valid")


@main.command()
def schema() -> None:
    """Print the JSON Schema of a profile (for editors)."""
    import json

    from generator.profile.model import Profile

    click.echo(json.dumps(Profile.model_json_schema(), indent=2))


if __name__ == "__main__":  # pragma: no cover
    main(sys.argv[1:])
