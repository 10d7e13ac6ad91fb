"""Batch printing off the UI thread: a QRunnable on the global pool, signals back to the window.

The runnable calls `PrintingService.run` with a progress callback that reports each page and
returns False once the user pressed Cancel, so the renderer stops and removes its temporary
file: a cancelled batch leaves no PDF behind.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from kampung_desktop.ui.qt import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class PrintSignals(QObject):
    progress = Signal(int, int)  # done, total
    finished = Signal(object)  # PrintOutcome (cancelled or not)
    failed = Signal(str)  # a user-facing message (PrintError) ...
    crashed = Signal(object)  # ... or an unexpected exception for the fault handler


class PrintJob(QRunnable):
    """One batch. `page_delay` (seconds) slows pages down; only tests set it, to cancel
    mid-batch deterministically."""

    page_delay = 0.0

    def __init__(self, service: Any, request: Any) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the window keeps it until `finished`
        self.service = service
        self.request = request
        self.signals = PrintSignals()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def start(self) -> None:
        QThreadPool.globalInstance().start(self)

    def _progress(self, done: int, total: int) -> bool:
        if self.page_delay and done:
            time.sleep(self.page_delay)
        self.signals.progress.emit(done, total)
        return not self._cancel.is_set()

    def run(self) -> None:
        from kampung_desktop.services.printing import PrintError

        try:
            outcome = self.service.run(self.request, self._progress)
        except PrintError as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # handed to the UI thread's fault handler, never lost
            log.error("batch printing failed", exc_info=exc)
            self.signals.crashed.emit(exc)
        else:
            self.signals.finished.emit(outcome)
