"""One background worker for database work; results come back to the UI thread by signal.

The pattern is Anki's `aqt/taskman.py`: a single-thread executor runs the job, and its result
(or exception) is queued as a closure that the main thread runs after a queued signal. One
thread means writes never race each other, and the UI thread never waits on SQLite.

A job submitted with a `key` supersedes any older job with the same key that has not started
yet, and an older result arriving after a newer submission is dropped: typing "budi" runs one
search, not four, and never shows the results for "bu" last.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from kampung_desktop.ui.qt import QObject, Signal

log = logging.getLogger(__name__)

OnDone = Callable[[Any], None]
OnError = Callable[[BaseException], None]


class Superseded(Exception):
    """Raised inside a job that a newer job with the same key has replaced."""


class TaskRunner(QObject):
    _closures_pending = Signal()

    def __init__(self, on_error: OnError, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kampung-db")
        self._closures: deque[Callable[[], None]] = deque()
        self._lock = threading.Lock()
        self._latest: dict[str, int] = {}
        self._serial = 0
        self._default_error = on_error
        self._running = 0
        self._closed = False
        self._closures_pending.connect(self._run_closures)

    @property
    def busy(self) -> bool:
        return self._running > 0

    def run(
        self,
        job: Callable[[], Any],
        on_done: OnDone | None = None,
        on_error: OnError | None = None,
        key: str | None = None,
    ) -> None:
        """Run `job()` on the worker; call `on_done(result)` on the UI thread when it ends."""
        if self._closed:
            return
        with self._lock:
            self._serial += 1
            serial = self._serial
            if key is not None:
                self._latest[key] = serial
        self._running += 1

        def work() -> None:
            if key is not None and self._latest.get(key) != serial:
                outcome: tuple[bool, Any] = (False, Superseded())
            else:
                try:
                    outcome = (True, job())
                except BaseException as exc:  # handed to the UI thread, never lost
                    outcome = (False, exc)
            self._post(lambda: self._finish(outcome, key, serial, on_done, on_error))

        self._executor.submit(work)

    def _finish(self, outcome, key, serial, on_done, on_error) -> None:  # type: ignore[no-untyped-def]
        self._running -= 1
        ok, value = outcome
        if isinstance(value, Superseded) or (key is not None and self._latest.get(key) != serial):
            return
        if ok:
            if on_done is not None:
                on_done(value)
        else:
            (on_error or self._default_error)(value)

    def _post(self, closure: Callable[[], None]) -> None:
        with self._lock:
            self._closures.append(closure)
        self._closures_pending.emit()

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

    def shutdown(self) -> None:
        """Finish the job in hand (a write must complete) and stop; later results are dropped."""
        self._closed = True
        self._executor.shutdown(wait=True, cancel_futures=True)
