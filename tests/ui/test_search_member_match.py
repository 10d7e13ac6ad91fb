"""A search that found a household through a member says which member it was; the count
speaks proper English for one household."""

from __future__ import annotations

from test_main_window import column, select_row_of

from kampung_desktop.core.search_match import matched_members
from kampung_desktop.ui.household_model import HEAD


def test_matched_members_by_word_start_and_nik():
    members = [("Budi Santoso", "3671011708800001"), ("Siti Aminah", None), ("Sitompul", "")]
    assert matched_members("sit", members) == [1, 2]
    assert matched_members("3671011708", members) == [0]
    assert matched_members("santo", members) == [0]
    assert matched_members("amin xyz", members) == [1]
    assert matched_members("  ", members) == []


def test_the_member_a_search_matched_is_named_and_marked(qtbot, open_window, filled_dir):
    from kampung_desktop.ui.detail_pane import NAME

    window = open_window(filled_dir)
    qtbot.keyClicks(window.list.search, "sit")  # Siti Aminah, in Budi Santoso's household
    qtbot.waitUntil(lambda: column(window, HEAD) == ["Budi Santoso"])
    select_row_of(qtbot, window, "Budi Santoso")
    detail = window.detail
    assert detail.match_note.isVisible()
    assert detail.match_note.text() == "Cocok dengan pencarian: Siti Aminah"
    assert [detail.members.item(r, NAME).font().bold() for r in range(2)] == [False, True]
    window.list.search.clear()
    qtbot.waitUntil(lambda: not detail.match_note.isVisible())


def test_one_household_is_singular_in_english(qtbot, open_window, filled_dir):
    from kampung_desktop.ui import i18n

    window = open_window(filled_dir)
    assert i18n.apply("en")
    qtbot.keyClicks(window.list.search, "kenanga")
    qtbot.waitUntil(lambda: column(window, HEAD) == ["Dewi Lestari"])
    assert window.list.count_label.text() == "1 household"
    window.list.search.clear()
    qtbot.waitUntil(lambda: window.list.model.rowCount() == 3)
    assert window.list.count_label.text() == "3 households"
