"""Serve: the JSON API (``/api``, schema at ``/openapi.json``, reference at ``/docs``) and the
web dashboard (server-rendered pages, JavaScript and CSS shipped with the package).

    parley serve --db parley.db            # http://127.0.0.1:8000/

Modules: ``app`` (factory and ``run``), ``api`` and ``pages`` (routers), ``queries`` (SQL for
lists), ``views`` (shaping records for pages), ``security`` (headers, write token, HTML
sanitizer), ``errors`` (the error envelope), ``ingest`` (ingest through the API).
"""

from parley.serve.app import create_app, run

__all__ = ["create_app", "run"]
