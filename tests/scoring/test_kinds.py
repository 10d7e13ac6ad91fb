"""Each indicator kind on a small rule file written in the test, so the rule is in view."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kampung_desktop.scoring import AnswerError, parse_rules, score

RULES = """
[program]
id = "demo"
title = "Demo"

[scales.jumlah]
bands = [{ min = 10, score = 3 }, { min = 3, score = 2 }, { min = 1, score = 1 }]

[scales.persen]
bands = [{ min = 50, score = 1 }]

[[indicators]]
id = "kader"
kind = "number_bands"
field = "jumlah_kader"
scale = "jumlah"

[[indicators]]
id = "kegiatan"
kind = "number_bands"
field = "kegiatan"
scale = "jumlah"
count = true
missing = 0

[[indicators]]
id = "fasilitas"
kind = "checklist"
field = "fasilitas"
points = { posyandu = 2, paud = 2, taman_baca = 1, tidak_ada = 0 }
cap = 4

[[indicators]]
id = "air"
kind = "choice"
field = "sumber_air"
points = { 1 = 3, 2 = 1, 3 = 0 }

[[indicators]]
id = "sk"
kind = "boolean"
field = "ada_sk"
weight = 1.5
required = false

[[indicators]]
id = "cakupan"
kind = "ratio"
volume = "terlayani"
denominator = "jumlah_kk"
scale = "persen"
cap = 100
on_over = "cap"

[[indicators]]
id = "catatan"
kind = "raw"
field = "catatan"
required = false

[[levels]]
code = "A"
label = "A"
min = 8

[[levels]]
code = "B"
label = "B"
min = 0
"""


@pytest.fixture(scope="module")
def rules():
    return parse_rules(RULES, source="demo.scoring.toml")


def base(**overrides):
    data = {
        "jumlah_kader": 4,
        "kegiatan": ["senam", "arisan"],
        "fasilitas": ["posyandu", "taman_baca"],
        "sumber_air": 1,
        "ada_sk": "ya",
        "terlayani": 30,
        "jumlah_kk": 40,
    }
    data.update(overrides)
    return data


def test_hand_worked_total(rules):
    # kader 4 → 2; kegiatan 2 ticked → 1; fasilitas 2 + 1 = 3; air code 1 → 3; sk yes → 1.5;
    # cakupan 75 % → 1. Total 11.5, level A. Max = 3 + 3 + 4 + 3 + 1.5 + 1 = 15.5.
    result = score(rules, base())
    got = {i.id: i.score for i in result.items}
    assert got == {
        "kader": 2,
        "kegiatan": 1,
        "fasilitas": 3,
        "air": 3,
        "sk": Decimal("1.5"),
        "cakupan": 1,
        "catatan": None,
    }
    assert result.total == Decimal("11.5")
    assert result.max_total == Decimal("15.5")
    assert result.level == "A"
    assert result.to_dict()["total"] == 11.5


@pytest.mark.parametrize(("count", "points"), [(0, 0), (1, 1), (2, 1), (3, 2), (9, 2), (10, 3)])
def test_number_bands(rules, count, points):
    assert score(rules, base(jumlah_kader=count)).item("kader").score == points


def test_count_bands_ignore_repeated_codes(rules):
    assert score(rules, base(kegiatan=["a", "b", "c", "a"])).item("kegiatan").score == 2


def test_missing_value_gives_the_rule_default(rules):
    data = base()
    del data["kegiatan"]
    assert score(rules, data).item("kegiatan").score == 0


def test_optional_answer_scores_nothing(rules):
    data = base()
    del data["ada_sk"]
    result = score(rules, data)
    assert result.item("sk").score is None
    assert result.total == 10


def test_checklist_cap(rules):
    assert (
        score(rules, base(fasilitas=["posyandu", "paud", "taman_baca"])).item("fasilitas").score
        == 4
    )


def test_choice_codes_may_be_numbers_or_text(rules):
    assert score(rules, base(sumber_air="2")).item("air").score == 1
    assert score(rules, base(sumber_air=2.0)).item("air").score == 1
    with pytest.raises(AnswerError, match="sumber_air"):
        score(rules, base(sumber_air=4))


def test_ratio_can_cap_instead_of_refusing(rules):
    item = score(rules, base(terlayani=50, jumlah_kk=40)).item("cakupan")
    assert (item.percent, item.score) == (100, 1)


def test_empty_text_counts_as_unanswered(rules):
    with pytest.raises(AnswerError, match="jumlah_kader") as caught:
        score(rules, base(jumlah_kader="  "))
    assert caught.value.code == "answer.missing"
