"""Compose: (profile, audience, layout) -> a fitted, renderer-neutral Brochure."""

from __future__ import annotations

from generator.compose.cover import cover_sections
from generator.compose.fit import Measure
from generator.compose.fitting import Draft, fit
from generator.compose.model import Brochure, Bullets, ChartArt, Heading, Metadata, Paragraph, Section, Steps
from generator.compose.sections import BUILDERS, Context
from generator.compose.templates import AudienceSpec, LayoutSpec, SectionSpec, StyleSpec
from generator.compose.wording import with_count
from generator.errors import TemplateError
from generator.profile.model import Profile


def _item_count(body: tuple) -> int:
    """How many steps or items the section's first list has (for '{Count} steps ...')."""
    for block in body:
        if isinstance(block, Steps):
            return len(block.steps)
        if isinstance(block, Bullets):
            return len(block.items)
    return 0


def _condensed_spec(spec: SectionSpec) -> SectionSpec | None:
    """The same section in a shorter form (whole texts cut to first sentences), if it has one."""
    if not any(step.whole for step in spec.steps):
        return None
    return spec.model_copy(update={"steps": [s.model_copy(update={"whole": False}) for s in spec.steps]})


def _section(profile: Profile, spec: SectionSpec, ctx: Context, where: str) -> Section | None:
    builder = BUILDERS.get(spec.id)
    if builder is None:
        raise TemplateError(f"{where}: unknown section id {spec.id!r} (known: {', '.join(sorted(BUILDERS))})")
    body = builder(profile, spec, ctx)
    if not body:
        return None
    intro = (Paragraph(with_count(spec.intro, _item_count(body)), "intro"),) if spec.intro else ()
    blocks = (Heading(spec.heading, 1),) + intro + body
    shorter = _condensed_spec(spec)
    condensed = _section(profile, shorter, ctx, where) if shorter else None
    return Section(spec.id, blocks, spec.priority, spec.heading,
                   condensed=condensed if condensed and condensed.blocks != blocks else None)


def draft(profile: Profile, audience: AudienceSpec, charts: dict[str, ChartArt]) -> Draft:
    """Every section the audience wants that the profile can fill, by panel role."""
    where = f"templates/audiences/{audience.name}.yaml"
    ctx = Context(charts, audience)
    flow = [_section(profile, s, ctx, where) for s in audience.sections]
    back = [_section(profile, s, ctx, where) for s in audience.back]
    filler = _section(profile, audience.filler, ctx, where) if audience.filler else None
    return Draft({"cover": cover_sections(profile, audience),
                  "flow": [s for s in flow if s], "back": [s for s in back if s]}, filler)


def compose(profile: Profile, slug: str, audience: AudienceSpec, layout: LayoutSpec, paper: str,
            style_spec: StyleSpec, charts: dict[str, ChartArt], measure: Measure) -> Brochure:
    """A fitted brochure for one audience in one layout."""
    fitted = fit(draft(profile, audience, charts), layout, paper, style_spec, audience.type_factor, measure)
    panels, style, scale, dropped = fitted.panels, fitted.style, fitted.scale, fitted.dropped
    width, height = layout.paper[paper]
    keywords = (profile.title, "career", "brochure", audience.name, "salary", "job outlook")
    metadata = Metadata(title=f"{profile.title} \u2014 career brochure for {audience.name}",
                        author="career-brochure", subject=audience.description, keywords=keywords)
    return Brochure(slug=slug, audience=audience.name, layout=layout.name, paper=paper,
                    page_width=width, page_height=height, page_count=len(layout.pages),
                    bleed=layout.bleed[paper], docx_columns=layout.docx_columns, panels=tuple(panels),
                    style=style, metadata=metadata, scale=scale, dropped=tuple(dropped))
