"""One profile through the pipeline: its charts (drawn once, or from the chart cache), its
brochures composed and fitted in each language, and its files rendered to temporary files; and the
templates and brand file a build uses, checked before any of that."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from generator.atomic import write_temp
from generator.errors import FitError
from generator.options import BuildOptions


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
        keep_charts(key, _drawn_or_cached(profile, style, types, local))
    return _CHARTS[key]


def _charts_key(profile, style, types: tuple[str, ...], local=None) -> tuple:
    from generator.i18n import active

    return profile.model_dump_json(), style.model_dump_json(), types, active().code, repr(local)


def keep_charts(key: tuple, charts: dict) -> None:
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


def all_charts(editions: dict, style, types: tuple[str, ...], local=None) -> dict:
    """Every language's charts of one profile: {charts_for key: charts}."""
    from generator import i18n

    out = {}
    for lang, profile in editions.items():
        with i18n.use(lang):
            out[_charts_key(profile, style, types, local)] = _drawn_or_cached(profile, style, types, local)
    return out


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
