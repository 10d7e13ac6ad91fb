"""The top of the interview window: the reviewer's note, the read-only banner, the form and area
as a title, and the switch between the form's languages."""

from __future__ import annotations

from kampung_desktop.services.interview_session import InterviewSession
from kampung_desktop.ui import i18n
from kampung_desktop.ui.interview.texts import state_label, t
from kampung_desktop.ui.qt import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget, Signal


class InterviewHeader(QWidget):
    language_chosen = Signal(str)  # a language code of the form

    def __init__(self, session: InterviewSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note_banner = QLabel(self)
        self.note_banner.setObjectName("reviewNote")
        self.note_banner.setWordWrap(True)
        self.note_banner.setStyleSheet(
            "background: #fff4e5; color: #6d4c00; border: 1px solid #f0b44c; padding: 8px;"
        )
        self.lock_banner = QLabel(self)
        self.lock_banner.setObjectName("readOnlyBanner")
        self.lock_banner.setWordWrap(True)
        self.lock_banner.setStyleSheet("background: #eceff1; color: #37474f; padding: 8px;")
        self.title = QLabel(self)
        self.title.setObjectName("interviewTitle")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.language_label = QLabel(self)
        self.language = QComboBox(self)
        self.language.setObjectName("languageSwitch")
        for code in session.form.languages:
            self.language.addItem(i18n.LANGUAGES.get(code, code), code)
        self.show_language(session.lang)
        self.language.currentIndexChanged.connect(
            lambda i: self.language_chosen.emit(self.language.itemData(i))
        )
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.language_label)
        top.addWidget(self.language)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note_banner)
        layout.addWidget(self.lock_banner)
        layout.addLayout(top)

    def show_language(self, lang: str) -> None:
        """Select `lang` in the switch without asking for it again."""
        self.language.blockSignals(True)
        self.language.setCurrentIndex(max(0, self.language.findData(lang)))
        self.language.blockSignals(False)

    def retranslate(self, session: InterviewSession) -> None:
        lang = session.lang
        assessment = session.assessment
        area = f"{assessment.kelurahan_kode}"
        if assessment.rw is not None:
            area += f" · RW {assessment.rw:03d}"
        if assessment.rt is not None:
            area += f" · RT {assessment.rt:03d}"
        self.title.setText(f"{session.form.title}\n{area} · {state_label(session.state, lang)}")
        self.language_label.setText(t("language", lang))
        note = session.review_note
        self.note_banner.setText(t("returned_note", lang, note=note) if note else "")
        self.note_banner.setVisible(bool(note))
        locked = session.read_only
        self.lock_banner.setText(
            t("read_only", lang, state=state_label(session.state, lang)) if locked else ""
        )
        self.lock_banner.setVisible(locked)
