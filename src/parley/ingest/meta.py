"""The metadata sidecar: a JSON object mapping a file name (or URL) to
``{published, title, outlet, url, authors}``, supplied beside articles that do not carry it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from parley.errors import ConfigError
from parley.ingest.readers import RawArticle

FIELDS = ("published", "title", "outlet", "url", "authors")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def load_sidecar(path: str | None) -> dict[str, dict[str, Any]]:
    if not path:
        return {}
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        raise ConfigError(f"--meta {path}: no such file") from e
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"--meta {path}: cannot read: {e}") from e
    except json.JSONDecodeError as e:
        raise ConfigError(f"--meta {path}: invalid JSON at line {e.lineno}: {e.msg}") from e
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise ConfigError(f"--meta {path}: expected an object mapping file names to metadata objects")
    for key, entry in data.items():
        pub = entry.get("published")
        if pub is not None and not (isinstance(pub, str) and _ISO.match(pub[:10])):
            raise ConfigError(f"--meta {path}: {key}: published must be an ISO date (YYYY-MM-DD) or null")
    return data


def apply_sidecar(article: RawArticle, sidecar: dict[str, dict[str, Any]]) -> bool:
    """Fill the article's metadata from the sidecar (the sidecar wins); True when an entry matched."""
    entry = sidecar.get(article.key) or sidecar.get(article.source) or sidecar.get(Path(article.source).name)
    if entry is None and article.url:
        entry = sidecar.get(article.url)
    if entry is None:
        return False
    for name in FIELDS:
        if name not in entry:
            continue
        value = entry[name]
        if name == "authors":
            value = [value] if isinstance(value, str) else list(value or [])
        elif name == "published" and isinstance(value, str):
            value = value[:10]
        setattr(article, name, value)
    return True
