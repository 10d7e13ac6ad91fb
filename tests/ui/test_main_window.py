"""The main window, driven as a user would: tree, search-as-you-type, detail pane, status bar."""

from __future__ import annotations

import re

import pytest
from ui_sample_data import AHMAD_NIK, BUDI_KK, BUDI_NIK, CIBODAS_SARI, SITI_NIK, SUKARASA

from kampung_desktop.core.nik import mask
from kampung_desktop.ui.household_model import HEAD, KELURAHAN, KK, MEMBERS
from kampung_desktop.ui.qt import QMessageBox, Qt

SIXTEEN_DIGITS = re.compile(r"\d{16}")


def tree_text(window, key: str) -> tuple[str, str]:
    model = window.tree.area_model
    index = model.index_of(key)
    assert index.isValid(), key
    return model.data(index), model.data(index.siblingAtColumn(1))


def column(window, col: int) -> list[str]:
    model = window.list.model
    return [model.data(model.index(r, col)) for r in range(model.rowCount())]


def select_row_of(qtbot, window, head: str) -> None:
    row = column(window, HEAD).index(head)
    window.list.table.selectRow(row)
    qtbot.waitUntil(lambda: window.detail.heading() == head and not window.tasks.busy)


def test_tree_shows_areas_with_household_counts(open_window, filled_dir):
    window = open_window(filled_dir)
    assert tree_text(window, "") == ("Semua wilayah", "3")
    assert tree_text(window, "36.71") == ("Kota Tangerang", "3")
    assert tree_text(window, "36.71.01") == ("Kec. Tangerang", "2")
    assert tree_text(window, SUKARASA) == ("Kel. Sukarasa", "2")
    assert tree_text(window, f"{SUKARASA}/005") == ("RW 005", "2")
    assert tree_text(window, f"{SUKARASA}/005/003") == ("RT 003", "1")
    assert tree_text(window, "15.71") == ("Kota Jambi", "0")


def test_table_lists_every_household_sorted_by_head(open_window, filled_dir):
    window = open_window(filled_dir)
    assert column(window, HEAD) == ["Ahmad Fauzi", "Budi Santoso", "Dewi Lestari"]
    assert window.list.count_label.text() == "3 rumah tangga"


def test_selecting_a_tree_node_filters_the_table(qtbot, open_window, filled_dir):
    window = open_window(filled_dir)
    assert window.tree.select_key(CIBODAS_SARI)
    qtbot.waitUntil(lambda: column(window, HEAD) == ["Dewi Lestari"])
    assert window.list.table.isColumnHidden(KELURAHAN)  # one kelurahan: no need to repeat it
    assert window.tree.select_key(f"{SUKARASA}/005/004")
    qtbot.waitUntil(lambda: column(window, HEAD) == ["Ahmad Fauzi"])
    assert window.tree.select_key("36.71")
    qtbot.waitUntil(lambda: window.list.model.rowCount() == 3)
    assert not window.list.table.isColumnHidden(KELURAHAN)


def test_search_filters_as_you_type(qtbot, open_window, filled_dir):
    window = open_window(filled_dir)
    qtbot.keyClicks(window.list.search, "sit")  # a member's name finds her household
    qtbot.waitUntil(lambda: column(window, HEAD) == ["Budi Santoso"])
    window.list.search.clear()
    qtbot.keyClicks(window.list.search, AHMAD_NIK[:10])  # the start of a NIK
    qtbot.waitUntil(lambda: column(window, HEAD) == ["Ahmad Fauzi"])
    window.list.search.clear()
    qtbot.keyClicks(window.list.search, "kenanga")  # the address
    qtbot.waitUntil(lambda: column(window, HEAD) == ["Dewi Lestari"])
    qtbot.keyClicks(window.list.search, "xyz")
    qtbot.waitUntil(lambda: window.list.model.rowCount() == 0)
    assert window.list.count_label.text() == "0 rumah tangga"
    window.list.search.clear()
    qtbot.waitUntil(lambda: window.list.model.rowCount() == 3)


def test_search_combines_with_the_selected_area(qtbot, open_window, filled_dir):
    window = open_window(filled_dir)
    window.tree.select_key(CIBODAS_SARI)
    qtbot.keyClicks(window.list.search, "budi")
    qtbot.waitUntil(lambda: window.list.model.rowCount() == 0)
    window.tree.select_key(SUKARASA)
    qtbot.waitUntil(lambda: column(window, HEAD) == ["Budi Santoso"])


def test_clicking_a_header_sorts(qtbot, open_window, filled_dir):
    window = open_window(filled_dir)
    header = window.list.table.horizontalHeader()
    header.setSortIndicator(MEMBERS, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: column(window, MEMBERS) == ["3", "2", "1"])
    header.setSortIndicator(HEAD, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: column(window, HEAD)[0] == "Dewi Lestari")


def test_list_never_shows_a_whole_identity_number(open_window, filled_dir):
    window = open_window(filled_dir)
    model = window.list.model
    cells = [
        model.data(model.index(r, c))
        for r in range(model.rowCount())
        for c in range(model.columnCount())
    ]
    assert not [c for c in cells if SIXTEEN_DIGITS.search(c)]
    assert mask(BUDI_KK) in column(window, KK)


def test_selecting_a_row_shows_its_members_with_masked_nik(qtbot, open_window, filled_dir):
    from kampung_desktop.ui.detail_pane import NAME, NIK, RELATION

    window = open_window(filled_dir)
    select_row_of(qtbot, window, "Budi Santoso")
    detail = window.detail
    assert detail.member_texts(NAME) == ["Budi Santoso", "Siti Aminah"]
    assert detail.member_texts(RELATION) == ["Kepala keluarga", "Istri/suami"]
    assert detail.member_texts(NIK) == [mask(BUDI_NIK), mask(SITI_NIK)]
    assert detail._fields["kk"][1].text() == mask(BUDI_KK)
    assert detail._fields["rtrw"][1].text() == "RT 003 / RW 005"

    detail.show_nik.setChecked(True)  # the user asks to see them
    assert detail.member_texts(NIK) == [BUDI_NIK, SITI_NIK]
    assert detail._fields["kk"][1].text() == BUDI_KK

    select_row_of(qtbot, window, "Ahmad Fauzi")  # another household starts masked again
    assert not detail.show_nik.isChecked()
    assert detail.member_texts(NIK) == [mask(AHMAD_NIK), "—", "—"]


def test_status_bar_shows_data_dir_and_pending_changes(open_window, filled_dir):
    from kampung_desktop.services.app import AppContext
    from kampung_desktop.services.registry import RegistryService

    ctx = AppContext.open(filled_dir)
    pending = RegistryService(ctx.db, ctx.user_id).pending_changes()
    ctx.close()
    assert pending > 0  # every saved household and member waits for sync
    window = open_window(filled_dir)
    status = window.status
    assert status.pending_label.text() == f"Perubahan menunggu sinkron: {pending}"
    assert str(filled_dir) in status.data_dir_label.text()
    assert not status.demo_label.isVisible()


def test_demo_data_is_marked_clearly(open_window, filled_dir):
    from kampung_desktop.services.app import DEMO_SETTING, AppContext

    ctx = AppContext.open(filled_dir)
    ctx.set_setting(DEMO_SETTING, "1")
    ctx.close()
    window = open_window(filled_dir)
    assert window.status.demo_label.isVisible()
    assert window.status.demo_label.text() == "DATA DEMO"


class FakeDialog:
    """Stands in for HouseholdDialog: records the draft, saves a changed copy, returns Accepted."""

    calls: list = []

    def __init__(self, service, draft, parent=None, *, areas=None) -> None:
        assert areas, "the window passes the wilayah tree it already has"
        self.service, self.draft, self.saved_id = service, draft, None
        FakeDialog.calls.append(draft)

    def exec(self) -> int:
        from kampung_desktop.core.registry import HouseholdInput, MemberInput
        from kampung_desktop.ui.qt import QDialog

        draft = self.draft or HouseholdInput(SUKARASA, 5, 3, "")
        if draft.id is None:
            draft.address = "Jl. Baru No. 2"
            draft.members = [MemberInput("Yusuf Baru", "L", "1")]
        else:
            draft.address = "Jl. Pindahan No. 9"
        self.saved_id = self.service.save(draft).household_id
        return QDialog.DialogCode.Accepted


@pytest.fixture
def fake_dialog(monkeypatch):
    import kampung_desktop.ui.household_dialog as module

    FakeDialog.calls = []
    monkeypatch.setattr(module, "HouseholdDialog", FakeDialog)
    return FakeDialog


def test_add_starts_in_the_selected_rt_and_shows_the_new_household(
    qtbot, open_window, filled_dir, fake_dialog
):
    window = open_window(filled_dir)
    window.tree.select_key(f"{SUKARASA}/005/003")
    qtbot.waitUntil(lambda: window.list.model.rowCount() == 1 and not window.tasks.busy)
    pending_before = window.status.pending_label.text()
    qtbot.waitUntil(window.add_action.isEnabled)  # once the services are open
    window.add_action.trigger()
    draft = fake_dialog.calls[-1]
    assert (draft.kelurahan_kode, draft.rw, draft.rt, draft.id) == (SUKARASA, 5, 3, None)
    qtbot.waitUntil(lambda: window.detail.heading() == "Yusuf Baru")
    assert column(window, HEAD) == ["Budi Santoso", "Yusuf Baru"]
    assert window.list.current_id() == window.detail.household_id
    qtbot.waitUntil(lambda: tree_text(window, f"{SUKARASA}/005/003")[1] == "2")
    assert tree_text(window, "")[1] == "4"
    qtbot.waitUntil(lambda: window.status.pending_label.text() != pending_before)


def test_edit_opens_the_selected_household(qtbot, open_window, filled_dir, fake_dialog):
    window = open_window(filled_dir)
    select_row_of(qtbot, window, "Dewi Lestari")
    qtbot.waitUntil(window.edit_action.isEnabled)
    window.edit_action.trigger()
    qtbot.waitUntil(lambda: bool(fake_dialog.calls))
    draft = fake_dialog.calls[-1]
    assert draft.id == window.detail.household_id
    assert [m.name for m in draft.members] == ["Dewi Lestari"]
    qtbot.waitUntil(lambda: window.detail._fields["address"][1].text() == "Jl. Pindahan No. 9")
    assert window.detail.heading() == "Dewi Lestari"


@pytest.fixture
def message_boxes(monkeypatch):
    shown: list[tuple[str, str]] = []

    def critical(parent, title, text, *args):
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", critical)
    return shown


@pytest.mark.parametrize("damage", ["garbage", "newer"])
def test_unusable_database_is_explained_and_left_untouched(
    qtbot, open_window, data_dir, message_boxes, damage
):
    path = data_dir / "kampung.sqlite3"
    if damage == "garbage":
        path.write_bytes(b"Ini bukan database, hanya teks.\n" * 300)
        expected = "rusak"
    else:
        import sqlite3

        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE t (x)")
        conn.execute("PRAGMA user_version = 999")
        conn.commit()
        conn.close()
        expected = "lebih baru"
    before = path.read_bytes()
    window = open_window(data_dir, wait=False)
    with qtbot.waitSignal(window.failed, timeout=10_000):
        pass
    assert len(message_boxes) == 1
    title, text = message_boxes[0]
    assert title == "Database tidak dapat dibuka"
    assert str(path) in text and expected in text
    assert "Traceback" not in text
    assert path.read_bytes() == before
    assert not window.isVisible()
    assert sorted(p.name for p in data_dir.iterdir()) == ["kampung.sqlite3", "logs"]


def test_unexpected_error_is_logged_without_personal_data(
    qtbot, open_window, filled_dir, message_boxes, monkeypatch
):
    window = open_window(filled_dir)

    def broken_detail(household_id):
        raise RuntimeError(f"kaput while reading NIK {BUDI_NIK}")

    monkeypatch.setattr(window.backend, "detail", broken_detail)
    window.list.table.selectRow(0)
    qtbot.waitUntil(lambda: bool(message_boxes))
    title, text = message_boxes[0]
    assert title == "Terjadi kesalahan"
    assert "kampung.log" in text and "Traceback" not in text and BUDI_NIK not in text
    log_text = (filled_dir / "logs" / "kampung.log").read_text(encoding="utf-8")
    assert "RuntimeError" in log_text and "Traceback" in log_text
    assert BUDI_NIK not in log_text
    assert "Budi" not in log_text and "Ahmad" not in log_text


def test_the_address_column_keeps_room_in_a_1200_px_window(qtbot, open_window, filled_dir):
    """At 1200 px (tree, list and detail pane side by side) the address column got the
    40 px minimum; now the window shares its width and the head and kelurahan columns give way."""
    from kampung_desktop.ui.household_model import ADDRESS

    window = open_window(filled_dir)
    window.resize(1200, 800)
    header = window.list.table.horizontalHeader()
    room = window.list.fontMetrics().horizontalAdvance("Jl. Melati No. 12")
    qtbot.waitUntil(lambda: header.sectionSize(ADDRESS) >= room)
    assert not window.list.table.horizontalScrollBar().isVisible()  # everything fits
    assert header.sectionSize(HEAD) >= window.list.fontMetrics().horizontalAdvance(
        "Kepala keluarga"
    )  # the title stays readable

    header.resizeSection(KK, 200)  # dragged by hand: the window leaves the user's widths alone
    window.resize(1300, 800)
    qtbot.wait(50)
    assert header.sectionSize(KK) == 200
