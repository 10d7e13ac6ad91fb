"""Role gating in the window: an action a role may not use is hidden, not just greyed out.

Any part that adds an action (or a widget: a settings box) tags it with the permission it needs:

    from kampung_desktop.ui.access.gating import needs
    needs(backup_action, Permission.BACKUP)

`apply(window, session)` then hides every tagged action the signed-in role lacks (menus, tool
bars, context menus: all share the QAction) and hides a menu left with nothing visible. It runs
when the window is built, once its services are up, and each time a menu opens, so actions
added later are covered. Hiding is the view's courtesy; the services refuse as well
(`services.access.require`), so a hidden action cannot be reached another way.
"""

from __future__ import annotations

from typing import Any

from kampung_desktop.ui.qt import QAction, QMenu, QWidget

PROPERTY = "kampungPermission"


def needs(action: Any, permission: Any) -> Any:
    """Tag `action` (a QAction, or a QWidget such as a settings box) with the permission
    (core.roles.Permission) it needs; returns it."""
    action.setProperty(PROPERTY, str(permission))
    return action


def apply_to(widget: QWidget, session: Any) -> QWidget:
    """Hide and disable `widget` (tagged with `needs`) when `session`'s role lacks its
    permission: for a widget made after the window, e.g. a box of the Settings dialog."""
    permission = widget.property(PROPERTY)
    if permission and not allowed(session, str(permission)):
        widget.setVisible(False)
        widget.setEnabled(False)
    return widget


def allowed(session: Any, permission: str | None) -> bool:
    """True when the session's role has `permission` (no session: an unprotected dir, all)."""
    if permission is None or session is None:
        return True
    from kampung_desktop.core.roles import Permission, allows

    return allows(session.principal.role, Permission(permission))


def apply(window: QWidget, session: Any) -> None:
    """Hide what `session`'s role may not use, everywhere under `window`."""
    if session is None:
        return
    for action in window.findChildren(QAction):
        permission = action.property(PROPERTY)
        if permission and not allowed(session, str(permission)):
            action.setVisible(False)
            action.setEnabled(False)
    for widget in window.findChildren(QWidget):
        if widget.property(PROPERTY):
            apply_to(widget, session)
    for menu in window.findChildren(QMenu):
        entries = [a for a in menu.actions() if not a.isSeparator()]
        if entries:
            menu.menuAction().setVisible(any(a.isVisible() for a in entries))


def visible_actions(window: QWidget) -> dict[str, list[str]]:
    """Menu title -> texts of its visible actions (what a user of this role can reach)."""
    shown: dict[str, list[str]] = {}
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if menu is None or not menu_action.isVisible():
            continue
        texts = [a.text() for a in menu.actions() if a.isVisible() and not a.isSeparator()]
        shown[menu.title()] = texts
    return shown
