"""The review loop's pull scope on the server: an answer goes where its assessment goes.

A finalized assessment and its answers reach the kelurahan's office only; once the office
returns it, the assessment AND its answers (and photo links) reach every enumerator of the
kelurahan — also one whose cursor passed the answers before — and its later states keep
reaching them. Migration 0003 does the same for a database written before the rule.
"""

from __future__ import annotations

import hashlib
import os

from kampung_sync import protocol
from kampung_sync.server.db import init_database, make_engine
from server_core_support import assessment, op, server
from sqlalchemy import text
from test_attachment_links import _answer, _links, _upload


def _answers(aid: str, fields: tuple[str, ...]) -> list[dict]:
    return [
        {
            "assessment_id": aid,
            "field": field,
            "value": '"ya"',
            "updated_at": "2026-11-30T08:00:00Z",
            "revision": 1,
        }
        for field in fields
    ]


def _of(changes: list[protocol.Change], aid: str) -> dict[tuple[str, str], protocol.Change]:
    return {
        (c.table, c.record_id): c
        for c in changes
        if c.record_id == aid or c.record_id.startswith(aid + "/")
    }


def test_returned_assessment_brings_its_answers_and_photos_to_every_enumerator(
    server_db_url: str,
) -> None:
    with server(server_db_url) as srv:
        ani, eko = srv.device("ani"), srv.device("eko")
        office = srv.device("ina", role="operator")
        sha = _upload(srv, ani, os.urandom(2500))
        work = assessment(state="finalized")
        kept = assessment(state="finalized")  # never returned: office-only for good
        ani.push(
            [op("assessments", work), op("assessments", kept)]
            + [op("assessment_answers", a) for a in _answers(work["id"], ("q1", "q2"))]
            + [op("assessment_answers", a) for a in _answers(kept["id"], ("q1",))]
            + [op("assessment_answers", _answer(work["id"], "foto", sha, "foto-1.jpg"))]
        )
        assert _of(eko.pull_all(), work["id"]) == {}  # eko's cursor passes them all
        assert _links(srv, eko).links == []
        seen = _of(office.pull_all(), work["id"])
        assert len(seen) == 4 and len(_links(srv, office).links) == 1

        returned = {**work, "state": "returned", "review_note": "Foto kurang jelas"}
        [receipt] = office.push([op("assessments", returned, base=1, revision=2)])
        assert receipt.status == "accepted"
        got = _of(eko.pull_all(), work["id"])
        assert set(got) == {("assessments", work["id"])} | {
            ("assessment_answers", f"{work['id']}/{f}") for f in ("q1", "q2", "foto")
        }
        assert got[("assessments", work["id"])].data["review_note"] == "Foto kurang jelas"
        answer_seqs = [c.seq for k, c in got.items() if k[0] == "assessment_answers"]
        assert min(answer_seqs) > receipt.server_seq  # after the assessment in the feed
        assert {c.revision for k, c in got.items() if k[0] == "assessment_answers"} == {1}
        [link] = _links(srv, eko).links
        assert (link.answer_id, link.sha256) == (f"{work['id']}/foto", sha)
        content = srv.client.get(f"/api/v1/attachments/{sha}/content", headers=eko.headers)
        assert content.status_code == 200 and hashlib.sha256(content.content).hexdigest() == sha
        # the office already holds these revisions: the republished rows change nothing there
        again = _of(office.pull_all(), work["id"])
        assert {k: c.revision for k, c in again.items() if k[0] == "assessment_answers"} == {
            k: c.revision for k, c in seen.items() if k[0] == "assessment_answers"
        }

        # ani corrects and finalizes; the office approves: eko hears of every step
        fixed = {**returned, "state": "finalized", "revision": 3}
        answer = {**_answers(work["id"], ("q1",))[0], "value": '"tidak"', "revision": 2}
        ani.push(
            [
                op("assessments", fixed, base=2, revision=3),
                op("assessment_answers", answer, base=1, revision=2),
            ]
        )
        got = _of(eko.pull_all(), work["id"])
        assert got[("assessments", work["id"])].data["state"] == "finalized"
        assert got[("assessment_answers", f"{work['id']}/q1")].data["value"] == '"tidak"'
        office.push([op("assessments", {**fixed, "state": "approved"}, base=3, revision=4)])
        got = _of(eko.pull_all(), work["id"])
        assert got[("assessments", work["id"])].data["state"] == "approved"

        fresh = srv.device("eko")  # a new laptop of eko: pulls from 0
        everything = fresh.pull_all()
        assert len(_of(everything, work["id"])) == 4
        assert _of(everything, kept["id"]) == {}


def test_migration_0003_publishes_answers_of_returned_assessments(server_db_url: str) -> None:
    """A database written before the rule: the answers of a returned assessment, and an
    approved one that was returned once, were office-only; the upgrade republishes them."""
    with server(server_db_url) as srv:
        ani, eko = srv.device("ani"), srv.device("eko")
        office = srv.device("ina", role="operator")
        returned, once, kept = (assessment(state="finalized") for _ in range(3))
        ani.push(
            [op("assessments", a) for a in (returned, once, kept)]
            + [
                op("assessment_answers", x)
                for a in (returned, once, kept)
                for x in _answers(a["id"], ("q1", "q2"))
            ]
        )
        office.push(
            [
                op("assessments", {**returned, "state": "returned"}, base=1, revision=2),
                op("assessments", {**once, "state": "returned"}, base=1, revision=2),
            ]
        )
        office.push([op("assessments", {**once, "state": "approved"}, base=2, revision=3)])
        eko.pull_all()
        engine = srv.app.state.engine
    # back to what revision 0002 wrote: answers and the approved assessment office-only
    with engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE records SET audience = 'office' WHERE table_name = 'assessment_answers' "
                "OR (table_name = 'assessments' AND record_id = :once)"
            ),
            {"once": once["id"]},
        )
        conn.execute(text("UPDATE alembic_version SET version_num = '0002'"))
        newest = conn.execute(text("SELECT value FROM counters WHERE name = 'seq'")).scalar_one()
    engine.dispose()

    init_database(server_db_url)  # what `kampung server run` does at start

    engine = make_engine(server_db_url)
    try:
        with engine.begin() as conn:
            rows = conn.execute(
                text("SELECT table_name, record_id, audience, seq, revision FROM records")
            ).all()
            counter = conn.execute(text("SELECT value FROM counters WHERE name = 'seq'")).scalar()
            version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    finally:
        engine.dispose()
    assert version == "0003"
    by_key = {(t, r): (aud, seq, rev) for t, r, aud, seq, rev in rows}
    opened = [("assessments", once["id"])] + [
        ("assessment_answers", f"{a['id']}/{f}") for a in (returned, once) for f in ("q1", "q2")
    ]
    assert all(by_key[k][0] == "all" and by_key[k][1] > newest for k in opened)
    assert by_key[("assessments", once["id"])][2] == 3  # same revision, new place in the feed
    assert counter == newest + len(opened)
    assert {by_key[("assessment_answers", f"{kept['id']}/{f}")][0] for f in ("q1", "q2")} == {
        "office"
    }
    assert by_key[("assessments", returned["id"])][1] <= newest  # already "all": not moved
