"""The HTTP client's retry rules against a real local HTTP server, and the token store."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from kampung_sync.client import ServerRefused, SyncClient, Unreachable
from kampung_sync.protocol import PROTOCOL_HEADER
from sync_support import HOST

from kampung_desktop.services.sync.credentials import TOKEN_FILE, TokenStore

HEALTH = {
    "status": "ok", "protocol": 1, "server_time": "2026-11-23T08:00:00Z",
    "limits": {"max_ops_per_batch": 10, "max_batch_bytes": 1000, "max_pull_limit": 10,
               "max_attachment_bytes": 10},
}  # fmt: skip


class Scripted(ThreadingHTTPServer):
    """Answers each request with the next (status, body) of its script, then 200 health."""

    def __init__(self, script: list[tuple[int, dict]]) -> None:
        self.script = list(script)
        self.seen: list[dict] = []
        super().__init__((HOST, 0), _Handler)
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802
        server: Scripted = self.server  # type: ignore[assignment]
        server.seen.append(dict(self.headers))
        status, body = server.script.pop(0) if server.script else (200, HEALTH)
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args) -> None:  # keep test output clean
        pass


def _error(code: str) -> dict:
    return {"error": {"code": code, "message": {"id": "ditolak", "en": "refused"}}}


@pytest.fixture
def scripted():
    made = []

    def make(script):
        server = Scripted(script)
        made.append(server)
        return server

    yield make
    for server in made:
        server.shutdown()
        server.server_close()


def test_5xx_is_retried_with_growing_jittered_delays(scripted, monkeypatch):
    server = scripted([(500, _error("x")), (503, _error("x")), (502, _error("x"))])
    client = SyncClient(server.url, "rahasia", retries=5, backoff=0.01, rng=lambda: 1.0)
    waits: list[float] = []
    monkeypatch.setattr(client.cancel, "wait", lambda delay: waits.append(delay) or False)
    assert client.health().status == "ok"
    assert len(server.seen) == 4
    assert waits == [0.01, 0.02, 0.04]  # exponential; jitter at its top here
    assert all(h["Authorization"] == "Bearer rahasia" for h in server.seen)
    assert all(h[PROTOCOL_HEADER] == "1" for h in server.seen)
    # jitter spreads the delay between half and all of the exponential step
    low = SyncClient(server.url, retries=1, backoff=0.01, rng=lambda: 0.0)
    low_waits: list[float] = []
    monkeypatch.setattr(low.cancel, "wait", lambda delay: low_waits.append(delay) or False)
    server.script = [(500, _error("x"))]
    low.health()
    assert low_waits == [0.005]


def test_4xx_is_never_retried(scripted):
    server = scripted([(403, _error("out_of_scope")), (200, HEALTH)])
    client = SyncClient(server.url, retries=5, backoff=0.01)
    with pytest.raises(ServerRefused) as err:
        client.health()
    assert err.value.code == "out_of_scope" and err.value.message.en == "refused"
    assert len(server.seen) == 1


def test_network_errors_are_retried_then_reported(scripted):
    server = scripted([])
    url = server.url
    server.shutdown()
    server.server_close()
    client = SyncClient(url, retries=2, backoff=0.001)
    with pytest.raises(Unreachable):
        client.health()


def test_token_store_falls_back_to_an_encrypted_file(tmp_path):
    store = TokenStore(tmp_path, "device-1")
    assert store.backend == "encrypted-file"  # this headless machine has no keyring
    assert store.load() is None
    store.save("token-abc-123")
    assert store.load() == "token-abc-123"
    raw = (tmp_path / TOKEN_FILE).read_bytes()
    assert b"token-abc-123" not in raw
    assert (tmp_path / TOKEN_FILE).stat().st_mode & 0o077 == 0
    # the key is elsewhere: the data dir alone (a backup, a copy) cannot decrypt it
    key_files = list((tmp_path / "keys").iterdir())
    assert len(key_files) == 1 and key_files[0].stat().st_mode & 0o077 == 0
    key_files[0].unlink()
    assert TokenStore(tmp_path, "device-1").load() is None
    store.forget()
    assert not (tmp_path / TOKEN_FILE).exists()


def test_work_offline_forgets_server_and_token_keeps_data(server, laptop_factory):
    a = laptop_factory("a")
    a.enrol(server)
    a.add_households(2)
    assert a.sync.sync().ok
    a.add_households(1, start=10)
    a.sync.work_offline()
    status = a.sync.status()
    assert not status.enrolled and status.state == "not_enrolled" and status.pending_total == 4
    assert not (a.data_dir / TOKEN_FILE).exists()
    assert len(a.rows("households")) == 3
    outcome = a.sync.sync()
    assert not outcome.ok and "enrol" in outcome.error
    assert a.sync.reachable() is False
