"""Proposals: plans, memoranda, frameworks, drafts and ceasefire offers, with their number of
points, authors, status, provisions and the version they revise.

One record per distinct proposal in a document: every "28-point plan" of an article is one
record with many evidence spans, and "the memo" joins "the memorandum". A bare "the plan" in
passing creates nothing; a plan needs a point count, a document noun (memorandum, framework,
draft...), a duration ("30-day ceasefire") or a named owner ("Egypt's plan").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parley.extract.patterns import context as pc
from parley.extract.patterns import proposals as pp
from parley.extract.registry import Context, extractor
from parley.models import Proposal, Record, stable_id

NAME = "proposals.rules.v1"
_DEMONYM_WORD = r"(?:[A-Z][a-z]+(?:an|ian|ese|i|ish|ch)|U\.S\.|US|UN|EU|NATO|Arab|Western)"
_DEMONYM = re.compile(rf"^{_DEMONYM_WORD}(?:-{_DEMONYM_WORD})*$")  # "Egyptian-Qatari"
_PRIORITY = {"points": 0, "days": 1, "docs": 2, "by": 3, "named": 4, "owned": 5}


@dataclass
class _Hit:
    start: int  # absolute offsets
    end: int
    name: str
    points: int | None
    key: tuple
    sort: int
    owner: str | None = None  # actor id of an owner named in the phrase


def _hits(ctx: Context, sent: pc.Sentence) -> list[_Hit]:
    t, base = sent.text, sent.start
    low = t.lower()
    hits: list[_Hit] = []
    if not any(g in low for g in pp.GATE):
        return hits
    for m in pp.POINTED.finditer(t) if "point" in low else ():
        n = pp.number_of(m.group("n"))
        if n is None or n < 2 or n > 200:
            continue
        plus = "+" if "+" in m.group(0)[: m.start("head") - m.start()] else ""
        head = m.group("head").lower()
        name = f"{n}+ point {head}" if plus else f"{n}-point {head}"
        hits.append(_Hit(base + m.start(), base + m.end(), name, n,
                         ("points+" if plus else "points", n), _PRIORITY["points"]))
    for m in pp.DAYS.finditer(t) if any(g in low for g in pp.DAYS_GATE) else ():
        n = pp.number_of(m.group("n"))
        if n is None:
            continue
        hits.append(_Hit(base + m.start(), base + m.end(),
                         f"{n}-{m.group('unit').lower()} {m.group('head').lower()}", None,
                         ("days", n, m.group("unit").lower()), _PRIORITY["days"]))
    for m in pp.EXTRA_DOCS.finditer(t) if any(g in low for g in pp.EXTRA_GATE) else ():
        n = pp.number_of(m.group("n"))
        hits.append(_Hit(base + m.start(), base + m.end(), m.group(0).lower(), None,
                         ("docs", n), _PRIORITY["docs"]))
    for m in pp.NAMED.finditer(t):
        head = m.group("head").lower()
        hits.append(_Hit(base + m.start(), base + m.end(), head, None,
                         ("named", pp.head_key(head)), _PRIORITY["named"]))
    for m in pp.BY_PROPOSAL.finditer(t):
        by = " ".join(m.group("by").split())
        owners = pc.mentions_in(ctx, base + m.start("by"), base + m.end("by"))
        hits.append(_Hit(base + m.start(), base + m.end(), f"{m.group('head').lower()} by {by}", None,
                         ("by", by.lower()), _PRIORITY["by"], owners[0].actor if owners else None))
    for m in pp.OWNED.finditer(t):
        owner_text = m.group("owner")
        owner_words = owner_text.split()
        # the owner is the last capitalised words right before the head: drop a sentence opener
        while owner_words and owner_words[0] in ("The", "A", "An", "This", "That", "In", "But", "And"):
            owner_words = owner_words[1:]
        if not owner_words:
            continue
        o_start = base + m.start("owner") + owner_text.index(owner_words[0])
        o_end = base + m.end("owner")
        owners = pc.mentions_in(ctx, o_start, o_end + 2)
        if owners and m.group("poss"):  # "Aldoria's plan"; "Aldoria plans to" is a verb
            owner = owners[-1].actor
            key: tuple = ("owned", owner, m.group("head").lower())
        elif len(owner_words) == 1 and _DEMONYM.match(owner_words[0]):
            owner = None
            key = ("owned", owner_words[0].lower(), m.group("head").lower())
        else:
            continue
        hits.append(_Hit(o_start, base + m.end(), f"{' '.join(owner_words)} {m.group('head').lower()}",
                         None, key, _PRIORITY["owned"], owner))
    # overlapping phrases are one mention: the most specific reading wins
    hits.sort(key=lambda h: (h.sort, h.start))
    kept: list[_Hit] = []
    for h in hits:
        if any(h.start < k.end and k.start < h.end for k in kept):
            for k in kept:
                if not (h.start < k.end and k.start < h.end) or k.owner is not None:
                    continue
                if h.owner:
                    k.owner = h.owner  # "Egypt's 12-point plan": the count names it, the owner authors it
                elif h.key[0] == "owned" and k.key[0] == "named" and h.start < k.start:
                    # "the Israeli ceasefire proposal": the demonym tells it from another party's
                    demonym = h.name.split()[0]
                    k.name = f"{demonym} {k.name}"
                    k.key = (*k.key, demonym.lower())
                    k.start = h.start
            continue
        kept.append(h)
    return sorted(kept, key=lambda h: h.start)


def _authors(ctx: Context, sent: pc.Sentence, hit: _Hit) -> list[str]:
    out: list[str] = []
    if hit.owner:
        out.append(hit.owner)
    rel = hit.start - sent.start
    before = sent.text[:rel]
    poss = re.search(r"['’]s?\s+(?:[\w+-]+\s+){0,3}$", before)
    if poss:
        ms = pc.mentions_in(ctx, sent.start, sent.start + poss.start() + 2)
        if ms and ms[-1].end >= sent.start + poss.start() - 1:
            out.append(ms[-1].actor)
    after = sent.text[hit.end - sent.start:]
    by = pp.BY_AUTHOR.search(after[:80])
    if by:
        a0 = hit.end + by.end()
        ms = pc.mentions_in(ctx, a0, min(sent.end, a0 + 60))
        for m in ms:
            if m.start - a0 <= 25 or (out and m.start - a0 <= 60):
                out.append(m.actor)
    verbs = [m for m in pp.AUTHOR_VERB.finditer(before)]
    if verbs:
        v = verbs[-1]
        subj = pc.mentions_in(ctx, sent.start, sent.start + v.start())
        if subj:
            out.extend(m.actor for m in subj[:3])
        else:
            who = pc.opening_pronoun_actor(ctx, sent)
            if who:
                out.append(who)
    return pc.unique(out)


def _status(text: str) -> str:
    for status, cue in pp.STATUS_CUES:
        if cue.search(text):
            return status
    return "unknown"


def _provisions(sent: pc.Sentence, hit: _Hit) -> list[str]:
    after = sent.text[hit.end - sent.start:]
    lead = pp.PROVISION_LEAD.search(after)
    if not lead:
        return []
    rest = after[lead.end():].strip().lstrip(":").strip().rstrip(".;")
    parts = re.split(r";|,\s*(?:and\s+|or\s+)?|\s+and\s+(?=[a-z])", rest)
    out = []
    for p in parts:
        p = " ".join(p.split()).strip(" \"“”'")
        if 3 <= len(p) <= 90 and len(p.split()) <= 12:
            out.append(p)
    return out[:12] if len(out) >= 2 or (out and lead.group(0) == ":") else []


@extractor(NAME, produces=("proposals",), requires=("nlp", "time"), order=40)
def extract_proposals(ctx: Context) -> list[Record]:
    """Plans, memoranda, frameworks, drafts and ceasefire offers, merged per document."""
    records: dict[tuple, Proposal] = {}
    last: Proposal | None = None
    pointed_order: list[Proposal] = []
    for sent in pc.sentences(ctx):
        hits = _hits(ctx, sent)
        if not hits:
            continue
        date = pc.nearest_date(ctx, sent.start, sent.end, hits[0].start)
        sent_records: list[tuple[_Hit, Proposal]] = []
        for i, hit in enumerate(hits):
            # status cues count only between the neighbouring mentions of the sentence
            lo = hits[i - 1].end if i else sent.start
            hi = hits[i + 1].start if i + 1 < len(hits) else sent.end
            status = _status(ctx.text[lo:hi])
            if i and hit.key[0] == "days" and not re.search(r"(?:proposal|plan|deal|agreement|framework|offer)$", hit.name):
                # "a proposal that calls for a 60-day pause": a term of the proposal, not another one
                owner_rec = records.get(hits[i - 1].key) or last
                if owner_rec is not None:
                    term = sent.text[hit.start - sent.start:hit.end - sent.start]
                    if not any(term in p for p in owner_rec.provisions):
                        owner_rec.provisions.append(hit.name)
                    continue
            ev = pc.evidence(ctx, hit.start, hit.end, NAME)
            rec = records.get(hit.key)
            if rec is None and _generic(hit) and last is not None and _same_owner(hit, last):
                rec = last  # "the framework", "Egypt's proposal": the proposal the text is about
            if rec is None:
                rec = Proposal(id=stable_id("prp", ctx.document.id, *hit.key), evidence=[ev],
                               name=hit.name, points=hit.points, status=status, date=date)
                records[hit.key] = rec
                if hit.points is not None:
                    if (re.search(r"\b(?:revised|updated|new|amended|latest)\s+(?:version\s+of\s+the\s+)?$",
                                  sent.text[: hit.start - sent.start], re.I) and pointed_order):
                        rec.revises = pointed_order[-1].id
                    pointed_order.append(rec)
            else:
                if all(e.start != ev.start for e in rec.evidence):
                    rec.evidence.append(ev)
                if status != "unknown":
                    rec.status = status
                if rec.date is None:
                    rec.date = date
            rec.authors = pc.unique(rec.authors + _authors(ctx, sent, hit))
            for p in _provisions(sent, hit):
                if p not in rec.provisions:
                    rec.provisions.append(p)
            sent_records.append((hit, rec))
            last = rec
        _link_revisions(sent, sent_records)
        counted = pp.POINTS_STATED.search(sent.text)
        if counted and len({id(r) for _, r in sent_records}) == 1:
            rec = sent_records[0][1]
            n = pp.number_of(counted.group("n"))
            if rec.points is None and n is not None and 2 <= n <= 200:
                rec.points = n  # the text gives the count apart from the name
    out = _fold_approximate(list(records.values()))
    out = _fold_generic(out)
    _named_after_author(ctx, out)
    return out


_FOLDABLE = {"plan", "proposal", "framework", "initiative", "offer", "blueprint", "roadmap"}


def _named_after_author(ctx: Context, records: list[Proposal]) -> None:
    """A generic name ("ceasefire proposal") takes its author's name in front, so that two
    parties' proposals read apart: "Aldoria ceasefire proposal"."""
    acts = pc.actors(ctx)
    for r in records:
        first = r.name.split()[0]
        if r.points is not None or not r.authors or first[0].isupper() or first[0].isdigit() \
                or pp.number_of(first) is not None or " by " in r.name:
            continue
        a = acts.get(r.authors[0])
        if a is not None and a.type in ("state", "organization", "group"):
            r.name = f"{a.name} {r.name}"


def _generic(hit: _Hit) -> bool:
    """A mention that names no particular document (no point count, duration or memorandum)."""
    return hit.key[0] == "owned" or (hit.key[0] == "named" and hit.key[1] != "memorandum")


def _same_owner(hit: _Hit, rec: Proposal) -> bool:
    if hit.key[0] == "owned" and hit.owner is None:  # "the Egyptian proposal" is Egypt's, not the last one
        return hit.key[1] in rec.name.lower()
    return hit.owner is None or not rec.authors or hit.owner in rec.authors


def _fold_approximate(records: list[Proposal]) -> list[Proposal]:
    """"A 20+ point plan" that later gets its exact count ("the 28-point plan") is that plan."""
    out = []
    for r in records:
        if r.points is not None and "+" in r.name:
            exact = [x for x in records if x.points is not None and "+" not in x.name and r.points <= x.points <= r.points + 15]
            if len(exact) == 1:
                x = exact[0]
                x.evidence = sorted(x.evidence + r.evidence, key=lambda e: e.start)
                x.authors = pc.unique(x.authors + r.authors)
                x.provisions += [p for p in r.provisions if p not in x.provisions]
                x.date = x.date or r.date
                continue
        out.append(r)
    return out


def _fold_generic(records: list[Proposal]) -> list[Proposal]:
    """Generic mentions ("the peace plan", "the framework", "Trump's plan") in a document that
    names numbered plans are one of them: the only one, else the latest with the same head noun
    (a revised "framework" is the framework the text is about), else the latest."""
    numbered = [r for r in records if r.points is not None]
    if not numbered:
        return records
    out = []
    for r in records:
        head = r.name.split()[-1]
        if r.points is None and head in _FOLDABLE and not r.name[0].isdigit() and (
                not r.name[0].isupper() or r.authors):
            same_head = [x for x in numbered if x.name.split()[-1] == head]
            target = numbered[0] if len(numbered) == 1 else (same_head or numbered)[-1]
            if set(r.authors) <= set(target.authors) or not target.authors:
                target.evidence = sorted(target.evidence + r.evidence, key=lambda e: e.start)
                target.authors = pc.unique(target.authors + r.authors)
                target.provisions += [p for p in r.provisions if p not in target.provisions]
                continue
        out.append(r)
    return _same_count(out)


def _same_count(records: list[Proposal]) -> list[Proposal]:
    """Two records that came to carry the same point count are one plan."""
    by_points: dict[int, Proposal] = {}
    out = []
    for r in records:
        if r.points is None:
            out.append(r)
            continue
        first = by_points.get(r.points)
        if first is None:
            by_points[r.points] = r
            out.append(r)
            continue
        keep, drop = (first, r) if "point" in first.name else (r, first)
        keep.evidence = sorted(keep.evidence + drop.evidence, key=lambda e: e.start)
        keep.authors = pc.unique(keep.authors + drop.authors)
        if keep is r:
            out[out.index(first)] = r
            by_points[r.points] = r
    return out


def _link_revisions(sent: pc.Sentence, pairs: list[tuple[_Hit, Proposal]]) -> None:
    """"The 28-point plan was cut to 20 points" / "the 20-point plan replaced the 28-point one"."""
    numbered = [(h, r) for h, r in pairs if r.points is not None and "+" not in r.name]
    if len(numbered) < 2:
        return
    (h1, r1), (h2, r2) = numbered[0], numbered[1]
    if r1 is r2:
        return
    between = sent.text[h1.end - sent.start: h2.start - sent.start]
    cue = pp.REVISION.search(between)
    if not cue:
        return
    if cue.group(0).lower().startswith(("replace", "supersede")):
        r1.revises, r2.status = r2.id, "superseded"
    else:
        r2.revises, r1.status = r1.id, "superseded"
