"""The brief: one page that gets a newcomer up to speed, every sentence cited.

Sections: key actors and roles; what happened (from the timeline); proposals and their
versions; positions by party; deadlines; reversals; figures in dispute. Each sentence is built
from merged records and carries numbered citations ``[n]`` to the documents its records draw on;
a sentence without a source is never written. The closing list has one line per number:
``[n] outlet, date, title``.

``build_brief(store, since=, about=)`` returns a :class:`Brief`; ``to_markdown()`` and
``to_html()`` render it (HTML fully escaped: article text is untrusted).
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from parley.resolve import dates as dt
from parley.resolve import storeio
from parley.resolve.names import fold, name_key
from parley.resolve.timeline import actor_ids_named, timeline
from parley.store import Store

MAX_ACTORS, MAX_EVENTS, MAX_PER_SECTION, MAX_CITES = 8, 12, 8, 3


@dataclass
class Sentence:
    text: str
    docs: list[str]


@dataclass
class Section:
    title: str
    sentences: list[Sentence] = field(default_factory=list)


@dataclass
class Brief:
    """A built brief: sections of cited sentences and the numbered sources."""

    title: str
    sections: list[Section]
    sources: list[dict[str, Any]]  # in citation order: {n, doc, outlet, date, title}

    def _numbers(self) -> dict[str, int]:
        return {s["doc"]: s["n"] for s in self.sources}

    def to_markdown(self) -> str:
        num = self._numbers()
        out = [f"# {self.title}", ""]
        for sec in self.sections:
            out += [f"## {sec.title}", ""]
            for s in sec.sentences:
                out.append(f"- {_md(s.text)} " + "".join(f"[{n}]" for n in sorted(num[d] for d in s.docs)))
            out.append("")
        out += ["## Sources", ""]
        out += [f"[{s['n']}] {_md(source_line(s))}  " for s in self.sources]
        return "\n".join(out).rstrip() + "\n"

    def to_html(self) -> str:
        num = self._numbers()
        e = html.escape
        parts = ["<!doctype html>", '<html lang="en"><head><meta charset="utf-8">',
                 f"<title>{e(self.title)}</title></head><body>", '<article class="brief">', f"<h1>{e(self.title)}</h1>"]
        for sec in self.sections:
            parts.append(f"<section><h2>{e(sec.title)}</h2><ul>")
            for s in sec.sentences:
                cites = "".join(f'<a class="cite" href="#src-{n}">[{n}]</a>' for n in sorted(num[d] for d in s.docs))
                parts.append(f"<li>{e(s.text)} {cites}</li>")
            parts.append("</ul></section>")
        parts.append('<section><h2>Sources</h2><ol class="sources">')
        for s in self.sources:
            parts.append(f'<li id="src-{s["n"]}" value="{s["n"]}">[{s["n"]}] {e(source_line(s))}</li>')
        parts.append("</ol></section></article></body></html>")
        return "\n".join(parts) + "\n"


def source_line(s: dict[str, Any]) -> str:
    """``outlet, date, title`` with what is unknown said plainly."""
    return f"{s.get('outlet') or s.get('source') or 'unknown outlet'}, {s.get('date') or 'undated'}, " \
           f"{s.get('title') or s.get('source') or s['doc']}"


def _md(text: str) -> str:
    """One line of Markdown: no line breaks, no raw HTML, link brackets neutralised."""
    text = re.sub(r"\s+", " ", text or "").strip()
    return text.replace("<", "&lt;").replace(">", "&gt;").replace("[", "\\[").replace("]", "\\]")


def _docs(rec: dict[str, Any]) -> list[str]:
    return list(dict.fromkeys(e.get("doc") for e in rec.get("evidence") or [] if e.get("doc")))


def _names(ids: list[str], names: dict[str, str]) -> str:
    parts = [names.get(i, i) for i in ids if i]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _quote(text: str, limit: int = 160) -> str:
    text = re.sub(r"\s+", " ", text or "").strip()
    return "“" + (text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…") + "”"


class _Builder:
    def __init__(self, store: Store, since: str | None, about: str | None):
        self.store = store
        self.since = since
        self.about = fold(about) if about else None
        self.actors = store.records("actors")
        self.names = {a["id"]: a.get("name") or a["id"] for a in self.actors}
        self.about_ids = actor_ids_named(self.actors, about) if about else set()
        self.sections: list[Section] = []

    # filters ------------------------------------------------------------------------------

    def relevant(self, rec: dict[str, Any], actor_fields: tuple[str, ...], text_fields: tuple[str, ...]) -> bool:
        if not self.about:
            return True
        ids: set[str] = set()
        for f in actor_fields:
            v = rec.get(f)
            ids.update(v if isinstance(v, list) else [v] if v else [])
        if ids & self.about_ids:
            return True
        blob = " ".join(str(rec.get(f) or "") for f in text_fields) + " " + " ".join(
            e.get("quote") or "" for e in rec.get("evidence") or [])
        return self.about in fold(blob)

    def recent(self, d: Any) -> bool:
        if not self.since:
            return True
        iv = dt.interval(d)
        return iv is not None and iv[1].isoformat() >= self.since

    def add(self, section: Section, text: str, docs: list[str]) -> None:
        docs = list(dict.fromkeys(d for d in docs if d))[:MAX_CITES]
        if docs and text:  # no sentence without a source
            section.sentences.append(Sentence(text, docs))

    # sections -----------------------------------------------------------------------------

    def key_actors(self, events: list[dict[str, Any]]) -> None:
        sec = Section("Key actors and roles")
        involvement: Counter[str] = Counter()
        for e in events:
            involvement.update(e.get("participants") or [])
        ranked = sorted(self.actors, key=lambda a: (-(involvement[a["id"]] * 3 + len(_docs(a))), a.get("name") or ""))
        for a in ranked:
            if len(sec.sentences) >= MAX_ACTORS:
                break
            if self.about and a["id"] not in self.about_ids and not involvement[a["id"]]:
                continue
            roles = [r for r in a.get("roles") or [] if r.get("title")]
            role_txt = "; ".join(r["title"] + (f", {r['affiliation']}" if r.get("affiliation") else "")
                                 + (f" (reported {r['date']})" if r.get("date") else "") for r in roles[:2])
            person = (a.get("type") or "person") == "person"
            seen_keys = {name_key(a.get("name") or "", person=person)}
            other = []
            for x in a.get("aliases") or []:  # other spellings and names, not the same name with a title
                k = name_key(x, person=person)
                if k and k not in seen_keys and not any(k in s.split() for s in seen_keys if person):
                    other.append(x)
                    seen_keys.add(k)
            other = other[:3]
            text = a.get("name") or a["id"]
            text += f": {role_txt}" if role_txt else f" ({a.get('type') or 'actor'})"
            if other:
                text += "; also named " + ", ".join(other)
            text += f"; in {len(_docs(a))} source(s)."
            self.add(sec, text, _docs(a))
        self.sections.append(sec)

    def happened(self, events: list[dict[str, Any]]) -> None:
        sec = Section("What happened")
        # the events most reported and most diplomatic, shown in date order
        family = {"meeting": 0, "summit": 0, "talks": 0, "call": 0, "agreement": 1, "ceasefire": 1}
        top = sorted(events, key=lambda e: (-(e.get("sources") or 0), family.get(e.get("type") or "", 2),
                                            -len(e.get("participants") or []), e.get("id") or ""))[:MAX_EVENTS]
        keep = {e["id"] for e in top}
        for e in [e for e in events if e["id"] in keep]:
            who = _names(e.get("participants") or [], self.names)
            when = dt.label(e.get("date"))
            status = e.get("status") or "unknown"
            prec = (e.get("date") or {}).get("precision") or "day"
            lead = "Undated" if when == "undated" else ("On " if prec == "day" else "In ") + when
            text = f"{lead}: {e.get('type') or 'event'}"
            text += f" of {who}" if who else ""
            text += f" in {e['place']}" if e.get("place") else ""
            text += f" ({status}; {e.get('sources', len(_docs(e)))} source(s))."
            self.add(sec, text, _docs(e))
        self.sections.append(sec)

    def proposals(self) -> None:
        sec = Section("Proposals on the table")
        props = [p for p in self.store.records("proposals")
                 if self.relevant(p, ("authors",), ("name", "provisions")) and (
                     not self.since or any((r.get("published") or "") >= self.since for r in p.get("reports") or []))]
        by_id = {p["id"]: p for p in self.store.records("proposals")}
        props.sort(key=lambda p: (p.get("first_reported") or "9999", p["id"]))
        for p in props[:MAX_PER_SECTION]:
            text = f"The {p.get('name') or 'proposal'}"
            if p.get("authors"):
                text += f" by {_names(p['authors'], self.names)}"
            if p.get("first_reported"):
                text += f", first reported {p['first_reported']},"
            text += f" is {p.get('status') or 'unknown'}"
            old = by_id.get(p.get("revises") or "")
            if old:
                text += f" and revises the {old.get('name') or 'earlier version'}"
            self.add(sec, text + ".", _docs(p))
            for word in ("accepted", "rejected"):
                reacts = [r for r in p.get("reactions") or [] if r["reaction"] == word]
                if reacts:
                    who = _names(list(dict.fromkeys(r["actor"] for r in reacts)), self.names)
                    self.add(sec, f"{who} {word} the {p.get('name') or 'proposal'}.",
                             [r["evidence"]["doc"] for r in reacts])
        self.sections.append(sec)

    def positions(self) -> None:
        sec = Section("Positions by party")
        rows = [r for r in self.store.records("positions")
                if self.relevant(r, ("actor",), ("stance", "issue")) and self.recent(r.get("date"))]
        if rows:
            by_actor: dict[str, list[dict[str, Any]]] = {}
            for r in rows:
                by_actor.setdefault(r.get("actor") or "", []).append(r)
            for actor, rs in sorted(by_actor.items(), key=lambda x: -len(x[1]))[:MAX_PER_SECTION]:
                latest = max(rs, key=lambda r: dt.start_key(r.get("date")) or "")
                who = self.names.get(actor, "An unnamed party")
                self.add(sec, f"{who} on {latest.get('issue', 'other').replace('_', ' ')}: "
                              f"{_quote(latest.get('stance') or '')} ({dt.label(latest.get('date'))}).", _docs(latest))
        else:  # no positions extracted: what the most quoted speakers said last
            st = [s for s in self.store.records("statements")
                  if s.get("speaker") and self.relevant(s, ("speaker",), ("quote",)) and self.recent(s.get("date"))]
            counts = Counter(s["speaker"] for s in st)
            for speaker, _n in counts.most_common(MAX_PER_SECTION):
                last = max((s for s in st if s["speaker"] == speaker), key=lambda s: dt.start_key(s.get("date")) or "")
                self.add(sec, f"{self.names.get(speaker, speaker)} ({dt.label(last.get('date'))}): "
                              f"{_quote(last.get('quote') or '')}.", _docs(last))
        self.sections.append(sec)

    def deadlines(self) -> None:
        sec = Section("Deadlines")
        rows = [d for d in self.store.records("deadlines")
                if self.relevant(d, ("set_by", "addressee"), ("what",)) and self.recent(d.get("due"))]
        order = {"pending": 0, "extended": 1, "missed": 2, "abandoned": 3, "met": 4}
        rows.sort(key=lambda d: (order.get(d.get("status") or "", 5), dt.start_key(d.get("due")) or ""))
        for d in rows[:MAX_PER_SECTION]:
            setter = self.names.get(d.get("set_by") or "", "Someone")
            to = f" for {self.names.get(d['addressee'], d['addressee'])}" if d.get("addressee") else ""
            basis = " (by the calendar)" if d.get("status_basis") == "calendar" else ""
            what = d.get("what") or ""
            what = f" to {what}" if what and len(what) <= 80 and not re.search(r"[\"“”]", what) else ""
            due = dt.label(d.get("due"))
            due = "with no date given" if due == "undated" else f"of {due}"
            self.add(sec, f"{setter} set a deadline{to} {due}{what}: "
                          f"{d.get('status') or 'unknown'}{basis}.", _docs(d))
        self.sections.append(sec)

    def reversals(self) -> None:
        sec = Section("Reversals")
        props = {p["id"]: p.get("name") for p in self.store.records("proposals")}
        for r in self.store.records("reversals"):
            if self.about and r.get("actor") not in self.about_ids and self.about not in fold(
                    r["before"]["text"] + " " + r["after"]["text"]):
                continue
            if not self.recent(r["after"]["date"]):
                continue
            who = self.names.get(r.get("actor") or "", "A speaker")
            obj = props.get(r.get("object")) or str(r.get("object") or "").replace("_", " ")
            self.add(sec, f"{who} on {obj}, {r['before']['date']}: {_quote(r['before']['text'])}.",
                     [r["before"].get("doc")])
            self.add(sec, f"{who} on {obj}, {r['after']['date']}: {_quote(r['after']['text'])}.",
                     [r["after"].get("doc")])
            if len(sec.sentences) >= 2 * MAX_PER_SECTION:
                break
        self.sections.append(sec)

    def disputes(self) -> None:
        sec = Section("Figures and facts in dispute")
        events = {e["id"]: e for e in self.store.records("events")}
        for c in self.store.records("contradictions"):
            if self.about and self.about not in fold(" ".join([c.get("summary") or "", str(c.get("field"))])):
                continue
            if c.get("about") == "event":
                e = events.get(c.get("record") or "") or {}
                who = _names(e.get("participants") or [], self.names)
                subject = f"the {c['field']} of the {e.get('type') or 'event'}" + (f" of {who}" if who else "")
            else:
                subject = f"the number of {c.get('field')}"
            for v in c["values"]:
                value = f"{v['value']:,}" if isinstance(v["value"], (int, float)) else str(v["value"])
                self.add(sec, f"Sources differ on {subject}: this one gives {value}.", v["docs"])
            if len(sec.sentences) >= 2 * MAX_PER_SECTION:
                break
        self.sections.append(sec)


def build_brief(store: Store, *, since: str | None = None, about: str | None = None) -> Brief:
    """Build the brief of a store, optionally only what happened since ``since`` (ISO date) and
    what concerns ``about`` (an actor's name, a place or a term)."""
    b = _Builder(store, since, about)
    events = timeline(store, actor=None, since=since)
    if about:
        events = [e for e in events if b.relevant(e, ("participants",), ("summary", "place", "type"))]
    b.key_actors(events)
    b.happened(events)
    b.proposals()
    b.positions()
    b.deadlines()
    b.reversals()
    b.disputes()
    sections = [s for s in b.sections if s.sentences]
    cited = list(dict.fromkeys(d for s in sections for sent in s.sentences for d in sent.docs))
    meta = storeio.doc_meta(store, cited)
    sources = []
    for n, doc in enumerate(cited, start=1):
        m = meta.get(doc) or {}
        sources.append({"n": n, "doc": doc, "outlet": m.get("outlet"), "date": m.get("published"),
                        "title": m.get("title"), "source": m.get("source")})
    title = "Briefing" + (f": {about}" if about else "") + (f" since {since}" if since else "")
    return Brief(title, sections, sources)
