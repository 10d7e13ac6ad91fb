"""The one Qt import point also guards against a PySide6 6.12.0 refcount bug on Python 3.11."""

from __future__ import annotations

import sys

import PySide6

from kampung_desktop.ui.qt import QLabel


def test_many_void_qt_calls_do_not_kill_none(qapp):
    """6.12.0 drops a reference to None per void call; 20,000 calls would abort Python 3.11."""
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(20_000):
        label.setText("x")
    assert sys.getrefcount(None) > 0
    if sys.version_info < (3, 12) and PySide6.__version__.startswith("6.12."):
        assert before > 1 << 39  # the guard in kampung_desktop/ui/qt.py is in place


def test_names_resolve_lazily_and_unknown_names_fail():
    from kampung_desktop.ui import qt

    assert qt.QLabel is QLabel
    try:
        qt.QNoSuchWidget  # noqa: B018
    except AttributeError as exc:
        assert "QNoSuchWidget" in str(exc)
    else:
        raise AssertionError("unknown Qt names must raise AttributeError")
