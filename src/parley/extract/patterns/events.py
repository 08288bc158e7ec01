"""Event vocabulary: triggers per event type and the cues of an event's status.

Triggers are ordinary English news words ("met", "summit", "a call with", "sanctions",
"ceasefire"); ``SPECIFICITY`` decides the type when one sentence holds several of a family
("talks at the summit" is a summit).
"""

from __future__ import annotations

import re

TRIGGERS: dict[str, re.Pattern[str]] = {
    "summit": re.compile(r"\bsummit(?:s|ry)?\b", re.I),
    "call": re.compile(
        r"\b(?:(?:phone|telephone|video|conference)[\s-]?calls?|(?:a|the|their|his|her|one|in a|"
        r"during a|on a|latest|recent|separate|private)\s+calls?\s+(?:with|between|to)|"
        r"calls?\s+(?:with|between)|spoke (?:by|on the|over the) (?:tele)?phone|"
        r"(?:tele)?phone conversation|phoned|telephoned|talked by phone with|video ?conference)\b", re.I),
    "meeting": re.compile(
        r"\b(?:met|meet|meets|meeting|meetings|sat down|sit down|sitting down|"
        r"sits down|conferred with|hosted|hosts|huddled with|held a meeting|face-to-face|"
        r"in-person)\b", re.I),
    # "talks" only with a partner, a place or a verb of holding them: "a withdrawal from
    # talks" in passing is no event
    "talks": re.compile(
        r"\b(?:delegations?|negotiators|negotiating team)\s+(?:[\w'’-]+\s+){0,3}?(?:arrived|arrives|arriving|"
        r"travel(?:l?ed|s|ling)?|headed|heads|flew|expected (?:in|to arrive)|landed|returned from)\b|"
        r"\b(?:(?:talks|negotiations|consultations|discussions)\s+(?:with|between|in|at|on\s+\w+day|"
        r"among|hosted|mediated|brokered|led by)|(?:held|hold|holds|holding|resumed?|began|begin|"
        r"opened|open|round of|rounds of|direct|face-to-face|trilateral|bilateral|indirect|"
        r"fresh|new|latest|\w+day['’]s)\s+(?:peace\s+)?(?:talks|negotiations|consultations|discussions)|"
        r"negotiating session|negotiating round|negotiated with)\b", re.I),
    "agreement": re.compile(
        r"\b(?:signed|sealed|clinched|struck|reached|inked|concluded)\s+(?:an?\s+|the\s+)?"
        r"(?:[\w-]+\s+){0,3}?(?:agreement|deal|accord|treaty|pact|memorandum of understanding|ceasefire|"
        r"cease-fire|truce|armistice)\b|"
        r"\b(?:agreement|deal|accord|treaty|pact)\s+(?:was|were|has been|had been)\s+"
        r"(?:signed|sealed|reached|struck|concluded)\b|\bagreed (?:on|to) (?:a|an|the)\b", re.I),
    # a sanction is an act: imposed, announced, new; "sanctions relief" in passing is not one
    "sanction": re.compile(
        r"\b(?:(?:imposed|imposes|imposing|announced|announces|unveiled|slapped|levied|new|fresh|"
        r"additional|tougher|sweeping)\s+(?:[\w-]+\s+){0,2}?(?:sanctions|embargo|tariffs)|"
        r"sanctioned|sanctions (?:on|against) \w+ (?:were|was) (?:imposed|announced)|"
        r"(?:froze|frozen|freezes|freeze)\s+(?:[\w$.,'’-]+\s+){0,8}?assets|asset freeze (?:on|against))\b", re.I),
    "attack": re.compile(
        r"\b(?:attack(?:s|ed)?|air ?strikes?|missile strikes?|drone strikes?|strikes? on|struck|"
        r"shelling|shelled|bombard(?:ed|ment|ments)|bombing|bombed|launched (?:an? )?(?:\w+ )?offensive|"
        r"launched (?:an? )?assault|invaded|launched (?:[\w,-]+\s+){0,3}(?:drones|missiles|rockets))\b", re.I),
    # a ceasefire is an event when it starts, holds, ends or is declared; "ceasefire talks" are
    # talks and "a ceasefire deal" is an agreement
    "ceasefire": re.compile(
        r"\b(?:ceasefire|cease-fire|truce|armistice)s?\s+(?:[\w,-]+\s+){0,6}?(?:went into effect|"
        r"took effect|takes effect|will take effect|to take effect|began|begins|came into force|"
        r"comes into force|collapsed|broke down|ended|expired|was extended|were extended|"
        r"has been extended|was violated)\b|\b(?:agreed|agree|agrees|declared|declares|announced|"
        r"brokered|violated|broke|ended|extended|resumed)\s+"
        r"(?:to\s+)?(?:a|an|the|its|their)?\s*(?:[\w-]+\s+){0,3}?(?:ceasefire|cease-fire|truce|armistice)"
        r"(?!\s+(?:deal|agreement|talks|negotiations|proposal|plan|framework|accord))\b", re.I),
    "deployment": re.compile(
        r"\b(?:deploy(?:ed|s|ing|ment|ments)?|stationed|sent troops|troop build-?up|massed troops|"
        r"peacekeeping force|stabili[sz]ation force)\b", re.I),
    # exchanges and releases of prisoners or hostages: how deals are carried out
    "other": re.compile(
        r"\b(?:(?:prisoner|hostage|prisoners-for-hostages|hostages-for-prisoners|captive)s?\s+"
        r"(?:exchange|swap|release|releases|transfer|handover|handovers)|"
        r"(?:released|releases|freed|frees|handed over|hands over|exchanged|returned|swapped)\s+"
        r"(?:[\w,-]+\s+){0,5}?(?:hostages?|prisoners?|captives?|detainees?|bodies|remains|prisoners of war)|"
        r"(?:hostages?|prisoners?|captives?|detainees?)\s+(?:[\w'’-]+\s+){0,3}?(?:were|was|have been|has been|"
        r"to be|will be|are to be)\s+(?:freed|released|handed over|returned|exchanged)|"
        r"(?:release|freeing|handover|hand-over|return) of (?:the\s+)?(?:[\w'’,-]+\s+){0,4}?"
        r"(?:hostages?|prisoners?|captives?|detainees?|bodies|remains)|"
        r"(?:adopted|adopts|passed|passes|approved|approves|vetoed|vetoes|voted (?:for|on|against))\s+"
        r"(?:an?\s+|the\s+)?(?:[\w'’.-]+\s+){0,4}?resolution)\b",
        re.I),
}
# Cheap substring gates (on the lower-cased sentence): a trigger's regular expression runs only
# where one of its words occurs, which keeps extraction linear and fast on long articles.
GATES: dict[str, tuple[str, ...]] = {
    "summit": ("summit",),
    "call": ("call", "phone", "video", "conference"),
    "meeting": ("met", "meet", " down", "confer", "host", "huddle", "face-to-face", "in-person"),
    "talks": ("talks", "negotiat", "consultation", "discussion", "delegation"),
    "agreement": ("agree", "deal", "accord", "treaty", "pact", "memorandum", "truce", "ceasefire", "cease-fire",
                  "armistice"),
    "sanction": ("sanction", "embargo", "asset", "tariff", "froze", "freez", "export control"),
    "attack": ("attack", "strike", "struck", "shell", "bomb", "offensive", "assault", "inva", "launch"),
    "ceasefire": ("ceasefire", "cease-fire", "truce", "armistice", "fighting"),
    "deployment": ("deploy", "station", "troop", "force"),
    "other": ("hostage", "prisoner", "captive", "detainee", "bodies", "remains", "resolution"),
}
# Not an event although a trigger matches: "strike a deal", "called for", "so-called".
FALSE_TRIGGER = re.compile(
    r"\b(?:strike a deal|struck a deal|struck an agreement|struck a chord|meet (?:the )?(?:demands?|"
    r"conditions|requirements|goals?|deadline|needs)|met (?:the )?(?:demands?|conditions|deadline|"
    r"requirements)|meets (?:the )?(?:demands?|conditions)|hosts? of|talks? about talks)\b", re.I)
# A family shares one event per sentence; earlier in this list wins the type.
SPECIFICITY = ["summit", "call", "meeting", "talks"]
FAMILY = {"summit": "meet", "meeting": "meet", "talks": "meet", "call": "call"}

STATUS_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("cancelled", re.compile(
        r"\b(?:called off|call(?:ed|s|ing)? (?:it|the \w+) off|cancel(?:l?ed|s|ling|lation)|scrapped|"
        r"shelved|scuttled|axed|nixed|abandoned|won't (?:take place|happen|go ahead)|"
        r"will not (?:take place|happen|go ahead)|no longer (?:take place|happen|go ahead)|"
        r"pulled out of|walked out of|collapsed)\b", re.I)),
    ("postponed", re.compile(
        r"\b(?:postpone[ds]?|postponement|delayed|delays|pushed back|put off|rescheduled|deferred|"
        r"put on hold|on ice)\b", re.I)),
    ("rejected", re.compile(
        r"\b(?:rejected|rejects|refused|refuses|dismissed|dismisses|turned down|ruled out|rules out|"
        r"spurned|declined|rebuffed)\b", re.I)),
    ("proposed", re.compile(
        r"\b(?:proposed|proposes|proposal for|called for|calls for|calling for|suggested|suggests|"
        r"floated|offered|offers|invited|invites|invitation|urged|urges|pushed for|pushing for|"
        r"ready to meet|willing to meet|open to|could meet|might meet|would like to)\b", re.I)),
    ("planned", re.compile(
        r"\b(?:scheduled|planned (?:for|to)|planning to|plans to|set to|will|is to|are to|to be held|expected to|"
        r"upcoming|due to|slated|next (?:week|month|round)|later this (?:week|month|year)|"
        r"is going to|are going to|would meet|would hold|agreed to meet|preparing for)\b", re.I)),
]
# "in Miami", "at the Kremlin", "in the Saudi city of Jeddah"
# A trigger inside "since the ...", "after the ...": a reference back to an event, not a report of it.
BACK_REFERENCE = re.compile(
    r"\b(?:since|after|following|in the wake of)\s+"
    r"(?:the|its|their|his|her|this|that|last|last year['’]s)\s+(?:[\w’'.-]+\s+){0,4}$", re.I)
# Hypothetical or generic sentences report no event ("short of deploying troops", "if talks fail").
HYPOTHETICAL = re.compile(r"\b(?:short of|if|unless|whether|would have|could have|might have|"
                          r"when we talk about|such as|in theory)\b", re.I)
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# "called off the talks", "postponed the summit": the fate of an event reported before
FATE = re.compile(
    r"\b(?P<cue>called off|calls off|call off|cancel(?:l?ed|s)?|scrapped|shelved|axed|postponed|postpones|"
    r"delayed|put off|pushed back)\s+(?:the|their|his|her|its|a|this)\s+(?:planned\s+|scheduled\s+|"
    r"proposed\s+|upcoming\s+)?(?P<noun>talks|meeting|summit|call|visit|trip)\b", re.I)
