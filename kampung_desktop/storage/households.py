"""Household and member persistence: one transaction writes the rows, the search index, the
outbox and the audit log together."""

from __future__ import annotations

from sqlalchemy import text
from sqlmodel import Session, select

from kampung_desktop.core.ids import new_id
from kampung_desktop.core.registry import HOUSEHOLD_FIELDS
from kampung_desktop.storage import search
from kampung_desktop.storage.changes import apply_update, record_change
from kampung_desktop.storage.models import Household, Member

MEMBER_FIELDS = (
    "nik",
    "name",
    "sex",
    "birth_place",
    "birth_date",
    "relationship",
    "marital_status",
    "education",
    "occupation",
    "position",
)


def save_household(
    session: Session,
    values: dict,
    members: list[dict],
    user_id: str | None,
    head_name: str,
) -> str:
    """Insert or update a household and reconcile its member list; returns the household id."""
    household_id = values.get("id")
    household = session.get(Household, household_id) if household_id else None
    row = {k: values[k] for k in HOUSEHOLD_FIELDS}
    row["head_name"] = head_name
    row["member_count"] = len(members)
    if household is None:
        household = Household(id=household_id or new_id(), **row)
        session.add(household)
        session.flush()
        record_change(session, "households", household, "insert", user_id, row)
    else:
        changed = apply_update(household, row)
        if changed:
            session.add(household)
            session.flush()
            record_change(session, "households", household, "update", user_id, changed)
    _save_members(session, household.id, members, user_id)
    session.flush()
    search.refresh(session, household.id)
    return household.id


def _save_members(session: Session, household_id: str, members: list[dict], user_id) -> None:
    existing = {
        m.id: m
        for m in session.exec(
            select(Member).where(Member.household_id == household_id, Member.deleted == False)  # noqa: E712
        )
    }
    for position, values in enumerate(members):
        row = {k: values.get(k) for k in MEMBER_FIELDS}
        row["position"] = position
        member = existing.pop(values.get("id") or "", None)
        if member is None:
            member = Member(id=values.get("id") or new_id(), household_id=household_id, **row)
            session.add(member)
            session.flush()
            record_change(session, "members", member, "insert", user_id, row)
        else:
            changed = apply_update(member, row)
            if changed:
                session.add(member)
                session.flush()
                record_change(session, "members", member, "update", user_id, changed)
    for member in existing.values():  # removed from the list: soft delete so sync can tell
        apply_update(member, {"deleted": True})
        session.add(member)
        session.flush()
        record_change(session, "members", member, "delete", user_id, ["deleted"])


def members_of(session: Session, household_id: str) -> list[Member]:
    return list(
        session.exec(
            select(Member)
            .where(Member.household_id == household_id, Member.deleted == False)  # noqa: E712
            .order_by(Member.position)
        )
    )


def households_with_nik(session: Session, nik: str, exclude_household: str | None) -> list[tuple]:
    """Other households that already list this NIK: (household id, kelurahan, rw, rt)."""
    rows = session.exec(
        text(
            "SELECT h.id, h.kelurahan_kode, h.rw, h.rt FROM members m "
            "JOIN households h ON h.id = m.household_id "
            "WHERE m.nik = :nik AND m.deleted = 0 AND h.deleted = 0 "
            "AND h.id IS NOT :exclude"
        ),
        params={"nik": nik, "exclude": exclude_household},
    )
    return [tuple(r) for r in rows]
