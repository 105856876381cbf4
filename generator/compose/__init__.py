"""Compose: (profile, audience, layout) -> a fitted, renderer-neutral Brochure."""

from __future__ import annotations

from dataclasses import replace

from generator import i18n
from generator.compose.base import Context
from generator.compose.cover import cover_sections, cover_title
from generator.compose.fit import Measure
from generator.compose.fitting import Draft, fit
from generator.compose.model import Brochure, Bullets, ChartArt, Heading, Metadata, Paragraph, Section, Steps
from generator.compose.sections import BUILDERS
from generator.compose.templates import TEMPLATES_DIR, AudienceSpec, LayoutSpec, SectionSpec, StyleSpec
from generator.compose.wording import with_count
from generator.errors import FitError, TemplateError
from generator.i18n import t
from generator.profile.model import Profile


def check_audience(audience: AudienceSpec) -> None:
    """Every section id of an audience names a builder (else one line naming the file and the id)."""
    for spec in [*audience.sections, *audience.back, *([audience.filler] if audience.filler else [])]:
        if spec.id not in BUILDERS:
            raise TemplateError(f"{TEMPLATES_DIR / 'audiences' / audience.name}.yaml: sections: unknown section id "
                                f"{spec.id!r} (known: {', '.join(sorted(BUILDERS))})")


def _item_count(body: tuple) -> int:
    """How many steps or items the section's first list has (for '{Count} steps ...')."""
    for block in body:
        if isinstance(block, Steps):
            return len(block.steps)
        if isinstance(block, Bullets):
            return len(block.items)
    return 0


def _shorter_specs(spec: SectionSpec) -> list[SectionSpec]:
    """The section's shorter forms, each shorter than the one before: whole texts cut to first
    sentences, then its lists cut to `fit_items` (with '…and N more')."""
    out = []
    if any(step.whole for step in spec.steps):
        spec = spec.model_copy(update={"steps": [s.model_copy(update={"whole": False}) for s in spec.steps]})
        out.append(spec)
    if spec.fit_items and (spec.max_items is None or spec.fit_items < spec.max_items):
        out.append(spec.model_copy(update={"max_items": spec.fit_items}))
    return out


SHORT_ITEM = 22  # characters: a list whose items are all this short may be set in two columns to fit (one line
#   each at half the narrowest column of any layout: a tri-fold panel at 10.5 pt)
TWO_COLUMNS_MIN = 4  # items; two columns of one item each save nothing


def in_two_columns(blocks: tuple) -> tuple:
    """The blocks with each list of short items set in two columns (the same words, less height)."""
    def halved(block):
        if not isinstance(block, Bullets) or block.columns > 1 or len(block.items) < TWO_COLUMNS_MIN:
            return block
        labels = block.labels or ("",) * len(block.items)
        if any(len(f"{label} {item}".strip()) > SHORT_ITEM for label, item in zip(labels, block.items)):
            return block
        return replace(block, columns=2)
    return tuple(halved(b) for b in blocks)


LEFT_OUT_TRIES = 3  # fittings that may name what is left out before the last one stands


def _priority(spec: SectionSpec, ctx: Context) -> int:
    """The section's priority; 1 (never dropped) when it is part of the call to action."""
    essential = spec.essential == "always" or (spec.essential == "without_brand" and ctx.brand is None)
    return 1 if essential else spec.priority


def _section(profile: Profile, spec: SectionSpec, ctx: Context, where: str) -> Section | None:
    """The section and, chained as its `condensed`, the shorter forms fitting may use before it
    leaves the section out: short lists in two columns, then each of `_shorter_specs`."""
    builder = BUILDERS.get(spec.id)
    if builder is None:
        raise TemplateError(f"{where}: unknown section id {spec.id!r} (known: {', '.join(sorted(BUILDERS))})")
    body = builder(profile, spec, ctx)
    if not body:
        return None
    intro = (Paragraph(with_count(spec.intro, _item_count(body)), "intro"),) if spec.intro else ()
    head = (Heading(spec.heading, 1),) + intro
    forms = [head + body, head + in_two_columns(body)]
    two = forms[-1] != forms[0]
    for shorter in _shorter_specs(spec):
        cut = builder(profile, shorter, ctx)
        forms.append(head + (in_two_columns(cut) if two else cut))
    versions = [f for i, f in enumerate(forms) if i == 0 or f != forms[i - 1]]
    section = None
    for blocks in reversed(versions):
        section = Section(spec.id, blocks, _priority(spec, ctx), spec.heading, condensed=section)
    return section


def draft(profile: Profile, audience: AudienceSpec, charts: dict[str, ChartArt], brand=None, local=None) -> Draft:
    """Every section the audience wants that the profile (and the brand and local pay, if any) can
    fill, by panel role."""
    where = f"templates/audiences/{audience.name}.yaml"
    ctx = Context(charts, audience, brand, local)
    flow = [_section(profile, s, ctx, where) for s in audience.sections]
    back = [_section(profile, s, ctx, where) for s in audience.back]
    filler = _section(profile, audience.filler, ctx, where) if audience.filler else None
    flow, back = _without_repeats([s for s in flow if s], [s for s in back if s])
    return Draft({"cover": cover_sections(profile, audience, brand), "flow": flow, "back": back}, filler)


def _without_repeats(*groups: list[Section]) -> list[list[Section]]:
    """No text printed twice: a paragraph or list item said earlier (a step, say) is left out later.

    A section left with nothing but its heading is left out.
    """
    seen: set[str] = set()
    out: list[list[Section]] = []
    for sections in groups:
        kept = []
        for section in sections:
            section = _unrepeated(section, seen)
            if section is not None:
                kept.append(section)
        out.append(kept)
    return out


def _unrepeated(section: Section | None, seen: set[str]) -> Section | None:
    """The section (and its shorter forms) without what `seen` holds, which it adds to; None when only
    its heading is left."""
    if section is None:
        return None
    said = set(seen)  # what came before: each shorter form is checked against it, not against the longer
    blocks = tuple(b for b in (_unseen(block, seen) for block in section.blocks) if b is not None)
    if not any(not isinstance(b, Heading) and not (isinstance(b, Paragraph) and b.role == "intro") for b in blocks):
        return None
    return replace(section, blocks=blocks, condensed=_unrepeated(section.condensed, said))


def _unseen(block, seen: set[str]):
    """The block without what `seen` already holds (None when nothing is left); records what it says."""
    if isinstance(block, Paragraph) and block.role not in ("intro", "caption", "note"):
        key = block.text.casefold().strip()
        if key in seen:
            return None
        seen.add(key)
    elif isinstance(block, Bullets):
        labels = block.labels or ("",) * len(block.items)
        keys = [f"{label}: {item}".casefold().strip(": ") for label, item in zip(labels, block.items)]
        keep = [i for i, key in enumerate(keys) if key not in seen]
        seen.update(keys)
        if not keep:
            return None
        if len(keep) < len(block.items):
            block = replace(block, items=tuple(block.items[i] for i in keep),
                            labels=tuple(block.labels[i] for i in keep) if block.labels else ())
    elif isinstance(block, Steps):
        seen.update(step.text.casefold().strip() for step in block.steps)
    return block


def _keeping(drafted: Draft, keep: frozenset[str]) -> tuple[Draft, list[str]]:
    """The draft holding the sections in `keep` only, never dropped (priority 1): (draft, the ids
    left out). Without `keep`, the draft as it was."""
    if not keep:
        return drafted, []

    def kept(section: Section) -> Section:
        condensed = kept(section.condensed) if section.condensed is not None else None
        return replace(section, priority=1, condensed=condensed)

    left_out = [s.section_id for sections in drafted.by_role.values() for s in sections if s.section_id not in keep]
    by_role = {role: [kept(s) for s in sections if s.section_id in keep] for role, sections in drafted.by_role.items()}
    return replace(drafted, by_role=by_role), left_out


def _saying_left_out(drafted: Draft, left_out: list[str], profile: Profile, *fitting):
    """The fitting again with the sources naming, by their headings, what is left out to fit; once
    more if saying so leaves out something else, so the line names what the page lacks."""
    held = {s.section_id: s.bookmark or s.section_id for sections in drafted.by_role.values() for s in sections}
    before = [sid for sid in left_out if sid not in held]  # left out before fitting (see `keep`)
    key = "phrases.left_out" if profile.sources else "phrases.left_out_unsourced"
    for _ in range(LEFT_OUT_TRIES):
        note = Paragraph(t(key, sections=", ".join(held.get(sid, sid) for sid in left_out)), "caption")
        by_role = {role: [replace(s, blocks=s.blocks + (note,)) if s.section_id == "sources" else s
                          for s in sections] for role, sections in drafted.by_role.items()}
        fitted = fit(replace(drafted, by_role=by_role), *fitting)
        now = [*before, *fitted.dropped]
        if set(now) == set(left_out):
            break
        left_out = now
    return fitted


def _document_language(brand) -> str:
    """The catalogue's language tag ('es-US'); a brand's own tag when it names the same language ('en-GB')."""
    tag = i18n.active().tag
    own = brand.brand.language if brand is not None else None
    return own if own and own.split("-")[0].casefold() == tag.split("-")[0].casefold() else tag


def compose(profile: Profile, slug: str, audience: AudienceSpec, layout: LayoutSpec, paper: str,
            style_spec: StyleSpec, charts: dict[str, ChartArt], measure: Measure, brand=None,
            keep: frozenset[str] = frozenset(), local=None) -> Brochure:
    """A fitted brochure for one audience in one layout; `brand` (a LoadedBrand) adds who hands it
    out (its colours are already in `style_spec`: see compose.branding). With `keep` (the sections
    the English edition printed), it prints those and only those, set smaller rather than dropped
    while the type floor allows (else it fits by the usual rules). `local` (a wages.LocalPay) adds
    BLS's pay in the areas the build names."""
    drafted = draft(profile, audience, charts, brand, local)
    same, left_out = _keeping(drafted, keep)
    try:
        fitted = fit(same, layout, paper, style_spec, audience.type_factor, measure)
    except FitError:
        if not keep:
            raise
        same, left_out = drafted, []
        fitted = fit(drafted, layout, paper, style_spec, audience.type_factor, measure)
    if audience.says_left_out and (fitted.dropped or left_out):
        fitted = _saying_left_out(same, [*left_out, *fitted.dropped], profile, layout, paper, style_spec,
                                  audience.type_factor, measure)
    panels, style, scale = fitted.panels, fitted.style, fitted.scale
    dropped = [*left_out, *fitted.dropped]
    width, height = layout.paper[paper]
    keywords = (profile.title, *(word.format(audience=audience.reader) for word in i18n.words("metadata.keywords")))
    metadata = Metadata(title=t("metadata.title", title=profile.title, audience=audience.reader),
                        author=brand.brand.name if brand else "career-brochure",
                        subject=audience.description, keywords=keywords,
                        language=_document_language(brand),
                        data_date=next((s.data_as_of for s in profile.sources if s.data_as_of), ""))
    shortened = cover_title(profile.title) != profile.title
    warnings = (f"the title is {len(profile.title)} characters; the cover shortens it to "
                f"'{cover_title(profile.title)}'",) if shortened else ()
    if scale < 1.0:
        warnings += (f"body type set at {style.type.body:.2f} pt, below the layout's "
                     f"{layout.type_scale.body * audience.type_factor:g} pt, to fit",)
    return Brochure(slug=slug, audience=audience.name, layout=layout.name, paper=paper, warnings=warnings,
                    page_width=width, page_height=height, page_count=len(layout.pages),
                    bleed=layout.bleed[paper], docx_columns=layout.docx_columns, panels=tuple(panels),
                    style=style, metadata=metadata, scale=scale, dropped=tuple(dropped),
                    page_numbers=tuple(n for n in layout.page_numbers if 1 <= n <= len(layout.pages)))
