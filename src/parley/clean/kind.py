"""What kind of document this is: a news report, an analysis, an opinion piece, a transcript or
a statement. Reporting and opinion carry different weight for an analyst (DESIGN.md, job 7).

The classifier reads general cues only: the page furniture already marked as noise (an author
bio or an "opinions expressed" disclaimer belongs to an op-ed; an "Analysis" or "Opinion"
kicker names the section), the first person outside quotations, speaker turns, a dateline and
the density of attribution ("said", "according to") that news reports are built from.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from parley.clean import cues
from parley.clean.lines import split_lines
from parley.models import Noise

# Share of sentences with an attribution verb above which prose is reporting.
REPORT_ATTRIBUTION = 0.28
# Below this share, prose is commentary when it also hedges (MODAL_SHARE), else a plain report.
ANALYSIS_ATTRIBUTION = 0.14
# Modals per sentence above which unattributed prose is commentary rather than narration.
MODAL_SHARE = 0.2
# Prescriptive modals per sentence above which commentary is opinion rather than analysis.
PRESCRIPTIVE_SHARE = 0.15
MIN_SENTENCES = 3

_QUOTED = re.compile(r"[“\"«„][^”\"»“]{0,600}[”\"»]")
_SENTENCE = re.compile(r"[^.!?]+[.!?]+")
_TURN = re.compile(r"^(?:Q|A|Q\.|A\.|QUESTION|ANSWER)\s*[:.)]\s+\S|^[A-Z][A-Z.’'\- ]{1,40}:\s+\S")
_FIRST_PERSON_I = re.compile(
    r"\b(?:I think|I believe|I would argue|I argue|I’ve said|I've said|I have said|I repeat|I wrote|I suspect"
    r"|I fear|I doubt|in my view|in my opinion|my view|I am convinced|I’m convinced|I'm convinced)\b"
)
_WE_MUST = re.compile(r"\b(?:we must|we should|we cannot|we can’t|we can't|we need to|let us|let’s not|let's not)\b", re.IGNORECASE)
_STATEMENT = re.compile(
    r"\b(?:press release|for immediate release|readout|joint statement|joint declaration|communiqu[eé]"
    r"|statement by|statement from|statement of)\b",
    re.IGNORECASE,
)
# Hedges and modals: commentary weighs possibilities, reports state what happened.
_MODAL = re.compile(r"\b(?:may|might|could|would|should|must|ought|perhaps|likely|unlikely|arguably|clearly"
                    r"|certainly|seems?|appears?)\b", re.IGNORECASE)
# Prescriptive modals: an opinion piece says what should be done.
_PRESCRIPTIVE = re.compile(r"\b(?:should|must|ought to|needs? to|has to|have to)\b", re.IGNORECASE)
_KICKER_OPINION = re.compile(r"\b(?:opinion|op-ed|oped|commentary|column|viewpoint|editorial)\b", re.IGNORECASE)
_KICKER_ANALYSIS = re.compile(r"\b(?:analysis|explainer|explained|news analysis)\b", re.IGNORECASE)


@dataclass(frozen=True)
class KindCues:
    """The evidence the classifier counted for one document."""

    turns: int
    sentences: int
    attributed: int
    first_person: int
    we_must: int
    modals: int
    prescriptive: int
    dateline: bool
    statement: bool
    bio: bool
    disclaimer: bool
    opinion_kicker: bool
    analysis_kicker: bool

    @property
    def attribution_share(self) -> float:
        return self.attributed / self.sentences if self.sentences else 0.0


def read_cues(text: str, noise: Sequence[Noise]) -> KindCues:
    """Count the kind cues of a document (body lines for prose cues, noise for furniture)."""
    lines = [ln for ln in split_lines(text) if not ln.blank]
    noisy = {(n.start, n.end): n.reason for n in noise}

    def reason_of(ln) -> str | None:
        for (s, e), r in noisy.items():
            if s < ln.end and ln.start < e:
                return r
        return None

    body = [ln for ln in lines if reason_of(ln) is None]
    furniture = [ln.content for ln in lines if reason_of(ln) in ("chrome", "teaser", "byline", "dateline")]
    reasons = {n.reason for n in noise}
    prose = "\n".join(ln.content for ln in body)
    unquoted = _QUOTED.sub(" ", prose)
    sentences = [s for s in _SENTENCE.findall(prose.replace("\n", " ")) if len(s.split()) >= 4]
    # A statement names itself in a heading ("Joint statement by ..."), not in a sentence of
    # a report ("In a statement from the ministry, ...").
    header = "\n".join(ln.content for ln in lines[:6] if len(ln.content.split()) <= 15)
    return KindCues(
        turns=sum(bool(_TURN.match(ln.content)) for ln in body),
        sentences=len(sentences),
        attributed=sum(bool(cues.ATTRIBUTION.search(s)) for s in sentences),
        first_person=len(_FIRST_PERSON_I.findall(unquoted)),
        we_must=len(_WE_MUST.findall(unquoted)),
        modals=len(_MODAL.findall(unquoted)),
        prescriptive=len(_PRESCRIPTIVE.findall(unquoted)),
        dateline=any(cues.DATELINE.match(ln.content) for ln in body[:6]),
        statement=bool(_STATEMENT.search(header)),
        bio="bio" in reasons,
        disclaimer="disclaimer" in reasons,
        opinion_kicker=any(_KICKER_OPINION.search(f) and len(f.split()) <= 6 for f in furniture),
        analysis_kicker=any(_KICKER_ANALYSIS.search(f) and len(f.split()) <= 6 for f in furniture),
    )


def classify_kind(text: str, noise: Sequence[Noise] = ()) -> tuple[str, list[str]]:
    """The document's kind (one of ``parley.models.DOC_KINDS``) and the cues that decided it.

    >>> classify_kind("Q: Will you meet him?\\nA: Yes.\\nQ: When?\\nA: Soon.\\nQ: Where?\\nA: Geneva.")[0]
    'transcript'
    """
    c = read_cues(text, noise)
    if c.turns >= 4 and c.turns >= 0.3 * max(1, c.sentences):
        return "transcript", [f"{c.turns} speaker turns"]
    if c.analysis_kicker and not c.opinion_kicker:
        return "analysis", ["an 'analysis' section label"]
    opinion = []
    if c.bio:
        opinion.append("an author bio")
    if c.disclaimer:
        opinion.append("an opinion disclaimer")
    if c.opinion_kicker:
        opinion.append("an 'opinion' section label")
    if c.first_person >= 2:
        opinion.append(f"{c.first_person} first-person judgements")
    if opinion:
        return "opinion", opinion
    if c.statement and c.attribution_share < REPORT_ATTRIBUTION:
        return "statement", ["a statement or readout named in the header"]
    if c.sentences < MIN_SENTENCES:
        return "unknown", [f"only {c.sentences} sentences"]
    share = f"attribution in {c.attribution_share:.0%} of sentences"
    if c.dateline:
        return "report", ["a dateline", share]
    if c.attribution_share >= ANALYSIS_ATTRIBUTION:
        return "report", [share]
    if c.modals < MODAL_SHARE * c.sentences:
        return "report", [share, "few hedges: narration"]
    if c.we_must or c.first_person:
        return "opinion", [share, "first-person argument"]
    if c.prescriptive >= PRESCRIPTIVE_SHARE * c.sentences:
        return "opinion", [share, f"{c.prescriptive} prescriptive modals"]
    return "analysis", [share, f"{c.modals} hedges and modals"]
