import datetime as dt

import pytest

from kampung_desktop.core.dates import (
    MONTHS,
    day_name,
    long_date,
    long_date_with_day,
    month_name,
    parse_long_date,
    place_and_date,
)


def test_long_date_uses_indonesian_month_and_no_leading_zero():
    assert long_date(dt.date(2026, 9, 20)) == "20 September 2026"
    assert long_date(dt.date(2025, 8, 17)) == "17 Agustus 2025"
    assert long_date(dt.date(2026, 1, 5)) == "5 Januari 2026"


@pytest.mark.parametrize(
    ("month", "name"),
    [
        (1, "Januari"),
        (2, "Februari"),
        (3, "Maret"),
        (5, "Mei"),
        (6, "Juni"),
        (7, "Juli"),
        (8, "Agustus"),
        (10, "Oktober"),
        (12, "Desember"),
    ],
)
def test_month_names(month, name):
    assert month_name(month) == name
    assert long_date(dt.date(2026, month, 1)) == f"1 {name} 2026"


def test_month_out_of_range():
    with pytest.raises(ValueError):
        month_name(13)


def test_day_names_follow_weekday():
    assert day_name(dt.date(2025, 8, 17)) == "Minggu"  # Independence Day 2025 was a Sunday
    assert day_name(dt.date(2026, 9, 21)) == "Senin"
    assert long_date_with_day(dt.date(2026, 9, 25)) == "Jumat, 25 September 2026"


def test_place_and_date():
    assert place_and_date("Jambi", dt.date(2026, 9, 20)) == "Jambi, 20 September 2026"
    assert place_and_date("  ", dt.date(2026, 9, 20)) == "20 September 2026"


def test_parse_round_trip_every_month():
    for month in range(1, 13):
        day = dt.date(2024, month, 29 if month == 2 else 30 if month != 2 else 28)
        assert parse_long_date(long_date(day)) == day
    assert parse_long_date("20 september 2026") == dt.date(2026, 9, 20)
    assert len(MONTHS) == 12


@pytest.mark.parametrize("text", ["20 Sept 2026", "31 Februari 2026", "20 September", ""])
def test_parse_rejects(text):
    with pytest.raises(ValueError):
        parse_long_date(text)
