"""Section builders: profile -> blocks, one function per section id.

Each returns the section's body blocks (the heading comes from the audience
file), or an empty tuple when the profile has nothing to say. Text from the
profile is printed as the profile gives it; the few fixed words around it come
from templates/ (audiences and wording tables).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

from generator.compose import pathway as path
from generator.compose import wording as w
from generator.compose.model import (
    Block, Bullets, Chart, ChartArt, Heading, Link, Logo, Paragraph, QRCode, Steps, Table, WritingLines,
)
from generator.compose.templates import AudienceSpec, SectionSpec
from generator.i18n import source_date, t
from generator.links import is_web_link
from generator.money import per
from generator.profile.model import Profile


@dataclass(frozen=True)
class Context:
    """What every builder may look at besides the profile: the charts and the reader."""

    charts: dict[str, ChartArt]
    audience: Optional[AudienceSpec] = None
    brand: object = None  # a LoadedBrand: the organisation handing the brochure out, if any

    @property
    def education_words(self) -> str:
        return self.audience.education_words if self.audience else "term"


Builder = Callable[[Profile, SectionSpec, Context], tuple[Block, ...]]


def _limit(items: list, spec: SectionSpec) -> list:
    return items[: spec.max_items] if spec.max_items else items


def _bullets(items: list[str], spec: SectionSpec) -> tuple[Block, ...]:
    items = _limit([i for i in items if i], spec)
    return (Bullets(tuple(items)),) if items else ()


def _labelled(pairs: list[tuple[str, str]], spec: SectionSpec) -> tuple[Block, ...]:
    pairs = _limit([(k, " ".join(w.paragraphs(v))) for k, v in pairs if v], spec)
    if not pairs:
        return ()
    return (Bullets(tuple(v for _, v in pairs), tuple(k for k, _ in pairs)),)


def _paragraphs(text: Optional[str], role: str = "body", first_role: Optional[str] = None) -> list[Block]:
    """The source's paragraphs as separate blocks (the first may get its own role)."""
    parts = w.paragraphs(text)
    return [Paragraph(part, first_role if first_role and i == 0 else role) for i, part in enumerate(parts)]


def overview(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    return tuple(_paragraphs(p.overview, "body", "lead"))


def education_text(text: str, words: str) -> str:
    """A typical-education text as this reader should read it (templates/wording/education.yaml)."""
    found = w.education_categories(text)
    if not found or words == "term":
        return text
    plain = t("phrases.plain_or").join(c.plain for c in found)
    if words == "plain":
        return plain[:1].upper() + plain[1:] + "."
    return t("phrases.plain_words", text=text, plain=plain)


def entry_requirements(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    education = education_text(p.typical_education, ctx.education_words) if p.typical_education else ""
    jobs = p.number_of_jobs
    jobs_text = (t("phrases.in_year", text=w.jobs(jobs), year=jobs.year) if jobs.year else w.jobs(jobs)) if jobs else ""
    return _labelled([(t("labels.typical_education"), education), (t("labels.work_experience"), p.work_experience or ""),
                      (t("labels.number_of_jobs"), jobs_text)], spec)


def specialties(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    return _bullets(list(p.specialty_areas), spec)


def day_to_day(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    duties = p.levels[0].responsibilities if p.levels else []
    return _bullets(list(duties), spec)


def levels(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    blocks: list[Block] = []
    for level in _limit(p.levels, spec):
        pairs = [(t("labels.pay"), w.salary_range(level.salary, unit=True) if level.salary else ""),
                 (t("labels.experience"), level.experience or ""),
                 (t("labels.education"), level.education or ""),
                 (t("labels.job_titles"), ", ".join(level.job_titles))]
        blocks.append(Heading(level.name, 2))
        blocks.extend(_labelled(pairs, SectionSpec(id="level", heading="")))
    return tuple(blocks)


def levels_table(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    rows = tuple((lv.name, w.salary_range(lv.salary, unit=True) if lv.salary else "\u2014", lv.experience or "\u2014")
                 for lv in _limit(p.levels, spec))
    head = (t("labels.level"), t("labels.salary"), t("labels.experience"))
    return (Table(head, rows, (0.26, 0.3, 0.44)),) if rows else ()


def level_duties(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    blocks: list[Block] = []
    for level in p.levels:
        if level.responsibilities:
            blocks.append(Heading(level.name, 2))
            blocks.append(Bullets(tuple(_limit(list(level.responsibilities), spec))))
    return tuple(blocks)


CHART_IDS = ("salary_by_level", "industry_pay")  # the charts generator/charts draws, by id


def chart_caption(art: ChartArt, what: str) -> str:
    """What the chart shows, in which unit, what its line means, and any conversion."""
    parts = [t("charts.caption_unit", what=what, per=per(art.period))]
    if art.median:
        parts.append(t("charts.caption_median"))
    if art.converted:
        parts.append(t(f"charts.caption_converted.{art.period}"))
    return "; ".join(parts) + "."


def _chart(chart_id: str, what_key: str) -> Builder:
    def build(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
        art = ctx.charts.get(chart_id)
        return (Chart(art, chart_caption(art, t(what_key))),) if art else ()
    return build


def pathway(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    steps = path.steps(p, spec.steps)
    return (Steps(tuple(steps)),) if len(steps) >= 2 else ()


def high_school(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    courses = list(p.how_to_become.high_school_courses)
    if p.how_to_become.high_school:
        return tuple(_paragraphs(p.how_to_become.high_school))
    return _bullets(courses, spec)


def education_details(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    how = p.how_to_become
    return _labelled([(t("labels.education"), how.education or ""), (t("labels.high_school"), how.high_school or ""),
                      (t("labels.postsecondary"), how.postsecondary or ""),
                      (t("labels.advancement"), how.advancement or "")], spec)


def _certificate(name: str, issuer: Optional[str], description: Optional[str]) -> str:
    """'Name — description'; an issuer the description does not name stays beside the name."""
    if issuer and description and issuer not in description:
        name = f"{name}, {issuer}"
    detail = description or issuer
    return f"{name} \u2014 {detail}" if detail else name


def certifications(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    how = p.how_to_become
    items = [_certificate(c.name, c.issuer, c.description) for c in how.certifications]
    return tuple(_paragraphs(how.licensing)) + _bullets(items, spec)


def skills(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    return _bullets(list(p.skills), spec)


def tools(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    return _labelled([(t.category, ", ".join(t.items)) for t in p.tools], spec)


def work_environment(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    env = p.work_environment
    return _labelled([(t("labels.industries"), ", ".join(env.industries)), (t("labels.settings"), env.settings or ""),
                      (t("labels.schedules"), env.schedules or "")], spec)


def outlook(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    o = p.outlook
    blocks: list[Block] = _paragraphs(o.summary)
    if o.annual_openings and w.count(o.annual_openings) not in (o.summary or ""):  # said once, not twice
        blocks.append(Paragraph(t("phrases.openings_average", count=w.count(o.annual_openings)), "emphasis"))
    blocks.extend(_bullets(list(o.drivers), spec))
    return tuple(blocks)


def hot_markets(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    return _bullets(list(p.regional.hot_markets), spec)


def trends(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    return _bullets(list(p.regional.trends), spec)


def industries_table(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    rows = tuple((i.industry, w.money(i.pay) + (f" {per('hour')}" if i.period == "hour" else ""))
                 for i in _limit(p.regional.top_paying_industries, spec))
    return (Table((t("labels.industry"), t("labels.median_pay")), rows, (0.68, 0.32)),) if rows else ()


def related(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    return _labelled([(r.name, r.description or "") for r in p.related_occupations], spec) or \
        _bullets([r.name for r in p.related_occupations], spec)


def resources(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    r = p.resources
    books = [t("phrases.by_authors", title=b.title, authors=w.join_words(list(b.authors))) if b.authors else b.title
             for b in r.books]
    groups = [(t("labels.courses"), r.courses), (t("labels.books"), books), (t("labels.videos"), r.videos),
              (t("labels.podcasts"), r.podcasts), (t("labels.communities"), r.communities)]
    blocks: list[Block] = []
    for name, items in groups:
        listed = _bullets(list(items), spec)
        blocks += [Heading(name, 2), *listed] if listed else []
    return tuple(blocks)


def notes(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    return _bullets(list(p.notes), spec)


def sources(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    if not p.sources:
        return (Paragraph(t("phrases.no_source"), "caption"),)
    blocks: list[Block] = []
    for source in p.sources:
        blocks.append(Paragraph(_source_line(source.name, source.data_as_of), "caption"))
        if source.url:
            blocks.append(Link(source.url) if is_web_link(source.url) else Paragraph(source.url, "caption"))
    return tuple(blocks)


def _source_line(name: str, as_of: Optional[str]) -> str:
    return t("phrases.data_as_of", name=name, date=source_date(as_of)) if as_of else f"{name}."


def source_link(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    url = next((s.url for s in p.sources if s.url and is_web_link(s.url)), None)
    return (QRCode(url, t("phrases.source_qr")),) if url else ()


def fixed_text(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    """A section whose words come from the audience file (where to get help, say), not the profile."""
    blocks: list[Block] = [Paragraph(spec.text)] if spec.text else []
    if spec.link:
        blocks.append(Link(spec.link))
    return tuple(blocks)


def contact(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    """Who hands the brochure out and how to reach them (from the brand file); the section's
    `text` captions the brand's QR code."""
    if ctx.brand is None:
        return ()
    brand, logo = ctx.brand.brand, ctx.brand.logo
    blocks: list[Block] = [Logo(logo.data, logo.kind, t("links.logo_alt", name=logo.alt))] if logo else []
    blocks.append(Paragraph(brand.name, "lead"))
    if brand.event:
        blocks.append(Paragraph(brand.event, "intro"))
    if brand.contact:
        c = brand.contact
        blocks += [Paragraph(line) for line in (c.address, c.phone, c.hours) if line]
        if c.email:
            blocks.append(Link(f"mailto:{c.email}", c.email))
        if c.website:
            blocks.append(Link(c.website))
    if brand.qr:
        blocks.append(QRCode(brand.qr, spec.text or ""))
    return tuple(blocks)


def next_steps(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    """The brand's local programs and next steps: name, then where and how long; a step's web
    address follows it as a link of its own (a real link, broken only after / . -, never inside
    a word)."""
    blocks: list[Block] = []
    for step in _limit(ctx.brand.brand.next_steps if ctx.brand is not None else [], spec):
        rest = " · ".join(x for x in (step.where, step.length) if x)
        blocks.append(Bullets((rest,), (step.name,)) if rest else Bullets((step.name,)))
        if step.link:
            blocks.append(Link(step.link))
    return tuple(blocks)


def local_help(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    """Where any reader can get help in person (the audience file's words); a brand's own contact
    block takes its place."""
    return () if ctx.brand is not None else fixed_text(p, spec, ctx)


def writing_lines(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    return (WritingLines(),)


BUILDERS: dict[str, Builder] = {
    "overview": overview,
    "entry_requirements": entry_requirements,
    "specialties": specialties,
    "day_to_day": day_to_day,
    "levels": levels,
    "levels_table": levels_table,
    "level_duties": level_duties,
    "salary_chart": _chart(CHART_IDS[0], "charts.salary_title"),
    "industry_chart": _chart(CHART_IDS[1], "charts.industry_title"),
    "pathway": pathway,
    "high_school": high_school,
    "education_details": education_details,
    "certifications": certifications,
    "skills": skills,
    "tools": tools,
    "work_environment": work_environment,
    "outlook": outlook,
    "hot_markets": hot_markets,
    "trends": trends,
    "industries_table": industries_table,
    "related": related,
    "resources": resources,
    "notes": notes,
    "sources": sources,
    "source_link": source_link,
    "help": fixed_text,
    "contact": contact,
    "next_steps": next_steps,
    "local_help": local_help,
    "writing_lines": writing_lines,
}
