"""The one data model every stage reads and returns.

Field names follow the record export (``spec/EXPORT.md``): a record's ``to_dict()`` is exactly
its export shape. spaCy objects never appear here: the store, the API and the pages only see
these dataclasses.

Offsets are Python ``str`` indices into ``Document.text``; ``Evidence.quote`` always equals
``text[start:end]`` (``Evidence.of`` builds one that does).
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from typing import Any, ClassVar

DOC_KINDS = ("report", "analysis", "opinion", "transcript", "statement", "unknown")
ACTOR_TYPES = ("person", "organization", "state", "group")
EVENT_TYPES = (
    "meeting", "summit", "call", "talks", "agreement", "sanction",
    "attack", "ceasefire", "deployment", "other",
)
EVENT_STATUSES = ("occurred", "planned", "cancelled", "postponed", "proposed", "rejected", "unknown")
PROPOSAL_STATUSES = ("drafted", "tabled", "revised", "accepted", "rejected", "superseded", "unknown")
DEADLINE_STATUSES = ("pending", "met", "missed", "abandoned", "extended", "unknown")
ISSUES = (
    "territory", "nato", "armed_forces", "sanctions", "security_guarantees",
    "ceasefire", "negotiation_format", "other",
)
PRECISIONS = ("day", "week", "month", "season", "year")
# PLOVER category exported beside each event type (GDELT/POLECAT users feel at home).
PLOVER = {
    "meeting": "CONSULT", "summit": "CONSULT", "call": "CONSULT", "talks": "CONSULT",
    "agreement": "AGREE", "sanction": "SANCTION", "attack": "ASSAULT",
    "ceasefire": "AGREE", "deployment": "MOBILIZE", "other": "OTHER",
}
NOISE_REASONS = (
    "byline", "bio", "photo_credit", "caption", "teaser", "subscribe", "share", "about",
    "chrome", "disclaimer", "near_duplicate", "dateline",
)


def content_hash(text: str) -> str:
    """The identity of a document's text: same text, same document."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def stable_id(prefix: str, *parts: object) -> str:
    """A short id that depends only on ``parts``: re-running a stage gives the same ids."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}_{digest[:12]}"


@dataclass(frozen=True)
class Evidence:
    """A span of a document's text that supports a record."""

    doc: str
    start: int
    end: int
    quote: str
    extractor: str | None = None

    @classmethod
    def of(cls, doc_id: str, text: str, start: int, end: int, extractor: str | None = None) -> Evidence:
        if not 0 <= start < end <= len(text):
            raise ValueError(f"evidence span {start}:{end} is outside a text of {len(text)} characters")
        return cls(doc_id, start, end, text[start:end], extractor)

    def to_dict(self) -> dict[str, Any]:
        return {"doc": self.doc, "start": self.start, "end": self.end, "quote": self.quote}


@dataclass(frozen=True)
class Noise:
    """A span that is not body text, with the reason (one of ``NOISE_REASONS``)."""

    start: int
    end: int
    reason: str

    def to_list(self) -> list[Any]:
        return [self.start, self.end, self.reason]


@dataclass
class DateValue:
    """A calendar interval: ``{"start", "end", "precision", "text"}`` in the export."""

    start: str | None
    end: str | None
    precision: str
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "precision": self.precision, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> DateValue | None:
        if not d:
            return None
        return cls(d.get("start"), d.get("end"), d.get("precision") or "day", d.get("text") or "")


@dataclass
class Document:
    id: str
    source: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    published_inferred: bool = False
    kind: str = "unknown"
    kind_cues: list[str] = field(default_factory=list)  # why the kind was chosen
    noise: list[Noise] = field(default_factory=list)
    language: str | None = None
    hash: str = ""
    duplicate_of: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "source": self.source, "text": self.text, "title": self.title,
            "url": self.url, "outlet": self.outlet, "authors": list(self.authors),
            "published": self.published, "published_inferred": self.published_inferred,
            "kind": self.kind, "kind_cues": list(self.kind_cues), "noise": [n.to_list() for n in self.noise],
            "language": self.language, "near_duplicates": list(self.duplicate_of),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Document:
        return cls(
            id=d["id"], source=d.get("source") or "", text=d.get("text") or "",
            title=d.get("title"), url=d.get("url"), outlet=d.get("outlet"),
            authors=list(d.get("authors") or []), published=d.get("published"),
            published_inferred=bool(d.get("published_inferred")), kind=d.get("kind") or "unknown",
            kind_cues=list(d.get("kind_cues") or []),
            noise=[Noise(int(s), int(e), str(r)) for s, e, r in d.get("noise") or []],
            language=d.get("language"), hash=d.get("hash") or content_hash(d.get("text") or ""),
            duplicate_of=list(d.get("near_duplicates") or []),
        )

    def in_noise(self, start: int, end: int) -> bool:
        """True when the span overlaps a noise span (noise is never evidence)."""
        return any(n.start < end and start < n.end for n in self.noise)


@dataclass
class Record:
    """Base of every extracted record. ``kind`` names its list in the export."""

    kind: ClassVar[str] = ""
    id: str
    evidence: list[Evidence]

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if f.name == "evidence":
                out[f.name] = [e.to_dict() for e in value]
            elif isinstance(value, DateValue):
                out[f.name] = value.to_dict()
            elif isinstance(value, list):
                out[f.name] = [v.to_dict() if hasattr(v, "to_dict") else v for v in value]
            else:
                out[f.name] = value
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Record:
        kwargs: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            key = "kind" if f.name == "kind_" else f.name  # a statement's kind is a field
            if key not in d:
                continue
            value = d[key]
            if f.name == "evidence":
                value = [Evidence(e["doc"], e["start"], e["end"], e["quote"], e.get("extractor")) for e in value]
            elif f.name in DATE_FIELDS:
                value = DateValue.from_dict(value)
            elif f.name == "roles":
                value = [Role(**r) for r in value]
            kwargs[f.name] = value
        return cls(**kwargs)


DATE_FIELDS = ("date", "due", "horizon")


@dataclass
class Role:
    title: str
    affiliation: str | None = None
    date: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "affiliation": self.affiliation, "date": self.date}


@dataclass
class Actor(Record):
    kind: ClassVar[str] = "actors"
    name: str = ""
    type: str = "person"
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)


@dataclass
class Event(Record):
    kind: ClassVar[str] = "events"
    type: str = "other"
    status: str = "unknown"
    date: DateValue | None = None
    place: str | None = None
    participants: list[str] = field(default_factory=list)
    summary: str = ""
    plover: str = "OTHER"


@dataclass
class Statement(Record):
    kind: ClassVar[str] = "statements"
    speaker: str | None = None
    quote: str = ""
    kind_: str = "direct"
    date: DateValue | None = None

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        out["kind"] = out.pop("kind_")
        return out


@dataclass
class Proposal(Record):
    kind: ClassVar[str] = "proposals"
    name: str = ""
    points: int | None = None
    authors: list[str] = field(default_factory=list)
    date: DateValue | None = None
    status: str = "unknown"
    revises: str | None = None
    provisions: list[str] = field(default_factory=list)


@dataclass
class Deadline(Record):
    kind: ClassVar[str] = "deadlines"
    set_by: str | None = None
    addressee: str | None = None
    what: str = ""
    due: DateValue | None = None
    status: str = "unknown"


@dataclass
class Position(Record):
    kind: ClassVar[str] = "positions"
    actor: str | None = None
    issue: str = "other"
    stance: str = ""
    date: DateValue | None = None


@dataclass
class Claim(Record):
    kind: ClassVar[str] = "claims"
    text: str = ""
    value: float | None = None
    unit: str = ""
    source: str | None = None


@dataclass
class Prediction(Record):
    kind: ClassVar[str] = "predictions"
    author: str | None = None
    text: str = ""
    about: str = ""
    horizon: DateValue | None = None


RECORD_TYPES: dict[str, type[Record]] = {
    cls.kind: cls for cls in (Actor, Event, Statement, Proposal, Deadline, Position, Claim, Prediction)
}
RECORD_KINDS = tuple(RECORD_TYPES)


def record_from_dict(kind: str, d: dict[str, Any]) -> Record:
    return RECORD_TYPES[kind].from_dict(d)
