"""Figures in news text ("5,000", "$50 billion", "eight million", "nearly 300") and the units
that make them claims (people killed, troops, drones, money, area).
"""

from __future__ import annotations

import re

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "a dozen": 12, "a hundred": 100, "a thousand": 1000,
}
SCALES = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "bn": 1e9, "mn": 1e6, "m": 1e6, "b": 1e9, "k": 1e3, "tn": 1e12,
}
CURRENCIES = {
    "$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP",
    "dollars": "USD", "euros": "EUR", "pounds": "GBP",
}

_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_WORDNUM = (rf"(?:{_TENS})-(?:{_UNITS})|"
            + "|".join(sorted((re.escape(w) for w in WORD_NUMBERS), key=len, reverse=True)))
# approximation words a figure may carry ("nearly 300", "more than 1,000")
APPROX = (r"(?:nearly|almost|about|around|roughly|some|approximately|over|more than|at least|"
          r"up to|fewer than|less than|as many as|an estimated|estimated|close to|upwards of)")
NUMBER = re.compile(
    rf"(?:(?P<cur>US\$|\$|€|£)\s?)?"
    rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|(?<![\w-])(?:{_WORDNUM})(?![\w-]))"
    rf"(?P<plus>\+)?"
    rf"(?:[\s-](?P<scale>thousand|million|billion|trillion)\b|(?P<abbr>bn|mn|tn|[mbk])\b)?",
    re.IGNORECASE,
)

# What a figure counts. Keys are head nouns (lower case), values the unit family written in
# the claim. Time units are absent on purpose: "nearly four years" is not a claim.
UNIT_NOUNS = {
    # people
    "people": "people", "persons": "people", "civilians": "civilians", "residents": "people",
    "children": "children", "women": "women", "men": "men", "refugees": "refugees",
    "migrants": "migrants", "hostages": "hostages", "captives": "hostages",
    "prisoners": "prisoners", "detainees": "detainees", "soldiers": "soldiers",
    "troops": "troops", "servicemen": "soldiers", "personnel": "personnel",
    "fighters": "fighters", "militants": "militants", "combatants": "fighters",
    "monitors": "monitors", "observers": "observers", "peacekeepers": "peacekeepers",
    "casualties": "casualties", "deaths": "deaths", "dead": "dead", "wounded": "wounded",
    "injured": "injured", "killed": "killed", "victims": "victims", "bodies": "bodies", "inhabitants": "people",
    "volunteers": "people", "recruits": "troops", "conscripts": "troops", "officers": "officers",
    "workers": "people", "journalists": "journalists", "doctors": "people", "patients": "people",
    "population": "population", "members": "members", "families": "families",
    # weapons and military means
    "drones": "drones", "missiles": "missiles", "rockets": "rockets", "shells": "shells",
    "bombs": "bombs", "tanks": "tanks", "aircraft": "aircraft", "jets": "aircraft",
    "warplanes": "aircraft", "helicopters": "helicopters", "warships": "ships",
    "ships": "ships", "vessels": "ships", "artillery": "artillery", "weapons": "weapons",
    "strikes": "strikes", "airstrikes": "strikes", "attacks": "attacks", "munitions": "munitions",
    "violations": "violations", "brigades": "brigades", "battalions": "battalions",
    "divisions": "divisions",
    # places, goods
    "homes": "homes", "houses": "homes", "buildings": "buildings", "villages": "villages",
    "towns": "towns", "settlements": "settlements", "trucks": "trucks", "tonnes": "tonnes",
    "tons": "tonnes", "barrels": "barrels", "housing": "housing units",
    # area and distance
    "square kilometres": "km2", "square kilometers": "km2", "square miles": "sq mi",
    "sq km": "km2", "km2": "km2", "km²": "km2", "hectares": "hectares",
    # linear distances ("a 30-kilometre zone", "ten kilometres back") describe terms, not facts
}
# Plural demonyms stand for people ("8 million Ukrainians"); a capitalised word ending so.
DEMONYM_PLURAL = re.compile(r"^[A-Z][a-z]+(?:ans|ians|ese|is|ers|ites|ards|ish)$")
# Words that may stand between a figure and its noun ("300 Russian combat drones").
MODIFIER = re.compile(
    r"^(?:[A-Z][a-z]+(?:an|ian|ese|i|ish|ic)|more|additional|other|new|foreign|civilian|"
    r"military|combat|armed|active|ballistic|cruise|attack|unarmed|enemy|regular|reserve|"
    r"long-range|short-range|ground|frontline|front-line|living|surviving|dead|deceased|"
    r"remaining|displaced|internally|wounded|killed|elderly|young|innocent|senior|"
    r"Palestinian|Israeli|U\.S\.|US|UN|NATO|EU|of|the|their|its|his|her|whom|which|"
    r"Ukrainian|Russian|American|European|[a-z]+-[a-z]+)$"
)
# A figure directly followed by these is not a claim: dates, ages, point counts, percentages.
NOT_A_CLAIM_AFTER = re.compile(
    r"^(?:[\s-]*(?:point|points|percent|per cent|%|per cent|year-old|years old|-year-old|"
    r"p\.m\.|a\.m\.|pm|am|o'clock|th|st|nd|rd|days?|weeks?|months?|years?|hours?|minutes?|"
    r"seconds?|decades?|centuries|times|round|rounds|pages?|votes?|nations|countries|"
    r"states|members? states)\b)",
    re.IGNORECASE,
)
MONTHS = re.compile(
    r"\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?$"
)
# "990 to 1,650 prisoners", "five living and 10 dead hostages": the first takes the second's unit
RANGE_JOIN = re.compile(r"^\s*(?:[a-z]+\s+)?(?:to|-|–|and|or)\s*$")
# "20 of whom are alive": the unit of the figure just given
OF_THEM = re.compile(r"^\s+of\s+(?:them|whom|who|those|these)\b", re.IGNORECASE)
# "6,100 of the region's 9,400 square kilometres": the part takes the unit of the whole
PARTITIVE_JOIN = re.compile(r"^\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+['’]s?\s+)?$")
# The unit stated before the figure: "a population of 310,000", "displaced about 1.3 million"
UNIT_BEFORE = re.compile(
    r"\b(?P<noun>population|death toll|toll|casualties|number of (?:dead|deaths|casualties|refugees|"
    r"displaced|hostages|prisoners|troops|soldiers))\s+(?:of|at|to|stands at|rose to|reached|"
    rf"exceeds?|exceeded|passed|topped)\s+(?:{APPROX}\s+)?$|"
    r"\b(?P<verb>killed|displaced|wounded|injured|detained|freed|released|evacuated|"
    rf"uprooted|captured|abducted)\s+(?:{APPROX}\s+)?$",
    re.IGNORECASE,
)


def number_value(m: re.Match[str]) -> float | None:
    """The value of a ``NUMBER`` match, with its scale ("50 billion" -> 5e10)."""
    raw = m.group("num").lower()
    if "-" in raw and raw.split("-")[0] in WORD_NUMBERS:  # "fifty-nine"
        tens, ones = raw.split("-", 1)
        value = float(WORD_NUMBERS[tens] + WORD_NUMBERS.get(ones, 0))
    elif raw in WORD_NUMBERS:
        value = float(WORD_NUMBERS[raw])
    else:
        try:
            value = float(raw.replace(",", ""))
        except ValueError:
            return None
    scale = (m.group("scale") or m.group("abbr") or "").lower()
    if scale:
        if scale in ("m", "b", "k") and not m.group("cur"):
            return None  # "5m" without a currency is a distance or a typo, not a figure
        value *= SCALES[scale]
    return value


def is_year(m: re.Match[str]) -> bool:
    raw = m.group("num")
    return (raw.isdigit() and len(raw) == 4 and 1800 <= int(raw) <= 2100
            and not m.group("scale") and not m.group("cur"))
