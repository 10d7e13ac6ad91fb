"""The household dialog's problem summary: each problem as 'Field: message' in form order, and
how many fields still need fixing (the banner above its buttons).

The strings keep the dialog's translation context ("HouseholdDialog"), so moving them here
changed nothing for translators.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from kampung_desktop.core import registry
from kampung_desktop.ui.member_table import MemberRow
from kampung_desktop.ui.qt import QT_TRANSLATE_NOOP, QCoreApplication
from kampung_desktop.ui.widgets_validation import FieldMessage, is_blocking

_CAPTIONS = {
    "kelurahan_kode": QT_TRANSLATE_NOOP("HouseholdDialog", "Kelurahan"),
    "rw": QT_TRANSLATE_NOOP("HouseholdDialog", "RW"),
    "rt": QT_TRANSLATE_NOOP("HouseholdDialog", "RT"),
    "address": QT_TRANSLATE_NOOP("HouseholdDialog", "Alamat"),
    "no_kk": QT_TRANSLATE_NOOP("HouseholdDialog", "No. KK"),
    "status": QT_TRANSLATE_NOOP("HouseholdDialog", "Status"),
    "latitude": QT_TRANSLATE_NOOP("HouseholdDialog", "Lintang"),
    "longitude": QT_TRANSLATE_NOOP("HouseholdDialog", "Bujur"),
    "name": QT_TRANSLATE_NOOP("HouseholdDialog", "Nama"),
    "nik": QT_TRANSLATE_NOOP("HouseholdDialog", "NIK"),
    "sex": QT_TRANSLATE_NOOP("HouseholdDialog", "Jenis kelamin"),
    "birth_place": QT_TRANSLATE_NOOP("HouseholdDialog", "Tempat lahir"),
    "birth_date": QT_TRANSLATE_NOOP("HouseholdDialog", "Tanggal lahir"),
    "relationship": QT_TRANSLATE_NOOP("HouseholdDialog", "Hubungan"),
    "marital_status": QT_TRANSLATE_NOOP("HouseholdDialog", "Status perkawinan"),
    "education": QT_TRANSLATE_NOOP("HouseholdDialog", "Pendidikan"),
    "occupation": QT_TRANSLATE_NOOP("HouseholdDialog", "Lapangan usaha"),
}


def caption(name: str) -> str:
    """A field's caption in the UI language (its key when it has none)."""
    text = _CAPTIONS.get(name)
    return QCoreApplication.translate("HouseholdDialog", text) if text else name


def problem_lines(
    messages: Mapping[str, FieldMessage],
    rows: Iterable[MemberRow],
    other: list[Any],
    lang: str,
    blocking: bool = True,
) -> list[str]:
    """'Field: message' for each blocking problem (or each warning), in form order."""
    lines = []
    for name in registry.HOUSEHOLD_FIELDS:
        for p in messages[name].problems:
            if p.warning != blocking:
                lines.append(f"{caption(name)}: {p.text(lang)}")
    for i, row in enumerate(rows):
        who = QCoreApplication.translate("HouseholdDialog", "Anggota no. %1").replace(
            "%1", str(i + 1)
        )
        if row.member.name:
            who += f" ({row.member.name})"
        for name, found in row.problems.items():
            for p in found:
                if p.warning != blocking:
                    lines.append(f"{who} – {caption(name)}: {p.text(lang)}")
    return lines + [p.text(lang) for p in other if p.warning != blocking]


def blocking_count(
    messages: Mapping[str, FieldMessage], rows: Iterable[MemberRow], other: list[Any]
) -> int:
    """How many fields (household fields and member fields) still need fixing."""
    count = sum(1 for m in messages.values() if m.blocking)
    count += sum(1 for row in rows for v in row.problems.values() if is_blocking(v))
    return count + (1 if is_blocking(other) else 0)
