"""In-app preview of a printed PDF (QtPdf) and printing it through the system print dialog.

QtPdf ships in `pyside6-addons` up to PySide6 6.11 and in the `pyside6-pdf` wheel from 6.12.
Without it the preview is replaced by "open in the default PDF viewer", so the app still works.
Printing renders each page from the QPdfDocument into the printer's page rectangle at the
printer's resolution (capped at 300 dpi to keep memory flat for long batches).
"""

from __future__ import annotations

import logging
from pathlib import Path

from kampung_desktop.ui.qt import (
    QDesktopServices,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPainter,
    QPushButton,
    QRect,
    QSize,
    Qt,
    QUrl,
    QVBoxLayout,
    QWidget,
    optional,
)

log = logging.getLogger(__name__)
MAX_PRINT_DPI = 300


def qtpdf_available() -> bool:
    try:
        optional("QtPdf")
        optional("QtPdfWidgets")
    except ImportError:
        return False
    return True


class PdfPreview(QDialog):
    """Shows every page of a PDF; "Cetak…" opens the system print dialog."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreview")
        self.path = Path(path)
        self.setWindowTitle(self.tr("Pratinjau — {name}").format(name=self.path.name))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.resize(1000, 760)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.pages_label = QLabel(self)
        self.pages_label.setObjectName("pagesLabel")
        bar.addWidget(self.pages_label, 1)
        self.print_button = QPushButton(self.tr("Cetak…"), self)
        self.print_button.setObjectName("printButton")
        self.open_button = QPushButton(self.tr("Buka di aplikasi lain"), self)
        close = QPushButton(self.tr("Tutup"), self)
        for button in (self.print_button, self.open_button, close):
            bar.addWidget(button)
        layout.addLayout(bar)
        self.document = None
        self.view = None
        if qtpdf_available():
            pdf, widgets = optional("QtPdf"), optional("QtPdfWidgets")
            self.document = pdf.QPdfDocument(self)
            self.document.load(str(self.path))
            self.view = widgets.QPdfView(self)
            self.view.setObjectName("pdfView")
            self.view.setDocument(self.document)
            self.view.setPageMode(widgets.QPdfView.PageMode.MultiPage)
            self.view.setZoomMode(widgets.QPdfView.ZoomMode.FitToWidth)
            self.view.setPageSpacing(12)
            layout.addWidget(self.view, 1)
        else:
            missing = QLabel(
                self.tr(
                    "Pratinjau tidak tersedia (modul QtPdf tidak terpasang). Buka berkas di "
                    "aplikasi PDF lain untuk melihat dan mencetaknya."
                ),  # fmt: skip
                self,
            )
            missing.setWordWrap(True)
            layout.addWidget(missing, 1)
            self.print_button.setEnabled(False)
        self.pages_label.setText(
            self.tr("%Ln halaman · {path}", "", self.page_count()).format(path=self.path)
        )
        self.print_button.clicked.connect(self.print_with_dialog)
        self.open_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path)))
        )
        close.clicked.connect(self.close)

    def page_count(self) -> int:
        return self.document.pageCount() if self.document is not None else 0

    def print_with_dialog(self) -> None:
        support = optional("QtPrintSupport")
        printer = support.QPrinter(support.QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.path.stem)
        dialog = support.QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Cetak piagam"))
        dialog.setMinMax(1, max(1, self.page_count()))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer) -> int:  # type: ignore[no-untyped-def]
        """Render the pages (or the chosen range) to `printer`; returns the pages sent."""
        if self.document is None:
            return 0
        support = optional("QtPrintSupport")
        first, last = 1, self.page_count()
        if printer.printRange() == support.QPrinter.PrintRange.PageRange and printer.fromPage():
            first, last = printer.fromPage(), min(printer.toPage() or last, last)
        gui = optional("QtGui")
        orientation = gui.QPageLayout.Orientation
        size = self.document.pagePointSize(first - 1)
        printer.setPageOrientation(
            orientation.Landscape if size.width() > size.height() else orientation.Portrait
        )
        painter = QPainter()
        if not painter.begin(printer):
            log.warning("printer could not start")
            return 0
        sent = 0
        try:
            for number in range(first, last + 1):
                if sent:
                    printer.newPage()
                self._paint_page(painter, printer, number - 1)
                sent += 1
        finally:
            painter.end()
        return sent

    def _paint_page(self, painter: QPainter, printer, index: int) -> None:  # type: ignore[no-untyped-def]
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        points = self.document.pagePointSize(index)
        scale = min(area.width() / points.width(), area.height() / points.height())
        width, height = int(points.width() * scale), int(points.height() * scale)
        image = self.document.render(
            index, QSize(int(points.width() * dpi / 72), int(points.height() * dpi / 72))
        )
        x = (area.width() - width) // 2
        y = (area.height() - height) // 2
        painter.drawImage(QRect(x, y, width, height), image)
