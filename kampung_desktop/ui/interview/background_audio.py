"""ODK's `background-audio`: the whole interview recorded from the microphone while it is open.

When the form has a `background-audio` row and the assessment can be edited, recording starts
as the wizard opens and stops when it closes or the assessment is finalized; the sound then
becomes the row's answer: a file in the assessment's attachment folder (where photos go, so
sync carries it), named in the answer. Reopening the draft records on, appended to the same
sound (a new file holding both, as ODK Collect appends to its recording). While a recording is
running it is written outside the attachment folder (sync must not send half a file); a
recording left there by a crash joins the answer the next time the assessment is opened.

Without a microphone (or without Qt Multimedia) the interview goes on and the answer stays
empty, as in ODK Collect when recording is not possible; the wizard says so.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from kampung_desktop.services.assessments import AssessmentError
from kampung_desktop.services.interview_session import InterviewSession
from kampung_desktop.survey import AnswerError
from kampung_desktop.survey.model import FormNode
from kampung_desktop.ui.interview.recorder import (
    FAILED,
    SUFFIX,
    QtRecorder,
    Recorder,
    quality_of,
)
from kampung_desktop.ui.interview.texts import t
from kampung_desktop.ui.qt import QLabel, QObject, QWidget, Signal

log = logging.getLogger(__name__)

OFF, RECORDING, UNAVAILABLE = "off", "recording", "unavailable"
_RED = "#c62828"  # ≥ 4.5:1 on white


def recording_dir(media_dir: Path) -> Path:
    """Where a running recording is written: `<data>/recording/<assessment id>/`, beside (not
    in) `<data>/attachments/`, whose every file sync sends."""
    return media_dir.parent.parent / "recording" / media_dir.name


def background_audio_node(session: InterviewSession) -> FormNode | None:
    return next(
        (n for n in session.form.walk() if n.type == "background-audio" and not n.chain), None
    )


class BackgroundAudio(QObject):
    """Starts, stops and stores the interview's background recording; `changed` on each turn."""

    changed = Signal()

    def __init__(
        self,
        session: InterviewSession,
        media_dir: Path | None,
        recorder: Recorder | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.media_dir = media_dir
        self.node = background_audio_node(session)
        self.recorder: Recorder = recorder if recorder is not None else QtRecorder(self)
        failed = getattr(self.recorder, "failed", None)
        if failed is not None:
            failed.connect(self._failed)
        self.state = OFF
        #: Why there is no recording (a text key), while `state` is UNAVAILABLE.
        self.reason: str | None = None

    @property
    def wanted(self) -> bool:
        return self.node is not None and self.media_dir is not None and not self.session.read_only

    @property
    def partial(self) -> Path:
        assert self.media_dir is not None and self.node is not None
        return recording_dir(self.media_dir) / f"{self.node.name}{SUFFIX}"

    def start(self) -> None:
        """Record from now on (no-op when the form asks for no recording or is read-only)."""
        if not self.wanted or self.state == RECORDING:
            return
        assert self.node is not None
        self.store()  # a recording a crash left behind joins the answer first
        try:
            reason = self.recorder.start(self.partial, quality_of(self.node.parameters))
        except OSError as exc:  # the recording folder cannot be made (disk, permissions)
            log.warning("background recording not started: %s", type(exc).__name__)
            reason = FAILED
        self.state, self.reason = (RECORDING, None) if reason is None else (UNAVAILABLE, reason)
        self.changed.emit()

    def finish(self) -> None:
        """Stop recording and store what was recorded as the answer (window closing,
        finalizing)."""
        if self.state == RECORDING:
            self.recorder.stop()
            self.state = OFF
            self.changed.emit()
        if self.wanted:
            self.store()

    def _failed(self, reason: str) -> None:
        if self.state != RECORDING:
            return
        self.recorder.stop()
        self.state, self.reason = UNAVAILABLE, reason
        self.store()
        self.changed.emit()

    def store(self) -> None:
        """The finished recording, appended to the sound already answered, becomes the answer.

        When that fails (disk full, read-only meanwhile) the running file stays where it is and
        joins the answer the next time the assessment is opened: nothing recorded is lost.
        """
        if not self.wanted:
            return
        partial = self.partial
        try:
            if not partial.is_file():
                return
            if partial.stat().st_size == 0:
                partial.unlink()
                return
            target = self._joined(partial)
        except OSError as exc:
            log.warning("background recording kept for later: %s", type(exc).__name__)
            return
        try:
            self.session.answer(self.node.name, target.name)  # type: ignore[union-attr]
        except (AssessmentError, AnswerError):
            return
        partial.unlink(missing_ok=True)

    def _joined(self, partial: Path) -> Path:
        """A new file in the attachment folder: the sound answered so far, then `partial`."""
        assert self.media_dir is not None and self.node is not None
        self.media_dir.mkdir(parents=True, exist_ok=True)
        target = self._new_name()
        previous = str(self.session.interview.answer(self.node.name) or "")
        plain = previous and Path(previous).name == previous and previous.endswith(SUFFIX)
        earlier = self.media_dir / previous if plain else None  # a name, never a path
        from kampung_desktop.services.attachments import AttachmentNotStored, store_joined

        parts = [earlier] if earlier is not None and earlier.is_file() else []
        try:  # sealed on a protected dir, like every attachment; written whole or not at all
            store_joined([*parts, partial], target)
        except AttachmentNotStored as refused:
            raise OSError(str(refused)) from None  # kept for the next opening
        return target

    def _new_name(self) -> Path:
        assert self.media_dir is not None and self.node is not None
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = self.media_dir / f"{self.node.name}-{stamp}{SUFFIX}"
        count = 2
        while target.exists():
            target = self.media_dir / f"{self.node.name}-{stamp}-{count}{SUFFIX}"
            count += 1
        return target


class RecordingIndicator(QLabel):
    """'● Merekam audio' in the wizard's bottom bar while recording (ODK shows one too)."""

    def __init__(self, audio: BackgroundAudio, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordingIndicator")
        self.setStyleSheet(f"color: {_RED}; font-weight: bold;")
        self.audio = audio
        audio.changed.connect(self.retranslate)
        self.retranslate()

    def retranslate(self) -> None:
        lang = self.audio.session.lang
        self.setText(t("audio.recording", lang))
        self.setToolTip(t("audio.recording_tip", lang))
        self.setAccessibleName(t("audio.recording", lang).lstrip("● "))
        self.setVisible(self.audio.state == RECORDING)


class RecordingNote(QLabel):
    """The banner saying the form's recording is not being made, and why."""

    def __init__(self, audio: BackgroundAudio, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordingNote")
        self.setWordWrap(True)
        self.setStyleSheet(
            "background: #fff4e5; color: #6d4c00; border: 1px solid #f0b44c; padding: 8px;"
        )
        self.audio = audio
        audio.changed.connect(self.retranslate)
        self.retranslate()

    def retranslate(self) -> None:
        reason = self.audio.reason if self.audio.state == UNAVAILABLE else None
        self.setText(t(reason, self.audio.session.lang) if reason else "")
        self.setVisible(bool(reason))
