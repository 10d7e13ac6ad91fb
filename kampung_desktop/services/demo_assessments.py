"""Demo RT assessments (Kampung Bantar, KSM, Kotaku) so the review window has something to show.

Like the demo households, every row is marked `is_demo` and none goes to the sync outbox; the
same seed gives the same answers. The answers fit the shipped forms (a test runs them through
the form engine), and vary per RT so rankings and levels differ. Bantar is Kota Jambi's program,
KSM Kota Tangerang's; Kotaku baselines are made in both cities.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from kampung_desktop.core.ids import utc_now_iso
from kampung_desktop.scoring import PROGRAM_FORMS
from kampung_desktop.services.assessments import AssessmentService
from kampung_desktop.storage import assessments as store
from kampung_desktop.storage.database import Database
from kampung_desktop.storage.models import Assessment

#: (program, kelurahan code, RW, number of RTs (0: the RW itself, for KSM))
PLAN: tuple[tuple[str, str, int, int], ...] = (
    ("bantar", "15.71.02.1002", 1, 4),  # Pasir Putih, Kec. Jambi Selatan, Kota Jambi
    ("bantar", "15.71.02.1002", 2, 3),
    ("bantar", "15.71.02.1005", 1, 3),  # Wijaya Pura
    ("kotaku", "15.71.02.1002", 3, 3),
    ("ksm", "36.71.09.1004", 2, 1),  # Panunggangan Barat, Kec. Cibodas, Kota Tangerang
    ("ksm", "36.71.09.1004", 5, 1),
    ("ksm", "36.71.09.1004", 7, 1),
    ("ksm", "36.71.09.1002", 3, 1),  # Cibodas Sari
    ("kotaku", "36.71.09.1004", 4, 3),
)

BERSIH = ("b_pilah_sampah", "b_olah_sampah", "b_tempat_sampah", "b_drainase", "b_gotong_royong",
          "b_penghijauan", "b_tanpa_bakar")  # fmt: skip
AMAN = ("a_poskamling", "a_ronda", "a_tanpa_pencurian", "a_tanpa_kekerasan", "a_tanpa_kriminal",
        "a_lapor_tamu", "a_penerangan", "a_siaga_bencana")  # fmt: skip
PINTAR = ("p_tanpa_putus_sekolah", "p_tanpa_buta_aksara", "p_toga", "p_fasilitas_belajar",
          "p_musyawarah", "p_posyandu")  # fmt: skip
NEEDS = ("pangan", "sandang", "papan", "kesehatan", "pendidikan", "pekerjaan", "pelayanan_sosial")
PSKS = ("peksos", "psm", "tagana", "lks", "karang_taruna", "lk3", "keluarga_pioner", "wksbm",
        "wanita_pemimpin", "penyuluh_sosial", "tksk")  # fmt: skip
SECTORS = ("pertanian", "peternakan", "ekonomi", "sampah")
KOTAKU_BY_DENOMINATOR = {
    "jumlah_bangunan": ("1a", "1c", "7a", "7b"),
    "luas_ha": ("1b", "4a"),
    "jumlah_kk": ("3a", "3b", "5a", "5b", "6a", "6b"),
    "panjang_jalan_ideal_m": ("2a", "2b"),
    "panjang_drainase_ideal_m": ("4b", "4c"),
}


@dataclass(frozen=True)
class DemoAssessments:
    created: int
    by_program: dict[str, int]


def seed_assessments(
    db: Database, user_id: str | None, cache_dir, year: int | None = None, seed: int = 1
) -> DemoAssessments:
    """Create the demo assessments (finalized or submitted) unless demo ones already exist."""
    AssessmentService(db, user_id, cache_dir).install_shipped_forms()
    year = year or date.today().year
    rng = random.Random(seed)
    with db.write() as session:
        if store.any_demo_assessment(session):
            return DemoAssessments(0, {})
        versions = {
            program: store.newest_version(session, form_id)
            for program, form_id in PROGRAM_FORMS.items()
        }
        counts: dict[str, int] = {}
        for program, kode, rw, rts in PLAN:
            for rt in range(1, rts + 1) if rts else (None,):
                answers = ANSWERS[program](rng, year, kode, rw, rt)
                _add(session, program, versions[program], kode, rw, rt, answers, user_id, rng)
                counts[program] = counts.get(program, 0) + 1
    return DemoAssessments(sum(counts.values()), counts)


def _add(session, program, version, kode, rw, rt, answers, user_id, rng) -> None:  # type: ignore[no-untyped-def]
    now = utc_now_iso()
    assessment = Assessment(
        id=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        form_id=PROGRAM_FORMS[program],
        form_version=version,
        kelurahan_kode=kode,
        rw=rw,
        rt=rt,
        state="submitted" if rng.random() < 0.3 else "finalized",
        created_by=user_id,
        finalized_at=now,
        is_demo=True,
    )
    store.add_unqueued(session, assessment, answers)


def _location(kode: str, rw: int, rt: int | None) -> dict[str, Any]:
    place: dict[str, Any] = {"kelurahan_code": kode, "rw": rw}
    if rt is not None:
        place["rt"] = rt
    return place


def _visit(rng: random.Random, year: int) -> str:
    return (date(year, 7, 1) + timedelta(days=rng.randint(0, 60))).isoformat()


def bantar_answers(rng: random.Random, year: int, kode: str, rw: int, rt: int | None):  # type: ignore[no-untyped-def]
    quality = rng.uniform(0.45, 0.97)  # share of indicators an RT meets
    kk = rng.randint(28, 95)
    answers: dict[str, Any] = _location(kode, rw, rt) | {
        "tahun": year,
        "periode": "1",
        "tanggal_penilaian": _visit(rng, year),
        "instansi_penilai": "dpmppa",
        "nama_penilai": "Tim Penilai Kota (demo)",
        "nama_ketua_rt": "Ketua RT (demo)",
        "jumlah_kk": kk,
        "jumlah_penduduk": kk * rng.randint(3, 5),
        "jumlah_rumah": kk - rng.randint(0, 6),
        "luas_wilayah_ha": round(rng.uniform(0.8, 6.5), 2),
        "kategori_rt": "kecil" if kk < 45 else "sedang" if kk < 75 else "besar",
        "menang_berturut": rng.choice((0, 0, 0, 1, 2)),
    }
    for name in BERSIH + AMAN + PINTAR:
        answers[name] = "ya" if rng.random() < quality else "tidak"
    if answers["p_tanpa_putus_sekolah"] == "tidak":
        answers["jumlah_anak_putus_sekolah"] = rng.randint(1, 4)
    answers["rekomendasi"] = "Pertahankan kegiatan kerja bakti dan bank sampah."
    return answers


def ksm_answers(rng: random.Random, year: int, kode: str, rw: int, rt: int | None):  # type: ignore[no-untyped-def]
    kk = rng.randint(120, 420)
    answers: dict[str, Any] = _location(kode, rw, rt) | {
        "nama_kampung": f"Kampung RW {rw:02d}",
        "tanggal_penilaian": _visit(rng, year),
        "nama_penilai": "Tim Dinas Sosial (demo)",
        "jumlah_kk": kk,
        "jumlah_penduduk": kk * rng.randint(3, 4),
        "jumlah_kk_dtsen": rng.randint(10, kk // 3),
        "psks_ada": sorted(rng.sample(PSKS, rng.randint(1, 6))),
        "akses_slrt": rng.choice(("ya", "ya", "tidak")),
        "ppks_fakir_miskin": rng.randint(3, 40),
        "ppks_disabilitas": rng.randint(0, 12),
        "ppks_lansia_terlantar": rng.randint(0, 8),
    }
    if "psm" in answers["psks_ada"]:
        answers["jumlah_psm"] = rng.randint(1, 5)
    for need in NEEDS:
        answers[f"kebutuhan_{need}"] = rng.choice(("ya", "ya", "sebagian", "tidak"))
    for sector in SECTORS:
        present = rng.random() < 0.7
        answers[f"ada_{sector}"] = "ya" if present else "tidak"
        answers[f"potensi_{sector}"] = rng.choice(
            ("sedang", "tinggi", "tinggi") if present else ("rendah", "rendah", "sedang")
        )
        if present:
            answers |= _sector_details(rng, sector, kk)
    active = [s for s in SECTORS if answers[f"ada_{s}"] == "ya"]
    answers["sektor_unggulan"] = active[0] if active else "ekonomi"
    return answers


def _sector_details(rng: random.Random, sector: str, kk: int) -> dict[str, Any]:
    """The follow-up questions the KSM form asks when a sector is active."""
    if sector == "pertanian":
        return {
            "jenis_pertanian": sorted(rng.sample(("pangan", "sayur", "toga", "hidroponik"), 2)),
            "luas_lahan_m2": rng.randint(50, 1200),
            "kelompok_tani": rng.randint(1, 3),
            "fasilitas_pangan_bersama": rng.choice(("ya", "tidak")),
        }
    if sector == "peternakan":
        return {
            "jenis_ternak": sorted(rng.sample(("unggas", "kambing", "lele", "maggot"), 2)),
            "jumlah_peternak": rng.randint(3, 25),
            "jumlah_kolam": rng.randint(1, 12),
        }
    if sector == "ekonomi":
        return {
            "jenis_usaha": sorted(rng.sample(("kuliner", "kerajinan", "jahit", "warung"), 2)),
            "jumlah_pelaku_usaha": rng.randint(5, 40),
            "akses_modal": sorted(rng.sample(("kur", "umi", "pemda", "swadaya"), 2)),
        }
    methods = sorted(rng.sample(("pilah", "bank_sampah", "kompos", "maggot"), 2))
    details: dict[str, Any] = {
        "cara_kelola_sampah": methods,
        "kk_memilah": rng.randint(10, kk // 2),
    }
    if "bank_sampah" in methods:
        details["nasabah_bank_sampah"] = rng.randint(10, kk // 2)
    return details


def kotaku_answers(rng: random.Random, year: int, kode: str, rw: int, rt: int | None):  # type: ignore[no-untyped-def]
    kk = rng.randint(60, 180)
    denominators: dict[str, Any] = {
        "luas_ha": round(rng.uniform(1.5, 9.0), 2),
        "jumlah_bangunan": kk - rng.randint(0, 15),
        "jumlah_kk": kk,
        "panjang_jalan_ideal_m": rng.randint(400, 1600),
        "panjang_drainase_ideal_m": rng.randint(500, 2000),
    }
    answers: dict[str, Any] = _location(kode, rw, rt) | {
        "nama_kawasan": f"Kawasan RW {rw:02d} (demo)",
        "tercantum_sk": rng.choice(("ya", "tidak")),
        "tahun_data": year,
        "tanggal_survei": _visit(rng, year),
        "nama_surveyor": "Tim Kotaku (demo)",
        "jumlah_penduduk": kk * rng.randint(3, 5),
        **denominators,
    }
    severity = rng.uniform(0.1, 0.85)
    for denominator, criteria in KOTAKU_BY_DENOMINATOR.items():
        whole = denominators[denominator]
        for criterion in criteria:
            share = min(1.0, max(0.0, rng.gauss(severity, 0.2)))
            volume = whole * share
            answers[f"v_{criterion}"] = (
                round(volume, 2) if isinstance(whole, float) else int(volume)
            )
    answers |= {
        "nilai_strategis": rng.choice(("ada", "tidak")),
        "kependudukan": rng.choice(("rendah", "sedang", "tinggi")),
        "kondisi_sosekbud": rng.choice(("ya", "tidak")),
        "kejelasan_status_lahan": rng.choice(("jelas", "tidak_jelas")),
        "kesesuaian_tata_ruang": rng.choice(("sesuai", "tidak_sesuai")),
    }
    return answers


ANSWERS = {"bantar": bantar_answers, "ksm": ksm_answers, "kotaku": kotaku_answers}
