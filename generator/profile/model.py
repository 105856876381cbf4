"""The typed career profile: every fact a brochure may print, validated."""

from __future__ import annotations

import warnings
from typing import Annotated, Literal, Optional

from generator.links import is_web_link
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

HOURS_PER_YEAR = 2080
HOURLY_TOLERANCE = 0.05  # hourly x 2080 may differ from annual by 5% before we warn
# The most a figure of each period may be: beyond these it is a typo or a hostile file, not pay.
PAY_LIMITS = {"year": 10_000_000, "hour": 5_000}
COUNT_LIMIT = 1_000_000_000


def convert(amount: float, source: str, target: str) -> float:
    """An amount from one pay period ('year' or 'hour') to another, at HOURS_PER_YEAR."""
    if source == target:
        return amount
    return amount * HOURS_PER_YEAR if source == "hour" else amount / HOURS_PER_YEAR


class ProfileWarning(UserWarning):
    """Something suspicious in a profile that still builds."""


class Model(BaseModel):
    """Base for every profile part: unknown keys are errors, strings are trimmed."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


def _number(value):
    """YAML's true/false are not numbers (pydantic would read true as 1)."""
    if isinstance(value, bool):
        raise ValueError("expected a number, not true/false")
    return value


def _within(amount: Optional[float], period: str, what: str) -> None:
    if amount is not None and amount > PAY_LIMITS[period]:
        unit = "a year" if period == "year" else "an hour"
        shown = f"{amount:,.2f}" if amount < 1e12 else f"{amount:.3g}"
        raise ValueError(f"{what} {shown} is more than ${PAY_LIMITS[period]:,} {unit}; check the figure")


Text = str
Amount = Annotated[float, BeforeValidator(_number), Field(allow_inf_nan=False)]
Count = Annotated[int, BeforeValidator(_number)]


_AS_OF = Field(None, description='The date the figure is for, as the source gives it ("May 2023").')


class MedianPay(Model):
    """Median pay, yearly and/or hourly, for a given data year."""

    annual: Optional[Amount] = Field(None, gt=0, description="Median annual pay in dollars.")
    hourly: Optional[Amount] = Field(None, gt=0, description="Median hourly pay in dollars.")
    year: Optional[int] = Field(None, ge=1900, le=2100, description="Year the figure refers to.")

    @model_validator(mode="after")
    def _one_figure(self) -> "MedianPay":
        if self.annual is None and self.hourly is None:
            raise ValueError("needs annual or hourly pay")
        _within(self.annual, "year", "annual")
        _within(self.hourly, "hour", "hourly")
        if self.annual and self.hourly:
            expected = self.hourly * HOURS_PER_YEAR
            if abs(expected - self.annual) > HOURLY_TOLERANCE * self.annual:
                warnings.warn(
                    f"median_pay: hourly {self.hourly:g} x {HOURS_PER_YEAR} = {expected:,.0f}, "
                    f"far from annual {self.annual:,.0f}",
                    ProfileWarning,
                    stacklevel=2,
                )
        return self

    def in_unit(self, period: str) -> Optional[float]:
        """The median the source states in `period` ('year' or 'hour'); never a conversion."""
        return self.annual if period == "year" else self.hourly


class JobCount(Model):
    """How many jobs the occupation held in a year ("Number of Jobs (2023): About 3.3 million")."""

    count: Count = Field(..., gt=0, le=COUNT_LIMIT)
    year: Optional[int] = Field(None, ge=1900, le=2100)
    note: Optional[Text] = Field(None, description='What the source says the count covers, e.g. "testers combined".')


class PaySpread(Model):
    """A point of the pay distribution as the source gives it ('Lowest 10%: less than $40,450')."""

    label: Text = Field(..., min_length=1, description='The source\'s label, e.g. "Lowest 10%".')
    text: Text = Field(..., min_length=1, description='The source\'s words for the figure, e.g. "less than $40,450".')
    pay: Amount = Field(..., gt=0)
    period: Literal["year", "hour"] = "year"
    as_of: Optional[Text] = _AS_OF

    @model_validator(mode="after")
    def _sane(self) -> "PaySpread":
        _within(self.pay, self.period, "pay")
        return self


class Growth(Model):
    """Projected employment growth over a period."""

    percent: Amount = Field(..., ge=-100, le=1000, description="Growth in percent over the period.")
    start_year: Optional[int] = Field(None, ge=1900, le=2100)
    end_year: Optional[int] = Field(None, ge=1900, le=2100)
    label: Optional[Text] = Field(None, description='e.g. "Much faster than average".')

    @model_validator(mode="after")
    def _period_order(self) -> "Growth":
        if self.start_year and self.end_year and self.start_year >= self.end_year:
            raise ValueError(f"start_year {self.start_year} is not before end_year {self.end_year}")
        return self


class SalaryRange(Model):
    """A pay range; `max` may be open-ended ("$80,000+"), `min` missing ("up to $110,000")."""

    min: Optional[Amount] = Field(None, gt=0, description='Missing for "up to $110,000".')
    max: Optional[Amount] = Field(None, gt=0)
    open_ended: bool = Field(False, description='True when the top is open, as in "$80,000+".')
    period: Literal["year", "hour"] = "year"
    note: Optional[Text] = Field(None, description='What the source adds in brackets, e.g. "about $17–$22/hr".')

    @model_validator(mode="after")
    def _min_below_max(self) -> "SalaryRange":
        _within(self.min, self.period, "min")
        _within(self.max, self.period, "max")
        if self.min is None and self.max is None:
            raise ValueError("needs a min or a max")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min {self.min:g} is above max {self.max:g}")
        if self.max is None and not self.open_ended:
            raise ValueError("needs a max, or open_ended: true")
        if self.min is None and self.open_ended:
            raise ValueError("an open-ended range needs a min")
        return self

    def in_unit(self, period: str) -> tuple[Optional[float], Optional[float]]:
        """(min, max) in `period`; converted at HOURS_PER_YEAR when the source used the other unit."""
        factor = convert(1.0, self.period, period)
        return (None if self.min is None else self.min * factor), (None if self.max is None else self.max * factor)


class Level(Model):
    """One career level (entry, mid, senior...)."""

    name: Text = Field(..., min_length=1)
    job_titles: list[Text] = []
    education: Optional[Text] = None
    experience: Optional[Text] = None
    responsibilities: list[Text] = []
    salary: Optional[SalaryRange] = None


class Certification(Model):
    """A certification and who issues it."""

    name: Text = Field(..., min_length=1)
    issuer: Optional[Text] = None
    description: Optional[Text] = Field(None, description="What the source says after the name, verbatim.")


class Detail(Model):
    """A labelled paragraph the source gives inside a section ('Alternative Paths: …')."""

    label: Text = Field(..., min_length=1)
    text: Text = Field(..., min_length=1)


class HowToBecome(Model):
    """The path into the occupation."""

    education: Optional[Text] = None
    high_school: Optional[Text] = None
    high_school_courses: list[Text] = []
    postsecondary: Optional[Text] = None
    licensing: Optional[Text] = None
    certifications: list[Certification] = []
    advancement: Optional[Text] = None
    details: list[Detail] = Field([], description="Other routes and notes the source labels itself "
                                                  "('Alternative Paths', 'Apprenticeship'), in its order.")


class ToolCategory(Model):
    """Tools or software of one kind."""

    category: Text
    items: list[Text] = []


class WorkEnvironment(Model):
    """Where and when the work happens."""

    industries: list[Text] = []
    settings: Optional[Text] = None
    schedules: Optional[Text] = None


class Outlook(Model):
    """Job outlook: prose, annual openings and what drives demand."""

    summary: Optional[Text] = None
    annual_openings: Optional[Count] = Field(None, ge=0, le=COUNT_LIMIT)
    drivers: list[Text] = []


class RelatedOccupation(Model):
    """An occupation with similar work."""

    name: Text
    description: Optional[Text] = None


class Book(Model):
    """A book and its authors."""

    title: Text
    authors: list[Text] = []


class Resources(Model):
    """Where to learn more."""

    courses: list[Text] = []
    books: list[Book] = []
    videos: list[Text] = []
    podcasts: list[Text] = []
    communities: list[Text] = []


class PayFigure:
    """A pay figure of one industry or place (its `pay`, `period`, `as_of`), in the source's unit."""

    def _pay_within(self):
        _within(self.pay, self.period, "pay")
        return self

    def in_unit(self, period: str) -> float:
        """The pay in `period`; converted at HOURS_PER_YEAR when the source used the other unit."""
        return convert(self.pay, self.period, period)


class IndustryPay(Model, PayFigure):
    """Pay in one industry."""

    industry: Text
    pay: Amount = Field(..., gt=0)
    period: Literal["year", "hour"] = "year"
    as_of: Optional[Text] = _AS_OF

    _sane = model_validator(mode="after")(PayFigure._pay_within)


class AreaPay(Model, PayFigure):
    """Pay in one place (a state, a metro area), as a top-paying list gives it."""

    area: Text
    pay: Amount = Field(..., gt=0)
    period: Literal["year", "hour"] = "year"
    as_of: Optional[Text] = _AS_OF

    _sane = model_validator(mode="after")(PayFigure._pay_within)


class Regional(Model):
    """Regional data and employment trends."""

    top_paying_industries: list[IndustryPay] = []
    top_paying_areas: list[AreaPay] = []
    hot_markets: list[Text] = []
    trends: list[Text] = []


class Source(Model):
    """Where printed figures come from."""

    name: Text
    url: Optional[Text] = None
    data_as_of: Optional[Text] = Field(None, description='Year or date, e.g. "2024".')

    @field_validator("url")
    @classmethod
    def _link_or_text(cls, value):
        if value is not None and not is_web_link(value):
            warnings.warn(f"sources: url {value[:80]!r} is not an http(s) or mailto address; "
                          "printed as text, not as a link or QR code", ProfileWarning, stacklevel=2)
        return value

    @field_validator("data_as_of", mode="before")
    @classmethod
    def _as_text(cls, value):
        return None if value is None else str(value)


class Profile(Model):
    """A career profile: the single input of every brochure."""

    title: Text = Field(..., min_length=1)
    soc: Optional[str] = Field(None, pattern=r"^\d{2}-\d{4}$",
                               description="The occupation's SOC code (47-2111), for BLS's wage tables.")
    overview: Optional[Text] = None
    median_pay: Optional[MedianPay] = None
    pay_spread: list[PaySpread] = Field([], description="The lowest and highest earners' pay, as the source gives it.")
    growth: Optional[Growth] = None
    number_of_jobs: Optional[JobCount] = None
    typical_education: Optional[Text] = None
    work_experience: Optional[Text] = None
    specialty_areas: list[Text] = []
    levels: list[Level] = []
    how_to_become: HowToBecome = HowToBecome()
    skills: list[Text] = []
    skills_intro: Optional[Text] = Field(None, description="The sentence the source introduces its skills with.")
    tools: list[ToolCategory] = []
    work_environment: WorkEnvironment = WorkEnvironment()
    outlook: Outlook = Outlook()
    related_occupations: list[RelatedOccupation] = []
    resources: Resources = Resources()
    regional: Regional = Regional()
    sources: list[Source] = []
    notes: list[Text] = Field([], description="Text the importer could not place, kept verbatim.")

    @field_validator("levels")
    @classmethod
    def _unique_level_names(cls, levels: list[Level]) -> list[Level]:
        seen: set[str] = set()
        for level in levels:
            key = level.name.casefold()
            if key in seen:
                raise ValueError(f"level name {level.name!r} appears twice")
            seen.add(key)
        return levels
