"""What a build is asked for (BuildOptions) and what it did (BuildResult): the one place every step
of the pipeline (generator.gather, generator.pipeline, generator.jobs, generator.build) reads them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional


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
