"""Audited actions and the admin's audit view: who viewed, changed, exported or printed which
record, when, from which device.

Record edits are audited by storage (in the edit's own transaction). This service records the
actions that change nothing (viewing a household, revealing a masked NIK or No. KK, exports,
prints, sign-ins, backups) and serves the admin's list, its CSV export and the chain check.
Entries carry record ids and field names only, never personal data.
"""

from __future__ import annotations

import csv
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from kampung_desktop.core import formats
from kampung_desktop.core.roles import Permission, allows
from kampung_desktop.services import sign_in_notes
from kampung_desktop.services.access import AccessSession, require
from kampung_desktop.storage import audit, failed_sign_ins
from kampung_desktop.storage.audit import AuditFilter, ChainCheck
from kampung_desktop.storage.database import Database
from kampung_desktop.storage.engine import database_path
from kampung_desktop.storage.errors import DatabaseUnavailable

if TYPE_CHECKING:
    from kampung_desktop.services.app import AppContext

log = logging.getLogger(__name__)

# Labels for the view (the stored action stays as written).
ACTION_LABELS = {
    "insert": ("buat", "create"),
    "update": ("ubah", "change"),
    "delete": ("hapus", "delete"),
    "registry_insert": ("impor: buat", "import: create"),
    "registry_update": ("impor: ubah", "import: change"),
    "decide": ("putuskan", "decide"),
    "decide_override": ("putuskan (pengecualian)", "decide (override)"),
    "revoke": ("cabut", "revoke"),
    audit.VIEW: ("lihat", "view"),
    audit.REVEAL: ("buka NIK/No. KK", "reveal NIK/KK no."),
    audit.EXPORT: ("ekspor", "export"),
    audit.PRINT: ("cetak", "print"),
    audit.SIGN_IN: ("masuk", "sign in"),
    audit.SIGN_IN_FAILED: ("gagal masuk", "failed sign-in"),
    audit.BACKUP: ("cadangkan", "backup"),
    audit.RESTORE: ("pulihkan", "restore"),
    "demo_seed": ("isi data demo", "demo seed"),
    "account_add": ("tambah akun", "add account"),
    "account_disable": ("nonaktifkan akun", "disable account"),
    "account_enable": ("aktifkan akun", "enable account"),
    "account_remove": ("hapus akun", "remove account"),
}

ENTITY_LABELS = {
    "households": ("rumah tangga", "household"),
    "members": ("anggota", "member"),
    "assessments": ("penilaian", "assessment"),
    "assessment_answers": ("jawaban penilaian", "assessment answer"),
    "award_decisions": ("keputusan penghargaan", "award decision"),
    "certificates": ("piagam", "certificate"),
    "summary_report": ("rekap penilaian", "summary report"),
    "account": ("akun", "account"),
    "audit_log": ("log audit", "audit log"),
    "wilayah": ("wilayah", "area"),
}

REVEAL = audit.REVEAL
BACKUP = audit.BACKUP
RESTORE = audit.RESTORE
EVERYTHING = AuditFilter()
VIEW_LIMIT = 5000  # the admin's list shows the newest entries; the export has them all
CSV_HEADER = ("seq", "at", "user_id", "username", "device_id", "action", "entity",
              "record_id", "fields", "prev_hash", "hash")  # fmt: skip


def action_label(action: str, lang: str | None = None) -> str:
    labels = ACTION_LABELS.get(action)
    if labels is None:
        return action
    return labels[1] if lang == "en" else labels[0]


def entity_label(entity: str, lang: str | None = None) -> str:
    labels = ENTITY_LABELS.get(entity)
    if labels is None:
        return entity
    return labels[1] if lang == "en" else labels[0]


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: str  # UTC ISO as stored
    username: str
    action: str
    entity: str
    record_id: str
    fields: str
    device_id: str

    def local_time(self, lang: str | None = None) -> str:
        return formats.iso_date_time(self.at, lang)


def day_range(first: date | None, last: date | None) -> tuple[str | None, str | None]:
    """Local calendar days (inclusive) as the UTC ISO bounds the log is stored in."""
    since = _utc_iso(datetime.combine(first, time.min)) if first else None
    until = _utc_iso(datetime.combine(last + timedelta(days=1), time.min)) if last else None
    return since, until


def _utc_iso(local_naive: datetime) -> str:
    moment = local_naive.astimezone(UTC)  # naive = the laptop's local time
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


class AuditService:
    """The audit log of one opened database, acting for one signed-in user.

    `access` is the signed-in session (None on an unprotected legacy dir): reading the log
    needs VIEW_AUDIT, revealing an identity number REVEAL_ID.
    """

    def __init__(
        self,
        db: Database,
        user_id: str | None,
        username: str | None = None,
        access: AccessSession | None = None,
    ) -> None:
        self.db = db
        self.user_id = user_id
        self.access = access
        self.username = username or (access.principal.username if access else None)

    @classmethod
    def for_context(cls, ctx: AppContext) -> AuditService:
        return cls(ctx.db, ctx.user_id, access=ctx.access)

    # -- writing ------------------------------------------------------------------------
    def record(self, action: str, entity: str, record_id: str, fields: Iterable[str] = ()) -> None:
        """One entry in its own transaction (an action that changes no record)."""
        with self.db.write() as session:
            audit.append(
                session,
                action,
                entity,
                record_id,
                list(fields),
                user_id=self.user_id,
                username=self.username,
            )
        log.info("audit: %s %s %s", action, entity, record_id)  # ids only, never values

    def record_many(
        self, action: str, entity: str, record_ids: Iterable[str], fields: Iterable[str] = ()
    ) -> None:
        """One entry per record, all in one transaction (a printed batch, a revealed household)."""
        text = json.dumps(list(fields))
        self._write(
            [
                audit.Pending(action, entity, rid, text, self.user_id, self.username)
                for rid in record_ids
            ]
        )

    def _write(self, entries: list[audit.Pending]) -> None:
        with self.db.write() as session:
            audit.append_many(audit.connection_of(session), entries)
        if entries:
            log.info("audit: %s x%d", entries[0].action, len(entries))

    def seeded_demo(self, households: int, members: int, assessments: int) -> None:
        """One summary entry for a demo seed (counts only: generated people stay out of the
        log); nothing when the run added nothing."""
        if not (households or members or assessments):
            return
        counts = {"households": households, "members": members, "assessments": assessments}
        with self.db.write() as session:
            audit.append(
                session,
                "demo_seed",
                "households",
                "demo",
                json.dumps(counts),
                user_id=self.user_id,
                username=self.username,
            )
        log.info("audit: demo seed: %d households", households)

    def revealed_household(
        self, household_id: str, member_ids: Iterable[str], with_kk: bool = True
    ) -> None:
        """A household's No. KK and its members' NIKs are about to be shown in full."""
        require(self.access, Permission.REVEAL_ID)
        pend = [audit.Pending(audit.REVEAL, "households", household_id, '["no_kk"]',
                              self.user_id, self.username)] if with_kk else []  # fmt: skip
        pend += [
            audit.Pending(audit.REVEAL, "members", m, '["nik"]', self.user_id, self.username)
            for m in member_ids
        ]
        self._write(pend)

    def signed_in(self) -> None:
        """The signed-in user opened the data: their entry, after the failed tries noted on
        disk before it (a failed try cannot be written when it happens: without the key the
        database of a protected dir stays closed). A try whose line does not verify (edited,
        moved, or this laptop's chain key is gone) is written marked `unverified`."""
        folder = self.db.path.parent  # the file is emptied after the commit
        with sign_in_notes.folding(folder) as attempts, self.db.write() as session:
            conn = audit.connection_of(session)
            todo = failed_sign_ins.not_folded(attempts, failed_sign_ins.folded_mark(conn))
            pend = [_failed_entry(a) for a in todo if a.kind == failed_sign_ins.FAILED]
            pend.append(
                audit.Pending(audit.SIGN_IN, "account", self.username or "-", "[]",
                              self.user_id, self.username)
            )  # fmt: skip
            audit.append_many(conn, pend)
            if attempts:  # in the same transaction: a crash never folds a line twice
                failed_sign_ins.set_folded_mark(conn, attempts[-1].ident)
        log.info("audit: sign_in after %d failed tries", len(pend) - 1)

    def failed_since_last_visit(self) -> int:
        """Failed sign-ins since this (admin) user's previous sign-in, for the notice shown to
        them; 0 for a role that may not read the audit log."""
        if self.access is not None and not allows(self.access.principal.role,
                                                  Permission.VIEW_AUDIT):  # fmt: skip
            return 0
        with self.db.raw() as conn:
            return failed_sign_ins.failures_since_last_visit(conn, self.username or "")

    def opened_for_edit(self, household_id: str, with_kk: bool) -> None:
        """The edit form shows the household in full: a view, and its No. KK revealed."""
        pend = [audit.Pending(audit.VIEW, "households", household_id, '["edit_form"]',
                              self.user_id, self.username)]  # fmt: skip
        if with_kk:
            pend.append(audit.Pending(audit.REVEAL, "households", household_id, '["no_kk"]',
                                      self.user_id, self.username))  # fmt: skip
        self._write(pend)

    def viewed_household(self, household_id: str) -> None:
        self.record(audit.VIEW, "households", household_id)

    def revealed(self, entity: str, record_id: str, field: str) -> None:
        """A masked NIK (members) or No. KK (households) is about to be shown in full."""
        require(self.access, Permission.REVEAL_ID)
        self.record(audit.REVEAL, entity, record_id, [field])

    def exported(self, entity: str, record_id: str, fields: Iterable[str] = ()) -> None:
        """`record_id` names what was exported (a report's program/year/kelurahan)."""
        self.record(audit.EXPORT, entity, record_id, fields)

    def printed(self, entity: str, record_id: str, fields: Iterable[str] = ()) -> None:
        self.record(audit.PRINT, entity, record_id, fields)

    # -- reading (admin) ----------------------------------------------------------------
    def entries(self, flt: AuditFilter = EVERYTHING, limit: int = VIEW_LIMIT) -> list[AuditRow]:
        require(self.access, Permission.VIEW_AUDIT)
        with self.db.raw() as conn:
            rows = audit.entries(conn, flt, limit)
        return [_row(r) for r in rows]

    def choices(self) -> tuple[list[str], list[str]]:
        """(usernames, actions) present in the log, for the filters."""
        require(self.access, Permission.VIEW_AUDIT)
        with self.db.raw() as conn:
            return audit.distinct(conn, "username"), audit.distinct(conn, "action")

    def export_csv(self, path: Path, flt: AuditFilter = EVERYTHING) -> int:
        """Write the matching entries (oldest first, with their hashes) as CSV; returns count.

        Written to a temporary file first, so a failed export never leaves half a file.
        """
        require(self.access, Permission.VIEW_AUDIT)
        path = Path(path)
        tmp = path.with_name(path.name + ".tmp")
        count = 0
        with self.db.raw() as conn, open(tmp, "w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(CSV_HEADER)
            for row in audit.iter_entries(conn, flt):
                writer.writerow(row)
                count += 1
        tmp.replace(path)
        self.record(audit.EXPORT, "audit_log", f"{count} entries")
        return count

    def verify(self) -> ChainCheck:
        require(self.access, Permission.VIEW_AUDIT)
        with self.db.raw() as conn:
            return audit.verify_chain(conn)


def _failed_entry(attempt: failed_sign_ins.Attempt) -> audit.Pending:
    fields: dict[str, object] = {"attempted_at": attempt.at}
    if not attempt.verified:
        fields["unverified"] = True
    return audit.Pending(audit.SIGN_IN_FAILED, "account", attempt.account, json.dumps(fields))


def _row(r: tuple) -> AuditRow:
    seq, at, _uid, username, device, action, entity, record_id, fields, _prev, _hash = r
    return AuditRow(seq, at, username or "", action, entity, record_id, fields, device or "")


def verify_data_dir(data_dir: Path, key: bytes | None = None) -> ChainCheck:
    """`kampung db verify-audit`: open (and migrate) the dir's database and walk the chain.

    A dir without a database is reported, never created."""
    if not database_path(Path(data_dir)).is_file():
        raise DatabaseUnavailable("missing", Path(data_dir))
    db = Database.open(data_dir, key=key) if key is not None else Database.open(data_dir)
    try:
        with db.raw() as conn:
            return audit.verify_chain(conn)
    finally:
        db.close()


def record_in_dir(
    data_dir: Path,
    session: AccessSession | None,
    action: str,
    entity: str,
    record_id: str,
) -> None:
    """An entry for an action on a whole data dir (a backup taken, a restore done), written
    through its own short-lived connection (the dir's key for a protected one)."""
    from kampung_desktop.services.app import USER_SETTING, get_setting

    key = session.db_key if session is not None else None
    db = Database.open(Path(data_dir), key=key) if key is not None else Database.open(data_dir)
    try:
        user_id = (
            session.principal.user_id if session is not None else get_setting(db, USER_SETTING)
        )
        AuditService(db, user_id, access=session).record(action, entity, record_id)
    finally:
        db.close()


def describe(check: ChainCheck) -> str:
    """The CLI's one line: `ok: N entries` or `broken at entry #seq: <reason>`."""
    if check.ok:
        return f"ok: {check.entries} entries"
    return f"broken at entry #{check.broken_seq}: {check.reason}"
