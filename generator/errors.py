"""One small exception tree; the CLI shows each as one line, exit code 2 or 1."""

from __future__ import annotations

import re

import click

# What must never reach a terminal as it is: control characters (ESC starts a terminal command, a
# line end or U+2028 starts a line nobody wrote), and the marks that turn text's direction round.
_CONTROLS = "\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_CONTROL = re.compile(f"[{_CONTROLS}\n]")
_CONTROL_BUT_LINES = re.compile(f"[{_CONTROLS}]")


def _escaped(match: re.Match) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: object) -> str:
    """Text from a file (a key, a title, a file name) as one line a terminal prints as it is:
    '\\x1b', '\\n', '\\u2028' for the characters that would act instead."""
    return _CONTROL.sub(_escaped, str(text))


def printable_lines(text: str) -> str:
    """The same for a message of several lines: its own line ends stay."""
    return _CONTROL_BUT_LINES.sub(_escaped, text)


class BrochureError(click.ClickException):
    """Root of every error the tool reports to a user."""

    exit_code = 1

    def show(self, file=None) -> None:
        """One line per problem on stderr, already prefixed with file and line."""
        click.echo(printable_lines(self.format_message()), err=True, file=file)


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

    def __init__(self, message: str, result=None, failed: int = 0):
        super().__init__(message)
        self.result = result
        self.failed = failed  # how many profiles failed (a profile may have several problems)


class FitError(BuildError):
    """Content that does not fit a fixed-page layout even after fitting."""


class Stopped(BaseException):
    """The run was asked to stop (SIGTERM, SIGINT): it cleans up and exits 128 + the signal.

    Not an Exception, so nothing that catches one profile's failure swallows it."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.exit_code = 128 + signum
