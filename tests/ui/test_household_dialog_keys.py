"""The household dialog stays put when its error banner comes and goes; Enter confirms a
complete member (and only moves on while one is half typed)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from test_household_dialog import (  # noqa: E402
    BUDI,
    click,
    dialogs,  # noqa: F401 (fixture)
    fill_member,
    open_dialog,
    service,  # noqa: F401 (fixture)
    type_into,
)

from kampung_desktop.ui.qt import QApplication, Qt  # noqa: E402


def test_enter_confirms_a_complete_member_and_moves_on_in_a_half_typed_one(
    qtbot,
    service,  # noqa: F811
    dialogs,  # noqa: F811
):
    dialog = open_dialog(qtbot, service)
    click(qtbot, dialog.members.add_button)
    editor = dialog.member_editor
    qtbot.waitExposed(editor)
    type_into(qtbot, editor.name, "Budi", leave=False)
    qtbot.keyClick(editor.name, Qt.Key.Key_Return)  # half a member: Enter goes to the next field
    assert editor.isVisible() and editor.nik.hasFocus()
    editor.close()
    editor = fill_member(qtbot, dialog, "Budi Santoso", BUDI, "Kepala")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not editor.isVisible())
    assert dialog.members.table.rowCount() == 1


def test_the_error_banner_does_not_move_the_fields_and_gives_its_room_back(
    qtbot,
    service,  # noqa: F811
    dialogs,  # noqa: F811
):
    dialog = open_dialog(qtbot, service)
    height = dialog.height()
    box = dialog.address.parentWidget()  # the "Rumah tangga" group: the first thing shown
    top = box.mapTo(dialog, box.rect().topLeft()).y()
    click(qtbot, dialog.save_button)  # nothing filled in: the banner lists what is missing
    qtbot.waitUntil(dialog.summary.isVisible)
    QApplication.processEvents()
    assert box.mapTo(dialog, box.rect().topLeft()).y() == top  # nothing pushed down
    fill_member(qtbot, dialog, "Budi Santoso", BUDI, "Kepala")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    type_into(qtbot, dialog.address, "Jl. Melati III No. 7")
    type_into(qtbot, dialog.kelurahan, "Cibodas Sari")
    for spin, value in ((dialog.rw, "5"), (dialog.rt, "12")):
        type_into(qtbot, spin, value)
    qtbot.waitUntil(lambda: not dialog.summary.isVisible())
    QApplication.processEvents()
    assert dialog.height() == height
