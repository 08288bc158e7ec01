"""Crash safety: a batch killed mid-way keeps every committed document and resumes."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

N = 40


def _count(db: Path) -> int:
    try:
        con = sqlite3.connect(db, timeout=5)
        try:
            return con.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            con.close()
    except sqlite3.OperationalError:
        return 0


def test_kill_mid_batch_then_resume(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(N):
        (corpus / f"{i:03d}.txt").write_text(
            f"Article {i}. Envoys from Calvaria and the Ostmark Union met in Brisa on day {i} of the talks.\n" * 20)
    db = tmp_path / "crash.db"
    cmd = [sys.executable, "-m", "parley.cli", "ingest", str(corpus), "--db", str(db), "--no-extract", "-q"]
    child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline and _count(db) < 3 and child.poll() is None:
        time.sleep(0.01)
    if child.poll() is None:
        os.kill(child.pid, signal.SIGKILL)
    child.wait()
    done = _count(db)
    assert done >= 1
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # every committed document is whole: its text is its file's text
    for source, text in con.execute("SELECT source, text FROM documents"):
        assert Path(source).read_text() == text
    fts = con.execute("SELECT count(*) FROM documents_fts").fetchone()[0]
    assert fts == done
    con.close()
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert f"{N - done} added, {done} unchanged, 0 skipped" in r.stderr
    assert _count(db) == N
