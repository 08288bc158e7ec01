"""The command line through click's runner: exit codes, messages, files written."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from helpers import FIXTURES

from parley.cli import main

WIRE = str(FIXTURES / "ingest" / "wire.txt")


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_help_shows_examples():
    for cmd in ("ingest", "export", "ls", "stats", "extract", "show", "search", "extractors"):
        r = run(cmd, "--help")
        assert r.exit_code == 0, cmd
    assert "parley ingest demo/corpus --meta demo/demo.meta.json" in run("ingest", "--help").output


def test_ingest_summary_and_exit_codes(db_path: str, tmp_path: Path):
    r = run("ingest", WIRE, "--db", db_path, "--no-extract")
    assert r.exit_code == 0
    assert "1 added, 0 unchanged, 0 skipped" in r.stderr
    r = run("ingest", WIRE, "--db", db_path, "--no-extract")
    assert r.exit_code == 0 and "0 added, 1 unchanged, 0 skipped" in r.stderr
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    r = run("ingest", str(empty), str(tmp_path / "nope.txt"), "--db", db_path, "--no-extract")
    assert r.exit_code == 1
    assert f"skipped {empty}: empty file" in r.stderr
    assert "no such file or folder" in r.stderr
    assert "Traceback" not in r.output + r.stderr


def test_usage_errors_exit_2(db_path: str):
    assert run("ingest").exit_code == 2
    assert run("export", "--format", "xml", "--db", db_path).exit_code == 2
    run("ingest", WIRE, "--db", db_path, "--no-extract")
    r = run("export", "--format", "csv", "--db", db_path)
    assert r.exit_code == 2 and "needs -o" in r.stderr


def test_bad_sidecar_and_missing_store_are_one_line_errors(db_path: str, tmp_path: Path):
    bad = tmp_path / "m.json"
    bad.write_text("{not json")
    r = run("ingest", WIRE, "--db", db_path, "--meta", str(bad))
    assert r.exit_code == 1 and r.stderr.startswith("Error: --meta") and r.stderr.count("\n") == 1
    r = run("ls", "--db", str(tmp_path / "none.db"))
    assert r.exit_code == 1 and "no store at" in r.stderr


def test_export_ls_stats_show_search(db_path: str, tmp_path: Path):
    run("ingest", WIRE, "--db", db_path, "--no-extract")
    out = tmp_path / "e.json"
    assert run("export", "--db", db_path, "-o", str(out)).exit_code == 0
    data = json.loads(out.read_text())
    assert data["documents"][0]["text"] == Path(WIRE).read_text(encoding="utf-8")
    doc_id = data["documents"][0]["id"]
    r = run("ls", "--db", db_path, "--json")
    assert json.loads(r.output.splitlines()[0])["id"] == doc_id
    r = run("stats", "--db", db_path, "--json")
    assert json.loads(r.output)["documents"] == 1
    r = run("show", doc_id, "--db", db_path)
    assert r.exit_code == 0 and "Lindqvist" in r.output
    r = run("show", "doc_nope", "--db", db_path)
    assert r.exit_code == 1 and "no document 'doc_nope'" in r.stderr
    r = run("search", "Lindqvist", "--db", db_path)
    assert doc_id in r.output
    r = run("export", "--db", db_path, "--format", "jsonl")
    assert json.loads(r.output.splitlines()[0])["record"] == "document"


def test_extractors_lists_the_builtins():
    r = run("extractors")
    assert r.exit_code == 0 and "kind.rules.v1" in r.output


def test_a_missing_model_stops_the_batch_with_one_line(db_path: str, monkeypatch):
    """A broken installation is not 'every article skipped': it is one error, exit 1."""
    from parley.nlp import ModelNotFoundError
    from parley.pipeline import Extraction

    def no_model(self):
        raise ModelNotFoundError("No trained pipeline in /nowhere. Reinstall Parley.")

    monkeypatch.setattr(Extraction, "nlp", no_model)
    r = run("ingest", WIRE, "--db", db_path)
    assert r.exit_code == 1
    assert r.stderr == "Error: No trained pipeline in /nowhere. Reinstall Parley.\n"
