"""Property-based run against the OpenAPI schema (schemathesis): generated parameters for every
operation, checking no server error, documented status codes and content types, and responses
that match their schemas. Bounded to a few dozen examples per operation."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

import fixture_store
import pytest
import schemathesis
from hypothesis import HealthCheck, settings

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _fixture_app():
    """Its own copy of the fixture store: the schema is loaded when the module is collected."""
    from parley.serve import create_app

    folder = tempfile.mkdtemp(prefix="parley-schema-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    path = str(Path(folder) / "fixture.db")
    fixture_store.build(path)
    return create_app(path)


schema = schemathesis.openapi.from_asgi("/openapi.json", _fixture_app())


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case):
    if case.method == "POST" and case.path == "/api/documents":
        # Writes are refused on this read-only server: the refusal must follow the schema too.
        response = case.call()
        assert response.status_code in (400, 403, 422), response.text
        assert "error" in response.json()
        return
    if case.path == "/api/export":
        case.call_and_validate(excluded_checks=[schemathesis.checks.response_schema_conformance])
        return
    case.call_and_validate()
