"""What the user sees when something goes wrong: a clear message, never a traceback.

`install()` replaces `sys.excepthook`, which PySide6 calls for an exception escaping a slot or
a Qt virtual. A known failure (`services.failures.explain`, the mapping the CLI uses too: the
database in use, a full disk, a read-only folder…) is shown as what happened and what to do.
Anything else is a bug: the traceback goes to the log file (which holds no personal data) and
the user gets a short apology that says their saved work is safe and where the details are.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from types import TracebackType

from kampung_desktop.services.failures import Failure, explain
from kampung_desktop.ui import i18n
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
    failure = explain(value)
    if failure is not None:  # the world, not a bug: say what happened and what to do
        log.warning("operation failed: %s", failure.kind)
        show_failure(failure)
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


def message_for(error: BaseException, lang: str | None = None) -> str | None:
    """The user's message for a known failure (`services.failures`), None for a bug."""
    failure = explain(error)
    return failure.text(lang or i18n.current()) if failure is not None else None


def show_failure(failure: Failure, parent: QWidget | None = None) -> None:
    """A known failure (database in use, disk full, read-only folder…) in the user's language."""
    if _state["showing"] or QApplication.instance() is None:
        return
    _state["showing"] = True
    try:
        QMessageBox.warning(
            parent or QApplication.activeWindow(),
            QCoreApplication.translate("Faults", "Tidak dapat dilanjutkan"),
            failure.text(i18n.current()),
        )
    finally:
        _state["showing"] = False


def show_database_unavailable(parent: QWidget | None, text: str) -> None:
    QMessageBox.critical(
        parent, QCoreApplication.translate("Faults", "Database tidak dapat dibuka"), text
    )
