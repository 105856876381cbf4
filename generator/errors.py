"""One small exception tree; the CLI shows each as one line, exit code 2 or 1."""

from __future__ import annotations

import click


class BrochureError(click.ClickException):
    """Root of every error the tool reports to a user."""

    exit_code = 1

    def show(self, file=None) -> None:
        """One line per problem on stderr, already prefixed with file and line."""
        click.echo(self.format_message(), err=True, file=file)


class InputError(BrochureError):
    """Bad input: a profile, template or option the user can fix (exit 2)."""

    exit_code = 2


class ProfileError(InputError):
    """A profile that cannot be read or does not validate.

    `problems` holds one line per problem, each `FILE:LINE: field.path: message`.
    """

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


class ImportTextError(InputError):
    """A plain-text profile that is not a profile at all."""


class TemplateError(InputError):
    """A layout, audience or style file that is missing or invalid."""


class BuildError(BrochureError):
    """A build that failed although its input was valid (exit 1); `result` holds what was written."""

    def __init__(self, message: str, result=None):
        super().__init__(message)
        self.result = result


class FitError(BuildError):
    """Content that does not fit a fixed-page layout even after fitting."""
