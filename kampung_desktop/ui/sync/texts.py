"""Words the sync views share: record kinds, states, phases, receipt statuses, times and sizes.

All of them go through `QCoreApplication.translate("SyncTexts", ...)`, so they follow the
language switch like every other string; the service's own messages arrive bilingual ("id / en")
or as an Indonesian/English pair and are picked here by the current UI language.
"""

from __future__ import annotations

from kampung_desktop.core import formats
from kampung_desktop.ui import i18n
from kampung_desktop.ui.qt import QCoreApplication

translate = QCoreApplication.translate  # with its context spelled out, so lupdate finds each


def kind_name(table: str) -> str:
    """The user's name for a kind of record (the sync tables)."""
    names = {
        "households": translate("SyncTexts", "Rumah tangga"),
        "members": translate("SyncTexts", "Anggota keluarga"),
        "assessments": translate("SyncTexts", "Penilaian"),
        "assessment_answers": translate("SyncTexts", "Jawaban penilaian"),
        "award_decisions": translate("SyncTexts", "Keputusan penghargaan"),
        "certificates": translate("SyncTexts", "Piagam"),
        "attachments": translate("SyncTexts", "Lampiran (foto)"),
        "wilayah": translate("SyncTexts", "Wilayah"),
        "form_versions": translate("SyncTexts", "Formulir"),
        "conflicts": translate("SyncTexts", "Konflik"),
    }
    return names.get(table, table)


def record_kind(table: str) -> str:
    """The kind of ONE record ("Household", not "Households"), for lines naming a record."""
    names = {
        "households": translate("SyncRecord", "Rumah tangga"),
        "members": translate("SyncRecord", "Anggota keluarga"),
        "assessments": translate("SyncRecord", "Penilaian"),
        "assessment_answers": translate("SyncRecord", "Jawaban penilaian"),
        "award_decisions": translate("SyncRecord", "Keputusan penghargaan"),
        "certificates": translate("SyncRecord", "Piagam"),
        "conflicts": translate("SyncRecord", "Konflik"),
    }
    return names.get(table) or kind_name(table)


def state_name(state: str) -> str:
    """What the status bar says for a sync state."""
    names = {
        "not_enrolled": translate("SyncTexts", "Offline (tanpa server)"),
        "offline": translate("SyncTexts", "Offline"),
        "syncing": translate("SyncTexts", "Menyinkronkan…"),
        "waiting": translate("SyncTexts", "Menunggu sinkron"),
        "up_to_date": translate("SyncTexts", "Tersinkron"),
        "needs_attention": translate("SyncTexts", "Perlu perhatian"),
        "revoked": translate("SyncTexts", "Perangkat dicabut"),
        "cancelled": translate("SyncTexts", "Dibatalkan"),
    }
    return names.get(state, state)


def state_hint(state: str) -> str:
    hints = {
        "not_enrolled": translate(
            "SyncTexts", "Laptop ini belum terhubung ke server; data hanya disimpan di sini."
        ),
        "offline": translate(
            "SyncTexts", "Server tidak terjangkau. Data tetap aman dan dikirim saat ada sinyal."
        ),
        "syncing": translate("SyncTexts", "Mengirim dan menerima data dengan server."),
        "waiting": translate(
            "SyncTexts", "Server terjangkau; perubahan terbaru ikut sinkron berikutnya (otomatis)."
        ),
        "up_to_date": translate("SyncTexts", "Semua perubahan sudah terkirim dan diterima server."),
        "needs_attention": translate(
            "SyncTexts", "Ada data yang ditolak atau bentrok. Buka panel sinkronisasi."
        ),
        "cancelled": translate(
            "SyncTexts",
            "Sinkronisasi dibatalkan. Data tetap aman; sinkron berikutnya melanjutkan dari situ.",
        ),
        "revoked": translate(
            "SyncTexts",
            "Server mencabut izin perangkat ini. Data tetap tersimpan; hubungi admin untuk "
            "mendaftar ulang.",
        ),
    }
    return hints.get(state, "")


STATE_COLOURS = {
    "not_enrolled": "#4b5563",  # every colour ≥ 4.5:1 on the window grey (WCAG AA)
    "offline": "#4b5563",
    "syncing": "#1d4ed8",
    "waiting": "#0e7490",
    "up_to_date": "#166534",
    "needs_attention": "#92400e",
    "revoked": "#b91c1c",
    "cancelled": "#4b5563",
}


def phase_name(phase: str) -> str:
    names = {
        "push": translate("SyncTexts", "Mengirim data"),
        "attachments": translate("SyncTexts", "Mengirim lampiran"),
        "pull": translate("SyncTexts", "Menerima data"),
    }
    return names.get(phase, phase)


def receipt_name(status: str) -> str:
    """A per-record outcome in the sync log."""
    names = {
        "accepted": translate("SyncTexts", "diterima"),
        "duplicate": translate("SyncTexts", "sudah ada"),
        "conflict": translate("SyncTexts", "bentrok"),
        "rejected": translate("SyncTexts", "ditolak"),
        "merged": translate("SyncTexts", "digabung"),
        "waiting": translate("SyncTexts", "menunggu"),
        "received": translate("SyncTexts", "diterima dari server"),
    }
    return names.get(status, status)


def pick(text: str | None) -> str:
    """One language of a bilingual "Bahasa Indonesia / English" message, by the UI language."""
    if not text:
        return ""
    parts = text.split(" / ")
    if len(parts) != 2:
        return text
    return parts[1].strip() if i18n.current() == "en" else parts[0].strip()


def pick_pair(text_id: str, text_en: str) -> str:
    return text_en if i18n.current() == "en" and text_en else text_id


def format_bytes(n: int) -> str:
    """Sizes as people read them, in the UI language: 950 B, 12,5 KB, 3,1 MB."""
    lang = i18n.current()
    if n < 1024:
        return translate("SyncTexts", "{n} B").format(n=formats.integer(n, lang))
    if n < 1024 * 1024:
        return translate("SyncTexts", "{n} KB").format(n=formats.number(n / 1024, 1, lang))
    return translate("SyncTexts", "{n} MB").format(n=formats.number(n / (1024 * 1024), 1, lang))


def format_count(n: int) -> str:
    return formats.integer(n, i18n.current())


def format_time(iso: str | None) -> str:
    """A stored ISO time in local time, the app's way ("1 Des 2026 09.10"), or "belum pernah"."""
    if not iso:
        return translate("SyncTexts", "belum pernah")
    return formats.iso_date_time(iso, i18n.current())
