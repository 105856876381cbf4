"""Section builders: profile -> blocks, one function per section id.

Each returns the section's body blocks (the heading comes from the audience
file), or an empty tuple when the profile has nothing to say.
"""

from __future__ import annotations

from typing import Callable, Optional

from generator.compose import wording as w
from generator.compose.model import Block, Bullets, Chart, ChartArt, Heading, Paragraph, QRCode, Step, Steps, Table, WritingLines
from generator.compose.templates import SectionSpec
from generator.profile.model import Profile

Charts = dict[str, ChartArt]
Builder = Callable[[Profile, SectionSpec, Charts], tuple[Block, ...]]


def _limit(items: list, spec: SectionSpec) -> list:
    return items[: spec.max_items] if spec.max_items else items


def _bullets(items: list[str], spec: SectionSpec) -> tuple[Block, ...]:
    items = _limit([i for i in items if i], spec)
    return (Bullets(tuple(items)),) if items else ()


def _labelled(pairs: list[tuple[str, str]], spec: SectionSpec) -> tuple[Block, ...]:
    pairs = _limit([(k, v) for k, v in pairs if v], spec)
    if not pairs:
        return ()
    return (Bullets(tuple(v for _, v in pairs), tuple(k for k, _ in pairs)),)


def overview(p: Profile, spec: SectionSpec, charts: Charts) -> tuple[Block, ...]:
    return (Paragraph(p.overview, "lead"),) if p.overview else ()


def entry_requirements(p: Profile, spec: SectionSpec, charts: Charts) -> tuple[Block, ...]:
    return _labelled([("Typical education", p.typical_education or ""),
                      ("Work experience", p.work_experience or "")], spec)


def day_to_day(p: Profile, spec: SectionSpec, charts: Charts) -> tuple[Block, ...]:
    duties = p.levels[0].responsibilities if p.levels else []
    return _bullets(list(duties), spec)


def levels(p: Profile, spec: SectionSpec, charts: Charts) -> tuple[Block, ...]:
    blocks: list[Block] = []
    for level in _limit(p.levels, spec):
        pairs = [("Pay", w.salary_range(level.salary) if level.salary else ""),
                 ("Experience", level.experience or ""),
                 ("Education", level.education or ""),
                 ("Job titles", ", ".join(level.job_titles))]
        blocks.append(Heading(level.name, 2))
        blocks.extend(_labelled(pairs, SectionSpec(id="level", heading="")))
    return tuple(blocks)


def levels_table(p: Profile, spec: SectionSpec, charts: Charts) -> tuple[Block, ...]:
    rows = tuple((lv.name, w.salary_range(lv.salary) if lv.salary else "\u2014", lv.experience or "\u2014")
                 for lv in _limit(p.levels, spec))
    return (Table(("Level", "Salary", "Experience"), rows, (0.26, 0.3, 0.44)),) if rows else ()


def level_duties(p: Profile, spec: SectionSpec, charts: Charts) -> tuple[Block, ...]:
    blocks: list[Block] = []
    for level in p.levels:
        if level.responsibilities:
            blocks.append(Heading(level.name, 2))
            blocks.append(Bullets(tuple(_limit(list(level.responsibilities), spec))))
    return tuple(blocks)


def _chart(chart_id: str, caption: str) -> Builder:
    def build(p: Profile, spec: SectionSpec, charts: Charts) -> tuple[Block, ...]:
        art = charts.get(chart_id)
        return (Chart(art, caption),) if art else ()
    return build


def _pathway_steps(p: Profile) -> list[Step]:
    how = p.how_to_become
    courses = w.join_words(list(how.high_school_courses))
    steps = [
        Step("In high school", f"Take {courses}." if courses else w.first_sentence(how.high_school)),
        Step("After high school", w.first_sentence(how.education) or (p.typical_education or "")),
        Step("Get certified", _cert_line(p) or w.first_sentence(how.licensing)),
        Step("Your first job", _first_job(p)),
        Step("Move up", w.first_sentence(how.advancement)),
    ]
    return [s for s in steps if s.text]


def _cert_line(p: Profile) -> str:
    names = [c.name for c in p.how_to_become.certifications]
    return f"Earn a credential such as {w.join_words(names, 'or')}." if names else ""


def _first_job(p: Profile) -> str:
    if not p.levels:
        return ""
    level = p.levels[0]
    titles = w.join_words(list(level.job_titles[:2]), "or")
    pay = f", earning {w.salary_range(level.salary)}" if level.salary else ""
    return f"Start as a {titles}{pay}." if titles else f"Start at {level.name}{pay}."


def pathway(p: Profile, spec: SectionSpec, charts: Charts) -> tuple[Block, ...]:
    steps = _pathway_steps(p)
    return (Steps(tuple(steps)),) if len(steps) >= 2 else ()


def high_school(p: Profile, spec: SectionSpec, charts: Charts) -> tuple[Block, ...]:
    courses = [c[:1].upper() + c[1:] for c in p.how_to_become.high_school_courses]
    if courses:
        return _bullets(courses, spec)
    text = p.how_to_become.high_school
    return (Paragraph(text),) if text else ()


def education_details(p: Profile, spec: SectionSpec, charts: Charts) -> tuple[Block, ...]:
    how = p.how_to_become
    return _labelled([("Education", how.education or ""), ("High school", how.high_school or ""),
                      ("Postsecondary", how.postsecondary or ""), ("Advancement", how.advancement or "")], spec)


def certifications(p: Profile, spec: SectionSpec, charts: Charts) -> tuple[Block, ...]:
    how = p.how_to_become
    items = [c.name + (f" \u2014 {c.issuer}" if c.issuer else "") for c in how.certifications]
    intro = (Paragraph(how.licensing),) if how.licensing else ()
    return intro + _bullets(items, spec)


def skills(p: Profile, spec: SectionSpec, charts: Charts) -> tuple[Block, ...]:
    return _bullets(list(p.skills), spec)


def tools(p: Profile, spec: SectionSpec, charts: Charts) -> tuple[Block, ...]:
    return _labelled([(t.category, ", ".join(t.items)) for t in p.tools], spec)


def work_environment(p: Profile, spec: SectionSpec, charts: Charts) -> tuple[Block, ...]:
    env = p.work_environment
    return _labelled([("Industries", ", ".join(env.industries)), ("Settings", env.settings or ""),
                      ("Schedules", env.schedules or "")], spec)


def outlook(p: Profile, spec: SectionSpec, charts: Charts) -> tuple[Block, ...]:
    o = p.outlook
    blocks: list[Block] = []
    if o.summary:
        blocks.append(Paragraph(o.summary))
    if o.annual_openings:
        blocks.append(Paragraph(f"About {w.count(o.annual_openings)} openings a year, on average.", "emphasis"))
    blocks.extend(_bullets(list(o.drivers), spec))
    return tuple(blocks)


def hot_markets(p: Profile, spec: SectionSpec, charts: Charts) -> tuple[Block, ...]:
    return _bullets(list(p.regional.hot_markets), spec)


def trends(p: Profile, spec: SectionSpec, charts: Charts) -> tuple[Block, ...]:
    return _bullets(list(p.regional.trends), spec)


def industries_table(p: Profile, spec: SectionSpec, charts: Charts) -> tuple[Block, ...]:
    rows = tuple((i.industry, w.money(i.pay) + (" an hour" if i.period == "hour" else ""))
                 for i in _limit(p.regional.top_paying_industries, spec))
    return (Table(("Industry", "Median pay"), rows, (0.68, 0.32)),) if rows else ()


def related(p: Profile, spec: SectionSpec, charts: Charts) -> tuple[Block, ...]:
    return _labelled([(r.name, r.description or "") for r in p.related_occupations], spec) or \
        _bullets([r.name for r in p.related_occupations], spec)


def resources(p: Profile, spec: SectionSpec, charts: Charts) -> tuple[Block, ...]:
    r = p.resources
    books = [b.title + (f", by {w.join_words(list(b.authors))}" if b.authors else "") for b in r.books]
    groups = [("Courses and certifications", r.courses), ("Books", books), ("Videos", r.videos),
              ("Podcasts", r.podcasts), ("Communities", r.communities)]
    blocks: list[Block] = []
    for name, items in groups:
        listed = _bullets(list(items), spec)
        blocks += [Heading(name, 2), *listed] if listed else []
    return tuple(blocks)


def notes(p: Profile, spec: SectionSpec, charts: Charts) -> tuple[Block, ...]:
    return _bullets(list(p.notes), spec)


def sources(p: Profile, spec: SectionSpec, charts: Charts) -> tuple[Block, ...]:
    if not p.sources:
        return (Paragraph("Figures as given in the profile; it names no source.", "caption"),)
    blocks: list[Block] = []
    for source in p.sources:
        blocks.append(Paragraph(_source_line(source.name, source.data_as_of), "caption"))
        if source.url:
            blocks.append(Paragraph(source.url, "url"))
    return tuple(blocks)


def _source_line(name: str, as_of: Optional[str]) -> str:
    return f"{name}. Data as of {as_of}." if as_of else f"{name}."


def source_link(p: Profile, spec: SectionSpec, charts: Charts) -> tuple[Block, ...]:
    url = next((s.url for s in p.sources if s.url), None)
    return (QRCode(url, "Scan for the full profile at the source."),) if url else ()


def writing_lines(p: Profile, spec: SectionSpec, charts: Charts) -> tuple[Block, ...]:
    return (WritingLines(),)


BUILDERS: dict[str, Builder] = {
    "overview": overview,
    "entry_requirements": entry_requirements,
    "day_to_day": day_to_day,
    "levels": levels,
    "levels_table": levels_table,
    "level_duties": level_duties,
    "salary_chart": _chart("salary_by_level", "Salary range by level; line marks the overall median."),
    "industry_chart": _chart("industry_pay", "Median pay in the top-paying industries."),
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
    "writing_lines": writing_lines,
}
