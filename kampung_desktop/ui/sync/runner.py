"""The sync's own worker thread, separate from the window's database worker.

A sync can take minutes; on the window's single `TaskRunner` it would hold up every search and
edit behind it, so sync, reachability checks and sync-status reads run here instead. Results
come back to the UI thread as queued closures (the `TaskRunner` pattern). Progress reports are
coalesced: however often the engine reports, at most one update waits in the event queue, so a
fast pull of 100,000 records cannot flood the window.

The thread is a daemon and `shutdown()` waits a bounded time: quitting sets the cancel event
(the engine stops at its next batch or page boundary, each of which is one transaction), and
should a network call still hang, the process may exit anyway — an unfinished SQLite
transaction rolls back and a replayed push is answered from its stored receipt.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import sys
import threading
from collections import deque
from collections.abc import Callable
from typing import Any

from kampung_desktop.ui.qt import QObject, Signal

log = logging.getLogger(__name__)

Job = Callable[[], Any]


class SyncRunner(QObject):
    _posted = Signal()
    progressed = Signal(object)  # the latest progress value (UI thread)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cancel = threading.Event()
        self._jobs: queue.SimpleQueue[tuple[Job, Any, Any] | None] = queue.SimpleQueue()
        self._closures: deque[Callable[[], None]] = deque()
        self._lock = threading.Lock()
        self._progress: Any = None
        self._progress_posted = False
        self._running = 0
        self._closed = False
        self._posted.connect(self._run_closures)
        self._thread = threading.Thread(target=self._loop, name="kampung-sync", daemon=True)
        self._thread.start()

    @property
    def busy(self) -> bool:
        return self._running > 0

    @property
    def closed(self) -> bool:
        return self._closed

    def run(
        self,
        job: Job,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Queue `job()`; `on_done(result)` / `on_error(exc)` run on the UI thread after it."""
        if self._closed:
            return
        self._running += 1
        self._jobs.put((job, on_done, on_error))

    def report(self, value: Any) -> None:
        """Called by the worker (any thread): remember the latest progress, post it once."""
        with self._lock:
            self._progress = value
            if self._progress_posted:
                return
            self._progress_posted = True
        self._post(self._emit_progress)

    def _emit_progress(self) -> None:
        with self._lock:
            value, self._progress_posted = self._progress, False
        self.progressed.emit(value)

    def _loop(self) -> None:
        while True:
            item = self._jobs.get()
            if item is None:
                return
            job, on_done, on_error = item
            try:
                outcome: tuple[bool, Any] = (True, job())
            except BaseException as exc:  # handed to the UI thread, never lost
                outcome = (False, exc)
            self._post(lambda outcome=outcome, d=on_done, e=on_error: self._finish(outcome, d, e))

    def _finish(self, outcome: tuple[bool, Any], on_done: Any, on_error: Any) -> None:
        self._running -= 1
        ok, value = outcome
        if ok:
            if on_done is not None:
                on_done(value)
        elif on_error is not None:
            on_error(value)
        else:
            log.error("sync job failed", exc_info=value)

    def _post(self, closure: Callable[[], None]) -> None:
        with self._lock:
            self._closures.append(closure)
        with contextlib.suppress(RuntimeError):  # the QObject is gone (window closed)
            self._posted.emit()

    def _run_closures(self) -> None:
        while True:
            with self._lock:
                if not self._closures:
                    return
                closure = self._closures.popleft()
            if self._closed:
                continue
            try:
                closure()
            except Exception:  # a failing callback must not stall the ones queued after it
                sys.excepthook(*sys.exc_info())

    def shutdown(self, timeout: float = 10.0) -> bool:
        """Ask the running job to stop and wait up to `timeout` s; True when it has stopped."""
        self._closed = True
        self.cancel.set()
        self._jobs.put(None)
        self._thread.join(timeout)
        stopped = not self._thread.is_alive()
        if not stopped:
            log.warning("sync still running after %.0f s at shutdown; leaving it", timeout)
        return stopped
