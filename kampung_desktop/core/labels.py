"""What codes stored in records are called, in Bahasa Indonesia and English.

One map per kind of code, shared by every path that shows one to a person: the review window
and reports (assessment states, program titles), the sync conflict resolver (field names), and
the server's messages to laptops (record kinds, roles, states), which cannot use Qt's
translations. Each map is code -> (Bahasa Indonesia, English).
"""

from __future__ import annotations

from kampung_desktop.core.registry import FIELD_LABELS

Pair = tuple[str, str]

#: Award programmes: their own names, the same in both languages.
PROGRAM_TITLES = {"bantar": "Kampung Bantar", "ksm": "KSM / WKSBM", "kotaku": "Kotaku (kumuh)"}
STATE_LABELS: dict[str, Pair] = {
    "draft": ("Draf", "Draft"),
    "finalized": ("Final", "Finalized"),
    "submitted": ("Terkirim", "Submitted"),
    "approved": ("Disetujui", "Approved"),
    "returned": ("Dikembalikan", "Returned"),
}
ROLE_LABELS: dict[str, Pair] = {
    "enumerator": ("petugas pendata", "enumerator"),
    "operator": ("pemeriksa kelurahan", "kelurahan reviewer"),
    "admin": ("admin kota", "city admin"),
}
#: Kinds of synced records, as a sentence names them.
KIND_LABELS: dict[str, Pair] = {
    "households": ("rumah tangga", "household"),
    "members": ("anggota keluarga", "household member"),
    "assessments": ("penilaian", "assessment"),
    "assessment_answers": ("jawaban penilaian", "assessment answer"),
    "award_decisions": ("keputusan penghargaan", "award decision"),
    "certificates": ("piagam", "certificate"),
    "wilayah": ("wilayah", "area"),
    "form_versions": ("formulir", "form"),
    "conflicts": ("konflik", "conflict"),
}
#: Fields of synced records beyond the registry's own (`core.registry.FIELD_LABELS`).
RECORD_FIELD_LABELS: dict[str, dict[str, Pair]] = {
    "households": {
        "no_kk": ("No. KK", "Family card no."),
        "head_name": ("Kepala keluarga", "Head of family"),
        "member_count": ("Jumlah anggota", "Members"),
        "status": ("Status rumah tangga", "Household status"),
        "latitude": ("Lintang", "Latitude"),
        "longitude": ("Bujur", "Longitude"),
        "deleted": ("Dihapus", "Deleted"),
    },
    "members": {
        "nik": ("NIK", "NIK"),
        "birth_place": ("Tempat lahir", "Place of birth"),
        "marital_status": ("Status kawin", "Marital status"),
        "education": ("Pendidikan tertinggi", "Highest education"),
        "occupation": ("Lapangan usaha", "Field of work"),
        "position": ("Urutan", "Order"),
        "household_id": ("Rumah tangga", "Household"),
        "deleted": ("Dihapus", "Deleted"),
    },
    "assessments": {
        "state": ("Status penilaian", "Assessment state"),
        "review_note": ("Catatan pemeriksa", "Reviewer's note"),
        "form_id": ("Formulir", "Form"),
        "form_version": ("Versi formulir", "Form version"),
        "finalized_at": ("Waktu final", "Finalized at"),
        "current_page": ("Halaman terakhir", "Last page"),
        "household_id": ("Rumah tangga", "Household"),
        "created_by": ("Dibuat oleh", "Created by"),
        "deleted": ("Dihapus", "Deleted"),
    },
    "assessment_answers": {"value": ("Jawaban", "Answer")},
    "award_decisions": {
        "program": ("Program", "Programme"),
        "year": ("Tahun", "Year"),
        "category": ("Kategori", "Category"),
        "score": ("Nilai", "Score"),
        "level": ("Tingkat", "Level"),
        "decided_by": ("Diputuskan oleh", "Decided by"),
        "decided_at": ("Tanggal keputusan", "Decided on"),
        "revoked_at": ("Dicabut pada", "Revoked on"),
        "revoked_by": ("Dicabut oleh", "Revoked by"),
        "revoke_reason": ("Alasan pencabutan", "Reason for revoking"),
    },
    "certificates": {
        "number": ("Nomor piagam", "Certificate number"),
        "issued_at": ("Diterbitkan pada", "Issued on"),
        "revoked_at": ("Dicabut pada", "Revoked on"),
        "revoke_reason": ("Alasan pencabutan", "Reason for revoking"),
        "digest": ("Sidik isi", "Content digest"),
        "content": ("Isi piagam", "Certificate text"),
    },
}


def pick(pair: Pair, lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def field_pair(table: str, field: str) -> Pair:
    """(id, en) label of a field of a synced record; the field's own name when unknown."""
    return (
        RECORD_FIELD_LABELS.get(table, {}).get(field) or FIELD_LABELS.get(field) or (field, field)
    )


def any_field_pair(field: str) -> Pair:
    """A field's label when its record kind is not known (the first kind that has it)."""
    for fields in RECORD_FIELD_LABELS.values():
        if field in fields:
            return fields[field]
    return FIELD_LABELS.get(field) or (field, field)


def state_pair(state: str) -> Pair:
    return STATE_LABELS.get(state, (state, state))


def role_pair(role: str) -> Pair:
    return ROLE_LABELS.get(role, (role, role))


def kind_pair(table: str) -> Pair:
    return KIND_LABELS.get(table, (table, table))
