"""Push: receipts per record, idempotent replay, parents first, per-record rejections, scope."""

from __future__ import annotations

import uuid

from kampung_sync.server.tables import AuditEntry, StoredReceipt
from server_core_support import (
    KEL_B,
    assessment,
    household,
    member,
    op,
    record_rows,
    server,
    valid_nik,
)
from sqlalchemy import func, select


def test_push_accepts_and_replay_returns_stored_receipts(server_db_url: str) -> None:
    with server(server_db_url) as srv:
        laptop = srv.device("ani")
        home = household()
        ops = [op("households", home), op("members", member(home["id"]))]
        first = laptop.push(ops)
        assert [r.status for r in first] == ["accepted", "accepted"]
        assert all(r.server_seq for r in first) and first[0].revision == 1
        before = record_rows(srv)

        again = laptop.push(ops)  # the same batch after a lost answer
        assert [r.status for r in again] == ["duplicate", "duplicate"]
        assert all(r.replay for r in again)
        assert [r.server_seq for r in again] == [r.server_seq for r in first]
        assert record_rows(srv) == before
        with srv.session() as session:
            assert session.execute(select(func.count()).select_from(StoredReceipt)).scalar() == 2


def test_same_content_under_a_new_op_id_is_a_duplicate(server_db_url: str) -> None:
    with server(server_db_url) as srv:
        laptop = srv.device("ani")
        home = household()
        laptop.push([op("households", home)])
        [receipt] = laptop.push([op("households", home)])
        assert receipt.status == "duplicate" and not receipt.replay


def test_children_before_parents_in_a_batch_are_applied_parents_first(server_db_url: str) -> None:
    with server(server_db_url) as srv:
        laptop = srv.device("ani")
        home = household()
        receipts = laptop.push([op("members", member(home["id"])), op("households", home)])
        assert [r.status for r in receipts] == ["accepted", "accepted"]
        assert receipts[1].server_seq < receipts[0].server_seq  # parent published first


def test_bad_records_are_rejected_one_by_one_with_bilingual_reasons(server_db_url: str) -> None:
    with server(server_db_url) as srv:
        laptop = srv.device("ani")
        good = household()
        ops = [
            op("households", good),
            op("households", household(rt=0)),
            op("households", household(no_kk="12345")),
            op("members", member(good["id"], nik="3671011234")),
            op("members", member(str(uuid.uuid4()))),
            op("households", household(is_demo=True)),
            op("assessments", assessment(form_version="9.9")),
            op("households", household(), revision=1, base=1),
        ]
        receipts = laptop.push(ops)
        assert [r.status for r in receipts] == ["accepted"] + ["rejected"] * 7
        assert [r.code for r in receipts[1:]] == [
            "invalid_data",
            "invalid_kk",
            "invalid_nik",
            "parent_missing",
            "demo_record",
            "unknown_form",
            "bad_revision",
        ]
        for receipt in receipts[1:]:
            assert receipt.reason is not None and receipt.reason.id and receipt.reason.en
            assert receipt.reason.id != receipt.reason.en
        assert "16" in receipts[3].reason.en  # says what is wrong with the NIK
        assert len(record_rows(srv)) == 1
        # a rejection is final for that op: the replay repeats it
        replay = laptop.push(ops[1:3])
        assert [r.code for r in replay] == ["invalid_data", "invalid_kk"]
        assert all(r.replay for r in replay)
        # a city admin may write anywhere, but only in kelurahan the server knows
        admin = srv.device("root", role="admin", scope=())
        [unknown] = admin.push([op("households", household(kelurahan_kode="36.71.01.1999"))])
        assert (unknown.status, unknown.code) == ("rejected", "unknown_wilayah")


def test_out_of_scope_record_refuses_the_whole_batch_and_writes_nothing(server_db_url: str) -> None:
    with server(server_db_url) as srv:
        laptop = srv.device("ani")
        ops = [op("households", household()), op("households", household(kel=KEL_B))]
        answer = laptop.push_raw(ops)
        assert answer.status_code == 403
        error = answer.json()["error"]
        assert error["code"] == "out_of_scope" and KEL_B in error["message"]["en"]
        assert record_rows(srv) == {}
        with srv.session() as session:
            assert session.execute(select(func.count()).select_from(StoredReceipt)).scalar() == 0
            actions = session.execute(select(AuditEntry.action)).scalars().all()
        assert "push_refused" in actions


def test_member_of_a_household_outside_scope_is_refused(server_db_url: str) -> None:
    with server(server_db_url) as srv:
        office_b = srv.device("budi", role="operator", scope=(KEL_B,))
        home = household(kel=KEL_B)
        office_b.push([op("households", home)])
        laptop = srv.device("ani")
        answer = laptop.push_raw([op("members", member(home["id"], nik=valid_nik(7)))])
        assert answer.status_code == 403
        # editing the other kelurahan's household itself is refused too
        moved = op("households", {**home, "kelurahan_kode": "36.71.01.1001"}, base=1, revision=2)
        assert laptop.push_raw([moved]).status_code == 403


def test_enumerator_may_not_approve_or_decide(server_db_url: str) -> None:
    with server(server_db_url) as srv:
        laptop = srv.device("ani")
        done = assessment(state="finalized")
        assert laptop.push([op("assessments", done)])[0].status == "accepted"
        approve = op("assessments", {**done, "state": "approved"}, base=1, revision=2)
        [receipt] = laptop.push([approve])
        assert (receipt.status, receipt.code) == ("rejected", "forbidden_transition")
        office = srv.device("ina", role="operator")
        [receipt] = office.push(
            [op("assessments", {**done, "state": "approved"}, base=1, revision=2)]
        )
        assert receipt.status == "accepted"


def test_delete_leaves_a_tombstone(server_db_url: str) -> None:
    with server(server_db_url) as srv:
        laptop = srv.device("ani")
        home = household()
        laptop.push([op("households", home)])
        [receipt] = laptop.push(
            [op("households", {**home, "deleted": True}, base=1, revision=2, kind="delete")]
        )
        assert receipt.status == "accepted"
        revision, deleted, _data = record_rows(srv)[("households", home["id"])]
        assert (revision, deleted) == (2, True)


def test_certificate_number_used_twice_is_a_conflict(server_db_url: str) -> None:
    with server(server_db_url) as srv:
        office_1 = srv.device("ina", role="operator")
        office_2 = srv.device("ika", role="operator")
        decisions = []
        for office in (office_1, office_2):
            decision = {
                "id": str(uuid.uuid4()),
                "created_at": "x",
                "updated_at": "x",
                "revision": 1,
                "program": "kampung_sehat",
                "year": 2026,
                "kelurahan_kode": "36.71.01.1001",
                "rw": 1,
                "rt": 2,
                "category": "Madya",
                "decided_at": "x",
            }
            assert office.push([op("award_decisions", decision)])[0].status == "accepted"
            decisions.append(decision)

        def certificate(decision: dict, number: str) -> dict:
            return {
                "id": str(uuid.uuid4()),
                "created_at": "x",
                "updated_at": "x",
                "revision": 1,
                "number": number,
                "decision_id": decision["id"],
                "digest": "d",
                "content": "{}",
                "issued_at": "x",
            }

        first = certificate(decisions[0], f"001/KS/{office_1.code}/2026")
        assert office_1.push([op("certificates", first)])[0].status == "accepted"
        clash = certificate(decisions[1], f"001/KS/{office_1.code}/2026")
        [receipt] = office_2.push([op("certificates", clash)])
        assert (receipt.status, receipt.code) == ("conflict", "certificate_number_taken")
        assert ("certificates", clash["id"]) not in record_rows(srv)
        own = certificate(decisions[1], f"001/KS/{office_2.code}/2026")
        assert office_2.push([op("certificates", own)])[0].status == "accepted"
        assert office_1.code != office_2.code


def test_a_batch_cut_off_mid_write_leaves_nothing(server_db_url: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The records are written, then the process dies before the receipts: all rolled back."""
    from kampung_sync.server import batch, records

    real_insert = records.insert_tuples

    def dying_insert(session, table, columns, rows):  # type: ignore[no-untyped-def]
        if table.name == "receipts":
            raise RuntimeError("power cut")
        real_insert(session, table, columns, rows)

    with server(server_db_url) as srv:
        laptop = srv.device("ani")
        home = household()
        ops = [op("households", home), op("members", member(home["id"]))]
        monkeypatch.setattr(batch, "insert_tuples", dying_insert)
        answer = laptop.push_raw(ops)
        assert answer.status_code == 500
        assert answer.json()["error"]["code"] == "server_error"
        assert record_rows(srv) == {}
        monkeypatch.setattr(batch, "insert_tuples", real_insert)
        assert [r.status for r in laptop.push(ops)] == ["accepted", "accepted"]
        assert [r.server_seq for r in laptop.push(ops)] == [r.server_seq for r in laptop.push(ops)]
