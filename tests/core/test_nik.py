from datetime import date

import pytest

from kampung_desktop.core import nik
from kampung_desktop.core.nik import Sex

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("value", "sex", "born"),
    [
        ("3671011708450001", Sex.MALE, date(1945, 8, 17)),  # man, 20th century
        ("3671015708450001", Sex.FEMALE, date(1945, 8, 17)),  # woman: day + 40
        ("3671094101100003", Sex.FEMALE, date(2010, 1, 1)),
        ("1571023112990042", Sex.MALE, date(1999, 12, 31)),  # Kota Jambi
        ("3671016902240001", Sex.FEMALE, date(2024, 2, 29)),  # leap day, day 29 + 40
        ("3671-01 1708450001", Sex.MALE, date(1945, 8, 17)),  # separators people type
    ],
)
def test_valid_niks_decode_sex_and_birth_date(value, sex, born):
    assert nik.problems(value, TODAY) == []
    decoded = nik.info(value, TODAY)
    assert decoded is not None
    assert decoded.sex is sex
    assert decoded.birth_date == born
    assert (
        decoded.region_code
        == f"{nik.clean(value)[:2]}.{nik.clean(value)[2:4]}.{nik.clean(value)[4:6]}"
    )


@pytest.mark.parametrize(
    ("value", "codes"),
    [
        ("", ["nik.empty"]),
        ("36710117084500AB", ["nik.not_digits"]),
        ("367101²708450001", ["nik.not_digits"]),  # superscript: isdigit, but int() fails
        ("３６７１０１１７０８４５０００１", ["nik.not_digits"]),  # full-width digits
        ("٣٦٧١٠١١٧٠٨٤٥٠٠٠١", ["nik.not_digits"]),  # Arabic-Indic digits
        ("367101170845000", ["nik.length"]),
        ("36710117084500011", ["nik.length"]),
        ("9971011708450001", ["nik.region"]),  # no province 99
        ("3699011708450001", ["nik.region"]),  # no kab/kota 36.99
        ("3671013208450001", ["nik.birth_date"]),  # day 32
        ("3671017208450001", ["nik.birth_date"]),  # day 72 (woman 32)
        ("3671010013450001", ["nik.birth_date"]),  # day 00
        ("3671011713450001", ["nik.birth_date"]),  # month 13
        ("3671012902230001", ["nik.birth_date"]),  # 29 Feb 2023/1923 does not exist
        ("3671011708450000", ["nik.serial"]),
        ("9971013213450000", ["nik.region", "nik.birth_date", "nik.serial"]),  # every reason
    ],
)
def test_invalid_niks_report_every_reason(value, codes):
    assert [p.code for p in nik.problems(value, TODAY)] == codes
    assert nik.info(value, TODAY) is None


def test_future_birth_date_in_nik_uses_previous_century():
    # 01-01-30 cannot be 2030 (future), so it is 1930 — still within 100 years of 2026.
    assert nik.info("3671010101300001", TODAY).birth_date == date(1930, 1, 1)


def test_birth_over_a_hundred_years_ago_is_rejected():
    # 01-01-20 would be 2020 or 1920; 1920 is 106 years ago, 2020 is fine → 2020.
    assert nik.info("3671010101200001", TODAY).birth_date == date(2020, 1, 1)


def test_messages_say_what_is_wrong_in_both_languages():
    [problem] = nik.problems("367101170845000", TODAY)
    assert "16 digit" in problem.text("id")
    assert "15" in problem.text("id")
    assert "16 digits" in problem.text("en")


def test_cross_check_warns_but_never_blocks():
    warnings = nik.cross_check("3671015708450001", "L", date(1945, 8, 18), TODAY)
    assert [w.code for w in warnings] == ["nik.sex_mismatch", "nik.birth_mismatch"]
    assert all(w.warning for w in warnings)
    assert nik.cross_check("3671015708450001", "P", date(1945, 8, 17), TODAY) == []


def test_compose_round_trips_through_info():
    value = nik.compose("157111", Sex.FEMALE, date(1988, 6, 9), 123)
    assert value == "1571114906880123"
    assert nik.info(value, TODAY).sex is Sex.FEMALE


def test_mask_hides_the_middle():
    assert nik.mask("3671011708450001") == "367101••••••0001"


def test_mask_hides_partial_values_entirely():
    assert nik.mask("3671011708") == "••••••••••"


def test_required_message_uses_the_field_name_of_the_language():
    from kampung_desktop.core.registry import MemberInput, member_problems

    [problem] = member_problems(MemberInput(name="", sex="L", relationship="1"))["name"]
    assert problem.text("id") == "Nama wajib diisi."
    assert problem.text("en") == "Name is required."
