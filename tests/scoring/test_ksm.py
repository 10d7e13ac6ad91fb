"""KSM/WKSBM readiness: PSKS, basic needs and the four strengthening sectors."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kampung_desktop.scoring import AnswerError, load_rules, score

NEEDS = ("pangan", "sandang", "papan", "kesehatan", "pendidikan", "pekerjaan", "pelayanan_sosial")
SECTORS = ("pertanian", "peternakan", "ekonomi", "sampah")


@pytest.fixture(scope="module")
def ksm():
    return load_rules("ksm")


def answers(**overrides):
    data = {
        "psks_ada": ["psm", "karang_taruna", "tagana"],
        "akses_slrt": "ya",
        **{f"kebutuhan_{n}": "ya" for n in NEEDS},
        "kebutuhan_papan": "sebagian",
        "kebutuhan_pekerjaan": "sebagian",
        "kebutuhan_pelayanan_sosial": "tidak",
        "ada_pertanian": "ya",
        "potensi_pertanian": "tinggi",
        "ada_peternakan": "ya",
        "potensi_peternakan": "sedang",
        "ada_ekonomi": "tidak",
        "potensi_ekonomi": "sedang",
        "ada_sampah": "ya",
        "potensi_sampah": "rendah",
    }
    data.update(overrides)
    return data


def test_hand_worked_readiness(ksm):
    # PSKS 3 + SLRT 2 = 5/7; needs 2+2+1+2+2+1+0 = 10/14; sectors 4+3+1+2 = 10/16.
    # Total = (30 × 5/7 + 30 × 10/14 + 40 × 10/16) / 100 × 100 = 67.857… → 67.86: berkembang.
    result = score(ksm, answers())
    groups = {g.id: (g.score, g.max_score) for g in result.groups}
    assert groups == {"psks": (5, 7), "kebutuhan": (10, 14), "sektor": (10, 16)}
    assert result.total == Decimal("67.86")
    assert (result.level, result.label) == ("berkembang", "Berkembang")
    assert result.item("psks_ada").input == ["psm", "karang_taruna", "tagana"]
    assert result.item("psks_ada").score == 3


def test_full_readiness(ksm):
    everything = ["peksos", "psm", "tagana", "lks", "karang_taruna", "lk3", "keluarga_pioner",
                  "wksbm", "wanita_pemimpin", "penyuluh_sosial", "tksk", "dunia_usaha"]  # fmt: skip
    full = answers(
        psks_ada=everything,
        **{f"kebutuhan_{n}": "ya" for n in NEEDS},
        **{f"ada_{s}": "ya" for s in SECTORS},
        **{f"potensi_{s}": "tinggi" for s in SECTORS},
    )
    result = score(ksm, full)
    assert result.item("psks_ada").score == 5  # capped
    assert result.total == 100
    assert result.level == "siap"


def test_nothing_present(ksm):
    none = answers(
        psks_ada=["tidak_ada"],
        akses_slrt="tidak",
        **{f"kebutuhan_{n}": "tidak" for n in NEEDS},
        **{f"ada_{s}": "tidak" for s in SECTORS},
        **{f"potensi_{s}": "rendah" for s in SECTORS},
    )
    result = score(ksm, none)
    assert result.total == 0
    assert result.level == "belum"


def test_select_multiple_as_space_separated_text(ksm):
    assert score(ksm, answers(psks_ada="psm karang_taruna tagana")).total == Decimal("67.86")


def test_unknown_psks_code_is_an_error(ksm):
    with pytest.raises(AnswerError, match="psks_ada") as caught:
        score(ksm, answers(psks_ada=["psm", "dukun"]))
    assert "dukun" in str(caught.value)


def test_select_multiple_must_be_a_list(ksm):
    with pytest.raises(AnswerError, match="psks_ada"):
        score(ksm, answers(psks_ada={"psm": True}))
