"""The four shipped XLSForm workbooks: valid for pyxform, clean for `kampung forms check`, and
carrying the answer names and rules other parts of the app rely on (kotaku scoring, NIK checks)."""

from __future__ import annotations

import contextlib
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pyxform.xls2xform import convert

from kampung_desktop.paths import forms_dir

ID_LANG = "Bahasa Indonesia (id)"
EN_LANG = "English (en)"
SHIPPED = ("household_assessment", "bantar_rt", "ksm_potential", "kotaku_baseline")
FORMS = sorted(forms_dir().glob("*.xlsx"))

KOTAKU_DENOMINATORS = {
    "jumlah_bangunan": ("1a", "1c", "7a", "7b"),
    "luas_ha": ("1b", "4a"),
    "jumlah_kk": ("3a", "3b", "5a", "5b", "6a", "6b"),
    "panjang_jalan_ideal_m": ("2a", "2b"),
    "panjang_drainase_ideal_m": ("4b", "4c"),
}
KOTAKU_HEADER = (
    "luas_ha",
    "jumlah_bangunan",
    "jumlah_penduduk",
    "jumlah_kk",
    "panjang_jalan_ideal_m",
    "panjang_drainase_ideal_m",
)


def _sheet_rows(path: Path, sheet: str) -> list[dict[str, str]]:
    """Rows of one sheet as {header: text}, empty cells left out."""
    ws = load_workbook(path, read_only=True)[sheet]
    rows = ws.iter_rows(values_only=True)
    header = [str(h) for h in next(rows)]
    out = []
    for values in rows:
        row = {h: str(v) for h, v in zip(header, values, strict=False) if v not in (None, "")}
        if row:
            out.append(row)
    return out


def _survey_by_name(path: Path) -> dict[str, dict[str, str]]:
    return {r["name"]: r for r in _sheet_rows(path, "survey") if "name" in r}


def _settings(path: Path) -> dict[str, str]:
    return _sheet_rows(path, "settings")[0]


def test_all_four_forms_are_shipped() -> None:
    assert sorted(p.stem for p in FORMS) == sorted(SHIPPED)


@pytest.mark.parametrize("path", FORMS, ids=lambda p: p.stem)
def test_pyxform_converts_without_warnings(path: Path) -> None:
    warnings: list[str] = []
    result = convert(xlsform=str(path), warnings=warnings)
    assert warnings == []
    ET.fromstring(result.xform)  # well-formed XForm


@pytest.mark.parametrize("path", FORMS, ids=lambda p: p.stem)
def test_settings_and_languages(path: Path) -> None:
    settings = _settings(path)
    assert settings["form_id"] == path.stem
    assert re.fullmatch(r"\d{10}", settings["version"])
    assert settings["default_language"] == ID_LANG
    assert settings["form_title"]
    for row in _sheet_rows(path, "survey"):
        if row["type"].startswith("end ") or row["type"] == "calculate":
            continue
        for kind in ("label", "hint", "constraint_message", "required_message"):
            id_text = row.get(f"{kind}::{ID_LANG}")
            en_text = row.get(f"{kind}::{EN_LANG}")
            assert bool(id_text) == bool(en_text), (
                f"{path.stem}/{row['name']}: {kind} in one language"
            )
        assert row.get(f"label::{ID_LANG}"), f"{path.stem}/{row['name']}: no label"
        if "constraint" in row:
            assert row.get(f"constraint_message::{ID_LANG}"), (
                f"{row['name']}: constraint without message"
            )
    for row in _sheet_rows(path, "choices"):
        assert row.get(f"label::{ID_LANG}") and row.get(f"label::{EN_LANG}"), row


@pytest.mark.parametrize("path", FORMS, ids=lambda p: p.stem)
def test_location_block_comes_first(path: Path) -> None:
    rows = [r for r in _sheet_rows(path, "survey") if not r["type"].startswith(("begin", "end"))]
    assert [r["name"] for r in rows[:3]] == ["kelurahan_code", "rw", "rt"]
    code, rw, rt = rows[:3]
    assert code["type"] == "text" and "regex(" in code["constraint"]
    for row in (rw, rt):
        assert row["type"] == "integer"
        assert row["constraint"] == ". >= 1 and . <= 999"


def test_kotaku_header_and_volume_constraints() -> None:
    path = forms_dir() / "kotaku_baseline.xlsx"
    by_name = _survey_by_name(path)
    for name in KOTAKU_HEADER:
        assert by_name[name]["type"] in ("integer", "decimal")
        assert by_name[name]["required"] == "yes"
    expected = {f"v_{crit}": den for den, crits in KOTAKU_DENOMINATORS.items() for crit in crits}
    assert len(expected) == 16
    volumes = sorted(n for n in by_name if re.fullmatch(r"v_\d[a-c]", n))
    assert volumes == sorted(expected)
    for name, den in expected.items():
        row = by_name[name]
        assert row["constraint"] == f". >= 0 and . <= ${{{den}}}", name
        assert row["required"] == "yes"
        assert row.get(f"hint::{ID_LANG}") and row.get(f"hint::{EN_LANG}"), name
    # pyxform resolved every denominator reference to the header field.
    xform = ET.fromstring(convert(xlsform=str(path)).xform)
    binds = {
        b.get("nodeset", "").rsplit("/", 1)[-1]: b for b in xform.iter() if b.tag.endswith("bind")
    }
    for name, den in expected.items():
        assert re.search(rf"<= +/data/header/{den} *$", binds[name].get("constraint")), name


def test_kotaku_non_physical_considerations_use_ascii_codes() -> None:
    path = forms_dir() / "kotaku_baseline.xlsx"
    by_name = _survey_by_name(path)
    lists = {}
    for row in _sheet_rows(path, "choices"):
        lists.setdefault(row["list_name"], []).append(row["name"])
    expected = {
        "nilai_strategis": ["ada", "tidak"],
        "kependudukan": ["rendah", "sedang", "tinggi"],
        "kondisi_sosekbud": ["ya", "tidak"],
        "kejelasan_status_lahan": ["jelas", "tidak_jelas"],
        "kesesuaian_tata_ruang": ["sesuai", "tidak_sesuai"],
    }
    for field, codes in expected.items():
        qtype, list_name = by_name[field]["type"].split()
        assert qtype == "select_one"
        assert lists[list_name] == codes
        assert all(re.fullmatch(r"[a-z_]+", c) for c in codes)


def test_household_roster_nik_and_floor_area() -> None:
    path = forms_dir() / "household_assessment.xlsx"
    rows = _sheet_rows(path, "survey")
    by_name = {r["name"]: r for r in rows}
    repeat_start = next(i for i, r in enumerate(rows) if r["type"] == "begin repeat")
    repeat_end = next(i for i, r in enumerate(rows) if r["type"] == "end repeat")
    assert rows[repeat_start]["name"] == "members"
    inside = {r["name"] for r in rows[repeat_start:repeat_end]}
    for name in (
        "nama",
        "nik",
        "jenis_kelamin",
        "tanggal_lahir",
        "hubungan",
        "status_kawin",
        "jenjang_pendidikan",
        "bekerja",
        "sulit_a",
        "jaminan_kesehatan",
    ):
        assert name in inside, name
    nik = by_name["nik"]["constraint"]
    assert "regex(., '^[0-9]{16}$')" in nik and "'0000'" in nik
    assert by_name["floor_area_per_person"]["type"] == "calculate"
    assert "${luas_lantai} div ${jumlah_anggota}" in by_name["floor_area_per_person"]["calculation"]
    assert "< 8" in by_name["floor_area_below_8m2"]["calculation"]


def test_household_choice_names_are_the_source_codes() -> None:
    path = forms_dir() / "household_assessment.xlsx"
    lists: dict[str, dict[str, str]] = {}
    for row in _sheet_rows(path, "choices"):
        lists.setdefault(row["list_name"], {})[row["name"]] = row[f"label::{ID_LANG}"]
    assert lists["lantai"]["8"] == "Tanah" and len(lists["lantai"]) == 9
    assert lists["bahan_bakar"]["0"] == "Tidak memasak di rumah" and len(lists["bahan_bakar"]) == 12
    assert sorted(lists["kartu_identitas"], key=int) == ["0", "1", "2", "4"]
    assert len(lists["lapangan_usaha"]) == 26 and len(lists["jenjang"]) == 23
    assert list(lists["jarak_tinja"]) == ["1", "2", "8"]


# --- through our own engine, once `kampung forms check` exists -------------------------------


def _forms_parser():
    """`kampung forms` built from its own module only, so a missing sibling command cannot
    break this test."""
    import argparse

    from kampung_desktop.cli import forms_cmd

    parser = argparse.ArgumentParser(prog="kampung")
    forms_cmd.register(parser.add_subparsers(dest="command"))
    return parser


def _run_forms_cmd(*argv: str) -> tuple[int, str, str]:
    """Run `kampung forms ...` in-process; returns (exit code, stdout, stderr)."""
    from kampung_desktop.cli.common import CliError

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            args = _forms_parser().parse_args(["forms", *argv])
            code = int(args.handler(args) or 0)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 2
        except CliError as exc:
            print(f"kampung: {exc}", file=err)
            code = exc.exit_code
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("path", FORMS, ids=lambda p: p.stem)
def test_kampung_forms_check_passes(path: Path) -> None:
    code, out, err = _run_forms_cmd("check", str(path))
    assert code == 0, out + err
    settings = _settings(path)
    line = out.strip()
    assert re.fullmatch(
        rf"{settings['form_id']} {settings['version']}: \d+ questions, \d+ groups, \d+ repeats, "
        r"languages: id, en",
        line,
    ), line


def _eval(tmp_path: Path, form: str, answers: dict, lang: str = "id") -> dict:
    answers_path = tmp_path / "answers.json"
    answers_path.write_text(json.dumps(answers), encoding="utf-8")
    path = forms_dir() / f"{form}.xlsx"
    code, out, err = _run_forms_cmd(
        "eval", str(path), str(answers_path), "--lang", lang, "--today", "2026-11-23"
    )
    assert code == 0, err
    return json.loads(out)


LOCATION = {"kelurahan_code": "35.74.01.1001", "rw": 9, "rt": 8}


def _kotaku_answers(**overrides: object) -> dict:
    """Kel. Mangunharjo RT008/RW009 (kumuh-assessment.md): 4c, 7a, 7b at 100 %, 5a/5b partial."""
    answers: dict[str, object] = {
        **LOCATION,
        "tercantum_sk": "ya",
        "tahun_data": 2025,
        "tanggal_survei": "2026-11-01",
        "nama_surveyor": "Tim A",
        "luas_ha": 2.5,
        "jumlah_bangunan": 73,
        "jumlah_penduduk": 300,
        "jumlah_kk": 73,
        "panjang_jalan_ideal_m": 1200,
        "panjang_drainase_ideal_m": 800,
        "nilai_strategis": "ada",
        "kependudukan": "sedang",
        "kondisi_sosekbud": "ya",
        "kejelasan_status_lahan": "jelas",
        "kesesuaian_tata_ruang": "sesuai",
    }
    for crits in KOTAKU_DENOMINATORS.values():
        for crit in crits:
            answers[f"v_{crit}"] = 0
    answers.update(v_4c=800, v_5a=23, v_5b=19, v_7a=73, v_7b=73)
    answers.update(overrides)
    return answers


def test_kotaku_engine_accepts_a_complete_baseline(tmp_path: Path) -> None:
    result = _eval(tmp_path, "kotaku_baseline", _kotaku_answers())
    assert result["complete"] is True
    fields = result["fields"]
    assert fields["persen_4c"]["value"] == 100
    assert fields["persen_5a"]["value"] == pytest.approx(31.51)


@pytest.mark.parametrize(
    ("field", "denominator"),
    [
        ("v_7b", "jumlah_bangunan"),
        ("v_4a", "luas_ha"),
        ("v_3a", "jumlah_kk"),
        ("v_2b", "panjang_jalan_ideal_m"),
        ("v_4b", "panjang_drainase_ideal_m"),
    ],
)
def test_kotaku_engine_rejects_volume_above_denominator(
    tmp_path: Path, field: str, denominator: str
) -> None:
    base = _kotaku_answers()
    result = _eval(tmp_path, "kotaku_baseline", _kotaku_answers(**{field: base[denominator] + 1}))
    assert result["complete"] is False
    assert result["fields"][field]["valid"] is False
    assert result["fields"][field]["message"]
    result = _eval(tmp_path, "kotaku_baseline", _kotaku_answers(**{field: -1}))
    assert result["fields"][field]["valid"] is False


def test_household_engine_nik_age_and_floor_area(tmp_path: Path) -> None:
    member = {"keberadaan": "1", "status_kawin": "1", "kartu_identitas": ["1"]}
    answers = {
        **LOCATION,
        "jumlah_anggota": 3,
        "tanggal_pendataan": "2026-11-20",
        "hasil_pendataan": "1",
        "luas_lantai": 20,
        "members": [
            {
                **member,
                "nama": "A",
                "nik": "1571020101800001",
                "jenis_kelamin": "1",
                "tanggal_lahir": "1980-01-01",
                "hubungan": "1",
            },
            {
                **member,
                "nama": "B",
                "nik": "1571024112850000",
                "jenis_kelamin": "2",
                "tanggal_lahir": "1985-12-25",
                "hubungan": "2",
            },
            {
                **member,
                "nama": "C",
                "nik": "1571020112850007",
                "jenis_kelamin": "2",
                "umur": 3,
                "hubungan": "3",
            },
        ],
    }
    fields = _eval(tmp_path, "household_assessment", answers, lang="en")["fields"]
    assert fields["floor_area_per_person"]["value"] == pytest.approx(6.67)
    assert fields["floor_area_below_8m2"]["value"] == 1
    assert fields["members[1]/nik"]["valid"] is True
    assert fields["members[2]/nik"]["valid"] is False  # serial 0000
    assert fields["members[1]/umur_tahun"]["value"] == 46
    assert fields["members[2]/umur_tahun"]["value"] == 40  # birthday not reached yet
    assert fields["members[3]/umur_tahun"]["value"] == 3
    assert fields["members[1]/cek_nik_lahir"]["relevant"] is False
    assert fields["members[3]/cek_nik_kelamin"]["relevant"] is True  # woman, day < 41
    assert fields["members[3]/partisipasi_sekolah"]["relevant"] is False  # under 5
    assert fields["jumlah_kepala_keluarga"]["value"] == 1
