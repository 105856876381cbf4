"""The pathway: numbered steps into the occupation, chosen per reader in templates/audiences/.

Step text is the profile's own text (a sentence or a list of names), framed by
a few fixed words; a step the profile says nothing about is left out.
"""

from __future__ import annotations

import re
from typing import Callable

from generator.compose import wording as w
from generator.compose.model import Step
from generator.compose.templates import StepSpec
from generator.i18n import t
from generator.profile.model import Profile

# Sentences that help a working adult fit training around their life: how long it takes, what it
# costs, schedules, pay while learning (in English and in Spanish, the languages profiles come in).
# Naming a route is not enough ('Others start with a technical school or pre-apprenticeship program').
_ROUTE_WORDS = re.compile(
    r"\b(?:\d+\s*(?:[-–]\s*\d+\s*)?(?:weeks?|months?|years?)|part[- ]time|evening|night classes|weekend|online"
    r"|cost\w*|tuition|\$\s?\d|paid training|earn while|while you learn|pay while|employer[- ]sponsored|self[- ]paced"
    r"|flexible"
    r"|\d+\s*(?:[-–]\s*\d+\s*)?(?:semanas?|mes(?:es)?|años?)|medio tiempo|tiempo parcial|de noche|nocturn\w*"
    r"|fines? de semana|en línea|costo\w*|matrícula|capacitación pagada|a su (?:propio )?ritmo|flexible\w*)\b", re.I)
# ... and they are about the training ('at least 21 years old' is not)
_TRAINING = re.compile(r"\b(?:programs?|courses?|class(?:es)?|training|apprenticeships?|bootcamps?|schools?|colleges?"
                       r"|certificates?|degrees?|diplomas?|study|studies|learn\w*|programas?|cursos?|clases|capacitación"
                       r"|formación|escuelas?|colegios?|certificados?|títulos?|estudi\w*|aprend\w*)\b", re.I)
MAX_ROUTES = 3
# What makes a sentence say something a reader can act on: a figure, a named thing (a capital
# after its first word), or a credential, program, school or role.
_CONCRETE = re.compile(
    r"\d|\b(?:degrees?|diplomas?|certificat\w*|licen[cs]\w*|apprentic\w*|programs?|programmes?|courses?|college\w*"
    r"|schools?|training|exams?|examinations?|bootcamps?|associate'?s?|bachelor'?s?|master'?s?|doctora\w*|GED"
    r"|internships?|classes|university|universities|military|credentials?|roles?|managers?|supervisors?|directors?"
    r"|título\w*|grados?|certificad\w*|licencia\w*|programas?|cursos?|escuelas?|universidad\w*|aprendiz\w*"
    r"|práctica\w*|puestos?|gerentes?|supervisor\w*)\b", re.I)
# 'None; most training happens on the job.': an answer to a form's question, not a step
_PLACEHOLDER = re.compile(r"^\s*(?:none|n/?a|not required|no requirements?|nothing|ninguno|ninguna|no)\s*[;:,.–—-]",
                          re.I)


def says_something(sentence: str) -> bool:
    """A complete sentence that names something concrete (not 'There are several routes into the field.')."""
    words = sentence.split()
    if len(words) < 4 or not sentence.rstrip().endswith((".", "!", "?", ")", "”", '"')) or _PLACEHOLDER.match(sentence):
        return False
    return bool(_CONCRETE.search(sentence)) or any(word[:1].isupper() for word in words[1:])


def key_sentence(text: str | None) -> str:
    """The first sentence of a text that says something on its own, or ''."""
    return next((sentence for sentence in w.sentences(text) if says_something(sentence)), "")


def _text(text: str | None, whole: bool) -> str:
    """The text whole, or shortened to its first sentence that says something; '' when no
    sentence of it does."""
    if not key_sentence(text):
        return ""
    return " ".join(w.paragraphs(text)) if whole else key_sentence(text)


def high_school(p: Profile, whole: bool) -> str:
    how = p.how_to_become
    if how.high_school:
        return _text(how.high_school, whole) if whole or not key_sentence(how.high_school) \
            else w.first_paragraph(how.high_school)
    return t("pathway.courses", courses=", ".join(how.high_school_courses)) if how.high_school_courses else ""


_SCHOOL_LEVEL = re.compile(r"^\s*(?:high school|no formal|none\b|secondary school|diploma de escuela secundaria"
                           r"|escuela secundaria|ninguna?\b|sin credencial)", re.I)


_ROUTE_LABEL = re.compile(r"apprentic|program|training|bootcamp|college|school|certificat|aprendiz|programa|formaci", re.I)


def route_detail(p: Profile):
    """The labelled route ('Apprenticeship: …') that is the way in when the profile has no education
    or postsecondary text of its own, or None."""
    how = p.how_to_become
    if key_sentence(how.education) or key_sentence(how.postsecondary):
        return None
    return next((d for d in how.details if _ROUTE_LABEL.search(d.label) and key_sentence(d.text)), None)


def education(p: Profile, whole: bool) -> str:
    """The profile's education text; else its postsecondary programs; else the labelled route that
    is the way in; else the typical education (if past school)."""
    how = p.how_to_become
    typical = p.typical_education or ""
    route = route_detail(p)
    return (_text(how.education, whole) or _text(how.postsecondary, whole) or (_text(route.text, whole) if route else "")
            or ("" if _SCHOOL_LEVEL.match(typical) else typical))


def postsecondary(p: Profile, whole: bool) -> str:
    return _text(p.how_to_become.postsecondary, whole)


def routes(p: Profile, whole: bool, used: tuple[str, ...] = ()) -> str:
    """Sentences that say how long training takes, what it costs, or how to fit it around work (not used yet)."""
    how = p.how_to_become
    found: list[str] = []
    for text in (how.education, how.postsecondary, how.licensing, p.work_experience):
        for sentence in w.sentences(text):
            fresh = sentence not in found and not any(sentence in seen for seen in used)
            if _ROUTE_WORDS.search(sentence) and _TRAINING.search(sentence) and fresh and says_something(sentence):
                found.append(sentence)
    return " ".join(found[:MAX_ROUTES])


def certification(p: Profile, whole: bool) -> str:
    names = [c.name for c in p.how_to_become.certifications]
    if names:
        return t("pathway.credential", names=w.join_words(names, "or"))
    return _text(p.how_to_become.licensing, whole)


def first_job(p: Profile, whole: bool) -> str:
    if not p.levels:
        return ""
    level = p.levels[0]
    pay = t("pathway.earning", pay=w.salary_range(level.salary, unit=True)) if level.salary else ""
    if level.job_titles:
        titles = w.join_words(list(level.job_titles[:2]), "or")
        return t("pathway.start_as", a=w.article(titles), titles=titles, pay=pay)
    named = t("pathway.level_word").casefold() in level.name.casefold()  # 'Entry Level', 'Nivel inicial'
    return t("pathway.start_at" if named else "pathway.start_at_level", level=level.name, pay=pay)


def experience(p: Profile, whole: bool) -> str:
    level = p.levels[0] if p.levels else None
    text = level.experience if level and level.experience else ""
    return (text if says_something(text) else "") or _text(p.work_experience, whole)


def advancement(p: Profile, whole: bool) -> str:
    return _text(p.how_to_become.advancement, whole)


STEP_TEXT: dict[str, Callable[[Profile, bool], str]] = {
    "high_school": high_school, "education": education, "postsecondary": postsecondary, "routes": routes,
    "certification": certification, "first_job": first_job, "experience": experience, "advancement": advancement,
}
DEFAULT_STEPS = ("high_school", "education", "certification", "first_job", "advancement")


def steps(p: Profile, specs: list[StepSpec]) -> list[Step]:
    """The steps the profile can fill, in the audience's order; no text is used twice."""
    out: list[Step] = []
    used: set[str] = set()
    for spec in specs or [StepSpec(kind=kind, title=t(f"default_steps.{kind}")) for kind in DEFAULT_STEPS]:
        if spec.kind == "routes":
            text = routes(p, spec.whole, tuple(used)).strip()
        else:
            text = STEP_TEXT[spec.kind](p, spec.whole).strip()
        if text and text not in used and not any(text in seen or seen in text for seen in used):
            out.append(Step(spec.title, text))
            used.add(text)
    return out
