"""Names folded for matching, and the guarded fuzzy comparisons the actor resolver relies on.

Folding removes what varies between outlets and never between people: case, accents,
punctuation, possessives, honorifics and leading titles ("President", "Foreign Minister").
Fuzzy matching (rapidfuzz) is only used for transliteration variants of one name
(Zelensky/Zelenskyy/Zelenskiy), behind guards that keep different people apart.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

# Words that open a name without being part of it: honorifics and office titles.
TITLE_WORDS = frozenset("""
mr mrs ms miss dr prof sir dame lord lady the his her their
president vice prime minister foreign defence defense interior finance deputy secretary
chancellor king queen prince crown sheikh emir general gen admiral colonel col
ambassador envoy special senator sen rep representative governor mayor premier
chairman chairwoman chair leader spokesman spokeswoman spokesperson adviser advisor
national security state chief commander head of former acting new us u s
""".split())

# Nouns that, alone, name an office rather than a person ("the president", "the envoy").
ROLE_NOUNS = frozenset("""
president vice-president prime-minister minister foreign-minister defence-minister defense-minister
secretary secretary-of-state chancellor king queen envoy special-envoy ambassador spokesman
spokeswoman spokesperson leader premier mediator negotiator adviser advisor commander chief
general mayor governor senator emir sheikh foreign-secretary national-security-adviser
""".split())

_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower case, no accents, no punctuation but hyphens, no possessive ``'s``."""
    s = unicodedata.normalize("NFKD", text or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.replace("’", "'").replace("‘", "'")
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"[^\w\s-]", " ", s)
    return _SPACE.sub(" ", s).strip()


@lru_cache(maxsize=200_000)
def name_key(name: str, *, person: bool = True) -> str:
    """A name folded for matching. For a person, leading titles go too (``President Aurel
    Vinter`` -> ``aurel vinter``), never down to nothing; for a body only a leading article
    (``the Kremlin`` -> ``kremlin``; ``National Security Council`` keeps every word)."""
    folded = fold(name)
    if person:  # "Jong-un" and "Jong Un" are one spelling
        folded = folded.replace("-", " ")
    words = folded.split()
    i = 0
    if person:
        while i < len(words) - 1 and is_title_word(words[i]):
            i += 1
    elif len(words) > 1 and words[0] == "the":
        i = 1
    return " ".join(words[i:])


def singular(word: str) -> str:
    """``presidents`` -> ``president``, ``secretaries`` -> ``secretary`` (titles only)."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def is_title_word(word: str) -> bool:
    return word in TITLE_WORDS or singular(word) in TITLE_WORDS


def is_role_noun(name: str) -> bool:
    """True when a name is only an office, singular or plural ("the President", "Foreign
    Minister", "negotiators")."""
    words = [w for w in fold(name).split() if w not in ("the", "a", "an", "s", "both", "two", "all")]
    if not words:
        return False
    sing = [singular(w) for w in words]
    return ("-".join(words) in ROLE_NOUNS or "-".join(sing) in ROLE_NOUNS
            or all(is_title_word(w) for w in words))


# Nouns whose plural alone names people in office, not a body ("Negotiators", "the officials").
BODY_ROLE_WORDS = frozenset("""
negotiator official diplomat mediator leader minister president envoy delegate ambassador
spokesman spokeswoman spokesperson adviser advisor aide observer monitor lawmaker senator
""".split())


def is_people_noun(name: str) -> bool:
    """True for a body "name" that is only people in office: "Negotiators", "the officials"."""
    words = [w for w in fold(name).split() if w not in ("the", "a", "an", "both", "two", "all", "some")]
    return bool(words) and all(singular(w) in BODY_ROLE_WORDS for w in words)


def surname(key: str) -> str:
    parts = key.split()
    return parts[-1] if parts else ""


def given(key: str) -> str:
    parts = key.split()
    return " ".join(parts[:-1])


def same_spelling_family(a: str, b: str, threshold: float = 85) -> bool:
    """Transliteration variants of one word: Zelensky ~ Zelenskyy ~ Zelenskiy.

    Guards: both at least five letters, same first letter, and a similarity of at least
    ``threshold`` (two different surnames such as ``jong-un``/``jong-il`` or ``Rusk``/``Rush``
    stay apart)."""
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or a[0] != b[0]:
        return False
    return fuzz.ratio(a, b) >= threshold


def given_compatible(a: str, b: str) -> bool:
    """Given names that can belong to one person: equal, one missing, an initial of the other,
    or a transliteration variant (Volodymyr ~ Volodimir)."""
    if not a or not b or a == b:
        return True
    a0, b0 = a.split()[0].rstrip("."), b.split()[0].rstrip(".")
    if len(a0) == 1 or len(b0) == 1:
        return a0[0] == b0[0]
    # given names vary more in transliteration (Dmitri/Dmitry, Sergei/Sergey) and the surname
    # already matched, so the bar is a little lower
    return same_spelling_family(a0, b0, threshold=80)


# Arabic article particles, written "al", "el" or left out ("Abdel Fattah el-Sisi" ~ "al-Sisi").
_ARTICLE_PARTICLES = frozenset({"al", "el"})


def _without_particles(key: str) -> str:
    words = [w for w in key.split() if w not in _ARTICLE_PARTICLES]
    return " ".join(words) if words else key


def close_short_spelling(a: str, b: str) -> bool:
    """Two spellings of a short surname ("Sisi"/"Sissi"): at least four letters, the same first
    letter, a similarity of 80. Only trusted under the same long given name."""
    return min(len(a), len(b)) >= 4 and a[0] == b[0] and fuzz.ratio(a, b) >= 80


def person_names_match(a: str, b: str) -> bool:
    """Two full person-name keys for one person: surnames in one spelling family and given
    names compatible, article particles ignored; a short surname spelled two ways only under
    the same given names. A single word only matches through ``surname`` elsewhere."""
    if a == b:
        return True
    if len(a.split()) < 2 or len(b.split()) < 2:
        return False
    a, b = _without_particles(a), _without_particles(b)
    if a == b:
        return True
    if len(a.split()) < 2 or len(b.split()) < 2:
        return False
    sa, sb = surname(a), surname(b)
    if same_spelling_family(sa, sb) and given_compatible(given(a), given(b)):
        return True
    return given(a) == given(b) and len(given(a)) >= 6 and close_short_spelling(sa, sb)
