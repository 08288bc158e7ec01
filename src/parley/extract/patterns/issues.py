"""Position vocabulary: the issues a negotiation is about and the verbs of a stance."""

from __future__ import annotations

import re

# Issue keywords, most specific first (a sentence about "NATO troops" is about NATO).
ISSUES: list[tuple[str, re.Pattern[str]]] = [
    ("nato", re.compile(r"\b(?:NATO|alliance membership|join(?:ing)? the alliance|military alliance|"
                        r"membership in (?:the )?(?:alliance|bloc)|neutrality|neutral status|non-aligned)\b")),
    ("security_guarantees", re.compile(r"\b(?:security guarantees?|guarantees? of security|"
                                       r"security assurances?|protection force|reassurance force|"
                                       r"peacekeep(?:ers|ing)|stabili[sz]ation force|defen[cs]e pact|"
                                       r"article 5|backstop)\b", re.I)),
    ("ceasefire", re.compile(r"\b(?:ceasefire|cease-fire|truce|armistice|halt (?:to )?(?:the )?fighting|"
                             r"cessation of hostilities|stop the (?:war|fighting|killing))\b", re.I)),
    ("territory", re.compile(r"\b(?:territor(?:y|ies|ial)|land|border|borders|region|regions|"
                             r"annex(?:ation|ed)?|occupied|withdraw(?:al)? (?:from|of)|cede|ceding|"
                             r"concessions?|buffer zone|demilitari[sz]ed zone|front ?line|line of contact)\b",
                             re.I)),
    ("armed_forces", re.compile(r"\b(?:armed forces|army|troops|military|disarm(?:ament)?|"
                                r"demilitari[sz]ation|weapons|troop (?:cap|limit)|size of (?:its|the) "
                                r"(?:army|military)|forces)\b", re.I)),
    ("sanctions", re.compile(r"\b(?:sanctions?|embargo|frozen assets|asset freeze|tariffs?)\b", re.I)),
    ("negotiation_format", re.compile(r"\b(?:direct talks|face-to-face|trilateral|bilateral|mediat(?:or|ion|e)|"
                                      r"format|venue|at the table|negotiating table|summit|delegation|"
                                      r"hostages?|prisoners?|exchange)\b", re.I)),
]
# Stance cues, each with the kind of position it expresses (put at the head of the stance).
STANCES: list[tuple[str, re.Pattern[str]]] = [
    ("red line", re.compile(r"\b(?:red lines?|non-negotiable|never (?:accept|agree|give up|cede|allow)|"
                            r"will not (?:accept|agree|give up|cede|allow)|won't (?:accept|agree|give up|"
                            r"cede|allow))\b", re.I)),
    ("refuses", re.compile(r"\b(?:refused|refuses|refuse|rejected|rejects|reject|ruled out|rules out|"
                           r"opposed|opposes|oppose|dismissed|dismisses|turned down)\b", re.I)),
    ("demands", re.compile(r"\b(?:demanded|demands|demand|insisted|insists|insist|called for|calls for|"
                           r"wants|wanted|seeks|sought|requires|required|pushed for|pushes for|"
                           r"conditions? for|must)\b", re.I)),
    ("accepts", re.compile(r"\b(?:accepted|accepts|accept|agreed to|agrees to|ready to|willing to|"
                           r"open to|supports|supported|backs|backed|endorsed|endorses|welcomed|welcomes)\b",
                           re.I)),
]
# Substring gate (lower-cased sentence): a stance needs one of these words.
GATE = ("red line", "negotiable", "never", "will not", "won't", "refus", "reject", "ruled out", "rules out",
        "oppos", "dismiss", "turned down", "demand", "insist", "call", "want", "seek", "sought", "requir",
        "push", "condition", "must", "accept", "agree", "ready to", "willing", "open to", "support",
        "back", "endorse", "welcome")
