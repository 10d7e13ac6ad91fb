"""Fuzz every API operation from the server's own OpenAPI schema (schemathesis, bounded).

Whatever arrives, the answer is never a 5xx, every error body is an `ErrorResponse`, and
successful answers match their documented schema. Requests carry a real device token (and the
real device id in push bodies) so the generated data reaches the handlers, not just the auth.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from kampung_sync import protocol
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error, response_schema_conformance
from server_core_support import Device, Server, server


@pytest.fixture
def fuzz_server(server_db_url: str) -> Iterator[tuple[Server, Device]]:
    with server(server_db_url) as srv:
        yield srv, srv.device("fuzz", role="operator")


def test_api_never_fails_on_generated_input(fuzz_server: tuple[Server, Device]) -> None:
    srv, device = fuzz_server
    schema = schemathesis.openapi.from_asgi("/openapi.json", srv.app)
    cases = st.one_of(
        schema.as_strategy(GenerationMode.POSITIVE), schema.as_strategy(GenerationMode.NEGATIVE)
    )

    @settings(
        max_examples=200,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    @given(case=cases)
    def check(case) -> None:  # type: ignore[no-untyped-def]
        case.headers = {**(case.headers or {}), **device.headers}
        body = case.body
        if isinstance(body, dict) and case.path.endswith("/push"):
            # mostly a well-formed envelope, so the generated ops reach the batch logic
            body["device_id"] = device.device_id
            body.setdefault("protocol", 1)
        response = case.call()
        assert response.status_code < 500, response.text
        if response.status_code >= 400:
            protocol.ErrorResponse.model_validate_json(response.content)
        case.validate_response(response, checks=[not_a_server_error, response_schema_conformance])

    check()
