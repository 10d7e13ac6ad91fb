"""The Help menu and F1 open the guide's page for the window in use, in the UI's language."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kampung_desktop.ui.help import current_viewer
from kampung_desktop.ui.help.pages import PAGES, page_path, plain
from kampung_desktop.ui.qt import QApplication, Qt, QTimer

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tools"))
import build_translations  # noqa: E402


def heading(page: str, lang: str) -> str:
    """The page's first heading as the viewer shows it (without the Markdown #)."""
    for line in page_path(page, lang).read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            return line.lstrip("#").strip()
    raise AssertionError(f"{lang}/{page} has no heading")


def shown(page: str, lang: str) -> bool:
    viewer = current_viewer()
    return (
        viewer is not None
        and viewer.page == page
        and viewer.browser.toPlainText().startswith(heading(page, lang))
    )


def use_language(lang: str) -> None:
    from kampung_desktop.ui import i18n

    if lang != "id" and not i18n.qm_path(lang).exists():
        build_translations.release(build_translations.ts_path(lang))
    assert i18n.apply(lang)


def press_f1(qtbot, window) -> None:
    """F1 where the keyboard is, as a user would press it in `window`."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, Qt.Key.Key_F1)


@pytest.fixture
def window(qtbot, open_window, filled_dir):
    win = open_window(filled_dir)
    qtbot.waitUntil(lambda: win.help_ui is not None)
    yield win
    viewer = current_viewer()
    if viewer is not None:
        viewer.close()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_help_menu_has_every_page_and_opens_it_in_the_ui_language(qtbot, window, lang):
    use_language(lang)
    first = "&Help for this window" if lang == "en" else "&Bantuan untuk jendela ini"
    qtbot.waitUntil(lambda: window.help_ui.context_action.text() == first)  # events are posted
    texts = [a.text() for a in window.help_menu.actions() if not a.isSeparator()]
    if lang == "en":
        assert texts[0] == "&Help for this window"
        assert "&Keyboard shortcuts" in texts and texts[-1] == "About Kampung"
    else:
        assert texts[0] == "&Bantuan untuk jendela ini"
        assert "Pintasan &keyboard" in texts and texts[-1] == "Tentang Kampung"
    assert window.help_ui.context_action.shortcut().toString() == "F1"
    for page in PAGES:
        window.help_ui.page_actions[page].trigger()
        qtbot.waitUntil(lambda p=page: shown(p, lang))
        viewer = current_viewer()
        assert viewer.parentWidget() is window
        assert viewer.contents.currentItem().text() == plain(
            window.help_ui.page_actions[page].text()
        )
    title = "Kampung Help" if lang == "en" else "Bantuan Kampung"
    assert viewer.windowTitle().startswith(title)


def test_switching_language_turns_the_open_page(qtbot, window):
    window.help_ui.page_actions["sync"].trigger()
    qtbot.waitUntil(lambda: shown("sync", "id"))
    use_language("en")
    qtbot.waitUntil(lambda: shown("sync", "en"))
    assert window.help_ui.page_actions["sync"].text() == "&Syncing and the to-do list"
    assert current_viewer().contents.item(0).text() == "Main window and household list"


def test_choosing_in_the_contents_list_shows_that_page(qtbot, window):
    window.help_ui.page_actions["main-window"].trigger()
    viewer = current_viewer()
    viewer.contents.setCurrentRow(PAGES.index("shortcuts"))
    qtbot.waitUntil(lambda: shown("shortcuts", "id"))
    assert "Ctrl+N" in viewer.browser.toPlainText()
    qtbot.keyClick(viewer.browser, Qt.Key.Key_Escape)
    assert current_viewer() is None


@pytest.mark.parametrize("lang", ["id", "en"])
def test_f1_in_the_main_window_and_in_its_sync_panel(qtbot, window, lang):
    use_language(lang)
    window.list.table.setFocus()
    press_f1(qtbot, window)
    qtbot.waitUntil(lambda: shown("main-window", lang))
    current_viewer().close()

    window.sync_ui.show_panel()
    window.activateWindow()  # back from the viewer
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.sync_ui.panel.pending_table.setFocus()
    qtbot.waitUntil(window.sync_ui.panel.pending_table.hasFocus)
    press_f1(qtbot, window)
    qtbot.waitUntil(lambda: shown("sync", lang))


def test_f1_in_a_modal_dialog_opens_a_viewer_the_dialog_does_not_block(qtbot, window):
    """The household dialog runs modal (exec); the viewer is its child, so it can be used."""
    from kampung_desktop.ui.household_dialog import HouseholdDialog

    seen: list[tuple[str, bool, bool]] = []

    def in_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, HouseholdDialog)
        press_f1(qtbot, dialog)
        qtbot.waitUntil(lambda: shown("household", "id"))
        viewer = current_viewer()
        seen.append((viewer.page, viewer.parentWidget() is dialog, viewer.isVisible()))
        viewer.close()
        dialog.reject()

    def when_open() -> None:
        if isinstance(QApplication.activeModalWidget(), HouseholdDialog):
            in_dialog()
        else:
            QTimer.singleShot(50, when_open)

    QTimer.singleShot(0, when_open)
    window.add_action.trigger()  # exec() returns once in_dialog rejected it
    assert seen == [("household", True, True)]


def test_f1_in_other_windows_opens_their_page(qtbot, window, monkeypatch):
    from kampung_desktop.ui.qt import QDialog
    from kampung_desktop.ui.settings_dialog import SettingsDialog

    todo = window.sync_ui.open_todo()
    qtbot.waitExposed(todo)
    press_f1(qtbot, todo)
    qtbot.waitUntil(lambda: shown("sync", "id"))
    assert current_viewer().parentWidget() is todo
    todo.close()

    window.review_action.trigger()
    review = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "reviewWindow")
    qtbot.waitExposed(review)
    press_f1(qtbot, review)
    qtbot.waitUntil(lambda: shown("review", "id"))
    review.close()

    pages: list[str | None] = []

    def settings_exec(dialog: SettingsDialog) -> int:
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.language.setFocus()
        press_f1(qtbot, dialog)
        qtbot.waitUntil(
            lambda: current_viewer() is not None and current_viewer().page == "settings"
        )
        pages.append(current_viewer().page)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(SettingsDialog, "exec", settings_exec)
    window.settings_action.trigger()
    assert pages == ["settings"]


def test_every_window_gets_one_f1_only(qtbot, window, open_window, filled_dir):
    """A second main window's help must not give a window a second, ambiguous F1."""
    from kampung_desktop.ui.help import SHORTCUT_NAME
    from kampung_desktop.ui.qt import QShortcut

    second = open_window(filled_dir)
    qtbot.waitUntil(lambda: second.help_ui is not None)
    todo = window.sync_ui.open_todo()
    qtbot.waitExposed(todo)
    for _ in range(2):
        second.activateWindow()
        press_f1(qtbot, todo)
    direct = Qt.FindChildOption.FindDirectChildrenOnly
    assert len(todo.findChildren(QShortcut, SHORTCUT_NAME, direct)) == 1
    for main in (window, second):  # the menu's F1 is theirs
        assert main.findChildren(QShortcut, SHORTCUT_NAME, direct) == []
    qtbot.waitUntil(lambda: shown("sync", "id"))


def open_interview_window(qtbot, window):
    """The wizard on a new household assessment of the window's first listed household."""
    from kampung_desktop.services.interviews import InterviewService
    from kampung_desktop.ui.interview import open_assessment

    ctx = window.backend.ctx
    service = InterviewService.for_context(ctx)
    service.forms()  # installs the shipped forms, as the start dialog does
    household_id = window.list.model.household_id(0)
    aid = service.start("household_assessment", "", household_id=household_id)
    wizard = open_assessment(ctx, aid, window, service=service)
    qtbot.waitExposed(wizard)
    return wizard


def test_f1_in_the_interview_window(qtbot, window):
    wizard = open_interview_window(qtbot, window)
    press_f1(qtbot, wizard)
    qtbot.waitUntil(lambda: shown("interview", "id"))
    assert current_viewer().parentWidget() is wizard
    wizard.close()


SYMBOLS = {"→": "Right", "←": "Left", "Enter": "Return"}


def table_keys(lang: str) -> set[str]:
    """Every key combination the shortcuts page lists (cells like "Ctrl+S, Ctrl+Enter")."""
    from kampung_desktop.ui.qt import QKeySequence

    keys = set()
    lines = page_path("shortcuts", lang).read_text(encoding="utf-8").splitlines()
    rows = lines[lines.index("| --- | --- |") + 1 :]
    assert rows
    for line in rows:
        if line.startswith("| "):
            for key in line.split("|")[1].split(","):
                for symbol, name in SYMBOLS.items():
                    key = key.replace(symbol, name)
                normal = QKeySequence(key.strip()).toString()
                assert normal, f"{lang}: {key!r} is not a key Qt knows"
                keys.add(normal)
    return keys


def bound_keys(*widgets) -> set[str]:
    """The key sequences of every action and shortcut on `widgets` and their children."""
    from kampung_desktop.ui.qt import QAction, QShortcut

    keys = set()
    for widget in widgets:
        for action in widget.findChildren(QAction):
            keys |= {s.toString() for s in action.shortcuts()}
        for shortcut in widget.findChildren(QShortcut):
            if shortcut.isEnabled():
                keys.add(shortcut.key().toString())
    return keys - {""}


def test_the_shortcuts_page_lists_exactly_the_app_s_shortcuts(qtbot, window):
    """Each combination the help lists works somewhere, and each one bound is listed."""
    from kampung_desktop.ui.household_dialog import HouseholdDialog
    from kampung_desktop.ui.member_editor import MemberEditor

    dialog = HouseholdDialog(window.backend.registry, None, window, areas=window._areas)
    member = MemberEditor(parent=dialog)
    wizard = open_interview_window(qtbot, window)
    for opened in (dialog, wizard):
        opened.show()
        press_f1(qtbot, opened)  # their F1 comes with focus, like a user's first F1
    assert table_keys("id") == table_keys("en") == bound_keys(window, dialog, member, wizard)
    wizard.close()
    dialog.reject()


def test_topics_name_real_pages_and_unknown_windows_fall_back_to_their_parent(qtbot):
    from kampung_desktop.ui.help.topics import DEFAULT, TOPICS, topic_for
    from kampung_desktop.ui.qt import QDialog, QLineEdit, QWidget

    assert set(TOPICS.values()) | {DEFAULT} <= set(PAGES)
    main = QWidget()
    main.setObjectName("mainWindow")
    qtbot.addWidget(main)
    review = QWidget(main)
    review.setObjectName("reviewWindow")
    unknown = QDialog(review)  # e.g. a message box over the review window
    field = QLineEdit(unknown)
    assert topic_for(field) == "review"
    own = QDialog(main)
    own.setProperty("helpTopic", "printing")  # a window may name its page itself
    assert topic_for(QLineEdit(own)) == "printing"
    assert topic_for(QDialog()) == DEFAULT
