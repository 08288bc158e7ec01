"""The timeline (order, filters, JSON dates) and the brief (every sentence cited, sources resolve,
HTML escaped), through the functions and through the CLI."""

from __future__ import annotations

import json
import re

import world
from click.testing import CliRunner

from parley.brief import build_brief
from parley.cli import main
from parley.resolve import rebuild
from parley.resolve.timeline import timeline


def test_timeline_in_date_order_with_sources(world_store):
    items = timeline(world_store)
    starts = [i["date"]["start"] for i in items if i.get("date")]
    assert starts == sorted(starts)
    assert all(set(i["date"]) == {"start", "end", "precision", "text"} for i in items if i.get("date"))
    first = next(i for i in items if i["type"] == "meeting" and i["date"]["start"] == "2026-03-03")
    assert first["sources"] == 4 and "Mira Halvorsen" in first["participant_names"]


def test_undated_events_come_last(store):
    world.ARTICLES["u1"] = {"published": "2026-03-08", "outlet": "Vell Courier", "title": "Undated",
                            "text": "Envoys of Orlan and Kestria have met at some point, officials said."}
    try:
        for doc_id in world.ARTICLES:
            recs = None if doc_id != "u1" else {"events": [world.event(
                "u1", 1, "meeting", "occurred", None, None, [], "Envoys of Orlan and Kestria have met at some point")]}
            world.add(store, doc_id, recs)
    finally:
        del world.ARTICLES["u1"]
    rebuild(store)
    items = timeline(store)
    assert items[-1].get("date") is None
    assert all(i.get("date") for i in items[:-1])


def test_timeline_filters(world_store):
    assert {i["type"] for i in timeline(world_store, type="summit")} == {"summit"}
    by_actor = timeline(world_store, actor="Brannick")
    assert len(by_actor) == 1 and by_actor[0]["date"]["start"] == "2026-03-03"
    assert [i["date"]["start"] for i in timeline(world_store, since="2026-03-10", until="2026-03-31")] == ["2026-03-17"]
    # the transliteration reaches the same person
    assert len(timeline(world_store, actor="Dmitry Solvak")) == len(timeline(world_store, actor="Dmitri Solvak")) == 3
    assert len(timeline(world_store, actor="Solvack")) == 3


def _check_citations(md: str) -> None:
    body, sources = md.split("## Sources")
    listed = {int(n) for n in re.findall(r"^\[(\d+)\] ", sources, re.M)}
    assert listed == set(range(1, len(listed) + 1))
    for line in body.splitlines():
        if line.startswith("- "):
            cites = re.findall(r"\[(\d+)\]$|\[(\d+)\](?=\[)", line)
            nums = {int(a or b) for a, b in cites}
            assert nums, f"sentence without a source: {line}"
            assert nums <= listed
        else:
            assert line == "" or line.startswith("#"), f"text outside a cited sentence: {line}"


def test_brief_every_sentence_cited(world_store):
    b = build_brief(world_store, since=None, about=None)
    md = b.to_markdown()
    _check_citations(md)
    titles = [s.title for s in b.sections]
    assert titles[:2] == ["Key actors and roles", "What happened"]
    assert {"Proposals on the table", "Deadlines", "Reversals", "Figures and facts in dispute"} <= set(titles)
    assert "[1] Vell Courier, 2026-03-04, Ministers meet in Vell" in md
    assert "revises the 14-point plan" in md


def test_brief_since_and_about(world_store):
    md = build_brief(world_store, since="2026-03-10", about=None).to_markdown()
    _check_citations(md)
    assert "2026-03-17" in md and "On 2026-03-03" not in md
    about = build_brief(world_store, since=None, about="Brannick").to_markdown()
    _check_citations(about)
    assert "Teodor Brannick" in about and "2026-03-17" not in about


def test_brief_html_is_escaped(store):
    recs = world.mentions()["a1"]
    hostile = "<script>alert(1)</script>"
    world.ARTICLES["x9"] = {"published": "2026-03-06", "outlet": "<b>Evil</b>", "title": hostile,
                            "text": f"Kestria said {hostile} loudly."}
    try:
        world.add(store, "a1", recs)
        world.add(store, "x9", {"actors": [world.actor("x9", "Kestria", "state")],
                                "statements": [{"id": "s9", "speaker": world.aid("x9", "Kestria"), "quote": hostile,
                                                "kind": "direct", "date": None, "evidence": [world.ev("x9", hostile)]}]})
        rebuild(store)
        page = build_brief(store, since=None, about=None).to_html()
    finally:
        del world.ARTICLES["x9"]
    assert "<script>" not in page and "&lt;script&gt;" in page and "<b>Evil" not in page
    for n in re.findall(r'href="#src-(\d+)"', page):
        assert f'id="src-{n}"' in page


def test_cli_timeline_and_brief(world_store, db_path):
    runner = CliRunner()
    res = runner.invoke(main, ["timeline", "--db", db_path, "--format", "json"], catch_exceptions=False)
    assert res.exit_code == 0
    items = json.loads(res.output)
    assert [i["date"]["start"] for i in items] == sorted(i["date"]["start"] for i in items)
    res = runner.invoke(main, ["timeline", "--db", db_path], catch_exceptions=False)
    assert res.exit_code == 0 and "Vell" in res.output
    res = runner.invoke(main, ["brief", "--db", db_path], catch_exceptions=False)
    assert res.exit_code == 0
    _check_citations(res.output)
