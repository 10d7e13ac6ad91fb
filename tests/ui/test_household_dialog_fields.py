"""The field widgets of the household dialog: typed birth dates and the kelurahan picker."""

from __future__ import annotations

from datetime import date

import pytest

from kampung_desktop.services import wilayah
from kampung_desktop.services.registry import RegistryService
from kampung_desktop.ui.household_fields import (
    KelurahanCombo,
    NumberBox,
    kelurahan_choices,
    load_kelurahan_choices,
)
from kampung_desktop.ui.member_fields import CodeCombo, OptionalDateEdit
from kampung_desktop.ui.qt import QLineEdit, QVBoxLayout, QWidget


@pytest.fixture
def form(qtbot):
    """A shown window with a line edit to move focus to (leaving a field finishes it)."""
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    other = QLineEdit()
    layout.addWidget(other)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()

    def add(widget):
        layout.addWidget(widget)
        return widget

    window.add, window.other = add, other
    return window


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("17081980", date(1980, 8, 17)),
        ("17-08-1980", date(1980, 8, 17)),
        ("17/8/1980", date(1980, 8, 17)),
        ("1.8.1980", date(1980, 8, 1)),
        ("31121999", date(1999, 12, 31)),
    ],
)
def test_birth_date_accepts_the_ways_dates_are_typed(qtbot, form, typed, expected):
    field = form.add(OptionalDateEdit())
    assert field.value() is None and field.text().strip() == ""
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, typed)
    form.other.setFocus()
    assert field.value() == expected
    assert not field.is_incomplete()


@pytest.mark.parametrize("typed", ["17", "17-08", "17-08-80", "30021990"])
def test_half_typed_or_impossible_birth_date_is_reported_not_guessed(qtbot, form, typed):
    field = form.add(OptionalDateEdit())
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, typed)
    form.other.setFocus()
    assert field.is_incomplete()  # Qt would otherwise keep 1996 or turn 30-02 into 28-02


def test_birth_date_can_be_emptied_again(qtbot, form):
    field = form.add(OptionalDateEdit())
    field.set_value(date(2001, 5, 4))
    assert field.text() == "04-05-2001"
    field.clear_value()
    assert field.value() is None


def test_code_combo_stores_codes_and_shows_labels(qtbot):
    from kampung_desktop.core import codes

    combo = CodeCombo(codes.RELATIONSHIP, placeholder="—")
    qtbot.addWidget(combo)
    assert combo.code() == ""
    combo.set_code("3")
    assert (combo.code(), combo.currentText()) == ("3", "Anak")


def test_kelurahan_list_from_the_table_equals_the_one_from_the_tree(ctx):
    from_table = load_kelurahan_choices(RegistryService(ctx.db, ctx.user_id))
    assert from_table == kelurahan_choices(wilayah.tree(ctx.db))
    texts = {c.kode: c.text for c in from_table}
    assert texts["36.71.09.1002"] == "Kelurahan Cibodas Sari, Kec. Cibodas"
    assert {c.kota for c in from_table} == {"Kota Tangerang", "Kota Jambi"}


@pytest.mark.parametrize(
    ("typed", "kode"),
    [
        ("Kelurahan Cibodas Sari, Kec. Cibodas", "36.71.09.1002"),  # the item itself
        ("cibodas sari", "36.71.09.1002"),  # a part that names one item
        ("Cibodas", "36.71.09.1001"),  # exactly a kelurahan name (also a kecamatan)
        ("36.71.09.1003", "36.71.09.1003"),  # the Kemendagri code
        ("Kec. Cibodas", ""),  # six kelurahan: not one
        ("Kampung Antah", ""),
    ],
)
def test_kelurahan_combo_resolves_what_was_typed(qtbot, ctx, typed, kode):
    combo = KelurahanCombo(load_kelurahan_choices(RegistryService(ctx.db, ctx.user_id)))
    qtbot.addWidget(combo)
    combo.setEditText(typed)
    assert combo.kode() == kode
    if kode:
        combo.normalise()
        assert combo.currentData() == kode


def test_rt_rw_box_is_empty_or_one_to_999(qtbot):
    box = NumberBox()
    qtbot.addWidget(box)
    assert box.number() is None
    box.set_number(5)
    assert (box.number(), box.text()) == (5, "005")
    box.setValue(1000)
    assert box.number() == 999
