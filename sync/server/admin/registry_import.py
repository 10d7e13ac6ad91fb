"""`kampung server households import`: publish the city's registry for enumerators to verify.

All or nothing: the file is checked first (`kampung_sync.registry_file`), then against the
server (kelurahan known, a NIK not already registered in another household), and the whole file
is written in ONE transaction. With `--skip-invalid` the good households are written and every
bad row goes to `<file>.ditolak.csv` with its line and reasons.

Re-importing is safe: record ids come from the No. KK and NIK, unchanged rows are skipped, and a
household or member that an enumerator already changed in the field is kept as it is (the
registry never silently overwrites field work).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kampung_sync.registry_file import (
    RegistryFile,
    RegistryFileError,
    RegistryHousehold,
    RegistryProblem,
    read_registry,
    reject_household,
    reject_path_for,
    write_rejects,
)
from kampung_sync.server import db
from kampung_sync.server.admin import AdminError
from kampung_sync.server.records import CHUNK, protocol_now, write_server_records
from kampung_sync.server.tables import Record, RecordHistory
from sqlalchemy import func, select
from sqlalchemy.orm import Session

MAX_PROBLEMS_SHOWN = 100
_R = Record.__table__.c
Progress = Callable[[str], None]


@dataclass
class ImportOutcome:
    households_new: int = 0
    households_updated: int = 0
    households_unchanged: int = 0
    households_kept: int = 0  # changed in the field since: left as the field has it
    members_written: int = 0
    members_kept: int = 0
    rejected_rows: int = 0
    reject_file: Path | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 0

    def summary(self) -> str:
        text = (
            f"rumah tangga / households: {self.households_new} baru/new, "
            f"{self.households_updated} diperbarui/updated, "
            f"{self.households_unchanged} tidak berubah/unchanged, "
            f"{self.households_kept} dipertahankan (sudah diubah petugas) / kept (changed in "
            f"the field); anggota / members: {self.members_written} ditulis/written, "
            f"{self.members_kept} dipertahankan/kept"
        )
        if self.reject_file is not None:
            text += f"\nditolak / rejected: {self.rejected_rows} baris/rows -> {self.reject_file}"
        return text


def _existing(session: Session, table: str, ids: list[str]) -> dict[str, tuple[bool, Any]]:
    """record_id -> (changed in the field?, its data) for the ids already stored.

    "Changed in the field": its current version, or any earlier one, came from a device (a
    merged edit is stored without a device, so the history is asked as well).
    """
    found: dict[str, tuple[bool, Any]] = {}
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        for record_id, device_id, data in session.execute(
            select(_R.record_id, _R.device_id, _R.data).where(
                _R.table_name == table, _R.record_id.in_(chunk)
            )
        ):
            found[record_id] = (device_id is not None, data)
    history = RecordHistory.__table__.c
    quiet = [record_id for record_id, (touched, _data) in found.items() if not touched]
    for start in range(0, len(quiet), CHUNK):
        for record_id in session.execute(
            select(history.record_id)
            .where(
                history.table_name == table,
                history.record_id.in_(quiet[start : start + CHUNK]),
                history.device_id.is_not(None),
            )
            .distinct()
        ).scalars():
            found[record_id] = (True, found[record_id][1])
    return found


def _known_kelurahan(session: Session) -> set[str] | None:
    """Kelurahan codes the server knows; None when no wilayah is loaded (nothing to check)."""
    level = _R.data["level"].as_string()
    codes = set(
        session.execute(
            select(_R.record_id).where(
                _R.table_name == "wilayah", _R.deleted.is_(False), level == "4"
            )
        ).scalars()
    )
    return codes or None


def _nik_owners(session: Session, niks: set[str]) -> dict[str, str]:
    """NIK -> household id, for members already on the server with one of these NIKs."""
    has_members = session.execute(
        select(func.count()).select_from(Record).where(_R.table_name == "members")
    ).scalar_one()
    if not has_members:
        return {}
    nik = _R.data["nik"].as_string()
    owners: dict[str, str] = {}
    for value, household in session.execute(
        select(nik, _R.data["household_id"].as_string()).where(
            _R.table_name == "members", _R.deleted.is_(False)
        )
    ):
        if value in niks:
            owners[value] = household
    return owners


def _server_checks(session: Session, result: RegistryFile) -> None:
    known = _known_kelurahan(session)
    niks = {m.nik for h in result.households for m in h.members}
    owners = _nik_owners(session, niks)
    for household in list(result.households):
        found: list[RegistryProblem] = []
        first = household.members[0].line
        if known is not None and household.kelurahan_kode not in known:
            found.append(
                RegistryProblem(
                    first,
                    result.columns["kelurahan_kode"],
                    f"kelurahan {household.kelurahan_kode} tidak dikenal server",
                    f"kelurahan {household.kelurahan_kode} is unknown to the server",
                )
            )
        for member in household.members:
            owner = owners.get(member.nik)
            if owner is not None and owner != household.record_id:
                found.append(
                    RegistryProblem(
                        member.line,
                        result.columns["nik"],
                        "NIK ini sudah terdaftar di rumah tangga lain di server",
                        "this NIK is already registered in another household on the server",
                    )
                )
        if found:
            reject_household(result, household, found)


def _household_row(h: RegistryHousehold, created_at: str, now: str) -> dict[str, Any]:
    head = h.head
    return {
        "id": h.record_id,
        "created_at": created_at,
        "updated_at": now,
        "revision": 1,
        "is_demo": False,
        "kelurahan_kode": h.kelurahan_kode,
        "rw": h.rw,
        "rt": h.rt,
        "address": h.alamat,
        "no_kk": h.no_kk,
        "head_name": head.nama if head else "",
        "member_count": len(h.members),
        "status": "aktif",
        "latitude": None,
        "longitude": None,
        "deleted": False,
    }


def _member_rows(h: RegistryHousehold, created: dict[str, str], now: str) -> Iterable[dict]:
    for position, m in enumerate(h.members, start=1):
        record_id = m.record_id(h.no_kk)
        yield {
            "id": record_id,
            "created_at": created.get(record_id, now),
            "updated_at": now,
            "revision": 1,
            "is_demo": False,
            "household_id": h.record_id,
            "nik": m.nik,
            "name": m.nama,
            "sex": m.jenis_kelamin,
            "birth_place": "",
            "birth_date": m.tanggal_lahir.isoformat() if m.tanggal_lahir else None,
            "relationship": m.hubungan,
            "marital_status": "",
            "education": "",
            "occupation": "",
            "position": position,
            "deleted": False,
        }


def _problem_report(result: RegistryFile) -> str:
    lines = [p.text() for p in result.problems[:MAX_PROBLEMS_SHOWN]]
    more = len(result.problems) - len(lines)
    if more > 0:
        lines.append(f"... dan {more} masalah lain / and {more} more problems")
    return "\n".join(lines)


def import_registry(
    url: str, path: Path, skip_invalid: bool = False, progress: Progress | None = None
) -> ImportOutcome:
    """Check and import a registry file; raises AdminError (nothing written) when refused."""
    say = progress or (lambda _text: None)
    say(f"membaca / reading {path.name} ...")
    try:
        result = read_registry(path)
    except RegistryFileError as exc:
        raise AdminError(f"{path}: {exc.message_id}", f"{path}: {exc.message_en}") from None
    say(f"{result.rows} baris / rows, {len(result.households)} rumah tangga / households")
    engine = db.make_engine(db.normalise_url(url))
    outcome = ImportOutcome()
    try:
        with db.transaction(engine) as session:
            _server_checks(session, result)
            if result.problems and not skip_invalid:
                raise AdminError(
                    f"{len(result.problems)} masalah di {path.name}; tidak ada yang diimpor "
                    "(perbaiki berkasnya, atau pakai --skip-invalid)",
                    f"{len(result.problems)} problems in {path.name}; nothing was imported "
                    f"(fix the file, or use --skip-invalid)\n{_problem_report(result)}",
                )
            _write(session, result, outcome, say)
    finally:
        engine.dispose()
    if result.rejected:
        outcome.reject_file = write_rejects(result, reject_path_for(path))
        outcome.rejected_rows = len(result.rejected)
    return outcome


def _write(session: Session, result: RegistryFile, outcome: ImportOutcome, say: Progress) -> None:
    now = protocol_now()
    households = result.households
    stored = _existing(session, "households", [h.record_id for h in households])
    member_ids = [m.record_id(h.no_kk) for h in households for m in h.members]
    stored_members = _existing(session, "members", member_ids)
    household_rows: list[dict[str, Any]] = []
    for h in households:
        touched, data = stored.get(h.record_id, (False, None))
        if touched:
            outcome.households_kept += 1
            continue
        created = data["created_at"] if data else now
        household_rows.append(_household_row(h, created, now))
    created_members = {rid: d["created_at"] for rid, (_dev, d) in stored_members.items()}
    member_rows: list[dict[str, Any]] = []
    for h in households:
        for row in _member_rows(h, created_members, now):
            touched, _data = stored_members.get(row["id"], (False, None))
            if touched:
                outcome.members_kept += 1
            else:
                member_rows.append(row)
    new = sum(1 for row in household_rows if row["id"] not in stored)
    say(f"menulis / writing {len(household_rows)} rumah tangga / households ...")
    written = write_server_records(
        session, "households", household_rows, actor="cli:households-import"
    )
    outcome.households_new = new
    outcome.households_updated = written - new
    outcome.households_unchanged = len(household_rows) - written
    say(f"menulis / writing {len(member_rows)} anggota / members ...")
    outcome.members_written = write_server_records(
        session, "members", member_rows, actor="cli:households-import"
    )
