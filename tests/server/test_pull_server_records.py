"""Server-originated records (registry import, forms, wilayah) reach laptops through the feed."""

from __future__ import annotations

import pytest
from kampung_sync.server import records
from server_core_support import KEL_A, KEL_B, household, member, server, valid_nik


def test_registry_rows_get_revisions_history_and_the_parents_kelurahan(server_db_url: str) -> None:
    with server(server_db_url) as srv:
        home = household(kel=KEL_B)
        person = member(home["id"], nik=valid_nik(4))
        with srv.session() as session:
            assert records.write_server_records(session, "households", [home], actor="cli") == 1
            assert records.write_server_records(session, "members", [person], actor="cli") == 1
        with srv.session() as session:  # the same import again changes nothing
            assert records.write_server_records(session, "households", [home], actor="cli") == 0
        with srv.session() as session:
            changed = {**home, "address": "Jl. Baru 9"}
            assert records.write_server_records(session, "households", [changed], actor="cli") == 1

        office_b = srv.device("obi", role="operator", scope=(KEL_B,))
        laptop_a = srv.device("ani", scope=(KEL_A,))
        feed = {(c.table, c.record_id): c for c in office_b.pull_all()}
        assert feed[("households", home["id"])].revision == 2
        assert feed[("households", home["id"])].data["address"] == "Jl. Baru 9"
        assert feed[("members", person["id"])].revision == 1  # kelurahan taken from its household
        assert feed[("households", home["id"])].seq > feed[("members", person["id"])].seq
        assert not {c.record_id for c in laptop_a.pull_all()} & {home["id"], person["id"]}


def test_unknown_table_is_a_programming_error(server_db_url: str) -> None:
    with server(server_db_url) as srv, srv.session() as session, pytest.raises(ValueError):
        records.write_server_records(session, "users", [{"id": "x"}], actor="cli")
