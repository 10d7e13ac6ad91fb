"""The throw-away PostgreSQL cluster the server tests run on really is PostgreSQL, on loopback."""

from __future__ import annotations

import psycopg


def test_cluster_gives_fresh_postgres_databases(pg_cluster) -> None:
    first, second = pg_cluster.create_database(), pg_cluster.create_database()
    assert first != second
    dsn = first.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn) as conn:
        version = conn.execute("SHOW server_version").fetchone()[0]
        address = conn.execute("SELECT inet_server_addr()::text").fetchone()[0]
        conn.execute("CREATE TABLE t (x int)")
        conn.execute("INSERT INTO t VALUES (1)")
        assert conn.execute("SELECT count(*) FROM t").fetchone()[0] == 1
    assert int(version.split(".")[0]) >= 13
    assert address.startswith("127.0.0.1")
