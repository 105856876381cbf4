"""Plain-text import: the seed, a family of variant documents, and inputs that are not profiles."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.errors import ImportTextError, ProfileError
from generator.profile.importer import import_file, import_text
from generator.profile.yaml_io import load_profile

ROOT = Path(__file__).resolve().parents[1]
FIX = ROOT / "tests" / "fixtures" / "import"
SEED = FIX / "seed-medical-records-specialists.txt"  # byte-for-byte copy of the shared seed
DATA = ROOT / "data" / "medical-records-specialists.yaml"


def imp(name: str):
    """Import a fixture; return (profile, warnings)."""
    return import_file(FIX / name)


def salaries(profile) -> list[tuple]:
    return [(lv.salary.min, lv.salary.max, lv.salary.open_ended, lv.salary.period) for lv in profile.levels]


# --- the seed ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed():
    profile, warnings = import_file(SEED)
    assert warnings == []
    return profile


def test_seed_equals_data_yaml_without_sources(seed):
    expected, _ = load_profile(DATA)
    assert expected.sources, "the data YAML carries the BLS source added by hand"
    assert seed.sources == []
    assert seed == expected.model_copy(update={"sources": []})


def test_seed_headline_facts(seed):
    assert seed.title == "Medical Records Specialists"
    assert seed.overview.startswith("Medical records specialists play a critical role")
    assert (seed.median_pay.annual, seed.median_pay.hourly, seed.median_pay.year) == (50250, 24.16, 2024)
    growth = seed.growth
    assert (growth.percent, growth.start_year, growth.end_year, growth.label) == (9, 2023, 2033, "Much faster than average")
    assert seed.typical_education == "Postsecondary nondegree award, associate’s degree, or bachelor’s degree"
    assert seed.work_experience.startswith("Entry-level roles may require minimal experience")
    assert seed.notes == []


def test_seed_levels(seed):
    assert [lv.name for lv in seed.levels] == ["Entry Level", "Mid Level", "Senior Level"]
    assert salaries(seed) == [(35000, 45000, False, "year"), (45000, 55000, False, "year"), (55000, 80000, True, "year")]
    assert seed.levels[0].job_titles == ["Medical Records Clerk", "Health Information Assistant",
                                         "Medical Records Specialist (Junior)"]
    assert seed.levels[1].job_titles == ["Medical Records Technician", "Health Information Specialist",
                                         "Medical Coding Specialist"]
    assert seed.levels[2].job_titles == ["Health Information Manager", "Medical Records Supervisor",
                                         "Director of Health Information Management"]
    assert [len(lv.responsibilities) for lv in seed.levels] == [4, 5, 5]
    assert seed.levels[1].experience == "2–5 years in healthcare administration or a related role."
    assert seed.levels[0].education.startswith("High school diploma or postsecondary nondegree award")


def test_seed_how_to_become(seed):
    how = seed.how_to_become
    assert how.high_school == "Focus on biology, computer science, and anatomy courses."
    assert how.high_school_courses == ["biology", "computer science", "anatomy"]
    assert how.postsecondary.startswith("Programs typically include courses in medical terminology")
    assert how.licensing == "Certification may not always be required, but many employers prefer or require it."
    assert [(c.name, c.issuer) for c in how.certifications] == [
        ("RHIT (Registered Health Information Technician)", "American Health Information Management Association (AHIMA)"),
        ("Medical Coding Certifications (e.g., CPC, CCS)", "AAPC and AHIMA"),
    ]
    assert how.education.startswith("Medical records specialists typically require")
    assert how.advancement.endswith("roles in health services management.")


def test_seed_skills_tools_environment(seed):
    assert len(seed.skills) == 4 and seed.skills[0].startswith("Analytical skills")
    assert [(t.category, t.items) for t in seed.tools] == [
        ("Electronic Health Record (EHR) Systems", ["Epic", "Cerner", "Allscripts"]),
        ("Medical Coding Software", ["3M CodeFinder", "Optum360"]),
        ("Health Information Systems", ["HealthPort", "McKesson"]),
        ("General Office Tools", ["Microsoft Office", "Google Workspace"]),
    ]
    env = seed.work_environment
    assert env.industries == ["Hospitals", "outpatient care centers", "physician’s offices", "healthcare facilities"]
    assert env.settings.startswith("Primarily office-based")
    assert env.schedules.startswith("Most work full-time.")


def test_seed_outlook_related_resources_regional(seed):
    assert seed.outlook.annual_openings == 15000
    assert seed.outlook.summary.startswith("Employment of medical records specialists is projected to grow by 9%")
    assert seed.outlook.drivers == ["As the healthcare system adopts more electronic records, the demand for medical "
                                    "records specialists will rise, especially in clinics and hospitals managing "
                                    "complex patient data."]
    assert [r.name for r in seed.related_occupations] == [
        "Health Information Technologists and Medical Registrars", "Medical Assistants", "Medical Coders",
        "Health Services Managers"]
    assert seed.related_occupations[1].description == "Perform administrative and clinical tasks."
    res = seed.resources
    assert res.courses == ["American Health Information Management Association (AHIMA)",
                           "AAPC Medical Coding Certification",
                           "LinkedIn Learning: Health Information Management Courses",
                           "Coursera/edX: Health Informatics and Coding"]
    assert [(b.title, b.authors) for b in res.books] == [
        ("Health Information Management: Concepts, Principles, and Practice",
         ["Kathleen M. LaTour", "Shirley Eichenwald Maki"]),
        ("Medical Coding: A Guide to ICD-10-CM and CPT Coding", ["Carla N. Williams"]),
    ]
    assert res.videos == ["YouTube: AAPC tutorials, Coding Corner"]
    assert res.podcasts == ["The Health IT Podcast"]
    assert res.communities == ["Reddit: r/HealthInformationManagement"]
    regional = seed.regional
    assert [(i.industry, i.pay) for i in regional.top_paying_industries] == [
        ("Management of Companies and Enterprises", 60750), ("Hospitals", 56520),
        ("Professional, Scientific, and Technical Services", 49970)]
    assert regional.hot_markets == ["Growing demand in areas with expanding healthcare infrastructure "
                                    "(e.g., California, New York, Texas)."]
    assert len(regional.trends) == 2 and regional.trends[1].endswith("due to an aging population.")


# --- the family of documents -------------------------------------------------------------------

def test_bullets_dot():
    p, w = imp("bullets-dot.txt")
    assert w == [] and p.notes == []
    assert (p.median_pay.annual, p.median_pay.hourly, p.median_pay.year) == (43460, 20.89, 2024)
    assert salaries(p) == [(33000, 40000, False, "year"), (40000, 52000, False, "year")]
    assert p.levels[0].responsibilities == ["Count tablets and label bottles.", "Take customer information."]
    assert p.skills == ["Attention to detail", "Customer service"]
    assert p.tools[0].items == ["PioneerRx", "QS/1"] and p.outlook.annual_openings == 47400


def test_bullets_dash():
    p, w = imp("bullets-dash.txt")
    assert w == [] and p.notes == []
    assert (p.median_pay.annual, p.median_pay.hourly, p.growth.percent) == (62830, 30.21, 5)
    assert salaries(p) == [(45000, 58000, False, "year"), (58000, 72000, False, "year")]
    assert p.levels[1].responsibilities[1] == "Count sponges, needles, and instruments."
    assert p.work_environment.industries == ["Hospitals", "outpatient surgery centers", "dentists’ offices"]
    assert [r.name for r in p.related_occupations] == ["Medical Assistants", "Dental Assistants"]


def test_no_bullets():
    p, w = imp("no-bullets.txt")
    assert w == []
    assert (p.median_pay.annual, p.growth.percent, p.growth.label) == (61010, 1, "Slower than average")
    assert salaries(p) == [(42000, 55000, False, "year"), (65000, 85000, False, "year")]
    assert p.resources.books[0].authors == ["Thomas F. Goldman", "Henry R. Cheeseman"]
    assert p.resources.podcasts == ["The Paralegal Voice"]


def test_uppercase_headings():
    p, w = imp("upper-headings.txt")
    assert w == [] and p.notes == []
    assert (p.median_pay.annual, p.median_pay.hourly, p.growth.percent) == (80450, 38.68, 13)
    assert [lv.name for lv in p.levels] == ["Staff Therapist", "Lead Therapist"]
    assert salaries(p) == [(60000, 75000, False, "year"), (75000, 92000, False, "year")]
    cert = p.how_to_become.certifications[0]
    assert (cert.name, cert.issuer) == ("RRT (Registered Respiratory Therapist)", "National Board for Respiratory Care (NBRC)")
    assert p.skills == ["Compassion", "Problem-solving"] and p.outlook.annual_openings == 8200


def test_lowercase_and_synonym_headings():
    p, w = imp("title-synonyms.txt")
    assert w == [] and p.notes == []
    assert (p.median_pay.annual, p.median_pay.year) == (84960, 2023)
    assert (p.growth.percent, p.growth.start_year, p.growth.end_year, p.growth.label) == (
        16, 2022, 2032, "much faster than average")
    assert salaries(p) == [(55000, 70000, False, "year"), (95000, 130000, False, "year")]
    assert p.how_to_become.advancement.startswith("Developers may advance")
    assert p.outlook.summary.startswith("E-commerce growth")
    assert p.resources.courses == ["freeCodeCamp", "The Odin Project"]
    assert p.regional.hot_markets == ["California", "Washington", "Texas"]


@pytest.mark.parametrize("name, expected", [
    ("salary-k.txt", [(35000, 45000, False, "year"), (45000, 58000, False, "year")]),
    ("salary-to.txt", [(38000, 52000, False, "year"), (52000, 74000, False, "year")]),
    ("salary-open.txt", [(60000, 80000, False, "year"), (80000, None, True, "year")]),
    ("hourly-only.txt", [(13.5, 16.0, False, "hour"), (16.0, 20.5, False, "hour")]),
    ("two-levels.txt", [(30000, 38000, False, "year"), (38000, 52000, False, "year")]),
])
def test_salary_notations(name, expected):
    p, w = imp(name)
    assert w == [] and p.notes == []
    assert salaries(p) == expected


def test_hourly_only_median_pay():
    p, _ = imp("hourly-only.txt")
    assert (p.median_pay.annual, p.median_pay.hourly, p.growth.percent) == (None, 16.78, 21)


def test_median_and_experience_variants():
    assert imp("salary-to.txt")[0].median_pay.year == 2024
    assert imp("salary-to.txt")[0].levels[1].experience == "2 years of supervised clinical work"
    assert imp("salary-open.txt")[0].median_pay.annual == 106980
    assert imp("two-levels.txt")[0].levels[1].responsibilities == ["Collect lab samples.", "Prepare animals for surgery."]


def test_five_levels_with_unusual_names():
    p, w = imp("five-levels.txt")
    assert w == []
    assert [lv.name for lv in p.levels] == ["Apprentice", "Journeyman", "Lead", "Principal", "Director"]
    assert salaries(p) == [(32000, 42000, False, "year"), (45000, 62000, False, "year"),
                           (60000, 75000, False, "year"), (72000, 95000, False, "year"), (90000, None, True, "year")]
    assert p.levels[3].experience == "8+ years and a master license"


def test_missing_and_extra_sections_go_to_notes_with_warning():
    p, w = imp("missing-extra.txt")
    assert p.median_pay.annual == 57950 and p.levels == [] and p.growth is None
    assert p.notes == ["A Day in the Life",
                       "Most sessions last an hour, with time between clients to change linens and chart notes.",
                       "Therapists often work in several locations in one week."]
    assert len(w) == 1 and w[0].startswith(f"{FIX / 'missing-extra.txt'}:5: warning:")
    assert "A Day in the Life" in w[0] and "kept in notes" in w[0]
    assert [r.name for r in p.related_occupations] == ["Physical Therapist Assistants", "Chiropractors"]


def test_crlf_line_endings():
    assert b"\r\n" in (FIX / "crlf.txt").read_bytes()
    p, w = imp("crlf.txt")
    assert w == [] and p.notes == []
    assert (p.median_pay.annual, p.median_pay.hourly) == (37550, 18.05)
    assert (p.growth.percent, p.growth.label) == (-5, "Decline")
    assert salaries(p) == [(30000, 37000, False, "year"), (37000, 48000, False, "year")]
    assert p.outlook.annual_openings == 5900 and not any("\r" in t for t in p.levels[0].job_titles)


def test_curly_quotes_dashes_and_accents_kept():
    p, w = imp("unicode.txt")
    assert w == []
    assert "Café Zoë’s" in p.overview and "“own”" in p.overview and "—" in p.overview
    assert p.levels[1].job_titles == ["Chef de Cuisine", "Sous‑Chef"]
    assert "Crème de la Crème" in p.levels[1].education
    assert p.related_occupations[1].name == "Pâtissiers"
    assert salaries(p) == [(32000, 40000, False, "year"), (55000, 78000, False, "year")]


def test_dental_hygienists_other_author():
    p, w = imp("dental-hygienists.txt")
    assert p.title == "Dental Hygienists"
    assert (p.median_pay.annual, p.median_pay.year) == (87530, 2023)
    assert (p.growth.percent, p.growth.start_year, p.growth.end_year, p.growth.label) == (7, 2022, 2032, "faster than average")
    assert p.typical_education == "Associate's degree" and p.outlook.annual_openings == 15300
    assert [lv.name for lv in p.levels] == ["Clinical Hygienist", "Senior Hygienist", "Hygiene Program Director"]
    assert salaries(p) == [(62000, 78000, False, "year"), (78000, 95000, False, "year"), (95000, None, True, "year")]
    assert p.levels[0].responsibilities == ["Clean teeth", "take x-rays", "chart gum health"]
    assert p.how_to_become.high_school_courses == ["biology", "chemistry", "math"]
    assert [(c.name, c.issuer) for c in p.how_to_become.certifications] == [
        ("National Board Dental Hygiene Examination", "Joint Commission on National Dental Examinations"),
        ("Certified Dental Assistant", "DANB")]
    assert p.skills == ["Compassion", "Dexterity", "Interpersonal skills", "Technical skills"]
    assert p.work_environment.industries == ["Dentists' offices", "physicians' offices", "government"]
    assert [(i.industry, i.pay) for i in p.regional.top_paying_industries] == [
        ("Dentists' offices", 87670), ("Government", 80100), ("Physicians' offices", 77390)]
    assert [r.name for r in p.related_occupations] == ["Dental Assistants", "Registered Nurses"]
    source = p.sources[0]
    assert (source.url, source.data_as_of) == ("https://www.bls.gov/ooh/healthcare/dental-hygienists.htm", "2023")
    assert w == [] and p.notes == []


def test_electricians_other_author():
    p, w = imp("electricians.txt")
    assert p.title == "Electricians"  # a title in capitals is set in Title Case, like level names
    assert (p.median_pay.annual, p.median_pay.hourly, p.median_pay.year) == (61590, 29.61, 2024)
    assert (p.growth.percent, p.growth.start_year, p.growth.end_year) == (11, 2023, 2033)
    assert salaries(p) == [(18.5, 24.0, False, "hour"), (28.0, 38.0, False, "hour"), (38.0, 55.0, False, "hour")]
    assert p.how_to_become.high_school_courses == ["algebra", "physics", "shop"]
    assert p.how_to_become.certifications[0].issuer == "state licensing board"
    assert [(t.category, t.items) for t in p.tools] == [
        ("Hand tools", ["Wire strippers", "conduit benders", "screwdrivers"]),
        ("Testing equipment", ["Multimeters", "voltage testers", "thermal cameras"])]
    assert p.outlook.annual_openings == 80200
    assert p.resources.books[0].authors == ["Charles R. Miller"]
    assert p.resources.videos == ["Electrician U on YouTube"] and p.resources.communities == ["r/electricians"]
    assert (p.number_of_jobs.count, p.number_of_jobs.year) == (818700, 2023)
    assert p.notes == [] and w == []


def test_unparseable_salary_is_kept_as_note():
    text = "Couriers\n1. Career Levels\nEntry Level\nJob Titles: Courier\nSalary Range: competitive\n"
    p, w = import_text(text, "x.txt")
    assert p.levels[0].salary is None
    assert p.notes == ["Salary Range: competitive"]
    assert w == ["x.txt:5: warning: could not read a salary range from this text; kept in notes"]


def test_negative_growth_and_hourly_median_variants():
    text = ("Typists\nOverview\nTypists type.\nMedian Pay: $24.16 per hour\n"
            "Projected growth 2022-2032: -3% (Decline)\n")
    p, _ = import_text(text, "t.txt")
    assert (p.median_pay.hourly, p.growth.percent, p.growth.start_year) == (24.16, -3, 2022)


# --- inputs that are not profiles --------------------------------------------------------------

def test_empty_and_whitespace_rejected(tmp_path):
    with pytest.raises(ImportTextError, match=r"empty\.txt: empty file"):
        imp("empty.txt")
    blank = tmp_path / "blank.txt"
    blank.write_text("  \n\t\n   \n")
    with pytest.raises(ImportTextError, match="empty file"):
        import_file(blank)


def test_binary_rejected(tmp_path):
    path = tmp_path / "data.bin"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")
    with pytest.raises(ImportTextError, match="not a text file"):
        import_file(path)


def test_no_title_rejected():
    with pytest.raises(ImportTextError) as caught:
        imp("no-title.txt")
    message = str(caught.value.format_message())
    assert message.startswith(f"{FIX / 'no-title.txt'}:1: no title line") and "\n" not in message


def test_not_a_profile_rejected():
    with pytest.raises(ImportTextError, match="no profile sections or facts"):
        import_text("Shopping list\nEggs\nMilk\nBread\n", "list.txt")


def test_min_above_max_names_the_line():
    with pytest.raises(ImportTextError) as caught:
        imp("min-above-max.txt")
    assert caught.value.format_message() == (
        f"{FIX / 'min-above-max.txt'}:8: levels[0].salary: min 55000 is above max 45000")


def test_utf16_with_bom_equals_utf8_twin(tmp_path):
    source = FIX / "unicode.txt"
    twin = tmp_path / "unicode-utf16.txt"
    twin.write_bytes(source.read_text(encoding="utf-8").encode("utf-16"))
    assert twin.read_bytes()[:2] in (b"\xff\xfe", b"\xfe\xff")
    assert import_file(twin)[0] == import_file(source)[0]


@pytest.mark.parametrize("junk", [
    "", "\x00\x01", "1. OVERVIEW", "Title\n$$$", "Title\nSalary Range: $5–$1", "T\n2. Career Levels\nA\nPay: $9,000+\n",
    "T\nMedian Pay: $0", "T\nJob Growth (2033–2023): 5%", "T\nLevels\nA\nSalary: $1\nA\nSalary: $2",
    "\u00ff" * 50, "T\n" + "x: y\n" * 50, "T\n3.\n#\n- \n•\n:\n",
])
def test_never_raises_anything_else(junk):
    try:
        import_text(junk, "j.txt")
    except (ImportTextError, ProfileError) as exc:
        assert "\n" not in exc.format_message()


# --- the command line --------------------------------------------------------------------------

def _cli(*args: str):
    return CliRunner().invoke(main, list(args))


def test_cli_import_writes_yaml(tmp_path):
    out = tmp_path / "out.yaml"
    result = _cli("import", str(SEED), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert load_profile(out)[0] == load_profile(DATA)[0].model_copy(update={"sources": []})


@pytest.mark.parametrize("name, expected", [
    ("min-above-max.txt", ":8: levels[0].salary: min 55000 is above max 45000"),
    ("no-title.txt", ":1: no title line"),
    ("empty.txt", ": empty file"),
])
def test_cli_import_rejects_with_one_line(tmp_path, name, expected):
    out = tmp_path / "out.yaml"
    result = _cli("import", str(FIX / name), "-o", str(out))
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(FIX / name) in lines[0] and expected in lines[0]
    assert "Traceback" not in result.stderr
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_cli_import_binary_rejected(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x00\x01\x02binary\x00")
    out = tmp_path / "out.yaml"
    result = _cli("import", str(path), "-o", str(out))
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1
    assert "not a text file" in result.stderr and not out.exists()
