"""The store's tables and their migrations.

Tables are SQLAlchemy Core, so the same schema runs on SQLite (the default) and PostgreSQL.
Full-text search is dialect-specific (FTS5 on SQLite) and lives in ``search.py``.

A migration is a function of a connection; ``MIGRATIONS[n]`` moves a store from version n to
n + 1. The version is kept in ``parley_meta``; ``migrate`` runs what is missing in one
transaction, so a store is never left half-migrated.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    select,
    text,
)

metadata = MetaData()

parley_meta = Table(
    "parley_meta", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

documents = Table(
    "documents", metadata,
    Column("id", String(32), primary_key=True),
    Column("hash", String(64), nullable=False, unique=True),
    Column("source", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("title", Text),
    Column("url", Text),
    Column("outlet", Text),
    Column("authors", Text, nullable=False, default="[]"),  # JSON list
    Column("published", String(10)),
    Column("published_inferred", Boolean, nullable=False, default=False),
    Column("kind", String(16), nullable=False, default="unknown"),
    Column("kind_cues", Text, nullable=False, default="[]"),  # JSON list
    Column("language", String(8)),
    Column("noise", Text, nullable=False, default="[]"),  # JSON [[start, end, reason]]
    Column("minhash", Text),  # JSON list of ints, for near-duplicate checks
    Column("extracted_with", Text),  # the extractor names and versions last run on it
    Column("added_at", String(32), nullable=False),
)
Index("ix_documents_published", documents.c.published)

# LSH band keys of each document's MinHash: candidates for near-duplicates in one indexed lookup.
doc_bands = Table(
    "doc_bands", metadata,
    Column("band", String(40), nullable=False),
    Column("doc_id", String(32), nullable=False),
)
Index("ix_doc_bands_band", doc_bands.c.band)
Index("ix_doc_bands_doc", doc_bands.c.doc_id)

doc_links = Table(
    "doc_links", metadata,
    Column("doc_id", String(32), primary_key=True),
    Column("other_id", String(32), primary_key=True),
    Column("similarity", Float, nullable=False),
    Column("reason", String(32), nullable=False, default="near_duplicate"),
)

# What each document's extractors produced: records local to one document.
mentions = Table(
    "mentions", metadata,
    Column("id", String(40), primary_key=True),
    Column("doc_id", String(32), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("extractor", String(64)),
    Column("data", Text, nullable=False),  # JSON, the record's export shape
)
Index("ix_mentions_doc", mentions.c.doc_id)
Index("ix_mentions_kind", mentions.c.kind)

# The resolved records (one per real-world fact), which the export and the API serve.
records = Table(
    "records", metadata,
    Column("id", String(40), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("data", Text, nullable=False),  # JSON, the record's export shape
    Column("sort_key", String(32)),  # a date for timelines, else null
)
Index("ix_records_kind", records.c.kind)

# Which documents each resolved record draws on, so adding a document touches only its records.
record_docs = Table(
    "record_docs", metadata,
    Column("record_id", String(40), primary_key=True),
    Column("doc_id", String(32), primary_key=True),
)
Index("ix_record_docs_doc", record_docs.c.doc_id)

skips = Table(
    "skips", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("at", String(32), nullable=False),
)

SCHEMA_VERSION = 2


def _v0_to_v1(conn: Connection) -> None:
    metadata.create_all(conn)
    if conn.dialect.name == "sqlite":
        conn.execute(text(
            "CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5("
            "doc_id UNINDEXED, title, text, tokenize = 'unicode61 remove_diacritics 2')"
        ))
        conn.execute(text(
            "CREATE VIRTUAL TABLE IF NOT EXISTS statements_fts USING fts5("
            "record_id UNINDEXED, quote, tokenize = 'unicode61 remove_diacritics 2')"
        ))
    elif conn.dialect.name == "postgresql":
        conn.execute(text(
            "CREATE INDEX IF NOT EXISTS ix_documents_tsv ON documents "
            "USING gin (to_tsvector('english', coalesce(title, '') || ' ' || text))"
        ))


def _v1_to_v2(conn: Connection) -> None:
    # filtered, date-ordered record lists (timeline, API lists) read this index, not the JSON
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_records_kind_sort ON records (kind, sort_key, id)"))


MIGRATIONS: list[Callable[[Connection], None]] = [_v0_to_v1, _v1_to_v2]


def current_version(conn: Connection) -> int:
    if not conn.dialect.has_table(conn, "parley_meta"):
        return 0
    row = conn.execute(select(parley_meta.c.value).where(parley_meta.c.key == "schema_version")).first()
    return int(row[0]) if row else 0


def migrate(conn: Connection) -> int:
    """Bring the store to ``SCHEMA_VERSION``; returns the version it was at."""
    found = current_version(conn)
    if found > SCHEMA_VERSION:
        from parley.errors import StoreError

        raise StoreError(
            f"this store has schema version {found}, newer than this Parley ({SCHEMA_VERSION}): upgrade Parley"
        )
    for version in range(found, SCHEMA_VERSION):
        MIGRATIONS[version](conn)
    if found != SCHEMA_VERSION:
        conn.execute(parley_meta.delete().where(parley_meta.c.key == "schema_version"))
        conn.execute(parley_meta.insert().values(key="schema_version", value=str(SCHEMA_VERSION)))
    return found
