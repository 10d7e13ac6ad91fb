"""Kelurahan review, award decisions and certificate printing (issue #4), as one window.

    from kampung_desktop.ui.review import open_review
    window = open_review(ctx, parent)   # ctx: the open AppContext (main window: backend.ctx)

The window is non-modal and shares the caller's database; closing it leaves the data open.
"""

from __future__ import annotations

from typing import Any


def open_review(ctx: Any, parent: Any = None) -> Any:
    """Show the review window for `ctx` (raises it if one is already open for this parent)."""
    from kampung_desktop.ui.review.window import ReviewWindow

    existing = parent.findChild(ReviewWindow, "reviewWindow") if parent is not None else None
    if existing is not None and existing.isVisible():
        existing.raise_()
        existing.activateWindow()
        return existing
    window = ReviewWindow(ctx, parent)
    if parent is not None:
        from kampung_desktop.ui.qt import Qt

        window.setWindowFlag(Qt.WindowType.Window, True)  # its own top-level window
    window.show()
    return window
