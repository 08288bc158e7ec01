"""Synthetic fictional news articles for benchmarks: invented states, people and places,
varied sentences, roughly the length of a real article. Deterministic for a given seed."""

from __future__ import annotations

import random

STATES = ["Calvaria", "the Ostmark Union", "Veridia", "Norland", "Astoria", "Pellan", "Quarro", "Sudmark"]
CAPITALS = ["Orvane", "Kessel", "Varn", "Tolle", "Meridan", "Pell", "Quarrow", "Sund"]
PEOPLE = ["Petra Lindqvist", "Corin Vale", "Anselm Dorr", "Mira Solberg", "Tomas Brand", "Ilse Maren",
          "Rafael Ostrov", "Jonna Ekberg", "Lev Arkadin", "Nadia Ferro", "Otto Quist", "Selma Haag"]
TITLES = ["Foreign Minister", "President", "envoy", "Defence Minister", "Prime Minister", "chief negotiator"]
PLACES = ["Brisa", "Lake Onda", "Port Anselm", "Carrow", "the Hollin Palace", "Geneva-on-Sound"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]

TEMPLATES = [
    "{t1} {p1} met {t2} {p2} in {place} on {day}, the {ord} round of talks since the clashes began.",
    "“We are not there yet, but the door is open,” {p1} told reporters after the session in {place}.",
    "{s1} presented a {n}-point plan that would freeze the front line and create a demilitarised zone.",
    "According to officials in {c1}, more than {big:,} people have been displaced since {month}.",
    "{p2} said that {s2} would answer the proposal within {k} days.",
    "The two sides agreed to hold a phone call by the end of {month}, {p1}'s office said.",
    "A summit planned for {day} in {place} was called off after {s1} rejected the draft memorandum.",
    "Analysts say the talks have stalled over the status of the border province and sanctions relief.",
    "{s2} imposed new sanctions on {k} shipping firms, its trade commissioner announced on {day}.",
    "Officials estimate that {k},000 soldiers have died, and reconstruction could cost ${n} billion.",
    "{t2} {p2}, who leads the delegation, insisted that any ceasefire must include security guarantees.",
    "The ceasefire, which took effect on {day}, has largely held despite shelling near {c2}.",
]


def article(rng: random.Random, words: int = 800) -> str:
    """One synthetic article of about ``words`` words, one paragraph per line."""
    lines: list[str] = [f"{rng.choice(CAPITALS).upper()}, {rng.choice(MONTHS)} {rng.randint(1, 28)} "
                        f"(Tidewater Wire) — Talks between {rng.choice(STATES)} and {rng.choice(STATES)} resumed."]
    count = len(lines[0].split())
    while count < words:
        p1, p2 = rng.sample(PEOPLE, 2)
        s1, s2 = rng.sample(STATES, 2)
        c1, c2 = rng.sample(CAPITALS, 2)
        sentence = rng.choice(TEMPLATES).format(
            p1=p1, p2=p2, s1=s1, s2=s2, c1=c1, c2=c2, t1=rng.choice(TITLES), t2=rng.choice(TITLES),
            place=rng.choice(PLACES), day=rng.choice(DAYS), month=rng.choice(MONTHS),
            ord=rng.choice(["second", "third", "fourth"]), n=rng.randint(5, 30), k=rng.randint(2, 60),
            big=rng.randint(10, 900) * 1000)
        sentence = sentence[0].upper() + sentence[1:]
        lines.append(sentence)
        count += len(sentence.split())
    lines.append(f"Serial {rng.getrandbits(64):016x}.")  # every article distinct
    return "\n".join(lines) + "\n"
