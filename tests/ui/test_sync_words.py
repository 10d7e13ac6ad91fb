"""The sync panel, log and to-do list name things in words, never by their internal codes.

Against a real server on 127.0.0.1: an approval refused to an enumerator reads "Disetujui" /
"Approved", not 'approved'; records are named by form title, place and people's names, not
`bantar_rt` or an id; times are written the app's way ("1 Des 2026 09.10").
"""

from __future__ import annotations

import re

from test_sync_live import (
    ENUMERATOR,
    finalized_assessment,
    open_enrolled,
    publish_form,
    review_service,
    server,  # noqa: F401  (fixture)
    settle_again,
)
from test_sync_widgets import controller, english  # noqa: F401  (fixtures)

from kampung_desktop.services.sync import SyncLogEntry, SyncOutcome

CODES = re.compile(r"approved|bantar_rt|household_member|assessment_answers|members|[0-9a-f]{8}")


def test_a_refused_approval_is_explained_in_words(
    qtbot,
    open_window,
    filled_dir,
    server,  # noqa: F811
    english,  # noqa: F811
):
    from kampung_desktop.ui import i18n

    i18n.apply("id")
    publish_form(server)
    window = open_enrolled(qtbot, open_window, filled_dir, server, ENUMERATOR)
    ui = window.sync_ui
    aid = finalized_assessment(window.backend.ctx)
    ui.sync_action.trigger()
    assert settle_again(qtbot, ui).ok
    review_service(window.backend.ctx).assessments.transition(aid, "approve")
    ui.sync_action.trigger()
    assert settle_again(qtbot, ui).rejected == 1
    [record] = ui.controller.status.rejected
    assert record.label == "Kampung Bantar · Sukarasa RW 002 RT 001"
    [line] = [ui.panel.rejected_view.plain(ui.panel.rejected_view.topLevelItem(0))]
    assert line.startswith("Penilaian: Kampung Bantar · Sukarasa RW 002 RT 001\n")
    assert "menjadi Disetujui" in line and "petugas pendata" in line
    top = ui.panel.log_view.topLevelItem(0)
    lines = [ui.panel.log_view.plain(top.child(i)) for i in range(top.childCount())]
    assert lines and all(not CODES.search(text) for text in lines), lines
    assert "Penilaian “Kampung Bantar · Sukarasa RW 002 RT 001”: ditolak" in lines[0]

    i18n.apply("en")
    qtbot.waitUntil(lambda: "to Approved" in ui.panel.rejected_view.reasons()[0])
    top = ui.panel.log_view.topLevelItem(0)
    assert ": rejected" in ui.panel.log_view.plain(top.child(0))
    assert not CODES.search(ui.panel.log_view.plain(top.child(0)))


def test_times_and_sizes_are_written_the_apps_way(qtbot, controller, english):  # noqa: F811
    from kampung_desktop.ui import i18n
    from kampung_desktop.ui.sync import texts
    from kampung_desktop.ui.sync.log_view import SyncLogView

    i18n.apply("id")
    outcome = SyncOutcome(1, 0, 0, 0, 1, 0, ok=True, error=None, needs_attention=True)
    entry = SyncLogEntry(
        "s1", "2026-12-01T02:10:00+00:00", "2026-12-01T02:11:00+00:00", outcome,
        [("members", "3f2a9b1c-0000", "rejected", "NIK tidak sah / Invalid NIK")],
        {"3f2a9b1c-0000": "Siti Aminah"},
    )  # fmt: skip
    view = SyncLogView()
    qtbot.addWidget(view)
    view.set_entries([entry])
    when = texts.format_time("2026-12-01T02:10:00+00:00")
    assert re.fullmatch(r"1 Des 2026 \d\d\.\d\d", when), when
    assert view.plain(view.topLevelItem(0)).startswith(when + " – ")
    assert view.plain(view.topLevelItem(0).child(0)) == (
        "Anggota keluarga “Siti Aminah”: ditolak\nNIK tidak sah"
    )
    assert texts.format_bytes(1_288_490) == "1,2 MB"
    i18n.apply("en")
    assert re.fullmatch(r"1 Dec 2026 \d\d:\d\d", texts.format_time("2026-12-01T02:10:00Z"))
    assert texts.format_bytes(12_800) == "12.5 KB"
    qtbot.waitUntil(
        lambda: (
            view.plain(view.topLevelItem(0).child(0))
            == "Family member “Siti Aminah”: rejected\nInvalid NIK"
        )
    )


def test_the_panel_says_what_needs_the_user_where_they_can_act(qtbot, controller):  # noqa: F811
    from test_sync_widgets import NIK_REASON, status

    from kampung_desktop.ui.sync.panel import SyncPanel

    panel = SyncPanel(controller)
    qtbot.addWidget(panel)
    panel.show()
    controller._set_status(status(state="up_to_date"))
    assert not panel.pending_title.isVisible()  # no heading over an empty list
    assert panel.rejected_hint.text() == "Tidak ada data yang ditolak server."
    controller._set_status(status(rejected=[NIK_REASON], open_conflicts=2, state="needs_attention"))
    hint = panel.state_label.text()
    assert "Ditolak server: 1; lihat alasannya di bawah." in hint
    assert "Konflik menunggu keputusan di Daftar tugas: 2." in hint
    assert "Buka panel sinkronisasi" not in hint  # it is open
    assert panel.todo_button.text() == "Daftar tugas: konflik untuk diputuskan (2)…"
    assert panel.rejected_hint.text().startswith("Klik dua kali pada data untuk membukanya")
