"""Child process of test_interview_recording.py: an interview recorded from a real microphone.

    python record_child.py DATA_DIR QUALITY SCREENSHOT.png   (prints one JSON line)

Opens the wizard on a form with `background-audio`, lets it record, closes it, reopens it (the
recording goes on, appended), tries to finalize with an answer missing (refused: it records on),
then finalizes — the way an enumerator would. Runs in its own
process because the sound server a process sees is fixed the first time Qt Multimedia looks.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

from audio_form import start_assessment  # noqa: E402

from kampung_desktop.services.app import AppContext  # noqa: E402
from kampung_desktop.services.interviews import InterviewService  # noqa: E402
from kampung_desktop.ui.interview import media_dir  # noqa: E402
from kampung_desktop.ui.interview.autosave import AutosaveWriter  # noqa: E402
from kampung_desktop.ui.interview.background_audio import RECORDING, recording_dir  # noqa: E402
from kampung_desktop.ui.interview.wizard import InterviewWindow  # noqa: E402
from kampung_desktop.ui.qt import QApplication, QEventLoop, QMessageBox, QTimer  # noqa: E402


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> None:
    data_dir, quality, screenshot = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    app = QApplication.instance() or QApplication([])
    QMessageBox.question = staticmethod(lambda *a: QMessageBox.StandardButton.Yes)  # type: ignore[method-assign]
    ctx = AppContext.open(data_dir)
    service = InterviewService.for_context(ctx)
    aid = start_assessment(service, data_dir.parent, quality)
    folder = media_dir(data_dir, aid)
    out: dict = {}

    def open_window() -> InterviewWindow:
        session = service.open(aid, writer=AutosaveWriter(service.assessments))
        window = InterviewWindow(session, media_dir=folder)
        window.show()
        return window

    window = open_window()
    out["first_state"] = window.audio.state
    wait(1500)
    app.processEvents()
    out["indicator"] = window.recording.isVisible() and window.recording.text()
    out["note"] = window.recording_note.isVisible()
    window.grab().save(str(screenshot))
    window.answer("catatan", "direkam")
    window.close()
    first = service.assessments.answers(aid).get("rekaman")
    out["first"] = first
    out["first_bytes"] = (folder / first).read_bytes().hex() if first else None

    window = open_window()  # reopened: records on
    out["second_state"] = window.audio.state
    wait(1000)
    window.answer("catatan", "")  # a required answer is missing: finalizing is refused
    out["refused"] = window.finalize() is False
    out["after_refusal"] = window.audio.state  # still a draft: it records on
    wait(1000)
    window.answer("catatan", "direkam")
    out["finalized"] = window.finalize()
    final = service.assessments.answers(aid).get("rekaman")
    out["final"] = final
    out["final_bytes"] = (folder / final).read_bytes().hex() if final else None
    out["state"] = service.assessments.get(aid).state
    out["recording_after"] = window.audio.state == RECORDING
    out["left_over"] = [p.name for p in recording_dir(folder).glob("*")]
    out["attachments"] = sorted(p.name for p in folder.iterdir())
    window.close()
    ctx.close()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
