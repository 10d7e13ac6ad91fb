"""Two laptops change the same answer of a returned assessment; the office picks a version in
the conflict resolver's service (the dialog's "theirs" or "mine"); after syncing every laptop and
the server hold the choice, and the server's conflict is closed."""

from __future__ import annotations

import json
import random

import pytest
from sync_support import KEL, Laptop, server_records

from kampung_desktop.services.assessments import AssessmentService
from kampung_desktop.services.demo_assessments import bantar_answers


def _answers(laptop: Laptop, name: str, tmp_path) -> AssessmentService:
    return AssessmentService(laptop.ctx.db, laptop.ctx.user_id, tmp_path / f"cache-{name}")


@pytest.mark.parametrize("pick", ["theirs", "mine"])
def test_office_resolves_an_answer_conflict_and_everyone_holds_the_choice(
    server, laptop_factory, tmp_path, pick
):
    a, b, office = laptop_factory("a"), laptop_factory("b"), laptop_factory("office")
    a.enrol(server, "ani")
    b.enrol(server, "ani")  # the same enumerator on a second laptop
    office.enrol(server, "budi")
    ani = _answers(a, "a", tmp_path)
    ani.install_shipped_forms()
    aid = ani.start("bantar_rt", KEL, rw=3, rt=4)
    for field, value in bantar_answers(random.Random(5), 2026, KEL, 3, 4).items():
        ani.save_answer(aid, field, value)
    ani.transition(aid, "finalize")
    assert a.sync.sync().ok and office.sync.sync().ok
    review = _answers(office, "office", tmp_path)
    review.transition(aid, "return", "Periksa drainase")
    assert office.sync.sync().ok and a.sync.sync().ok and b.sync.sync().ok

    second = _answers(b, "b", tmp_path)
    for service, value in ((ani, "1"), (second, "3")):
        service.transition(aid, "reopen")
        service.save_answer(aid, "b_drainase", value)
    assert a.sync.sync().ok
    flagged = b.sync.sync()
    assert flagged.conflict == 1, b.sync.log(1)[0].items

    assert office.sync.sync().ok
    (item,) = office.sync.conflicts()
    assert item.table == "assessment_answers" and item.record_id == f"{aid}/b_drainase"
    (choice,) = item.fields
    assert choice.field == "value"
    office.sync.resolve_conflict(item.conflict_id, {"value": pick})
    assert office.sync.conflicts() == []
    chosen = "3" if pick == "theirs" else "1"  # the server kept laptop a's value
    assert review.answers(aid)["b_drainase"] == chosen
    with office.ctx.db.raw() as conn:
        queued = conn.execute(
            "SELECT base_revision, revision FROM outbox WHERE entity = 'assessment_answers' "
            "AND record_id = ? AND status = 'pending'",
            (item.record_id,),
        ).fetchall()
    assert queued == [(3, 4)]  # an edit of the server's latest version (3: both merged)
    assert office.sync.sync().ok
    assert a.sync.sync().ok and b.sync.sync().ok
    for service in (ani, second, review):
        assert service.answers(aid)["b_drainase"] == chosen
    revision, data = server_records(server.db_url, "assessment_answers")[f"{aid}/b_drainase"]
    assert json.loads(data["value"]) == chosen
    assert revision == 4  # past both versions, also when keeping the server's
    conflicts = server_records(server.db_url, "conflicts")
    assert conflicts and all(c[1].get("resolved_at") for c in conflicts.values()), conflicts
    assert {lap.sync.status().pending_total for lap in (a, b, office)} == {0}
