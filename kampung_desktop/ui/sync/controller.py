"""The window's side of sync: one `SyncService`, its worker, the schedule, and what views show.

Views (status-bar indicator, panel, settings box, first-start banner) listen to the signals
here and call its methods; only this object talks to the service, always on the sync worker
(`SyncRunner`), so neither a 2 s reachability timeout nor a long pull ever runs on the UI thread.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from typing import Any

from kampung_desktop.ui.qt import QCoreApplication, QObject, QTimer, Signal
from kampung_desktop.ui.sync.runner import SyncRunner
from kampung_desktop.ui.sync.schedule import SyncSchedule

log = logging.getLogger(__name__)

STATUS_EVERY_MS = 5_000  # while a view showing the counts is open
# While a sync runs the worker is mostly CPU-bound Python (JSON, validation, SQLite binding);
# the UI thread waits for the GIL up to one switch interval each time it needs Python (every
# slot, every model call while painting). 1 ms instead of Python's 5 ms keeps those waits
# short at a small cost in sync throughput; restored when the sync ends.
SYNC_SWITCH_INTERVAL = 0.001


class SyncController(QObject):
    statusChanged = Signal(object)  # SyncStatus
    stateChanged = Signal(str)  # see display_state()
    progressChanged = Signal(object)  # SyncProgress
    syncStarted = Signal()
    syncFinished = Signal(object)  # SyncOutcome
    logChanged = Signal(object)  # list[SyncLogEntry]
    enrolled = Signal(object)  # SyncStatus after a successful enrolment
    enrolFailed = Signal(str)  # a bilingual, user-safe message

    def __init__(
        self,
        service_factory: Callable[[], Any],
        parent: QObject | None = None,
        *,
        auto: bool = True,
        schedule: SyncSchedule | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.runner = SyncRunner(self)
        self.runner.progressed.connect(self.progressChanged)
        self.schedule = schedule or SyncSchedule()
        self.auto = auto
        self._clock = clock
        self._factory = service_factory
        self.service: Any = None
        self.status: Any = None  # the last SyncStatus read
        self.entries: list[Any] = []  # the last sync log read
        self.last_outcome: Any = None
        self.progress: Any = None
        self.reachable: bool | None = None
        self.syncing = False
        self.cancelling = False  # "Batalkan" pressed; the worker stops at its next safe point
        self.cancelled = False  # the last sync was cancelled by the user (until the next one)
        self._saved_interval: float | None = None
        self.failed_text: str | None = None  # an unexpected error in the sync machinery
        self._state = ""
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.timeout.connect(self.check)
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(STATUS_EVERY_MS)
        self._status_timer.timeout.connect(self.refresh)
        self.progressChanged.connect(self._remember_progress)

    # -- start and stop ---------------------------------------------------------------------
    def start(self) -> None:
        """Open the service on the worker, read the status and log, then begin checking."""

        def job() -> tuple[Any, Any, list[Any]]:
            service = self._factory()
            return service, service.status(), service.log()

        self.runner.run(job, self._started, self._background_failed)

    def _started(self, result: tuple[Any, Any, list[Any]]) -> None:
        self.service, status, entries = result
        self._set_log(entries)
        self._set_status(status)
        if self.auto:
            self._check_timer.start(0)

    def shutdown(self, timeout: float = 10.0) -> bool:
        """Stop checking, cancel a running sync at its next safe point, wait up to `timeout` s."""
        self._check_timer.stop()
        self._status_timer.stop()
        stopped = self.runner.shutdown(timeout)
        self._sync_ended()
        return stopped

    def watch_counts(self, on: bool) -> None:
        """Re-read the pending counts every few seconds while a view shows them."""
        if on and self.service is not None:
            self.refresh()
            self._status_timer.start()
        else:
            self._status_timer.stop()

    # -- reads --------------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.service is None or self.runner.busy:
            return  # a sync or check in hand reads the status when it ends
        service = self.service
        self.runner.run(
            lambda: (service.status(), service.log()), self._refreshed, self._background_failed
        )

    def _refreshed(self, result: tuple[Any, list[Any]]) -> None:
        status, entries = result
        self._set_log(entries)
        self._set_status(status)

    # -- automatic sync ---------------------------------------------------------------------
    def check(self) -> None:
        """Ask the server if it is there (on the worker); sync when the schedule says so."""
        status = self.status
        if self.service is None or self.syncing or self.runner.closed:
            return
        if status is None or not status.enrolled or status.revoked:
            return  # nothing to reach; enrolling starts the checks again
        service = self.service
        self.runner.run(
            lambda: (service.reachable(), service.status()), self._checked, self._check_failed
        )

    def _checked(self, result: tuple[bool, Any]) -> None:
        reachable, status = result
        self.reachable = reachable
        self._set_status(status)
        start, delay = self.schedule.after_check(reachable, status.pending_total, self._clock())
        if start and self.auto:
            self._start_sync()
        elif self.auto:
            self._check_timer.start(int(delay * 1000))

    def _check_failed(self, error: BaseException) -> None:
        self._background_failed(error)
        if self.auto:
            self.schedule.failures += 1
            self._check_timer.start(int(self.schedule.backoff() * 1000))

    # -- sync -----------------------------------------------------------------------------------
    def sync_now(self) -> bool:
        """Start a sync at once ("Sinkronkan sekarang"); False when one is already running."""
        if self.service is None or self.syncing:
            return False
        self.schedule.reset()
        self._start_sync()
        return True

    def cancel_sync(self) -> bool:
        """Stop the running sync at its next safe point (between batches or pages, each one
        transaction: nothing is half-applied); the log records it as cancelled and the next
        sync resumes. False when no sync is running."""
        if not self.syncing or self.cancelling:
            return False
        self.cancelling = True
        self.runner.cancel.set()
        self._emit_state()
        return True

    def _start_sync(self) -> None:
        self._check_timer.stop()
        self.syncing = True
        self.cancelling = False
        self.cancelled = False
        self.progress = None
        self.failed_text = None
        self.runner.cancel.clear()
        service, runner = self.service, self.runner

        def job() -> tuple[Any, Any, list[Any]]:
            outcome = service.sync(progress=runner.report, cancel=runner.cancel)
            return outcome, service.status(), service.log()

        self._saved_interval = sys.getswitchinterval()
        sys.setswitchinterval(min(self._saved_interval, SYNC_SWITCH_INTERVAL))
        self.syncStarted.emit()
        self._emit_state()
        self.runner.run(job, self._sync_done, self._sync_failed)

    def _sync_ended(self) -> None:
        self.syncing = False
        self.cancelling = False
        if self._saved_interval is not None:
            sys.setswitchinterval(self._saved_interval)
            self._saved_interval = None

    def _sync_done(self, result: tuple[Any, Any, list[Any]]) -> None:
        outcome, status, entries = result
        cancelled = self.cancelling
        self._sync_ended()
        self.cancelled = cancelled
        self.last_outcome = outcome
        # A cancelled sync says nothing about the server; treated as reached, it starts no new
        # sync by itself until something new waits (the schedule remembers what was pending).
        reached = cancelled or outcome.ok or not _is_network_error(outcome)
        if not cancelled:
            self.reachable = reached
        self._set_log(entries)
        self._set_status(status)
        self.syncFinished.emit(outcome)
        delay = self.schedule.after_sync(reached, status.pending_total, self._clock())
        if self.auto and not self.runner.closed:
            self._check_timer.start(int(delay * 1000))

    def _sync_failed(self, error: BaseException) -> None:
        self._sync_ended()
        self._background_failed(error)
        if self.auto and not self.runner.closed:
            self._check_timer.start(int(self.schedule.after_sync(False, 0, self._clock()) * 1000))

    # -- enrolment ------------------------------------------------------------------------------
    def enrol(self, server_url: str, username: str, password: str) -> None:
        """Enrol on the worker; `enrolled` or `enrolFailed` follows."""
        if self.service is None:
            self.enrolFailed.emit(_not_ready())
            return
        service = self.service
        self.runner.run(
            lambda: service.enrol(server_url, username, password),
            self._enrolled,
            self._enrol_failed,
        )

    def _enrolled(self, status: Any) -> None:
        self.schedule = SyncSchedule(rng=self.schedule.rng)
        self.reachable = True
        if self.auto:
            self._start_sync()  # fetch the registry of this kelurahan at once
        self._set_status(status)
        self.enrolled.emit(status)

    def _enrol_failed(self, error: BaseException) -> None:
        from kampung_desktop.services.access import AccessDenied
        from kampung_desktop.services.sync import SyncError

        if isinstance(error, SyncError | AccessDenied):  # AccessDenied: not the admin
            self.enrolFailed.emit(str(error))
            return
        log.error("enrolment failed unexpectedly", exc_info=error)
        self.enrolFailed.emit(_unexpected())

    def work_offline(self) -> None:
        """Forget the server (all data stays); the checks stop."""
        if self.service is None:
            return
        service = self.service
        self._check_timer.stop()

        def job() -> Any:
            service.work_offline()
            return service.status()

        self.runner.run(job, self._set_status, self._background_failed)

    # -- state ------------------------------------------------------------------------------------
    def display_state(self) -> str:
        """not_enrolled | offline | syncing | waiting | up_to_date | needs_attention | revoked |
        cancelled (by the user, until the next sync).

        "offline" only when the server is known to be out of reach; changes that simply wait
        for the next sync while the server answers are "waiting", not "offline".
        """
        status = self.status
        if self.syncing:
            return "syncing"
        if status is None:
            return "needs_attention" if self.failed_text else "offline"
        if not status.enrolled:
            return "not_enrolled"
        if status.revoked:
            return "revoked"
        if self.failed_text or status.rejected or status.open_conflicts:
            return "needs_attention"
        if status.state == "needs_attention":
            return "needs_attention"
        if self.cancelled or status.state == "cancelled":  # also after a restart
            return "cancelled"  # says nothing about the server: not "offline"
        if self.reachable is False:
            return "offline"
        if status.pending_total:
            return "waiting"
        if status.state == "offline" and (self.reachable is None or not status.last_success_at):
            return "offline"  # the engine knows the last attempt did not reach the server
        return "up_to_date"

    def _set_status(self, status: Any) -> None:
        self.status = status
        self.statusChanged.emit(status)
        self._emit_state()

    def _set_log(self, entries: list[Any]) -> None:
        self.entries = list(entries)
        self.logChanged.emit(self.entries)

    def _emit_state(self) -> None:
        state = self.display_state()
        if state != self._state:
            self._state = state
            log.info("sync state: %s", state)
        self.stateChanged.emit(state)

    def _remember_progress(self, progress: Any) -> None:
        self.progress = progress

    def _background_failed(self, error: BaseException) -> None:
        log.error("sync job failed", exc_info=error)
        self.failed_text = _unexpected()
        self._emit_state()


def _is_network_error(outcome: Any) -> bool:
    """A failed sync that never got an answer from the server (as opposed to e.g. revoked)."""
    return not outcome.ok and outcome.sent == 0 and outcome.received == 0


def _not_ready() -> str:
    return QCoreApplication.translate("SyncController", "Data belum siap, coba lagi sebentar.")


def _unexpected() -> str:
    return QCoreApplication.translate(
        "SyncController",
        "Sinkronisasi gagal karena kesalahan tak terduga; rinciannya ada di berkas log.",
    )
