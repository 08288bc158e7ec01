"""Actors of one document: persons with every surface form and their roles, states (metonyms
included when they act) and organizations.

Persons come from the recognizer's PERSON entities, repaired by general rules first: a title
fused with the name that follows it ("U.S. President Jane Roe" read as one ORG) is split; a
name right after an office the recognizer missed ("Chief of Staff Jane Roe", "ministers—Jane
Roe-Lind") is added; a name cut at a hyphen or particle ("al-", "Ben-") is completed; a name in
a list of names is added; a first name read as a place ("Georgia Lane said") becomes a person.
Within the document a full name gathers its surname, possessive and variant forms; a lone
one-word name stays an actor of its own when it is named twice, has a role or is not an English
word, and is not used as a place ("in X", a demonym built on it). Names in title-case headline
lines count only when a title introduces them or the body repeats them.

Roles come from pre-modifiers ("Army Secretary X", "Special Envoy for Hostage Affairs X"),
appositives ("X, the foreign minister's top aide,", "X, spokeswoman for Y"), relations ("Y's
son-in-law X") and role phrases set off by a comma before the name ("the country's chief
negotiator, X"); a state named in them is the affiliation.

States: a country name is always the state. A capital or a seat of government ("the Kremlin")
stands for its state only when it acts: subject of a verb, possessor, agent ("by"), a party
("between", "with"). Organizations come from ORG entities, minus title fragments, buildings,
meetings and documents named like bodies, and headline words.

People only in noise (bylines, credits) and the document's authors are not actors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from parley.extract import lexicon as lx
from parley.extract.registry import Context, extractor
from parley.extract.roles import (
    QUOTE_CHARS,
    Ent,
    Labels,
    appositive_role,
    doc_text,
    is_role,
    is_title,
    line_floor,
    multiword_role_ending,
    of_country_after,
    office_with_complement,
    premodifier_role,
    word_text,
)
from parley.models import Actor, Evidence, Record, Role, stable_id

if TYPE_CHECKING:
    from spacy.tokens import Span

NAME = "actors.rules.v1"
_MAX_EVIDENCE = 3  # evidence spans kept per surface form: enough to cite, small to store
_POSSESSIVE = re.compile(r"\s*['’]s?$")
_ORG_TITLE_TAIL = re.compile(r"\b(President|Minister|Secretary|Advisor|Adviser|Envoy|Spokesman|Spokeswoman)$")


@dataclass
class _Body:
    """An actor being gathered."""

    name: str
    type: str
    aliases: dict[str, None] = field(default_factory=dict)  # ordered set
    roles: list[Role] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)

    def add(self, surface: str, start: int, end: int) -> None:
        self.aliases.setdefault(surface, None)
        self.spans.append((start, end))

    def add_role(self, title: str, affiliation: str | None) -> None:
        title = " ".join(title.split()).strip(" ,")
        if not title:
            return
        for r in self.roles:
            if r.title.lower() == title.lower():
                if r.affiliation is None and affiliation:
                    r.affiliation = affiliation
                return
        self.roles.append(Role(title, affiliation))


_LEADING_NOT_NAME = frozenset({"democrat", "republican", "former", "late", "then", "senator", "sen", "rep"})
_PLACE_TAILS = frozenset({"strip", "beach", "bank", "valley", "city", "county", "province", "region",
                          "oblast", "district", "square", "hotel", "palace", "street", "island", "islands"})


def _clean_person(span: Span) -> tuple[int, int, str] | None:
    """The name part of a PERSON entity (no possessive, quotes, party or nationality word, edge
    punctuation; a hyphenated surname the recognizer cut is completed), or None."""
    doc = span.doc
    end_i = span.end
    # "Jean" + "-" + "Pierre", "al" + "-" + "Sisi": complete a name cut at a hyphen
    while end_i + 1 < len(doc) and doc[end_i].text == "-" and not doc[end_i - 1].whitespace_ and \
            not doc[end_i].whitespace_ and doc[end_i + 1].is_alpha:
        end_i += 2
    # "Abdel Fattah" + "al-Sisi": a particle with a hyphenated surname right after the name
    if end_i + 2 < len(doc) and doc[end_i].lower_ in _PARTICLES and doc[end_i + 1].text == "-" and \
            not doc[end_i].whitespace_ and doc[end_i + 2].text[:1].isupper():
        end_i += 3
    toks = list(doc[span.start:end_i])
    while toks and (toks[0].lower_.rstrip(".") in _LEADING_NOT_NAME or toks[0].lower_ in lx.DEMONYMS):
        toks.pop(0)
    while toks and (toks[-1].text in ("'s", "’s", "'", "’") or toks[-1].is_punct and toks[-1].text != "."):
        toks.pop()
    while toks and (toks[0].is_punct or toks[0].lower_ in lx.NOT_NAMES or toks[0].text in QUOTE_CHARS):
        toks.pop(0)
    if not toks:
        return None
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    text = doc_text(span.doc)[start:end]
    text = _POSSESSIVE.sub("", text) if text.endswith(("'s", "’s")) else text
    end = start + len(text)
    if not _plausible_person(text):
        return None
    return start, end, text


def _plausible_person(text: str) -> bool:
    words = text.split()
    if not words or len(words) > 6 or len(text) < 3 or "\n" in text:
        return False
    if any(ch.isdigit() for ch in text) or not all(
            w[0].isupper() or w.lower() in _PARTICLES or re.split(r"[-—–]", w)[0].lower() in _PARTICLES
            for w in words):
        return False
    if len(words) > 1 and any(w.isalpha() and w.isupper() and len(w) > 3 for w in words):
        return False  # "Gaza NEVER": a shouted headline, not a name
    low = text.lower()
    if low in lx.NOT_NAMES or lx.country_of(text) or low in lx.places() or words[-1].lower() in _PLACE_TAILS:
        return False
    if len(words) > 1 and low in lx.small_places():
        return False
    return not (len(words) == 1 and text.isupper() and len(text) > 3)  # an acronym, not a name


_PARTICLES = {"al", "al-", "bin", "ibn", "van", "von", "der", "de", "da", "del", "la", "le", "du", "di", "el", "abu", "abd"}


def _norm(name: str) -> str:
    return " ".join(name.replace("’", "'").replace("—", "-").replace("–", "-").split()).lower().replace(".", "")


def _same_person(full: str, other: str) -> bool:
    """Two full names of one person: same last word and compatible first words."""
    a, b = _norm(full).split(), _norm(other).split()
    if a[-1] != b[-1]:
        return False
    if a[0] == b[0] or a[0].startswith(b[0]) or b[0].startswith(a[0]):
        return True
    # "Abu Zuhri" within "Sami Abu Zuhri": the shorter name ends the longer one
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return len(short) >= 2 and long_[-len(short):] == short


# --- entities, corrected -------------------------------------------------------------------

def _capitalized_name_tokens(doc, i: int, limit: int) -> int:
    """How many capitalized name-like tokens start at ``i`` (at most ``limit``)."""
    n = 0
    while i + n < len(doc) and n < limit:
        t = doc[i + n]
        if not (t.is_alpha and t.text[0].isupper() and t.pos_ in ("PROPN", "NOUN", "ADJ", "X")
                and not is_title(t.text) and t.lower_ not in lx.NOT_NAMES):
            break
        n += 1
    return n


def _name_tokens(doc, i: int, limit: int) -> int:
    """How many tokens from ``i`` form a name: capitalized words, joined by hyphens written
    without spaces ("Ben-Gvir") or opened by a particle ("al-Nunu"); at most ``limit``."""
    n = 0
    words = 0
    while i + n < len(doc) and n < limit:
        t = doc[i + n]
        glued = n > 0 and not doc[i + n - 1].whitespace_
        if t.text in ("-", "—", "–") and glued and i + n + 1 < len(doc) and not t.whitespace_ and words:
            n += 1
            continue
        if t.lower_ in _PARTICLES and i + n + 1 < len(doc) and not t.whitespace_ and doc[i + n + 1].text in ("-", "—", "–"):
            n += 1
            continue
        if not (t.is_alpha and t.text[0].isupper() and t.pos_ in ("PROPN", "NOUN", "ADJ", "X")
                and not is_title(t.text) and t.lower_ not in lx.NOT_NAMES):
            break
        n += 1
        words += 1
    while n and doc[i + n - 1].text in ("-", "—", "–") or n and doc[i + n - 1].lower_ in _PARTICLES:
        n -= 1
    return n if words >= 2 else 0


def _entities(doc) -> list[Ent]:
    """The recognizer's entities with two general repairs: a title fused with the name that
    follows it ("U.S. President Jane Roe" as one ORG) is split, and a name right after a
    capitalized title that the recognizer missed ("Chief of Staff Jane Roe") becomes a PERSON."""
    out: list[Ent] = []
    covered = [False] * len(doc)
    for ent in doc.ents:
        label = ent.label_
        if label in ("ORG", "GPE", "NORP", "FAC") and len(ent) >= 2:
            last_role = max((t.i for t in ent if is_role(t.text) and t.text[0].isupper()), default=None)
            if last_role is not None and last_role < ent.end - 1 and \
                    _capitalized_name_tokens(doc, last_role + 1, ent.end - last_role - 1) == ent.end - last_role - 1:
                if ent.start < last_role:
                    out.append(Ent(ent.start, last_role + 1, "TITLE"))
                # the name may continue past the entity ("President" ORG + "Jane Roe" PERSON)
                end = ent.end
                while end < len(doc) and doc[end].ent_type_ == "PERSON" and doc[end].ent_iob_ == "I":
                    end += 1
                out.append(Ent(last_role + 1, end, "PERSON"))
                continue
        if label == "PERSON" and (lx.country_of(ent.text) or ent.text.lower() in lx.places()):
            label = "GPE"
        elif label == "GPE" and len(ent) == 2 and ent[1].dep_.startswith("flat") and \
                ent.root.dep_.startswith("nsubj") and ent[1].is_title and \
                not (lx.country_of(ent.text) or ent.text.lower() in lx.places() or ent.text.lower() in lx.small_places()):
            # "Israel Katz said": a first name that is also a place, read as one place name
            out.append(Ent(ent.start, ent.end, "PERSON"))
            continue
        elif label == "PERSON":
            start = ent.start
            if len(ent) == 1 and out and out[-1].end == ent.start and out[-1].label == "GPE" and \
                    out[-1].end - out[-1].start == 1 and (out[-1].start == 0 or doc[out[-1].start - 1].text not in (
                        "'s", "’s")) and not doc[ent.start - 1].whitespace_ == "":
                # a first name that is also a place ("Georgia Lane" read as GPE + PERSON)
                start = out.pop().start
            # "Rasa" + "Milenkovic": a capitalized name word the recognizer left out
            end = ent.end
            while end < len(doc) and end - ent.end < 2 and doc[end].ent_iob_ == "O" and \
                    _capitalized_name_tokens(doc, end, 1) == 1 and doc[end].pos_ == "PROPN":
                end += 1
            out.append(Ent(start, end, label))
            continue
        elif label in ("ORG", "GPE", "NORP", "FAC") and is_role(ent[-1].text) and ent[-1].text[0].isupper():
            label = "TITLE"  # "National Security Advisor" is an office, not a body
        out.append(Ent(ent.start, ent.end, label))
    out.sort(key=lambda e: e.start)
    # drop overlaps created by the split (first wins)
    clean: list[Ent] = []
    for e in out:
        if clean and e.start < clean[-1].end:
            continue
        clean.append(e)
    for e in clean:
        for i in range(e.start, e.end):
            covered[i] = True
    added: list[Ent] = []
    # a name in a list of names ("X, Y and Z") that the recognizer skipped
    for e in clean:
        if e.label != "PERSON":
            continue
        head = doc[e.end - 1]
        for t in (*head.conjuncts, ):
            if covered[t.i] or not (t.is_alpha and t.text[0].isupper() and t.pos_ == "PROPN"):
                continue
            if t.lower_ in lx.NOT_NAMES or t.lower_ in lx.places() or lx.country_of(t.text) or \
                    _english_word(t.text):
                continue
            a = t.i
            while a - 1 >= 0 and not covered[a - 1] and doc[a - 1].pos_ == "PROPN" and doc[a - 1].text[:1].isupper() \
                    and doc[a - 1].dep_ in ("compound", "flat", "flat:name"):
                a -= 1
            added.append(Ent(a, t.i + 1, "PERSON"))
            for j in range(a, t.i + 1):
                covered[j] = True
    title_ends = {e.end - 1 for e in clean if e.label == "TITLE"}
    n_tok = len(doc)
    for t in doc:
        i = t.i
        # cheap tests first: a title word followed by an uncovered capitalized word
        if i + 1 >= n_tok or covered[i + 1] or not t.is_alpha or (covered[i] and i not in title_ends):
            continue
        first = i + 1
        if doc[first].text in ("—", "–") and not t.whitespace_ and first + 1 < n_tok:
            first += 1  # "ministers—Jane Roe"
        if not doc[first].text[:1].isupper() or covered[first]:
            continue
        k, word = word_text(doc, i)
        low = word.lower().split("—")[-1].split("–")[-1]
        prev_is_title = is_role(low) or (low.endswith("s") and is_role(low[:-1])) or \
            multiword_role_ending(doc, i, 0) is not None or (
                t.text[:1].isupper() and office_with_complement(doc, i, line_floor(doc, i)) is not None)
        if not prev_is_title:
            continue
        n = _name_tokens(doc, first, 6)
        if n >= 2 and not any(covered[j] for j in range(first, first + n)):
            added.append(Ent(first, first + n, "PERSON"))
            for j in range(first, first + n):
                covered[j] = True
    return sorted(clean + added, key=lambda e: e.start)


# --- states ---------------------------------------------------------------------------------

def _acts(span: Span) -> bool:
    """True when a place name is used as an actor: it does, owns or takes part in something
    (subject, possessor, agent or party), not when it is only where something happens."""
    root = span.root
    doc = span.doc
    if span.end < len(doc) and doc[span.end].text in ("'s", "’s", "'"):
        return True
    dep = root.dep_
    if dep.startswith(("nsubj", "csubj")) or dep in ("nmod:poss", "poss"):
        return True
    if dep in ("obl", "obl:agent", "nmod", "pobj", "agent"):
        cases = {c.lower_ for c in root.children if c.dep_ == "case"} | (
            {root.head.lower_} if dep == "pobj" else set())
        if cases & {"by", "between", "with", "against"}:
            return True
    if dep == "conj" and root.head.dep_.startswith(("nsubj", "nmod:poss", "poss")):
        return True
    if dep in ("compound", "amod") and root.head.lower_ in _GROUP_NOUNS:
        return True
    # "The Kremlin said" when the parse is unsure: a speech verb right after the name
    nxt = doc[span.end] if span.end < len(doc) else None
    return nxt is not None and nxt.lemma_ in lx.SPEECH_VERBS and nxt.pos_ in ("VERB", "AUX")


_GROUP_NOUNS = frozenset(
    "officials official spokesman spokeswoman spokesperson delegation negotiators negotiator "
    "leadership readout statement aide aides envoy team side government administration".split())


# --- the extractor --------------------------------------------------------------------------

@extractor(NAME, produces=("actors",), requires=("nlp", "noise"), order=10)
def extract_actors(ctx: Context) -> list[Record]:
    """Persons (aliases, roles, affiliations), states (metonyms when they act) and organizations."""
    doc = ctx.doc
    if doc is None:
        return []
    authors = {_norm(a) for a in ctx.document.authors}
    noise = ctx.document.noise

    def in_noise(s: int, e: int) -> bool:
        return bool(noise) and ctx.document.in_noise(s, e)

    text_lines = _line_index(ctx.text)
    ents = _entities(doc)
    labels = Labels(ents, len(doc))
    person_mentions: list[tuple[Span, int, int, str]] = []
    states: dict[str, _Body] = {}
    orgs: dict[str, _Body] = {}
    for e in ents:
        ent = doc[e.start:e.end]
        if in_noise(ent.start_char, ent.end_char):
            continue
        label = e.label
        if label == "ORG" and _org_is_person(doc, labels, ent):
            label = "PERSON"
        if label == "PERSON":
            cleaned = _clean_person(ent)
            if cleaned is None:
                continue
            s, end, name = cleaned
            if _norm(name) in authors:
                continue
            person_mentions.append((ent, s, end, name))
        elif label in ("GPE", "ORG", "FAC"):
            surface = ent.text
            if surface.lower().startswith("the "):
                surface = surface[4:]
            if not surface or not surface[0].isupper():
                continue
            s0 = ent.start_char + (len(ent.text) - len(surface))
            st = lx.country_of(surface)
            if st:
                states.setdefault(st, _Body(st, "state")).add(surface, s0, ent.end_char)
                continue
            met = lx.metonym_state(surface)
            if met:
                if _acts(ent):
                    states.setdefault(met, _Body(met, "state")).add(ent.text, ent.start_char, ent.end_char)
                continue
            if label == "ORG" and _good_org(ent, surface) and not _in_headline(text_lines, ent.start_char):
                orgs.setdefault(surface, _Body(surface, "organization")).add(surface, s0, ent.end_char)
    _untagged_seats(ctx, states, in_noise)
    person_mentions = [m for m in person_mentions if not _in_headline(text_lines, m[1]) or _headline_person_ok(
        ctx, doc, labels, text_lines, m)]
    persons = _group_persons(person_mentions)
    _propagate_surnames(ctx, persons, in_noise)
    _assign_roles(ctx, labels, persons, person_mentions)
    persons = [p for p in persons if _keep_person(p) and not _reads_as_place(ctx.text, p)]
    persons = _drop_named_after(persons)
    return _records(ctx, [*persons, *states.values(), *orgs.values()])


def _line_index(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, title-cased) per line: a headline in title case capitalizes every word, so
    the recognizer's names there are unreliable."""
    out = []
    pos = 0
    for line in text.split("\n"):
        words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line) if w.lower() not in _SMALL_WORDS]
        caps = sum(w[0].isupper() for w in words)
        stripped = line.rstrip()
        headline = len(words) >= 4 and caps >= 0.8 * len(words) and line.count(",") <= 1 and \
            not stripped.endswith((".", "!", "?", "”", '"', ":"))
        out.append((pos, pos + len(line), headline))
        pos += len(line) + 1
    return out


_SMALL_WORDS = frozenset("a an the of and or in on at to for by with from as is are".split())


def _in_headline(lines: list[tuple[int, int, bool]], offset: int) -> bool:
    import bisect

    i = bisect.bisect_right([ln[0] for ln in lines], offset) - 1
    return i >= 0 and lines[i][2]


def _headline_person_ok(ctx: Context, doc, labels: Labels, lines, mention) -> bool:
    """A name in a title-case line is kept when a title introduces it ("by Foreign Minister X")
    or the body names it too."""
    ent, s, e, name = mention
    if premodifier_role(doc, labels, ent.start, line_floor(doc, ent.start)) is not None:
        return True
    for m in re.finditer(re.escape(name), ctx.text):
        if m.start() != s and not _in_headline(lines, m.start()):
            return True
    return False


def _org_is_person(doc, labels: Labels, ent: Span) -> bool:
    """An "organization" that is a person's name given an office ("Jane Roe, spokeswoman for
    …"): two or three capitalized words, the last not an English word, with a role."""
    if not 2 <= len(ent) <= 3 or not all(t.is_alpha and t.is_title and t.pos_ == "PROPN" for t in ent):
        return False
    if _english_word(ent[-1].text) or ent.text.lower() in lx.small_places():
        return False
    return appositive_role(doc, labels, ent.end, len(doc)) is not None or \
        premodifier_role(doc, labels, ent.start, line_floor(doc, ent.start)) is not None


def _good_org(ent: Span, surface: str) -> bool:
    """An ORG entity that names a body, not a title fragment ("U.S. President") or a person's job."""
    if _ORG_TITLE_TAIL.search(surface):
        return False
    if surface.lower() in lx.NOT_NAMES or len(surface) < 2:
        return False
    if re.sub(r"^the ", "", surface.lower()) in _GENERIC_BODIES:
        return False  # "the Israeli Foreign Ministry" tagged as "Ministry": the state is named before it
    doc = ent.doc
    if ent.end < len(doc) and doc[ent.end].ent_type_ == "PERSON" and all(
            t.lower_ in lx.ROLE_HEADS or t.lower_ in lx.ROLE_MODIFIERS for t in ent if t.is_alpha and t.is_lower):
        # "National Security Advisor Jane Roe": the ORG is part of a title
        last = ent[-1].lower_
        if last in lx.ROLE_HEADS or last in lx.ROLE_MODIFIERS:
            return False
    last = ent[-1].lower_
    if last in _NOT_BODY_HEADS or surface.endswith("-") or sum(c.isalnum() for c in surface) < 2:
        return False  # a place, a building, a meeting or a document named like a body
    if any(t.is_alpha and t.text.isupper() and len(t.text) > 3 for t in ent[1:]):
        return False  # "Gaza NEVER": a shouted headline word after the name
    return not (last in lx.ROLE_MODIFIERS and len(ent) <= 2)


# A body named only by its kind: the demonym or state before it is the actor.
_GENERIC_BODIES = frozenset({
    "ministry", "foreign ministry", "defence ministry", "defense ministry", "interior ministry", "office",
    "government", "cabinet", "army", "military", "presidency"})
_NOT_BODY_HEADS = frozenset(
    "hotel villa resort palace airport stadium square tower bridge street avenue road conference summit "
    "talks agreement accord declaration plan ceasefire deal resolution memorandum framework says said".split())


_SEAT_RE = re.compile(r"\b(?:[Tt]he )?(Kremlin|White House|Pentagon|Downing Street|Élysée|Elysee)\b")


def _untagged_seats(ctx: Context, states: dict[str, _Body], in_noise) -> None:
    doc = ctx.doc
    for m in _SEAT_RE.finditer(ctx.text):
        if in_noise(m.start(), m.end()):
            continue
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is None:
            continue
        st = lx.metonym_state(m.group(1))
        if st and _acts(span):
            states.setdefault(st, _Body(st, "state")).add(m.group(0), m.start(), m.end())


def _canonical(name: str) -> str:
    """A person's canonical name: a dash inside a name is a hyphen ("al—Ansari" typeset with an
    em dash is "al-Ansari"); the surface form stays among the aliases."""
    return re.sub(r"(?<=\w)[—–](?=\w)", "-", name)


def _group_persons(mentions: list[tuple[Span, int, int, str]]) -> list[_Body]:
    """One body per person: full names first, then lone surnames and first names join them."""
    bodies: list[_Body] = []
    full: list[_Body] = []
    for _ent, s, e, name in mentions:
        if len(name.split()) < 2:
            continue
        for b in full:
            if _same_person(b.name, name):
                b.add(name, s, e)
                break
        else:
            b = _Body(_canonical(name), "person")
            b.add(name, s, e)
            full.append(b)
    bodies.extend(full)
    singles: dict[str, _Body] = {}
    for _ent, s, e, name in mentions:
        if len(name.split()) >= 2:
            continue
        key = _norm(name)
        owners = [b for b in full if _norm(b.name).split()[-1] == key or any(
            _norm(a).split()[-1] == key for a in b.aliases)]
        if not owners:
            owners = [b for b in full if _norm(b.name).split()[0] == key and len(key) > 3]
        if len(owners) >= 1:
            # several full names share it: the one named last before this mention
            best = max(owners, key=lambda b: max((sp for sp in b.spans if sp[0] < s), default=(-1, -1)))
            best.add(name, s, e)
            continue
        body = singles.get(key)
        if body is None:
            body = singles[key] = _Body(_canonical(name), "person")
            bodies.append(body)
        body.add(name, s, e)
    return bodies


def _propagate_surnames(ctx: Context, persons: list[_Body], in_noise) -> None:
    """A full name's surname standing alone elsewhere in the text is the same person when no
    other person of the document shares it."""
    last: dict[str, list[_Body]] = {}
    for b in persons:
        words = b.name.split()
        if len(words) > 1 and len(words[-1]) > 2:
            last.setdefault(words[-1], []).append(b)
    for surname, owners in last.items():
        if len(owners) != 1:
            continue
        body = owners[0]
        taken = {s for s, _e in body.spans}
        for m in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", ctx.text):
            s, e = m.start(), m.end()
            if in_noise(s, e) or any(ts <= s < ts + 60 and s < te for ts, te in body.spans if ts <= s < te):
                continue
            if s not in taken:
                body.add(surname, s, e)


_PLACE_PREPOSITIONS = re.compile(
    r"\b(?:in|into|near|across|throughout|inside|outside|toward|towards|around|"
    r"(?:province|region|city|town|village|district|port|capital|territory) of)\s+$", re.I)


def _reads_as_place(text: str, body: _Body) -> bool:
    """A one-word "person" the text uses as a place: "in X", or a demonym built on it
    ("X" and "Xn"/"Xian" both capitalized): the gazetteer does not know every town."""
    name = body.name
    after_prep = sum(1 for s, e in body.spans if _PLACE_PREPOSITIONS.search(text[max(0, s - 16):s])
                     and not text.startswith(("'s", "’s"), e))
    if len(name.split()) > 1:
        return after_prep * 2 > len(body.spans)
    if after_prep:
        return True
    stem = name[:-1] if name.endswith(("a", "e", "o")) else name
    return bool(re.search(rf"\b(?:{re.escape(name)}n|{re.escape(stem)}(?:ian|ean|an|ese|i))\b", text))


def _drop_named_after(persons: list[_Body]) -> list[_Body]:
    """"Vinter Declaration", "Voss Plan": a name that starts with another person's surname
    and goes on is a thing named after that person, not a person."""
    surnames = {b.name.split()[-1] for b in persons if len(b.name.split()) > 1}
    full = {b.name for b in persons}
    out = []
    for b in persons:
        words = b.name.split()
        if len(words) == 2 and words[0] in surnames and b.name not in {f for f in full if f != b.name} and \
                any(f.endswith(" " + words[0]) for f in full):
            continue
        out.append(b)
    return out


def _keep_person(body: _Body) -> bool:
    """A lone one-word name is a person when named twice, given a role, or not an English
    word: the recognizer's one-off single words ("Ramadan", "Push") are mostly not people."""
    if len(body.name.split()) > 1 or body.roles:
        return True
    return len(set(body.spans)) >= 2 or not _english_word(body.name)


def _english_word(word: str) -> bool:
    """True when ``word`` is in the English lemma lists shipped with the language model."""
    index = _lemma_index()
    low = word.lower()
    return any(low in words for words in index)


_LEMMA_INDEX: list[set[str]] | None = None


def _lemma_index() -> list[set[str]]:
    global _LEMMA_INDEX
    if _LEMMA_INDEX is None:
        try:
            from parley.nlp import NlpError, load

            table = load().get_pipe("lemmatizer").lookups.get_table("lemma_index")
            _LEMMA_INDEX = [set(v) for v in table.values()]
        except (NlpError, KeyError, ValueError):  # no model or no tables: no dictionary
            _LEMMA_INDEX = []
    return _LEMMA_INDEX


def _assign_roles(ctx: Context, labels: Labels, persons: list[_Body],
                  mentions: list[tuple[Span, int, int, str]]) -> None:
    doc = ctx.doc
    by_start: dict[int, _Body] = {}
    for b in persons:
        for s, _e in b.spans:
            by_start[s] = b
    owner_of: list[tuple[_Body, str]] = []
    for ent, s, _e, _name in mentions:
        body = by_start.get(s)
        if body is None:
            continue
        sent = ent.sent
        for found in (premodifier_role(doc, labels, ent.start, line_floor(doc, ent.start)),
                      appositive_role(doc, labels, ent.end, sent.end)):
            if found is None:
                continue
            title, affiliation, owner = found
            # "Foreign Minister X of Y": the country named right after the name
            affiliation = affiliation or of_country_after(doc, ent.end)
            body.add_role(title, affiliation)
            if owner and affiliation is None:
                owner_of.append((body, owner))
    # a relative or an aide takes the affiliation of the person it belongs to, when known
    lookup = {}
    for b in persons:
        for a in b.aliases:
            lookup[_norm(a)] = b
    for body, owner in owner_of:
        ob = lookup.get(_norm(_POSSESSIVE.sub("", owner)))
        aff = next((r.affiliation for r in (ob.roles if ob else []) if r.affiliation), None)
        if aff:
            for r in body.roles:
                if r.affiliation is None:
                    r.affiliation = aff


def _records(ctx: Context, bodies: list[_Body]) -> list[Record]:
    out: list[Record] = []
    seen: set[str] = set()
    doc_id = ctx.document.id
    for b in bodies:
        if not b.spans:
            continue
        aid = stable_id("actor", doc_id, b.name)
        if aid in seen:
            continue
        seen.add(aid)
        ev: list[Evidence] = []
        per_form: dict[str, int] = {}
        for s, e in sorted(set(b.spans)):
            form = ctx.text[s:e]
            if per_form.get(form, 0) >= _MAX_EVIDENCE:
                continue
            per_form[form] = per_form.get(form, 0) + 1
            ev.append(Evidence.of(doc_id, ctx.text, s, e, NAME))
        aliases = [a for a in b.aliases if a != b.name]
        out.append(Actor(id=aid, evidence=ev, name=b.name, type=b.type, aliases=aliases, roles=b.roles))
    return out
