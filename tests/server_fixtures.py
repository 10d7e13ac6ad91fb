"""Fixtures for everything that talks to the city server: databases and real server processes.

`server_db_url` runs a test once on SQLite and once on PostgreSQL; `live_server` starts the real
`kampung server run` command as a subprocess on 127.0.0.1 (never any other address) so sync
tests exercise the same process a city runs, including SIGKILL and restart.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from pgcluster import PgCluster, free_port

KAMPUNG = str(Path(sys.executable).with_name("kampung"))


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    cluster = PgCluster().start()
    yield cluster
    cluster.stop()


@pytest.fixture(params=["sqlite", "postgres"])
def server_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty server database: a SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'server.db'}"
    cluster: PgCluster = request.getfixturevalue("pg_cluster")
    return cluster.create_database()


def kampung(
    *args: str, stdin: str | None = None, timeout: float = 120
) -> subprocess.CompletedProcess:
    """Run the real `kampung` command (the one installed in this venv)."""
    return subprocess.run(
        [KAMPUNG, *args], input=stdin, capture_output=True, text=True, timeout=timeout
    )


class LiveServer:
    """`kampung server run` in its own process; `kill()` is SIGKILL, `start()` restarts it."""

    def __init__(self, db_url: str, log_path: Path) -> None:
        self.db_url = db_url
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        self.proc: subprocess.Popen | None = None

    def init(self) -> None:
        done = kampung("server", "init", "--db", self.db_url)
        assert done.returncode == 0, done.stderr

    def start(self, timeout: float = 30.0) -> None:
        log = self.log_path.open("ab")
        self.proc = subprocess.Popen(
            [
                KAMPUNG,
                "server",
                "run",
                "--db",
                self.db_url,
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env={**os.environ, "KAMPUNG_SERVER_SECRET": "test-secret-" + str(self.port)},
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: {self.log_path.read_text(errors='replace')}")
            try:
                if requests.get(self.url + "/api/v1/health", timeout=1).ok:
                    return
            except requests.ConnectionError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"server did not answer: {self.log_path.read_text(errors='replace')}")

    def kill(self) -> None:
        """SIGKILL: no clean shutdown, exactly like a power cut on the server."""
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(timeout=10)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()

    def add_user(self, username: str, role: str, password: str, scope: str | None = None) -> None:
        args = [
            "server",
            "user",
            "add",
            "--db",
            self.db_url,
            "--username",
            username,
            "--role",
            role,
            "--password-stdin",
        ]
        if scope:
            args += ["--scope", scope]
        done = kampung(*args, stdin=password + "\n")
        assert done.returncode == 0, done.stderr


@pytest.fixture
def live_server(server_db_url: str, tmp_path: Path) -> Iterator[LiveServer]:
    """A running server on a fresh database (SQLite and PostgreSQL, via `server_db_url`)."""
    server = LiveServer(server_db_url, tmp_path / "server.log")
    server.init()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def live_server_sqlite(tmp_path: Path) -> Iterator[LiveServer]:
    """A running server on SQLite only, for the desktop's many sync scenarios."""
    server = LiveServer(f"sqlite:///{tmp_path / 'server.db'}", tmp_path / "server.log")
    server.init()
    server.start()
    yield server
    server.stop()
