"""Roles of persons, read from the words around a name, and the token helpers they share with
the actor extractor (``actors.py``).

- ``premodifier_role``: the office before a name ("Russian Foreign Minister X", "Y's son-in-law
  X", "the country's chief negotiator, X"), with the state or organization it belongs to.
- ``appositive_role``: the office after a name (", the foreign minister's top aide,").
- ``of_country_after``: the country in "of <Country>" after a name.
"""

from __future__ import annotations

from dataclasses import dataclass

from parley.extract import lexicon as lx

QUOTE_CHARS = "\"'“”‘’«»`"


def doc_text(doc) -> str:
    """The parsed text, built once per document (spaCy rebuilds ``Doc.text`` on every access)."""
    cached = doc.user_data.get("parley_text")
    if cached is None:
        cached = doc.user_data["parley_text"] = doc.text
    return cached


@dataclass(frozen=True)
class Ent:
    start: int  # token indices
    end: int
    label: str


def word_text(doc, i: int) -> tuple[int, str]:
    """(first token index, text) of the whitespace-delimited word ending at token ``i``:
    "son-in-law" is one word of five tokens."""
    k = i
    while k - 1 >= 0 and not doc[k - 1].whitespace_ and doc[k - 1].text not in ("'s", "’s") and \
            doc[k].text not in ("'s", "’s", ",") and doc[k - 1].text not in (",", "(", "“", '"'):
        k -= 1
    return k, doc_text(doc)[doc[k].idx:doc[i].idx + len(doc[i].text)]


def is_role(word: str) -> bool:
    return word.lower().strip(".,") in lx.ROLE_HEADS


def has_role(phrase: str) -> bool:
    low = phrase.lower()
    return low in lx.MULTIWORD_ROLES or any(is_role(w) for w in low.split())


def is_title(word: str) -> bool:
    w = word.lower().strip(".,")
    return w in lx.ROLE_HEADS or w in lx.ROLE_MODIFIERS


class Labels:
    """Token index -> the corrected entity that covers it."""

    def __init__(self, ents: list[Ent], n: int) -> None:
        self.at: list[Ent | None] = [None] * n
        for e in ents:
            for i in range(e.start, e.end):
                self.at[i] = e

    def label(self, i: int) -> str:
        e = self.at[i]
        return e.label if e else ""


# --- roles ----------------------------------------------------------------------------------

def multiword_role_ending(doc, i: int, floor: int) -> int | None:
    """The first token of a multi-word office ("chief of staff") that ends at token ``i``."""
    end = doc[i].idx + len(doc[i].text)
    head = doc_text(doc)[max(0, end - 30):end].lower()
    for mw in lx.MULTIWORD_ROLES:
        if head.endswith(mw) and (len(head) == len(mw) or not head[-len(mw) - 1].isalnum()):
            span = doc.char_span(end - len(mw), end)
            if span is not None and span.start >= floor:
                return span.start
    return None


HONORIFICS = frozenset({"dr", "mr", "mrs", "ms", "prof", "sir", "dame"})


def line_floor(doc, i: int, reach: int = 14) -> int:
    """The first token a title before token ``i`` may start at: its line, at most ``reach``
    tokens back (the parser sometimes starts a sentence at the name itself)."""
    j = i
    while j > 0 and i - j < reach and "\n" not in doc[j - 1].text and "\n" not in doc[j - 1].whitespace_:
        j -= 1
    return j


def office_with_complement(doc, i: int, floor: int) -> int | None:
    """First token of "<Office> for|of <Capitalized words>" ending at token ``i`` (None when
    the capitalized words before a name are not the complement of an office)."""
    j = i
    steps = 0
    while j > floor and steps < 5:
        t = doc[j]
        if t.lower_ in ("for", "of", "on") and j - 1 >= floor and is_role(doc[j - 1].text) and doc[j - 1].text[:1].isupper():
            return j - 1
        if not (t.text[:1].isupper() or t.lower_ in ("the", "and")):
            return None
        j -= 1
        steps += 1
    return None


def premodifier_role(doc, labels: Labels, start_i: int, sent_start: int
                      ) -> tuple[str, str | None, str | None] | None:
    """(title, affiliation, owner person) from the words right before a name:
    "Russian Foreign Minister X", "Trump's son-in-law X", "the country's chief negotiator, X"."""
    i = start_i - 1
    words: list[tuple[int, int]] = []  # (first token, last token) of each title word
    affiliation: str | None = None
    owner: str | None = None
    comma_used = False
    while i >= sent_start:
        tok = doc[i]
        lab = labels.label(i)
        if tok.text == "," and not comma_used and not words and i - 1 >= sent_start and \
                is_role(word_text(doc, i - 1)[1]):
            comma_used = True
            i -= 1
            continue
        if tok.text in ("'s", "’s", "'", "’"):
            if i - 1 < sent_start:
                break
            e = labels.at[i - 1]
            k = e.start if e else word_text(doc, i - 1)[0]
            owner_text = doc_text(doc)[doc[k].idx:doc[i - 1].idx + len(doc[i - 1].text)]
            st = lx.country_of(owner_text) or lx.metonym_state(owner_text)
            if st:
                affiliation = affiliation or st
            elif e is not None and e.label == "PERSON":
                owner = owner_text
            elif e is not None and e.label == "ORG":
                affiliation = affiliation or owner_text
            i = k - 1
            break
        if not words and lab != "PERSON" and tok.text[:1].isupper() and tok.pos_ in ("PROPN", "NOUN"):
            # "Envoy for Hostage Affairs Jane Roe": an office with its complement
            reach = office_with_complement(doc, i, sent_start)
            if reach is not None:
                words.insert(0, (reach, i))
                i = reach - 1
                continue
        if lab in ("GPE", "NORP", "ORG"):
            e = labels.at[i]
            ent_text = doc_text(doc)[doc[e.start].idx:doc[e.end - 1].idx + len(doc[e.end - 1].text)]
            st = lx.country_of(ent_text) or lx.metonym_state(ent_text)
            affiliation = affiliation or st or (ent_text if lab == "ORG" else None)
            i = e.start - 1
            continue
        if lab == "PERSON":
            break
        multi = multiword_role_ending(doc, i, sent_start)
        if multi is not None:
            words.insert(0, (multi, i))
            i = multi - 1
            continue
        k, word = word_text(doc, i)
        if not words and word.lower().rstrip(".") in HONORIFICS:
            i = k - 1  # "official Dr. Jane Roe": the honorific is no part of the office
            continue
        if lab == "TITLE" and lx.country_of(word):
            affiliation = affiliation or lx.country_of(word)
            i = k - 1
            continue
        if is_title(word) or (word.lower() in lx.TITLE_LINKS and words) or (
                word[:1].isupper() and doc[i].pos_ in ("PROPN", "NOUN") and words and k > sent_start) or (
                doc[i].pos_ == "ADJ" and words and word.isalpha()):  # "legal adviser"
            words.insert(0, (k, i))
            i = k - 1
            continue
        break
    while words and doc[words[0][0]].lower_ in lx.TITLE_LINKS:
        words.pop(0)
    if not words or not any(has_role(doc_text(doc)[doc[a].idx:doc[b].idx + len(doc[b].text)]) for a, b in words):
        return None
    if comma_used and i >= sent_start and doc[i].text == ",":
        return None  # "X, Y's adviser, Z": the phrase belongs to X
    title = doc_text(doc)[doc[words[0][0]].idx:doc[words[-1][1]].idx + len(doc[words[-1][1]].text)]
    return title, affiliation, owner


def appositive_role(doc, labels: Labels, end_i: int, sent_end: int
                     ) -> tuple[str, str | None, str | None] | None:
    """(title, affiliation, owner) from ", the country's top envoy," right after a name."""
    if end_i >= sent_end or doc[end_i].text not in (",", "—", "–"):
        return None
    i = end_i + 1
    stop = i
    while stop < sent_end and doc[stop].text not in (",", ";", ".", "—", "–", "(", ")", ":") \
            and doc[stop].text not in QUOTE_CHARS:
        if doc[stop].pos_ in ("VERB", "AUX") or doc[stop].lower_ in ("who", "which", "that") or stop - i >= 10:
            return None
        stop += 1
    if stop == i:
        return None
    j = i
    affiliation = owner = None
    if doc[j].lower_ in ("the", "a", "an", "another"):
        j += 1
    for k in range(j, stop):
        if doc[k].text in ("'s", "’s", "'", "’"):
            owner_text = doc_text(doc)[doc[j].idx:doc[k - 1].idx + len(doc[k - 1].text)]
            st = lx.country_of(owner_text) or lx.metonym_state(owner_text)
            if st:
                affiliation = st
            elif labels.label(k - 1) == "PERSON":
                owner = owner_text
            elif labels.label(k - 1) == "ORG":
                affiliation = owner_text
            j = k + 1
            break
    while j < stop and labels.label(j) in ("GPE", "NORP"):
        affiliation = affiliation or lx.country_of(doc[j].text)
        j += 1
    if j >= stop:
        return None
    last_k, last_word = word_text(doc, stop - 1)
    if not is_role(last_word) and multiword_role_ending(doc, stop - 1, j) is None:
        # "spokeswoman for President X", "leader of the group": the office before its complement
        prep = next((k for k in range(j + 1, stop) if doc[k].lower_ in ("for", "of", "to", "at", "in")), None)
        if prep is None or not is_role(word_text(doc, prep - 1)[1]):
            return None
        complement = doc_text(doc)[doc[prep + 1].idx:doc[stop - 1].idx + len(doc[stop - 1].text)] \
            if prep + 1 < stop else ""
        affiliation = affiliation or lx.country_of(complement) or lx.metonym_state(complement)
        stop = prep
    title = doc_text(doc)[doc[j].idx:doc[stop - 1].idx + len(doc[stop - 1].text)]
    return title, affiliation, owner


def of_country_after(doc, i: int) -> str | None:
    """The country in "of <Country>" right after token ``i`` (None when there is none)."""
    if i + 1 < len(doc) and doc[i].lower_ == "of":
        j = i + 1
        if doc[j].lower_ == "the" and j + 1 < len(doc):
            j += 1
        k = j
        while k < len(doc) and k - j < 4 and doc[k].text[:1].isupper():
            k += 1
        if k > j:
            return lx.country_of(doc_text(doc)[doc[j].idx:doc[k - 1].idx + len(doc[k - 1].text)])
    return None
