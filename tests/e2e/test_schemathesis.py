"""Property-based API testing: schemathesis generates requests from /openapi.json.

Every operation of the running server gets generated valid and invalid parameters; the
checks are: no 5xx, status codes and content types declared in the schema, and JSON bodies
that validate against the response schemas. (Cross-parameter rules the schema cannot state,
such as ``from`` <= ``to``, answer 422 — declared, so they conform.)
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings

from tests.e2e.api_served import Served

schemathesis = pytest.importorskip("schemathesis")
from schemathesis.checks import (  # noqa: E402
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
# Examples per operation: 40 keeps the suite near a minute on a shared 2-core machine;
# COMMUNIQUE_SCHEMATHESIS_EXAMPLES raises it for a deeper run.
EXAMPLES = int(os.environ.get("COMMUNIQUE_SCHEMATHESIS_EXAMPLES", "40"))


@pytest.fixture(scope="session")
def api_schema(served: Served):  # noqa: ANN201 (schemathesis schema object)
    return schemathesis.openapi.from_url(f"{served.url}/openapi.json")


schema = schemathesis.pytest.from_fixture("api_schema")


@pytest.fixture(scope="module")
def tally() -> Iterator[Counter[int]]:
    """Responses by status code over the whole module (printed for the closing figures)."""
    counts: Counter[int] = Counter()
    yield counts
    print(f"\nschemathesis: {sum(counts.values())} requests, by status {dict(sorted(counts.items()))}")


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.function_scoped_fixture],
)
def test_schemathesis_no_server_errors_and_schema_conformance(case, tally: Counter[int]) -> None:  # noqa: ANN001
    response = case.call_and_validate(checks=CHECKS, timeout=30)
    tally[response.status_code] += 1
