"""The help window: a contents list of the pages and the chosen page, in the current language.

One viewer at a time. It is a child window of the window the user asked from: a modal dialog
(the household dialog, say) blocks every window but its own children, so a viewer belonging
to the main window could be seen but not scrolled while that dialog is open.
"""

from __future__ import annotations

from typing import Any

from kampung_desktop.ui import i18n
from kampung_desktop.ui.help.pages import PAGES, plain, read_page, title
from kampung_desktop.ui.help.topics import VIEWER_NAME
from kampung_desktop.ui.qt import (
    QDialogButtonBox,
    QEvent,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    Qt,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

PAGE_ROLE = 256  # Qt.ItemDataRole.UserRole


class HelpViewer(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName(VIEWER_NAME)
        self.page = PAGES[0]
        self.lang = i18n.current()
        self.contents = QListWidget(self)
        self.contents.setObjectName("helpContents")
        self.contents.setWordWrap(True)  # long titles wrap instead of being cut off
        self.contents.setSpacing(3)
        self.contents.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for page in PAGES:
            item = QListWidgetItem(self.contents)
            item.setData(PAGE_ROLE, page)
        self.contents.currentItemChanged.connect(self._item_chosen)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("helpBrowser")
        self.browser.setOpenExternalLinks(True)
        self.browser.document().setDocumentMargin(14)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([280, 640])
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        self.resize(940, 660)
        self.retranslate()

    def show_page(self, page: str) -> None:
        """Show `page` (one of pages.PAGES) in the current UI language."""
        self.page = page if page in PAGES else PAGES[0]
        self.lang = i18n.current()
        row = PAGES.index(self.page)
        if self.contents.currentRow() != row:
            self.contents.setCurrentRow(row)  # comes back through _item_chosen
            return
        text = read_page(self.page, self.lang)
        if text is None:
            text = self.tr(
                "Halaman bantuan ini tidak ditemukan. Pasang ulang Kampung atau buka "
                "docs/user-guide.md."
            )
        self.browser.setMarkdown(text)
        self.browser.verticalScrollBar().setValue(0)
        self.setWindowTitle(
            self.tr("Bantuan Kampung — {page}").format(page=plain(title(self.page)))
        )

    def _item_chosen(self, item: QListWidgetItem | None, _previous: Any = None) -> None:
        if item is not None:
            self.show_page(str(item.data(PAGE_ROLE)))

    def keyPressEvent(self, event: Any) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        for row, page in enumerate(PAGES):
            self.contents.item(row).setText(plain(title(page)))
        self.contents.setAccessibleName(self.tr("Daftar isi bantuan"))
        self.browser.setAccessibleName(self.tr("Isi halaman bantuan"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Tutup"))
        self.show_page(self.page)  # the page itself in the new language


_current: dict[str, HelpViewer] = {}


def show_help(page: str, anchor: QWidget | None) -> HelpViewer:
    """Open (or bring forward) the viewer on `page`, as a child window of `anchor`."""
    from shiboken6 import isValid

    viewer = _current.get("viewer")
    if viewer is None or not isValid(viewer):
        viewer = HelpViewer(anchor)
        _current["viewer"] = viewer
    elif viewer.parentWidget() is not anchor:
        geometry = viewer.geometry() if viewer.isVisible() else None
        viewer.setParent(anchor, Qt.WindowType.Window)
        if geometry is not None:
            viewer.setGeometry(geometry)
    viewer.show_page(page)
    viewer.show()
    viewer.raise_()
    viewer.activateWindow()
    return viewer


def current_viewer() -> HelpViewer | None:
    """The open viewer, if any (for tests and screenshots)."""
    from shiboken6 import isValid

    viewer = _current.get("viewer")
    return viewer if viewer is not None and isValid(viewer) and viewer.isVisible() else None
