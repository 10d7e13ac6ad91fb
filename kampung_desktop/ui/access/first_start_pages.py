"""The pages of the first-start dialog: language, folder, account, kelurahan, demo data.

Each page only collects and checks what the user typed (`problem()` returns a message or
None); the dialog (first_start.py) runs the use cases in services.first_start.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kampung_desktop.ui import i18n
from kampung_desktop.ui.qt import (
    QButtonGroup,
    QCheckBox,
    QEvent,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

NOTE_STYLE = "color: #374151;"
DEMO_STYLE = (
    "background: #fef3c7; color: #78350f; border: 1px solid #d97706; border-radius: 4px;"
    " padding: 6px;"
)


class Page(QWidget):
    """A titled page; subclasses add fields and may refuse to go on (`problem`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setStyleSheet(NOTE_STYLE)
        self.body = QVBoxLayout(self)
        self.body.addWidget(self.heading)
        self.body.addWidget(self.intro)

    def problem(self) -> str | None:
        return None

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        raise NotImplementedError


class LanguagePage(Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("languagePage")
        self.buttons: dict[str, QRadioButton] = {}
        group = QButtonGroup(self)
        for code, name in i18n.LANGUAGES.items():
            button = QRadioButton(name, self)  # each language named in itself
            button.setObjectName(f"language_{code}")
            button.setAccessibleName(name)
            button.toggled.connect(lambda on, c=code: on and self._choose(c))
            group.addButton(button)
            self.buttons[code] = button
            self.body.addWidget(button)
        self.buttons.get(i18n.current(), self.buttons[i18n.DEFAULT]).setChecked(True)
        self.changed = False  # True once the user picked a language here (applied live)
        self.body.addStretch(1)
        self.retranslate()

    def _choose(self, code: str) -> None:
        if code != i18n.current():
            self.changed = True
            i18n.apply(code)

    def chosen(self) -> str:
        return next(code for code, b in self.buttons.items() if b.isChecked())

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Selamat datang di Kampung"))
        self.intro.setText(
            self.tr(
                "Beberapa pertanyaan singkat untuk menyiapkan laptop ini. Pilih bahasa tampilan "
                "(dapat diganti kapan saja di Pengaturan)."
            )
        )


class FolderPage(Page):
    def __init__(self, folder: Path, parent: QWidget | None = None, editable: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("folderPage")
        self.edit = QLineEdit(str(folder), self)
        self.edit.setObjectName("dataFolderEdit")
        self.edit.setReadOnly(not editable)
        self.browse = QPushButton(self)
        self.browse.setObjectName("browseFolderButton")
        self.browse.setVisible(editable)
        self.browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.edit, 1)
        row.addWidget(self.browse)
        self.label = QLabel(self)
        self.label.setBuddy(self.edit)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet(NOTE_STYLE)
        self.body.addWidget(self.label)
        self.body.addLayout(row)
        self.body.addWidget(self.note)
        self.body.addStretch(1)
        self.editable = editable
        self.retranslate()

    def folder(self) -> Path:
        return Path(self.edit.text().strip()).expanduser()

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Pilih folder data"), self.edit.text()
        )
        if chosen:
            self.edit.setText(chosen)

    def problem(self) -> str | None:
        text = self.edit.text().strip()
        if not text:
            return self.tr("Pilih folder untuk data.")
        folder = self.folder()
        if folder.exists() and not folder.is_dir():
            return self.tr("Itu sebuah berkas, bukan folder. Pilih folder lain.")
        return None

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Folder data"))
        self.intro.setText(
            self.tr(
                "Semua data tersimpan di laptop ini, dalam folder berikut. Biasanya tidak perlu "
                "diubah."
            )
        )
        self.label.setText(self.tr("&Folder data"))
        self.edit.setAccessibleName(self.tr("Folder data"))
        self.browse.setText(self.tr("&Pilih…"))
        self.browse.setAccessibleName(self.tr("Pilih folder data"))
        self.note.setText(
            self.tr(
                "Data dienkripsi dengan kata sandi akun. Bila folder ini sudah berisi data dari "
                "versi sebelumnya, data itu tetap ada dan ikut dilindungi."
            )
            if self.editable
            else self.tr("Folder data tidak diubah saat pengaturan awal diulang.")
        )


class AccountPage(Page):
    """Offline (a new admin: username, name, password twice) or enrolment with a server."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountPage")
        self.offline = QRadioButton(self)
        self.offline.setObjectName("offlineMode")
        self.server = QRadioButton(self)
        self.server.setObjectName("serverMode")
        group = QButtonGroup(self)
        group.addButton(self.offline)
        group.addButton(self.server)
        self.offline.setChecked(True)
        self.username = self._line("adminUsername")
        self.full_name = self._line("adminFullName")
        self.password = self._line("adminPassword", secret=True)
        self.again = self._line("adminPasswordAgain", secret=True)
        self.strength = QProgressBar(self)
        self.strength.setObjectName("passwordStrength")
        self.strength.setRange(0, 3)
        self.strength.setTextVisible(True)
        self.strength.setMaximumHeight(18)
        self.password.textChanged.connect(self._strength_changed)
        self.url = self._line("enrolUrl")
        self.url.setPlaceholderText("https://kampung.tangerangkota.go.id")
        self.server_user = self._line("enrolUsername")
        self.server_password = self._line("enrolPassword", secret=True)
        self.offline_form, self.server_form = QFormLayout(), QFormLayout()
        self.labels: dict[str, QLabel] = {}
        for form, rows in (
            (
                self.offline_form,
                [
                    ("user", self.username),
                    ("name", self.full_name),
                    ("pw", self.password),
                    ("again", self.again),
                    ("strength", self.strength),
                ],
            ),
            (
                self.server_form,
                [("url", self.url), ("suser", self.server_user), ("spw", self.server_password)],
            ),
        ):
            for key, widget in rows:
                label = QLabel(self)
                label.setBuddy(widget)
                self.labels[key] = label
                form.addRow(label, widget)
        self.offline_box, self.server_box = QWidget(self), QWidget(self)
        self.offline_box.setLayout(self.offline_form)
        self.server_box.setLayout(self.server_form)
        self.body.addWidget(self.offline)
        self.body.addWidget(self.offline_box)
        self.body.addWidget(self.server)
        self.body.addWidget(self.server_box)
        self.body.addStretch(1)
        self.offline.toggled.connect(self._mode_changed)
        self._mode_changed()
        self.retranslate()

    def _line(self, name: str, secret: bool = False) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        if secret:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def mode(self) -> str:
        return "offline" if self.offline.isChecked() else "server"

    def _mode_changed(self) -> None:
        self.offline_box.setEnabled(self.offline.isChecked())
        self.server_box.setEnabled(self.server.isChecked())

    def _strength_changed(self) -> None:
        from kampung_desktop.services.first_start import password_strength

        self.strength.setValue(password_strength(self.password.text()))
        self._strength_text()

    def _strength_text(self) -> None:
        words = [self.tr("terlalu pendek"), self.tr("lemah"), self.tr("cukup"), self.tr("kuat")]
        self.strength.setFormat(words[self.strength.value()])

    def problem(self) -> str | None:
        from kampung_desktop.services.first_start import password_problem, username_problem
        from kampung_desktop.ui.sync.enrol_dialog import url_problem

        if self.offline.isChecked():
            return username_problem(self.username.text()) or password_problem(
                self.password.text(), self.again.text()
            )
        return (
            url_problem(self.url.text())
            or username_problem(self.server_user.text())
            or (None if self.server_password.text() else self.tr("Isi kata sandi."))
        )

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Cara kerja dan akun"))
        self.intro.setText(
            self.tr(
                "Kampung bekerja penuh tanpa internet. Buat akun admin laptop ini, atau "
                "hubungkan ke server kota dengan akun dari admin kota."
            )
        )
        self.offline.setText(self.tr("Bekerja &tanpa server: buat akun admin"))
        self.server.setText(self.tr("&Hubungkan ke server kota"))
        texts = {
            "user": self.tr("&Nama pengguna"),
            "name": self.tr("Nama &lengkap (boleh kosong)"),
            "pw": self.tr("&Kata sandi"),
            "again": self.tr("&Ulangi kata sandi"),
            "strength": self.tr("Kekuatan"),
            "url": self.tr("&Alamat server"),
            "suser": self.tr("Nama pengguna &server"),
            "spw": self.tr("Kata sandi ser&ver"),
        }
        for key, text in texts.items():
            self.labels[key].setText(text)
            buddy = self.labels[key].buddy()
            if buddy is not None:
                buddy.setAccessibleName(text.replace("&", ""))
        self._strength_text()


class KelurahanPage(Page):
    def __init__(
        self, choices: list[Any], current: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("kelurahanPage")
        self.filter = QLineEdit(self)
        self.filter.setObjectName("kelurahanFilter")
        self.filter.textChanged.connect(self._filter)
        self.list = QListWidget(self)
        self.list.setObjectName("kelurahanList")
        self.whole = QListWidgetItem(self.list)
        self.whole.setData(256, "")
        for choice in choices:
            item = QListWidgetItem(choice.label, self.list)
            item.setData(256, choice.kode)
            if choice.kode == current:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None:
            self.list.setCurrentItem(self.whole)
        self.body.addWidget(self.filter)
        self.body.addWidget(self.list, 1)
        self.retranslate()

    def _filter(self, text: str) -> None:
        needle = text.strip().lower()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(bool(needle) and needle not in item.text().lower())

    def chosen(self) -> str:
        item = self.list.currentItem()
        return str(item.data(256)) if item is not None else ""

    def select(self, kode: str) -> bool:
        for row in range(self.list.count()):
            if self.list.item(row).data(256) == kode:
                self.list.setCurrentRow(row)
                return True
        return False

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Kelurahan kerja"))
        self.intro.setText(
            self.tr(
                "Kelurahan tempat laptop ini bekerja: daftar dan formulir baru mulai dari sini. "
                "Ketik untuk menyaring."
            )
        )
        self.filter.setPlaceholderText(self.tr("Cari kelurahan, kecamatan atau kode…"))
        self.filter.setAccessibleName(self.tr("Saring kelurahan"))
        self.list.setAccessibleName(self.tr("Daftar kelurahan"))
        self.whole.setText(self.tr("(Belum dipilih — seluruh kota)"))


class DemoPage(Page):
    def __init__(self, parent: QWidget | None = None, already: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("demoPage")
        self.check = QCheckBox(self)
        self.check.setObjectName("demoCheck")
        self.warning = QLabel(self)
        self.warning.setObjectName("demoWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(DEMO_STYLE)
        self.summary = QLabel(self)
        self.summary.setObjectName("firstStartSummary")
        self.summary.setWordWrap(True)
        self.body.addWidget(self.check)
        self.body.addWidget(self.warning)
        self.body.addSpacing(12)
        self.body.addWidget(self.summary)
        self.body.addStretch(1)
        self.already = already
        self.check.setEnabled(not already)
        self.retranslate()

    def retranslate(self) -> None:
        from kampung_desktop.services.first_start import DEMO_HOUSEHOLDS

        self.heading.setText(self.tr("Data demo (pilihan)"))
        self.intro.setText(
            self.tr("Untuk latihan: rumah tangga contoh dengan nama dan NIK rekaan.")
        )
        self.check.setText(self.tr("&Isi {n} rumah tangga demo").format(n=DEMO_HOUSEHOLDS))
        self.check.setAccessibleName(self.check.text().replace("&", ""))
        self.warning.setText(
            self.tr("Data demo sudah ada di folder ini.")
            if self.already
            else self.tr(
                "DATA DEMO bukan warga sungguhan. Semuanya ditandai DEMO di layar dan di cetakan, "
                "dan tidak pernah dikirim ke server kota. Jangan dipakai untuk pendataan nyata."
            )
        )
