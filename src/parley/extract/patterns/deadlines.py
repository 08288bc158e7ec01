"""Deadline vocabulary: what makes a "by Friday" a deadline, who sets it, and its fate."""

from __future__ import annotations

import re

# A deadline noun or an imposing verb in the sentence makes a by/until/within date a deadline.
DEADLINE_NOUN = re.compile(r"\b(?:deadlines?|ultimatums?|cut-?off|time limit|grace period|expir(?:y|es|ed))\b", re.I)
IMPOSE_VERB = re.compile(
    r"\b(?:has until|have until|had until|has been given|gave|give|gives|given|giving|set|sets|setting|imposed|imposes|issued|demanded|demands|"
    r"told|tells|ordered|orders|warned|warns|insisted|insists|urged|urges|called on|"
    r"threatened|threatens|must|has to|have to|had to|needs to|need to|required|requires|"
    r"expects?|expected|wants?|wanted|asked|asks|pressed|pressing|pushing|push)\b", re.I)
# "Talvessa had until Friday": the actor right before "has/had until" is the addressee.
ADDRESSEE_BEFORE = re.compile(r"^\s+(?:has|have|had|was given|were given|has been given)\s+(?:\w+\s+)?until\b", re.I)
# Actions a deadline asks for: "sign on by Thanksgiving", "respond within ten days".
ACTION = re.compile(
    r"\b(?:sign|signed|agree|accept|respond|reply|answer|decide|release|return|free|withdraw|"
    r"pull out|leave|disarm|comply|deliver|submit|finali[sz]e|conclude|reach|approve|ratify|"
    r"send|provide|present|hand over|vacate|implement|negotiate|make a deal|come to the table|end)\b", re.I)
# "gave Talvessa until", "told the rebels to": the addressee follows these.
ADDRESSEE_LEAD = re.compile(r"\b(?:gave|give|gives|given|giving|told|tells|ordered|orders|warned|warns|"
                            r"urged|urges|called on|pressed|asked|asks|for|demanded that|insisted that)\s+$", re.I)
STATUS_CUES = [
    ("extended", re.compile(r"\b(?:extended|extends|extension|pushed back|moved back|prolonged|"
                            r"postponed|delayed)\b", re.I)),
    ("abandoned", re.compile(r"\b(?:abandoned|dropped|softened|backed (?:off|away)|walked back|"
                             r"no longer|lifted|scrapped|quietly passed|not a hard deadline|"
                             r"flexible)\b", re.I)),
    ("missed", re.compile(r"\b(?:missed|passed|lapsed|expired|came and went|ignored|without (?:a|an) "
                          r"(?:deal|agreement|answer|response))\b", re.I)),
    ("met", re.compile(r"\b(?:met the deadline|complied|in time|ahead of the deadline|on time)\b", re.I)),
]
# A date after these is not a deadline even with by/until ("until recently").
NOT_DEADLINE = re.compile(r"\b(?:until recently|by then|by now|by the time|until now|until then)\b", re.I)
# "does not set deadlines", "without a deadline", "no ultimatum": the noun is denied
NEGATED_NOUN = re.compile(r"\b(?:no|not|never|without|n't)\s+(?:\w+\s+){0,2}$", re.I)
