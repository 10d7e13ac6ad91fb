"""Import a city registry extract (CSV/XLSX) into the laptop, the same format as the server.

The file is read and checked by `kampung_sync.registry_file` (the server uses the same reader),
then checked against this laptop (the kelurahan must be in its area list). All or nothing:
any problem and nothing is written; with `skip_invalid` the good households are imported and
the bad rows go to a reject file. Imported households are queued for sync like any edit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kampung_sync.registry_file import (
    RegistryFile,
    RegistryFileError,
    RegistryProblem,
    read_registry,
    reject_household,
    reject_path_for,
    write_rejects,
)

from kampung_desktop.storage import areas, registry_bulk
from kampung_desktop.storage.database import Database


class RegistryImportError(ValueError):
    """The import did not happen; the text (id / en) says why, problems list each row."""

    def __init__(self, message: str, problems: list[RegistryProblem] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


@dataclass(frozen=True)
class ImportReport:
    """What an import did: households and members counted apart (a family of four is one
    household and four members, not "five new")."""

    households: int
    members: int
    households_new: int
    households_updated: int
    members_new: int
    members_updated: int
    rejected_rows: int
    reject_file: Path | None

    @property
    def inserted(self) -> int:
        return self.households_new + self.members_new

    @property
    def updated(self) -> int:
        return self.households_updated + self.members_updated


def import_registry(
    db: Database,
    path: Path,
    user_id: str | None,
    skip_invalid: bool = False,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    try:
        result = read_registry(path, today)
    except RegistryFileError as exc:
        raise RegistryImportError(str(exc)) from None
    _check_areas(db, result)
    if result.problems and not skip_invalid:
        count = len(result.problems)
        raise RegistryImportError(
            f"{count} masalah; tidak ada yang diimpor (perbaiki, atau pakai --skip-invalid) / "
            f"{count} problem{'' if count == 1 else 's'}; nothing imported (fix "
            f"{'it' if count == 1 else 'them'}, or use --skip-invalid)",
            result.problems,
        )
    reject_file = None
    if result.rejected:
        reject_file = write_rejects(result, reject_path_for(path))
    households, members = _rows(result)
    with db.raw() as conn:
        counts = registry_bulk.upsert(conn, households, members, user_id, progress)
    return ImportReport(
        len(households),
        len(members),
        *counts["households"],
        *counts["members"],
        len(result.rejected),
        reject_file,
    )


def _check_areas(db: Database, result: RegistryFile) -> None:
    with db.raw() as conn:
        known = areas.kelurahan_codes(conn)
    for household in list(result.households):
        if household.kelurahan_kode not in known:
            line = household.members[0].line if household.members else 0
            problem = RegistryProblem(
                line,
                result.columns.get("kelurahan_kode"),
                f"kelurahan {household.kelurahan_kode} tidak ada di data wilayah laptop ini",
                f"kelurahan {household.kelurahan_kode} is not in this laptop's area list",
            )
            reject_household(result, household, [problem])


def _rows(result: RegistryFile) -> tuple[list[dict], list[dict]]:
    households, members = [], []
    for h in result.households:
        head = h.head
        households.append(
            {
                "id": h.record_id,
                "kelurahan_kode": h.kelurahan_kode,
                "rw": h.rw,
                "rt": h.rt,
                "address": h.alamat,
                "no_kk": h.no_kk,
                "head_name": head.nama if head else "",
                "member_count": len(h.members),
            }
        )
        for position, m in enumerate(h.members):
            members.append(
                {
                    "id": m.record_id(h.no_kk),
                    "household_id": h.record_id,
                    "nik": m.nik,
                    "name": m.nama,
                    "sex": m.jenis_kelamin,
                    "birth_date": m.tanggal_lahir.isoformat() if m.tanggal_lahir else None,
                    "relationship": m.hubungan,
                    "position": position,
                }
            )
    return households, members
