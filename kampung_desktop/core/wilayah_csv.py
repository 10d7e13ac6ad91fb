"""Reading `kode,nama` area-code CSV files: one set of rules for the laptop and the server.

Excel under Indonesian regional settings writes `;`; some tools write tabs. Every refusal names
the line and what to fix, in Bahasa Indonesia first.
"""

from __future__ import annotations

import csv
import io

from kampung_desktop.core import wilayah as rules
from kampung_desktop.core.messages import Problem

MAX_SHOWN = 80


def shorten(value: object, limit: int = MAX_SHOWN) -> str:
    """A value fit to repeat in a message: a 100,000-character code is cut, not echoed."""
    text = str(value)
    if len(text) <= limit:
        return text
    return f"{text[: limit - 12]}… ({len(text)} karakter/characters)"


class WilayahImportError(ValueError):
    """A CSV line that cannot be imported; the text names the line and what to fix."""


def _delimiter(text: str) -> str:
    """`,`, or `;` as Excel writes CSV under Indonesian regional settings, or a tab."""
    header = text.split("\n", 1)[0]
    return max((",", ";", "\t"), key=header.count) if header else ","


def parse_csv(text: str) -> list[tuple[str, str]]:
    """Rows of a `kode,nama` CSV (comma, semicolon or tab separated), validated; raises
    WilayahImportError naming the line: a bad code, an empty name, a code given twice."""
    reader = csv.DictReader(io.StringIO(text), delimiter=_delimiter(text))
    try:
        fields = [(name or "").strip().lower() for name in reader.fieldnames or []]
    except csv.Error as exc:
        raise WilayahImportError(f"Baris 1: {_csv_problem(exc)}") from None
    if {"kode", "nama"} - set(fields):
        raise WilayahImportError(
            "Baris 1: kolom 'kode' dan 'nama' wajib ada / header must have 'kode' and 'nama'."
        )
    reader.fieldnames = fields
    rows: list[tuple[str, str]] = []
    first_line: dict[str, int] = {}
    line = 1
    try:
        for line, rec in enumerate(reader, start=2):
            kode, nama = (rec.get("kode") or "").strip(), (rec.get("nama") or "").strip()
            if rules.code_problems(kode):
                problem = Problem("wilayah.format", {"code": shorten(kode)})
                raise WilayahImportError(f"Baris {line}: {problem.text()}")
            if not nama:
                raise WilayahImportError(f"Baris {line}: nama kosong / name is empty.")
            if kode in first_line:
                raise WilayahImportError(
                    f"Baris {line}: kode {kode} sudah ada di baris {first_line[kode]}; satu "
                    f"kode satu baris / code {kode} is already on line {first_line[kode]}."
                )
            first_line[kode] = line
            rows.append((kode, nama))
    except csv.Error as exc:
        raise WilayahImportError(f"Baris {line + 1}: {_csv_problem(exc)}") from None
    return rows


def _csv_problem(exc: csv.Error) -> str:
    if "field larger than field limit" in str(exc):
        return (
            "satu sel terlalu panjang (lebih dari 128 KB; tanda kutip tidak ditutup?) / "
            "a cell is too long (over 128 KB; an unclosed quote?)."
        )
    return f"CSV tidak sah / invalid CSV ({exc})."
