"""Two devices editing the same record: disjoint fields merge, the same field is flagged."""

from __future__ import annotations

import uuid

from server_core_support import assessment, household, op, record_rows, server


def test_disjoint_field_edits_are_merged(server_db_url: str) -> None:
    with server(server_db_url) as srv:
        ani, eko = srv.device("ani"), srv.device("eko")
        home = household()
        ani.push([op("households", home)])
        [first] = ani.push(
            [
                op(
                    "households",
                    {**home, "address": "Jl. Mawar 2"},
                    base=1,
                    revision=2,
                    fields=["address"],
                )
            ]
        )
        [second] = eko.push(
            [
                op(
                    "households",
                    {**home, "head_name": "Siti"},
                    base=1,
                    revision=2,
                    fields=["head_name"],
                )
            ]
        )
        assert first.status == "accepted" and first.revision == 2
        assert second.status == "accepted" and second.merged_fields == ["head_name"]
        assert second.revision == 3
        revision, _deleted, data = record_rows(srv)[("households", home["id"])]
        assert (revision, data["address"], data["head_name"]) == (3, "Jl. Mawar 2", "Siti")
        assert data["revision"] == 3


def test_same_field_edits_keep_both_versions_and_flag_the_record(server_db_url: str) -> None:
    with server(server_db_url) as srv:
        ani, eko = srv.device("ani"), srv.device("eko")
        office = srv.device("ina", role="operator")
        home = household()
        ani.push([op("households", home)])
        ani.push(
            [
                op(
                    "households",
                    {**home, "address": "Jl. Mawar 2"},
                    base=1,
                    revision=2,
                    fields=["address"],
                )
            ]
        )
        [receipt] = eko.push(
            [
                op(
                    "households",
                    {**home, "address": "Jl. Kenanga 3", "rt": 5},
                    base=1,
                    revision=2,
                    fields=["address", "rt"],
                )
            ]
        )
        assert receipt.status == "conflict" and receipt.code == "field_conflict"
        assert receipt.conflict_fields == ["address"] and receipt.merged_fields == ["rt"]
        assert "Address" in receipt.reason.en and "Alamat" in receipt.reason.id  # in words
        _revision, _deleted, data = record_rows(srv)[("households", home["id"])]
        assert (data["address"], data["rt"]) == ("Jl. Mawar 2", 5)  # server value kept, rt merged

        conflicts = [c for c in office.pull_all() if c.table == "conflicts"]
        assert len(conflicts) == 1
        flagged = conflicts[0].data
        assert flagged["record_id"] == home["id"] and flagged["fields"] == ["address"]
        assert flagged["other_version"]["address"] == "Jl. Kenanga 3"
        assert flagged["server_version"]["address"] == "Jl. Mawar 2"
        assert flagged["resolved_at"] is None
        assert not [c for c in ani.pull_all() if c.table == "conflicts"]  # office only

        # the office picks a value, editing from the latest version: the flag is settled
        latest = record_rows(srv)[("households", home["id"])]
        resolved = {**latest[2], "address": "Jl. Kenanga 3"}
        [done] = office.push(
            [op("households", resolved, base=latest[0], revision=latest[0] + 1, fields=["address"])]
        )
        assert done.status == "accepted"
        settled = [c for c in office.pull_all() if c.table == "conflicts"]
        assert settled and settled[-1].data["resolved_at"] is not None


def test_stale_edit_of_a_finalized_assessment_is_a_conflict(server_db_url: str) -> None:
    with server(server_db_url) as srv:
        ani = srv.device("ani")
        office = srv.device("ina", role="operator")
        form = assessment(state="draft")
        ani.push([op("assessments", form)])
        ani.push([op("assessments", {**form, "state": "finalized"}, base=1, revision=2)])
        office.push([op("assessments", {**form, "state": "approved"}, base=2, revision=3)])
        stale = {**form, "state": "draft", "current_page": "p2"}
        [receipt] = srv.device("eko").push([op("assessments", stale, base=1, revision=2)])
        assert (receipt.status, receipt.code) == ("conflict", "immutable")
        revision, _deleted, data = record_rows(srv)[("assessments", form["id"])]
        assert (revision, data["state"]) == (3, "approved")
        # its answers are final with it
        answer = {
            "assessment_id": form["id"],
            "field": "atap",
            "value": '"genteng"',
            "updated_at": "x",
            "revision": 1,
        }
        assert ani.push([op("assessment_answers", answer)])[0].status == "accepted"
        office.push([op("assessment_answers", {**answer, "value": '"seng"'}, base=1, revision=2)])
        [late] = ani.push(
            [op("assessment_answers", {**answer, "value": '"asbes"'}, base=1, revision=2)]
        )
        assert (late.status, late.code) == ("conflict", "immutable")


def test_revoking_a_decision_from_a_stale_copy_still_applies(server_db_url: str) -> None:
    with server(server_db_url) as srv:
        office_1 = srv.device("ina", role="operator")
        office_2 = srv.device("ika", role="operator")
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
        office_1.push([op("award_decisions", decision)])
        office_1.push(
            [
                op(
                    "award_decisions",
                    {**decision, "score": "80"},
                    base=1,
                    revision=2,
                    fields=["score"],
                )
            ]
        )
        revoke = {**decision, "revoked_at": "2026-12-01", "revoke_reason": "salah data"}
        [receipt] = office_2.push(
            [
                op(
                    "award_decisions",
                    revoke,
                    base=1,
                    revision=2,
                    fields=["revoked_at", "revoke_reason"],
                )
            ]
        )
        assert receipt.status == "accepted"
        _rev, _deleted, data = record_rows(srv)[("award_decisions", decision["id"])]
        assert data["revoked_at"] == "2026-12-01" and data["score"] == "80"
        [edit] = office_2.push(
            [
                op(
                    "award_decisions",
                    {**decision, "category": "Utama"},
                    base=1,
                    revision=2,
                    fields=["category"],
                )
            ]
        )
        assert (edit.status, edit.code) == ("conflict", "immutable")


def test_conflict_on_a_record_with_a_long_id(server_db_url: str) -> None:
    with server(server_db_url) as srv:
        ani, eko = srv.device("ani"), srv.device("eko")
        form = assessment(aid="a" * 64)
        ani.push([op("assessments", form)])
        answer = {
            "assessment_id": form["id"],
            "field": "f" * 130,
            "value": '"1"',
            "updated_at": "x",
            "revision": 1,
        }
        ani.push([op("assessment_answers", answer)])
        ani.push([op("assessment_answers", {**answer, "value": '"2"'}, base=1, revision=2)])
        [clash] = eko.push(
            [op("assessment_answers", {**answer, "value": '"3"'}, base=1, revision=2)]
        )
        assert clash.status == "conflict" and clash.conflict_fields == ["value"]


def test_a_merge_past_the_largest_revision_is_rejected_not_a_crash(server_db_url: str) -> None:
    with server(server_db_url) as srv:
        ani, eko = srv.device("ani"), srv.device("eko")
        home = household()
        ani.push([op("households", home)])
        top = 2**31 - 1
        ani.push([op("households", {**home, "rt": 7}, base=1, revision=top, fields=["rt"])])
        [late] = eko.push([op("households", {**home, "rw": 3}, base=1, revision=2, fields=["rw"])])
        assert (late.status, late.code) == ("rejected", "revision_overflow")
