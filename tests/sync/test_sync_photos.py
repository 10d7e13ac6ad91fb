"""A photo answer travels with its question: the enumerator's laptop sends the link (question,
sha256, file name) with the answer, the server keeps it, and the office desktop that pulls the
assessment downloads the photo by hash into the assessment's folder, resuming a cut-off
download. Real server processes on 127.0.0.1, SQLite and PostgreSQL.
"""

from __future__ import annotations

import hashlib
import os
import random
from pathlib import Path

from sync_support import KEL, server_records

from kampung_desktop.services.assessments import AssessmentService
from kampung_desktop.services.demo_assessments import bantar_answers

PHOTO_NAME = "foto_bersih-selokan.jpg"


def test_a_photo_reaches_the_office_tied_to_its_question(any_server, laptop_factory, tmp_path):
    ani = laptop_factory("ani")
    ani.enrol(any_server, "ani")
    assessments = AssessmentService(ani.ctx.db, ani.ctx.user_id, tmp_path / "cache-ani")
    assessments.install_shipped_forms()
    aid = assessments.start("bantar_rt", KEL, rw=3, rt=4)
    for field, value in bantar_answers(random.Random(5), 2026, KEL, 3, 4).items():
        assessments.save_answer(aid, field, value)
    photo = os.urandom(300_000)
    sha = hashlib.sha256(photo).hexdigest()
    folder = ani.data_dir / "attachments" / aid  # where the interview copies a chosen photo
    folder.mkdir(parents=True)
    (folder / PHOTO_NAME).write_bytes(photo)
    assessments.save_answer(aid, "foto_bersih", PHOTO_NAME)
    assessments.transition(aid, "finalize")
    sent = ani.sync.sync()
    assert sent.ok and sent.rejected == 0, ani.sync.status().rejected

    answers = server_records(any_server.db_url, "assessment_answers")
    _revision, data = answers[f"{aid}/foto_bersih"]
    assert data["attachments"] == [
        {"question": "foto_bersih", "sha256": sha, "filename": PHOTO_NAME,
         "media_type": "image/jpeg", "size": len(photo)}
    ]  # fmt: skip
    assert not any(d.get("attachments") for k, (_r, d) in answers.items() if "foto" not in k)

    office = laptop_factory("office")
    office.enrol(any_server, "budi")
    # a download of this photo was cut off earlier: 100,000 bytes are already here
    partial = office.data_dir / "attachments-partial" / f"{sha}.part"
    partial.parent.mkdir(parents=True)
    partial.write_bytes(photo[:100_000])
    phases: list[tuple[str, int]] = []
    pulled = office.sync.sync(progress=lambda p: phases.append((p.phase, p.bytes_received)))
    assert pulled.ok, pulled.error
    target = office.data_dir / "attachments" / aid / PHOTO_NAME
    assert target.read_bytes() == photo  # resumed from byte 100,000, checked by its hash
    assert not partial.exists()
    review = AssessmentService(office.ctx.db, office.ctx.user_id, tmp_path / "cache-office")
    assert review.answers(aid)["foto_bersih"] == PHOTO_NAME  # the answer names the file here
    assert ("attachments", phases[-1][1]) in phases

    again = office.sync.sync()  # nothing twice: the file is in place, and never sent back
    assert again.ok
    with office.ctx.db.raw() as conn:
        held = conn.execute(
            "SELECT uploaded_at IS NOT NULL FROM sync_attachments WHERE sha256 = ?", (sha,)
        ).fetchone()
    assert held == (1,)
    assert sorted(p.name for p in (office.data_dir / "attachments" / aid).iterdir()) == [PHOTO_NAME]


def test_an_enumerator_gets_no_photos_of_others(any_server, laptop_factory, tmp_path):
    ani = laptop_factory("ani")
    ani.enrol(any_server, "ani")
    assessments = AssessmentService(ani.ctx.db, ani.ctx.user_id, tmp_path / "cache")
    assessments.install_shipped_forms()
    aid = assessments.start("bantar_rt", KEL, rw=1, rt=1)
    folder = ani.data_dir / "attachments" / aid
    folder.mkdir(parents=True)
    (folder / PHOTO_NAME).write_bytes(b"not for other laptops")
    assessments.save_answer(aid, "foto_bersih", PHOTO_NAME)
    assert ani.sync.sync().ok

    dedi = laptop_factory("dedi")
    dedi.enrol(any_server, "dedi")
    assert dedi.sync.sync().ok
    assert not (Path(dedi.data_dir) / "attachments").exists()
