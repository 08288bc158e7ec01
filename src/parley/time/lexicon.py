"""Words of the time grammar: months, weekdays, numbers, units, seasons, holidays.

Regex fragments are plain strings so that the grammar modules can compose them. Month and
weekday names are case-sensitive on purpose: "may", "march" and "sun" in lower case are words,
not dates.
"""

from __future__ import annotations

MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
# Full names, then abbreviations with an optional dot ("Sept.", "Feb"); "May" has no abbreviation.
MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|JANUARY|FEBRUARY|MARCH|APRIL|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?(?![a-z]))"
)

WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
    "half a": 0.5,
    "a half": 0.5,
    "a couple of": 2,
    "couple of": 2,
    "a dozen": 12,
    "dozen": 12,
}
VAGUE_NUMBERS = ("several", "a few", "few", "many", "some", "a number of", "numerous", "dozens of")
_UNITS_WORDS = "|".join(sorted((k for k in NUMBERS if k not in ("a", "an")), key=len, reverse=True))
NUMBER_WORD_RE = (
    rf"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](?:one|two|three|four|five|six"
    rf"|seven|eight|nine)|{_UNITS_WORDS})"
)
VAGUE_RE = r"(?:several|a few|few|many|a number of|numerous|dozens of)"

# Unit word -> (TIMEX3 duration letter, number multiplier, is a time unit).
UNITS = {
    "second": ("S", 1, True),
    "minute": ("M", 1, True),
    "hour": ("H", 1, True),
    "day": ("D", 1, False),
    "night": ("D", 1, False),
    "week": ("W", 1, False),
    "fortnight": ("W", 2, False),
    "month": ("M", 1, False),
    "year": ("Y", 1, False),
    "decade": ("Y", 10, False),
    "century": ("Y", 100, False),
    "centurie": ("Y", 100, False),
}
UNIT_RE = (
    r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|years?|decades?|century|centuries)"
)


def unit_key(word: str) -> str:
    """Normalize a unit word ("Weeks", "centuries") to a key of ``UNITS``."""
    w = word.lower().rstrip(".")
    if w == "centuries":
        return "century"
    return w[:-1] if w.endswith("s") and w[:-1] in UNITS else w


SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
SEASON_RE = r"(?:[Ss]pring|[Ss]ummer|[Ff]all|[Aa]utumn|[Ww]inter)"

PARTS_OF_DAY = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
}
PART_OF_DAY_RE = r"(?:morning|afternoon|evening|night|overnight)"


def parse_number(word: str) -> float | None:
    """A number from digits or English words; None for vague quantities ("several")."""
    w = " ".join(word.lower().replace("-", " ").split())
    if not w:
        return None
    try:
        return float(w.replace(",", ""))
    except ValueError:
        pass
    if w in NUMBERS:
        return float(NUMBERS[w])
    parts = w.split()
    if len(parts) == 2 and parts[0] in NUMBERS and parts[1] in NUMBERS:
        return float(NUMBERS[parts[0]] + NUMBERS[parts[1]])
    return None
