"""One error envelope for the API, one error page for the dashboard, never a stack trace.

Every API error has the shape ``{"error": {"status": 404, "code": "not_found", "message": "...",
"details": [...]}}`` (``details`` only for invalid parameters). Pages get the same facts as HTML.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger("parley.serve")

CODES = {400: "bad_request", 401: "unauthorized", 403: "read_only", 404: "not_found", 405: "method_not_allowed",
         413: "too_large", 422: "invalid_parameter", 500: "internal_error"}


class ErrorBody(BaseModel):
    status: int
    code: str
    message: str
    details: list[dict[str, Any]] | None = None


class ErrorEnvelope(BaseModel):
    """The shape of every API error."""

    error: ErrorBody


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorEnvelope, "description": CODES[code].replace("_", " ")} for code in (400, 404, 422, 500)
}


class ApiError(StarletteHTTPException):
    """An HTTP error with a machine-readable code, raised by the routers."""

    def __init__(self, status: int, message: str, code: str | None = None) -> None:
        super().__init__(status_code=status, detail=message)
        self.code = code or CODES.get(status, "error")


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api") or request.url.path == "/openapi.json"


def envelope(status: int, message: str, code: str | None = None,
             details: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"status": status, "code": code or CODES.get(status, "error"), "message": message}
    if details is not None:
        body["details"] = details
    return {"error": body}


def _page(request: Request, status: int, message: str) -> HTMLResponse:
    templates = request.app.state.templates
    return templates.TemplateResponse(request, "error.html", {"status": status, "message": message},
                                       status_code=status)


def _clean_details(errors: list[Any]) -> list[dict[str, Any]]:
    """Validation errors without the echoed input (which may be huge or hostile)."""
    out = []
    for e in errors:
        out.append({"loc": [str(x) for x in e.get("loc", ())], "msg": str(e.get("msg", "")),
                    "type": str(e.get("type", ""))})
    return out


def _allowed_methods(request: Request) -> list[str]:
    """Every method any route serves at this path (Starlette names only the first route's)."""
    from starlette.routing import Match

    methods: set[str] = set()
    scope = {**request.scope, "method": "GET"}
    for route in request.app.router.routes:
        route_methods = getattr(route, "methods", None)
        if route_methods and route.matches(scope)[0] != Match.NONE:
            methods |= set(route_methods)
    return sorted(methods)


def install(app: FastAPI) -> None:
    """Register the handlers: HTTP errors, invalid parameters and anything unexpected."""

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Any:
        message = exc.detail if isinstance(exc.detail, str) else CODES.get(exc.status_code, "error")
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        headers = dict(getattr(exc, "headers", None) or {})
        if exc.status_code == 405:
            headers["Allow"] = ", ".join(_allowed_methods(request))
        if _is_api(request):
            return JSONResponse(envelope(exc.status_code, message, getattr(exc, "code", None)),
                                status_code=exc.status_code, headers=headers or None)
        return _page(request, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Any:
        details = _clean_details(list(exc.errors()))
        where = ", ".join(".".join(d["loc"][1:] or d["loc"]) + ": " + d["msg"] for d in details[:3])
        if _is_api(request):
            return JSONResponse(envelope(422, f"invalid parameter ({where})", details=details), status_code=422)
        return _page(request, 400, f"invalid parameter ({where})")

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Any:
        log.exception("unexpected error on %s", request.url.path)
        message = "internal error: the server log has the details"
        if _is_api(request):
            return JSONResponse(envelope(500, message), status_code=500)
        return _page(request, 500, message)
