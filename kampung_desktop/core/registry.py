"""Rules for a household and its members before they may be saved.

Validation returns field name → problems, so a dialog can put each message next to its field.
Blocking problems stop the save; warnings (a NIK that disagrees with the entered birth date)
are shown but do not.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date

from kampung_desktop.core import codes, geo, kk, nik, wilayah
from kampung_desktop.core.messages import Problem

FieldProblems = dict[str, list[Problem]]


@dataclass
class MemberInput:
    name: str
    sex: str
    relationship: str
    nik: str = ""
    birth_place: str = ""
    birth_date: date | None = None
    marital_status: str = ""
    education: str = ""
    occupation: str = ""
    id: str | None = None  # set when editing an existing member


@dataclass
class HouseholdInput:
    kelurahan_kode: str
    rw: int | None
    rt: int | None
    address: str
    no_kk: str = ""
    status: str = "aktif"
    latitude: float | None = None
    longitude: float | None = None
    members: list[MemberInput] = field(default_factory=list)
    id: str | None = None


#: A household's own fields that a clerk edits, in form order: what a save writes and what the
#: household dialog shows and checks.
HOUSEHOLD_FIELDS = tuple(f.name for f in fields(HouseholdInput) if f.name not in ("members", "id"))

_LABELS = {
    "name": ("Nama", "Name"),
    "address": ("Alamat", "Address"),
    "relationship": ("Hubungan dengan kepala keluarga", "Relationship to head"),
    "sex": ("Jenis kelamin", "Sex"),
    "kelurahan_kode": ("Kelurahan", "Kelurahan"),
    "rw": ("RW", "RW"),
    "rt": ("RT", "RT"),
    "birth_date": ("Tanggal lahir", "Birth date"),
}
#: Field -> (Bahasa Indonesia, English) label, for messages and the sync conflict resolver.
FIELD_LABELS = _LABELS


def _required(name: str) -> Problem:
    return Problem("field.required", {"field": _LABELS[name]})


def member_problems(member: MemberInput, today: date | None = None) -> FieldProblems:
    today = today or date.today()
    found: FieldProblems = {}
    if not member.name.strip():
        found["name"] = [_required("name")]
    if member.sex not in codes.SEX:
        found["sex"] = [_required("sex")]
    if member.relationship not in codes.RELATIONSHIP:
        found["relationship"] = [_required("relationship")]
    if member.birth_date and member.birth_date > today:
        found["birth_date"] = [Problem("field.date_future", {"field": _LABELS["birth_date"]})]
    if member.nik.strip():
        nik_found = nik.problems(member.nik, today)
        nik_found += nik.cross_check(member.nik, member.sex, member.birth_date, today)
        if nik_found:
            found["nik"] = nik_found
    return found


def household_problems(household: HouseholdInput) -> FieldProblems:
    found: FieldProblems = {}
    if not wilayah.is_valid_code(household.kelurahan_kode) or (
        wilayah.level_of(household.kelurahan_kode) != wilayah.Level.KELURAHAN
    ):
        found["kelurahan_kode"] = [_required("kelurahan_kode")]
    for unit in ("rw", "rt"):
        number = getattr(household, unit)
        if number is None:
            found[unit] = [_required(unit)]
        elif not 1 <= number <= 999:
            found[unit] = [Problem("rtrw.range", {"unit": unit.upper()})]
    if not household.address.strip():
        found["address"] = [_required("address")]
    if household.no_kk.strip():
        kk_found = kk.problems(household.no_kk)
        if kk_found:
            found["no_kk"] = kk_found
    found |= geo.household_problems(household.latitude, household.longitude)
    return found


def blocking(found: FieldProblems) -> FieldProblems:
    """Only the problems that must stop a save (warnings removed)."""
    kept = {k: [p for p in v if not p.warning] for k, v in found.items()}
    return {k: v for k, v in kept.items() if v}


def head_of(members: list[MemberInput]) -> MemberInput | None:
    return next((m for m in members if m.relationship == codes.HEAD), None)
