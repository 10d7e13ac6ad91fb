"""Kotaku slum level against hand-worked cases (kumuh-assessment.md §3)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kampung_desktop.scoring import AnswerError, score

CRITERIA = ("1a", "1b", "1c", "2a", "2b", "3a", "3b", "4a", "4b", "4c", "5a", "5b", "6a", "6b", "7a", "7b")  # fmt: skip

# ── The two worked examples from kawanku.pkpjatim.id ────────────────────────────────────────────


def test_mangunharjo_rt008_rw009_is_kumuh_ringan_17(kotaku, kotaku_answers):
    # 73 KK: 23/73 = 31.506… → 31.51 %, 19/73 = 26.027… → 26.03 %, as printed on the sheet.
    answers = kotaku_answers(
        jumlah_kk=73,
        jumlah_bangunan=64,
        panjang_drainase_ideal_m=420,
        v_4c=420,
        v_5a=23,
        v_5b=19,
        v_7a=64,
        v_7b=64,
    )
    result = score(kotaku, answers)
    expected = {
        "4c": ("100", 5),
        "5a": ("31.51", 1),
        "5b": ("26.03", 1),
        "7a": ("100", 5),
        "7b": ("100", 5),
    }
    for item in result.items:
        if item.id in expected:
            percent, points = expected[item.id]
            assert (item.percent, item.score) == (Decimal(percent), points), item.id
        elif item.in_total:
            assert (item.percent, item.score) == (0, 0), item.id
    assert result.total == 17
    assert (result.level, result.label) == ("KR", "Kumuh ringan")


def test_sumbermulyo_rt01_rw05_is_kumuh_sedang_38(kotaku, kotaku_answers):
    # 50 buildings (13 → 26 %), 30 KK (27 → 90 %, 8 → 26.67 %), 1,000 m road (775.6 → 77.56 %),
    # 1,000 m drain (805.2 → 80.52 %).
    answers = kotaku_answers(
        jumlah_bangunan=50,
        jumlah_kk=30,
        panjang_jalan_ideal_m=1000,
        panjang_drainase_ideal_m=1000,
        v_1a=13,
        v_1c=13,
        v_2b=775.6,
        v_3a=27,
        v_4c=805.2,
        v_5b=8,
        v_6a=30,
        v_6b=30,
        v_7a=50,
        v_7b=50,
    )
    result = score(kotaku, answers)
    got = {i.id: (i.percent, i.score) for i in result.items if i.score}
    assert got == {
        "1a": (Decimal("26"), 1),
        "1c": (Decimal("26"), 1),
        "2b": (Decimal("77.56"), 5),
        "3a": (Decimal("90"), 5),
        "4c": (Decimal("80.52"), 5),
        "5b": (Decimal("26.67"), 1),
        "6a": (Decimal("100"), 5),
        "6b": (Decimal("100"), 5),
        "7a": (Decimal("100"), 5),
        "7b": (Decimal("100"), 5),
    }
    assert result.total == 38
    assert (result.level, result.label) == ("KS", "Kumuh sedang")


# ── Band edges ──────────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("volume", "denominator", "percent", "points"),
    [
        (2499, 10000, "24.99", 0),
        (2500, 10000, "25", 1),
        (5000, 10000, "50", 1),
        (5050, 10000, "50.5", 1),
        (5099, 10000, "50.99", 1),
        (5100, 10000, "51", 3),
        (7550, 10000, "75.5", 3),
        (7599, 10000, "75.99", 3),
        (7600, 10000, "76", 5),
        (10000, 10000, "100", 5),
        (0, 10000, "0", 0),
        # Rounding to 2 decimals happens before banding (half-up): 24.995 % → 25.00 % → 1.
        (24995, 100000, "25", 1),
        (24994, 100000, "24.99", 0),
        (75995, 100000, "76", 5),
        # Float answers are read through their text: 0.2499 ha of 1 ha is 24.99 %, not 24.989…
        (0.2499, 1, "24.99", 0),
        (0.51, 1, "51", 3),
    ],
)
def test_band_edges(kotaku, kotaku_answers, volume, denominator, percent, points):
    result = score(kotaku, kotaku_answers(v_1b=volume, luas_ha=denominator))
    item = result.item("1b")
    assert item.percent == Decimal(percent)
    assert item.score == points
    assert result.total == points


def _with_scores(kotaku_answers, scores: list[int]) -> dict:
    """Answers whose criteria score `scores` in order (denominators 100: 100 → 5, 51 → 3, 25 → 1)."""
    volume_for = {5: 100, 3: 51, 1: 25, 0: 0}
    return kotaku_answers(
        **{f"v_{c}": volume_for[s] for c, s in zip(CRITERIA, scores, strict=False)}
    )


@pytest.mark.parametrize(
    ("scores", "total", "level"),
    [
        ([], 0, "TK"),
        ([5, 5, 5], 15, "TK"),
        ([5, 5, 5, 1], 16, "KR"),
        ([5] * 7 + [1, 1], 37, "KR"),
        ([5] * 7 + [3], 38, "KS"),
        ([5] * 11 + [3, 1], 59, "KS"),
        ([5] * 12, 60, "KB"),
        ([5] * 16, 80, "KB"),
    ],
)
def test_level_edges(kotaku, kotaku_answers, scores, total, level):
    result = score(kotaku, _with_scores(kotaku_answers, scores))
    assert result.total == total
    assert result.level == level
    assert result.max_total == 80


def test_level_labels(kotaku, kotaku_answers):
    labels = {}
    for scores in ([5] * 12, [5] * 8, [5] * 4, []):
        result = score(kotaku, _with_scores(kotaku_answers, scores))
        labels[result.level] = result.label
    assert labels == {
        "KB": "Kumuh berat",
        "KS": "Kumuh sedang",
        "KR": "Kumuh ringan",
        "TK": "Tidak kumuh",
    }


# ── Denominators: each criterion divides by the right header field ─────────────────────────────


@pytest.mark.parametrize(
    ("criterion", "denominator"),
    [
        ("1a", "jumlah_bangunan"),
        ("1b", "luas_ha"),
        ("1c", "jumlah_bangunan"),
        ("2a", "panjang_jalan_ideal_m"),
        ("2b", "panjang_jalan_ideal_m"),
        ("3a", "jumlah_kk"),
        ("3b", "jumlah_kk"),
        ("4a", "luas_ha"),
        ("4b", "panjang_drainase_ideal_m"),
        ("4c", "panjang_drainase_ideal_m"),
        ("5a", "jumlah_kk"),
        ("5b", "jumlah_kk"),
        ("6a", "jumlah_kk"),
        ("6b", "jumlah_kk"),
        ("7a", "jumlah_bangunan"),
        ("7b", "jumlah_bangunan"),
    ],
)
def test_each_criterion_uses_its_denominator(kotaku, kotaku_answers, criterion, denominator):
    # Only this criterion's denominator is 200, so 100 of it is exactly 50 %.
    result = score(kotaku, kotaku_answers(**{f"v_{criterion}": 100, denominator: 200}))
    item = result.item(criterion)
    assert item.percent == 50
    assert item.score == 1
    assert item.fields == {f"v_{criterion}": 100, denominator: 200}


@pytest.mark.parametrize(
    "denominator",
    [
        "luas_ha",
        "jumlah_bangunan",
        "jumlah_kk",
        "panjang_jalan_ideal_m",
        "panjang_drainase_ideal_m",
    ],
)
def test_zero_denominator_is_an_error_naming_the_field(kotaku, kotaku_answers, denominator):
    with pytest.raises(AnswerError) as caught:
        score(kotaku, kotaku_answers(**{denominator: 0}))
    assert caught.value.code == "answer.zero_denominator"
    assert f"'{denominator}'" in caught.value.text("id")
    assert f"'{denominator}'" in caught.value.text("en")


def test_missing_denominator_is_an_error_naming_the_field(kotaku, kotaku_answers):
    answers = kotaku_answers()
    del answers["jumlah_kk"]
    with pytest.raises(AnswerError, match="jumlah_kk") as caught:
        score(kotaku, answers)
    assert caught.value.code == "answer.missing"


def test_volume_above_denominator_is_an_error(kotaku, kotaku_answers):
    with pytest.raises(AnswerError, match="v_3a") as caught:
        score(kotaku, kotaku_answers(v_3a=31, jumlah_kk=30))
    assert caught.value.code == "answer.over_denominator"
    assert "jumlah_kk" in str(caught.value)


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("banyak", "answer.not_number"),
        (True, "answer.not_number"),
        (-1, "answer.negative"),
        ([3], "answer.not_number"),
    ],
)
def test_bad_volume_values(kotaku, kotaku_answers, value, code):
    with pytest.raises(AnswerError, match="v_2a") as caught:
        score(kotaku, kotaku_answers(v_2a=value))
    assert caught.value.code == code


def test_missing_volume_is_an_error(kotaku, kotaku_answers):
    answers = kotaku_answers()
    del answers["v_6b"]
    with pytest.raises(AnswerError, match="v_6b"):
        score(kotaku, answers)


def test_numeric_strings_are_read_as_numbers(kotaku, kotaku_answers):
    result = score(kotaku, kotaku_answers(v_1a="26", jumlah_bangunan="50"))
    assert result.item("1a").percent == 52
    assert result.item("1a").score == 3


# ── Secondary figures ───────────────────────────────────────────────────────────────────────────


def test_aspect_averages_and_sector_average(kotaku, kotaku_answers):
    # Aspect 5 = mean(31.51, 26.03) = 28.77; aspect 4 = mean(0, 0, 100) = 33.33.
    answers = kotaku_answers(jumlah_kk=73, v_5a=23, v_5b=19, panjang_drainase_ideal_m=420, v_4c=420)
    result = score(kotaku, answers)
    groups = {g.id: g for g in result.groups}
    assert groups["5"].average_percent == Decimal("28.77")
    assert groups["4"].average_percent == Decimal("33.33")
    assert groups["5"].score == 2 and groups["5"].max_score == 10
    # Sector average = mean of the 7 aspect averages: (28.77 + 33.33) / 7 = 8.871… → 8.87.
    assert result.average_percent == Decimal("8.87")


def test_non_physical_considerations_are_reported_not_totalled(kotaku, kotaku_answers):
    answers = kotaku_answers(
        nilai_strategis="ada",
        kependudukan="tinggi",
        kondisi_sosekbud="tidak",
        kejelasan_status_lahan="jelas",
    )
    result = score(kotaku, answers)
    assert result.total == 0
    values = {i.id: (i.input, i.score) for i in result.items if not i.in_total}
    assert values == {
        "nilai_strategis": ("ada", 5),
        "kependudukan": ("tinggi", 5),
        "sosial_ekonomi_budaya": ("tidak", 1),
        "status_lahan": ("jelas", None),
        "kesesuaian_tata_ruang": (None, None),
    }
    data = result.to_dict()
    assert [i["id"] for i in data["items"]] == list(CRITERIA)
    assert {c["id"] for c in data["considerations"]} == set(values)


def test_unknown_consideration_choice_is_an_error(kotaku, kotaku_answers):
    with pytest.raises(AnswerError, match="kependudukan"):
        score(kotaku, kotaku_answers(kependudukan="sangat_tinggi"))
    with pytest.raises(AnswerError, match="kejelasan_status_lahan"):
        score(kotaku, kotaku_answers(kejelasan_status_lahan="+"))


def test_answers_must_be_a_mapping(kotaku):
    with pytest.raises(AnswerError):
        score(kotaku, [1, 2, 3])  # type: ignore[arg-type]
