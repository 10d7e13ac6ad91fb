"""`kampung --self-check`: prove that this installation works, on a throw-away data dir.

Runs the data checks of `kampung_desktop.services.selfcheck` (database, household, forms,
scoring, certificate), then the Qt ones: the compiled English translation loads, the printed certificate
opens in QtPdf (the in-app preview) with its number in the text and its QR modules where the
PDF says they are, and the main window starts offscreen, lists the household and closes.

Output, one line per check, then a verdict; exit 0 only when every check passed:

    ok    database     0.31 s  created schema 7, integrity ok, 200 wilayah
    FAIL  forms        0.90 s  bantar_rt.xlsx: survey:12: ...
    self-check: FAILED (forms) / pemeriksaan mandiri GAGAL

Support asks a user to run `kampung-cli --self-check` (the console twin of the windowed app).
"""

from __future__ import annotations

import os
import platform
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import TextIO

from kampung_desktop import __version__
from kampung_desktop.services.selfcheck import (
    DATA_CHECKS,
    Check,
    CheckFailed,
    CheckResult,
    SelfCheckState,
    run_check,
)

WINDOW_TIMEOUT_S = 60.0
RENDER_SCALE = 3.0  # pixels per PDF point: a QR module of ~2 pt becomes ~6 px


def check_translations(state: SelfCheckState) -> str:
    """The English UI translation is in the bundle and translates the main window."""
    from kampung_desktop.ui import i18n
    from kampung_desktop.ui.qt import QCoreApplication

    source = "Tambah rumah tangga"
    try:
        if not i18n.apply("en"):
            raise CheckFailed(f"{i18n.qm_path('en')} missing or unreadable / terjemahan hilang")
        english = QCoreApplication.translate("MainWindow", source)
    finally:
        i18n.apply("id")
    if english == source:
        raise CheckFailed(f"'{source}' is not translated by {i18n.qm_path('en').name}")
    return f"{i18n.qm_path('en').name}: '{source}' → '{english}'"


def check_pdf_view(state: SelfCheckState) -> str:
    """The certificate opens in QtPdf: one page, its number in the text, the QR as drawn."""
    if state.certificate_pdf is None or state.certificate_qr is None:
        raise CheckFailed("not run: the certificate check failed / piagam gagal")
    from kampung_desktop.ui.qt import QSize, optional

    qtpdf = optional("QtPdf")
    doc = qtpdf.QPdfDocument()
    error = doc.load(str(state.certificate_pdf))
    if error != qtpdf.QPdfDocument.Error.None_ or doc.pageCount() != 1:
        raise CheckFailed(f"QtPdf: {error.name}, {doc.pageCount()} pages")
    text = doc.getAllText(0).text()
    if state.certificate_number not in text:
        raise CheckFailed(f"number {state.certificate_number} not in the page text")
    page = doc.pagePointSize(0)
    image = doc.render(
        0, QSize(round(page.width() * RENDER_SCALE), round(page.height() * RENDER_SCALE))
    )
    qr = state.certificate_qr
    wrong = 0
    for r in range(qr.size):
        for c in range(qr.size):
            x = (qr.left + (c + 0.5) * qr.module) * RENDER_SCALE
            y = (page.height() - (qr.top - (r + 0.5) * qr.module)) * RENDER_SCALE
            pixel = image.pixelColor(int(x), int(y))  # unpainted paper is transparent
            dark = pixel.alpha() > 127 and pixel.lightness() < 128
            wrong += dark != bool(qr.rows[r] >> c & 1)
    doc.close()
    if wrong:
        raise CheckFailed(f"{wrong} of {qr.size**2} QR modules render wrongly in QtPdf")
    return f"1 page, number in text, {qr.size**2} QR modules render as encoded"


def check_main_window(state: SelfCheckState) -> str:
    """The main window opens on the self-check's database, loads its data and settles."""
    from kampung_desktop.ui.main_window import MainWindow
    from kampung_desktop.ui.qt import QApplication

    state.close()  # the window opens the database itself, as at a real start
    errors: list[BaseException] = []
    previous_hook = sys.excepthook
    sys.excepthook = lambda _type, error, _tb: errors.append(error)  # raised in a Qt slot
    window = MainWindow(state.data_dir)
    try:
        window.show_dialogs = False
        window.failed.connect(errors.append)
        started = time.perf_counter()
        window.show()
        window.start()
        while not errors and not (window.is_ready and window.settled and not window.tasks.busy):
            if time.perf_counter() - started > WINDOW_TIMEOUT_S:
                raise CheckFailed(f"the main window was not ready after {WINDOW_TIMEOUT_S:.0f} s")
            QApplication.processEvents()
            time.sleep(0.005)
        ready = time.perf_counter() - started
    finally:
        window.close()
        QApplication.processEvents()
        sys.excepthook = previous_hook
    if errors:
        raise CheckFailed(f"the main window failed: {_named(errors[0])}")
    listed = window.list.model.rowCount()
    if listed != state.households:
        raise CheckFailed(f"the main window lists {listed} households, not {state.households}")
    return f"ready in {ready:.2f} s, {listed} household listed, closed"


def _named(error: BaseException) -> str:
    """The error and the innermost place it came from (not a whole traceback)."""
    frames = traceback.extract_tb(error.__traceback__)
    where = f" (at {Path(frames[-1].filename).name}:{frames[-1].lineno})" if frames else ""
    return f"{type(error).__name__}: {error}{where}"


UI_CHECKS: tuple[tuple[str, Check], ...] = (
    ("translations", check_translations),
    ("pdf view", check_pdf_view),
    ("main window", check_main_window),
)


def run_self_check(out: TextIO | None = None) -> int:
    """Run every check on a fresh temp dir, print one line each; 0 when all passed."""
    out = out if out is not None else sys.stdout
    try:
        qt = _start_qt()
    except Exception as exc:  # noqa: BLE001 - a broken Qt is a result to report, not a crash
        qt = f"Qt did not start: {type(exc).__name__}: {exc}"
        checks = DATA_CHECKS + tuple((name, _not_run(qt)) for name, _ in UI_CHECKS)
    else:
        checks = DATA_CHECKS + UI_CHECKS
    where = "bundle" if getattr(sys, "frozen", False) else "python"
    _say(out, f"kampung {__version__} self-check ({where}, Python {platform.python_version()}, "
              f"{qt}, {platform.system()})")  # fmt: skip
    results: list[CheckResult] = []
    with tempfile.TemporaryDirectory(
        prefix="kampung-selfcheck-", ignore_cleanup_errors=True
    ) as tmp:
        state = SelfCheckState(Path(tmp))
        try:
            for name, check in checks:
                result = run_check(name, check, state)
                results.append(result)
                mark = "ok  " if result.ok else "FAIL"
                _say(out, f"{mark}  {name:<13}{result.seconds:6.2f} s  {result.detail}")
        finally:
            state.close()
    failed = [r.name for r in results if not r.ok]
    if failed:
        _say(out, f"self-check: FAILED ({', '.join(failed)}) / pemeriksaan mandiri GAGAL")
        return 1
    _say(out, f"self-check: OK ({len(results)} checks) / pemeriksaan mandiri berhasil")
    return 0


def _start_qt() -> str:
    """The QApplication the Qt checks need, offscreen unless one already runs."""
    from kampung_desktop.ui.qt import QApplication, qInstallMessageHandler, qVersion

    if QApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # no screen needed, none shown
        qInstallMessageHandler(_qt_message)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    return f"Qt {qVersion()} {app.platformName()}"


def _qt_message(_mode: object, _context: object, message: str) -> None:
    """Qt's warnings to stderr, less the offscreen platform's note on every window shown."""
    if "propagateSizeHints" not in message and sys.stderr is not None:
        sys.stderr.write(message + "\n")


def _not_run(reason: str) -> Check:
    def check(state: SelfCheckState) -> str:
        raise CheckFailed(f"not run: {reason}")

    return check


def _say(out: TextIO | None, line: str) -> None:
    """Print even where the console cannot encode every character (a Windows code page)."""
    if out is None:  # the windowed app on Windows has no console: the exit code tells
        return
    encoding = getattr(out, "encoding", None) or "utf-8"
    out.write(line.encode(encoding, "replace").decode(encoding) + "\n")
    out.flush()
