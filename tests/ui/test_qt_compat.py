"""The pinned PySide6 must be one a plain script can use for a long session.

PySide6 6.12.0 on Python 3.11 drops a reference to `None` on every void Qt call, so a script
aborts ("none_dealloc") after a few thousand calls; pyproject pins 6.11.3 below Python 3.12.
The check runs in a child process because the failure is an abort, not an exception.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

PLAIN_SCRIPT = textwrap.dedent(
    """
    import sys
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication([])
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(50_000):
        label.setText("x")  # a void call
        label.update()
    app.processEvents()
    after = sys.getrefcount(None)
    print("refcount-drift", before - after)
    """
)


def test_void_qt_calls_keep_none_alive_without_any_workaround():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", PLAIN_SCRIPT], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    drift = int(done.stdout.split("refcount-drift", 1)[1].split()[0])
    assert drift < 1000, f"None lost {drift} references over 100,000 void calls"


def test_the_qt_import_point_does_not_touch_reference_counts():
    from kampung_desktop.ui import qt

    assert "ctypes" not in vars(qt)


def test_names_resolve_lazily_and_unknown_names_fail():
    from kampung_desktop.ui import qt
    from kampung_desktop.ui.qt import QLabel

    assert qt.QLabel is QLabel
    try:
        qt.QNoSuchWidget  # noqa: B018
    except AttributeError as exc:
        assert "QNoSuchWidget" in str(exc)
    else:
        raise AssertionError("unknown Qt names must raise AttributeError")
