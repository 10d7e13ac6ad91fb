"""Who receives an assessment's answers and photos: the review loop's pull scope.

An office (operator) gets every finalized assessment of its kelurahan with all its answers and
photos. An assessment the office returns for correction goes to every enumerator of that
kelurahan WITH its answers and photos, so a colleague can correct it when its author is away;
once it was returned, its later states keep reaching them, so no laptop keeps a stale
"returned" copy. An enumerator never receives another's finalized work that was not returned.
Real server processes on 127.0.0.1, SQLite and PostgreSQL.
"""

from __future__ import annotations

import os
import random

from sync_support import KEL

from kampung_desktop.services.assessments import AssessmentService
from kampung_desktop.services.demo_assessments import bantar_answers

PHOTO_NAME = "foto_bersih-selokan.jpg"


def _service(laptop, tmp_path, name: str) -> AssessmentService:
    return AssessmentService(laptop.ctx.db, laptop.ctx.user_id, tmp_path / f"cache-{name}")


def _held(laptop, aid: str) -> tuple[str | None, int]:
    """The local state of an assessment (None: not on this laptop) and how many answers."""
    with laptop.ctx.db.raw() as conn:
        row = conn.execute("SELECT state FROM assessments WHERE id = ?", (aid,)).fetchone()
        count = conn.execute(
            "SELECT COUNT(*) FROM assessment_answers WHERE assessment_id = ?", (aid,)
        ).fetchone()[0]
    return (row[0] if row else None), count


def test_a_returned_assessment_reaches_a_colleague_with_its_answers_and_photo(
    any_server, laptop_factory, tmp_path
):
    ani, dedi, office = (laptop_factory(n) for n in ("ani", "dedi", "office"))
    ani.enrol(any_server, "ani")
    dedi.enrol(any_server, "dedi")
    office.enrol(any_server, "budi")

    mine = _service(ani, tmp_path, "ani")
    mine.install_shipped_forms()
    aid = mine.start("bantar_rt", KEL, rw=3, rt=4)
    for field, value in bantar_answers(random.Random(7), 2026, KEL, 3, 4).items():
        mine.save_answer(aid, field, value)
    photo = os.urandom(50_000)
    folder = ani.data_dir / "attachments" / aid
    folder.mkdir(parents=True)
    (folder / PHOTO_NAME).write_bytes(photo)
    mine.save_answer(aid, "foto_bersih", PHOTO_NAME)
    mine.transition(aid, "finalize")
    sent = ani.sync.sync()
    assert sent.ok and sent.rejected == 0 and sent.conflict == 0, ani.sync.status().rejected
    answers = mine.answers(aid)

    # Finalized and not returned: the office gets it whole, a colleague gets nothing of it.
    assert dedi.sync.sync().ok
    assert _held(dedi, aid) == (None, 0)
    assert office.sync.sync().ok
    review = _service(office, tmp_path, "office")
    assert review.get(aid).state == "finalized" and review.answers(aid) == answers
    assert (office.data_dir / "attachments" / aid / PHOTO_NAME).read_bytes() == photo

    review.transition(aid, "return", "Foto selokan kurang jelas")
    assert office.sync.sync().ok

    # dedi pulled past the answers' place in the feed before the return: he still gets them.
    pulled = dedi.sync.sync()
    assert pulled.ok, pulled.error
    colleague = _service(dedi, tmp_path, "dedi")
    assert colleague.get(aid).state == "returned"
    assert colleague.get(aid).review_note == "Foto selokan kurang jelas"
    assert colleague.answers(aid) == answers
    assert (dedi.data_dir / "attachments" / aid / PHOTO_NAME).read_bytes() == photo

    # dedi corrects it; the office and ani receive the correction, nobody keeps it "returned".
    colleague.transition(aid, "reopen")
    colleague.save_answer(aid, "b_drainase", "2")
    colleague.transition(aid, "finalize")
    fixed = dedi.sync.sync()
    assert fixed.ok and fixed.rejected == 0 and fixed.conflict == 0, dedi.sync.status().rejected
    assert office.sync.sync().ok
    assert review.get(aid).state == "finalized" and review.answers(aid)["b_drainase"] == "2"
    assert ani.sync.sync().ok
    assert mine.get(aid).state == "finalized" and mine.answers(aid)["b_drainase"] == "2"
    assert ani.sync.returned_assessments() == []

    # The office approves: every laptop that once held it as returned learns it is done.
    review.transition(aid, "approve")
    assert office.sync.sync().ok
    for laptop in (ani, dedi):
        assert laptop.sync.sync().ok
        assert _held(laptop, aid) == ("approved", len(answers))
        assert laptop.sync.returned_assessments() == []


def test_a_fresh_colleague_laptop_gets_returned_work_whole_and_nothing_else(
    any_server, laptop_factory, tmp_path
):
    """A laptop enrolled after the return (first pull from 0) gets the returned assessment
    with every answer; another finalized assessment of the same kelurahan stays away."""
    ani = laptop_factory("ani")
    ani.enrol(any_server, "ani")
    mine = _service(ani, tmp_path, "ani")
    mine.install_shipped_forms()
    made = []
    for rt in (1, 2):
        aid = mine.start("bantar_rt", KEL, rw=1, rt=rt)
        for field, value in bantar_answers(random.Random(rt), 2026, KEL, 1, rt).items():
            mine.save_answer(aid, field, value)
        mine.transition(aid, "finalize")
        made.append(aid)
    assert ani.sync.sync().ok
    office = laptop_factory("office")
    office.enrol(any_server, "budi")
    assert office.sync.sync().ok
    _service(office, tmp_path, "office").transition(made[0], "return", "RT salah")
    assert office.sync.sync().ok

    dedi = laptop_factory("dedi")
    dedi.enrol(any_server, "dedi")
    assert dedi.sync.sync().ok
    assert _held(dedi, made[0]) == ("returned", len(mine.answers(made[0])))
    assert _service(dedi, tmp_path, "dedi").answers(made[0]) == mine.answers(made[0])
    assert _held(dedi, made[1]) == (None, 0)
