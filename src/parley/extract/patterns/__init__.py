"""Lexicons and small text helpers shared by the event, proposal, deadline, position, claim and
forecast extractors.

The word lists live here, apart from the rules that use them, so that covering a new
negotiation means reading (and extending) a list rather than a regular expression. Nothing in
these lists names a person, outlet or document: they are ordinary English news vocabulary.

- ``context``  sentences, time mentions, actor mentions and evidence spans of a ``Context``
- ``events``   event triggers per type and status cues
- ``proposals`` proposal nouns, point counts, status cues
- ``deadlines`` deadline and status cues
- ``issues``   issue keywords and stance cues for positions
- ``numbers``  figures ("5,000", "$50 billion", "eight million") and claim units
"""
