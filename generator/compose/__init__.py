"""Compose: (profile, audience, layout) -> a fitted, renderer-neutral Brochure."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from generator.compose.cover import cover_sections
from generator.compose.fit import Measure, Overflow, pack
from generator.compose.geometry import panels_of
from generator.compose.model import (
    Brochure, Bullets, ChartArt, Heading, Metadata, Panel, Paragraph, Section, Steps, WritingLines,
)
from generator.compose.sections import BUILDERS, Context
from generator.compose.wording import with_count
from generator.compose.styles import BODY_FLOOR, resolve_style
from generator.compose.templates import AudienceSpec, LayoutSpec, SectionSpec, StyleSpec
from generator.errors import FitError, TemplateError
from generator.profile.model import Profile

SCALE_STEP = 0.03
TITLE_STEPS = (1.0, 0.9, 0.8, 0.7, 0.62)
MAX_GROWTH = 1.12  # spare room becomes larger type, up to this much


@dataclass
class Draft:
    """Sections per panel role, before fitting."""

    by_role: dict[str, list[Section]] = field(default_factory=dict)


def _item_count(body: tuple) -> int:
    """How many steps or items the section's first list has (for '{Count} steps ...')."""
    for block in body:
        if isinstance(block, Steps):
            return len(block.steps)
        if isinstance(block, Bullets):
            return len(block.items)
    return 0


def _section(profile: Profile, spec: SectionSpec, ctx: Context, where: str) -> Section | None:
    builder = BUILDERS.get(spec.id)
    if builder is None:
        raise TemplateError(f"{where}: unknown section id {spec.id!r} (known: {', '.join(sorted(BUILDERS))})")
    body = builder(profile, spec, ctx)
    if not body:
        return None
    intro = (Paragraph(with_count(spec.intro, _item_count(body)), "intro"),) if spec.intro else ()
    return Section(spec.id, (Heading(spec.heading, 1),) + intro + body, spec.priority, spec.heading)


def draft(profile: Profile, audience: AudienceSpec, charts: dict[str, ChartArt]) -> Draft:
    """Every section the audience wants that the profile can fill, by panel role."""
    where = f"templates/audiences/{audience.name}.yaml"
    ctx = Context(charts, audience)
    flow = [_section(profile, s, ctx, where) for s in audience.sections]
    back = [_section(profile, s, ctx, where) for s in audience.back]
    return Draft({"cover": cover_sections(profile, audience),
                  "flow": [s for s in flow if s], "back": [s for s in back if s]})


def _drop_order(sections: list[Section]) -> list[Section]:
    """Optional sections, least important (then latest) first."""
    optional = [(s.priority, i, s) for i, s in enumerate(sections) if s.priority > 1]
    return [s for _, _, s in sorted(optional, key=lambda t: (-t[0], -t[1]))]


def _routes(sections: list[Section], targets: list[Panel]):
    """Pairs (panels, sections): panels that accept named sections get just those."""
    claimed = {sid for p in targets for sid in p.accepts}
    for panel in (p for p in targets if p.accepts):
        yield [panel], [s for s in sections if s.section_id in panel.accepts]
    rest = [p for p in targets if not p.accepts]
    if rest:
        yield rest, [s for s in sections if s.section_id not in claimed]


def _pack_dropping(sections: list[Section], targets: list[Panel], measure: Measure, style):
    """Pack, dropping optional sections by priority until it fits: (panels, dropped ids)."""
    keep, dropped = list(sections), []
    candidates = _drop_order(sections)
    while True:
        try:
            return pack(keep, targets, measure, style), dropped
        except Overflow:
            if not candidates:
                raise
            victim = candidates.pop(0)
            keep = [s for s in keep if s is not victim]
            dropped.append(victim.section_id)


def _lines_into_empty_panels(packed: list[Panel]) -> list[Panel]:
    """Panels left empty after a writing-lines section get lines too, not blank paper."""
    out, lines = [], None
    for panel in packed:
        if lines is not None and not panel.sections:
            panel = replace(panel, sections=(lines,))
        elif any(isinstance(b, WritingLines) for s in panel.sections for b in s.blocks):
            section = next(s for s in panel.sections if any(isinstance(b, WritingLines) for b in s.blocks))
            lines = Section(section.section_id, (WritingLines(),), section.priority)
        out.append(panel)
    return out


def _pack_all(d: Draft, panels: list[Panel], measure: Measure, style, may_drop: bool):
    """Every role's sections into its panels: (panels in order, dropped section ids)."""
    filled: dict[str, Panel] = {}
    dropped: list[str] = []
    for role, sections in d.by_role.items():
        for targets, routed in _routes(sections, [p for p in panels if p.role == role]):
            if may_drop:
                packed, lost = _pack_dropping(routed, targets, measure, style)
                dropped += lost
            else:
                packed = pack(routed, targets, measure, style)
            filled.update((p.name, p) for p in _lines_into_empty_panels(packed))
    return [filled.get(p.name, p) for p in panels], dropped


def _cached(measure: Measure) -> Measure:
    cache: dict = {}

    def measured(block, width, style):
        key = (block, round(width, 2), style.type)
        if key not in cache:
            cache[key] = measure(block, width, style)
        return cache[key]
    return measured


def _smaller_scales(layout: LayoutSpec, factor: float) -> list[float]:
    floor = BODY_FLOOR / (layout.type_scale.body * factor)
    count = int((1.0 - floor) / SCALE_STEP + 1e-9)
    return [1.0 - SCALE_STEP * i for i in range(1, count + 1)] + ([floor] if floor < 1.0 else [])


def _grow(d, layout, style_spec, factor, measure, panels):
    """The largest type scale up to MAX_GROWTH at which everything still fits (binary search)."""
    steps = int(round((MAX_GROWTH - 1.0) / SCALE_STEP))
    low, high, best = 1, steps, None
    while low <= high:
        middle = (low + high) // 2
        scale = 1.0 + middle * SCALE_STEP
        style = resolve_style(style_spec, layout.type_scale, factor * scale)
        try:
            best = (_pack_all(d, panels, measure, style, may_drop=False)[0], style, scale)
            low = middle + 1
        except Overflow:
            high = middle - 1
    return best


def _title_factor(d, layout, style_spec, factor, measure, panels) -> float:
    """Long titles are set smaller (down to TITLE_STEPS[-1]) before anything else gives way."""
    cover_only = Draft({"cover": d.by_role.get("cover", [])})
    for title in TITLE_STEPS:
        style = resolve_style(style_spec.model_copy(update={"title_factor": title}), layout.type_scale, factor)
        try:
            _pack_all(cover_only, panels, measure, style, may_drop=False)
            return title
        except Overflow:
            continue
    return TITLE_STEPS[-1]


def fit(d: Draft, layout: LayoutSpec, paper: str, style_spec: StyleSpec, factor: float,
        measure: Measure) -> tuple[list[Panel], object, float, list[str]]:
    """Fill the panels: grow type into spare room; else drop optional sections, then shrink type."""
    panels, measure = panels_of(layout, paper), _cached(measure)
    title = _title_factor(d, layout, style_spec, factor, measure, panels)
    style_spec = style_spec.model_copy(update={"title_factor": title})
    style = resolve_style(style_spec, layout.type_scale, factor)
    try:
        filled, _ = _pack_all(d, panels, measure, style, may_drop=False)
        grown = _grow(d, layout, style_spec, factor, measure, panels)
        return (grown[0], grown[1], grown[2], []) if grown else (filled, style, 1.0, [])
    except Overflow:
        pass
    last = None
    for scale in [1.0] + _smaller_scales(layout, factor):
        style = resolve_style(style_spec, layout.type_scale, factor * scale)
        try:
            filled, dropped = _pack_all(d, panels, measure, style, may_drop=True)
            return filled, style, scale, dropped
        except Overflow as overflow:
            last = overflow
    raise FitError(f"{layout.name}: does not fit even at {BODY_FLOOR:g} pt body text: {last}")


def compose(profile: Profile, slug: str, audience: AudienceSpec, layout: LayoutSpec, paper: str,
            style_spec: StyleSpec, charts: dict[str, ChartArt], measure: Measure) -> Brochure:
    """A fitted brochure for one audience in one layout."""
    panels, style, scale, dropped = fit(draft(profile, audience, charts), layout, paper, style_spec,
                                        audience.type_factor, measure)
    width, height = layout.paper[paper]
    keywords = (profile.title, "career", "brochure", audience.name, "salary", "job outlook")
    metadata = Metadata(title=f"{profile.title} \u2014 career brochure for {audience.name}",
                        author="career-brochure", subject=audience.description, keywords=keywords)
    return Brochure(slug=slug, audience=audience.name, layout=layout.name, paper=paper,
                    page_width=width, page_height=height, page_count=len(layout.pages),
                    bleed=layout.bleed[paper], docx_columns=layout.docx_columns, panels=tuple(panels),
                    style=style, metadata=metadata, scale=scale, dropped=tuple(dropped))
