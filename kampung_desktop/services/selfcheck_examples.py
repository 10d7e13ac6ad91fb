"""One worked example per award program, with the result it must score, for `--self-check`.

The examples are the hand-worked cases of the scoring tests (tests/scoring): Kotaku is the
Sumbermulyo RT 01/RW 05 sheet (kumuh sedang, 38), Bantar and KSM are worked by hand in those
tests' comments. A bundle that scores them differently carries broken rules or a broken engine.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any


@dataclass(frozen=True)
class ScoringExample:
    program: str
    answers: dict[str, Any]
    total: Decimal
    level: str


_KOTAKU_CRITERIA = ("1a", "1b", "1c", "2a", "2b", "3a", "3b", "4a", "4b", "4c", "5a", "5b", "6a",
                    "6b", "7a", "7b")  # fmt: skip
_BANTAR_MISSED = ("a_ronda", "a_penerangan", "p_fasilitas_belajar", "p_musyawarah", "p_posyandu")
BANTAR_CHECKLIST = (
    "b_pilah_sampah", "b_olah_sampah", "b_tempat_sampah", "b_drainase", "b_gotong_royong",
    "b_penghijauan", "b_tanpa_bakar", "a_poskamling", "a_ronda", "a_tanpa_pencurian",
    "a_tanpa_kekerasan", "a_tanpa_kriminal", "a_lapor_tamu", "a_penerangan", "a_siaga_bencana",
    "p_tanpa_putus_sekolah", "p_tanpa_buta_aksara", "p_toga", "p_fasilitas_belajar",
    "p_musyawarah", "p_posyandu",
)  # fmt: skip


def _kotaku() -> dict[str, Any]:
    # 50 buildings (13 → 26 %), 30 KK (27 → 90 %, 8 → 26.67 %), 1,000 m road (775.6 → 77.56 %),
    # 1,000 m drain (805.2 → 80.52 %); everything else 0.
    answers: dict[str, Any] = {f"v_{c}": 0 for c in _KOTAKU_CRITERIA}
    answers.update(
        luas_ha=100, jumlah_bangunan=50, jumlah_kk=30, jumlah_penduduk=400,
        panjang_jalan_ideal_m=1000, panjang_drainase_ideal_m=1000,
        v_1a=13, v_1c=13, v_2b=775.6, v_3a=27, v_4c=805.2, v_5b=8, v_6a=30, v_6b=30,
        v_7a=50, v_7b=50,
    )  # fmt: skip
    return answers


def bantar_answers() -> dict[str, Any]:
    """Bersih 9/9, Aman 10/13, Pintar 6/9: (1 + 10/13 + 6/9) / 3 × 100 = 81.196… → 81.20."""
    answers: dict[str, Any] = {
        name: "tidak" if name in _BANTAR_MISSED else "ya" for name in BANTAR_CHECKLIST
    }
    answers["kategori_rt"] = "sedang"
    return answers


def _ksm() -> dict[str, Any]:
    # PSKS 3 + SLRT 2 = 5/7; needs 2+2+1+2+2+1+0 = 10/14; sectors 4+3+1+2 = 10/16.
    # (30 × 5/7 + 30 × 10/14 + 40 × 10/16) = 67.857… → 67.86: berkembang.
    return {
        "psks_ada": ["psm", "karang_taruna", "tagana"],
        "akses_slrt": "ya",
        "kebutuhan_pangan": "ya",
        "kebutuhan_sandang": "ya",
        "kebutuhan_papan": "sebagian",
        "kebutuhan_kesehatan": "ya",
        "kebutuhan_pendidikan": "ya",
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


def examples() -> list[ScoringExample]:
    return [
        ScoringExample("kotaku", _kotaku(), Decimal("38"), "KS"),
        ScoringExample("bantar", bantar_answers(), Decimal("81.20"), "layak"),
        ScoringExample("ksm", _ksm(), Decimal("67.86"), "berkembang"),
    ]
