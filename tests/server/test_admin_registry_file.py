"""The registry reader: accepted files, every refusal with line and column, stable ids."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from kampung_sync.registry_file import (
    COLUMNS,
    RegistryFileError,
    household_id,
    read_registry,
    reject_path_for,
    write_rejects,
)
from openpyxl import Workbook

TODAY = date(2026, 11, 23)
HEADER = ",".join(COLUMNS)
KK1, KK2 = "3671012001200001", "3671012001200002"
ROWS = [
    f"36.71.01.1001,5,3,Jl. Melati 1,{KK1},3671011705800001,Budi,L,1980-05-17,1",
    f"36.71.01.1001,5,3,Jl. Melati 1,{KK1},3671014302840002,Siti,P,1984-02-03,Istri/suami",
    f"36.71.01.1001,5,3,Jl. Melati 1,{KK1},3671010510100003,Adi,L,2010-10-05,anak",
    f"36.71.01.1002,1,2,Gg. Mawar 7,{KK2},3671011212700004,Wati,P,,Kepala keluarga",
]


def write_csv(path: Path, rows: list[str], sep: str = ",", bom: bool = False) -> Path:
    text = "\n".join([HEADER, *rows]).replace(",", sep) + "\n"
    path.write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8"))
    return path


@pytest.mark.parametrize("sep", [",", ";"])
@pytest.mark.parametrize("bom", [False, True])
def test_good_csv_groups_rows_by_no_kk(tmp_path: Path, sep: str, bom: bool) -> None:
    result = read_registry(write_csv(tmp_path / "r.csv", ROWS, sep, bom), TODAY)
    assert result.ok, [p.text() for p in result.problems]
    assert result.rows == 4
    assert [h.no_kk for h in result.households] == [KK1, KK2]
    first = result.households[0]
    assert (first.kelurahan_kode, first.rw, first.rt, first.alamat) == (
        "36.71.01.1001",
        5,
        3,
        "Jl. Melati 1",
    )
    assert [m.hubungan for m in first.members] == ["1", "2", "3"]
    assert first.head is not None and first.head.nama == "Budi"
    assert first.members[1].tanggal_lahir == date(1984, 2, 3)
    assert result.households[1].members[0].tanggal_lahir is None
    assert result.member_count == 4


def test_ids_are_stable_across_reads(tmp_path: Path) -> None:
    a = read_registry(write_csv(tmp_path / "a.csv", ROWS), TODAY)
    b = read_registry(write_csv(tmp_path / "b.csv", list(reversed(ROWS))), TODAY)
    assert {h.record_id for h in a.households} == {h.record_id for h in b.households}
    assert a.households[0].record_id == household_id(KK1)
    ids = {m.record_id(h.no_kk) for h in a.households for m in h.members}
    assert len(ids) == 4


def test_each_bad_value_names_line_and_column(tmp_path: Path) -> None:
    rows = [
        f"36.71.01.1001,5,0,Jl. Melati 1,{KK1},3671011705800001,Budi,L,1980-05-17,1",
        f"36.71.01.1001,5,3,Jl. Melati 1,{KK1},3671011705800000,Siti,X,1984-13-03,9",
        "99,5,3,,123,3671010510100003,,L,2010-10-05,1",
    ]
    result = read_registry(write_csv(tmp_path / "bad.csv", rows), TODAY)
    assert not result.ok and result.households == []
    where = {(p.line, p.column) for p in result.problems}
    assert (2, "3 (rt)") in where
    assert {(3, "6 (nik)"), (3, "8 (jenis_kelamin)"), (3, "9 (tanggal_lahir)")} <= where
    assert (3, "10 (hubungan)") in where
    assert {
        (4, "1 (kelurahan_kode)"),
        (4, "4 (alamat)"),
        (4, "5 (no_kk)"),
        (4, "7 (nama)"),
    } <= where
    text = next(p.text() for p in result.problems if p.column == "6 (nik)")
    assert text.startswith("baris 3, kolom 6 (nik): ") and " / line 3, column 6 (nik): " in text


def test_household_rows_must_agree_and_have_one_head(tmp_path: Path) -> None:
    rows = [
        ROWS[0],
        ROWS[1].replace("Jl. Melati 1", "Jl. Melati 2"),
        ROWS[2].replace(",anak", ",1"),
        ROWS[3].replace("Kepala keluarga", "3"),
    ]
    result = read_registry(write_csv(tmp_path / "h.csv", rows), TODAY)
    messages = {(p.line, p.column): p.message_en for p in result.problems}
    assert "differs from line 2" in messages[(3, "4 (alamat)")]
    assert "second head" in messages[(4, "10 (hubungan)")]
    assert "no head of family" in messages[(5, "10 (hubungan)")]
    assert result.households == []


def test_duplicate_nik_is_refused(tmp_path: Path) -> None:
    dup = ROWS[3].replace("3671011212700004", "3671011705800001")
    result = read_registry(write_csv(tmp_path / "d.csv", [*ROWS[:3], dup]), TODAY)
    [problem] = result.problems
    assert (problem.line, problem.column) == (5, "6 (nik)")
    assert "line 2" in problem.message_en


def test_rejects_keep_good_households_and_write_bad_rows(tmp_path: Path) -> None:
    bad = ROWS[1].replace("3671014302840002", "12345")
    result = read_registry(write_csv(tmp_path / "s.csv", [ROWS[0], bad, ROWS[2], ROWS[3]]), TODAY)
    # The whole first household is refused because one of its rows is wrong.
    assert [h.no_kk for h in result.households] == [KK2]
    assert [r.line for r in result.rejected] == [2, 3, 4]
    out = write_rejects(result, reject_path_for(tmp_path / "s.csv"))
    assert out.name == "s.ditolak.csv"
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("baris,kelurahan_kode") and lines[0].endswith("kesalahan")
    assert len(lines) == 4
    assert "NIK" in lines[2] and "another row of this household" in lines[1]


def test_multiline_quoted_field_keeps_physical_line_numbers(tmp_path: Path) -> None:
    quoted = ROWS[0].replace("Jl. Melati 1", '"Jl. Melati 1\nBlok A"')
    other = ROWS[3].replace(",P,", ",Q,")
    result = read_registry(write_csv(tmp_path / "m.csv", [quoted, other]), TODAY)
    assert [(p.line, p.column) for p in result.problems] == [(4, "8 (jenis_kelamin)")]
    assert result.households[0].alamat == "Jl. Melati 1\nBlok A"


def test_xlsx_with_dates_and_numeric_nik(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(list(COLUMNS))
    for row in ROWS[:3]:
        values: list[object] = row.split(",")
        values[8] = date.fromisoformat(str(values[8]))
        sheet.append(values)
    sheet.append(
        ["36.71.01.1002", 1, 2, "Gg. Mawar 7", KK2, 3671011212700004, "Wati", "P", None, 1]
    )
    path = tmp_path / "r.xlsx"
    book.save(path)
    result = read_registry(path, TODAY)
    assert [h.no_kk for h in result.households] == [KK1]
    [problem] = result.problems
    assert (problem.line, problem.column) == (5, "F (nik)")
    assert "Excel" in problem.message_id and "Text" in problem.message_en


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"nik,nama\n1,2\n", "required columns missing: kelurahan_kode"),
        (HEADER.encode() + b"\n\xff\xfe broken\n", "not UTF-8"),
    ],
)
def test_unreadable_files_raise_one_bilingual_error(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(content)
    with pytest.raises(RegistryFileError) as info:
        read_registry(path, TODAY)
    assert expected in info.value.message_en and info.value.message_id


def test_wrong_extension_and_missing_file(tmp_path: Path) -> None:
    (tmp_path / "x.ods").write_bytes(b"")
    with pytest.raises(RegistryFileError, match="not supported"):
        read_registry(tmp_path / "x.ods")
    with pytest.raises(RegistryFileError, match="not found"):
        read_registry(tmp_path / "none.csv")
    (tmp_path / "broken.xlsx").write_bytes(b"not a zip")
    with pytest.raises(RegistryFileError, match="cannot be read"):
        read_registry(tmp_path / "broken.xlsx")


def test_code_list_labels_and_their_parts_are_accepted(tmp_path: Path) -> None:
    rows = [
        ROWS[0].replace(",L,", ",LK,").removesuffix(",1") + ",KEPALA  KELUARGA",
        ROWS[1].replace(",Istri/suami", ",ISTRI").replace(",P,", ",Perempuan,"),
        ROWS[2].replace(",anak", ",Child"),
        ROWS[3].replace(",P,", ",pr,"),
    ]
    result = read_registry(write_csv(tmp_path / "labels.csv", rows), TODAY)
    assert result.ok, [p.text() for p in result.problems]
    members = [m for h in result.households for m in h.members]
    assert [m.hubungan for m in members] == ["1", "2", "3", "1"]
    assert [m.jenis_kelamin for m in members] == ["L", "P", "L", "P"]
