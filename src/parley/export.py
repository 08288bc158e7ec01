"""The record export (``spec/EXPORT.md``): JSON, JSONL or CSV.

JSON is one object with a list per record type; JSONL is one record a line with a ``record``
field naming its type; CSV is one file per record type (nested values as JSON), into a folder
or a ``.zip``.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from parley.models import RECORD_KINDS
from parley.store import Store

EXPORT_VERSION = 1
FORMATS = ("json", "jsonl", "csv")
# Lists the resolver derives across documents, exported beside the contract's record types.
DERIVED_KINDS = ("reversals", "contradictions")
EXPORTED_KINDS = (*RECORD_KINDS, *DERIVED_KINDS)
SINGULAR = {"documents": "document", "actors": "actor", "events": "event", "statements": "statement",
            "proposals": "proposal", "deadlines": "deadline", "positions": "position", "claims": "claim",
            "predictions": "prediction", "reversals": "reversal", "contradictions": "contradiction"}


def build(store: Store) -> dict[str, Any]:
    """The whole export as one dict."""
    out: dict[str, Any] = {"version": EXPORT_VERSION,
                           "documents": [d.to_dict() for d in store.iter_documents()]}
    for kind in EXPORTED_KINDS:
        out[kind] = store.records(kind)
    return out


def iter_lines(store: Store) -> Iterator[dict[str, Any]]:
    for d in store.iter_documents():
        yield {"record": "document", **d.to_dict()}
    for kind in EXPORTED_KINDS:
        for r in store.records(kind):
            yield {"record": SINGULAR[kind], **r}


def write_json(store: Store, fh: TextIO) -> None:
    json.dump(build(store), fh, ensure_ascii=False, indent=1)
    fh.write("\n")


def write_jsonl(store: Store, fh: TextIO) -> None:
    for row in iter_lines(store):
        fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def _csv_text(rows: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    fields: list[str] = []
    for r in rows:
        fields.extend(k for k in r if k not in fields)
    writer = csv.DictWriter(buf, fieldnames=fields or ["id"])
    writer.writeheader()
    for r in rows:
        writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v
                         for k, v in r.items()})
    return buf.getvalue()


def write_csv(store: Store, target: Path) -> list[str]:
    """One CSV per record type into ``target`` (a folder, or a ``.zip`` file); returns the names."""
    data = build(store)
    files = {f"{kind}.csv": _csv_text(data[kind]) for kind in ("documents", *EXPORTED_KINDS)}
    if target.suffix.lower() == ".zip":
        tmp = target.with_name(target.name + ".part")
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for name, body in files.items():
                zf.writestr(name, body)
        tmp.replace(target)
    else:
        target.mkdir(parents=True, exist_ok=True)
        for name, body in files.items():
            (target / name).write_text(body, encoding="utf-8", newline="")
    return sorted(files)
