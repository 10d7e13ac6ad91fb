"""An interview's background recording travels like a photo: its file is in the assessment's
attachment folder and the answer names it, so sync sends it tied to the question and the office
gets it; a recording still running (outside that folder) is never sent half-written. Real server
process on 127.0.0.1 (SQLite).
"""

from __future__ import annotations

import hashlib
import subprocess
import sys

import openpyxl
from sync_support import KEL, server_records

from kampung_desktop.services.interviews import InterviewService
from kampung_desktop.ui.interview import media_dir
from kampung_desktop.ui.interview.background_audio import BackgroundAudio, recording_dir

#: What a crashed window left: two ADTS frames' worth of bytes (the content is not the point).
RECORDED = b"\xff\xf1" + bytes(range(200)) + b"\xff\xf1" + bytes(100)


def _form(folder):
    wb = openpyxl.Workbook()
    survey = wb.active
    survey.title = "survey"
    survey.append(["type", "name", "label", "parameters"])
    for row in (["text", "kelurahan_code", "Kelurahan", ""], ["integer", "rw", "RW", ""],
                ["integer", "rt", "RT", ""], ["background-audio", "rekaman", "", "quality=low"],
                ["text", "catatan", "Catatan", ""]):  # fmt: skip
        survey.append(row)
    settings = wb.create_sheet("settings")
    settings.append(["form_id", "version", "form_title"])
    settings.append(["uji_rekam", "1", "Uji rekaman"])
    path = folder / "uji_rekam.xlsx"
    wb.save(path)
    return path


def test_a_recording_reaches_the_office_tied_to_its_question(
    qtbot, server, laptop_factory, tmp_path
):
    done = subprocess.run(
        [sys.executable, "-m", "kampung_desktop", "server", "forms", "publish", "--db",
         server.db_url, str(_form(tmp_path))], capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]  # the office publishes the form
    ani = laptop_factory("ani")
    ani.enrol(server, "ani")
    assert ani.sync.sync().ok  # the form reaches the laptop
    service = InterviewService.for_context(ani.ctx)
    aid = service.start("uji_rekam", KEL, rw=3, rt=4)
    folder = media_dir(ani.data_dir, aid)
    running = recording_dir(folder) / "rekaman.aac"
    running.parent.mkdir(parents=True)
    running.write_bytes(RECORDED)
    session = service.open(aid)
    BackgroundAudio(session, folder).store()  # as the wizard does when it opens or closes
    name = service.assessments.answers(aid)["rekaman"]
    assert (folder / name).read_bytes() == RECORDED
    service.assessments.save_answer(aid, "catatan", "selesai")
    service.assessments.transition(aid, "finalize")
    running.write_bytes(b"\xff\xf1 still being written")  # another interview records meanwhile

    sent = ani.sync.sync()
    assert sent.ok and sent.rejected == 0, ani.sync.status().rejected
    _revision, data = server_records(server.db_url, "assessment_answers")[f"{aid}/rekaman"]
    assert data["attachments"] == [
        {"question": "rekaman", "sha256": hashlib.sha256(RECORDED).hexdigest(),
         "filename": name, "media_type": "audio/aac", "size": len(RECORDED)}
    ]  # fmt: skip
    with ani.ctx.db.raw() as conn:
        paths = [r[0] for r in conn.execute("SELECT path FROM sync_attachments")]
    assert paths == [f"attachments/{aid}/{name}"]  # the running recording stayed home

    office = laptop_factory("office")
    office.enrol(server, "budi")
    assert office.sync.sync().ok
    assert (office.data_dir / "attachments" / aid / name).read_bytes() == RECORDED
