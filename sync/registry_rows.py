"""Checking the values of one registry row (see `kampung_sync.registry_file`).

Every check uses the desktop's core rules (NIK, No. KK, wilayah codes, code lists), so a row is
judged exactly as the household form judges what an enumerator types.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from kampung_desktop.core import codes, kk, nik, wilayah

MemberFields = tuple[str, str, str, date | None, str]  # nik, nama, jenis_kelamin, lahir, hubungan


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _names(labels: tuple[str, str]) -> set[str]:
    """A label and each part of it: "Istri/suami" also matches "istri" and "suami"."""
    found: set[str] = set()
    for label in labels:
        label = " ".join(label.lower().split())
        found.add(label)
        found.update(part.strip() for part in label.split("/") if part.strip())
    return found


_RELATIONSHIP_NAMES = {
    name: code for code, labels in codes.RELATIONSHIP.items() for name in _names(labels)
}
_SEX_NAMES = {name: code for code, labels in codes.SEX.items() for name in _names(labels)}
_SEX_NAMES.update({"lk": "L", "pr": "P", "l": "L", "p": "P"})  # LK/PR: common in extracts


def _relationship(text: str) -> str | None:
    wanted = " ".join(text.lower().split())
    if wanted in codes.RELATIONSHIP:
        return wanted
    return _RELATIONSHIP_NAMES.get(wanted)


def _sex(text: str) -> str | None:
    return _SEX_NAMES.get(" ".join(text.lower().split()))


def _kelurahan(text: str) -> str | None:
    code = text.strip()
    if nik.is_ascii_digits(code) and len(code) == 10:
        code = wilayah.dotted(code)
    if wilayah.is_valid_code(code) and wilayah.level_of(code) == wilayah.Level.KELURAHAN:
        return code
    return None


class _RowChecker:
    """Checks one row's values; collects (column, id, en) problems."""

    def __init__(self, raw: dict[str, Any], today: date) -> None:
        self.raw = raw
        self.today = today
        self.found: list[tuple[str, str, str]] = []

    def fail(self, column: str, message_id: str, message_en: str) -> None:
        self.found.append((column, message_id, message_en))

    def text(self, column: str, required: bool = True) -> str:
        value = cell_text(self.raw.get(column))
        if required and not value:
            self.fail(column, "wajib diisi", "is required")
        return value

    def number_text(self, column: str, label: str) -> str:
        value = self.raw.get(column)
        if isinstance(value, int | float) and not isinstance(value, bool):
            self.fail(
                column,
                f"{label} tersimpan sebagai angka (Excel hanya menyimpan 15 digit); "
                "format kolom ini sebagai Teks lalu ketik ulang",
                f"{label} is stored as a number (Excel keeps only 15 digits); "
                "format this column as Text and type it again",
            )
            return ""
        return nik.clean(self.text(column))

    def problems(self, column: str, found: list[Any]) -> None:
        for problem in found:
            if not problem.warning:
                self.fail(column, problem.text("id"), problem.text("en"))

    def unit(self, column: str) -> int:
        text = self.text(column)
        if not text:
            return 0
        if not nik.is_ascii_digits(text) or not 1 <= int(text) <= 999:
            name = column.upper()
            self.fail(
                column,
                f"{name} harus angka 1–999, bukan '{text}'",
                f"{name} must be a number 1–999, not '{text}'",
            )
            return 0
        return int(text)

    def birth_date(self) -> date | None:
        text = self.text("tanggal_lahir", required=False)
        if not text:
            return None
        try:
            born = date.fromisoformat(text)
        except ValueError:
            born = None
        if born is None or len(text) != 10:
            self.fail(
                "tanggal_lahir",
                f"'{text}' bukan tanggal TTTT-BB-HH (contoh 1980-05-17)",
                f"'{text}' is not a YYYY-MM-DD date (e.g. 1980-05-17)",
            )
            return None
        if born > self.today:
            self.fail("tanggal_lahir", "tidak boleh di masa depan", "cannot be in the future")
        return born


def check_row(
    raw: dict[str, Any], today: date
) -> tuple[MemberFields | None, dict[str, Any], list[tuple[str, str, str]]]:
    """The member fields and household fields of one row, and the row's problems.

    Problems are (column, message_id, message_en); member fields are None when there are any.
    """
    check = _RowChecker(raw, today)
    kode_text = check.text("kelurahan_kode")
    kode = _kelurahan(kode_text) if kode_text else None
    if kode_text and kode is None:
        check.fail(
            "kelurahan_kode",
            f"'{kode_text}' bukan kode kelurahan (contoh 36.71.01.1001)",
            f"'{kode_text}' is not a kelurahan code (e.g. 36.71.01.1001)",
        )
    rw, rt = check.unit("rw"), check.unit("rt")
    alamat = check.text("alamat")
    no_kk = check.number_text("no_kk", "No. KK")
    if no_kk:
        check.problems("no_kk", kk.problems(no_kk))
    member_nik = check.number_text("nik", "NIK")
    if member_nik:
        check.problems("nik", nik.problems(member_nik, today))
    nama = check.text("nama")
    sex_text = check.text("jenis_kelamin")
    sex = _sex(sex_text) if sex_text else None
    if sex_text and sex is None:
        check.fail(
            "jenis_kelamin",
            f"'{sex_text}' harus L atau P",
            f"'{sex_text}' must be L or P",
        )
    born = check.birth_date()
    hubungan_text = check.text("hubungan")
    hubungan = _relationship(hubungan_text) if hubungan_text else None
    if hubungan_text and hubungan is None:
        allowed = ", ".join(f"{c} {labels[0]}" for c, labels in codes.RELATIONSHIP.items())
        check.fail(
            "hubungan",
            f"'{hubungan_text}' tidak dikenal (boleh: {allowed})",
            f"'{hubungan_text}' is unknown (allowed: {allowed})",
        )
    household = {"no_kk": no_kk, "kelurahan_kode": kode, "rw": rw, "rt": rt, "alamat": alamat}
    if check.found:
        return None, household, check.found
    return (member_nik, nama, sex or "", born, hubungan or ""), household, []
