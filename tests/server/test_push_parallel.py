"""Push batches are decided without the writers' lock and written under it (batch.apply_batch):
whatever commits in between must never be overwritten or stored twice.

Each test lets a second push commit at the worst moment: after the first batch was decided and
before it takes the lock (the first call of `db.lock_sequence` is where it waits for the lock).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from kampung_sync.server import db, unchanged
from kampung_sync.server.tables import StoredReceipt
from server_core_support import household, op, record_rows, server
from sqlalchemy import func, select


def _between_decide_and_write(monkeypatch: pytest.MonkeyPatch, meanwhile: Callable[[], None]):  # type: ignore[no-untyped-def]
    """Run `meanwhile` (a whole other push) once, just before a batch takes the lock."""
    real = db.lock_sequence
    pending = [meanwhile]

    def lock_sequence(session):  # type: ignore[no-untyped-def]
        if pending:
            pending.pop()()
        return real(session)

    monkeypatch.setattr(db, "lock_sequence", lock_sequence)


@pytest.mark.parametrize("check", ["scan the commits", "look up the records read"])
def test_an_edit_committed_meanwhile_is_merged_not_overwritten(
    server_db_url: str, monkeypatch: pytest.MonkeyPatch, check: str
) -> None:
    if check == "look up the records read":  # what a busy server does (many commits meanwhile)
        monkeypatch.setattr(unchanged, "SCAN_PER_READ", 0.0)
    with server(server_db_url) as srv:
        ani, dedi = srv.device("ani"), srv.device("dedi")
        home = household(head_name="Budi", address="Jl. Melati 1")
        assert ani.push([op("households", home)])[0].status == "accepted"
        mine = {**home, "head_name": "Budi Santoso"}
        theirs = {**home, "address": "Jl. Mawar 2"}
        landed = []
        _between_decide_and_write(
            monkeypatch,
            lambda: landed.extend(
                dedi.push([op("households", theirs, base=1, revision=2, fields=["address"])])
            ),
        )
        [receipt] = ani.push([op("households", mine, base=1, revision=2, fields=["head_name"])])
        assert [r.status for r in landed] == ["accepted"]
        assert receipt.status == "accepted" and receipt.merged_fields == ["head_name"]
        _revision, _deleted, data = record_rows(srv)[("households", home["id"])]
        assert (data["head_name"], data["address"]) == ("Budi Santoso", "Jl. Mawar 2")
        assert receipt.server_seq > landed[0].server_seq  # seq follows commit order


def test_the_same_batch_landing_twice_at_once_is_applied_once(
    server_db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with server(server_db_url) as srv:
        ani = srv.device("ani")
        ops = [op("households", household()), op("households", household(rt=0))]
        first = []
        _between_decide_and_write(monkeypatch, lambda: first.extend(ani.push(ops)))
        again = ani.push(ops)  # a retry after a timeout, while the first one was still running
        assert [r.status for r in first] == ["accepted", "rejected"]
        assert [r.status for r in again] == ["duplicate", "rejected"]
        assert all(r.replay for r in again)
        with srv.session() as session:
            assert session.execute(select(func.count()).select_from(StoredReceipt)).scalar() == 2


def test_a_refused_batch_landing_twice_at_once_stores_its_receipts_once(
    server_db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Refusals are stored without a seq: the check looks at the receipts themselves."""
    with server(server_db_url) as srv:
        ani = srv.device("ani")
        ops = [op("households", household(rt=0))]
        first = []
        _between_decide_and_write(monkeypatch, lambda: first.extend(ani.push(ops)))
        [again] = ani.push(ops)
        assert [r.code for r in first] == ["invalid_data"]
        assert (again.code, again.replay) == ("invalid_data", True)
        assert record_rows(srv) == {}
