"""Cue words shared by several extractors: reporting verbs, attribution frames, future tense."""

from __future__ import annotations

import re

# "X said", "X told reporters", "according to X": who a figure or a stance comes from.
SPEECH_VERB = re.compile(
    r"\b(?:said|says|say|told|tells|stated|states|announced|announces|claimed|claims|reported|"
    r"reports|estimated|estimates|added|noted|wrote|writes|posted|insisted|insists|warned|warns|"
    r"argued|argues|declared|declares|confirmed|confirms|acknowledged|according to)\b",
    re.IGNORECASE,
)
ACCORDING_TO = re.compile(r"\baccording to\b", re.IGNORECASE)
FUTURE = re.compile(
    r"\b(?:will|would|shall|is to|are to|was to|were to|set to|due to|expected to|scheduled|"
    r"planned|planning|plans to|upcoming|next (?:week|month|year|round)|is going to|are going to|"
    r"later this (?:week|month|year)|slated|poised to|prepare[sd]? to|preparing)\b",
    re.IGNORECASE,
)
NEGATION = re.compile(r"\b(?:not|no|never|n't|neither|nor|without)\b", re.IGNORECASE)
