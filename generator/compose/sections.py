"""Section builders: profile -> blocks, one function per section id.

Each returns the section's body blocks (the heading comes from the audience
file), or an empty tuple when the profile has nothing to say. Text from the
profile is printed as the profile gives it; the few fixed words around it come
from templates/ (audiences and wording tables).
"""

from __future__ import annotations

import re
from typing import Optional

from generator.compose import pathway as path
from generator.compose import wording as w
from generator.compose.base import Builder, Context, bullets, labelled, limit, paragraphs
from generator.compose.local_pay import local_pay, local_pay_chart, local_pay_table, source_line
from generator.compose.pay_tables import areas_table, industries_table, pay_spread
from generator.compose.model import (
    Block, Bullets, Chart, ChartArt, Heading, Link, Paragraph, QRCode, Steps, Table, WritingLines,
)
from generator.compose.templates import SectionSpec
from generator.i18n import source_date, t
from generator.links import is_web_link
from generator.money import per
from generator.profile.model import Profile


def overview(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    return tuple(paragraphs(p.overview, "body", "lead"))


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
    return labelled([(t("labels.typical_education"), education), (t("labels.work_experience"), p.work_experience or "")],
                     spec)


def _jobs_line(p: Profile) -> str:
    """'Number of jobs: 818,700 in 2023' (an outlook figure, never an entry requirement)."""
    jobs = p.number_of_jobs
    if not jobs:
        return ""
    text = t("phrases.in_year", text=w.jobs(jobs), year=jobs.year) if jobs.year else w.jobs(jobs)
    return t("phrases.number_of_jobs", text=f"{text} ({jobs.note})" if jobs.note else text)


def specialties(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    return bullets(list(p.specialty_areas), spec)


def day_to_day(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    duties = p.levels[0].responsibilities if p.levels else []
    return bullets(list(duties), spec)


def levels(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    blocks: list[Block] = []
    for level in limit(p.levels, spec):
        pairs = [(t("labels.pay"), w.salary_range(level.salary, unit=True) if level.salary else ""),
                 (t("labels.experience"), level.experience or ""),
                 (t("labels.education"), level.education or ""),
                 (t("labels.job_titles"), ", ".join(level.job_titles))]
        blocks.append(Heading(level.name, 2))
        blocks.extend(labelled(pairs, SectionSpec(id="level", heading="")))
    return tuple(blocks)


def levels_table(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    rows = tuple((lv.name, w.salary_range(lv.salary, unit=True) if lv.salary else "\u2014", lv.experience or "\u2014")
                 for lv in limit(p.levels, spec))
    head = (t("labels.level"), t("labels.salary"), t("labels.experience"))
    return (Table(head, rows, (0.26, 0.3, 0.44)),) if rows else ()


def level_duties(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    blocks: list[Block] = []
    for level in p.levels:
        if level.responsibilities:
            blocks.append(Heading(level.name, 2))
            blocks.extend(bullets(list(level.responsibilities), spec))
    return tuple(blocks)


CHART_IDS = ("salary_by_level", "industry_pay", "local_pay")  # the charts generator/charts draws, by id


def chart_caption(art: ChartArt, what: str) -> str:
    """What the chart shows, in which unit, what its line means, and any conversion."""
    what = t("charts.caption_as_of", what=what, date=art.as_of) if art.as_of else what
    parts = [t("charts.caption_unit", what=what, per=per(art.period))]
    if art.median:
        parts.append(t("charts.caption_median_as_of", date=art.median_as_of) if art.median_as_of
                     else t("charts.caption_median"))
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
        return tuple(paragraphs(p.how_to_become.high_school))
    return bullets(courses, spec)


def education_details(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    how = p.how_to_become
    return labelled([(t("labels.education"), how.education or ""), (t("labels.high_school"), how.high_school or ""),
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
    return tuple(paragraphs(how.licensing)) + bullets(items, spec)


def skills(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    listed = bullets(list(p.skills), spec)
    return ((Paragraph(p.skills_intro),) if p.skills_intro and listed else ()) + listed


def tools(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    return labelled([(t.category, ", ".join(t.items)) for t in p.tools], spec)


def work_environment(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    env = p.work_environment
    return labelled([(t("labels.industries"), ", ".join(env.industries)), (t("labels.settings"), env.settings or ""),
                      (t("labels.schedules"), env.schedules or "")], spec)


def outlook(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    """The outlook, what drives it, then its figures (set bold after the reasons, so they never read
    as the heading of the list)."""
    o = p.outlook
    blocks: list[Block] = paragraphs(o.summary)
    blocks.extend(bullets(list(o.drivers), spec))
    if o.annual_openings and w.count(o.annual_openings) not in (o.summary or ""):  # said once, not twice
        blocks.append(Paragraph(t("phrases.openings_average", count=w.count(o.annual_openings)), "emphasis"))
    if p.number_of_jobs and w.count(p.number_of_jobs.count) not in (o.summary or ""):
        blocks.append(Paragraph(_jobs_line(p), "emphasis"))
    return tuple(blocks)


def hot_markets(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    return bullets(list(p.regional.hot_markets), spec)


def trends(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    return bullets(list(p.regional.trends), spec)


def training_details(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    """The routes and notes the source labels itself ('Alternative Paths', 'Apprenticeship'), with their
    labels; the one the pathway's education step already tells is not told twice."""
    told = path.route_detail(p)
    return labelled([(d.label, d.text) for d in p.how_to_become.details if d is not told], spec)


def related(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    return labelled([(r.name, r.description or "") for r in p.related_occupations], spec) or \
        bullets([r.name for r in p.related_occupations], spec)


def resources(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    r = p.resources
    books = [t("phrases.by_authors", title=b.title, authors=w.join_words(list(b.authors))) if b.authors else b.title
             for b in r.books]
    groups = [(t("labels.courses"), r.courses), (t("labels.books"), books), (t("labels.videos"), r.videos),
              (t("labels.podcasts"), r.podcasts), (t("labels.communities"), r.communities)]
    blocks: list[Block] = []
    for name, items in groups:
        listed = bullets(list(items), spec)
        blocks += [Heading(name, 2), *listed] if listed else []
    return tuple(blocks)


def notes(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    return bullets(list(p.notes), spec)


def figure_dates(p: Profile, printed: set[str]) -> list[str]:
    """'median pay 2024', 'pay by industry May 2023': what the profile dates, and when, of the figures
    this edition prints (the sections in `printed`; the median is on every cover)."""
    r = p.regional
    found = [(t("labels.median_pay"), str(p.median_pay.year) if p.median_pay and p.median_pay.year else "", True),
             (t("labels.number_of_jobs"), str(p.number_of_jobs.year) if p.number_of_jobs and p.number_of_jobs.year
              else "", "outlook" in printed),
             (t("labels.industry_pay"), ", ".join(sorted({i.as_of for i in r.top_paying_industries if i.as_of})),
              bool(printed & {"industry_chart", "industries_table"})),
             (t("labels.area_pay"), ", ".join(sorted({a.as_of for a in r.top_paying_areas if a.as_of})),
              "areas_table" in printed)]
    return [t("phrases.dated", what=w.lower_first(what), date=source_date(date)) for what, date, shown in found
            if date and shown]


def sources(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    local = (Paragraph(source_line(ctx), "caption"),) if ctx.local is not None else ()
    return _profile_sources(p, ctx) + local


def _profile_sources(p: Profile, ctx: Context) -> tuple[Block, ...]:
    if not p.sources:  # what the reader has, never a promise: the dates the profile gives, if any
        dates = figure_dates(p, {s.id for s in ctx.audience.sections} if ctx.audience else set(BUILDERS))
        text = t("phrases.no_source_dated", dates="; ".join(dates)) if dates else t("phrases.no_source")
        return (Paragraph(text, "caption"),)
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
    brand = ctx.brand.brand
    # the logo and the event line are on the cover (compose.cover): the name says who this is
    blocks: list[Block] = [Paragraph(brand.name, "lead")]
    if brand.contact:
        c = brand.contact
        blocks += [Paragraph(line) for line in (c.address, c.phone, c.hours) if line]
        if c.email:
            blocks.append(Link(f"mailto:{c.email}", c.email))
        if c.website:  # printed as people write a web address; the link goes to the whole one
            blocks.append(Link(c.website, re.sub(r"^https?://(www\.)?", "", c.website).rstrip("/")))
    if brand.qr:
        blocks.append(QRCode(brand.qr, spec.text or ""))
    return tuple(blocks)


def next_steps(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    """The brand's local programs and next steps: name, then where and how long; a step's web
    address follows it as a link of its own (a real link, broken only after / . -, never inside
    a word)."""
    blocks: list[Block] = []
    steps = [s for s in (ctx.brand.brand.next_steps if ctx.brand is not None else []) if _leads_to(s, p.title)]
    for step in limit(steps, spec):
        rest = " · ".join(x for x in (step.where, step.length) if x)
        blocks.append(Bullets((rest,), (step.name,)) if rest else Bullets((step.name,)))
        if step.link:
            blocks.append(Link(step.link))
    return tuple(blocks)


def _leads_to(step, title: str) -> bool:
    """True when a brand's next step suits this occupation: it names none, or names this one (the
    profile's title, in either's words: 'Medical Records Specialists' and 'medical records')."""
    wanted = [o.casefold().strip() for o in step.occupations if o.strip()]
    own = title.casefold()
    return not wanted or any(o in own or own in o for o in wanted)


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
    "areas_table": areas_table,
    "local_pay": local_pay,
    "local_pay_table": local_pay_table,
    "local_pay_chart": local_pay_chart,
    "training_details": training_details,
    "pay_spread": pay_spread,
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
