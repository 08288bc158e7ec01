"""Statements: direct quotations with their speaker, and indirect speech.

Direct quotations are found in “…”, "…", «…» and ‘…’ (an apostrophe is never an opening
mark); a quotation left open at the end of a paragraph continues into the next one when that
opens with a mark (the news convention). The speaker comes from, in order:

1. a speech verb of the same sentence outside the quotation: its subject ("X said", "said X",
   "X reportedly claimed", "X called it") or "according to X";
2. a quotation that continues the previous one (same paragraph or the next, no other speaker
   named in between) takes its speaker;
3. a pronoun subject (he/she) is the last person named before it; a role noun ("the
   president", "the envoy") is the person of this document holding that role.

Short quoted terms without a speech verb or a speaker (a "memorandum", «summer offensive»)
are scare quotes, not statements. Indirect speech ("X said that …") becomes a statement of
kind ``indirect`` whose quote is the reported clause, when X is a known actor; it is a separate
extractor (``quotes.indirect.v1``) so that a corpus whose readers only want quotations can leave
it out (``parley extract --extractor …``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from parley.extract import lexicon as lx
from parley.extract import mentions as mn
from parley.extract.registry import Context, extractor
from parley.models import Actor, DateValue, Evidence, Record, Statement, stable_id

NAME = "quotes.rules.v1"
INDIRECT_NAME = "quotes.indirect.v1"
_SCARE_MAX_WORDS = 4  # a quoted term this short needs a speech verb or a speaker to count
_INDIRECT_MIN_WORDS = 5
_PAIRS = {"“": "”", "«": "»", "‘": "’", '"': '"', "„": "“"}
_OPENERS = re.compile(r"[“«„\"‘]")
_ACCORDING = re.compile(r"\baccording to\b", re.I)


@dataclass
class _Quote:
    start: int  # content offsets, marks excluded
    end: int
    open_at: int  # offset of the opening mark
    close_at: int  # offset just after the closing mark (== end when left open)
    closed: bool


def _find_quotes(text: str) -> list[_Quote]:
    """Quotations paragraph by paragraph (a paragraph is a line); unclosed ones run to its end."""
    out: list[_Quote] = []
    pos = 0
    for line in text.split("\n"):
        i = 0
        n = len(line)
        while i < n:
            m = _OPENERS.search(line, i)
            if m is None:
                break
            o = m.start()
            mark = m.group(0)
            if mark == "‘" or mark == '"':
                # an opening mark starts a word: not "rock 'n' roll", not a closing straight quote
                if o + 1 >= n or line[o + 1].isspace():
                    i = o + 1
                    continue
            close = _PAIRS[mark]
            c = _closing(line, o + 1, close, mark)
            if c < 0:
                if mark in ("“", "«", "„"):
                    out.append(_Quote(pos + o + 1, pos + n, pos + o, pos + n, False))
                break
            if c > o + 1:
                out.append(_Quote(pos + o + 1, pos + c, pos + o, pos + c + 1, True))
            i = c + 1
        pos += n + 1
    return out


def _closing(line: str, start: int, close: str, mark: str) -> int:
    """Offset of the mark that closes a quotation opened before ``start`` (-1 when none)."""
    if close != "’":
        return line.find(close, start)
    # ’ is also the apostrophe: the closing one is not followed by a letter
    i = start
    while True:
        c = line.find("’", i)
        if c < 0:
            return -1
        if c + 1 >= len(line) or not line[c + 1].isalpha():
            return c
        i = c + 1


def _words(s: str) -> int:
    return len(re.findall(r"\w+", s))


# --- speakers -------------------------------------------------------------------------------

class _Speakers:
    """Resolves subjects, pronouns and role nouns to the document's actor ids."""

    def __init__(self, ctx: Context, quote_spans: list[tuple[int, int]]) -> None:
        self.ctx = ctx
        self.actors = {a.id: a for a in ctx.found.get("actors", []) if isinstance(a, Actor)}
        occ = [o for o in mn.occurrences(ctx) if not _inside(o.start, quote_spans)]
        self.persons = [o for o in occ if self.actors.get(o.actor) and self.actors[o.actor].type == "person"]
        self.person_starts = [o.start for o in self.persons]
        self.quote_spans = quote_spans
        self.last_speaker: tuple[int, str] | None = None  # (offset, person id) of the last quotation
        doc = ctx.doc
        self.subject = []
        for o in self.persons:
            span = doc.char_span(o.start, o.end, alignment_mode="expand")
            dep = span.root.dep_ if span is not None else ""
            head_dep = span.root.head.dep_ if span is not None else ""
            # a subject, or the owner of the subject ("X's envoy said"): the likely antecedent
            first_of_sentence = span is not None and span.start == span.sent.start
            self.subject.append(dep.startswith("nsubj") or first_of_sentence or (
                dep in ("conj", "nmod:poss", "poss", "appos") and head_dep.startswith("nsubj")))

    def named_in(self, start: int, end: int) -> str | None:
        """The first actor named in ``start:end`` outside quotations (persons first)."""
        ids = [o for o in mn.occurrences_in(self.ctx, start, end) if not _inside(o.start, self.quote_spans)]
        for o in ids:
            a = self.actors.get(o.actor)
            if a is not None and a.type == "person":
                return a.id
        return ids[0].actor if ids else None

    def last_person_before(self, pos: int, window: int = 1200) -> str | None:
        i = bisect.bisect_left(self.person_starts, pos) - 1
        if i >= 0 and self.persons[i].start >= pos - window:
            return self.persons[i].actor
        return None

    def last_body_before(self, pos: int, window: int = 1500, states: bool = False) -> str | None:
        """The last organization or group (or state) named before ``pos`` ("the group said",
        "it said")."""
        kinds = ("organization", "group", "state") if states else ("organization", "group")
        for o in reversed(mn.occurrences_in(self.ctx, max(0, pos - window), pos)):
            a = self.actors.get(o.actor)
            if a is not None and a.type in kinds and not _inside(o.start, self.quote_spans):
                return a.id
        return None

    def subject_before(self, pos: int, window: int = 1500) -> str | None:
        """The person a he/she at ``pos`` most likely means: the last person who was the
        grammatical subject before it, else the last person named."""
        i = bisect.bisect_left(self.person_starts, pos) - 1
        j = i
        found: tuple[int, str] | None = None
        while j >= 0 and self.persons[j].start >= pos - window:
            if self.subject[j]:
                found = (self.persons[j].start, self.persons[j].actor)
                break
            j -= 1
        # the person quoted last is as good an antecedent as a subject ("…,” he adds.)
        if self.last_speaker is not None and self.last_speaker[0] < pos and (
                found is None or self.last_speaker[0] > found[0]) and self.last_speaker[0] >= pos - window:
            return self.last_speaker[1]
        return found[1] if found else self.last_person_before(pos)

    def by_role(self, noun: str, pos: int, affiliation: str | None = None) -> str | None:
        """The person whose role names ``noun`` ("president"), the one named last before ``pos``."""
        noun = noun.lower()
        holders = {aid for aid, a in self.actors.items() if a.type == "person" and any(
            noun in r.title.lower().split() and (affiliation is None or r.affiliation in (None, affiliation))
            for r in a.roles)}
        if not holders:
            return None
        i = bisect.bisect_left(self.person_starts, pos) - 1
        while i >= 0:
            if self.persons[i].actor in holders:
                return self.persons[i].actor
            i -= 1
        return next(iter(holders)) if len(holders) == 1 else None


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _subject_of(tok):
    """The subject of a verb, following coordination and control ("led X to declare")."""
    for _ in range(4):
        subjects = [c for c in tok.children if c.dep_.startswith("nsubj")]
        if subjects:
            # several subjects (a misparse): the one nearest before the verb
            before = [c for c in subjects if c.i < tok.i]
            return max(before, key=lambda c: c.i) if before else subjects[0]
        if tok.dep_ == "acl":
            if tok.head.pos_ == "PROPN":
                return tok.head  # '…,” Minister Jane Roe posted': the name the verb hangs on
            # "X issued a statement saying …": the subject of the verb that governs the noun
            if tok.head.head is not tok.head and tok.head.head.pos_ in ("VERB", "AUX"):
                tok = tok.head.head
                continue
            return None
        if tok.dep_ == "xcomp" and any(c.lower_ == "to" and c.dep_ in ("mark", "aux") for c in tok.children):
            # "led X to declare": object control; a participle ("called X crazy, lamenting")
            # belongs to the subject
            obj = next((c for c in tok.head.children if c.dep_ in ("obj", "dobj")), None)
            if obj is not None:
                return obj
        if tok.dep_ in ("conj", "xcomp", "advcl") and tok.head is not tok:
            tok = tok.head
            continue
        return None
    return None


def _subject_speaker(tok, sp: _Speakers, q_start: int) -> tuple[bool, str | None]:
    """(found a subject, its actor id) for a speech verb token."""
    subj = _subject_of(tok)
    if subj is None:
        return False, None
    return True, _resolve_phrase(subj, sp)


def _resolve_phrase(head, sp: _Speakers) -> str | None:
    """The actor a subject or "according to" phrase stands for: a name, a pronoun (the last
    subject before it) or a role noun (the person holding that role here)."""
    low = head.lower_
    if low in ("who", "that") and head.head.dep_.startswith("acl") and head.head.head is not head.head:
        head = head.head.head  # "X, who cited …": the relative clause's antecedent
        low = head.lower_
    left = head.left_edge.idx
    right = head.right_edge.idx + len(head.right_edge.text)
    if low in lx.PERSON_PRONOUNS:
        return sp.subject_before(head.idx)
    if low == "it":
        return sp.last_body_before(head.idx, states=True)
    if low in _BODY_NOUNS and not sp.named_in(left, right):
        return sp.last_body_before(head.idx)
    if low in ("statement", "post", "message", "readout") and not sp.named_in(left, right):
        return sp.subject_before(head.idx)
    if low in lx.ROLE_HEADS and not any(
            sp.actors.get(o.actor) is not None and sp.actors[o.actor].type == "person"
            for o in mn.occurrences_in(sp.ctx, left, right)):
        # "the U.S. president": a state named in the phrase narrows the office to its holder
        affiliation = None
        for o in mn.occurrences_in(sp.ctx, left, right):
            a = sp.actors.get(o.actor)
            if a is not None and a.type == "state":
                affiliation = a.name
        who = sp.by_role(low, head.idx, affiliation)
        if who:
            return who
    return sp.named_in(left, right)


_BODY_NOUNS = frozenset("group movement organization organisation militants ministry office government "
                        "administration council committee alliance bloc union party".split())
_SPEECH_NOUNS = frozenset(
    "assertion statement remark remarks words claim warning comment comments suggestion description "
    "pledge promise vow threat insistence admission message post tweet response reply answer view".split())


def _speech_forms() -> frozenset[str]:
    forms = {"said", "says", "told", "tells", "wrote", "writes", "spoke", "speaks"}
    for lemma in lx.SPEECH_VERBS:
        forms.update((lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d"))
        if lemma.endswith("y"):
            forms.update((lemma[:-1] + "ied", lemma[:-1] + "ies"))
    return frozenset(forms)


_SPEECH_FORMS = _speech_forms()
_TAIL = re.compile(r"[, \t—–-]*(?:(?P<pre>said|says|added|adds|wrote|writes|told|tells)[ \t]+)?")
_TAIL_WORD = re.compile(r"[A-Za-z]+")


def _tail_attribution(sp: _Speakers, q: _Quote, q_spans) -> str | None:
    """'…,” X said' / '…,” said X' / '…,” he posts': the speaker named right after the
    quotation, read from the words themselves (a parse often fuses the name with the verb)."""
    text = sp.ctx.text
    if not q.closed or text[q.start:q.end].rstrip().endswith("."):
        return None  # '….” He added': a quotation that ends its sentence hands over to no one
    m = _TAIL.match(text, q.close_at)
    pos = m.end()
    if m.group("pre"):
        occ = mn.occurrences_in(sp.ctx, pos, pos + 60)
        if occ and occ[0].start == pos:
            return occ[0].actor
        return None
    occ = mn.occurrences_in(sp.ctx, pos, pos + 60)
    if occ and occ[0].start == pos:
        after, who = occ[0].end, occ[0].actor
    else:
        w = _TAIL_WORD.match(text, pos)
        if w is None or w.group(0).lower() not in lx.PERSON_PRONOUNS or w.group(0).lower() in ("his", "her", "him"):
            return None
        after, who = w.end(), sp.subject_before(pos)
    w = _TAIL_WORD.match(text, after + 1) if after < len(text) and text[after] == " " else None
    if w is not None and w.group(0).endswith("ly"):
        w = _TAIL_WORD.match(text, w.end() + 1)
    if w is not None and w.group(0).lower() in _SPEECH_FORMS:
        return who
    return None


_HEAD_VERB = re.compile(r"\b(?P<verb>[A-Za-z]+)[ \t]*[,:]?[ \t]*$")


def _head_attribution(sp: _Speakers, q: _Quote, q_spans) -> str | None:
    """'X tweets, “…”' / 'X said: “…”': a speech verb right before the quotation, with the
    actor named right before it, read from the words themselves (a parse may take the verb for
    a noun)."""
    text = sp.ctx.text
    line_start = text.rfind("\n", 0, q.open_at) + 1
    m = _HEAD_VERB.search(text, max(line_start, q.open_at - 40), q.open_at)
    if m is None or m.group("verb").lower() not in _SPEECH_FORMS:
        return None
    return _name_right_before(sp.ctx, sp, m.start("verb"), q_spans)


def _name_right_before(ctx: Context, sp: _Speakers, pos: int, q_spans) -> str | None:
    """The actor named right before a verb at ``pos`` on its line ("X also said"), or None."""
    text = ctx.text
    line_start = text.rfind("\n", 0, pos) + 1
    near = [o for o in mn.occurrences_in(ctx, max(line_start, pos - 40), pos) if not _inside(o.start, q_spans)]
    if near and text[near[-1].end:pos].strip(" ,") in ("", "also", "later", "then", "again", "has", "had"):
        return near[-1].actor
    return None


def _speech_verbs(sent, q_spans: list[tuple[int, int]]):
    """Speech verbs of the sentence outside quotations."""
    out = []
    for t in sent:
        if t.lemma_.lower() in lx.SPEECH_VERBS and t.pos_ in ("VERB", "AUX") and not _inside(t.idx, q_spans):
            out.append(t)
    return out


def _attribute(q: _Quote, sent, sp: _Speakers, q_spans) -> tuple[bool, str | None]:
    """(has a speech cue, speaker id) for a quotation from its own sentence."""
    text = sp.ctx.text
    s0, s1 = sent.start_char, sent.end_char
    tail = _tail_attribution(sp, q, q_spans) or _head_attribution(sp, q, q_spans)
    if tail:
        return True, tail
    has_cue, who = _attribute_by_cues(q, sent, sp, q_spans)
    if who:
        return True, who
    # "according to X" before or after the quotation: the source when nobody is said to speak
    for m in _ACCORDING.finditer(text, s0, s1):
        if _inside(m.start(), q_spans):
            continue
        seg_end = min(s1, m.end() + 80)
        nxt = text.find(",", m.end(), seg_end)
        found = sp.named_in(m.end(), nxt if nxt > 0 else seg_end)
        if found:
            return True, found
    return has_cue, None


def _attribute_by_cues(q: _Quote, sent, sp: _Speakers, q_spans) -> tuple[bool, str | None]:
    """(has a speech cue, speaker id) from the speech verbs and speech nouns of the region."""
    text = sp.ctx.text
    s0, s1 = sent.start_char, sent.end_char
    cues = _speech_verbs(sent, q_spans) + [
        t for t in sent if t.lemma_.lower() in _SPEECH_NOUNS and t.pos_ == "NOUN" and not _inside(t.idx, q_spans)
        and any(c.dep_ in ("nmod:poss", "poss") for c in t.children)]
    if not cues:
        before = text[s0:q.open_at].rstrip()
        if before.endswith(":"):
            # "Senator X was blunt: “…”": the subject of the clause that introduces it
            return True, sp.named_in(s0, s0 + len(before))
        return False, None
    # the cue nearest to the quotation wins (after it first: ', X said.')
    def distance(t) -> float:
        if t.idx >= q.close_at:
            # '…,” X said': a verb right after the quotation is the usual attribution
            return (t.idx - q.close_at) * (0.3 if t.pos_ != "NOUN" else 1.0)
        return q.open_at - t.idx

    cues.sort(key=distance)
    for v in cues:
        if v.pos_ == "NOUN":
            # "his assertion that …": the possessor of a speech noun
            poss = next(c for c in v.children if c.dep_ in ("nmod:poss", "poss"))
            who = _resolve_phrase(poss, sp)
            if who:
                return True, who
            continue
        has, who = _subject_speaker(v, sp, q.start)
        if who:
            return True, who
        if not has:
            # the parse found no subject: the name right before the verb ("X added:", '…,” X posted')
            near = _name_right_before(sp.ctx, sp, v.idx, q_spans)
            if near:
                return True, near
        if not has and v.idx >= q.close_at and text[q.close_at:v.idx].strip(" ,—–-") == "":
            # '…,” said X': the name right after a verb that follows the quotation
            after = sp.named_in(v.idx + len(v.text), min(s1, v.idx + len(v.text) + 60))
            if after:
                return True, after
    # a speech cue whose subject the parse missed: the person named last before it
    for v in cues:
        if v.idx < q.open_at:
            near = [o for o in mn.occurrences_in(sp.ctx, s0, v.idx) if not _inside(o.start, q_spans)
                    and sp.actors.get(o.actor) is not None and sp.actors[o.actor].type == "person"]
            if near:
                return True, near[-1].actor
    return True, None


def _introduced(ctx: Context, q: _Quote, sent, sp: _Speakers, q_spans) -> tuple[bool, str | None]:
    """A quotation that opens its sentence right after one ending in a colon ("X wrote:")
    takes that sentence's speaker."""
    text = ctx.text
    if text[sent.start_char:q.open_at].strip():
        return False, None
    prev = mn.sentence_of(ctx, max(0, sent.start_char - 2))
    if prev is None or prev.start_char >= sent.start_char:
        j = sent.start_char - 1
        while j > 0 and text[j].isspace():
            j -= 1
        prev = mn.sentence_of(ctx, j)
    if prev is None or not text[prev.start_char:prev.end_char].rstrip().endswith(":"):
        return False, None
    anchor = _Quote(prev.end_char, prev.end_char, prev.end_char, prev.end_char, True)
    return _attribute(anchor, prev, sp, q_spans)


def _is_partial(q: _Quote, text: str) -> bool:
    """A quotation inside a sentence (not a whole sentence of its own)."""
    body = text[q.start:q.end].strip()
    return not body[:1].isupper() or not body.rstrip("”\"’»").endswith((".", "!", "?", ","))


@extractor(NAME, produces=("statements",), requires=("nlp", "time", "noise"), order=20)
def extract_statements(ctx: Context) -> list[Record]:
    """Direct quotations and transcript turns, with speakers (speech verbs, continuations, pronouns, role nouns)."""
    doc = ctx.doc
    if doc is None:
        return []
    text = ctx.text
    quotes = [q for q in _find_quotes(text) if not ctx.document.in_noise(q.open_at, q.close_at)]
    q_spans = sorted((q.open_at, q.close_at) for q in quotes)
    sp = _Speakers(ctx, q_spans)
    out: list[Statement] = []
    prev: tuple[_Quote, str | None] | None = None
    for q in quotes:
        body_s, body_e = _trim(text, q.start, q.end)
        if body_e <= body_s:
            continue
        sent = _region(ctx, q, body_s, body_e)
        if sent is None:
            continue
        has_cue, speaker = _attribute(q, sent, sp, q_spans)
        if not has_cue:
            has_cue, speaker = _introduced(ctx, q, sent, sp, q_spans)
        n_words = _words(text[body_s:body_e])
        if speaker is None and prev is not None and n_words > _SCARE_MAX_WORDS and _continues(text, prev[0], q, sp, prev[1]):
            speaker = prev[1]
            has_cue = has_cue or speaker is not None
        if n_words <= _SCARE_MAX_WORDS and not (has_cue and speaker):
            continue  # a quoted term nobody is quoted as saying
        if not has_cue and n_words < 8 and _is_partial(q, text):
            continue
        out.append(_statement(ctx, body_s, body_e, speaker, "direct", sent, q_spans))
        prev = (q, speaker)
        if speaker is not None and sp.actors.get(speaker) is not None and sp.actors[speaker].type == "person":
            sp.last_speaker = (q.open_at, speaker)
    turns = _transcript_turns(ctx, sp)
    if turns:
        turn_spans = [(t.evidence[0].start, t.evidence[0].end) for t in turns]
        out = [x for x in out if not any(a <= x.evidence[0].start < b for a, b in turn_spans)] + turns
    return out


@extractor(INDIRECT_NAME, produces=("statements",), requires=("nlp", "noise"), order=21)
def extract_indirect_statements(ctx: Context) -> list[Record]:
    """Indirect speech ("X said that …") of a known actor, as statements of kind indirect."""
    if ctx.doc is None:
        return []
    quotes = [q for q in _find_quotes(ctx.text) if not ctx.document.in_noise(q.open_at, q.close_at)]
    q_spans = sorted((q.open_at, q.close_at) for q in quotes)
    # transcript turns are quoted speech too: reported clauses inside them are not indirect speech
    q_spans = sorted(q_spans + [(e.start, e.end) for st in ctx.found.get("statements", [])
                                for e in st.evidence if e.doc == ctx.document.id])
    sp = _Speakers(ctx, q_spans)
    taken = {e.start for st in ctx.found.get("statements", []) for e in st.evidence}
    return list(_indirect(ctx, sp, q_spans, taken))


# "ARANDEL: …", "MR. SMITH: …", "QUESTION (Daily News): …": a speaker's turn in a transcript
_TURN = re.compile(r"^(?P<label>[A-Z][A-Z.'’ -]{1,40}?)(?:\s*\([^)\n]{0,60}\))?:[ \t]+(?P<body>\S.*)$", re.M)
_UNNAMED_TURNS = frozenset({"moderator", "question", "q", "a", "answer", "reporter", "host", "audience",
                            "participant", "unidentified", "operator", "interviewer", "chair"})


def _transcript_turns(ctx: Context, sp: _Speakers) -> list[Statement]:
    """Statements of a transcript: each speaker's turn (and the paragraphs that follow it up to
    the next turn) is a direct statement of the person the label names. Only when the text has
    at least two turns: one "NOTE: …" line does not make a transcript."""
    text = ctx.text
    matches = [m for m in _TURN.finditer(text) if not ctx.document.in_noise(m.start(), m.end())]
    if len(matches) < 2:
        return []
    out: list[Statement] = []
    bounds = [m.start() for m in matches] + [len(text)]
    for k, m in enumerate(matches):
        label = re.sub(r"^(MR|MRS|MS|DR)\.?\s+", "", m.group("label").strip())
        speaker = None if label.lower() in _UNNAMED_TURNS else _actor_for_label(ctx, sp, label)
        # the turn's first paragraph, then each following paragraph until the next turn
        paragraphs = [(m.start("body"), m.end("body"))]
        pos = m.end() + 1
        while pos < bounds[k + 1]:
            end = text.find("\n", pos, bounds[k + 1])
            end = bounds[k + 1] if end < 0 else end
            s, e = _trim(text, pos, end)
            if e > s and not ctx.document.in_noise(s, e) and (e - s) > 20 and not text[s:e].isupper():
                paragraphs.append((s, e))
            elif e > s and text[s:e].strip().isupper():
                break  # "END" and similar closing lines
            pos = end + 1
        for s, e in paragraphs:
            s, e = _trim(text, s, e)
            if e <= s or ctx.document.in_noise(s, e):
                continue
            sent = mn.sentence_of(ctx, s)
            if sent is None:
                continue
            # the words of a turn are all quoted: a date inside them is not when they were said
            out.append(_statement(ctx, s, e, speaker, "direct", sent, [(s, e)]))
    return out


def _actor_for_label(ctx: Context, sp: _Speakers, label: str) -> str | None:
    """The person a transcript label names ("ARANDEL", "LUCIA ARANDEL")."""
    name = " ".join(w.capitalize() for w in label.split())
    found = mn.actor_by_name(ctx, name)
    if found:
        return found
    last = name.split()[-1].lower()
    for aid, a in sp.actors.items():
        if a.type == "person" and a.name.split()[-1].lower() == last:
            return aid
    return None


def _region(ctx: Context, q: _Quote, body_s: int, body_e: int):
    """The sentences a quotation's attribution can be in: those it spans, plus the next one on
    the same line when the quotation hands over to it ('…,” X said.' parsed as two sentences)."""
    text = ctx.text
    first = mn.sentence_of(ctx, q.open_at) or mn.sentence_of(ctx, body_s)
    last = mn.sentence_of(ctx, max(body_s, body_e - 1)) or first
    if first is None:
        return None
    j = q.close_at
    n = len(text)
    while j < n and text[j] in " \t":
        j += 1
    if j < n and text[j] != "\n":
        after = mn.sentence_of(ctx, j)
        body = text[body_s:body_e]
        if after is not None and after.start > last.end - 1 and (
                body.endswith((",", "—", "–", "-")) or text[j].islower() or text[j] in ",—–-"):
            last = after
    doc = ctx.doc
    return doc[min(first.start, last.start):max(first.end, last.end)]


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _continues(text: str, before: _Quote, q: _Quote, sp: _Speakers, speaker: str | None) -> bool:
    """True when ``q`` carries on the speech of ``before``: an open quotation reopened in the
    next paragraph, or a quotation in the same or next paragraph with no one else named between."""
    if q.open_at - before.close_at > 600:
        return False
    between = text[before.close_at:q.open_at]
    if len([ln for ln in between.split("\n")[1:-1] if ln.strip()]) > 0:
        return False  # a whole paragraph in between
    if not before.closed and between.strip() == "":
        return True
    line_start = text.rfind("\n", 0, q.open_at) + 1
    if text[line_start:q.open_at].strip() == "" and between.count("\n") >= 1:
        # a paragraph that opens with a quotation, right after the paragraph of the last one
        return True
    return sp.named_in(before.close_at, q.open_at) in (None, speaker) and "\n" not in between.strip()


def _date(ctx: Context, sent, quote_spans: list[tuple[int, int]]) -> DateValue | None:
    """A time mention of the sentence outside quotations (a date inside the quoted words is
    what they are about, not when they were said), else the publication day for a
    sentence in the present or "said" tense."""
    for t in ctx.times:
        if t.start >= sent.start_char and t.end <= sent.end_char and not _inside(t.start, quote_spans):
            try:
                value = t.to_date_value()
            except (AttributeError, ValueError):
                value = None
            if value is not None and value.start:
                return value
        if t.start > sent.end_char:
            break
    if ctx.document.published:
        return DateValue(ctx.document.published, ctx.document.published, "day", "")
    return None


def _statement(ctx: Context, s: int, e: int, speaker: str | None, kind: str, sent,
               quote_spans: list[tuple[int, int]], extractor_name: str = NAME) -> Statement:
    doc_id = ctx.document.id
    quote = ctx.text[s:e]
    return Statement(
        id=stable_id("statement", doc_id, s, e),
        evidence=[Evidence.of(doc_id, ctx.text, s, e, extractor_name)],
        speaker=speaker, quote=quote, kind_=kind, date=_date(ctx, sent, quote_spans),
    )


_THAT_VERBS = frozenset({"say", "tell", "claim", "argue", "warn", "insist", "state", "add", "note", "announce",
                         "underline", "reiterate", "stress", "declare", "assert", "maintain",
                         "suggest", "acknowledge", "admit", "deny", "confirm", "emphasize"})


def _indirect(ctx: Context, sp: _Speakers, q_spans, taken: set[int]) -> list[Statement]:
    """"X said that …": the reported clause, when X is an actor of the document."""
    out: list[Statement] = []
    for tok in ctx.doc:
        if tok.lemma_.lower() not in _THAT_VERBS or tok.pos_ != "VERB":
            continue
        comp = next((c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i), None)
        if comp is None:
            continue
        mark = next((c for c in comp.children if c.dep_ == "mark" and c.lower_ == "that"), None)
        if mark is None:
            continue
        has, who = _subject_speaker(tok, sp, tok.idx)
        if not who and not has:
            who = _name_right_before(ctx, sp, tok.idx, q_spans)
        if not who:
            continue
        s = mark.idx + len(mark.text)
        e = comp.right_edge.idx + len(comp.right_edge.text)
        s, e = _trim(ctx.text, s, e)
        if e <= s or _words(ctx.text[s:e]) < _INDIRECT_MIN_WORDS:
            continue
        if ctx.document.in_noise(s, e) or any(a < e and s < b for a, b in q_spans):
            continue
        if s in taken:
            continue
        sent = tok.sent
        out.append(_statement(ctx, s, e, who, "indirect", sent, q_spans, INDIRECT_NAME))
    return out
