"""Forecasts: predictions made in the text ("X predicted that...", "X expects ...", "is likely
to ...") with their author and, when given, the date they are about."""

from __future__ import annotations

import re

from parley.extract.patterns import context as pc
from parley.extract.patterns import cues
from parley.extract.registry import Context, extractor
from parley.models import Prediction, Record, stable_id

NAME = "predictions.rules.v1"
FORECAST = re.compile(
    r"\b(?:predicted|predicts|predict|forecast|forecasts|forecasted|expects|expected that|"
    r"anticipates?|anticipated|projected|foresees?|foresaw|bet that|warned that .{0,80}\bwould|"
    r"(?:is|are|was|were) (?:likely|unlikely|bound) to|will (?:likely|probably|almost certainly)|"
    r"(?:probably|likely) will|within (?:weeks|months|days) .{0,40}\bwill)\b", re.I)
# "expected to meet on Friday" states a plan, not a forecast.
SCHEDULE = re.compile(r"\b(?:is|are) expected to (?:meet|arrive|travel|attend|hold|sign|visit|speak)\b", re.I)


@extractor(NAME, produces=("predictions",), requires=("nlp", "time"), order=80)
def extract_predictions(ctx: Context) -> list[Record]:
    """Predictions with their author (the actor named before the forecast cue) and horizon."""
    out: list[Prediction] = []
    for sent in pc.sentences(ctx):
        cue = FORECAST.search(sent.text)
        if cue is None or SCHEDULE.search(sent.text):
            continue
        ments = pc.mentions_in(ctx, sent.start, sent.start + cue.start())
        author = ments[0].actor if ments else pc.opening_pronoun_actor(ctx, sent)
        if author is None:
            # "..., the deal will likely collapse, X said": the speaker after the forecast
            speech = cues.SPEECH_VERB.search(sent.text, cue.end())
            if speech:
                near = pc.mentions_in(ctx, sent.start + max(cue.end(), speech.start() - 40), sent.end)
                author = near[0].actor if near else None
        about = pc.trim(sent.text[cue.end():].strip(" ,:"), 160)
        if len(about) < 8:
            continue
        horizon = pc.nearest_date(ctx, sent.start + cue.end(), sent.end, sent.start + cue.end())
        out.append(Prediction(
            id=stable_id("prd", ctx.document.id, sent.start),
            evidence=[pc.evidence(ctx, sent.start, sent.end, NAME)],
            author=author, text=pc.trim(sent.text, 300), about=about, horizon=horizon,
        ))
    return out
