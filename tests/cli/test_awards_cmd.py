"""The `kampung awards score` headless contract, driven through `kampung_desktop.cli.main`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kampung_desktop.cli import main

CRITERIA = ("1a", "1b", "1c", "2a", "2b", "3a", "3b", "4a", "4b", "4c", "5a", "5b", "6a", "6b", "7a", "7b")  # fmt: skip


def _sumbermulyo() -> dict:
    """Kel. Sumbermulyo RT01/RW05 (kumuh-assessment.md): total 38, Kumuh sedang."""
    answers = {
        "luas_ha": 3.2,
        "jumlah_bangunan": 50,
        "jumlah_penduduk": 110,
        "jumlah_kk": 30,
        "panjang_jalan_ideal_m": 1000,
        "panjang_drainase_ideal_m": 1000,
    }
    answers.update({f"v_{c}": 0 for c in CRITERIA})
    answers.update(
        v_1a=13, v_1c=13, v_2b=775.6, v_3a=27, v_4c=805.2, v_5b=8, v_6a=30, v_6b=30, v_7a=50, v_7b=50,
        nilai_strategis="ada", kependudukan="sedang", kondisi_sosekbud="ya",
        kejelasan_status_lahan="jelas", kesesuaian_tata_ruang="sesuai",
    )  # fmt: skip
    return answers


def _write(tmp_path: Path, data, name: str = "answers.json") -> str:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(path)


def _run_ok(capsys, *argv: str) -> dict:
    code = main(["awards", "score", *argv])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    return json.loads(out)


def _run_error(capsys, *argv: str) -> str:
    code = main(["awards", "score", *argv])
    out, err = capsys.readouterr()
    assert code == 1
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def test_kotaku_contract(tmp_path, capsys):
    data = _run_ok(capsys, "kotaku", _write(tmp_path, _sumbermulyo()))
    assert {"program", "total", "level", "label", "items"} <= set(data)
    assert (data["program"], data["total"], data["level"], data["label"]) == (
        "kotaku", 38, "KS", "Kumuh sedang",
    )  # fmt: skip
    assert [item["id"] for item in data["items"]] == list(CRITERIA)
    for item in data["items"]:
        assert {"id", "input", "percent", "score"} <= set(item)
    by_id = {item["id"]: item for item in data["items"]}
    assert by_id["2b"] == by_id["2b"] | {"input": 775.6, "percent": 77.56, "score": 5}
    assert by_id["5b"] == by_id["5b"] | {"input": 8, "percent": 26.67, "score": 1}
    assert by_id["1b"] == by_id["1b"] | {"input": 0, "percent": 0, "score": 0}
    assert isinstance(data["total"], int)
    assert [c["id"] for c in data["considerations"]] == [
        "nilai_strategis", "kependudukan", "sosial_ekonomi_budaya", "status_lahan", "kesesuaian_tata_ruang",
    ]  # fmt: skip


def test_bantar_contract(tmp_path, capsys):
    names = [
        *("b_pilah_sampah", "b_olah_sampah", "b_tempat_sampah", "b_drainase", "b_gotong_royong"),
        *("b_penghijauan", "b_tanpa_bakar", "a_poskamling", "a_ronda", "a_tanpa_pencurian"),
        *("a_tanpa_kekerasan", "a_tanpa_kriminal", "a_lapor_tamu", "a_penerangan"),
        *("a_siaga_bencana", "p_tanpa_putus_sekolah", "p_tanpa_buta_aksara", "p_toga"),
        *("p_fasilitas_belajar", "p_musyawarah", "p_posyandu"),
    ]
    answers = {name: "ya" for name in names} | {"a_ronda": "tidak", "kategori_rt": "kecil"}
    data = _run_ok(capsys, "bantar", _write(tmp_path, answers))
    # Aman 11/13; total = (1 + 11/13 + 1) / 3 × 100 = 94.87
    assert (data["program"], data["total"], data["level"]) == ("bantar", 94.87, "layak")
    ronda = next(i for i in data["items"] if i["id"] == "a_ronda")
    assert (ronda["input"], ronda["percent"], ronda["score"]) == ("tidak", None, 0)


def test_ksm_contract(tmp_path, capsys):
    needs = (
        "pangan",
        "sandang",
        "papan",
        "kesehatan",
        "pendidikan",
        "pekerjaan",
        "pelayanan_sosial",
    )
    answers = {"psks_ada": ["psm"], "akses_slrt": "tidak"}
    answers |= {f"kebutuhan_{n}": "sebagian" for n in needs}
    for sector in ("pertanian", "peternakan", "ekonomi", "sampah"):
        answers |= {f"ada_{sector}": "tidak", f"potensi_{sector}": "sedang"}
    data = _run_ok(capsys, "ksm", _write(tmp_path, answers))
    # PSKS 1/7, needs 7/14, sectors 4/16 → 30/7 + 15 + 10 = 29.29: rintisan
    assert (data["program"], data["total"], data["level"]) == ("ksm", 29.29, "rintisan")
    psks = next(i for i in data["items"] if i["id"] == "psks_ada")
    assert (psks["input"], psks["score"]) == (["psm"], 1)


def test_zero_denominator_names_the_field(tmp_path, capsys):
    line = _run_error(capsys, "kotaku", _write(tmp_path, _sumbermulyo() | {"jumlah_kk": 0}))
    assert "jumlah_kk" in line and "0" in line


def test_missing_denominator_names_the_field(tmp_path, capsys):
    answers = _sumbermulyo()
    del answers["panjang_jalan_ideal_m"]
    assert "panjang_jalan_ideal_m" in _run_error(capsys, "kotaku", _write(tmp_path, answers))


def test_volume_above_denominator(tmp_path, capsys):
    line = _run_error(capsys, "kotaku", _write(tmp_path, _sumbermulyo() | {"v_7a": 51}))
    assert "v_7a" in line and "jumlah_bangunan" in line


def test_bad_json(tmp_path, capsys):
    line = _run_error(capsys, "kotaku", _write(tmp_path, '{"luas_ha": 3,'))
    assert "JSON" in line


def test_json_that_is_not_an_object(tmp_path, capsys):
    assert "objek JSON" in _run_error(capsys, "kotaku", _write(tmp_path, "[1, 2]"))


def test_missing_answers_file(tmp_path, capsys):
    assert "tidak.json" in _run_error(capsys, "kotaku", str(tmp_path / "tidak.json"))


def test_unknown_program(tmp_path, capsys):
    line = _run_error(capsys, "kampungku", _write(tmp_path, {}))
    assert "kampungku" in line and "kotaku, bantar, ksm" in line


def test_decide_requires_its_arguments(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["awards", "decide", "--program", "bantar"])
    assert caught.value.code == 2
