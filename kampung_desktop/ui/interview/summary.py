"""The summary page before finalizing: what is missing, grouped by section or member (click
one to go and fix it), or the Finalize button once nothing is."""

from __future__ import annotations

from kampung_desktop.services.interview_session import MissingItem
from kampung_desktop.ui.interview.page_view import PageContext, PageHeader
from kampung_desktop.ui.interview.texts import state_label, t
from kampung_desktop.ui.qt import (
    QBrush,
    QColor,
    QFont,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)

ITEM_ROLE = Qt.ItemDataRole.UserRole
ERROR = QColor("#c62828")


class SummaryView(QWidget):
    jump_requested = Signal(int, str)  # page index, field path
    finalize_requested = Signal()
    finished = Signal()

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryView")
        self.context = context
        lang = context.lang
        self.header = PageHeader(self)
        self.status = QLabel(self)
        self.status.setObjectName("summaryStatus")
        self.status.setWordWrap(True)
        self.list = QTreeWidget(self)
        self.list.setObjectName("missingList")
        self.list.setAccessibleName(t("summary.list", lang))
        self.list.setColumnCount(2)
        self.list.setHeaderLabels([t("summary.question", lang), t("summary.problem", lang)])
        self.list.setRootIsDecorated(False)
        self.list.setWordWrap(True)
        self.list.setUniformRowHeights(False)
        self.list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.list.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.list.header().setStretchLastSection(False)
        self.list.itemActivated.connect(self._jump)
        self.list.itemClicked.connect(self._jump)
        self.finalize_button = QPushButton(t("summary.finalize", lang), self)
        self.finalize_button.setObjectName("finalizeButton")
        self.finalize_button.setAutoDefault(False)
        self.finalize_button.clicked.connect(self.finalize_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.finalize_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.header)
        layout.addWidget(self.status)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.missing: list[MissingItem] = []
        self.items: list[QTreeWidgetItem] = []  # one per missing answer, in order
        self.reload()

    @property
    def fields(self) -> tuple[str, ...]:
        return ()

    def reload(self) -> None:
        session = self.context.session
        lang = self.context.lang
        self.header.show_heading(
            t("summary.state", lang, state=state_label(session.state, lang)), t("summary", lang)
        )
        self.missing = [] if session.read_only else session.missing()
        self.list.clear()
        self.items = []
        group: QTreeWidgetItem | None = None
        bold = QFont(self.list.font())
        bold.setBold(True)
        for missing in self.missing:
            heading = missing.group or t("summary.general", lang)
            if group is None or group.text(0) != heading:
                group = QTreeWidgetItem([heading])
                group.setFont(0, bold)
                group.setFirstColumnSpanned(True)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.list.addTopLevelItem(group)
                group.setFirstColumnSpanned(True)
            item = QTreeWidgetItem(["    " + missing.label, missing.message])
            item.setForeground(1, QBrush(ERROR))
            item.setData(0, ITEM_ROLE, (missing.page, missing.path))
            self.list.addTopLevelItem(item)
            self.items.append(item)
        if session.read_only:
            self.status.setText(t("summary.finalized", lang))
        elif self.missing:
            self.status.setText(t("summary.missing", lang, count=len(self.missing)))
        else:
            self.status.setText(t("summary.complete", lang))
        self.status.setStyleSheet("color: #c62828;" if self.missing else "color: #1b5e20;")
        self.list.setVisible(bool(self.missing))
        self.finalize_button.setVisible(not session.read_only)
        self.finalize_button.setEnabled(not self.missing)

    def _jump(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        target = item.data(0, ITEM_ROLE)
        if target is not None and target[0] >= 0:
            self.jump_requested.emit(target[0], target[1])

    def refresh(self, _changes: object) -> None:
        self.reload()

    def sync(self, _page: object) -> None:
        self.reload()

    def commit_pending(self) -> None:
        pass

    def reveal(self) -> None:
        pass

    def focus_first(self) -> None:
        (self.list if self.missing else self.finalize_button).setFocus()

    def focus_path(self, path: str) -> None:
        self.focus_first()
