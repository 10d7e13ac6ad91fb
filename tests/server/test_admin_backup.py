"""The backup and restore commands of docs/deployment.md, run for real: a server filled through
the push API is dumped, restored into a new database, upgraded, and must hold the same data."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from kampung_sync.server.db import is_sqlite
from ops_seed import KEL_A, app_client, enrol, household, member, op, seed_accounts_and_wilayah
from pgcluster import pg_bindir
from server_fixtures import kampung


def _stats(url: str) -> dict:
    done = kampung("server", "stats", "--db", url, "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _feed(url: str) -> list[tuple[int, str, str, int]]:
    with app_client(url) as client:
        device = enrol(client, "admin")
        body = client.get(
            "/api/v1/pull",
            params={"cursor": 0, "limit": 1000},
            headers={"Authorization": f"Bearer {device.token}"},
        ).json()
    return [(c["seq"], c["table"], c["record_id"], c["revision"]) for c in body["changes"]]


def _libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def test_backup_and_restore(server_db_url: str, tmp_path: Path, request) -> None:
    seed_accounts_and_wilayah(server_db_url)
    with app_client(server_db_url) as client:
        laptop = enrol(client, "enum_a")
        ops = []
        for n in range(20):
            home = household(KEL_A, rw=1 + n % 3)
            ops += [op("households", home), op("members", member(home["id"], None, name=f"W{n}"))]
        assert {r["status"] for r in laptop.push(ops)} == {"accepted"}
    # As on a real server: `kampung server init` has run (it also loads the reference wilayah),
    # so running it again on the restored copy must change nothing.
    assert kampung("server", "init", "--db", server_db_url).returncode == 0
    before = _stats(server_db_url)
    assert before["households"] == 20 and before["members"] == 20
    if is_sqlite(server_db_url):
        source = server_db_url.removeprefix("sqlite:///")
        copy = tmp_path / "backup.db"
        subprocess.run(["sqlite3", source, f".backup {copy}"], check=True)
        restored = f"sqlite:///{copy}"
    else:
        dump = tmp_path / "kampung.dump"
        bindir = pg_bindir()
        subprocess.run(
            [bindir / "pg_dump", "--format=custom", f"--file={dump}", _libpq(server_db_url)],
            check=True,
        )
        restored = request.getfixturevalue("pg_cluster").create_database("restored")
        subprocess.run(
            [bindir / "pg_restore", "--no-owner", f"--dbname={_libpq(restored)}", dump],
            check=True,
        )
    assert kampung("server", "init", "--db", restored).returncode == 0
    assert _stats(restored) == before
    assert _feed(restored) == _feed(server_db_url)
