"""The cover: title, a hook for the audience, one big number, key facts."""

from __future__ import annotations

from typing import Optional

from generator.compose import wording as w
from generator.compose.model import BigNumber, Fact, Heading, KeyFacts, Logo, Paragraph, Section
from generator.compose.templates import AudienceSpec
from generator.i18n import t
from generator.money import per
from generator.profile.model import Profile


def _pay_year(p: Profile) -> str:
    return f" ({p.median_pay.year})" if p.median_pay and p.median_pay.year else ""


def _big_number(p: Profile, audience: AudienceSpec) -> Optional[Fact]:
    """Median pay in the unit the audience asks for when the source gives it; the other figure beside it."""
    pay = p.median_pay
    if pay is None:
        return None
    spec = audience.cover.big_number
    hourly_first = (spec.fact == "median_hourly" and pay.hourly) or not pay.annual
    if hourly_first:
        label = t("cover.hourly_label") + _pay_year(p)
        also = t("cover.also", amount=w.money(pay.annual), per=per("year")) if pay.annual else ""
        return Fact(w.money(pay.hourly), label + also)
    also = t("cover.also", amount=w.money(pay.hourly), per=per("hour")) if pay.hourly else ""
    return Fact(w.money(pay.annual), f"{spec.label}{_pay_year(p)}{also}")


def _growth(p: Profile) -> Optional[Fact]:
    g = p.growth
    if g is None:
        return None
    label = " ".join(x for x in (t("cover.job_growth"), w.growth_period(g)) if x)
    if g.label:
        label += f", {w.lower_first(g.label)}"
    return Fact(w.growth_value(g), label)


def _openings(p: Profile) -> Optional[Fact]:
    n = p.outlook.annual_openings
    return Fact(w.count(n), t("cover.openings")) if n else None


def _education(p: Profile, words: str = "term") -> Optional[Fact]:
    found = w.education_categories(p.typical_education)
    if words == "plain" and found:
        return Fact(found[0].short, t("cover.education"))
    text = w.short_education(p.typical_education)
    return Fact(text, t("cover.education")) if text else None


def _jobs(p: Profile) -> Optional[Fact]:
    jobs = p.number_of_jobs
    if jobs is None:
        return None
    return Fact(w.jobs(jobs), t("cover.jobs_in", year=jobs.year) if jobs.year else t("cover.jobs"))


def _hourly(p: Profile) -> Optional[Fact]:
    pay = p.median_pay
    return Fact(w.money(pay.hourly), t("cover.hourly_label")) if pay and pay.hourly else None


def _experience(p: Profile) -> Optional[Fact]:
    text = w.first_sentence(p.work_experience)
    return Fact(text, t("cover.experience")) if text else None


FACTS = {"growth": _growth, "openings": _openings, "education": _education,
         "median_hourly": _hourly, "experience": _experience, "jobs": _jobs}


def hook(p: Profile, audience: AudienceSpec) -> str:
    """The cover line: worded for the job outlook when the audience has a line for it; never a
    promise of sources to a profile that names none."""
    if not p.sources and audience.hook_unsourced:
        return audience.hook_unsourced
    category = w.growth_category(p.growth)
    return audience.hooks.get(category, audience.hook) if category else audience.hook


TITLE_LIMIT = 90  # characters a cover title may have; a longer one is shortened with an ellipsis


def cover_title(title: str) -> str:
    """The title as the cover sets it: whole, or cut at a word before TITLE_LIMIT with an ellipsis."""
    if len(title) <= TITLE_LIMIT:
        return title
    cut = title[:TITLE_LIMIT].rsplit(" ", 1)[0].rstrip(" ,;:–—-")
    return (cut or title[:TITLE_LIMIT]) + "\u2026"


COVER_LOGO_IN = 1.5  # a brand's logo above the title: wide enough for its own lettering to read


def cover_sections(p: Profile, audience: AudienceSpec, brand=None) -> list[Section]:
    """Cover sections: a brand's logo, the title block (never dropped), the brand's event line, the
    big number and the facts (a layout's cover panels each take the ones they accept)."""
    logo = brand.logo if brand is not None else None
    sections = [Section("brand_mark", (Logo(logo.data, logo.kind, t("links.logo_alt", name=logo.alt),
                                            COVER_LOGO_IN),), 1)] if logo else []
    sections += [Section("cover", (Heading(cover_title(p.title), 0),), 1, p.title),
                 Section("hook", (Paragraph(hook(p, audience), "hook"),), 2)]
    if brand is not None and brand.brand.event:  # where to find who hands it out, on the front
        sections.append(Section("event", (Paragraph(brand.brand.event, "lead"),), 1))
    big = _big_number(p, audience)
    if big:
        sections.append(Section("big_number", (BigNumber(big),), 1, anchor="bottom"))
    makers = {**FACTS, "education": lambda profile: _education(profile, audience.education_words)}
    facts = tuple(f for f in (makers[key](p) for key in audience.cover.facts) if f)
    if facts:
        sections.append(Section("key_facts", (KeyFacts(facts),), 2, anchor="bottom"))
    return sections
