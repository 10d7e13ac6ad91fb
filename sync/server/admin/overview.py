"""The numbers behind the city's overview page, computed in SQL (GROUP BY over `records`).

Counts are grouped by kelurahan in the database, so the page stays quick with millions of
records; only the small per-kelurahan totals come back to Python. A scope (kelurahan codes)
limits everything to an operator's area; None means the whole city.

"Verified" households are those whose current version came from a device in the field (collected
or confirmed by an enumerator), as opposed to rows only imported from the city's registry.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from kampung_sync.server.tables import Device, Record, StoredReceipt, User
from sqlalchemy import and_, case, exists, func, select
from sqlalchemy.orm import Session, aliased

from kampung_desktop.core import wilayah

ASSESSMENT_STATES = ("draft", "finalized", "submitted", "returned", "approved")
_R = Record.__table__.c


@dataclass
class AreaRow:
    kode: str
    nama: str
    households: int = 0
    verified: int = 0
    assessments: dict[str, int] = field(default_factory=dict)
    awards: int = 0
    awards_revoked: int = 0
    certificates: int = 0
    certificates_revoked: int = 0

    def add(self, other: AreaRow) -> None:
        self.households += other.households
        self.verified += other.verified
        for state, count in other.assessments.items():
            self.assessments[state] = self.assessments.get(state, 0) + count
        self.awards += other.awards
        self.awards_revoked += other.awards_revoked
        self.certificates += other.certificates
        self.certificates_revoked += other.certificates_revoked


@dataclass
class KecamatanGroup:
    total: AreaRow
    kelurahan: list[AreaRow]


@dataclass(frozen=True)
class DeviceRow:
    device_code: str
    name: str
    username: str
    role: str
    enrolled_at: str
    last_sync_at: str | None
    revoked: bool
    pending_rejections: int


def _scoped(query, scope: Sequence[str] | None):  # type: ignore[no-untyped-def]
    return query if scope is None else query.where(_R.kelurahan_kode.in_(list(scope)))


def _names(session: Session, codes: set[str]) -> dict[str, str]:
    if not codes:
        return {}
    rows = session.execute(
        select(_R.record_id, _R.data["nama"].as_string()).where(
            _R.table_name == "wilayah", _R.record_id.in_(sorted(codes))
        )
    )
    return {kode: nama or kode for kode, nama in rows}


def _add_quiet_kelurahan(session: Session, rows: dict[str, AreaRow]) -> None:
    """Kelurahan with no data yet in a kecamatan that has some: the city sees who lags."""
    kecamatan = sorted({wilayah.parent_of(k) or k for k in rows})
    for start in range(0, len(kecamatan), 500):
        parents = kecamatan[start : start + 500]
        found = session.execute(
            select(_R.record_id).where(
                _R.table_name == "wilayah",
                _R.deleted.is_(False),
                _R.data["parent_kode"].as_string().in_(parents),
            )
        ).scalars()
        for kode in found:
            if wilayah.is_valid_code(kode) and wilayah.level_of(kode) == wilayah.Level.KELURAHAN:
                rows.setdefault(kode, AreaRow(kode, kode))


def areas(session: Session, scope: Sequence[str] | None = None) -> list[KecamatanGroup]:
    """Per kecamatan (with its kelurahan), the counts the overview page shows."""
    rows: dict[str, AreaRow] = {}

    def row(kode: str) -> AreaRow:
        return rows.setdefault(kode, AreaRow(kode, kode))

    live = _R.deleted.is_(False)
    counted = select(
        _R.kelurahan_kode,
        _R.table_name,
        func.count(),
        func.sum(case((_R.device_id.is_not(None), 1), else_=0)),
        func.sum(case((_R.data["revoked_at"].as_string().is_not(None), 1), else_=0)),
    ).where(
        live,
        _R.kelurahan_kode.is_not(None),
        _R.table_name.in_(["households", "award_decisions", "certificates"]),
    )
    counted = _scoped(counted, scope).group_by(_R.kelurahan_kode, _R.table_name)
    for kode, table, count, from_device, revoked in session.execute(counted):
        target = row(kode)
        if table == "households":
            target.households, target.verified = count, int(from_device or 0)
        elif table == "award_decisions":
            target.awards, target.awards_revoked = count, int(revoked or 0)
        else:
            target.certificates, target.certificates_revoked = count, int(revoked or 0)
    state = _R.data["state"].as_string()
    by_state = select(_R.kelurahan_kode, state, func.count()).where(
        live, _R.table_name == "assessments", _R.kelurahan_kode.is_not(None)
    )
    for kode, name, count in session.execute(
        _scoped(by_state, scope).group_by(_R.kelurahan_kode, state)
    ):
        row(kode).assessments[name or "draft"] = count
    if scope is None:
        _add_quiet_kelurahan(session, rows)
    for kode in scope or ():
        row(kode)
    kecamatan_codes = {wilayah.parent_of(k) or k for k in rows}
    names = _names(session, set(rows) | kecamatan_codes)
    groups: dict[str, KecamatanGroup] = {}
    for kode in sorted(rows):
        area = rows[kode]
        area.nama = names.get(kode, kode)
        parent = wilayah.parent_of(kode) or kode
        group = groups.get(parent)
        if group is None:
            group = groups[parent] = KecamatanGroup(AreaRow(parent, names.get(parent, parent)), [])
        group.kelurahan.append(area)
        group.total.add(area)
    return [groups[k] for k in sorted(groups)]


def devices(session: Session, scope: Sequence[str] | None = None) -> list[DeviceRow]:
    """Every device (an operator sees those of users sharing a kelurahan), newest sync first."""
    later = aliased(StoredReceipt)
    rejected = StoredReceipt.__table__.c
    fixed_later = exists().where(
        and_(
            later.device_id == rejected.device_id,
            later.table_name == rejected.table_name,
            later.record_id == rejected.record_id,
            later.status.in_(["accepted", "duplicate"]),
            later.created_at >= rejected.created_at,
        )
    )
    pending = dict(
        session.execute(
            select(rejected.device_id, func.count(func.distinct(rejected.record_id)))
            .where(rejected.status == "rejected", ~fixed_later)
            .group_by(rejected.device_id)
        ).all()
    )
    wanted = set(scope) if scope is not None else None
    result: list[DeviceRow] = []
    for device, user in session.execute(select(Device, User).join(User, User.id == Device.user_id)):
        if wanted is not None and not wanted.intersection(user.scope or ()):
            continue
        times = [t for t in (device.last_push_at, device.last_pull_at) if t]
        result.append(
            DeviceRow(
                device_code=device.device_code,
                name=device.name,
                username=user.username,
                role=user.role,
                enrolled_at=device.enrolled_at,
                last_sync_at=max(times) if times else None,
                revoked=device.revoked_at is not None,
                pending_rejections=int(pending.get(device.id, 0)),
            )
        )
    result.sort(key=lambda d: (d.last_sync_at or "", d.device_code), reverse=True)
    return result
