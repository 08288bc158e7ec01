"""Batch extraction on a Dask cluster (``dask.distributed``): the map half of ingest.

The driver reads inputs and writes the store; workers run the pure stages (clean, language,
NLP, time, extractors) on one article each, loading the language model once per worker
process. Results come back in input order, so a batch stores the same way with or without a
cluster. A ``LocalCluster`` of N processes is started when no scheduler address is given.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from functools import lru_cache

from parley.errors import ConfigError
from parley.ingest.readers import RawArticle
from parley.ingest.sources import Skip

IN_FLIGHT_PER_WORKER = 4  # articles queued per worker: keeps workers busy, bounds memory


@lru_cache(maxsize=4)
def _extraction(names: tuple[str, ...]):  # type: ignore[no-untyped-def]
    from parley.pipeline import Extraction

    return Extraction(names=list(names))


def _process(raw: RawArticle, names: tuple[str, ...]):  # type: ignore[no-untyped-def]
    from parley.ingest.run import process_article

    return process_article(raw, _extraction(names))


def _result(entry):  # type: ignore[no-untyped-def]
    return entry if isinstance(entry, Skip) else entry.result()


def process_on_cluster(items: Iterable[RawArticle | Skip], names: list[str], *, workers: int = 0,
                       scheduler: str | None = None) -> Iterator:
    """Yield ``Processed``/``Skip`` results for ``items``, in order, computed on the cluster."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as e:
        raise ConfigError("--workers/--scheduler need Dask: pip install 'parley[dask]'") from e
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    key = tuple(names)
    window = IN_FLIGHT_PER_WORKER * max(1, len(client.scheduler_info()["workers"]))
    pending: deque = deque()  # a sliding window: workers stay busy while the driver stores
    try:
        for item in items:
            pending.append(client.submit(_process, item, key, pure=False) if isinstance(item, RawArticle) else item)
            if len(pending) >= window:
                yield _result(pending.popleft())
        while pending:
            yield _result(pending.popleft())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
