"""An interview recorded with ODK's `background-audio` from a real microphone.

The microphone is PulseAudio's null source on a throw-away sound server (`sound_server.py`):
real device discovery, capture, AAC encoding and files through Qt Multimedia. Each run is a
child process (`record_child.py`) that opens the wizard, records, closes, reopens (recording
goes on, appended), is refused finalizing once (recording goes on) and finalizes, as an
enumerator would.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from audio_form import adts_rates, adts_seconds
from sound_server import SoundServer

CHILD = Path(__file__).with_name("record_child.py")


@pytest.fixture(scope="module")
def sound_server(tmp_path_factory):
    server = SoundServer(tmp_path_factory.mktemp("pulse"))
    yield server
    server.stop()


def record(server: SoundServer, folder: Path, quality: str) -> dict:
    env = {**os.environ, **server.env(), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, str(CHILD), str(folder / "data"), quality, str(folder / "shot.png")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(("quality", "rate"), [("", 8000), ("normal", 32000)])
def test_the_whole_interview_is_recorded_and_kept_as_the_answer(
    sound_server, tmp_path: Path, quality: str, rate: int
):
    out = record(sound_server, tmp_path, quality)
    assert out["first_state"] == "recording" and out["second_state"] == "recording"
    assert out["indicator"] == "● Merekam audio" and out["note"] is False
    first, final = bytes.fromhex(out["first_bytes"]), bytes.fromhex(out["final_bytes"])
    assert adts_rates(first) == {rate}  # voice-only (ODK's default) at 8 kHz, normal at 32
    assert adts_seconds(first) >= 1.0  # the 1.5 s the first window was open
    # Reopened, it recorded on, and on after a refused finalization: the answer's file holds
    # the first recording, then the second window's two stretches (about 1 s each).
    assert out["refused"] is True and out["after_refusal"] == "recording"
    assert final.startswith(first) and adts_seconds(final) >= adts_seconds(first) + 1.5
    assert adts_rates(final) == {rate}
    assert out["finalized"] is True and out["state"] == "finalized"
    assert out["recording_after"] is False and out["left_over"] == []
    assert out["final"] in out["attachments"]  # in the attachment folder sync sends
    assert (tmp_path / "shot.png").stat().st_size > 0
