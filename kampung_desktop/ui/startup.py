"""Start the GUI so that it paints fast: Qt and a light window first, the database stack after.

Only QtWidgets, the window shell and stdlib are imported before `show()`; sqlmodel and the
services load on the worker, queued by a zero timer after `show()` (see `MainWindow.start`).
`requests`, `reportlab` and `pyxform` are never imported on this path.

Set `KAMPUNG_STARTUP_PROBE=1` (or pass the hidden `--startup-probe`) to print `first_paint_ms`
and `usable_ms` and quit: a benchmark runs the app as a subprocess and reads them. Times count
from `KAMPUNG_STARTUP_T0` (a `time.time()` value the benchmark sets just before spawning) when
given, otherwise from the process start as the kernel records it (Linux, 10 ms resolution) or,
failing that, from the import of this module. On a protected demo dir the probe signs in as the
demo admin (ui.access.start_flow), prints `signed_in_ms`, and the main window's times then
count from that moment (a user types the password in between).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

# Modules the first paint must not wait for (and the last three the GUI never needs at start).
HEAVY_MODULES = ("sqlmodel", "sqlalchemy", "requests", "reportlab", "pyxform")
PROBE_ENV = "KAMPUNG_STARTUP_PROBE"
T0_ENV = "KAMPUNG_STARTUP_T0"
_IMPORTED_AT = time.time()


class StartupProbe:
    """Prints start-up milestones as `name_ms=123.4` lines (one per line, flushed)."""

    def __init__(self, t0: float) -> None:
        self.t0 = t0
        self.marks: dict[str, float] = {}

    @classmethod
    def from_env(cls) -> StartupProbe:
        try:
            return cls(float(os.environ[T0_ENV]))
        except (KeyError, ValueError):
            return cls(_process_start() or _IMPORTED_AT)

    def mark(self, name: str) -> float:
        elapsed = (time.time() - self.t0) * 1000
        self.marks[name] = elapsed
        loaded = ",".join(m for m in HEAVY_MODULES if m in sys.modules) or "-"
        print(f"{name}_ms={elapsed:.1f}", f"{name}_heavy_modules={loaded}", sep="\n", flush=True)
        return elapsed


def _usable(window, meter: StartupProbe, app) -> None:  # type: ignore[no-untyped-def]
    window.repaint()  # synchronous: the tree, the first table page and the status are drawn
    meter.mark("usable")
    window.close()
    app.exit(0)


def probe_requested(flag: bool = False) -> bool:
    return flag or os.environ.get(PROBE_ENV, "") not in ("", "0")


def run(data_dir: Path, probe: bool = False) -> int:
    """Open the main window on `data_dir` and run the event loop; returns the exit code."""
    from kampung_desktop.ui import faults, i18n, mnemonics, text_size
    from kampung_desktop.ui.qt import QApplication, QIcon

    probe = probe_requested(probe)
    meter = StartupProbe.from_env() if probe else None
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Kampung")
    app.setOrganizationName("Kampung")
    app.setWindowIcon(QIcon(str(_icon())))
    faults.install()
    i18n.apply(_language(data_dir))
    text_size.apply(text_size.saved())  # the chosen text size, before the first paint
    mnemonics.install(app)  # Alt+letter on every button and menu item, in either language
    opened = _open_data(data_dir, probe, meter)
    if opened is None:
        return 0 if meter is None else 1  # cancelled (or, for the probe, refused)
    if meter is not None and opened.session is not None:
        meter.mark("signed_in")
        meter.t0 = time.time()  # the main window's times count from the signed-in moment

    from kampung_desktop.ui.access.start_flow import open_main_window

    status = {"code": 0}

    def failed(error: BaseException) -> None:
        status["code"] = 1
        if meter is not None:
            print(f"error={type(error).__name__}:{getattr(error, 'kind', '')}", flush=True)
        app.exit(1)

    window = open_main_window(opened.data_dir, opened.session, failed)
    if meter is not None:
        window.show_dialogs = False
        window.firstPainted.connect(lambda: meter.mark("first_paint"))
        window.ready.connect(lambda: _usable(window, meter, app))
    window.show()
    if meter is not None:
        meter.mark("shown")
    window.start()
    code = app.exec()
    return status["code"] or code


def _language(data_dir: Path) -> str:
    """The laptop's chosen language; else the one saved in a legacy (plain) database."""
    from kampung_desktop.services import laptop_config
    from kampung_desktop.ui import i18n

    return laptop_config.load().language or i18n.peek_language(data_dir)


def _open_data(data_dir: Path, probe: bool, meter: StartupProbe | None):  # type: ignore[no-untyped-def]
    """First start or sign-in (ui.access.start_flow); None when cancelled or refused."""
    from kampung_desktop.ui import faults
    from kampung_desktop.ui.access.start_flow import open_data

    try:
        return open_data(data_dir, probe=probe)
    except Exception as error:  # noqa: BLE001 - a damaged accounts file, a locked folder…
        text = faults.message_for(error)
        if text is None:
            raise
        if meter is not None:
            print(f"error={type(error).__name__}", flush=True)
        else:
            faults.show_database_unavailable(None, text)
        return None


def _process_start() -> float | None:
    """Wall-clock time this process started, from /proc (None elsewhere)."""
    try:
        fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        ticks = os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        return None
    started_after_boot = int(fields[19]) / ticks  # field 22 of stat; 20 after the name
    return time.time() - (uptime - started_after_boot)


def _icon() -> Path:
    from kampung_desktop.paths import resource

    return resource("icons", "kampung.png")
