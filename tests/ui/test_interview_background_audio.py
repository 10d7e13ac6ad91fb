"""ODK's `background-audio` in the wizard, on a computer without any audio input.

This process is given no sound server (PULSE_SERVER points nowhere, no PipeWire), so Qt
Multimedia really finds no microphone: the wizard must say so and let the interview go on
with the answer empty. Recording itself, through a real sound server, is
test_interview_recording.py.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sys  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from audio_form import ADTS_SYNC, start_assessment  # noqa: E402

from kampung_desktop.services.interviews import InterviewService  # noqa: E402
from kampung_desktop.ui.interview import media_dir  # noqa: E402
from kampung_desktop.ui.interview.autosave import AutosaveWriter  # noqa: E402
from kampung_desktop.ui.interview.background_audio import (  # noqa: E402
    RECORDING,
    UNAVAILABLE,
    recording_dir,
)
from kampung_desktop.ui.interview.recorder import (  # noqa: E402
    NO_MICROPHONE,
    NO_MULTIMEDIA,
    QUALITIES,
    QtRecorder,
    quality_of,
)
from kampung_desktop.ui.interview.wizard import InterviewWindow  # noqa: E402


@pytest.fixture(autouse=True)
def no_sound_server(monkeypatch, tmp_path: Path):
    """No sound server at all: Qt Multimedia's own device list comes back empty."""
    monkeypatch.setenv("PULSE_SERVER", f"unix:{tmp_path}/no-sound-server")
    monkeypatch.setenv("PIPEWIRE_REMOTE", f"{tmp_path}/no-pipewire")


@pytest.fixture
def service(ctx):
    return InterviewService.for_context(ctx)


def open_window(qtbot, ctx, service, aid: str) -> InterviewWindow:
    session = service.open(aid, writer=AutosaveWriter(service.assessments))
    window = InterviewWindow(session, media_dir=media_dir(ctx.data_dir, aid))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_without_a_microphone_the_interview_goes_on_and_says_why(qtbot, ctx, service, tmp_path):
    assert QtRecorder.multimedia() is not None  # Qt Multimedia is installed with the app
    aid = start_assessment(service, tmp_path)
    window = open_window(qtbot, ctx, service, aid)
    assert window.audio.node is not None and window.audio.state == UNAVAILABLE
    assert window.audio.reason == NO_MICROPHONE
    assert window.recording_note.isVisible() and not window.recording.isVisible()
    assert "tidak memiliki mikrofon" in window.recording_note.text()
    window.set_language("en")
    assert "this computer has no microphone" in window.recording_note.text()
    window.answer("catatan", "tetap bisa diisi")  # the interview goes on
    window.close()
    answers = service.assessments.answers(aid)
    assert answers["catatan"] == "tetap bisa diisi"
    assert answers.get("rekaman") is None  # as ODK: no recording, no answer
    assert not media_dir(ctx.data_dir, aid).exists()


def test_a_recording_cut_off_by_a_crash_joins_the_answer_when_reopened(
    qtbot, ctx, service, tmp_path
):
    aid = start_assessment(service, tmp_path)
    folder = media_dir(ctx.data_dir, aid)
    left = recording_dir(folder) / "rekaman.aac"  # what the crashed window was writing
    left.parent.mkdir(parents=True)
    left.write_bytes(ADTS_SYNC + b"first part")
    window = open_window(qtbot, ctx, service, aid)
    name = window.session.interview.answer("rekaman")
    assert name and name.startswith("rekaman-") and name.endswith(".aac")
    assert (folder / name).read_bytes() == ADTS_SYNC + b"first part"
    assert not left.exists()  # moved into the answer, not sent half-written by sync
    window.close()
    assert service.assessments.answers(aid)["rekaman"] == name

    left.write_bytes(ADTS_SYNC + b"second part")  # another crash, later
    window = open_window(qtbot, ctx, service, aid)
    again = window.session.interview.answer("rekaman")
    assert again != name  # a new file (sync sends it; the answer names it)
    assert (folder / again).read_bytes() == ADTS_SYNC + b"first part" + ADTS_SYNC + b"second part"
    window.close()


def test_an_installation_without_qt_multimedia_says_so(qtbot, ctx, service, tmp_path, monkeypatch):
    """The installed app may be built without Qt Multimedia: import fails, the interview runs."""
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)  # as if not installed
    assert QtRecorder.multimedia() is None
    aid = start_assessment(service, tmp_path)
    window = open_window(qtbot, ctx, service, aid)
    assert window.audio.state == UNAVAILABLE and window.audio.reason == NO_MULTIMEDIA
    assert "tidak tersedia pada instalasi ini" in window.recording_note.text()
    window.close()
    assert service.assessments.answers(aid).get("rekaman") is None


def test_a_read_only_assessment_records_nothing(qtbot, ctx, service, tmp_path):
    aid = start_assessment(service, tmp_path)
    service.assessments.save_answer(aid, "catatan", "x")
    service.assessments.transition(aid, "finalize")
    session = service.open(aid)
    window = InterviewWindow(session, media_dir=media_dir(ctx.data_dir, aid))
    qtbot.addWidget(window)
    assert window.audio.state != RECORDING and not window.recording_note.isVisible()


def test_quality_follows_odk_and_defaults_to_voice_only():
    assert quality_of({"quality": "normal"}) == QUALITIES["normal"]
    assert quality_of({"quality": "low"}).bit_rate == 24000
    assert quality_of({}) == quality_of({"quality": "voice-only"}) == QUALITIES["voice-only"]
    assert QUALITIES["voice-only"].sample_rate == 8000


def test_a_recording_that_cannot_be_stored_now_waits_for_the_next_opening(
    qtbot, ctx, service, tmp_path
):
    aid = start_assessment(service, tmp_path)
    folder = media_dir(ctx.data_dir, aid)
    left = recording_dir(folder) / "rekaman.aac"
    left.parent.mkdir(parents=True)
    left.write_bytes(ADTS_SYNC + b"kept")
    folder.parent.mkdir(parents=True)
    folder.write_bytes(b"")  # a file where the attachment folder should be: it cannot be made
    window = open_window(qtbot, ctx, service, aid)  # no traceback, the interview opens
    window.answer("catatan", "tetap")
    window.close()
    assert left.read_bytes() == ADTS_SYNC + b"kept"  # nothing recorded is lost
    assert service.assessments.answers(aid).get("rekaman") is None

    folder.unlink()  # the disk is fine again
    window = open_window(qtbot, ctx, service, aid)
    name = window.session.interview.answer("rekaman")
    assert (folder / name).read_bytes() == ADTS_SYNC + b"kept" and not left.exists()
    window.close()


def test_an_answer_naming_a_path_is_never_read_into_the_recording(qtbot, ctx, service, tmp_path):
    aid = start_assessment(service, tmp_path)
    secret = ctx.data_dir / "secret.aac"
    secret.write_bytes(b"not yours")
    service.assessments.save_answer(aid, "rekaman", "../../secret.aac")  # e.g. a tampered sync
    left = recording_dir(media_dir(ctx.data_dir, aid)) / "rekaman.aac"
    left.parent.mkdir(parents=True)
    left.write_bytes(ADTS_SYNC + b"mine")
    window = open_window(qtbot, ctx, service, aid)
    name = window.session.interview.answer("rekaman")
    assert (media_dir(ctx.data_dir, aid) / name).read_bytes() == ADTS_SYNC + b"mine"
    window.close()
