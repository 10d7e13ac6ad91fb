"""The photo editor: a picture chosen from a file, copied next to the data so the answer (its
file name) stays valid when the original is moved or deleted (sealed on a protected dir)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kampung_desktop.survey.model import FormNode
from kampung_desktop.ui.interview.editors import Editor
from kampung_desktop.ui.interview.texts import t
from kampung_desktop.ui.qt import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPixmap,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
)


class ImageEditor(Editor):
    """A photo attached from a file; it is copied next to the data so the answer stays valid."""

    THUMB = 160

    def __init__(
        self, node: FormNode, lang: str, media_dir: Path | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(node, lang, parent)
        self.media_dir = media_dir
        self._value: str | None = None
        self.choose = QPushButton(t("photo_choose", lang), self)
        self.choose.setObjectName(f"editor_{node.name}")
        self.choose.setAutoDefault(False)
        self.choose.clicked.connect(self._choose)
        self.clear = QPushButton(t("photo_clear", lang), self)
        self.clear.setAutoDefault(False)
        self.clear.clicked.connect(lambda: self._set(None))
        self.name = QLabel(self)
        self.thumb = QLabel(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose)
        buttons.addWidget(self.clear)
        buttons.addWidget(self.name, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.thumb)
        self._watch_enter(self.choose)
        self._show()

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, t("photo_choose", self.lang), "", t("photo_filter", self.lang)
        )
        if path:
            self.attach(Path(path))

    def attach(self, source: Path) -> None:
        """Copy `source` into the media folder and answer with its file name."""
        name = source.name
        if self.media_dir is not None:
            from kampung_desktop.services.attachments import AttachmentNotStored, store_copy

            target = self.media_dir / f"{self.node.name}-{source.name}"
            if source.resolve() != target.resolve():
                try:  # sealed on a protected dir: a stolen laptop shows no photo
                    store_copy(source, target)
                except AttachmentNotStored as refused:
                    QMessageBox.warning(self, "Kampung", str(refused))
                    return
            name = target.name
        self._set(name)

    def _set(self, name: str | None) -> None:
        if self.read_only:
            return
        self._value = name
        self._show()
        self.committed.emit(name)

    def _show(self) -> None:
        self.name.setText(self._value or "")
        self.clear.setVisible(bool(self._value) and not self.read_only)
        pixmap = QPixmap()
        if self._value and self.media_dir is not None:
            from kampung_desktop.services.attachments import read_bytes

            data = read_bytes(self.media_dir / self._value)  # decrypted in memory only
            if data:
                pixmap.loadFromData(data)
        if pixmap.isNull():
            self.thumb.clear()
            self.thumb.hide()
        else:
            self.thumb.setPixmap(
                pixmap.scaled(
                    self.THUMB,
                    self.THUMB,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
            self.thumb.show()

    def value(self) -> Any:
        return self._value

    def set_value(self, value: Any) -> None:
        self._value = value or None
        self._show()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.choose.setEnabled(not read_only)
        self._show()

    def focus_widget(self) -> QWidget:
        return self.choose
