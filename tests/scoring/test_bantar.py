"""Kampung Bantar: weighted Bersih/Aman/Pintar checklist (weights are ⚠ assumptions in the file)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kampung_desktop.scoring import AnswerError, load_rules, parse_rules, rules_path, score

BERSIH = ["b_pilah_sampah", "b_olah_sampah", "b_tempat_sampah", "b_drainase", "b_gotong_royong",
          "b_penghijauan", "b_tanpa_bakar"]  # fmt: skip
AMAN = ["a_poskamling", "a_ronda", "a_tanpa_pencurian", "a_tanpa_kekerasan", "a_tanpa_kriminal",
        "a_lapor_tamu", "a_penerangan", "a_siaga_bencana"]  # fmt: skip
PINTAR = ["p_tanpa_putus_sekolah", "p_tanpa_buta_aksara", "p_toga", "p_fasilitas_belajar",
          "p_musyawarah", "p_posyandu"]  # fmt: skip


@pytest.fixture(scope="module")
def bantar():
    return load_rules("bantar")


def answers(no: tuple[str, ...] = (), **extra):
    """Every checklist item 'ya' except those listed in `no`."""
    data = {name: ("tidak" if name in no else "ya") for name in BERSIH + AMAN + PINTAR}
    data.update(extra)
    return data


def test_indicators_cover_the_three_pillars(bantar):
    scored = {i.field for i in bantar.indicators if i.kind == "boolean"}
    assert scored == set(BERSIH + AMAN + PINTAR)
    assert bantar.kencana is not None and bantar.kencana.consecutive_years == 3


def test_everything_met_scores_100(bantar):
    result = score(bantar, answers(kategori_rt="sedang"))
    assert result.total == 100
    assert (result.level, result.label) == ("layak", "Layak Kampung Bantar")
    assert [c["input"] for c in result.to_dict()["considerations"]] == ["sedang"]


def test_nothing_met_scores_0(bantar):
    result = score(bantar, answers(no=tuple(BERSIH + AMAN + PINTAR)))
    assert result.total == 0
    assert result.level == "belum"


def test_hand_worked_weighted_total(bantar):
    # Bersih 9/9; Aman misses a_ronda (2) and a_penerangan (1): 10/13; Pintar only the three
    # weight-2 items: 6/9. Total = (1 + 10/13 + 6/9) / 3 × 100 = 95/117 × 100 = 81.196… → 81.20.
    result = score(bantar, answers(no=("a_ronda", "a_penerangan", "p_fasilitas_belajar",
                                       "p_musyawarah", "p_posyandu")))  # fmt: skip
    groups = {g.id: g for g in result.groups}
    assert (groups["bersih"].score, groups["bersih"].max_score) == (9, 9)
    assert (groups["aman"].score, groups["aman"].max_score) == (10, 13)
    assert (groups["pintar"].score, groups["pintar"].max_score) == (6, 9)
    assert groups["aman"].percent == Decimal("76.92")
    assert result.total == Decimal("81.20")
    assert result.level == "layak"
    assert result.item("a_ronda").score == 0
    assert result.item("a_poskamling").score == 2
    assert result.item("a_poskamling").percent is None


def test_below_pass_mark(bantar):
    # Bersih 9/9, Aman 0/13, Pintar 9/9 → 66.67: perlu pembinaan.
    result = score(bantar, answers(no=tuple(AMAN)))
    assert result.total == Decimal("66.67")
    assert result.level == "pembinaan"


def test_weights_come_from_the_rule_file(bantar):
    text = rules_path("bantar").read_text(encoding="utf-8")
    heavier = text.replace('id = "bersih"\nlabel = "Bersih"\nlabel_en = "Clean"\nweight = 1',
                           'id = "bersih"\nlabel = "Bersih"\nlabel_en = "Clean"\nweight = 2')  # fmt: skip
    assert heavier != text
    rules = parse_rules(heavier, source="bantar_rt.scoring.toml")
    no = ("a_ronda", "a_penerangan", "p_fasilitas_belajar", "p_musyawarah", "p_posyandu")
    # (2 × 1 + 10/13 + 6/9) / 4 × 100 = 85.897… → 85.90
    assert score(rules, answers(no=no)).total == Decimal("85.90")


def test_unanswered_item_is_an_error_naming_it(bantar):
    data = answers()
    del data["p_toga"]
    with pytest.raises(AnswerError, match="p_toga"):
        score(bantar, data)


@pytest.mark.parametrize("value", ["yes", "mungkin", 3])
def test_only_ya_or_tidak(bantar, value):
    with pytest.raises(AnswerError, match="a_ronda") as caught:
        score(bantar, answers(a_ronda=value))
    assert caught.value.code == "answer.not_yes_no"


def test_unknown_category_is_an_error(bantar):
    with pytest.raises(AnswerError, match="kategori_rt"):
        score(bantar, answers(kategori_rt="raksasa"))
