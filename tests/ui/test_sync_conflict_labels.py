"""The conflict resolver speaks the form's language: field labels, choice labels, dates in words.

Conflicts are stored as the pull feed delivers them (`sync_conflicts`); the real `SyncService`
labels them and the to-do list shows them, in Bahasa Indonesia and, after switching, English.
"""

from __future__ import annotations

import json
from typing import Any

from test_sync_live import finalized_assessment
from test_sync_widgets import english  # noqa: F401  (fixture)

from kampung_desktop.ui import i18n


def store_conflict(ctx: Any, table: str, record_id: str, fields: list[str], other: dict) -> None:
    with ctx.db.raw() as conn:
        conn.execute(
            "INSERT INTO sync_conflicts (id, tbl, record_id, kelurahan_kode, fields, "
            "server_version, other_version, other_device_id, created_at) "
            "VALUES (?, ?, ?, NULL, ?, '{}', ?, 'other-device', '2026-12-01T02:00:00+00:00')",
            (f"{table}:{record_id}", table, record_id, json.dumps(fields), json.dumps(other)),
        )
        conn.commit()


def rows_of(dialog: Any) -> dict[str, tuple[str, str]]:
    table = dialog.table
    return {
        table.item(r, 0).text(): (table.cellWidget(r, 1).text(), table.cellWidget(r, 2).text())
        for r in range(table.rowCount())
    }


def conflict_dialog(qtbot, ui, label: str) -> Any:
    todo = ui.open_todo()
    qtbot.waitUntil(lambda: todo.conflict_view.topLevelItemCount() == 2, timeout=10_000)
    view = todo.conflict_view
    row = next(i for i in range(2) if label in view.topLevelItem(i).text(1))
    view.setCurrentItem(view.topLevelItem(row))
    return todo.resolve_selected()


def test_conflicting_fields_show_labels_and_readable_values_in_both_languages(
    qtbot,
    open_window,
    filled_dir,
    english,  # noqa: F811
):
    i18n.apply("id")
    window = open_window(filled_dir)
    ui = window.sync_ui
    ctx = window.backend.ctx
    with ctx.db.raw() as conn:
        siti = conn.execute("SELECT id FROM members WHERE name = 'Siti Aminah'").fetchone()[0]
    store_conflict(ctx, "members", siti, ["sex", "birth_date", "relationship"],
                   {"sex": "L", "birth_date": "1984-03-12", "relationship": "3"})  # fmt: skip
    aid = finalized_assessment(ctx)
    store_conflict(ctx, "assessment_answers", f"{aid}/kategori_rt", ["value"],
                   {"value": json.dumps("besar")})  # fmt: skip
    qtbot.waitUntil(lambda: ui.controller.service is not None, timeout=10_000)

    dialog = conflict_dialog(qtbot, ui, "Siti Aminah")
    assert rows_of(dialog) == {
        "Jenis kelamin": ("Perempuan", "Laki-laki"),
        "Tanggal lahir": ("2 Maret 1984", "12 Maret 1984"),
        "Hubungan dengan kepala keluarga": ("Istri/suami", "Anak"),
    }
    dialog.reject()
    dialog = conflict_dialog(qtbot, ui, "Kampung Bantar")  # the form's title, not bantar_rt
    assert rows_of(dialog) == {"Kategori lomba": ("Sedang", "Besar")}
    dialog.reject()

    i18n.apply("en")
    todo = ui.todo
    qtbot.waitUntil(
        lambda: any(
            "Sex" in todo.conflict_view.topLevelItem(i).text(2)
            for i in range(todo.conflict_view.topLevelItemCount())
        ),
        timeout=10_000,
    )
    dialog = conflict_dialog(qtbot, ui, "Siti Aminah")
    assert rows_of(dialog) == {
        "Sex": ("Female", "Male"),
        "Birth date": ("2 March 1984", "12 March 1984"),
        "Relationship to head": ("Wife/husband", "Child"),
    }
    dialog.reject()
    dialog = conflict_dialog(qtbot, ui, "Kampung Bantar")
    assert rows_of(dialog) == {"Competition category": ("Medium", "Large")}
    dialog.reject()
