"""Starting answers for a new assessment: the area, and the registry's household and members.

Only fields the form has are filled, and a coded value only when it is one of the field's
choices, so any form (or a new version with renamed fields) gets what fits and no more. The
names follow the shipped household form (Regsosek/DTSEN Blok I and IV).
"""

from __future__ import annotations

from typing import Any

from kampung_desktop.core.registry import HouseholdInput
from kampung_desktop.survey import Form

#: The repeat that receives the registry's household members.
MEMBER_REPEAT = "members"
_SEX_CODES = {"L": ("1", "L"), "P": ("2", "P")}


def prefill(
    form: Form,
    kelurahan_kode: str,
    rw: int | None,
    rt: int | None,
    household: HouseholdInput | None = None,
) -> dict[str, Any]:
    """Starting answers: the area, and from the registry the household and its members.

    Only fields the form has are filled, and a coded value only when it is one of the field's
    choices, so any form (or a new version with renamed fields) gets what fits and no more.
    """
    values: dict[str, Any] = {}
    top = {"kelurahan_code": kelurahan_kode, "rw": rw, "rt": rt}
    if household is not None:
        head = next((m for m in household.members if m.relationship == "1"), None)
        coords = (
            f"{household.latitude} {household.longitude}"
            if household.latitude is not None and household.longitude is not None
            else None
        )
        top |= {
            "alamat": household.address,
            "no_kk": household.no_kk,
            "nama_kepala_keluarga": head.name if head else None,
            "jumlah_anggota": len(household.members) or None,
            "koordinat": coords,
        }
    for name, value in top.items():
        _put(form, values, name, value, ())
    repeat = form.nodes.get(MEMBER_REPEAT)
    roster = (
        household is not None
        and household.members
        and repeat is not None
        and repeat.is_repeat
        and repeat.repeat_count is None
        and len(repeat.chain) == 1
    )
    if roster:
        entries = []
        for member in household.members:  # type: ignore[union-attr]
            entry: dict[str, Any] = {}
            for name, value in _member_values(member).items():
                _put(form, entry, name, value, repeat.chain)  # type: ignore[union-attr]
            entries.append(entry)
        values[MEMBER_REPEAT] = entries
    return values


def _member_values(member: Any) -> dict[str, Any]:
    sex = _SEX_CODES.get(member.sex, (None, None))
    return {
        "nama": member.name,
        "nik": member.nik,
        "jenis_kelamin": sex,
        "tanggal_lahir": member.birth_date.isoformat() if member.birth_date else None,
        "tempat_lahir": member.birth_place,
        "hubungan": member.relationship,
        "status_kawin": member.marital_status,
        "jenjang_pendidikan": member.education,
        "lapangan_usaha": member.occupation,
    }


def _put(form: Form, out: dict[str, Any], name: str, value: Any, chain: tuple) -> None:
    """Set `out[name]` when the form has that question in that scope and the value fits it.

    A tuple value lists alternative codes (sex is 1/2 in Regsosek forms, L/P in others).
    """
    node = form.nodes.get(name)
    if node is None or not node.is_question or node.computed or node.chain != chain:
        return
    candidates = value if isinstance(value, tuple) else (value,)
    for candidate in candidates:
        if candidate is None or candidate == "":
            continue
        if node.is_select:
            if node.choice(str(candidate)) is None:
                continue
            candidate = str(candidate)
        elif node.type == "integer" and isinstance(candidate, str) and not candidate.isdigit():
            continue
        out[name] = candidate
        return
