"""classify_kind on invented documents: each kind, with the cue that decides it."""

from __future__ import annotations

import pytest

from parley.clean import classify_kind, find_noise
from parley.models import DOC_KINDS

REPORT = """ORVEL, Kessary (Nordpress) — Negotiators from Kessary and Dolmar met for six hours on Tuesday, officials said.
Foreign Minister Ilse Varga told reporters the border question remained the main obstacle.
Dolmar's envoy Tomas Herrek said his government would send a written reply by Friday.
The two sides agreed to set up a commission to map the disputed crossings, according to a joint note.
A third round is planned for May, a spokesman for the mediators said."""

REPORT_NO_DATELINE = """Negotiators from Kessary and Dolmar met for six hours on Tuesday, officials said.
Foreign Minister Ilse Varga told reporters the border question remained the main obstacle.
Dolmar's envoy Tomas Herrek said his government would send a written reply by Friday.
The two sides agreed to set up a commission to map the disputed crossings, according to a joint note.
A third round is planned for May, a spokesman for the mediators said."""

NARRATION = """The delegations arrived in Orvel on Monday morning and went straight to the lakeside hall.
Kessary's team of twelve was led by Ilse Varga, Dolmar's by Tomas Herrek.
The first session lasted four hours and ended with a shared lunch on the terrace.
In the afternoon the experts moved to the map room to compare the two sets of river charts.
On Tuesday evening both delegations left the town without a joint text."""

OPINION = """I have watched three rounds of these talks, and I believe the fourth will fail as well.
Kessary should stop pretending that a map can be drawn before trust exists.
We must admit that the commission is a way to postpone the hard choices.
In my view, Dolmar's leaders need to say in public what they concede in private.
Until they do, the river will stay a border and the talks a ritual.

Marta Quell is a columnist and senior fellow at the Orvel Institute. She writes about the region's diplomacy."""

ANALYSIS = """The fourth round in Orvel may look like a routine meeting, but it could reshape the dispute.
Kessary's leaders appear to have concluded that a commission would buy them time before the elections.
Dolmar, meanwhile, seems likely to accept delay if the river crossings stay open to trade.
Neither side would gain much from a collapse, which probably explains the careful wording of both statements.
The risk is that the commission becomes permanent, as similar bodies have elsewhere."""

TRANSCRIPT = """MODERATOR: Minister, thank you for coming.
VARGA: Thank you for having me.
MODERATOR: Will Kessary sign the map this month?
VARGA: Not this month. The commission must finish its work first.
MODERATOR: And if Dolmar refuses the commission's findings?
VARGA: Then we return to the table, as we always have."""

QA = """Q: When will the commission start its work?
A: In May, once both parliaments have approved it.
Q: Who chairs it?
A: A judge from a third country, chosen by both sides.
Q: Is the river crossing open today?
A: Yes, for trade and for families."""

STATEMENT = """Joint statement by the delegations of Kessary and Dolmar
The delegations of Kessary and Dolmar met in Orvel on 3 and 4 March 2031.
The parties agreed to establish a joint commission to map the river crossings.
The commission will report to both governments within six months.
The parties will meet again in May at a venue to be agreed."""


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (REPORT, "report"),
        (REPORT_NO_DATELINE, "report"),
        (NARRATION, "report"),
        (OPINION, "opinion"),
        (ANALYSIS, "analysis"),
        (TRANSCRIPT, "transcript"),
        (QA, "transcript"),
        (STATEMENT, "statement"),
        ("Talks resume.", "unknown"),
    ],
)
def test_kind(text: str, kind: str) -> None:
    got, cues = classify_kind(text, find_noise(text))
    assert got == kind
    assert got in DOC_KINDS
    assert cues and all(isinstance(c, str) for c in cues)


def test_opinion_cues_name_the_bio() -> None:
    kind, cues = classify_kind(OPINION, find_noise(OPINION))
    assert kind == "opinion"
    assert "an author bio" in cues


def test_report_cues_name_the_dateline() -> None:
    assert "a dateline" in classify_kind(REPORT, find_noise(REPORT))[1]


def test_opinion_section_label_in_the_chrome() -> None:
    text = "Back to Opinion\n" + ANALYSIS
    assert classify_kind(text, find_noise(text))[0] == "opinion"


def test_quoted_first_person_does_not_make_an_opinion() -> None:
    text = REPORT + "\n“I believe we must sign, and I think we will,” Varga said. “In my view the map is ready.”"
    assert classify_kind(text, find_noise(text))[0] == "report"
