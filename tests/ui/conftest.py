"""Fixtures for GUI tests: offscreen Qt, a data dir with a few known households, an open window."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from ui_sample_data import households  # noqa: E402


@pytest.fixture
def filled_dir(data_dir: Path) -> Path:
    """A data dir with three households (Budi, Ahmad in Sukarasa; Dewi in Cibodas Sari)."""
    from kampung_desktop.services.app import AppContext
    from kampung_desktop.services.registry import RegistryService

    ctx = AppContext.open(data_dir)
    try:
        service = RegistryService(ctx.db, ctx.user_id)
        for draft in households():
            service.save(draft)
    finally:
        ctx.close()
    return data_dir


@pytest.fixture
def open_window(qtbot) -> Iterator[Callable[..., object]]:
    """Open the main window on a data dir and wait until its data is shown."""
    from kampung_desktop.ui import i18n
    from kampung_desktop.ui.main_window import MainWindow

    opened: list[MainWindow] = []
    i18n.apply("id")  # as start-up does: Qt's formatting (QLocale) in Indonesian from the start

    def opener(data_dir: Path, wait: bool = True) -> MainWindow:
        window = MainWindow(data_dir)
        qtbot.addWidget(window)
        opened.append(window)
        window.show()
        window.start()
        if wait:
            qtbot.waitUntil(lambda: window.is_ready and window.settled, timeout=10_000)
            qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10_000)
        return window

    yield opener
    for window in opened:
        window.close()
    i18n.apply("id")
