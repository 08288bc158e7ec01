"""The application: ``create_app(target)`` builds the FastAPI app over one store; ``run`` serves it."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from parley import __version__ as parley_version
from parley.serve import errors, views
from parley.serve.security import SecurityHeaders
from parley.store import Store

HERE = Path(__file__).parent
log = logging.getLogger("parley.serve")


def _templates() -> Jinja2Templates:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(["html", "svg"], default_for_string=True, default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["date_text"] = views.date_text
    env.globals["evidence_link"] = views.evidence_link
    env.globals["first_evidence"] = views.first_evidence
    return Jinja2Templates(env=env)


def create_app(target: str, *, write_token: str | None = None) -> FastAPI:
    """The app over the store at ``target`` (a file path or a SQLAlchemy URL).

    The API is read-only unless ``write_token`` is given; then ``POST /api/documents`` ingests
    with ``Authorization: Bearer <write_token>``."""
    store = Store.open(target)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        title="Parley",
        version=str(parley_version),
        description="The structured, sourced record of a negotiation, built from news articles. "
                    "Every record carries evidence spans into the text of the documents it came from.",
        docs_url=None, redoc_url=None,  # their assets come from a CDN: /docs is rendered here instead
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.store = store
    app.state.write_token = write_token or None
    app.state.templates = _templates()
    app.state.extraction = None
    app.state.cache = {}
    errors.install(app)
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    from parley.serve.api import router as api_router
    from parley.serve.pages import router as pages_router

    app.include_router(api_router)
    app.include_router(pages_router)
    return app


def run(target: str, *, host: str = "127.0.0.1", port: int = 8000, write_token: str | None = None) -> None:
    """Serve the dashboard and the API with uvicorn (localhost unless told otherwise)."""
    import uvicorn

    app = create_app(target, write_token=write_token)
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False, proxy_headers=False)
