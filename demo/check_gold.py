#!/usr/bin/env python3
"""Check the demo gold annotation against the demo corpus and its metadata sidecar.

    python demo/check_gold.py [--gold demo/gold.json] [--corpus demo/corpus] [--meta demo/demo.meta.json]

Verifies that:
  * every noise line and every line of a duplicate pair is an exact line of its .txt file
    (an .html file must have no noise lines: they depend on the extracted text);
  * every statement quote occurs in its document (for .html, in the text between the tags);
  * every actor named by an event, statement, proposal or deadline exists in `actors`,
    by name or alias (compared as the scorer compares names);
  * every document named anywhere in the gold exists in the sidecar and in the corpus folder,
    and every .txt/.html file of the corpus is annotated;
  * dates, kinds, event types and statuses are well formed and from the export vocabulary;
  * the .jsonl and .json items carry the metadata fields they need.
Claim values that cannot be found as digits in their document are reported as warnings only
(a value may be written in words, e.g. "fifty minutes").

Standard library only. Exit status 0 when there is no error, 1 otherwise.
"""
from __future__ import annotations

import argparse
import html
import json
import re
import sys
import unicodedata
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = {"report", "analysis", "opinion", "transcript", "statement", "unknown"}
EVENT_TYPES = {"meeting", "summit", "call", "talks", "agreement", "sanction", "attack", "ceasefire",
               "deployment", "other"}
EVENT_STATUSES = {"occurred", "planned", "cancelled", "postponed", "proposed", "rejected", "unknown"}
DEADLINE_STATUSES = {"pending", "met", "missed", "abandoned", "extended", "unknown"}
ACTOR_TYPES = {"person", "organization", "state", "group"}
ITEM_FIELDS = ("title", "outlet", "published", "url")


def norm(s: str | None) -> str:
    """Normalise a name the way eval/score.py does, so that 'the Council' matches 'Council'."""
    if not s:
        return ""
    s = unicodedata.normalize("NFKD", s).replace("’", "'").replace("‘", "'")
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"[^\w\s'+-]", " ", s)
    s = re.sub(r"^(the|dr|mr|mrs|ms)\s+", "", s.strip())
    return re.sub(r"\s+", " ", s).strip()


class _TextOfHtml(HTMLParser):
    """Collect the text of an HTML page outside <script>, <style> and <head>."""

    SKIP = {"script", "style", "head"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.depth += 1

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if not self.depth:
            self.parts.append(data)


def html_text(markup: str) -> str:
    """The visible text of an HTML page, whitespace collapsed (an approximation of what an extractor keeps)."""
    p = _TextOfHtml()
    p.feed(markup)
    return re.sub(r"\s+", " ", html.unescape(" ".join(p.parts))).strip()


def valid_window(w) -> bool:
    """A date window is null or [first, last] of ISO dates with first <= last."""
    if w is None:
        return True
    try:
        a, b = (date.fromisoformat(x) for x in w)
    except (TypeError, ValueError):
        return False
    return len(w) == 2 and a <= b


def number_forms(value: float) -> list[str]:
    """Ways a figure is commonly written in news text: 38,000 / 38000 / 1.3 million / 4.2 billion."""
    forms = []
    if float(value).is_integer():
        n = int(value)
        forms += [f"{n:,}", str(n), f"{n:,}".replace(",", " ")]
        for word, scale in (("billion", 10**9), ("million", 10**6)):
            if n >= scale:
                forms.append(f"{n / scale:g} {word}")
    else:
        forms.append(f"{value:g}")
    return forms


class Checker:
    def __init__(self, gold: dict, corpus: Path, meta: dict):
        self.gold, self.corpus, self.meta = gold, corpus, meta
        self.errors: list[str] = []
        self.warnings: list[str] = []
        self._texts: dict[str, str] = {}
        names = {}
        for a in gold.get("actors", []):
            for n in [a.get("name")] + list(a.get("aliases") or []):
                names.setdefault(norm(n), a.get("name"))
        self.actor_names = names

    def error(self, msg: str) -> None:
        self.errors.append(msg)

    def text(self, doc: str) -> str:
        """The searchable text of a corpus file ('' when it is missing)."""
        if doc not in self._texts:
            path = self.corpus / doc
            raw = path.read_text(encoding="utf-8") if path.is_file() else ""
            self._texts[doc] = html_text(raw) if doc.endswith(".html") else raw
        return self._texts[doc]

    def check_doc_key(self, doc: str, where: str) -> None:
        if doc not in self.meta:
            self.error(f"{where}: document {doc!r} is not in the sidecar")
        if not (self.corpus / doc).is_file():
            self.error(f"{where}: document {doc!r} is not in {self.corpus}")
        if doc not in self.gold.get("documents", {}):
            self.error(f"{where}: document {doc!r} is not in gold documents")

    def check_actor(self, name, where: str) -> None:
        if name is None:
            return
        if norm(name) not in self.actor_names:
            self.error(f"{where}: actor {name!r} is not in actors (by name or alias)")

    def run(self) -> None:
        self.check_documents()
        self.check_actors()
        self.check_events()
        self.check_statements()
        self.check_proposals()
        self.check_deadlines()
        self.check_claims()
        self.check_items()

    def check_documents(self) -> None:
        docs = self.gold.get("documents", {})
        on_disk = {p.name for p in self.corpus.iterdir() if p.suffix in (".txt", ".html")}
        for missing in sorted(on_disk - set(docs)):
            self.error(f"documents: corpus file {missing!r} is not annotated")
        for doc, g in docs.items():
            self.check_doc_key(doc, "documents")
            if not set(g.get("kind") or []) <= KINDS or not g.get("kind"):
                self.error(f"documents[{doc}]: bad kind {g.get('kind')!r}")
            if doc in self.meta and self.meta[doc].get("published") != g.get("published"):
                self.error(f"documents[{doc}]: published {g.get('published')!r} differs from the sidecar")
            if doc.endswith(".html"):
                if g.get("noise_lines") or g.get("duplicate_pairs"):
                    self.error(f"documents[{doc}]: an .html file must have no noise lines")
                continue
            lines = set(self.text(doc).split("\n"))
            for line in g.get("noise_lines") or []:
                if line not in lines:
                    self.error(f"documents[{doc}]: noise line is not an exact line: {line[:70]!r}")
            for pair in g.get("duplicate_pairs") or []:
                if len(pair) != 2:
                    self.error(f"documents[{doc}]: duplicate pair must have two lines")
                for line in pair:
                    if line not in lines:
                        self.error(f"documents[{doc}]: duplicate-pair line is not an exact line: {line[:70]!r}")

    def check_actors(self) -> None:
        seen: dict[str, str] = {}
        for a in self.gold.get("actors", []):
            if a.get("type") not in ACTOR_TYPES:
                self.error(f"actors[{a.get('name')}]: bad type {a.get('type')!r}")
            for n in [a.get("name")] + list(a.get("aliases") or []):
                other = seen.setdefault(norm(n), a.get("name"))
                if other != a.get("name"):
                    self.error(f"actors: name {n!r} is used by both {other!r} and {a.get('name')!r}")

    def check_events(self) -> None:
        for i, e in enumerate(self.gold.get("events", [])):
            where = f"events[{i}] ({e.get('note') or e.get('type')})"
            if e.get("type") not in EVENT_TYPES:
                self.error(f"{where}: bad type {e.get('type')!r}")
            if not set(e.get("status") or []) <= EVENT_STATUSES:
                self.error(f"{where}: bad status {e.get('status')!r}")
            if not valid_window(e.get("date")):
                self.error(f"{where}: bad date window {e.get('date')!r}")
            for p in e.get("participants") or []:
                self.check_actor(p, where)
            for d in e.get("docs") or []:
                self.check_doc_key(d, where)
            for place in e.get("place") or []:
                if not any(place in self.text(d) for d in e.get("docs") or []):
                    self.warnings.append(f"{where}: place {place!r} does not occur in its documents")

    def check_statements(self) -> None:
        for i, s in enumerate(self.gold.get("statements", [])):
            where = f"statements[{i}] ({s.get('doc')})"
            self.check_doc_key(s.get("doc"), where)
            self.check_actor(s.get("speaker"), where)
            quote = s.get("quote") or ""
            text = self.text(s.get("doc"))
            if s.get("doc", "").endswith(".html"):
                quote = re.sub(r"\s+", " ", quote)
            if not quote or quote not in text:
                self.error(f"{where}: quote does not occur in the document: {quote[:70]!r}")

    def check_proposals(self) -> None:
        for i, p in enumerate(self.gold.get("proposals", [])):
            where = f"proposals[{i}] ({p.get('name')})"
            for a in p.get("authors") or []:
                self.check_actor(a, where)
            for d in p.get("docs") or []:
                self.check_doc_key(d, where)
                low = self.text(d).lower()
                if not any(k.lower() in low for k in p.get("keywords") or []):
                    self.error(f"{where}: no keyword occurs in {d!r}")

    def check_deadlines(self) -> None:
        for i, d in enumerate(self.gold.get("deadlines", [])):
            where = f"deadlines[{i}] ({d.get('note')})"
            self.check_actor(d.get("set_by"), where)
            self.check_actor(d.get("addressee"), where)
            if not valid_window(d.get("due")):
                self.error(f"{where}: bad due window {d.get('due')!r}")
            if not set(d.get("status") or []) <= DEADLINE_STATUSES:
                self.error(f"{where}: bad status {d.get('status')!r}")
            for doc in d.get("docs") or []:
                self.check_doc_key(doc, where)

    def check_claims(self) -> None:
        for i, c in enumerate(self.gold.get("claims", [])):
            where = f"claims[{i}] ({c.get('doc')}, {c.get('unit')})"
            self.check_doc_key(c.get("doc"), where)
            if not isinstance(c.get("value"), (int, float)):
                self.error(f"{where}: value is not a number")
                continue
            text = self.text(c.get("doc"))
            if not any(re.search(r"(?<![\d.,])" + re.escape(f) + r"(?![\d]|,\d)", text) for f in number_forms(c["value"])):
                self.warnings.append(f"{where}: value {c['value']} not found as digits in the document")

    def check_items(self) -> None:
        """The .jsonl/.json inputs carry their own metadata; check that it is complete."""
        for path in sorted(self.corpus.glob("*.jsonl")):
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if line.strip():
                    self._check_item(json.loads(line), f"{path.name}:{n}", "text")
        for path in sorted(self.corpus.glob("*.json")):
            self._check_item(json.loads(path.read_text(encoding="utf-8")), path.name, "html")

    def _check_item(self, item: dict, where: str, body: str) -> None:
        for field in (body,) + ITEM_FIELDS:
            if field not in item:
                self.error(f"{where}: missing field {field!r}")
        if item.get("published") is not None:
            try:
                date.fromisoformat(item["published"])
            except (TypeError, ValueError):
                self.error(f"{where}: published is not an ISO date")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=HERE / "gold.json")
    ap.add_argument("--corpus", type=Path, default=HERE / "corpus")
    ap.add_argument("--meta", type=Path, default=HERE / "demo.meta.json")
    a = ap.parse_args(argv)
    try:
        gold = json.loads(a.gold.read_text(encoding="utf-8"))
        meta = json.loads(a.meta.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        print(f"check_gold: cannot read input: {e}", file=sys.stderr)
        return 2
    c = Checker(gold, a.corpus, meta)
    c.run()
    for w in c.warnings:
        print(f"warning: {w}")
    for e in c.errors:
        print(f"error: {e}")
    counts = ", ".join(f"{len(gold.get(k) or [])} {k}" for k in
                       ("documents", "actors", "events", "statements", "proposals", "deadlines", "claims"))
    print(f"{'FAILED' if c.errors else 'OK'}: {len(c.errors)} errors, {len(c.warnings)} warnings ({counts})")
    return 1 if c.errors else 0


if __name__ == "__main__":
    sys.exit(main())
