"""Ingest: every input format, bad inputs with their reasons, sidecars and idempotency."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from helpers import FIXTURES

from parley.ingest.meta import load_sidecar
from parley.ingest.readers import RawArticle
from parley.ingest.run import ingest
from parley.ingest.sources import iter_articles, list_files

ING = FIXTURES / "ingest"


def articles(*inputs, **kw):
    return [a for a in iter_articles([str(i) for i in inputs], **kw)]


def test_txt_is_kept_exactly():
    (a,) = articles(ING / "wire.txt")
    assert isinstance(a, RawArticle)
    assert a.text == (ING / "wire.txt").read_text(encoding="utf-8")
    assert a.key == "wire.txt"


def test_html_goes_through_trafilatura_with_metadata():
    (a,) = articles(ING / "page.html")
    assert isinstance(a, RawArticle)
    assert "second round of talks in Brisa" in a.text
    assert "Sport" not in a.text.split("\n")  # navigation is not article text
    assert a.title and "Envoys agree" in a.title
    assert a.outlet == "The Harbour Ledger"
    assert a.authors == ["Mira Solberg"]
    assert a.published == "2026-04-03"


def test_json_with_html_and_metadata():
    (a,) = articles(ING / "item.json")
    assert "nine-point framework" in a.text
    assert a.published == "2026-04-08" and a.authors == ["Mira Solberg"] and a.outlet == "Harbour Ledger"


def test_jsonl_bad_lines_are_skipped_with_reasons_and_the_rest_goes_on():
    out = articles(ING / "items.jsonl")
    good = [a for a in out if isinstance(a, RawArticle)]
    bad = [a for a in out if not isinstance(a, RawArticle)]
    assert [a.title for a in good] == ["Ceasefire extended", "New sanctions"]
    assert good[0].published == "2026-04-06" and good[0].source.endswith("items.jsonl#1")
    assert len(bad) == 2
    assert bad[0].source.endswith("items.jsonl#3") and bad[0].reason.startswith("invalid JSON")
    assert bad[1].source.endswith("items.jsonl#4")
    assert bad[1].reason == "line 4: no non-empty 'text' or 'html' field"


def _mock_client(routes: dict[str, tuple[int, str, bytes]]) -> httpx.Client:
    def handler(request: httpx.Request) -> httpx.Response:
        url = str(request.url)
        if url not in routes:
            raise httpx.ConnectError("connection refused", request=request)
        status, ctype, body = routes[url]
        return httpx.Response(status, headers={"content-type": ctype}, content=body)

    from parley.ingest.fetch import make_client

    return make_client(transport=httpx.MockTransport(handler))


TEASER_PAGE = (b"<html><body><article><p>" + b"The teaser's full article says that the envoys will meet "
               b"again in Brisa before the end of the month to discuss a prisoner exchange. " * 3
               + b"</p></article></body></html>")


def test_feed_items_by_content_or_by_link():
    client = _mock_client({"https://example.org/teaser": (200, "text/html; charset=utf-8", TEASER_PAGE)})
    out = articles(ING / "feed.xml", client=client)
    assert all(isinstance(a, RawArticle) for a in out), out
    first, second = out
    assert "lakeside town of Brisa" in first.text
    assert first.published == "2026-04-03" and first.title == "Brisa talks end without communiqué"
    assert "prisoner exchange" in second.text and second.url == "https://example.org/teaser"


def test_urls_html_plain_bad_type_status_and_unreachable():
    page = (ING / "page.html").read_bytes()
    client = _mock_client({
        "https://news.test/a": (200, "text/html", page),
        "https://news.test/b.txt": (200, "text/plain", b"Plain text article about Brisa talks, long enough to keep."),
        "https://news.test/img": (200, "image/png", b"\x89PNG...."),
        "https://news.test/gone": (404, "text/html", b"not found"),
    })
    out = articles("https://news.test/a", "https://news.test/b.txt", "https://news.test/img",
                   "https://news.test/gone", "https://unreachable.test/x", client=client)
    assert isinstance(out[0], RawArticle) and out[0].source == "https://news.test/a"
    assert isinstance(out[1], RawArticle) and out[1].text.startswith("Plain text")
    assert out[2].reason == "not an article: content type image/png"
    assert out[3].reason == "HTTP 404 from https://news.test/gone"
    assert out[4].reason.startswith("cannot fetch https://unreachable.test/x")


def test_url_over_size_limit():
    client = _mock_client({"https://news.test/big": (200, "text/html", b"<p>" + b"x" * 5000 + b"</p>")})
    (skip,) = articles("https://news.test/big", client=client, max_bytes=1000)
    assert "over the 1,000-byte limit" in skip.reason


@pytest.mark.parametrize("content,reason", [
    (b"", "empty file"),
    (b"   \n\t\n", "empty file"),
    (b"\x00\x01\x02\x03binary\x00data", "binary file"),
    (b"Caf\xe9 talks in Orvane resumed on Monday.", "not UTF-8 (byte 0xe9 at offset 3)"),
])
def test_bad_files_get_one_line_reasons(tmp_path: Path, content: bytes, reason: str):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    (skip,) = articles(f)
    assert reason in skip.reason and "\n" not in skip.reason


def test_utf16_with_bom_and_utf8_bom_are_decoded(tmp_path: Path):
    (tmp_path / "a.txt").write_bytes("Talks resumed in Brisa.".encode("utf-16"))
    (tmp_path / "b.txt").write_bytes("\ufeffTalks resumed in Orvane.".encode("utf-8"))
    a, b = articles(tmp_path / "a.txt", tmp_path / "b.txt")
    assert a.text == "Talks resumed in Brisa." and b.text == "Talks resumed in Orvane."


def test_too_large_missing_and_malformed_html(tmp_path: Path):
    big = tmp_path / "big.txt"
    big.write_text("word " * 1000)
    bad_html = tmp_path / "broken.html"
    bad_html.write_text("<html><body><nav><a href='/'>Home</a></nav><script>var x=1;</script>")
    out = articles(big, tmp_path / "missing.txt", bad_html, max_bytes=100)
    assert "over the 100-byte limit" in out[0].reason
    assert out[1].reason == "no such file or folder"
    assert "no article text found" in out[2].reason


def test_folders_are_recursive_sorted_and_skip_sidecars(tmp_path: Path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("b")
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / "x.meta.json").write_text("{}")
    (tmp_path / "notes.docx").write_bytes(b"PK")
    (tmp_path / ".hidden.txt").write_text("h")
    assert [p.name for p in list_files(tmp_path)] == ["a.txt", "b.txt"]
    empty = tmp_path / "empty"
    empty.mkdir()
    (skip,) = articles(empty)
    assert "folder holds no" in skip.reason


def test_sidecar_validation(tmp_path: Path):
    from parley.errors import ConfigError

    bad = tmp_path / "m.json"
    bad.write_text(json.dumps({"a.txt": {"published": "3 March"}}))
    with pytest.raises(ConfigError, match="published must be an ISO date"):
        load_sidecar(str(bad))
    bad.write_text("[1, 2]")
    with pytest.raises(ConfigError, match="expected an object"):
        load_sidecar(str(bad))
    with pytest.raises(ConfigError, match="no such file"):
        load_sidecar(str(tmp_path / "none.json"))


def test_ingest_is_idempotent_and_applies_the_sidecar(store, no_extract, tmp_path: Path):
    meta = tmp_path / "m.json"
    meta.write_text(json.dumps({"wire.txt": {"published": "2026-04-02", "outlet": "Tidewater Wire",
                                             "title": "Brisa talks", "authors": ["Ansel Morrow"]}}))
    sidecar = load_sidecar(str(meta))
    offline = _mock_client({})  # the feed's teaser item links to a page: unreachable here
    first = ingest([str(ING)], store, sidecar=sidecar, extraction=no_extract, client=offline)
    assert len(first.added) == 6 and first.unchanged == []  # wire, page, item, 2 jsonl, feed item 1
    reasons = sorted(s.reason for s in first.skipped)
    assert len(reasons) == 3 and any("invalid JSON" in r for r in reasons)
    assert any(r.startswith("cannot fetch https://example.org/teaser") for r in reasons)
    before = store.stats()
    second = ingest([str(ING)], store, sidecar=sidecar, extraction=no_extract, client=offline)
    assert second.added == [] and len(second.unchanged) == 6
    after = store.stats()
    assert after["documents"] == before["documents"] == 6
    wire = next(d for d in store.iter_documents() if d.source.endswith("wire.txt"))
    assert wire.text == (ING / "wire.txt").read_text(encoding="utf-8")
    assert (wire.published, wire.outlet, wire.authors) == ("2026-04-02", "Tidewater Wire", ["Ansel Morrow"])
    assert wire.published_inferred is False
    assert wire.language == "en"


def test_dask_local_cluster_gives_the_same_store_as_one_process(tmp_path: Path, no_extract):
    """The map over a Dask LocalCluster stores exactly what the single-process path stores."""
    from parley.store import Store

    corpus = tmp_path / "c"
    corpus.mkdir()
    for i in range(6):
        (corpus / f"{i}.txt").write_text(f"Report {i}: envoys of Calvaria met in Brisa on day {i}.\n" * 5)
    (corpus / "dup.txt").write_text((corpus / "0.txt").read_text())  # same text twice in one batch
    (corpus / "bad.txt").write_bytes(b"\x00\x01binary")
    results = {}
    for mode, kw in {"single": {}, "dask": {"workers": 2}}.items():
        with Store.open(str(tmp_path / f"{mode}.db")) as s:
            summary = ingest([str(corpus)], s, extraction=no_extract, **kw)
            assert (len(summary.added), len(summary.unchanged), len(summary.skipped)) == (6, 1, 1)
            results[mode] = [(d.id, d.text, d.noise, d.language) for d in s.iter_documents()]
    assert sorted(results["single"]) == sorted(results["dask"])


@pytest.mark.slow
def test_articles_parsed_in_batches_give_the_records_of_one_by_one(monkeypatch):
    """Batching the parse (nlp.pipe) is only faster: every record is the same."""
    from helpers import ROOT

    import parley.ingest.run as run
    from parley.pipeline import Extraction

    files = sorted((ROOT / "demo" / "corpus").glob("0*.txt"))[:5]
    raws = [RawArticle(source=str(f), text=f.read_text(encoding="utf-8"), key=f.name, published="2026-03-04")
            for f in files]
    extraction = Extraction()
    outputs = []
    for size in (1, run.BATCH):
        monkeypatch.setattr(run, "BATCH", size)
        out = list(run._in_batches(iter(raws), extraction))
        outputs.append([[r.to_dict() for r in p.records] for p in out])
    assert outputs[0] == outputs[1] and sum(map(len, outputs[0])) > 20
