"""The streaming XLSX writer behind `kampung server export --format xlsx`: what it writes is a
workbook openpyxl (and so Excel/LibreOffice) reads back cell for cell, across sheets."""

from __future__ import annotations

from pathlib import Path

from kampung_sync.server.admin.xlsx_stream import MAX_CELL, XlsxStream
from openpyxl import load_workbook


def test_values_escaping_and_sheet_rollover(tmp_path: Path) -> None:
    rows = [
        ('a&b <c> "d"', 1, 2.5, None, "  spaced  "),
        ("3671011705800001", 0, -7, "", "baris\nbaru"),
        ("ctrl\x00\x07gone", True, False, "x" * (MAX_CELL + 10), "é ü 🙂"),
        ("last", 10**12, 0.1, "z", "]]>"),
    ]
    path = tmp_path / "t.xlsx"
    with path.open("wb") as handle, XlsxStream(handle, "members", list("ABCDE"), max_rows=3) as out:
        out.write_rows(rows[:2])
        out.write_rows(rows[2:])
        assert out.rows == 4
    book = load_workbook(path, read_only=True)
    assert book.sheetnames == ["members", "members (2)"]
    first = list(book["members"].iter_rows(values_only=True))
    second = list(book["members (2)"].iter_rows(values_only=True))
    assert first[0] == tuple("ABCDE") and second[0] == tuple("ABCDE")
    assert len(first) == 4 and len(second) == 2  # 3 data rows, then the rest
    assert first[1] == ('a&b <c> "d"', 1, 2.5, None, "  spaced  ")
    assert first[2] == ("3671011705800001", 0, -7, None, "baris\nbaru")
    assert first[3][0] == "ctrlgone" and first[3][1:3] == (1, 0)
    assert len(first[3][3]) == MAX_CELL and first[3][4] == "é ü 🙂"
    assert second[1] == ("last", 10**12, 0.1, "z", "]]>")


def test_empty_export_is_a_valid_workbook(tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    with path.open("wb") as handle, XlsxStream(handle, "certificates", ["record_id"]):
        pass
    sheet = load_workbook(path, read_only=True)["certificates"]
    assert list(sheet.iter_rows(values_only=True)) == [("record_id",)]
