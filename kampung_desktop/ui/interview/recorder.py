"""Recording audio from the computer's microphone (Qt Multimedia), behind a small interface.

`Recorder` is what the wizard's background recording needs: start into a file, stop (the file
is complete when `stop` returns), and say why recording is not possible. `QtRecorder` is the
real one: QMediaCaptureSession + QAudioInput + QMediaRecorder on the default audio input. It
writes AAC in an ADTS stream (`.aac`): ADTS frames stand alone, so a recording that goes on
after the form is reopened is appended byte for byte, and a file cut off by a crash still plays.

`quality` follows ODK's `odk:quality` of background audio: `voice-only` (ODK's default: AMR
at 8 kHz, 12.2 kbit/s on a phone), `low` (AAC, 32 kHz, 24 kbit/s) and `normal` (AAC, 32 kHz,
64 kbit/s). Qt has no AMR encoder on a desktop, so voice-only is AAC at the same rate and bit
rate; Qt's backend may round rate and bit rate to what the encoder accepts.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from kampung_desktop.ui.qt import QEventLoop, QObject, QTimer, QUrl, Signal, optional

#: Why recording could not start (keys of the wizard's texts).
NO_MULTIMEDIA = "audio.no_multimedia"
NO_MICROPHONE = "audio.no_microphone"
FAILED = "audio.failed"
STOP_WAIT_MS = 5000
SUFFIX = ".aac"


@dataclass(frozen=True)
class Quality:
    sample_rate: int
    bit_rate: int
    channels: int = 1


QUALITIES = {
    "voice-only": Quality(8000, 12200),
    "low": Quality(32000, 24000),
    "normal": Quality(32000, 64000),
}
DEFAULT_QUALITY = "voice-only"


def quality_of(parameters: dict[str, str]) -> Quality:
    """The recording settings for a row's `quality=` parameter (ODK's default: voice-only)."""
    name = str(parameters.get("quality") or DEFAULT_QUALITY).strip().lower()
    return QUALITIES.get(name, QUALITIES[DEFAULT_QUALITY])


class Recorder(Protocol):
    def start(self, target: Path, quality: Quality) -> str | None:
        """Start recording into `target`; None when recording, else why not (a text key)."""
        ...

    def stop(self) -> bool:
        """Stop and finish the file; True when a recording was written."""
        ...


class QtRecorder(QObject):
    """The default audio input recorded with Qt Multimedia."""

    #: Recording stopped by itself (device unplugged, disk full): a text key.
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._recorder: Any = None
        self._session: Any = None
        self._input: Any = None
        self._mm: Any = None
        self._devices: Any = None
        self._device_id: Any = None

    @staticmethod
    def multimedia() -> Any:
        """PySide6.QtMultimedia, or None when this installation has no Qt Multimedia."""
        try:
            return optional("QtMultimedia")
        except ImportError:
            return None

    def start(self, target: Path, quality: Quality) -> str | None:
        mm = self.multimedia()
        if mm is None:
            return NO_MULTIMEDIA
        device = mm.QMediaDevices.defaultAudioInput()
        if device.isNull():
            return NO_MICROPHONE
        self._mm = mm
        self._device_id = device.id()
        if self._devices is None:  # Qt keeps "recording" silence when the device goes away
            self._devices = mm.QMediaDevices(self)
            self._devices.audioInputsChanged.connect(self._inputs_changed)
        self._input = mm.QAudioInput(device, self)
        self._session = mm.QMediaCaptureSession(self)
        self._session.setAudioInput(self._input)
        recorder = mm.QMediaRecorder(self)
        self._session.setRecorder(recorder)
        media_format = mm.QMediaFormat(mm.QMediaFormat.FileFormat.AAC)
        media_format.setAudioCodec(mm.QMediaFormat.AudioCodec.AAC)
        recorder.setMediaFormat(media_format)
        recorder.setEncodingMode(mm.QMediaRecorder.EncodingMode.ConstantBitRateEncoding)
        recorder.setAudioSampleRate(quality.sample_rate)
        recorder.setAudioBitRate(quality.bit_rate)
        recorder.setAudioChannelCount(quality.channels)
        target.parent.mkdir(parents=True, exist_ok=True)
        recorder.setOutputLocation(QUrl.fromLocalFile(str(target)))
        recorder.errorOccurred.connect(self._error)
        self._recorder = recorder
        recorder.record()
        if recorder.error() != mm.QMediaRecorder.Error.NoError:
            self._drop()
            return FAILED
        return None

    def _error(self, *_args: Any) -> None:
        if self._recorder is not None:
            self.failed.emit(FAILED)

    def _inputs_changed(self) -> None:
        """The microphone in use was unplugged (or its sound server went away)."""
        if self._recorder is None or self._mm is None:
            return
        if all(d.id() != self._device_id for d in self._mm.QMediaDevices.audioInputs()):
            self.failed.emit(FAILED)

    def stop(self) -> bool:
        recorder, mm = self._recorder, self._mm
        if recorder is None:
            return False
        stopped = mm.QMediaRecorder.RecorderState.StoppedState
        if recorder.recorderState() != stopped:
            loop = QEventLoop()
            recorder.recorderStateChanged.connect(
                lambda state: loop.quit() if state == stopped else None
            )
            QTimer.singleShot(STOP_WAIT_MS, loop.quit)
            recorder.stop()
            if recorder.recorderState() != stopped:
                loop.exec()  # the file is finished (trailer written) when the state says so
        ok = recorder.error() == mm.QMediaRecorder.Error.NoError
        self._drop()
        return ok

    def _drop(self) -> None:
        recorder = self._recorder
        self._recorder = None
        if recorder is not None:
            recorder.errorOccurred.disconnect(self._error)
            self._session.setRecorder(None)
            recorder.deleteLater()
        if self._session is not None:
            self._session.setAudioInput(None)
            self._session.deleteLater()
            self._session = None
        if self._input is not None:
            self._input.deleteLater()
            self._input = None
