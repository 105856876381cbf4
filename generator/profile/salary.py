"""Read money, pay ranges, growth percentages and counts out of free text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

# "$35,000", "35K", "$18.50", "USD 40,000", "45,000" (thousands separators), "1.2 million"
_MONEY = re.compile(
    r"(?P<cur>\$|US\$|USD\s?)?\s*"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s*(?P<mult>[kK](?![a-zA-Z])|million\b|[mM](?![a-zA-Z])))?"
    r"(?P<plus>\s*\+)?"
)
_HOURLY = re.compile(r"per\s+hour|/\s*h(?:ou)?r\b|an\s+hour|\bhourly\b|per\s+hr\b|\bp/h\b|\ban?\s+hr\b", re.I)
_YEARLY = re.compile(r"per\s+year|/\s*y(?:ea)?r\b|a\s+year|\bannual(?:ly)?\b|per\s+annum|\byearly\b", re.I)
_OPEN_AFTER = re.compile(r"^\s*(?:\+|and\s+up|or\s+more|and\s+above|or\s+higher|plus\b|and\s+higher)", re.I)
_OPEN_BEFORE = re.compile(r"(?:over|above|more\s+than|starting\s+(?:at|from)|from|at\s+least|upwards\s+of|minimum\s+of)\s*$", re.I)
_YEAR = re.compile(r"(?<![\d,.$])((?:19|20)\d{2})(?![\d,%])")
_PERIOD = re.compile(
    r"((?:19|20)\d{2})\s*(?:–|—|-|−|to|through|until|and)\s*((?:19|20)?\d{2})(?!\d)", re.I
)
_PERCENT = re.compile(r"(?:(?<=^)|(?<=[\s(:,]))(?P<sign>[-−–—+])?(?P<num>\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)", re.I)
_DECLINE = re.compile(r"\b(declin\w*|decreas\w*|shrink\w*|drop\w*|fall\w*|los[es]\w*)\b", re.I)
_COUNT = re.compile(r"(?<![\d.$])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(k\b|thousand\b|million\b)?", re.I)
HOURLY_LIMIT = 300  # a bare amount below this is an hourly wage
# Pay in a unit the profile model has no place for ('$2,000 to $2,800 per week', '$0.10 per word'):
# never read as a year's or an hour's pay.
_OTHER_UNIT = re.compile(r"(?:\bper|\ba|\ban|/)\s*(?:week|month|day|word|shift|visit|project|piece|mile|session|page)s?\b"
                         r"|\b(?:weekly|monthly|daily|biweekly)\b", re.I)


@dataclass(frozen=True)
class Money:
    """One amount found in text, with where it sits."""

    amount: float
    start: int
    end: int
    has_currency: bool
    plus: bool


def _token_amount(match: re.Match) -> float:
    value = float(match["num"].replace(",", ""))
    mult = (match["mult"] or "").lower()
    if mult == "k":
        value *= 1000
    elif mult in ("m", "million"):
        value *= 1_000_000
    return value


def find_money(text: str) -> list[Money]:
    """Every amount that reads as money: with "$", a K suffix, or thousands commas."""
    found = []
    for match in _MONEY.finditer(text):
        num = match["num"]
        looks_money = match["cur"] or match["mult"] or "," in num or "." in num
        after = text[match.end():match.end() + 2]
        if not looks_money or after.lstrip().startswith("%"):
            continue
        found.append(Money(_token_amount(match), match.start(), match.end(),
                           bool(match["cur"]), bool(match["plus"])))
    return found


def _share_multiplier(first: Money, second: Money, text: str) -> Money:
    """'$35-45K': the K of the second amount applies to the first too."""
    if first.amount < 1000 <= second.amount and second.amount >= 1000 and not re.search(
        r"\d\s*[kKmM]", text[first.start:first.end]
    ):
        scale = 1000 if second.amount < 1_000_000 else 1_000_000
        return Money(first.amount * scale, first.start, first.end, first.has_currency, first.plus)
    return first


def period_of(text: str, amounts: list[float]) -> str:
    """'hour' when the text says so (or the amounts are too small for a year), else 'year'."""
    if _HOURLY.search(text):
        return "hour"
    if _YEARLY.search(text):
        return "year"
    return "hour" if amounts and max(amounts) < HOURLY_LIMIT else "year"


_BRACKET = re.compile(r"\s*\(([^()]*)\)")


def parse_range(text: str) -> Optional[dict]:
    """'$35,000–$45,000', '$35K - $45K', '$80,000+', '$18.50–$24.00/hr' -> SalaryRange fields.

    A bracketed figure beside the range ('$36,000–$46,000 (about $17–$22/hr)') is kept
    as the range's note, in the source's words; it never sets the range's unit.
    """
    notes = [m.group(1).strip() for m in _BRACKET.finditer(text) if find_money(m.group(1)) or _says(m.group(1))]
    outside = _BRACKET.sub(lambda m: " " if find_money(m.group(1)) or _says(m.group(1)) else m.group(0), text)
    if _OTHER_UNIT.search(outside):
        return None
    if notes and find_money(outside):
        found = _parse_range(outside)
        if found:
            found["note"] = "; ".join(notes)
        return found
    return _parse_range(text)


def _says(bracket: str) -> bool:
    """A bracket of words beside a range ('owner earnings vary widely'), not only its unit ('per year')."""
    words = re.findall(r"[^\W\d_]{2,}", bracket)
    return len(words) >= 2 and not (_HOURLY.fullmatch(bracket.strip()) or _YEARLY.fullmatch(bracket.strip()))


def _parse_range(text: str) -> Optional[dict]:
    found = [m for m in find_money(text) if m.has_currency or m.amount >= 1000 or "k" in text.lower()]
    if not found:
        return None
    if len(found) == 1:
        return _single(found[0], text)
    first, second = _share_multiplier(found[0], found[1], text), found[1]
    between = _YEARLY.sub(" ", _HOURLY.sub(" ", text[first.end:second.start])).strip().casefold()
    if between not in ("-", "–", "—", "−", "to", "and", "through", "", "~", "/") and not re.fullmatch(r"[-–—−~]+|to|and", between):
        return None
    open_ended = second.plus or bool(_OPEN_AFTER.match(text[second.end:]))
    period = period_of(text, [first.amount, second.amount])
    return {"min": first.amount, "max": second.amount, "open_ended": open_ended, "period": period}


def _single(money: Money, text: str) -> Optional[dict]:
    before = text[:money.start]
    if re.search(r"(?:up\s+to|at\s+most)\s*$", before, re.I):  # 'up to $110,000': a top, no bottom
        return {"max": money.amount, "open_ended": False, "period": period_of(text, [money.amount])}
    if re.search(r"(?:under|less\s+than|below)\s*$", before, re.I):
        return None
    open_ended = money.plus or bool(_OPEN_AFTER.match(text[money.end:])) or bool(_OPEN_BEFORE.search(before))
    period = period_of(text, [money.amount])
    if open_ended:
        return {"min": money.amount, "max": None, "open_ended": True, "period": period}
    return {"min": money.amount, "max": money.amount, "open_ended": False, "period": period}


def find_year(*texts: str) -> Optional[int]:
    """The first calendar year (1900-2099) named in the texts, skipping money."""
    for text in texts:
        for match in _YEAR.finditer(text or ""):
            if not text[max(0, match.start() - 1):match.start()].strip() == "$":
                return int(match.group(1))
    return None


def parse_median(key: str, value: str) -> Optional[dict]:
    """'$50,250 per year ($24.16 per hour)' / '$24.16 per hour' -> MedianPay fields."""
    found = find_money(value)
    if not found:
        return None
    pay: dict = {}
    for money in found:
        tail = value[money.end:money.end + 20]
        if _HOURLY.match(tail.strip()) or _HOURLY.search(tail[:12]):
            kind = "hourly"
        elif _YEARLY.search(tail[:14]):
            kind = "annual"
        else:
            kind = "hourly" if money.amount < HOURLY_LIMIT else "annual"
        pay.setdefault(kind, money.amount)
    year = find_year(key, _strip_money(value))
    if year:
        pay["year"] = year
    return pay


def _strip_money(text: str) -> str:
    return _MONEY.sub(lambda m: " " if (m["cur"] or m["mult"] or "," in m["num"]) else m.group(0), text)


def parse_period(*texts: str) -> tuple[Optional[int], Optional[int]]:
    """'2023–2033' or '2023-33' -> (2023, 2033)."""
    for text in texts:
        match = _PERIOD.search(text or "")
        if match:
            start, end = match.group(1), match.group(2)
            if len(end) == 2:
                end = start[:2] + end
            return int(start), int(end)
    return None, None


def parse_growth(key: str, value: str) -> Optional[dict]:
    """'9% (Much faster than average)', '5 percent, about as fast as average', '-3%' -> Growth fields."""
    match = _PERCENT.search(value)
    if not match:
        return None
    percent = float(match["num"])
    if match["sign"] in ("-", "−", "–", "—") or (_DECLINE.search(value) and percent > 0):
        percent = -percent
    start, end = parse_period(key, value)
    growth = {"percent": percent}
    if start and end:
        growth.update(start_year=start, end_year=end)
    label = _growth_label(value, match)
    if label:
        growth["label"] = label
    return growth


def _growth_label(value: str, match: re.Match) -> Optional[str]:
    paren = re.search(r"\(([^()\d]*[A-Za-z][^()\d]*)\)", value)
    if paren:
        return paren.group(1).strip()
    rest = value[:match.start()] + " " + value[match.end():]
    rest = re.sub(r"(?:\b(?:from|over|between|during|for|in)\s+)?" + _PERIOD.pattern, " ", rest, flags=re.I)
    rest = " ".join(rest.split())
    junk = r"[\s()\[\],;:.–—-]*"
    preps = r"(?:\b(?:of|from|over|by|between|during|for|in)\b" + junk + ")*"
    rest = re.sub(r"^" + junk + preps, "", rest, flags=re.I)
    rest = re.sub(junk + r"(?:\b(?:of|from|over|by|between|during|for|in)" + junk + r")*$", "", rest, flags=re.I)
    if rest.casefold() in ("about", "approximately", "roughly", "around", "nearly", "some", "an estimated"):
        return None
    return rest or None


def parse_count(value: str) -> Optional[int]:
    """'Approximately 15,000 positions' -> 15000."""
    match = _COUNT.search(value.replace("$", " $"))
    if not match:
        return None
    number = float(match.group(1).replace(",", ""))
    scale = (match.group(2) or "").lower()
    number *= {"k": 1000, "thousand": 1000, "million": 1_000_000}.get(scale, 1)
    return int(round(number))


def parse_pay_item(text: str) -> Optional[tuple[str, float, str]]:
    """'Hospitals: $56,520' / 'Hospitals – $56,520' / 'Hospitals ($27.18/hr)' -> (name, pay, period)."""
    found = find_money(text)
    if not found or _OTHER_UNIT.search(text[found[0].end:]):
        return None
    money = found[0]
    name = text[:money.start].strip()
    name = re.sub(r"(?:[:–—\-(,|]|\bat\b|\bpays?\b|\bmedian\b)*$", "", name, flags=re.I).strip()
    name = name.rstrip(":–—-(,| ").strip()
    if not name:
        tail = re.sub(r"^[\s)/a-z.]*(per\s+(year|hour)|hourly|annually)?[\s)]*[:–—\-,]?\s*", "", text[money.end:], flags=re.I)
        name = tail.strip(" .")
    period = period_of(text, [money.amount])
    # '(hourly)', '(per hour)', '(annual)' say the unit, which is kept as the period, not in the name
    name = re.sub(r"\s*\((?:hourly|per\s+hour|an\s+hour|annual(?:ly)?|per\s+year|yearly|a\s+year)\)", "", name, flags=re.I)
    if not name:
        return None
    return name.strip(), money.amount, period


def parse_median_in_prose(text: str) -> Optional[dict]:
    """'The median annual wage for X was $61,590 in May 2024.' -> MedianPay fields."""
    match = re.search(r"\bmedian\b[^.$]{0,60}?\b(pay|wage|salary|earnings|income)\b", text, re.I)
    if not match or not find_money(text[match.end():]):
        return None
    return parse_median(text[:match.end()], text[match.end():])


def parse_growth_in_prose(text: str) -> Optional[dict]:
    """'Employment ... is projected to grow 9 percent from 2023 to 2033' -> Growth fields."""
    if not re.search(r"\b(grow|growth|increase|declin|decrease|change)\w*", text, re.I):
        return None
    match = _PERCENT.search(text)
    if not match:
        return None
    growth = parse_growth("", text)
    if growth:
        growth.pop("label", None)
    return growth


def parse_openings_in_prose(text: str) -> Optional[int]:
    """'About 15,000 openings ... each year' -> 15000."""
    match = re.search(r"(\d{1,3}(?:,\d{3})+|\d+)\s+(?:\w+\s+){0,2}openings\b", text, re.I)
    if not match or not re.search(r"each year|per year|a year|annual", text, re.I):
        return None
    return int(match.group(1).replace(",", ""))


def parse_spread(key: str, value: str) -> Optional[dict]:
    """'Lowest 10%', 'less than $40,450' -> PaySpread fields (the source's label and words kept)."""
    found = find_money(value)
    if len(found) != 1 or _OTHER_UNIT.search(value):
        return None
    spread = {"label": key.strip(), "text": value.strip().rstrip("."), "pay": found[0].amount,
              "period": period_of(value, [found[0].amount])}
    as_of = date_of(key)
    return {**spread, "as_of": as_of} if as_of else spread


def parse_jobs(key: str, value: str) -> Optional[dict]:
    """'Number of Jobs (2023)', 'About 3.3 million' -> {'count': 3300000, 'year': 2023}."""
    count = parse_count(_YEAR.sub(" ", value))
    if not count:
        return None
    year = find_year(key, value)
    jobs: dict = {"count": count, "year": year} if year else {"count": count}
    said = [m.group(1).strip() for m in _BRACKET.finditer(value) if re.search(r"[^\W\d_]{3,}", m.group(1))]
    if said:  # '(developers, QA analysts, and testers combined)': what the count covers
        jobs["note"] = "; ".join(said)
    return jobs


_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
          r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_DATE = re.compile(rf"\b(?:{_MONTH}\.?\s+(?:\d{{1,2}},?\s+)?)?(?:19|20)\d{{2}}\b(?![\d,%–—-])", re.I)


def date_of(text: Optional[str]) -> Optional[str]:
    """The date a heading or key gives its figures, as written: 'Top-Paying Industries (May 2023
    median)' -> 'May 2023'; 'Jobs, 2023' -> '2023'; a period ('2023-2033') is not a date."""
    for match in _DATE.finditer(text or ""):
        if not re.search(r"[\d][\s]*[–—-]\s*$", (text or "")[:match.start()]) and "$" not in text[max(0, match.start() - 1):match.start()]:
            return " ".join(match.group(0).split())
    return None
