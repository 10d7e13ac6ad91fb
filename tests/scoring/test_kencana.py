"""Kampung Bantar Kencana: three consecutive winning years."""

from __future__ import annotations

import pytest

from kampung_desktop.scoring import ScoringError, is_kencana, kencana_years, winning_streak


@pytest.mark.parametrize(
    ("history", "year", "expected"),
    [
        ([2020, 2021, 2022], 2022, True),
        ([2022, 2020, 2021], 2022, True),  # order does not matter
        ([2020, 2021, 2022], 2021, False),  # only two wins up to 2021
        ([2020, 2021, 2022], 2023, False),  # did not win 2023
        ([2019, 2020, 2022, 2023], 2023, False),  # gap in 2021
        ([2020, 2021, 2021, 2022], 2022, True),  # two rounds in 2021 count once
        ([2018, 2019, 2020, 2021], 2021, True),  # a fourth straight win still qualifies
        ([], 2022, False),
    ],
)
def test_kencana_in_a_year(history, year, expected):
    assert is_kencana(history, year) is expected


def test_kencana_anywhere_in_history():
    assert is_kencana([2015, 2017, 2018, 2019])
    assert not is_kencana([2015, 2017, 2019, 2021])


def test_run_length_is_configurable():
    assert is_kencana([2021, 2022], 2022, run=2)
    assert not is_kencana([2020, 2021, 2022], 2022, run=4)


def test_winning_streak():
    assert winning_streak([2018, 2019, 2020, 2022], 2020) == 3
    assert winning_streak([2018, 2019, 2020, 2022], 2022) == 1
    assert winning_streak([2018, 2019, 2020, 2022], 2021) == 0


def test_years_a_run_was_completed():
    assert kencana_years([2014, 2015, 2016, 2018, 2019, 2020, 2021]) == [2016, 2020]
    assert kencana_years([2014, 2016, 2018]) == []


@pytest.mark.parametrize("bad", ["2020", 2020.0, True, None])
def test_bad_years_are_refused(bad):
    with pytest.raises(ScoringError) as caught:
        is_kencana([2019, bad], 2020)
    assert caught.value.code == "history.year"
