"""What keeps untrusted article text and parameters harmless.

- Every response carries a strict Content-Security-Policy: scripts and styles only from this
  server's ``/static``, no inline script or style, no framing, forms only to this server.
- The API is read-only unless a write token is configured; writes then need
  ``Authorization: Bearer <token>`` (compared in constant time).
- HTML made elsewhere (the brief's ``to_html()``) passes through an allow-list sanitizer
  before it reaches a page: only plain structural tags and safe links survive.
"""

from __future__ import annotations

import hmac
from html import escape
from html.parser import HTMLParser

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]


class SecurityHeaders:
    """ASGI middleware adding the security headers to every HTTP response (errors included)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in HEADERS if h[0] not in names]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def token_ok(configured: str | None, authorization: str | None) -> bool:
    """True when ``Authorization: Bearer <token>`` matches the configured write token."""
    if not configured or not authorization:
        return False
    scheme, _, given = authorization.partition(" ")
    if scheme.lower() != "bearer":
        return False
    return hmac.compare_digest(given.strip().encode(), configured.encode())


_ALLOWED = {
    "p", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "mark", "q",
    "blockquote", "cite", "section", "article", "div", "span", "small", "sup", "sub", "br", "hr",
    "table", "thead", "tbody", "tr", "th", "td", "dl", "dt", "dd", "a", "time", "abbr", "code",
}
_VOID = {"br", "hr"}
_DROP_CONTENT = {"script", "style", "template", "iframe", "object", "embed", "noscript", "svg", "math", "title", "head"}
_ATTRS = {"class", "id", "title", "datetime", "colspan", "rowspan"}


def _safe_href(value: str) -> bool:
    v = value.strip()
    return v.startswith(("/", "#", "?")) and not v.startswith("//") or v.lower().startswith(("https://", "http://"))


class _Sanitizer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.open: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROP_CONTENT:
            self.skip += 1
            return
        if self.skip or tag not in _ALLOWED:
            return
        kept = []
        for name, value in attrs:
            if value is None:
                continue
            if name in _ATTRS or (name == "href" and tag == "a" and _safe_href(value)):
                kept.append(f' {name}="{escape(value, quote=True)}"')
        if tag == "a":
            kept.append(' rel="noopener noreferrer"')
        self.out.append(f"<{tag}{''.join(kept)}>")
        if tag not in _VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROP_CONTENT:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip or tag not in _ALLOWED or tag in _VOID or tag not in self.open:
            return
        while self.open:
            t = self.open.pop()
            self.out.append(f"</{t}>")
            if t == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.out.append(escape(data, quote=False))

    def close(self) -> None:
        super().close()
        while self.open:
            self.out.append(f"</{self.open.pop()}>")


def sanitize_html(html: str) -> str:
    """Keep only allow-listed tags and attributes; text is re-escaped, scripts and handlers dropped."""
    s = _Sanitizer()
    s.feed(html)
    s.close()
    return "".join(s.out)
