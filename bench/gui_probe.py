"""Timing helpers for the GUI benchmarks: paint probes, event-loop waits, percentiles, RSS.

Imported by bench_gui_table.py (run as a script, so this folder is on sys.path).
"""

from __future__ import annotations

import faulthandler
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

# kampung_desktop.ui.qt first: it carries the PySide6 6.12 reference-count workaround.
from kampung_desktop.ui.qt import QEvent, QEventLoop, QObject, QTimer

FRAME_MS = 1000 / 60
TIMEOUT_MS = 10_000
SETTLE_MS = 800  # after a word's last key: time for any deferred, complete query to land
BARE_QT_RSS = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1440, 860)
window.show()
def done():
    window.grab()
    # VmHWM, not ru_maxrss: across fork+exec Linux hands the parent's high-water mark to
    # the child's ru_maxrss, which would report the benchmark's own size here.
    with open("/proc/self/status") as status:
        print(next(t.split()[1] for t in status if t.startswith("VmHWM:")))
    app.exit(0)
QTimer.singleShot(200, done)
sys.exit(app.exec())
"""


def now() -> float:
    return time.perf_counter() * 1000


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def line(name: str, values: list[float], extra: str = "") -> None:
    print(
        f"  {name:44s} p50 {statistics.median(values):7.2f} ms  p95 {pct(values, 0.95):7.2f} ms"
        f"  max {max(values):7.2f} ms  (n={len(values)}){extra}"
    )


def verdict(name: str, value: float, limit: float, unit: str = "ms") -> None:
    outcome = "PASS" if value <= limit else "FAIL"
    print(f"  {name:52s} {value:8.1f} {unit} (target ≤ {limit:g} {unit})  {outcome}")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_rss_mb() -> float:
    for text in Path("/proc/self/status").read_text().splitlines():
        if text.startswith("VmRSS:"):
            return int(text.split()[1]) / 1024
    return float("nan")


class PaintProbe(QObject):
    """Counts Paint events on a widget and can wait (in an event loop) for the next one."""

    def __init__(self, widget: QObject) -> None:
        super().__init__()
        self.count = 0
        self.times: list[float] = []  # when each Paint event arrived
        self._loop: QEventLoop | None = None
        self._armed: Callable[[], bool] = lambda: True
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint:
            self.count += 1
            self.times.append(now())
            if self._loop is not None and self._armed():
                self._loop.quit()  # exec() returns once this paint has been processed
        return False

    def wait(self, since: int, armed: Callable[[], bool] = lambda: True) -> bool:
        """Run the event loop until a Paint (after count `since`) for which `armed()` is true."""
        if self.count > since and armed():
            return True
        loop = QEventLoop()
        self._loop, self._armed = loop, armed
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        timer.start(TIMEOUT_MS)
        loop.exec()
        timer.stop()
        self._loop = None
        return self.count > since and armed()


def wait_until(done: Callable[[], bool], state: Callable[[], str] = lambda: "") -> None:
    """Run the event loop (checking every millisecond) until `done()`; on a timeout the error
    names `state()`, what the window was doing instead."""
    loop, timer = QEventLoop(), QTimer()
    timer.timeout.connect(lambda: done() and loop.quit())
    timer.start(1)
    QTimer.singleShot(TIMEOUT_MS * 6, loop.quit)
    if not done():
        loop.exec()
    timer.stop()
    if not done():
        faulthandler.dump_traceback(sys.stderr)  # what each thread is doing instead
        raise SystemExit(f"bench: the window never reached the expected state {state()}".strip())


# -- the benchmarks -------------------------------------------------------------------------


def bare_qt_rss() -> float:
    """Peak RSS of a bare PySide6 window (shown, painted, grabbed) in its own process."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", BARE_QT_RSS], env=env, capture_output=True, text=True, check=True
    )
    return int(done.stdout.split()[-1]) / 1024
