"""Bad input is a 4xx ErrorResponse with a code and a bilingual message, and writes nothing."""

from __future__ import annotations

import gzip
import json

import pytest
from server_core_support import household, op, record_rows, server


def _error(answer, status: int, code: str) -> None:  # type: ignore[no-untyped-def]
    assert answer.status_code == status, answer.text
    body = answer.json()["error"]
    assert body["code"] == code
    assert body["message"]["id"] and body["message"]["en"]


def test_health_says_protocol_and_limits(server_db_url: str) -> None:
    with server(server_db_url) as srv:
        body = srv.client.get("/api/v1/health").json()
        assert body["status"] == "ok" and body["protocol"] == 1
        assert body["limits"]["max_ops_per_batch"] == 2000


def test_openapi_page_links_the_protocol_document(server_db_url: str) -> None:
    with server(server_db_url) as srv:
        schema = srv.client.get("/openapi.json").json()
        assert "docs/sync-protocol.md" in schema["info"]["description"]
        assert "PushRequest" in json.dumps(schema)


@pytest.mark.parametrize(
    ("body", "headers", "status", "code"),
    [
        (b"not gzip at all", {"Content-Encoding": "gzip"}, 400, "bad_encoding"),
        (gzip.compress(b"{}")[:-6], {"Content-Encoding": "gzip"}, 400, "bad_encoding"),
        (b"{}", {"Content-Encoding": "br"}, 400, "bad_encoding"),
        (b"{not json", {}, 400, "bad_json"),
        (b"[1, 2]", {}, 422, "invalid_request"),
        (b'{"protocol": 1}', {}, 422, "invalid_request"),
    ],
)
def test_malformed_bodies(
    server_db_url: str, body: bytes, headers: dict, status: int, code: str
) -> None:
    with server(server_db_url) as srv:
        laptop = srv.device("ani")
        answer = srv.client.post(
            "/api/v1/push", content=body, headers={**laptop.headers, **headers}
        )
        _error(answer, status, code)


def test_wrong_protocol_version(server_db_url: str) -> None:
    with server(server_db_url) as srv:
        laptop = srv.device("ani")
        body = gzip.compress(
            json.dumps(
                {"protocol": 2, "device_id": laptop.device_id, "batch_id": "b" * 10, "ops": []}
            ).encode()
        )
        answer = srv.client.post(
            "/api/v1/push", content=body, headers={**laptop.headers, "Content-Encoding": "gzip"}
        )
        _error(answer, 400, "protocol_version")
        answer = srv.client.get(
            "/api/v1/pull", headers={**laptop.headers, "X-Kampung-Protocol": "7"}
        )
        _error(answer, 400, "protocol_version")


def test_oversized_batches_are_refused_before_anything_is_written(server_db_url: str) -> None:
    with server(
        server_db_url, max_batch_bytes=4096, max_inflated_bytes=200_000, max_ops_per_batch=5
    ) as srv:
        laptop = srv.device("ani")
        big = [op("households", household(address="x" * 400)) for _ in range(12)]
        _error(laptop.push_raw(big, compress=False), 413, "too_large")
        _error(laptop.push_raw(big[:6]), 413, "too_many_ops")
        bomb = gzip.compress(b'{"ops": [' + b" " * 1_000_000 + b"]}")
        answer = srv.client.post(
            "/api/v1/push", content=bomb, headers={**laptop.headers, "Content-Encoding": "gzip"}
        )
        _error(answer, 413, "too_large")
        assert record_rows(srv) == {}


def test_invalid_envelope_refuses_the_batch_with_details(server_db_url: str) -> None:
    with server(server_db_url) as srv:
        laptop = srv.device("ani")
        bad = op("households", household())
        bad["table"] = "users"
        answer = laptop.push_raw([op("households", household()), bad])
        _error(answer, 422, "invalid_request")
        assert any("table" in d["loc"] for d in answer.json()["error"]["details"])
        assert record_rows(srv) == {}


def test_nul_and_lone_surrogates_are_bad_input_not_a_crash(server_db_url: str) -> None:
    with server(server_db_url) as srv:
        laptop = srv.device("ani")
        for address in ("Jl. \u0000 Melati", "Jl. \ud800"):
            ops = [op("households", household(address=address))]
            body = json.dumps(
                {"protocol": 1, "device_id": laptop.device_id, "batch_id": "batch-0001", "ops": ops}
            ).encode()
            answer = srv.client.post("/api/v1/push", content=body, headers=laptop.headers)
            _error(answer, 422, "invalid_request")
        answer = srv.client.post(
            "/api/v1/enrol", json={"username": "a\u0000b", "password": "x", "device_id": "d" * 8}
        )
        _error(answer, 422, "invalid_request")
        assert record_rows(srv) == {}


def test_token_of_another_device_cannot_push_for_it(server_db_url: str) -> None:
    with server(server_db_url) as srv:
        ani, eko = srv.device("ani"), srv.device("eko")
        ani.device_id = eko.device_id
        _error(ani.push_raw([op("households", household())]), 403, "device_mismatch")


def test_unknown_route_and_method(server_db_url: str) -> None:
    with server(server_db_url) as srv:
        _error(srv.client.get("/api/v1/nothing"), 404, "not_found")
        _error(srv.client.delete("/api/v1/health"), 405, "method_not_allowed")
