"""Proposal vocabulary: the nouns of plans and documents, point counts and status cues."""

from __future__ import annotations

import re

from parley.extract.patterns.numbers import WORD_NUMBERS

_NUM = r"(?:\d{1,3}\+?|" + "|".join(k for k in WORD_NUMBERS if " " not in k) + r")"
# Nouns a negotiated text goes by. "deal" and "agreement" count only with a qualifier
# (see QUALIFIED), otherwise every mention of a deal in passing would become a proposal.
HEAD = (r"(?:peace plan|plan|proposal|framework|blueprint|roadmap|road map|memorandum|memo|"
        r"draft agreement|draft treaty|draft resolution|draft|initiative|outline|"
        r"term sheet|offer|document|documents|agreement|deal|accord|treaty|resolution|"
        r"declaration|ceasefire|cease-fire|truce)")
# "28-point plan", "a 20+ point peace plan", "twelve-point framework"
POINTED = re.compile(
    rf"\b(?P<n>{_NUM})(?:[\s-]|\+\s?)point\s+(?:[\w-]+\s+){{0,2}}?(?P<head>{HEAD})s?\b",
    re.IGNORECASE,
)
# "a memorandum", "the framework", "a draft agreement", "the roadmap"
NAMED = re.compile(
    r"\b(?P<head>memorandum|memo|framework|blueprint|roadmap|road map|draft agreement|"
    r"draft treaty|draft resolution|draft peace (?:deal|agreement|plan)|peace plan|peace proposal|"
    r"ceasefire (?:proposal|plan|deal|agreement)|cease-fire (?:proposal|plan|deal|agreement)|"
    r"truce (?:proposal|plan)|term sheet|peace initiative|counter-?proposal|counteroffer)s?\b",
    re.IGNORECASE,
)
# "a 30-day ceasefire", "a 60-day truce proposal"
DAYS = re.compile(
    rf"\b(?P<n>{_NUM})[\s-](?P<unit>day|week|month|year)\s+(?P<head>ceasefire|cease-fire|truce|"
    r"pause|moratorium|halt)(?:\s+(?:proposal|plan|deal|agreement|framework|offer))?\b",
    re.IGNORECASE,
)
# "four additional documents", "two new drafts"
EXTRA_DOCS = re.compile(
    rf"\b(?P<n>{_NUM})\s+(?:additional|new|further|separate|supplementary)\s+"
    r"(?P<head>documents|drafts|papers|annexes|agreements)\b",
    re.IGNORECASE,
)
# "<Actor>'s plan", "the Egyptian proposal": a plan named after its author.
OWNED = re.compile(
    r"(?P<owner>\b[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})(?P<poss>['’]s?)?\s+"
    r"(?:(?:new|latest|revised|updated|own|original|draft|peace|ceasefire|cease-fire|truce)\s+){0,2}"
    r"(?P<head>plan|proposal|framework|initiative|offer)s?\b"
)

# Substring gates (lower-cased sentence): the expressions above run only where they can match.
GATE = ("point", "plan", "proposal", "framework", "blueprint", "roadmap", "road map", "memo", "draft",
        "initiative", "outline", "term sheet", "offer", "document", "paper", "annex", "agreement", "deal",
        "accord", "treaty", "resolution", "declaration", "ceasefire", "cease-fire", "truce", "pause",
        "moratorium", "halt", "counter")
DAYS_GATE = ("ceasefire", "cease-fire", "truce", "pause", "moratorium", "halt")
EXTRA_GATE = ("documents", "drafts", "papers", "annexes", "agreements")

# "the proposal presented by Egyptian and Qatari mediators": a proposal named by its authors
BY_PROPOSAL = re.compile(
    r"\b(?:the|a|an|new|latest|revised)\s+(?P<head>proposal|plan|offer|framework|initiative)\s+"
    r"(?:that was\s+|which was\s+)?(?:presented|put forward|drafted|submitted|made|brokered|tabled|proposed|"
    r"offered|sent|crafted|devised)\s+by\s+(?:the\s+)?"
    r"(?P<by>[A-Z][\w.'’-]*(?:\s+(?:and\s+)?[A-Z][\w.'’-]*)*(?:\s+(?:mediators|mediation|negotiators|officials|envoys))?)")

# A count given apart from the name: "cut to nine points", "its 20 points", "the framework's nine points"
POINTS_STATED = re.compile(rf"\b(?:to|into|its|their|with|of|[a-z]+['’]s)\s+(?P<n>{_NUM})\s+points\b", re.I)

STATUS_CUES = [
    ("superseded", re.compile(r"\b(?:superseded|replaced by|scrapped in favou?r|abandoned)\b", re.I)),
    ("rejected", re.compile(r"\b(?:rejected|rejects|reject|dismissed|dismisses|turned down|refused|"
                            r"refuses|non-starter|unacceptable|spurned|ruled out)\b", re.I)),
    ("accepted", re.compile(r"\b(?:accepted|accepts|agreed to|agrees to|signed|endorsed|endorses|"
                            r"approved|approves|adopted|embraced|backed)\b", re.I)),
    ("revised", re.compile(r"\b(?:revised|revises|updated|amended|reworked|rewritten|redrafted|"
                           r"trimmed|pared down|cut (?:down )?to|reduced to|new version|"
                           r"modified|refined|narrowed)\b", re.I)),
    ("tabled", re.compile(r"\b(?:presented|presents|tabled|submitted|handed|delivered|sent|sends|"
                          r"put forward|puts forward|unveiled|unveils|proposed|proposes|offered|"
                          r"offers|laid out|outlined|shared|passed along|circulated|introduced)\b",
                          re.I)),
    ("drafted", re.compile(r"\b(?:drafted|drafting|drawn up|drew up|drawing up|working on|"
                           r"sketch(?:ed)? out|prepared|preparing|authored|wrote|written|"
                           r"developed|devised|crafted|hammered out)\b", re.I)),
]
# "X's plan was drawn up by Y", "authored by Y", "proposed by Y"
BY_AUTHOR = re.compile(r"\b(?:drawn up|drafted|authored|written|proposed|put forward|presented|"
                       r"prepared|devised|crafted|brokered|developed|backed|sent|submitted)\s+by\s+",
                       re.I)
# verbs whose subject authors the object proposal: "X sent Y a memorandum"
AUTHOR_VERB = re.compile(r"\b(?:sent|sends|presented|presents|proposed|proposes|drafted|drafts|"
                         r"drew up|unveiled|unveils|put forward|puts forward|tabled|submitted|"
                         r"offered|offers|outlined|laid out|authored|prepared|handed|delivered|"
                         r"sketch(?:ed)? out|devised|crafted|released|floated)\b", re.I)
# A replacement between two proposals in one sentence ("the 28-point plan was cut to 20 points").
REVISION = re.compile(r"\b(?:became|becomes|turned into|cut to|reduced to|trimmed to|pared down to|"
                      r"revised into|replaced|replaces|superseded|supersedes|updated to|"
                      r"whittled down to|shrank to|shrunk to|now has|expanded to)\b", re.I)
# A list of provisions after "including", "such as", ":", "calls for", "would".
PROVISION_LEAD = re.compile(r"(?::|\bincluding\b|\bsuch as\b|\bcalls? for\b|\bprovides? for\b|"
                            r"\bwould (?:require|see|include|mean)\b|\bincludes?\b|\bcontain(?:s|ed)?\b|"
                            r"\benvisag(?:es|ed)\b|\bdemands?\b)", re.I)
GENERIC_HEADS = {"plan", "proposal", "offer", "initiative", "document", "documents", "agreement",
                 "deal", "accord", "treaty", "resolution", "declaration", "outline", "draft",
                 "ceasefire", "cease-fire", "truce"}


def number_of(token: str) -> int | None:
    """The integer of a point count ("28", "20+", "twelve")."""
    token = token.lower().rstrip("+")
    if token.isdigit():
        return int(token)
    v = WORD_NUMBERS.get(token)
    return int(v) if v is not None else None


def head_key(head: str) -> str:
    """One key per kind of document, so that "memo" and "memorandum" are one proposal."""
    h = head.lower().replace("-", "").replace("  ", " ")
    for key, words in (("memorandum", ("memorandum", "memo")), ("framework", ("framework",)),
                       ("roadmap", ("roadmap", "road map")), ("draft", ("draft",)),
                       ("ceasefire", ("ceasefire", "truce", "ceasefire")),
                       ("counterproposal", ("counterproposal", "counteroffer"))):
        if any(h.startswith(w) or w in h for w in words):
            return key
    return "plan"
