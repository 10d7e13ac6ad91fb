"""Sign-in, roles and auto-lock in the main window (issue 12 items 1 and 6).

    from kampung_desktop.ui.access import install
    self.access_ui = install(window, session)   # in MainWindow.__init__, session may be None
    self.access_ui.arm(ctx)                      # once the services are open (idle setting)
    self.access_ui.shutdown()                    # in closeEvent

On an unprotected legacy dir (no session) nothing is added. Otherwise: an "Akun" menu (who is
signed in, "Kunci sekarang" Ctrl+L, change password, users for the admin, first-start settings),
the idle lock, and role gating of every tagged action (see gating.py).
"""

from __future__ import annotations

from typing import Any

from kampung_desktop.ui.access import gating
from kampung_desktop.ui.qt import QAction, QEvent, QMenu, QObject, QWidget, Signal

__all__ = ["AccessUi", "install"]


def install(window: Any, session: Any) -> AccessUi | None:
    if session is None:
        return None
    return AccessUi(window, session)


class _AccountMenu(QMenu):
    def __init__(self, owner: AccessUi, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("accountMenu")
        self.owner = owner

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.owner.retranslate()
        super().changeEvent(event)


class AccessUi(QObject):
    """Owns the account menu, the auto-lock and the gating of one main window."""

    sessionChanged = Signal(object)

    def __init__(self, window: Any, session: Any) -> None:
        super().__init__(window)
        from kampung_desktop.core.roles import Permission
        from kampung_desktop.ui.access.auto_lock import AutoLock

        self.window = window
        self.session = session
        self.menu = _AccountMenu(self, window)
        self.who = QAction(self.menu)
        self.who.setObjectName("signedInAs")
        self.who.setEnabled(False)
        self.lock = AutoLock(window, session, window.data_dir)
        self.lock.userChanged.connect(self._user_changed)
        self.lock.unlocked.connect(self._unlocked)
        self.lock.quitRequested.connect(window.close)
        self.password_action = QAction(self.menu)
        self.password_action.setObjectName("changePasswordAction")
        self.password_action.triggered.connect(self.change_password)
        self.users_action = gating.needs(QAction(self.menu), Permission.MANAGE_USERS)
        self.users_action.setObjectName("usersAction")
        self.users_action.triggered.connect(self.open_users)
        self.setup_action = gating.needs(QAction(self.menu), Permission.SETTINGS)
        self.setup_action.setObjectName("firstStartAction")
        self.setup_action.triggered.connect(self.open_first_start)
        self.menu.addAction(self.who)
        self.menu.addSeparator()
        self.menu.addActions([self.lock.action, self.password_action])
        self.menu.addSeparator()
        self.menu.addActions([self.users_action, self.setup_action])
        bar = window.menuBar()
        help_menu = getattr(window, "help_menu", None)
        if help_menu is not None:
            bar.insertMenu(help_menu.menuAction(), self.menu)
        else:
            bar.addMenu(self.menu)
        window.addAction(self.lock.action)  # Ctrl+L works with the menu bar closed
        self._tag_window_actions(window)
        self.retranslate()
        self.apply_gating()
        self.lock.start()

    @staticmethod
    def _tag_window_actions(window: Any) -> None:
        from kampung_desktop.core.roles import Permission

        tags = {
            "add_action": Permission.EDIT_REGISTRY,
            "edit_action": Permission.EDIT_REGISTRY,
            "interview_action": Permission.INTERVIEW,
            "review_action": Permission.REVIEW,
        }
        for name, permission in tags.items():
            action = getattr(window, name, None)
            if isinstance(action, QAction) and not action.property(gating.PROPERTY):
                gating.needs(action, permission)

    def apply_gating(self) -> None:
        """Hide what this role may not use; again whenever a menu opens (late actions)."""
        gating.apply(self.window, self.session)
        for menu in self.window.menuBar().findChildren(QMenu) + self.window.findChildren(QMenu):
            if not menu.property("kampungGated"):
                menu.setProperty("kampungGated", True)
                menu.aboutToShow.connect(lambda: gating.apply(self.window, self.session))

    def arm(self, ctx: Any) -> None:
        """Read the idle limit now that the services are open."""
        from kampung_desktop.ui.access.auto_lock import IDLE_SETTING, idle_minutes

        self.lock.set_idle_minutes(idle_minutes(ctx.setting(IDLE_SETTING)))
        self.apply_gating()
        self._show_home_kelurahan(ctx)

    def _show_home_kelurahan(self, ctx: Any) -> None:
        """Start in the kelurahan chosen at first start, unless the user picked an area."""
        from kampung_desktop.services.first_start import KELURAHAN_SETTING

        home = ctx.setting(KELURAHAN_SETTING)
        tree = getattr(self.window, "tree", None)
        if home and tree is not None and tree.current_key() in (None, ""):
            tree.select_key(home)

    def settings_sections(self, dialog: Any) -> None:
        """The admin's auto-lock box in the Settings dialog (others keep the admin's limit)."""
        from kampung_desktop.core.roles import Permission
        from kampung_desktop.ui.access.auto_lock import IDLE_SETTING, idle_minutes
        from kampung_desktop.ui.access.lock_settings import AutoLockBox

        backend = getattr(self.window, "backend", None)
        if backend is None or not gating.allowed(self.session, Permission.SETTINGS):
            return
        minutes = idle_minutes(backend.ctx.setting(IDLE_SETTING))
        box = AutoLockBox(
            backend.ctx, minutes, self.lock.set_idle_minutes, dialog, rerun=self.open_first_start
        )
        dialog.add_section(box)

    def shutdown(self) -> None:
        self.lock.stop()

    def install_shortcuts(self) -> None:
        from kampung_desktop.ui.qt import QKeySequence

        self.lock.action.setShortcut(QKeySequence("Ctrl+L"))

    def _unlocked(self, session: Any) -> None:
        self.session = session  # (ui.audit_hooks writes the unlock's sign_in entry)

    def _user_changed(self, session: Any) -> None:
        self.session = session
        self.sessionChanged.emit(session)

    def change_password(self) -> None:
        from kampung_desktop.ui.access.users_dialog import ChangePasswordDialog

        ChangePasswordDialog(self.window.data_dir, self.session, self.window).exec()

    def open_users(self) -> None:
        from kampung_desktop.ui.access.users_dialog import UsersDialog

        UsersDialog(self.window.data_dir, self.session, self.window).exec()

    def open_first_start(self) -> None:
        from kampung_desktop.ui.access.first_start import rerun_first_start

        rerun_first_start(self.window, self.session)

    def retranslate(self) -> None:
        principal = self.session.principal
        self.menu.setTitle(self.tr("A&kun"))
        self.who.setText(
            self.tr("Masuk sebagai {user} ({role})").format(
                user=principal.full_name or principal.username, role=role_name(principal.role)
            )
        )
        self.lock.retranslate()
        self.password_action.setText(self.tr("Ganti &kata sandi…"))
        self.users_action.setText(self.tr("&Pengguna…"))
        self.setup_action.setText(self.tr("Pengaturan &awal…"))


def role_name(role: Any) -> str:
    from kampung_desktop.ui.qt import QCoreApplication

    names = {
        "admin": QCoreApplication.translate("Roles", "admin"),
        "operator": QCoreApplication.translate("Roles", "operator kelurahan"),
        "enumerator": QCoreApplication.translate("Roles", "petugas pendata"),
    }
    return names.get(str(role), str(role))
