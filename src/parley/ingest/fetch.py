"""Fetching URLs with httpx: timeouts, a size limit, bounded redirects and a content-type check."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from parley import __version__
from parley.errors import FetchError, TooLarge

USER_AGENT = f"parley/{__version__} (+news negotiation tracker)"
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml",
              "application/rdf+xml", "application/feed+json")
JSON_TYPES = ("application/json",)


@dataclass
class Fetched:
    url: str  # after redirects
    content_type: str
    body: bytes

    @property
    def kind(self) -> str:
        if self.content_type in HTML_TYPES:
            return "html"
        if self.content_type in FEED_TYPES:
            return "feed"
        if self.content_type in TEXT_TYPES:
            return "text"
        if self.content_type in JSON_TYPES:
            return "json"
        return "other"


def make_client(timeout: float = 20.0, transport: httpx.BaseTransport | None = None) -> httpx.Client:
    return httpx.Client(
        timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
        follow_redirects=True,
        max_redirects=5,
        headers={"User-Agent": USER_AGENT},
        transport=transport,
    )


def fetch(client: httpx.Client, url: str, *, max_bytes: int) -> Fetched:
    """GET a URL; raise ``FetchError``/``TooLarge`` with a one-line reason on any failure."""
    try:
        with client.stream("GET", url) as resp:
            if resp.status_code >= 400:
                raise FetchError(f"HTTP {resp.status_code} from {url}")
            ctype = resp.headers.get("content-type", "").split(";")[0].strip().lower()
            declared = resp.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise TooLarge(f"{url} is {int(declared):,} bytes, over the {max_bytes:,}-byte limit (--max-bytes)")
            chunks, size = [], 0
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise TooLarge(f"{url} is over the {max_bytes:,}-byte limit (--max-bytes)")
                chunks.append(chunk)
            return Fetched(str(resp.url), ctype, b"".join(chunks))
    except httpx.TooManyRedirects as e:
        raise FetchError(f"too many redirects from {url}") from e
    except httpx.TimeoutException as e:
        raise FetchError(f"timed out fetching {url}") from e
    except httpx.InvalidURL as e:
        raise FetchError(f"invalid URL {url}: {e}") from e
    except httpx.HTTPError as e:
        raise FetchError(f"cannot fetch {url}: {e.__class__.__name__}: {str(e).splitlines()[0] if str(e) else ''}"
                         ) from e
