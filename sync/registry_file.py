"""Reading a city's household registry extract (DTKS/DTSEN) from CSV or XLSX, checked row by row.

Both `kampung server households import` and the desktop's `kampung households import` read files
through `read_registry`, so a file is accepted or refused the same way everywhere. The reader is
pure (no database, no server): it returns the households that passed every check and, for every
row that did not, its line, column and a message in Bahasa Indonesia and English.

Format: one row per member with the columns of `COLUMNS`; rows with the same `no_kk` form one
household (their kelurahan, RW, RT and address must agree); comma- or semicolon-separated, UTF-8
with or without BOM; `hubungan` is a code or label of `codes.RELATIONSHIP`. A household with any
bad row is refused whole (a household with half of its members is worse than none), so callers
either import nothing when `problems` is not empty, or import `households` and write the rows of
`rejected` to a reject file with `write_rejects`.

Record ids are derived from the numbers (`household_id`, `member_id`), so importing the same
registry twice updates the same records instead of creating copies.
"""

from __future__ import annotations

import csv
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from kampung_sync.registry_rows import cell_text, check_row

from kampung_desktop.core import codes

COLUMNS: tuple[str, ...] = (
    "kelurahan_kode",
    "rw",
    "rt",
    "alamat",
    "no_kk",
    "nik",
    "nama",
    "jenis_kelamin",
    "tanggal_lahir",
    "hubungan",
)
HOUSEHOLD_COLUMNS: tuple[str, ...] = ("kelurahan_kode", "rw", "rt", "alamat")
REJECT_COLUMNS: tuple[str, ...] = ("baris", *COLUMNS, "kesalahan")
_ID_NAMESPACE = uuid.UUID("5b0f4a53-6b61-4d70-8e67-726567697374")  # fixed: ids must never change


def household_id(no_kk: str) -> str:
    """Stable record id of the registry household with this No. KK."""
    return str(uuid.uuid5(_ID_NAMESPACE, f"kk:{no_kk}"))


def member_id(no_kk: str, member_nik: str) -> str:
    """Stable record id of a registry member (the same NIK in another KK is another record)."""
    return str(uuid.uuid5(_ID_NAMESPACE, f"kk:{no_kk}/nik:{member_nik}"))


@dataclass(frozen=True, slots=True)
class RegistryProblem:
    """Why one row (or the whole file, line 0) was refused."""

    line: int
    column: str | None  # e.g. "5 (no_kk)" in a CSV, "E (no_kk)" in a sheet; None for a whole row
    message_id: str
    message_en: str

    def text(self) -> str:
        """`baris 5, kolom 5 (no_kk): ... / line 5, column 5 (no_kk): ...`"""
        where_id = f"baris {self.line}" if self.line else "berkas"
        where_en = f"line {self.line}" if self.line else "file"
        if self.column:
            where_id += f", kolom {self.column}"
            where_en += f", column {self.column}"
        return f"{where_id}: {self.message_id} / {where_en}: {self.message_en}"


@dataclass(frozen=True, slots=True)
class RegistryMember:
    line: int
    nik: str
    nama: str
    jenis_kelamin: str  # "L" | "P"
    tanggal_lahir: date | None
    hubungan: str  # code of codes.RELATIONSHIP

    def record_id(self, no_kk: str) -> str:
        return member_id(no_kk, self.nik)


@dataclass(slots=True)
class RegistryHousehold:
    no_kk: str
    kelurahan_kode: str
    rw: int
    rt: int
    alamat: str
    members: list[RegistryMember] = field(default_factory=list)

    @property
    def record_id(self) -> str:
        return household_id(self.no_kk)

    @property
    def head(self) -> RegistryMember | None:
        return next((m for m in self.members if m.hubungan == codes.HEAD), None)


@dataclass(frozen=True, slots=True)
class RejectedRow:
    """A row that was not imported, as read, with every reason (for the reject file)."""

    line: int
    values: dict[str, str]
    reasons: tuple[str, ...]


@dataclass
class RegistryFile:
    path: Path
    households: list[RegistryHousehold] = field(default_factory=list)
    problems: list[RegistryProblem] = field(default_factory=list)
    rejected: list[RejectedRow] = field(default_factory=list)
    rows: int = 0  # data rows read (header excluded)
    # Column name -> how messages name it in this file ("6 (nik)" in a CSV, "F (nik)" in a sheet)
    columns: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def member_count(self) -> int:
        return sum(len(h.members) for h in self.households)


class RegistryFileError(ValueError):
    """The file cannot be read at all (missing, wrong type, not UTF-8, missing columns)."""

    def __init__(self, message_id: str, message_en: str) -> None:
        super().__init__(f"{message_id} / {message_en}")
        self.message_id = message_id
        self.message_en = message_en


# --- reading rows -------------------------------------------------------------------------


_Row = tuple[int, list[Any]]  # (line number, cell values)


def _csv_rows(path: Path) -> tuple[list[str], Iterator[_Row], str]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RegistryFileError(
            f"berkas bukan UTF-8 (byte ke-{exc.start + 1}); simpan ulang sebagai 'CSV UTF-8'",
            f"the file is not UTF-8 (byte {exc.start + 1}); save it again as 'CSV UTF-8'",
        ) from None
    lines = text.splitlines(keepends=True)
    first = lines[0] if lines else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(lines, delimiter=delimiter)
    header = next(reader, [])

    def rows() -> Iterator[_Row]:
        start = reader.line_num + 1
        for values in reader:
            yield start, values
            start = reader.line_num + 1

    return header, rows(), "number"


def _xlsx_rows(path: Path) -> tuple[list[str], Iterator[_Row], str]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises zipfile/KeyError/InvalidFileException variants
        raise RegistryFileError(
            f"berkas Excel tidak dapat dibaca ({type(exc).__name__}); simpan ulang sebagai .xlsx",
            f"the Excel file cannot be read ({type(exc).__name__}); save it again as .xlsx",
        ) from None
    sheet = book.worksheets[0]
    cells = sheet.iter_rows(values_only=True)
    header = [str(v) if v is not None else "" for v in next(cells, ())]

    def rows() -> Iterator[_Row]:
        for number, values in enumerate(cells, start=2):
            yield number, list(values)
        book.close()

    return header, rows(), "letter"


def _column_name(index: int, style: str, name: str) -> str:
    if style == "number":
        return f"{index + 1} ({name})"
    from openpyxl.utils import get_column_letter

    return f"{get_column_letter(index + 1)} ({name})"


def _open(path: Path) -> tuple[list[str], Iterator[_Row], str]:
    if not path.is_file():
        raise RegistryFileError("berkas tidak ditemukan", "file not found")
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _xlsx_rows(path)
    if suffix in (".csv", ".txt"):
        return _csv_rows(path)
    raise RegistryFileError(
        f"jenis berkas '{suffix}' tidak didukung; pakai .csv atau .xlsx",
        f"file type '{suffix}' is not supported; use .csv or .xlsx",
    )


def read_registry(path: str | Path, today: date | None = None) -> RegistryFile:
    """Read and check a registry file; never raises for bad rows (see `RegistryFile.problems`).

    Raises RegistryFileError only when the file as a whole cannot be read.
    """
    path = Path(path)
    today = today or date.today()
    header, rows, style = _open(path)
    names = [h.strip().lower().lstrip("\ufeff") for h in header]
    missing = [c for c in COLUMNS if c not in names]
    if missing:
        raise RegistryFileError(
            f"kolom wajib tidak ada: {', '.join(missing)} (baris 1 harus memuat: "
            f"{', '.join(COLUMNS)})",
            f"required columns missing: {', '.join(missing)} (line 1 must contain: "
            f"{', '.join(COLUMNS)})",
        )
    index = {c: names.index(c) for c in COLUMNS}
    result = RegistryFile(path=path)
    households: dict[str, RegistryHousehold] = {}
    lines_of: dict[str, list[tuple[int, dict[str, str]]]] = {}
    bad_kk: dict[str, str] = {}  # no_kk -> why its household is refused
    nik_lines: dict[str, int] = {}

    def column(name: str) -> str:
        return _column_name(index[name], style, name)

    result.columns = {name: column(name) for name in COLUMNS}

    for line, values in rows:
        if all(cell_text(v) == "" for v in values):
            continue
        result.rows += 1
        raw = {c: values[i] if i < len(values) else None for c, i in index.items()}
        shown = {c: cell_text(v) for c, v in raw.items()}
        fields, head, found = check_row(raw, today)
        member = RegistryMember(line, *fields) if fields is not None else None
        problems = [RegistryProblem(line, column(c), i, e) for c, i, e in found]
        no_kk = head["no_kk"]
        if member is not None and member.nik in nik_lines:
            first = nik_lines[member.nik]
            problems.append(
                RegistryProblem(
                    line,
                    column("nik"),
                    f"NIK sama dengan baris {first}",
                    f"the same NIK as line {first}",
                )
            )
        household = households.get(no_kk) if no_kk else None
        if member is not None and household is not None:
            for name in HOUSEHOLD_COLUMNS:
                if getattr(household, name) != head[name]:
                    first_line = household.members[0].line
                    problems.append(
                        RegistryProblem(
                            line,
                            column(name),
                            f"berbeda dengan baris {first_line} yang No. KK-nya sama",
                            f"differs from line {first_line} with the same No. KK",
                        )
                    )
            if member.hubungan == codes.HEAD and household.head is not None:
                problems.append(
                    RegistryProblem(
                        line,
                        column("hubungan"),
                        f"kepala keluarga kedua (yang pertama di baris {household.head.line})",
                        f"a second head of family (the first is on line {household.head.line})",
                    )
                )
        if member is not None and not problems:
            nik_lines[member.nik] = line
            if household is None:
                household = households[no_kk] = RegistryHousehold(
                    no_kk, head["kelurahan_kode"], head["rw"], head["rt"], head["alamat"]
                )
            household.members.append(member)
        result.problems.extend(problems)
        key = no_kk or f"#line{line}"
        lines_of.setdefault(key, []).append((line, shown))
        if problems:
            bad_kk.setdefault(key, "; ".join(p.text() for p in problems))

    for no_kk, household in households.items():
        if household.head is None and no_kk not in bad_kk:
            first_line = lines_of[no_kk][0][0]
            problem = RegistryProblem(
                first_line,
                column("hubungan"),
                f"rumah tangga No. KK {no_kk} tidak punya kepala keluarga (hubungan 1)",
                f"household No. KK {no_kk} has no head of family (hubungan 1)",
            )
            result.problems.append(problem)
            bad_kk[no_kk] = problem.text()
    result.problems.sort(key=lambda p: p.line)
    result.households = [h for k, h in households.items() if k not in bad_kk]
    by_line: dict[int, list[str]] = {}
    for problem in result.problems:
        by_line.setdefault(problem.line, []).append(problem.text())
    for key, why in bad_kk.items():
        for line, shown in lines_of[key]:
            own = by_line.get(line)
            reasons = own or [
                f"baris lain rumah tangga ini salah / another row of this household is wrong: {why}"
            ]
            result.rejected.append(RejectedRow(line, shown, tuple(reasons)))
    result.rejected.sort(key=lambda r: r.line)
    return result


def write_rejects(result: RegistryFile, out_path: str | Path) -> Path:
    """Write the refused rows (with their line and reasons) as a UTF-8 CSV Excel opens."""
    out = Path(out_path)
    with out.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(REJECT_COLUMNS)
        for row in result.rejected:
            writer.writerow([row.line, *(row.values[c] for c in COLUMNS), " | ".join(row.reasons)])
    return out


def reject_path_for(path: str | Path) -> Path:
    """Default reject file next to the input: `data.csv` -> `data.ditolak.csv`."""
    path = Path(path)
    return path.with_name(f"{path.stem}.ditolak.csv")


def reject_household(
    result: RegistryFile, household: RegistryHousehold, problems: list[RegistryProblem]
) -> None:
    """Refuse a household that passed the file checks but fails against a database (a NIK
    already registered elsewhere, an unknown kelurahan): it leaves `households`, its problems
    join `problems` and all its rows go to `rejected`."""
    result.households = [h for h in result.households if h is not household]
    result.problems.extend(problems)
    result.problems.sort(key=lambda p: p.line)
    own: dict[int, list[str]] = {}
    for problem in problems:
        own.setdefault(problem.line, []).append(problem.text())
    why = "; ".join(p.text() for p in problems)
    for member in household.members:
        values = {
            "kelurahan_kode": household.kelurahan_kode,
            "rw": str(household.rw),
            "rt": str(household.rt),
            "alamat": household.alamat,
            "no_kk": household.no_kk,
            "nik": member.nik,
            "nama": member.nama,
            "jenis_kelamin": member.jenis_kelamin,
            "tanggal_lahir": member.tanggal_lahir.isoformat() if member.tanggal_lahir else "",
            "hubungan": member.hubungan,
        }
        reasons = own.get(member.line) or [
            f"baris lain rumah tangga ini salah / another row of this household is wrong: {why}"
        ]
        result.rejected.append(RejectedRow(member.line, values, tuple(reasons)))
    result.rejected.sort(key=lambda r: r.line)
