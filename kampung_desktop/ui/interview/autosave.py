"""The wizard's autosave: every answer is committed by one background thread, in order.

The UI thread hands over a `Save` and returns at once (a commit with `synchronous=FULL` waits
for the disk, which a frame cannot afford). One thread means saves never race each other. A save
for a field that is still queued replaces the older one — the newer value is what counts — so a
burst of changes costs one commit per field, and a kill can lose only what was not yet handed
over, i.e. the answer being typed.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections import OrderedDict

from kampung_desktop.services.assessments import AssessmentService
from kampung_desktop.services.interview_saves import Save, write
from kampung_desktop.ui.qt import QObject, Signal

log = logging.getLogger(__name__)

_PAGE_KEY = "\x00page"


class AutosaveWriter(QObject):
    """A `services.interviews.Writer` that commits on its own thread; signals come back queued."""

    saved = Signal(object)  # the Save now on disk
    failed = Signal(object)  # (Save, exception)

    def __init__(self, service: AssessmentService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self._cond = threading.Condition()
        self._queue: OrderedDict[str, Save] = OrderedDict()
        self._busy = False
        self._closed = False
        self.commits = 0
        self._thread = threading.Thread(target=self._run, name="kampung-autosave", daemon=True)
        self._thread.start()

    @property
    def pending(self) -> int:
        with self._cond:
            return len(self._queue) + (1 if self._busy else 0)

    def submit(self, save: Save) -> None:
        key = save.field if save.field is not None else _PAGE_KEY
        with self._cond:
            if self._closed:
                raise RuntimeError("autosave is closed")
            self._queue[key] = save  # a queued older save of the same field is replaced
            self._cond.notify_all()

    def flush(self, timeout: float | None = 10.0) -> bool:
        """Wait until everything handed over is committed; False on timeout."""
        with self._cond:
            return self._cond.wait_for(lambda: not self._queue and not self._busy, timeout)

    def close(self) -> None:
        """Commit what is queued, then stop the thread."""
        with self._cond:
            if self._closed:
                return
            self._closed = True
            self._cond.notify_all()
        self._thread.join()

    def _run(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._queue or self._closed)
                if not self._queue:
                    return  # closed and drained
                _, save = self._queue.popitem(last=False)
                self._busy = True
            try:
                write(self.service, save)
            except Exception as exc:  # shown to the user; the answer stays in the interview
                log.warning("autosave of %s failed: %s", save.field or "page", type(exc).__name__)
                self._emit(self.failed, (save, exc))
            else:
                self.commits += 1
                self._emit(self.saved, save)
            with self._cond:
                self._busy = False
                self._cond.notify_all()

    def _emit(self, signal, payload) -> None:  # type: ignore[no-untyped-def]
        with contextlib.suppress(RuntimeError):  # the window is gone; the commit still counts
            signal.emit(payload)
