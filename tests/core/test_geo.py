"""Coordinate rules shared by the household dialog, the registry service, sync and forms."""

from __future__ import annotations

import math

import pytest

from kampung_desktop.core import geo


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("-6.1783", -6.1783),
        ("-6,1783", -6.1783),  # decimal comma, as typed in Indonesian settings
        (" 106.6319 ", 106.6319),
        ("+7", 7.0),
        (".5", 0.5),
        ("enam", None),
        ("", None),
        ("nan", None),
        ("inf", None),
        ("1e2", None),
        ("-6.1.2", None),
        ("1" * 400, None),  # overflows to inf: not a coordinate
    ],
)
def test_parse_number(text, value):
    assert geo.parse_number(text) == value


@pytest.mark.parametrize(
    "text",
    [
        "-6.1783, 106.6319",  # what maps apps copy
        "-6.1783,106.6319",
        "-6.1783 106.6319",
        "-6.1783; 106.6319",
        "-6,1783 106,6319",
        "-6,1783; 106,6319",
    ],
)
def test_parse_pair(text):
    assert geo.parse_pair(text) == geo.Point(-6.1783, 106.6319)


@pytest.mark.parametrize("text", ["-6.1783", "-6,1783,106,6319", "a, b", "1 2 3", ""])
def test_parse_pair_refuses_what_is_not_two_numbers(text):
    assert geo.parse_pair(text) is None


def test_a_household_in_indonesia_passes_and_both_or_neither_is_required():
    assert geo.household_problems(-6.1783, 106.6319) == {}  # Tangerang
    assert geo.household_problems(5.89, 95.32) == {}  # Sabang
    assert geo.household_problems(-8.49, 140.4) == {}  # Merauke
    assert geo.household_problems(None, None) == {}
    assert _codes(geo.household_problems(-6.2, None)) == {"longitude": ["geo.pair_incomplete"]}
    assert _codes(geo.household_problems(None, 106.6)) == {"latitude": ["geo.pair_incomplete"]}


@pytest.mark.parametrize(
    ("lat", "lon", "codes"),
    [
        (500.0, 106.6, {"latitude": ["geo.latitude"]}),
        (-6.2, 500.0, {"longitude": ["geo.longitude"]}),
        (45.0, 106.6, {"latitude": ["geo.latitude"]}),  # on Earth, not in Indonesia
        (-6.2, -106.6, {"longitude": ["geo.longitude"]}),  # sign lost
        (math.nan, 106.6, {"latitude": ["geo.latitude"]}),
        (-6.2, math.inf, {"longitude": ["geo.longitude"]}),
        (106.6319, -6.1783, {"latitude": ["geo.swapped"], "longitude": ["geo.swapped"]}),
    ],
)
def test_a_household_outside_indonesia_is_refused_with_the_reason(lat, lon, codes):
    assert _codes(geo.household_problems(lat, lon)) == codes


def test_messages_name_the_range_in_both_languages():
    (problem,) = geo.household_problems(45.0, 106.6)["latitude"]
    assert problem.text("id") == (
        "Lintang harus antara -11.5 dan 6.5 (wilayah Indonesia), contoh -6.1783."
    )
    assert "between -11.5 and 6.5" in problem.text("en")


def test_typed_fields_report_a_non_number_before_the_range():
    found = geo.typed_problems("enam", "106.6")
    assert _codes(found) == {"latitude": ["geo.not_number"]}
    assert found["latitude"][0].text("id") == "Lintang harus berupa angka desimal, contoh -6.1783."
    assert found["latitude"][0].text("en") == "Latitude must be a decimal number, e.g. -6.1783."
    assert _codes(geo.typed_problems("-6,2", "")) == {"longitude": ["geo.pair_incomplete"]}
    assert geo.typed_problems("-6,2", "106,6") == {}
    assert geo.typed_problems(" ", "") == {}


def test_on_earth_is_the_geopoint_range():
    assert geo.on_earth(-90, 180) and geo.on_earth(90, -180)
    assert not geo.on_earth(90.0001, 0) and not geo.on_earth(0, -180.5)
    assert not geo.on_earth(math.nan, 0)


def test_precision_is_six_decimals():
    assert geo.rounded(-6.178312345) == -6.178312
    assert geo.rounded(None) is None
    assert geo.as_text(-6.1783) == "-6.178300"
    assert geo.as_text(None) == ""


def _codes(found):
    return {field: [p.code for p in problems] for field, problems in found.items()}
