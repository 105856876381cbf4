"""A build's local pay: the wage tables and areas it names (--wages, --area, a brand's `area:`),
and each profile's occupation found in them, before any brochure is composed."""

from __future__ import annotations

from pathlib import Path

from generator.errors import InputError, printable


def wanted_areas(options, brand) -> list[str]:
    """The areas asked for: --area, else the brand's own."""
    if options.areas:
        return list(options.areas)
    return list(brand.brand.area) if brand is not None else []


def local_pay_for(loaded: list[tuple[Path, dict]], options, brand) -> tuple[dict[Path, object], list[str]]:
    """{profile path: LocalPay} for the profiles the tables hold, and a warning for each they do not
    (a single profile the tables do not hold stops the build: exit 2, the three closest titles)."""
    if not options.wages:
        if options.areas:
            raise InputError("--area: needs --wages FILE (BLS's OEWS tables) to take the figures from")
        return {}, []
    from generator.wages import find_areas, load_tables, local_pay, occupation

    tables = load_tables(list(options.wages), options.wages_release)
    queries = wanted_areas(options, brand)
    if not queries:
        raise InputError("--wages: name the areas to print with --area (e.g. --area CA), or `area:` in the brand file")
    areas = find_areas(tables, queries)
    found, warnings = {}, []
    for path, editions in loaded:
        profile = next(iter(editions.values()))
        match = occupation(tables, profile.soc or "", profile.title)
        if isinstance(match, tuple):
            found[path] = local_pay(tables, areas, *match)
            continue
        what = f"SOC {profile.soc}" if profile.soc else f"'{printable(profile.title)}'"
        line = (f"{printable(path)}: the wage tables have no occupation {what}; the closest titles: "
                f"{printable('; '.join(match))} (set `soc:` in the profile)")
        if len(loaded) == 1:
            raise InputError(line)
        warnings.append(f"{line}; built without local pay")
    for _, db in tables.files:
        db.close()
    return found, warnings
