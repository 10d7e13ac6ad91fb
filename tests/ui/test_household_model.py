"""The lazily paging household table model, with a fake page reader."""

from __future__ import annotations

from dataclasses import dataclass

from kampung_desktop.ui import household_model as hm
from kampung_desktop.ui.qt import Qt


@dataclass
class Row:
    rowid: int
    id: str
    head_name: str
    no_kk: str
    address: str
    kelurahan_nama: str
    rw: int
    rt: int
    member_count: int


class Reader:
    def __init__(self) -> None:
        self.calls: list[list[int]] = []

    def __call__(self, rowids: list[int]) -> list[Row]:
        self.calls.append(rowids)
        return [
            Row(
                r,
                f"id{r}",
                f"Kepala {r}",
                "3671012005100001",
                f"Jl. {r}",
                "Sukarasa",
                5,
                3,
                r % 9 + 1,
            )
            for r in rowids
            if r != 13  # deleted meanwhile
        ]


def make_model(count: int) -> tuple[hm.HouseholdTableModel, Reader]:
    model, reader = hm.HouseholdTableModel(), Reader()
    model.set_fetcher(reader)
    model.set_rowids(list(range(1, count + 1)))
    return model, reader


def cell(model, row: int, column: int):
    return model.data(model.index(row, column))


def test_rows_are_read_one_page_at_a_time(qapp):
    model, reader = make_model(100_000)
    assert model.rowCount() == 100_000 and reader.calls == []  # nothing read up front
    assert cell(model, 0, hm.HEAD) == "Kepala 1"
    assert cell(model, 99, hm.ADDRESS) == "Jl. 100"
    assert len(reader.calls) == 1 and len(reader.calls[0]) == hm.PAGE_SIZE
    assert cell(model, 54_321, hm.HEAD) == "Kepala 54322"
    assert reader.calls[-1][0] == 54_301
    assert len(reader.calls) == 2


def test_cache_is_bounded(qapp):
    model, reader = make_model(100_000)
    for page in range(hm.MAX_PAGES + 10):
        cell(model, page * hm.PAGE_SIZE, hm.HEAD)
    assert len(model._pages) == hm.MAX_PAGES
    cell(model, 0, hm.HEAD)  # page 0 was evicted: read again
    assert len(reader.calls) == hm.MAX_PAGES + 11


def test_cells_mask_the_kk_and_format_rt_rw(qapp):
    model, _ = make_model(20)
    assert cell(model, 0, hm.KK) == "367101••••••0001"
    assert cell(model, 0, hm.RTRW) == "003/005"
    assert cell(model, 0, hm.MEMBERS) == "2"
    assert model.data(model.index(0, 0), hm.ID_ROLE) == "id1"


def test_a_row_deleted_meanwhile_shows_a_placeholder(qapp):
    model, _ = make_model(20)
    assert cell(model, 12, hm.HEAD) == "…"
    assert model.household_id(12) is None


def test_header_click_asks_for_a_sort_and_unsortable_columns_do_nothing(qapp):
    model, _ = make_model(5)
    asked: list[tuple[str, bool]] = []
    model.sortRequested.connect(lambda key, descending: asked.append((key, descending)))
    model.sort(hm.MEMBERS, Qt.SortOrder.DescendingOrder)
    model.sort(hm.KK, Qt.SortOrder.AscendingOrder)
    assert asked == [("member_count", True)]


def test_a_failing_read_does_not_crash_painting(qapp):
    model = hm.HouseholdTableModel()

    def broken(rowids):
        raise OSError("disk gone")

    model.set_fetcher(broken)
    model.set_rowids([1, 2, 3])
    assert cell(model, 0, hm.HEAD) == "…"


def test_int_role_constants_match_qt():
    """The models spell Qt's role/alignment values as ints (cheaper start-up); keep them right."""
    from kampung_desktop.ui import area_tree as at
    from kampung_desktop.ui.qt import QColor

    roles = Qt.ItemDataRole
    ours = (hm._DISPLAY, hm._TOOLTIP, hm._ALIGN, at._FONT, at._FOREGROUND, at._USER)
    qts = (roles.DisplayRole, roles.ToolTipRole, roles.TextAlignmentRole, roles.FontRole)
    qts += (roles.ForegroundRole, roles.UserRole)
    assert ours == tuple(r.value for r in qts)
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    assert right.value == hm._RIGHT
    assert right.value == at._RIGHT
    gray = QColor(Qt.GlobalColor.gray)
    assert gray == at._GRAY
