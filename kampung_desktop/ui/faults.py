"""What the user sees when something goes wrong: a clear message, never a traceback.

`install()` replaces `sys.excepthook`, which PySide6 calls for an exception escaping a slot or
a Qt virtual: the traceback goes to the log file (which holds no personal data) and the user
gets a short apology that says their saved work is safe and where the details are.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from types import TracebackType

from kampung_desktop.ui.qt import QApplication, QCoreApplication, QMessageBox, QWidget

log = logging.getLogger("kampung.faults")

_state: dict[str, object] = {"log_file": None, "showing": False}


def set_log_file(path: Path | None) -> None:
    _state["log_file"] = path


def install() -> None:
    sys.excepthook = _excepthook


def _excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, value, tb)
        return
    log.error("unexpected error (%s)", kind.__name__, exc_info=(kind, value, tb))
    show_unexpected()


def report(error: BaseException) -> None:
    """Log an exception that came back from a worker job and tell the user (UI thread)."""
    _excepthook(type(error), error, error.__traceback__)


def show_unexpected(parent: QWidget | None = None) -> None:
    if _state["showing"] or QApplication.instance() is None:
        return  # one dialog at a time: a failing paint must not stack up hundreds
    _state["showing"] = True
    try:
        where = _state["log_file"] or QCoreApplication.translate("Faults", "berkas log aplikasi")
        QMessageBox.critical(
            parent or QApplication.activeWindow(),
            QCoreApplication.translate("Faults", "Terjadi kesalahan"),
            QCoreApplication.translate(
                "Faults",
                "Maaf, terjadi kesalahan yang tidak terduga. Data yang sudah disimpan tetap aman.\n\n"
                "Rincian teknis dicatat di {log}. Bila terulang, kirim berkas itu ke admin.",
            ).format(log=where),
        )
    finally:
        _state["showing"] = False


def show_database_unavailable(parent: QWidget | None, text: str) -> None:
    QMessageBox.critical(
        parent, QCoreApplication.translate("Faults", "Database tidak dapat dibuka"), text
    )
