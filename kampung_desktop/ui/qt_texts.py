"""Qt's own words (standard buttons, file and print dialogs, the right-click menus of text
fields and scroll bars) in the UI language.

Qt ships translations for many languages (`qtbase_<lang>.qm` under
`QLibraryInfo.TranslationsPath`) but not for Bahasa Indonesia; without one, a "Buang
perubahan?" box says Discard/Cancel. `qt_translator(code)` loads Qt's file where it exists and
otherwise answers from the table below (the words a Kampung user meets), so no English is left
inside the Indonesian UI.
"""

from __future__ import annotations

from kampung_desktop.ui.qt import QLibraryInfo, QObject, QTranslator

_BUTTONS = {
    "OK": "OK", "&OK": "&OK", "Save": "Simpan", "&Save": "&Simpan", "Save All": "Simpan semua",
    "Open": "Buka", "&Open": "&Buka", "Cancel": "Batal", "&Cancel": "&Batal", "Close": "Tutup",
    "&Close": "&Tutup", "Discard": "Buang", "Don't Save": "Jangan simpan", "Apply": "Terapkan",
    "Reset": "Atur ulang", "Restore Defaults": "Kembalikan bawaan", "Help": "Bantuan",
    "Yes": "Ya", "&Yes": "&Ya", "Yes to &All": "Ya untuk &semua", "Yes to All": "Ya untuk semua",
    "No": "Tidak", "&No": "&Tidak", "N&o to All": "&Tidak untuk semua",
    "No to All": "Tidak untuk semua", "Abort": "Hentikan", "Retry": "Coba lagi",
    "Ignore": "Abaikan", "Show Details...": "Tampilkan rincian…",
    "Hide Details...": "Sembunyikan rincian…",
}  # fmt: skip
_FILE_DIALOG = {
    "Look in:": "Cari di:", "&Look in:": "&Cari di:", "Files of &type:": "&Jenis berkas:",
    "Files": "Berkas", "Sidebar": "Panel samping", "Go back": "Kembali",
    "Go forward": "Maju", "Go to the parent directory": "Ke folder induk",
    "Create a New Folder": "Buat folder baru", "Change to list view mode": "Tampilan daftar",
    "Change to detail view mode": "Tampilan rincian",
    "List of places and bookmarks": "Daftar tempat dan penanda", "Drive": "Drive",
    "Folder": "Folder", "File &name:": "&Nama berkas:", "File name:": "Nama berkas:",
    "Files of type:": "Jenis berkas:", "Back": "Kembali", "Forward": "Maju",
    "Parent Directory": "Folder induk", "Create New Folder": "Buat folder baru",
    "New Folder": "Folder baru", "List View": "Tampilan daftar",
    "Detail View": "Tampilan rincian", "Name": "Nama", "Size": "Ukuran", "Type": "Jenis",
    "Date Modified": "Tanggal diubah", "My Computer": "Komputer saya", "Computer": "Komputer",
    "Recent Places": "Tempat terakhir", "Save As": "Simpan sebagai", "Open": "Buka",
    "&Open": "&Buka", "&Save": "&Simpan", "&Choose": "&Pilih", "Directory:": "Folder:",
    "All Files (*)": "Semua berkas (*)", "Show &hidden files": "Tampilkan berkas &tersembunyi",
    "&Delete": "&Hapus", "&Rename": "&Ganti nama", "&New Folder": "Folder &baru",
    "%1 already exists.\nDo you want to replace it?": "%1 sudah ada.\nGanti berkas itu?",
}  # fmt: skip
_PRINT = {
    "Print": "Cetak", "&Print": "&Cetak", "Printer": "Printer", "&Name:": "&Nama:",
    "P&roperties": "P&roperti", "Location:": "Lokasi:", "Type:": "Jenis:",
    "Output &file:": "Berkas &keluaran:", "Options": "Pilihan", "Copies": "Salinan",
    "Copies:": "Salinan:", "Print range": "Rentang cetak", "Print all": "Cetak semua",
    "Pages from": "Halaman dari", "to": "sampai", "Current Page": "Halaman ini",
    "Selection": "Pilihan", "Collate": "Susun", "Reverse": "Terbalik",
    "Page Setup": "Tata halaman", "Paper": "Kertas", "Orientation": "Orientasi",
    "Portrait": "Tegak", "Landscape": "Mendatar", "Print to File (PDF)": "Cetak ke berkas (PDF)",
    "Local file": "Berkas lokal", "Write PDF file": "Tulis berkas PDF",
    "&Options >>": "&Pilihan >>", "&Options <<": "&Pilihan <<", "All Pages": "Semua halaman",
    "Even Pages": "Halaman genap", "Odd Pages": "Halaman ganjil", "Color": "Berwarna",
    "Color Mode": "Mode warna", "Double Sided Printing": "Cetak bolak-balik",
    "Grayscale": "Skala abu-abu", "Long side binding": "Jilid sisi panjang",
    "Short side binding": "Jilid sisi pendek", "Off": "Mati",
    "Output Settings": "Pengaturan keluaran", "Page &Set:": "&Set halaman:",
    "Pages": "Halaman", "Preview": "Pratinjau",
    "Specify pages or ranges separated by commas. Ranges are specified by two numbers "
    "separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.": "Tulis halaman atau "
    "rentang dipisah koma; rentang ditulis dua angka dengan tanda hubung. Mis. 3,5-7,9 mencetak "
    "halaman 3, 5, 6, 7 dan 9.",
}  # fmt: skip
# The right-click menu of every text field and scroll bar.
_EDIT_MENU = {
    "&Undo": "&Urungkan", "&Redo": "Ulang&i", "Cu&t": "Po&tong", "&Copy": "&Salin",
    "&Paste": "T&empel", "Delete": "Hapus", "Select All": "Pilih semua",
    "&Select All": "&Pilih semua", "Copy &Link Location": "Salin &alamat tautan",
    "&Step up": "&Naikkan", "Step &down": "&Turunkan",
}  # fmt: skip
_SCROLL_MENU = {
    "Scroll here": "Gulir ke sini", "Left edge": "Tepi kiri", "Top": "Atas",
    "Right edge": "Tepi kanan", "Bottom": "Bawah", "Page left": "Satu halaman ke kiri",
    "Page up": "Satu halaman ke atas", "Page right": "Satu halaman ke kanan",
    "Page down": "Satu halaman ke bawah", "Scroll left": "Gulir ke kiri",
    "Scroll up": "Gulir ke atas", "Scroll right": "Gulir ke kanan",
    "Scroll down": "Gulir ke bawah",
}  # fmt: skip
#: Qt context → source text → Bahasa Indonesia.
INDONESIAN: dict[str, dict[str, str]] = {
    "QPlatformTheme": _BUTTONS,
    "QDialogButtonBox": _BUTTONS,
    "QMessageBox": _BUTTONS,
    "QFileDialog": _FILE_DIALOG,
    "QFileSystemModel": _FILE_DIALOG,
    "QAbstractFileIconProvider": _FILE_DIALOG,
    "QPrintDialog": _PRINT,
    "QPrintPropertiesWidget": _PRINT,
    "QPrintSettingsOutput": _PRINT,
    "QPrintPreviewDialog": _PRINT,
    "QUnixPrintWidget": _PRINT,
    "QPrintWidget": _PRINT,
    "QPageSetupWidget": _PRINT,
    "QProgressDialog": _BUTTONS,
    "QLineEdit": _EDIT_MENU,
    "QWidgetTextControl": _EDIT_MENU,
    "QAbstractSpinBox": _EDIT_MENU,
    "QScrollBar": _SCROLL_MENU,
    "QWizard": {
        "< &Back": "< &Kembali",
        "&Next >": "&Lanjut >",
        "&Finish": "&Selesai",
        "Cancel": "Batal",
    },  # fmt: skip
}


class IndonesianQtTexts(QTranslator):
    """Qt's standard words in Bahasa Indonesia, for want of a qtbase_id.qm."""

    def translate(  # noqa: D102 (Qt API)
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # None is Qt's null string, "not translated here": the next translator or the source
        # text is used. An empty string would replace every other text with nothing.
        return INDONESIAN.get(context, {}).get(source)

    def isEmpty(self) -> bool:  # noqa: N802 (Qt API)
        return False


def qt_translator(code: str, parent: QObject | None = None) -> QTranslator | None:
    """Qt's own translation for `code`: Qt's file where it ships one, else our table (id)."""
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    shipped = QTranslator(parent)
    if shipped.load(f"qtbase_{code}", folder):
        return shipped
    if code == "id":
        return IndonesianQtTexts(parent)
    return None
