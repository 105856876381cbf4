"""A build's inputs, gathered before any work: the profiles named (files, folders, or the bundled
one), the share a shard builds, each profile in every language asked for, a folder name per
profile, and an output folder that takes files. Nothing here composes or renders."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Iterable

from generator.atomic import write_temp
from generator.errors import InputError, ProfileError, printable
from generator.options import BuildOptions
from generator.resources import bundled

DEFAULT_PROFILE = bundled("data") / "medical-records-specialists.yaml"
PROFILE_SUFFIXES = (".yaml", ".yml", ".txt")


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
