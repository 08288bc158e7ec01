"""Token patterns for the entity ruler: DATE, TIME, MONEY, PERCENT and CARDINAL.

The statistical recognizer is trained on PER/ORG/LOC data only; these general patterns add the
numeric and calendar entity types (OntoNotes names) on tokens the recognizer left untagged.
They are deliberately conservative (a bare "May" or "March" is not a date).
"""

from __future__ import annotations

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "Jun.",
    "Jul.",
    "Aug.",
    "Sep.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
]
SAFE_MONTHS = [m for m in MONTHS if m not in {"May", "March"}]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SCALES = ["thousand", "million", "billion", "trillion", "mn", "bn", "m", "b"]
CURRENCY_SYMBOLS = ["$", "€", "£", "¥", "₽", "₴", "US$"]
CURRENCY_WORDS = [
    "dollars",
    "dollar",
    "euros",
    "euro",
    "pounds",
    "rubles",
    "roubles",
    "ruble",
    "rouble",
    "hryvnias",
    "hryvnia",
    "yuan",
    "yen",
    "shekels",
    "rupees",
    "francs",
    "lira",
]
YEAR = {"TEXT": {"REGEX": r"^(1[89]|20)\d\d$"}}
DAY = {"TEXT": {"REGEX": r"^([1-9]|[12]\d|3[01])(st|nd|rd|th)?$"}}


def entity_patterns() -> list[dict]:
    """Patterns for spaCy's entity ruler (token patterns, matched case-sensitively where it matters)."""
    month = {"ORTH": {"IN": MONTHS}}
    safe_month = {"ORTH": {"IN": SAFE_MONTHS}}
    weekday = {"ORTH": {"IN": WEEKDAYS}}
    number = {"LIKE_NUM": True}
    scale = {"LOWER": {"IN": SCALES}, "OP": "?"}
    p: list[tuple[str, list[dict]]] = [
        # Dates
        ("DATE", [month, DAY, {"ORTH": ",", "OP": "?"}, YEAR]),
        ("DATE", [month, DAY]),
        ("DATE", [DAY, month, YEAR]),
        ("DATE", [DAY, month]),
        ("DATE", [month, YEAR]),
        ("DATE", [safe_month]),
        ("DATE", [weekday]),
        ("DATE", [weekday, {"ORTH": ","}, month, DAY]),
        (
            "DATE",
            [
                {"LOWER": {"IN": ["last", "next", "this", "early", "late", "mid"]}},
                {
                    "LOWER": {
                        "IN": [
                            "week",
                            "month",
                            "year",
                            "weekend",
                            "spring",
                            "summer",
                            "autumn",
                            "fall",
                            "winter",
                            "decade",
                        ]
                    }
                },
            ],
        ),
        ("DATE", [{"LOWER": {"IN": ["today", "yesterday", "tomorrow"]}}]),
        ("DATE", [YEAR]),
        # Times
        (
            "TIME",
            [
                {"TEXT": {"REGEX": r"^\d{1,2}[:.]\d\d$"}},
                {"LOWER": {"IN": ["a.m.", "p.m.", "am", "pm"]}, "OP": "?"},
            ],
        ),
        ("TIME", [{"TEXT": {"REGEX": r"^\d{1,2}$"}}, {"LOWER": {"IN": ["a.m.", "p.m.", "am", "pm"]}}]),
        # Money
        ("MONEY", [{"ORTH": {"IN": CURRENCY_SYMBOLS}}, number, scale]),
        ("MONEY", [number, scale, {"LOWER": {"IN": CURRENCY_WORDS}}]),
        # Percentages
        ("PERCENT", [number, {"LOWER": {"IN": ["%", "percent", "per-cent"]}}]),
        ("PERCENT", [{"TEXT": {"REGEX": r"^\d+(\.\d+)?%$"}}]),
        # Cardinal numbers (with an optional scale word)
        ("CARDINAL", [number, {"LOWER": {"IN": SCALES[:4]}, "OP": "?"}]),
    ]
    return [{"label": label, "pattern": pattern} for label, pattern in p]
