"""Wilayah rows as ORM records, for the services that write them or hand them on (the
plain-connection reads for the tree and pickers are in `storage.areas`)."""

from __future__ import annotations

from sqlmodel import Session, select

from kampung_desktop.storage.models import Wilayah


def by_kode(session: Session, kode: str) -> Wilayah | None:
    return session.exec(select(Wilayah).where(Wilayah.kode == kode)).first()


def all_by_kode(session: Session) -> dict[str, Wilayah]:
    """Every wilayah row, by code (an import checks parents and names against them)."""
    return {w.kode: w for w in session.exec(select(Wilayah))}
