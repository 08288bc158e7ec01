"""Events: meetings, talks, summits, calls, agreements, sanctions, ceasefires, attacks and
deployments, with participants, place, date, status and a PLOVER category.

A sentence with an event trigger ("met", "a call with", "talks between", "summit",
"sanctions") becomes an event when it names at least two actors, or one actor and a date or
place: "peace talks have stalled" alone tells an analyst nothing. The participants are the
actors the sentence names (plus the person an opening he/she stands for); the status comes from
cue words (called off, postponed, rejected, proposed, scheduled...) and otherwise from tense.
Mentions of one event in a document (same family, shared participants, compatible dates)
are merged into one record with several evidence spans.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from parley.extract import mentions
from parley.extract.patterns import context as pc
from parley.extract.patterns import events as pe
from parley.extract.registry import Context, extractor
from parley.models import PLOVER, DateValue, Event, Record, stable_id

NAME = "events.rules.v1"
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|«[^»]*»")
_ADJ_NOUN = re.compile(r"^\s+(?:custody|forces|troops|territory|airspace|waters|hands|officials|media|"
                       r"army|military|government|side|control|soil|authorities|leaders?|people|counterparts?)\b")
_SOURCE_BEFORE = re.compile(r"\b(?:according to|told|reported by|via|citing|quoted by|sources? told)\s+(?:the\s+)?$", re.I)
_SOURCE_AFTER = re.compile(r"^\s*(?:reported|reports|news agency|newspaper|outlet|media reported)\b", re.I)
# "X called Y", "X spoke with Y": a call when an actor follows ("spoke to reporters" is not one)
_CALLED_ACTOR = re.compile(r"\b(?:[Cc]alled|[Cc]alls|call|phoned|rang|spoke (?:with|to)|speaks (?:with|to)|"
                           r"talked (?:with|to))\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){0,4}$")
_CAPS = re.compile(r"\b(?P<prep>in|at|to|on|from|(?:scheduled|planned|set|slated) for)\s+(?:the\s+)?(?:[a-z]+\s+(?:city|capital|resort|town)\s+of\s+)?"
                   r"(?P<place>[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|(?:of|de|el|al)(?:-[A-Z][\w'’.-]+)?))*)")
# "DOHA:", "WASHINGTON, United States —", "CAIRO (Reuters) -": the dateline names where the news is
_DATELINE = re.compile(r"^\W*(?P<city>[A-Z][A-Z'’. -]{2,30}?)(?:,\s*[A-Z][\w .]{2,30})?\s*(?:\([^)]{1,40}\))?\s*[:—–-]")
_NOT_PLACE = re.compile(r"^(?:January|February|March|April|May|June|July|August|September|October|"
                        r"November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                        r"Sunday|The|A|An|This|That|Some|Most|Both|Any|First|Last|Next|Early|Late)\b")
_PAST = re.compile(r"\b(?:met|held|hosted|signed|sealed|reached|spoke|talked|agreed|struck|launched|"
                   r"attacked|bombed|shelled|imposed|announced|deployed|took place|was held|were held|"
                   r"had|was|were|did|attended|joined|ended|wrapped up|concluded|discussed)\b", re.I)
# A journalist who interviews someone is not a party ("discussed the talks with host Ada Quell").
_MEDIA_BEFORE = re.compile(r"\b(?:host|co-host|anchor|interviewer|presenter|moderator|journalist|reporter|"
                           r"correspondent|columnist|podcaster)\s+$", re.I)


def _habitual(ctx: Context, at: int) -> bool:
    """A trigger verb in the simple present ("meets", "calls"), or a trigger noun that is the
    object of one ("attends meetings", "holds talks"): a habit or a generality."""
    if ctx.doc is None:
        return False
    span = ctx.doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    token = span[0]
    if token.pos_ == "NOUN" and token.dep_ in ("obj", "dobj"):
        token = token.head
    return token.tag_ in ("VBZ", "VBP") and token.pos_ == "VERB"


def _past_tense(ctx: Context, sent: pc.Sentence) -> bool:
    """Whether the sentence reports something done: a past-tense verb (from the parse when
    there is one, else from a list of common news verbs)."""
    if _PAST.search(sent.text):
        return True
    if ctx.doc is not None:
        span = ctx.doc.char_span(sent.start, sent.end, alignment_mode="expand")
        if span is not None:
            return any(t.tag_ in ("VBD", "VBN") for t in span)
    return bool(re.search(r"\b(?:lasted|ended|began|started|took|went|came|left|finished|"
                          r"continued|followed|produced|yielded)\b", sent.text))


def _place_ents(ctx: Context) -> dict[int, tuple[int, str]]:
    cache = pc._cache(ctx)
    if "place_ents" not in cache:
        ents = {}
        if ctx.doc is not None:
            for e in ctx.doc.ents:
                ents[e.start_char] = (e.end_char, e.label_)
        cache["place_ents"] = ents
        cache["has_ner"] = ctx.doc is not None and bool(ctx.doc.ents)
    return cache["place_ents"]


def _ent_starting_in(ctx: Context, start: int, end: int) -> tuple[int, tuple[int, str]] | None:
    """The first entity that starts inside ``start:end`` (bisect over the sorted entity starts)."""
    cache = pc._cache(ctx)
    ents = _place_ents(ctx)
    if "ent_starts" not in cache:
        cache["ent_starts"] = sorted(ents)
    starts = cache["ent_starts"]
    i = bisect.bisect_left(starts, start)
    if i < len(starts) and starts[i] < end:
        return starts[i], ents[starts[i]]
    return None


def _place(ctx: Context, sent: pc.Sentence, trigger_at: int, etype: str = "meeting") -> str | None:
    """The place of the event, see ``_place_and_prep``."""
    found = _place_and_prep(ctx, sent, trigger_at, etype)
    return found[0] if found else None


def _place_and_prep(ctx: Context, sent: pc.Sentence, trigger_at: int, etype: str = "meeting"
                    ) -> tuple[str, str] | None:
    """The place of the event and the preposition before it: a location after in/at (to, on,
    from as the event type allows), nearest the trigger."""
    _place_ents(ctx)  # fills the entity cache and ``has_ner``
    has_ner = pc._cache(ctx)["has_ner"]
    acts = pc.actors(ctx)
    best: tuple[int, str, str] | None = None
    for m in _CAPS.finditer(sent.text):
        s, e = sent.start + m.start("place"), sent.start + m.end("place")
        if _NOT_PLACE.match(m.group("place")):
            continue
        if m.group("prep") == "on" and etype != "attack":
            continue  # "sanctions on X", "pressure on X": X is a party; only an attack falls on a place
        if m.group("prep") == "to" and etype in ("sanction", "agreement", "attack", "ceasefire"):
            continue  # "exports to X", "agreed to X": a party or a clause, not where it happened
        if m.group("prep") == "from" and etype != "other":
            continue  # "returned from Moscow": where someone came from; captives are freed "from" a place
        name = m.group("place")
        if re.match(r"^[A-Z][a-z]+(?:ian|ese|ish)$|.*-[a-z]|.*['’]", name) or _ADJ_NOUN.match(sent.text[m.end("place"):]):
            continue  # a demonym ("in Israeli custody", "to Qatari officials"), not a place
        penalty = 0
        if has_ner:
            hit = _ent_starting_in(ctx, s, e)
            label = hit[1][1] if hit else None
            # a building named as an organisation is a place after "at" ("at the Kremlin")
            if label == "ORG" and m.group("prep") == "at":
                label = "FAC"
            if label not in pe.PLACE_LABELS:
                ms = pc.mentions_in(ctx, s, e + 1)
                a = acts.get(ms[0].actor) if ms else None
                if a is not None and a.type == "state" and ms[0].start == s:
                    hit = (s, (ms[0].end, "GPE"))
                elif hit is None and not ms:
                    hit, penalty = (s, (e, "GPE")), 30  # unrecognised, but no person or body either
                else:
                    continue  # a person, an organisation or a group, not a place
            name = ctx.text[hit[0]:hit[1][0]]
        else:
            ms = pc.mentions_in(ctx, s, e + 1)
            if ms and acts.get(ms[0].actor) is not None and acts[ms[0].actor].type in ("person", "organization"):
                continue
        name = re.sub(r"['’]s$", "", name).strip(" .,")
        # nearest to the trigger; "to"/"for" (a destination) only when nothing is "in"/"at" nearby
        # drones fired "at" a state hit "in/on" a town; captives are freed "from" where they were held
        near = {"attack": ("in", "on"), "other": ("in", "from")}.get(etype, ("in", "at"))
        rank = abs(s - trigger_at) + (0 if m.group("prep") in near else 60) + penalty
        if best is None or rank < best[0]:
            best = (rank, name, m.group("prep").lower())
    return (best[1], best[2]) if best else None


def _place_nearby(ctx: Context, sent: pc.Sentence) -> str | None:
    """The place of the story when the sentence names none: a place given in the two sentences
    before it in the same paragraph, else the dateline for news of the publication day."""
    sents = pc.sentences(ctx)
    para = ctx.text.rfind("\n", 0, sent.start)
    for prev in reversed(sents[max(0, sent.index - 2):sent.index]):
        if prev.start <= para:
            break
        place = _place(ctx, prev, prev.end)
        if place:
            return place
    return None


def _dateline(ctx: Context) -> str | None:
    cache = pc._cache(ctx)
    if "dateline" not in cache:
        city = None
        for line in ctx.text[:1500].split("\n"):
            m = _DATELINE.match(line)
            if m and len(m.group("city").split()) <= 3:
                city = m.group("city").strip(" .").title()
                break
        cache["dateline"] = city
    return cache["dateline"]


def _status(text: str, date: DateValue | None, published: str | None, tense_past: bool) -> str:
    text = _QUOTED.sub(" ", text)  # "will" inside a quotation is the speaker's, not the event's
    for status, cue in pe.STATUS_CUES:
        if cue.search(text):
            return status
    if date is not None and published and date.start and date.start > published:
        return "planned"
    return "occurred" if tense_past or date is not None else "unknown"


def _triggers(sent: pc.Sentence) -> dict[str, int]:
    """Event types the sentence mentions (outside quotations), with the offset of the first trigger."""
    low = sent.text.lower()
    gated = [(etype, rx) for etype, rx in pe.TRIGGERS.items() if any(g in low for g in pe.GATES[etype])]
    if not gated:
        return {}
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(sent.text)]
    false = [(m.start(), m.end()) for m in pe.FALSE_TRIGGER.finditer(sent.text)]
    found: dict[str, int] = {}
    for etype, rx in gated:
        for m in rx.finditer(sent.text):
            if any(a <= m.start() < b for a, b in quoted + false):
                continue
            if _is_noun_trigger(m.group(0)) and pe.BACK_REFERENCE.search(sent.text[max(0, m.start() - 60):m.start()]):
                continue  # "since the attack", "after the meeting": an event told elsewhere
            found.setdefault(etype, m.start())
            break
    fam = [t for t in pe.SPECIFICITY if t in found]
    for t in fam[1:]:
        if pe.FAMILY[t] == pe.FAMILY[fam[0]]:
            found[fam[0]] = min(found[fam[0]], found.pop(t))  # "talks at the summit" is one summit
    if not found:
        return found
    # one event per sentence: the first trigger heads it ("a summit ... called off after the
    # attack" is about the summit); the sentence's actors and cues belong to that event
    first = min(found, key=lambda t: (found[t], pe.SPECIFICITY.index(t) if t in pe.SPECIFICITY else 9))
    return {first: found[first]}


_NOUN_TRIGGERS = re.compile(r"^(?:meetings?|talks|summit\w*|calls?|phone|telephone|attacks?|strikes?|air ?strikes?|"
                            r"ceasefire|cease-fire|truce|sanctions|agreement|deal|negotiations|offensive|"
                            r"invasion|bombing|shelling|consultations|discussions)\b", re.I)


def _is_noun_trigger(matched: str) -> bool:
    """A trigger that names the event ("the meeting"), as opposed to a verb that reports it ("met")."""
    return bool(_NOUN_TRIGGERS.match(matched))


def _called_actor(ctx: Context, sent: pc.Sentence) -> int | None:
    """"X called Y": the verb call with an actor as its object is a call."""
    for m in pc.mentions_in(ctx, sent.start, sent.end):
        if _CALLED_ACTOR.search(ctx.text[max(sent.start, m.start - 60):m.start]):
            return m.start - sent.start
    return None


def _date(ctx: Context, sent: pc.Sentence, at: int) -> DateValue | None:
    """The sentence's date nearest the trigger; else the narrative anchor of the paragraph; else,
    for a news report, the month up to publication (an undated event is a recent one), marked
    by an empty ``text``."""
    date = pc.nearest_date(ctx, sent.start, sent.end, at)
    if date is not None:
        return date
    para = ctx.text.rfind("\n", 0, sent.start) + 1
    pub = _published(ctx)
    date = pc.anchor_before(ctx, sent.start, window=sent.start - para)
    if date is not None and (pub is None or abs((dt.date.fromisoformat(date.start) - pub).days) <= 180):
        return date  # the paragraph's date, unless it is background far from the news
    date = pc.anchor_before(ctx, sent.start)
    # a date of an earlier paragraph carries over only when it is recent news, not background
    if date is not None and (pub is None or abs((dt.date.fromisoformat(date.start) - pub).days) <= 120):
        return date
    if pub is not None:
        return DateValue((pub - dt.timedelta(days=30)).isoformat(), pub.isoformat(), "month", "")
    return None


def _published(ctx: Context) -> dt.date | None:
    try:
        return dt.date.fromisoformat(ctx.document.published) if ctx.document.published else None
    except ValueError:
        return None


def _compatible(a: DateValue | None, b: DateValue | None) -> bool:
    if a is None or b is None or not a.start or not b.start or not a.text or not b.text:
        return True  # an unknown or inferred (textless) date does not tell events apart
    try:
        a0, a1 = dt.date.fromisoformat(a.start), dt.date.fromisoformat(a.end or a.start)
        b0, b1 = dt.date.fromisoformat(b.start), dt.date.fromisoformat(b.end or b.start)
    except ValueError:
        return True
    slack = dt.timedelta(days=2)
    return a0 - slack <= b1 and b0 - slack <= a1


def _merge_into(events: list[Event], ev: Event) -> bool:
    """Fold ``ev`` into an earlier mention of the same event; True when it was merged."""
    fam = pe.FAMILY.get(ev.type, ev.type)
    for old in events:
        if pe.FAMILY.get(old.type, old.type) != fam:
            continue
        shared = set(old.participants) & set(ev.participants)
        same_day = (old.date is not None and ev.date is not None and old.date.text and ev.date.text
                    and old.date.precision == ev.date.precision == "day" and old.date.start == ev.date.start)
        lone = min(len(ev.participants), len(old.participants)) == 1
        # "the aide emerged from Tuesday's discussions": one more participant of that day's meeting
        if not (same_day and lone) and (len(shared) < min(2, len(ev.participants), len(old.participants))
                                        or not shared):
            continue
        if not _compatible(old.date, ev.date):
            continue
        old.participants = pc.unique(old.participants + ev.participants)
        old.evidence.extend(e for e in ev.evidence if all(e.start != o.start for o in old.evidence))
        old.place = old.place or ev.place
        if ev.date is not None and (old.date is None or not old.date.text or (
                ev.date.text and _precision_rank(ev.date) < _precision_rank(old.date))):
            old.date = ev.date
        if old.status in ("unknown", "occurred", "planned") and ev.status in ("cancelled", "postponed"):
            old.status = ev.status
            old.plover = "REJECT" if ev.status == "rejected" else old.plover
        if ev.type in pe.SPECIFICITY and old.type in pe.SPECIFICITY and \
                pe.SPECIFICITY.index(ev.type) < pe.SPECIFICITY.index(old.type):
            old.type = ev.type  # a later "summit" names the "meeting" more precisely
        return True
    return False


def _precision_rank(d: DateValue) -> int:
    return {"day": 0, "week": 1, "month": 2, "season": 3, "year": 4}.get(d.precision, 5)


_ROLE_GROUP = re.compile(
    r"\b(?P<det>the two|both|the)\s+(?P<role>(?:[a-z]+\s+)?(?:presidents|ministers|leaders|envoys|"
    r"negotiators|heads of state|heads of government|chancellors|premiers|mediators))\b", re.I)
_LEADER_TITLES = ("president", "prime minister", "leader", "chancellor", "premier", "king", "emir", "head of state")


_TWO_SIDES = re.compile(r"\b(?:the two|both|the warring)\s+(?:sides|parties|countries|governments|"
                        r"belligerents|neighbou?rs)\b", re.I)


def _two_sides(ctx: Context) -> list[str]:
    """"The two sides": the two states or groups the document names most often."""
    cache = pc._cache(ctx)
    if "two_sides" not in cache:
        acts = pc.actors(ctx)
        counts: dict[str, int] = {}
        for o in mentions.occurrences(ctx):
            a = acts.get(o.actor)
            if a is not None and a.type in ("state", "group"):
                counts[o.actor] = counts.get(o.actor, 0) + 1
        top = sorted(counts, key=lambda k: -counts[k])[:2]
        cache["two_sides"] = top if len(top) == 2 else []
    return cache["two_sides"]


def _role_group(ctx: Context, sent: pc.Sentence) -> list[str]:
    """People a plural role noun stands for: "the two presidents", "both foreign ministers" are
    the persons of the document who hold that title (the two named most recently when more do);
    "the two sides" are the two parties the document names most."""
    if _TWO_SIDES.search(sent.text):
        return _two_sides(ctx)
    m = _ROLE_GROUP.search(sent.text)
    if m is None:
        return []
    role = m.group("role").lower()
    singular = re.sub(r"^heads of", "head of", role)
    singular = re.sub(r"s$", "", singular)
    wanted = _LEADER_TITLES if singular.endswith("leader") else (singular,)
    holders = [a for a in pc.actors(ctx).values() if a.type == "person"
               and any(any(w in r.title.lower() for w in wanted) for r in a.roles)]
    if len(holders) < 2:
        return []
    if len(holders) > 2 and m.group("det").lower() == "the two":
        last_seen = {}
        for o in mentions.occurrences(ctx):
            if o.start < sent.start:
                last_seen[o.actor] = o.start
        holders = sorted(holders, key=lambda a: last_seen.get(a.id, -1), reverse=True)[:2]
    return [a.id for a in holders[:4]]


_STATE_ACTS = {"sanction", "attack", "deployment", "agreement", "ceasefire"}


def _affiliations(ctx: Context, ids: list[str]) -> list[str]:
    """States and organisations the named people act for (sanctions and attacks are acts of
    states: "the minister announced sanctions" is the minister's country sanctioning)."""
    acts = pc.actors(ctx)
    by_name = {}
    for a in acts.values():
        if a.type != "person":
            for n in [a.name, *a.aliases]:
                by_name[n.lower()] = a.id
    out = []
    for i in ids:
        a = acts.get(i)
        if a is None or a.type != "person":
            continue
        for role in a.roles:
            aff = (role.affiliation or "").lower()
            if aff in by_name:
                out.append(by_name[aff])
    return out


_TERM_OF_PROPOSAL = re.compile(
    r"\b(?:proposal|plan|deal|framework|offer|outline|agreement|truce|ceasefire)\b.{0,120}?"
    r"\b(?:would|includes?|including|calls? for|calling for|provides? for|under which|in exchange for|"
    r"envisag\w+|suggested|offered|proposed|demand\w*)\b", re.I)
_DEFINITE_ATTACK = re.compile(r"\b(?:the|this|that)\s+(?:[\w.’'-]+\s+){0,3}?(?:attacks?|strikes?|offensive|assault)\b"
                              r"(?!\s+(?:on|against|in|at|near|by)\b)", re.I)


_FATE_CUE = re.compile(r"\b(?:called off|calls off|cancel(?:l?ed|s)|scrapped|shelved|postponed|"
                       r"postpones|put off|pushed back|delayed)\b", re.I)


def _date_of_fate(ctx: Context, sent: pc.Sentence) -> int | None:
    """The start of a date that tells when an event was called off or postponed (right before
    or after the cue), or None."""
    cue = _FATE_CUE.search(sent.text)
    if cue is None:
        return None
    for t, _ in pc.dates_in(ctx, sent.start, sent.end):
        rel_s, rel_e = t.start - sent.start, t.end - sent.start
        if 0 <= cue.start() - rel_e <= 12 or 0 <= rel_s - cue.end() <= 4:
            return t.start
    return None


def _events_of(ctx: Context, sent: pc.Sentence) -> list[Event]:
    if sent.text.rstrip(" \"”’').").endswith("?"):
        return []  # a question reports nothing ("Is the summit back on?")
    triggers = _triggers(sent)
    at = triggers.get("other")
    if at is not None and _TERM_OF_PROPOSAL.search(sent.text[:at]):
        triggers.pop("other")  # "a proposal that includes the release of eight hostages": a term
    at = triggers.get("attack")
    if at is not None:
        lo = max(0, at - 30)
        m = _DEFINITE_ATTACK.search(sent.text[lo:at + 40])
        if m and lo + m.start() <= at < lo + m.end():
            triggers.pop("attack")  # "used the attack as a pretext": an attack told elsewhere
    called = _called_actor(ctx, sent)
    if called is not None and (not triggers or min(triggers.values()) > called):
        triggers = {"call": called}
    if not triggers:
        return []
    ments = pc.mentions_in(ctx, sent.start, sent.end)
    # the source of a report ("according to X", "X reported") is not a participant
    participants = [m.actor for m in ments if not _SOURCE_BEFORE.search(ctx.text[max(sent.start, m.start - 20):m.start])
                    and not _SOURCE_AFTER.match(ctx.text[m.end:m.end + 25])
                    and not _MEDIA_BEFORE.search(ctx.text[max(sent.start, m.start - 25):m.start])]
    who = pc.opening_pronoun_actor(ctx, sent)
    if who:
        participants.insert(0, who)
    participants = pc.unique(participants + _role_group(ctx, sent))
    if not participants:
        return []
    if set(triggers) & _STATE_ACTS:
        participants = pc.unique(participants + _affiliations(ctx, participants))
    if pe.HYPOTHETICAL.search(sent.text[:min(triggers.values())]):
        return []
    tense_past = _past_tense(ctx, sent)
    out = []
    for etype, at in sorted(triggers.items(), key=lambda kv: kv[1]):
        abs_at = sent.start + at
        date = _date(ctx, sent, abs_at)
        in_sentence_date = pc.nearest_date(ctx, sent.start, sent.end, abs_at) is not None
        fate_date = _date_of_fate(ctx, sent)
        if fate_date is not None:
            # "on Tuesday called off the summit": Tuesday dates the cancellation, not the summit
            others = [d for t, d in pc.dates_in(ctx, sent.start, sent.end) if t.start != fate_date]
            date = others[0] if others else None
            in_sentence_date = bool(others)
        found_place = _place_and_prep(ctx, sent, abs_at, etype)
        place = found_place[0] if found_place else None
        parts = participants
        if found_place and found_place[1] in ("in", "at"):
            # a city named as the place ("meetings in Moscow") is not also a participant
            at_place = {m.actor for m in ments if ctx.text[m.start:m.end] == place}
            named_elsewhere = {m.actor for m in ments if ctx.text[m.start:m.end] != place}
            parts = [p for p in participants if p not in at_place or p in named_elsewhere]
        if not parts or (len(parts) < 2 and not (in_sentence_date or place)):
            continue
        if _habitual(ctx, abs_at) and not in_sentence_date:
            continue  # "he meets with everyone": a habit, not an event
        if place is None:
            place = _place_nearby(ctx, sent)
        if place is None and date is not None and date.text and ctx.document.published and \
                abs((dt.date.fromisoformat(date.start) - dt.date.fromisoformat(ctx.document.published)).days) <= 3:
            place = _dateline(ctx)
        status = _status(sent.text, date if in_sentence_date else None, ctx.document.published, tense_past)
        if status == "unknown" and not in_sentence_date:
            continue  # neither a date nor a tense nor a cue: a mention in passing
        out.append(Event(
            id=stable_id("evt", ctx.document.id, etype, sent.start, at),
            evidence=[pc.evidence(ctx, sent.start, sent.end, NAME)],
            type=etype, status=status, date=date, place=place, participants=list(parts),
            summary=pc.trim(sent.text),
            plover="REJECT" if status == "rejected" else PLOVER.get(etype, "OTHER"),
        ))
    return out


@extractor(NAME, produces=("events",), requires=("nlp", "time"), order=30)
def extract_events(ctx: Context) -> list[Record]:
    """Meetings, calls, talks, summits, agreements, sanctions, ceasefires, attacks, deployments."""
    events: list[Event] = []
    for sent in pc.sentences(ctx):
        found = _events_of(ctx, sent)
        for ev in found:
            if not _merge_into(events, ev):
                events.append(ev)
        if not found and events:
            _fate_of_last(ctx, sent, events)
    return events


def _fate_of_last(ctx: Context, sent: pc.Sentence, events: list[Event]) -> None:
    """"He called off the talks": a later sentence that cancels or postpones "the talks" (without
    naming anyone) tells the fate of the last such event of the document."""
    m = pe.FATE.search(sent.text)
    if m is None:
        return
    fam = pe.FAMILY.get(m.group("noun").lower().rstrip("s"), "meet")
    for ev in reversed(events):
        if pe.FAMILY.get(ev.type, ev.type) == fam:
            if ev.status in ("planned", "proposed", "unknown", "occurred"):
                ev.status = "cancelled" if m.group("cue").lower().startswith(("call", "cancel", "scrap", "shelv", "axe")) \
                    else "postponed"
                ev.evidence.append(pc.evidence(ctx, sent.start, sent.end, NAME))
            return


def event_types() -> list[str]:
    """The event types this extractor can produce (for documentation and tests)."""
    return list(pe.TRIGGERS)
