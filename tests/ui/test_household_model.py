"""The lazily paging household table model, with a fake listing."""

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


class Listing:
    """Rows 1..total by position; `gone` was deleted meanwhile (its page comes back short)."""

    def __init__(self, total: int, gone: int | None = None) -> None:
        self.total, self.gone = total, gone
        self.calls: list[tuple[int, int]] = []
        self.closed = False

    def rows(self, start: int, count: int) -> list[Row]:
        self.calls.append((start, count))
        wanted = range(start + 1, min(start + count, self.total) + 1)
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
            for r in wanted
            if r != self.gone
        ]

    def close(self) -> None:
        self.closed = True


def make_model(count: int) -> tuple[hm.HouseholdTableModel, Listing]:
    model, listing = hm.HouseholdTableModel(), Listing(count)
    model.attach()
    model.set_source(listing)
    return model, listing


def cell(model, row: int, column: int):
    return model.data(model.index(row, column))


def test_rows_are_read_one_page_at_a_time(qapp):
    model, reader = make_model(1_000_000)
    assert model.rowCount() == 1_000_000 and reader.calls == []  # nothing read up front
    assert cell(model, 0, hm.HEAD) == "Kepala 1"
    assert cell(model, 99, hm.ADDRESS) == "Jl. 100"
    assert reader.calls == [(0, hm.PAGE_SIZE)]
    assert cell(model, 654_321, hm.HEAD) == "Kepala 654322"
    assert reader.calls[-1] == (654_300, hm.PAGE_SIZE)
    assert len(reader.calls) == 2


def test_first_rows_read_with_the_plan_need_no_page_read(qapp):
    model, listing = hm.HouseholdTableModel(), Listing(500)
    model.attach()
    model.set_source(listing, listing.rows(0, hm.PAGE_SIZE))
    listing.calls.clear()
    assert cell(model, 5, hm.HEAD) == "Kepala 6" and listing.calls == []


def test_a_replaced_source_is_closed(qapp):
    model, first = make_model(10)
    second = Listing(3)
    model.set_source(second)
    assert first.closed and not second.closed and model.rowCount() == 3


def test_rows_already_read_are_a_source_too(qapp):
    model, listing = make_model(0)
    rows = Listing(7).rows(0, 7)
    model.set_source(hm.ReadRows(rows), rows)
    assert model.rowCount() == 7 and cell(model, 6, hm.HEAD) == "Kepala 7"


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


def test_a_page_shortened_meanwhile_shows_placeholders(qapp):
    model = hm.HouseholdTableModel()
    model.attach()
    model.set_source(Listing(20, gone=13))
    assert cell(model, 19, hm.HEAD) == "…"  # row 13 is gone, so the page has 19 rows
    assert model.household_id(19) is None
    assert cell(model, 18, hm.HEAD) == "Kepala 20"


def test_header_click_asks_for_a_sort_and_unsortable_columns_do_nothing(qapp):
    model, _ = make_model(5)
    asked: list[tuple[str, bool]] = []
    model.sortRequested.connect(lambda key, descending: asked.append((key, descending)))
    model.sort(hm.MEMBERS, Qt.SortOrder.DescendingOrder)
    model.sort(hm.KK, Qt.SortOrder.AscendingOrder)
    assert asked == [("member_count", True)]


def test_a_failing_read_does_not_crash_painting(qapp):
    class Broken(Listing):
        def rows(self, start, count):
            raise OSError("disk gone")

    model = hm.HouseholdTableModel()
    model.attach()
    model.set_source(Broken(3))
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
