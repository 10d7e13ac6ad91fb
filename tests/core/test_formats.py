"""Dates, numbers and money in Indonesian and English conventions, never the machine's locale."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from kampung_desktop.core import formats, messages


@pytest.fixture(autouse=True)
def _indonesian():
    messages.set_language("id")
    yield
    messages.set_language("id")


def test_long_dates_in_both_languages():
    day = dt.date(2026, 8, 17)
    assert formats.long_date(day) == "17 Agustus 2026"
    assert formats.long_date(day, "en") == "17 August 2026"
    assert formats.long_date_with_day(day) == "Senin, 17 Agustus 2026"
    assert formats.long_date_with_day(day, "en") == "Monday, 17 August 2026"


def test_table_dates_and_times_are_never_us_style():
    moment = dt.datetime(2026, 12, 1, 3, 51, 7)
    assert formats.date_time(moment) == "1 Des 2026 03.51"
    assert formats.date_time(moment, "en") == "1 Dec 2026 03:51"
    assert formats.time_of_day(moment, seconds=True) == "03.51.07"
    assert formats.short_date(dt.date(2026, 8, 17), "en") == "17 Aug 2026"
    assert formats.short_date(None) == ""


def test_the_language_follows_the_app():
    messages.set_language("en")
    assert formats.long_date(dt.date(2026, 5, 2)) == "2 May 2026"
    assert formats.number(1234.5) == "1,234.5"


def test_stored_utc_times_are_shown_in_local_time():
    aware = dt.datetime(2026, 12, 1, 3, 51, tzinfo=dt.UTC)
    assert formats.iso_date_time("2026-12-01T03:51:00Z") == formats.date_time(aware)
    assert formats.date_time(aware) == formats.date_time(aware.astimezone().replace(tzinfo=None))
    assert formats.iso_date_time("not a time") == "not a time"
    assert formats.iso_date_time(None) == ""


@pytest.mark.parametrize(
    ("value", "decimals", "id_text", "en_text"),
    [
        (1234.5, None, "1.234,5", "1,234.5"),
        (1234567, None, "1.234.567", "1,234,567"),
        (Decimal("88.889"), 2, "88,89", "88.89"),
        (-1234.5, 1, "-1.234,5", "-1,234.5"),
        (0.1 + 0.2, 2, "0,30", "0.30"),
        (999, None, "999", "999"),
        (70.0, None, "70,0", "70.0"),
        ("100.00", None, "100,00", "100.00"),
        (None, None, "–", "–"),
    ],
)
def test_numbers(value, decimals, id_text, en_text):
    assert formats.number(value, decimals, "id") == id_text
    assert formats.number(value, decimals, "en") == en_text


def test_money_is_rupiah_without_cents():
    assert formats.money(50_000) == "Rp50.000"
    assert formats.money(50_000, "en") == "Rp50,000"
    assert formats.money(Decimal("1250000.4")) == "Rp1.250.000"
    assert formats.money(-7500) == "-Rp7.500"
    assert formats.money(None) == "–"


def test_score_and_the_awards_wording_share_the_rules():
    from kampung_desktop.core.awards import format_decimal

    assert formats.score(88.889) == "88,89"
    assert format_decimal("1234.5", "id") == formats.number("1234.5", None, "id") == "1.234,5"
    assert format_decimal(Decimal("88.89"), "en") == "88.89"
