"""The first-start dialog (issue 13 item 2): language, folder, account, kelurahan, demo data.

Shown when the data dir has no account yet (a new laptop, or a legacy unprotected dir); it ends
with a signed-in session, so the main window opens straight after. Re-run from the Akun menu
("Pengaturan awal…", admin only) it changes the language, the kelurahan and may add demo data,
through the open session: the folder is shown but not changed, and no account is created.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from kampung_desktop.ui import i18n
from kampung_desktop.ui.access.first_start_pages import (
    AccountPage,
    DemoPage,
    FolderPage,
    KelurahanPage,
    LanguagePage,
    Page,
)
from kampung_desktop.ui.qt import (
    QDialog,
    QEvent,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from kampung_desktop.ui.tasks import TaskRunner

log = logging.getLogger(__name__)
ERROR_STYLE = "color: #b91c1c;"


class FirstStartDialog(QDialog):
    def __init__(
        self,
        data_dir: Path,
        *,
        ctx: Any = None,
        session: Any = None,
        parent: QWidget | None = None,
    ) -> None:
        """First run: `ctx` and `session` None. Re-run: both from the running window."""
        super().__init__(parent)
        from kampung_desktop.services import first_start

        self.setObjectName("firstStartDialog")
        self.data_dir = Path(data_dir)
        self.ctx = ctx
        self.session = session
        self.rerun = session is not None
        self._original_language = i18n.current()
        self.busy = False
        self.tasks = TaskRunner(log.error, self)  # the set-up runs off the UI thread
        current = ctx.setting(first_start.KELURAHAN_SETTING) if ctx is not None else None
        self.language_page = LanguagePage(self)
        self.folder_page = FolderPage(self.data_dir, self, editable=not self.rerun)
        self.account_page = AccountPage(self)
        self.kelurahan_page = KelurahanPage(first_start.reference_kelurahan(), current, self)
        demo_there = bool(ctx is not None and ctx.demo_loaded())
        self.demo_page = DemoPage(self, already=demo_there)
        self.pages: list[Page] = [self.language_page, self.folder_page]
        if not self.rerun:
            self.pages.append(self.account_page)
        self.pages += [self.kelurahan_page, self.demo_page]
        self.stack = QStackedWidget(self)
        for page in self.pages:
            self.stack.addWidget(page)
        self.step = QLabel(self)
        self.step.setObjectName("firstStartStep")
        self.message = QLabel(self)
        self.message.setObjectName("firstStartMessage")
        self.message.setWordWrap(True)
        self.back_button = QPushButton(self)
        self.back_button.setObjectName("backButton")
        self.next_button = QPushButton(self)
        self.next_button.setObjectName("nextButton")
        self.next_button.setDefault(True)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("cancelButton")
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.step)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(620, 500)
        self.retranslate()
        self._show_page(0)

    # -- moving between pages -------------------------------------------------------------
    def current(self) -> Page:
        return self.pages[self.stack.currentIndex()]

    def _show_page(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        self.back_button.setEnabled(index > 0)
        self._clear_message()
        self._update_buttons()
        self.current().setFocus()
        self.current().focusNextChild()

    def _update_buttons(self) -> None:
        last = self.stack.currentIndex() == len(self.pages) - 1
        self.next_button.setText(self.tr("&Selesai") if last else self.tr("&Lanjut"))
        self.step.setText(
            self.tr("Langkah {n} dari {total}").format(
                n=self.stack.currentIndex() + 1, total=len(self.pages)
            )
        )
        self._update_summary()

    def back(self) -> None:
        if self.stack.currentIndex() > 0:
            self._show_page(self.stack.currentIndex() - 1)

    def next(self) -> None:
        problem = self.current().problem()
        if problem:
            self._show_error(problem)
            return
        if self.current() is self.folder_page and not self.rerun and self._folder_is_protected():
            return
        if self.stack.currentIndex() < len(self.pages) - 1:
            self._show_page(self.stack.currentIndex() + 1)
        else:
            self.finish()

    def _folder_is_protected(self) -> bool:
        """A chosen folder that already has accounts (another copy of the data, a USB drive):
        nothing to set up; remember it and go to its sign-in instead."""
        from kampung_desktop.services import first_start, laptop_config

        folder = self.folder_page.folder()
        try:
            protected = first_start.dir_state(folder) == first_start.DirState.PROTECTED
        except Exception as error:  # noqa: BLE001 - a damaged accounts file: say so, stay
            text = _failure_text(error)
            if text is None:
                raise
            self._show_error(text)
            return True
        if protected:
            laptop_config.save(data_dir=folder, language=self.language_page.chosen())
            self.data_dir = folder
            self.session = None  # the caller signs in
            self.accept()
        return protected

    def _show_error(self, text: str) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(text)

    def _clear_message(self) -> None:
        self.message.setStyleSheet("")
        self.message.clear()

    def _update_summary(self) -> None:
        if self.stack.currentWidget() is not self.demo_page:
            return
        lines = [
            self.tr("Bahasa: {v}").format(v=i18n.LANGUAGES[self.language_page.chosen()]),
            self.tr("Folder data: {v}").format(v=self.folder_page.folder()),
        ]
        if not self.rerun:
            if self.account_page.mode() == "offline":
                who = self.tr("admin baru '{v}'").format(v=self.account_page.username.text())
            else:
                who = self.tr("akun server '{v}'").format(v=self.account_page.server_user.text())
            lines.append(self.tr("Akun pertama: {v}").format(v=who))
        item = self.kelurahan_page.list.currentItem()
        lines.append(self.tr("Kelurahan: {v}").format(v=item.text() if item else "—"))
        self.demo_page.summary.setText("\n".join(lines))

    # -- doing it ---------------------------------------------------------------------------
    def finish(self) -> None:
        """Set the laptop up on a worker thread (creating the admin encrypts the database, demo
        data takes seconds): the dialog stays responsive and says what it is doing."""
        from kampung_desktop.services import first_start

        language = self.language_page.chosen()
        kelurahan = self.kelurahan_page.chosen()
        demo = self.demo_page.check.isChecked() and self.demo_page.check.isEnabled()
        folder = self.folder_page.folder()
        page = self.account_page
        username, full_name = page.username.text(), page.full_name.text()
        password = page.password.text()
        server = (
            page.url.text().strip(),
            page.server_user.text().strip(),
            page.server_password.text(),
        )
        ctx = self.ctx

        def job() -> Any:
            if self.rerun:
                first_start.apply_choices(ctx, language, kelurahan)
                if demo:
                    first_start.add_demo(ctx)
                return self.session
            if page.mode() == "offline":
                return first_start.set_up_offline(
                    folder,
                    language=language,
                    username=username,
                    password=password,
                    full_name=full_name,
                    kelurahan=kelurahan,
                    demo=demo,
                )
            return _enrol(folder, server, language, kelurahan, demo)

        self._set_busy(True)
        self.tasks.run(job, self._finished, self._failed)

    def _finished(self, session: Any) -> None:
        self._set_busy(False)
        self.session = session
        self.data_dir = self.folder_page.folder()
        self.accept()

    def _failed(self, error: BaseException) -> None:
        from kampung_desktop.ui import faults

        self._set_busy(False)
        text = _failure_text(error)
        if text is None:
            self._clear_message()
            faults.report(error)  # a bug: logged; the user gets the apology
            return
        if not self.rerun and self.account_page.mode() != "offline":
            # the server, the username or the password is what to correct: show it there
            self._show_page(self.pages.index(self.account_page))
        self._show_error(text)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for button in (self.back_button, self.next_button, self.cancel_button):
            button.setEnabled(not busy)
        self.stack.setEnabled(not busy)
        if busy:
            self.message.setStyleSheet("")
            self.message.setText(self.tr("Menyiapkan laptop ini… (data demo dapat makan waktu)"))
        else:
            self.back_button.setEnabled(self.stack.currentIndex() > 0)

    def done(self, result: int) -> None:
        if self.busy:
            return  # setting up: an account or key half written must finish first
        self.tasks.shutdown()
        super().done(result)

    def reject(self) -> None:
        if self.busy:
            return
        if self.language_page.changed and i18n.current() != self._original_language:
            i18n.apply(self._original_language)  # the language page switched live
        super().reject()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Kampung — Pengaturan awal"))
        self.back_button.setText(self.tr("&Kembali"))
        self.cancel_button.setText(self.tr("&Batal"))
        for button in (self.back_button, self.next_button, self.cancel_button):
            button.setAccessibleName(button.text().replace("&", ""))
        if hasattr(self, "pages"):
            self._update_buttons()


def _failure_text(error: BaseException) -> str | None:
    from kampung_desktop.services.access import AccessDenied
    from kampung_desktop.ui import faults

    if isinstance(error, AccessDenied):
        return str(error)
    known = faults.message_for(error)
    if known is not None:
        return known
    from kampung_desktop.services.sync.types import SyncError

    return str(error) if isinstance(error, SyncError) else None


def _enrol(
    folder: Path, server: tuple[str, str, str], language: str, kelurahan: str, demo: bool
) -> Any:
    """Enrol through the sync service, which keeps the server's accounts and wraps the
    database key for the enrolling one (its password is at hand only now)."""
    from kampung_desktop.services import access, first_start
    from kampung_desktop.services.sync.service import SyncService

    url, username, password = server
    ctx = first_start.prepare_for_enrol(folder, language=language, kelurahan=kelurahan, demo=demo)
    try:
        SyncService.for_context(ctx).enrol(
            url, username, password, protect=True
        )  # the enrolling account becomes this laptop's first
        session = ctx.access
    finally:
        ctx.close()
    if session is None:  # not expected: the service protects the dir or raises
        session = access.sign_in(folder, username, password)
    return session


def rerun_first_start(window: Any, session: Any) -> None:
    """From the running window: language, kelurahan and demo data (no new account)."""
    backend = getattr(window, "backend", None)
    if backend is None:
        return
    dialog = FirstStartDialog(window.data_dir, ctx=backend.ctx, session=session, parent=window)
    if dialog.exec() == QDialog.DialogCode.Accepted and hasattr(window, "refresh_all"):
        window.refresh_all()
