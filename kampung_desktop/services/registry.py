"""Household register use cases: validate, check NIK duplicates, save in one transaction."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from kampung_desktop.core import codes, geo, nik, registry
from kampung_desktop.core.messages import Problem
from kampung_desktop.core.roles import Permission, in_scope
from kampung_desktop.core.wilayah import RtRw
from kampung_desktop.services import wilayah
from kampung_desktop.services.audit import REVEAL, AuditService
from kampung_desktop.storage import household_list as listing
from kampung_desktop.storage import households as repo
from kampung_desktop.storage import wilayah_records
from kampung_desktop.storage.changes import pending_count
from kampung_desktop.storage.database import Database
from kampung_desktop.storage.errors import ValidationFailed
from kampung_desktop.storage.models import Household


@dataclass
class SaveResult:
    household_id: str
    warnings: registry.FieldProblems


@dataclass
class HouseholdDetail:
    household: Household
    members: list
    kelurahan_nama: str


class RegistryService:
    def __init__(self, db: Database, user_id: str | None, access: Any = None) -> None:
        """`access`: the signed-in AccessSession; saving needs EDIT_REGISTRY in its kelurahan
        scope, and a household outside the scope reads as not found (None: no session)."""
        self.db = db
        self.user_id = user_id
        self.access = access

    def _in_scope(self, kelurahan_kode: str) -> bool:
        scope = self.access.principal.scope if self.access is not None else ()
        return not scope or in_scope(scope, kelurahan_kode)

    # -- validation ---------------------------------------------------------------------
    def check(self, draft: registry.HouseholdInput, today: date | None = None) -> dict:
        """All problems of a draft, keyed 'household.<field>' or 'members.<i>.<field>'."""
        found: dict[str, list[Problem]] = {
            f"household.{k}": v for k, v in registry.household_problems(draft).items()
        }
        for i, member in enumerate(draft.members):
            for key, problems in registry.member_problems(member, today).items():
                found[f"members.{i}.{key}"] = problems
        self._check_niks(draft, found)
        with self.db.read() as session:
            kel = wilayah_records.by_kode(session, draft.kelurahan_kode)
        if kel is None and "household.kelurahan_kode" not in found:
            found["household.kelurahan_kode"] = [Problem("field.required", {"field": "Kelurahan"})]
        return found

    def _check_niks(self, draft: registry.HouseholdInput, found: dict) -> None:
        seen: dict[str, int] = {}
        with self.db.read() as session:
            for i, member in enumerate(draft.members):
                value = nik.clean(member.nik)
                if (
                    not value
                    or f"members.{i}.nik" in found
                    and not all(p.warning for p in found[f"members.{i}.nik"])
                ):
                    continue
                if value in seen:
                    found.setdefault(f"members.{i}.nik", []).append(
                        Problem("nik.duplicate_here", {"n": seen[value] + 1})
                    )
                    continue
                seen[value] = i
                for _hid, kel, rw, rt in repo.households_with_nik(session, value, draft.id):
                    where = f"{self._kelurahan_name(session, kel)}, {RtRw(rw=rw, rt=rt)}"
                    found.setdefault(f"members.{i}.nik", []).append(
                        Problem("nik.duplicate", {"where": where})
                    )

    @staticmethod
    def _kelurahan_name(session, kode: str) -> str:
        row = wilayah_records.by_kode(session, kode)
        return f"Kel. {row.nama}" if row else kode

    # -- writes -------------------------------------------------------------------------
    def save(self, draft: registry.HouseholdInput, today: date | None = None) -> SaveResult:
        """Save a household with its members; raises ValidationFailed and saves nothing."""
        if self.access is not None:
            from kampung_desktop.services.access import require

            require(self.access, Permission.EDIT_REGISTRY, draft.kelurahan_kode)
        found = self.check(draft, today)
        blocking = registry.blocking(found)
        if blocking:
            raise ValidationFailed(blocking)
        head = registry.head_of(draft.members)
        values = asdict(draft)
        values["no_kk"] = nik.clean(draft.no_kk) or None
        values["latitude"] = geo.rounded(draft.latitude)
        values["longitude"] = geo.rounded(draft.longitude)
        members = []
        for member in draft.members:
            row = asdict(member)
            row["nik"] = nik.clean(member.nik) or None
            row["birth_date"] = member.birth_date.isoformat() if member.birth_date else None
            members.append(row)
        with self.db.write() as session:
            household_id = repo.save_household(
                session, values, members, self.user_id, head.name if head else ""
            )
        warnings = {k: v for k, v in found.items() if all(p.warning for p in v)}
        return SaveResult(household_id, warnings)

    # -- reads --------------------------------------------------------------------------
    def detail(self, household_id: str) -> HouseholdDetail | None:
        with self.db.read() as session:
            household = session.get(Household, household_id)
            if household is None or household.deleted:
                return None
            if not self._in_scope(household.kelurahan_kode):
                return None  # another kelurahan's household: not this account's to see
            members = repo.members_of(session, household_id)
            return HouseholdDetail(
                household, members, self._kelurahan_name(session, household.kelurahan_kode)
            )

    def draft_of(self, household_id: str) -> registry.HouseholdInput | None:
        """An editable copy of a saved household (for the edit form: audited as a view, and a
        reveal of its No. KK, which the form shows in full)."""
        found = self.detail(household_id)
        if found is None:
            return None
        h = found.household
        AuditService(self.db, self.user_id).opened_for_edit(h.id, bool(h.no_kk))
        return registry.HouseholdInput(
            id=h.id,
            kelurahan_kode=h.kelurahan_kode,
            rw=h.rw,
            rt=h.rt,
            address=h.address,
            no_kk=h.no_kk or "",
            status=h.status,
            latitude=h.latitude,
            longitude=h.longitude,
            members=[
                registry.MemberInput(
                    id=m.id,
                    name=m.name,
                    sex=m.sex,
                    relationship=m.relationship,
                    nik=m.nik or "",
                    birth_place=m.birth_place,
                    birth_date=date.fromisoformat(m.birth_date) if m.birth_date else None,
                    marital_status=m.marital_status,
                    education=m.education,
                    occupation=m.occupation,
                )
                for m in found.members
            ],
        )

    def search(self, query: str, limit: int = 200) -> list[listing.ListRow]:
        with self.db.raw() as conn:
            return listing.rows_for(conn, listing.ordered_rowids(conn, query=query, limit=limit))

    def kelurahan_names(self) -> list[tuple[str, str, str, str]]:
        """(kode, kelurahan, kecamatan, kab/kota) of every kelurahan, for the household form."""
        return wilayah.kelurahan_names(self.db)

    def reveal_members(self, member_ids: list[str]) -> None:
        """Saved members' NIKs are about to be shown in full (member table, member editor)."""
        AuditService(self.db, self.user_id).record_many(REVEAL, "members", member_ids, ["nik"])

    def pending_changes(self) -> int:
        with self.db.read() as session:
            return pending_count(session)


def relationship_label(code: str, lang: str = "id") -> str:
    return codes.label(codes.RELATIONSHIP, code, lang)
