"""The words people use for sections and fields in plain-text profiles, and list splitting."""

from __future__ import annotations

import re
from typing import Optional

# Section kinds, tried in order; the first whose pattern occurs in the heading wins.
SECTION_PATTERNS: list[tuple[str, str]] = [
    ("overview", r"^what [\w' ]+ do$"),  # 'What Software Developers Do' before 'software'
    ("sources", r"^(data )?sources?\b|^references$|^citations?$|^(data )?sources and notes"),
    ("regional", r"regional|where the jobs are|\bby (state|region|area)\b|geograph|\blocations?\b"
                 r"|top paying|highest paying|pay by industry|by industry|hot markets|employment trends|\bstates\b|\bmarkets\b"),
    ("specialties", r"^(specialty|specialties|speciali[sz]ations?|areas of specialization|concentrations|subfields)"
                    r"( areas)?$"),
    ("related", r"related|similar (occupations|careers|jobs|roles)|other careers|careers like"),
    ("resources", r"resources|learn more|further reading|more information|learning|more info|to explore"),
    ("how_to_become", r"how to become|how to get|getting (there|started|in)|education|training|pathway"
                      r"|qualifications|requirements|becoming|preparation|licens|certification"),
    ("advancement", r"^(career )?advancement$|moving up"),
    ("levels", r"\blevels?\b|career (path|ladder|progression|stages|track)|progression|roles by"
               r"|role breakdown|seniority"),
    ("skills_tools", r"skills?\b.*\b(tools?|technology|software|equipment)|(tools?|technology|software|equipment)\b.*\bskills?"),
    ("skills", r"skills?\b|qualities|abilities|competenc"),
    ("tools", r"tools?\b|software|technology|equipment"),
    ("work_environment", r"work (environment|settings?|conditions|schedules?)|working conditions|workplace"
                         r"|where they work|environment"),
    ("outlook", r"outlook|projection|future|job growth|employment growth|demand"),
    ("pay", r"^(pay|salary|salaries|earnings|wages?|compensation)( and benefits| information| data)?$|median pay"),
    ("overview", r"overview|summary|introduction|\babout\b|at a glance|quick facts|key facts|what they do"
                 r"|quick take|fast facts|in brief|the basics|highlights"
                 r"|description|snapshot|the role|job duties|\bduties\b"),
]

# Families: a heading of the same family as the current section is content, not a new section.
FAMILY = {"skills": "skills", "tools": "skills", "skills_tools": "skills", "advancement": "how_to_become"}

# Words a Title-case or lowercase heading may consist of (anything else makes it content).
HEADING_WORDS = set("""
overview summary introduction intro about quick key facts glance at a an the job jobs career careers occupation
occupational occupations role roles level levels breakdown by path paths ladder progression stages stage track
how to become one get there getting started in education training and or pathway pathways qualifications
requirements licensing licensure license licenses certification certifications credentials skills skill tools
tool software technology technologies equipment qualities abilities important core essential technical soft work
working environment environments conditions setting settings schedule schedules where they do outlook employment
projections projection future demand related similar other resources learn more learning further reading for
information info advancement advancing regional take fast brief basics highlights region regions data trends are pay salary salaries earnings wages
wage compensation benefits sources source references citations what hot markets market top paying highest
industries industry state states location locations geographic geography of description snapshot duties
responsibilities growth opportunities training your this you need requirement necessary typical professional
development resource helpful useful links explore moving up specialty specialties specialization specializations
areas responsibility
""".split())

# Words a name in Title Case leaves in lower case.
SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"}

# Field patterns per section kind, tried in order (keys are normalised first).
LEVEL_FIELDS = [
    ("job_titles", r"titles?\b|^roles?$|^positions?$|^job names?$|common roles|typical roles|example roles"),
    ("responsibilities", r"responsibilit|duties|tasks|what you( will|'ll)? do|day to day|activities|core work"
                         r"|^((typical|daily|main|key) )?work$|^the work$|^focus( areas)?$"),
    ("salary", r"salary|\bpay\b|wages?|compensation|earnings|income|^range$|pay range"),
    ("experience", r"experience|^years\b|years of|^who$|^background$"),
    ("education", r"education|training|degree|schooling|qualification|^requirements?$"),
]
HOW_FIELDS = [
    ("high_school", r"high school|secondary school|school subjects"),
    ("postsecondary", r"bootcamp|community college|college|university|apprentice|trade school|vocational"),
    ("licensing", r"licens|certif|registration|credential|exam"),
    ("advancement", r"advanc|promotion|moving up|career growth|next steps"),
    ("postsecondary", r"post ?secondary|college|program|apprentice|vocational|trade school|university"
                      r"|on the job|training"),
    ("education", r"educat|degree|schooling|requirement|qualification"),
    ("skills", r"skills|qualities"),
]
SKILL_FIELDS = [
    ("tools", r"tools?\b|software|technolog|equipment|instruments?|programs|systems|platforms?|apps?\b"),
    ("skills", r"skills?|qualit|abilit|competenc|strengths?|traits?|knowledge"),
]
WORK_FIELDS = [
    ("schedules", r"schedule|hours|shifts?|travel"),
    ("industries", r"industr|employers?|where .*work|workplaces|sectors?|types of (employers|workplaces)"),
    ("settings", r"settings?|environment|conditions|workplace|physical|locations?"),
]
OUTLOOK_FIELDS = [
    ("drivers", r"drivers?|factors|reasons|why|demand"),
    ("summary", r"^(summary|overview|outlook|job outlook|employment outlook|projections?)$"),
]
RESOURCE_FIELDS = [
    ("books", r"\bbooks?\b|reading|textbooks?|\bread\b"),
    ("podcasts", r"podcasts?|listen"),
    ("videos", r"videos?|youtube|webinars?|watch|channels?"),
    ("communities", r"communit|forums?|reddit|groups?|associations?|organi[sz]ations?|networks?|societ"
                    r"|discord|facebook|social|networking|memberships?"),
    ("courses", r"courses?|certificat|training|classes|programs?|learning|moocs?|coursera|udemy|edx"),
]
REGIONAL_FIELDS = [
    # 'Top-Paying States: California ($119,810), …' are places, not industries
    ("hot_markets", r"\b(states?|regions?|metro\w*|cities|areas?|locations?)\b(?!.*\bindustr)"),
    ("top_paying_industries", r"top paying|highest paying|best paying|pay by|industr|employers?"),
    ("trends", r"trends?|outlook|future|emerging|developments?"),
    ("hot_markets", r"hot|markets?|states?|regions?|locations?|metro|areas?|cities|where the jobs"
                    r"|geograph|highest employment|demand|hubs?"),
]
GLOBAL_FIELDS = [
    ("annual_openings", r"openings|vacancies"),
    ("number_of_jobs", r"^(number of jobs|jobs|total jobs|employment|total employment|employment level|jobs held)$"),
    ("specialty_areas", r"^(specialty|specialties|speciali[sz]ations?|areas of specialization|concentrations"
                        r"|subfields|specialty areas|areas of focus)$"),
    ("median_pay", r"\bmedian\b.*\b(pay|salary|wages?|earnings|income|compensation)\b|^median$"
                   r"|^(annual |yearly |hourly )?(pay|salary|wages?|earnings)$"),
    ("growth", r"growth|projected|employment change|^(job |employment )?outlook$|^change$"),
    ("typical_education", r"typical( entry level)? education|entry( level)? education|education needed"
                          r"|education required|minimum education|typical degree"),
    ("work_experience", r"work experience|experience needed|experience required|related experience"),
    ("sources", r"^(data )?sources?$|^source of data$"),
    ("top_paying", r"^(top|highest|best) paying\b"),  # 'Top-paying states: …' under Pay
    ("pay_spread", r"^(lowest|highest|bottom|top) \d{1,2}( percent)?( of earners| earned)?$"
                   r"|^\d{1,2}(th|st|nd|rd) percentile( wage| pay)?$"),
]
OVERVIEW_FIELDS = [
    ("median_pay", r"^(hourly|annual|yearly)( median)?$"),  # 'Hourly: $45.32' under the median pay
    ("typical_education", r"^education$|^typical education"),
    ("work_experience", r"^experience$"),
]
SECTION_FIELDS = {
    "levels": LEVEL_FIELDS, "how_to_become": HOW_FIELDS, "advancement": HOW_FIELDS,
    "skills": SKILL_FIELDS, "tools": SKILL_FIELDS, "skills_tools": SKILL_FIELDS,
    "work_environment": WORK_FIELDS, "outlook": OUTLOOK_FIELDS, "resources": RESOURCE_FIELDS,
    "regional": REGIONAL_FIELDS, "overview": OVERVIEW_FIELDS, "preamble": OVERVIEW_FIELDS, "pay": OVERVIEW_FIELDS,
}


_MONTH_BEFORE_YEAR = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?=(?:19|20)\d{2}\b)")


def norm(text: str) -> str:
    """Casefold, straighten quotes, drop years and punctuation: 'Job Growth (2023–2033)' -> 'job growth'."""
    text = text.casefold().replace("’", "'").replace("‘", "'").replace("&", " and ")
    text = _MONTH_BEFORE_YEAR.sub(" ", text)  # 'Number of Jobs (May 2025)': the date qualifies the figure
    text = re.sub(r"\b(?:19|20)\d{2}\b(?:\s*[-–—]\s*\d{2,4}\b)?", " ", text)
    text = re.sub(r"[^\w' ]+", " ", text).replace("_", " ")
    return " ".join(text.split())


def section_kind(heading: str) -> Optional[str]:
    """The section a heading names ('Job Outlook' -> 'outlook'), or None."""
    key = norm(heading)
    for kind, pattern in SECTION_PATTERNS:
        if re.search(pattern, key):
            return kind
    return None


def family(kind: Optional[str]) -> Optional[str]:
    """Kinds that share a handler count as one family."""
    return FAMILY.get(kind, kind) if kind else None


def is_heading_phrase(heading: str) -> bool:
    """True when every word of the line is a heading word ('How to Become One', 'Where the Jobs Are').

    A note in brackets ('Top-Paying Industries (hourly)') does not count.
    """
    words = norm(re.sub(r"\([^()]*\)", " ", heading)).replace("'", " ").split()
    return bool(words) and len(words) <= 8 and all(word in HEADING_WORDS for word in words)


def _match(table: list[tuple[str, str]], key: str) -> Optional[str]:
    return next((field for field, pattern in table if re.search(pattern, key)), None)


def section_field(kind: Optional[str], key: str) -> Optional[str]:
    """The field a 'Key:' names inside a section of this kind (section words only)."""
    return _match(SECTION_FIELDS.get(kind or "", []), norm(key))


def global_field(key: str) -> Optional[str]:
    """A headline fact ('Median Pay', 'Job Growth', 'Typical Education') named anywhere."""
    return _match(GLOBAL_FIELDS, norm(key))


def field_of(kind: Optional[str], key: str) -> Optional[str]:
    """Section field first, then headline fact, for a 'Key:' inside a section of this kind."""
    if kind in ("related", "sources", None):
        return global_field(key) if kind is not None else None
    return section_field(kind, key) or global_field(key)


def resource_kinds(key: str) -> list[str]:
    """Every resource list a key names ('Videos & Communities' -> ['videos', 'communities'])."""
    key = norm(key)
    return [field for field, pattern in RESOURCE_FIELDS if re.search(pattern, key)]


def _has_outside(text: str, mark: str) -> bool:
    """True when `mark` occurs outside brackets."""
    depth = 0
    for char in text:
        depth += char in "([{"
        depth -= char in ")]}"
        if char == mark and depth <= 0:
            return True
    return False


_STATE_AFTER = re.compile(r"\s*[A-Z]{2}\s*(?:[,;()]|$)")
_THOUSANDS_AFTER = re.compile(r"\d{3}(?!\d)")


def split_list(text: str, split_and: bool = False) -> list[str]:
    """Split on commas (and semicolons) outside brackets; drop a final 'and'/'or' and end full stop."""
    text = text.strip().rstrip(".;").strip()
    separators = ";" if _has_outside(text, ";") else ",;"  # 'a, b; c, d': the author separates with ;
    parts, depth, current = [], 0, ""
    for index, char in enumerate(text):
        depth += char in "([{"
        depth -= char in ")]}"
        # 'Austin, TX' and '$104,820' stay whole: a comma before a state code or inside a number
        state = char == "," and _STATE_AFTER.match(text, index + 1)
        thousands = char == "," and text[index - 1:index].isdigit() and _THOUSANDS_AFTER.match(text, index + 1)
        if char in separators and depth <= 0 and not state and not thousands:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    items = [re.sub(r"^(?:[Aa]nd|[Oo]r|&)\s+", "", part.strip()) for part in parts]  # 'OR Technician' stays
    if split_and:
        items = [piece for item in items for piece in _split_and(item)]
    return [item.strip() for item in items if item.strip()]


def _split_and(item: str) -> list[str]:
    if "(" in item:
        return [item]
    return [piece.strip() for piece in re.split(r"\s+(?:and|&)\s+", item)]


# Words that make a clause a sentence, not a list item ("... employ most electricians; others work ...").
_CLAUSE_WORDS = set("""
is are was were be been being am has have had do does did will would can could may might must shall should
employ employs hire hires work works include includes offer offers require requires need needs provide
provides use uses make makes help helps they their them others it its this these those which who that
""".split())


_CLAUSE_START = ("to ", "for ", "with ", "by ", "when ", "if ", "so ", "because ", "while ", "especially ",
                 "including ", "particularly ", "mainly ", "mostly ", "often ", "usually ", "such as ", "like ",
                 "e.g", "i.e", "etc")
_PREPOSITION_END = re.compile(r"\b(?:with|of|for|to|in|on|from|between|among|across|about)\s+\S+(?:\s+\S+)?$", re.I)


def reads_as_clause(item: str) -> bool:
    """True when an item has a verb or pronoun of its own, or opens like a clause ('to identify ...')."""
    folded = item.casefold().strip()
    return folded.startswith(_CLAUSE_START) or any(word in _CLAUSE_WORDS for word in re.findall(r"[a-z']+", folded))


def short_list(text: str, max_words: int = 5, split_and: bool = False) -> Optional[list[str]]:
    """'communication, dexterity, stamina' -> a list; None when it reads as a sentence."""
    if text.rstrip().endswith((".", "!", "?")) and text.count(",") + text.count(";") < 2:
        return None
    items = split_list(text, split_and=split_and)
    limit = max_words * 2 if _has_outside(text, ";") else max_words  # ';' says clearly where items end
    if len(items) < 2 or any(len(item.split()) > limit or reads_as_clause(item) for item in items):
        return None
    if len(items[0].split()) >= 4 and _PREPOSITION_END.search(items[0]) and all(i[:1].islower() for i in items[1:]):
        return None  # 'Clear communication with patients, families, and therapists' is one item
    return items
