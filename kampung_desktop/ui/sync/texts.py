"""Words the sync views share: record kinds, states, phases, receipt statuses, times and sizes.

All of them go through `QCoreApplication.translate("SyncTexts", ...)`, so they follow the
language switch like every other string; the service's own messages arrive bilingual ("id / en")
or as an Indonesian/English pair and are picked here by the current UI language.
"""

from __future__ import annotations

from datetime import datetime

from kampung_desktop.ui import i18n
from kampung_desktop.ui.qt import QCoreApplication, QDateTime, QLocale


def _t(text: str) -> str:
    return QCoreApplication.translate("SyncTexts", text)


def kind_name(table: str) -> str:
    """The user's name for a kind of record (the sync tables)."""
    names = {
        "households": _t("Rumah tangga"),
        "members": _t("Anggota keluarga"),
        "assessments": _t("Penilaian"),
        "assessment_answers": _t("Jawaban penilaian"),
        "award_decisions": _t("Keputusan penghargaan"),
        "certificates": _t("Piagam"),
        "attachments": _t("Lampiran (foto)"),
        "wilayah": _t("Wilayah"),
        "form_versions": _t("Formulir"),
        "conflicts": _t("Konflik"),
    }
    return names.get(table, table)


def state_name(state: str) -> str:
    """What the status bar says for a sync state."""
    names = {
        "not_enrolled": _t("Offline (tanpa server)"),
        "offline": _t("Offline"),
        "syncing": _t("Menyinkronkan…"),
        "up_to_date": _t("Tersinkron"),
        "needs_attention": _t("Perlu perhatian"),
        "revoked": _t("Perangkat dicabut"),
    }
    return names.get(state, state)


def state_hint(state: str) -> str:
    hints = {
        "not_enrolled": _t("Laptop ini belum terhubung ke server; data hanya disimpan di sini."),
        "offline": _t("Server tidak terjangkau. Data tetap aman dan dikirim saat ada sinyal."),
        "syncing": _t("Mengirim dan menerima data dengan server."),
        "up_to_date": _t("Semua perubahan sudah terkirim dan diterima server."),
        "needs_attention": _t("Ada data yang ditolak atau bentrok. Buka panel sinkronisasi."),
        "revoked": _t(
            "Server mencabut izin perangkat ini. Data tetap tersimpan; hubungi admin untuk "
            "mendaftar ulang."
        ),
    }
    return hints.get(state, "")


STATE_COLOURS = {
    "not_enrolled": "#6b7280",
    "offline": "#6b7280",
    "syncing": "#1d4ed8",
    "up_to_date": "#15803d",
    "needs_attention": "#b45309",
    "revoked": "#b91c1c",
}


def phase_name(phase: str) -> str:
    names = {
        "push": _t("Mengirim data"),
        "attachments": _t("Mengirim lampiran"),
        "pull": _t("Menerima data"),
    }
    return names.get(phase, phase)


def receipt_name(status: str) -> str:
    """A per-record outcome in the sync log."""
    names = {
        "accepted": _t("diterima"),
        "duplicate": _t("sudah ada"),
        "conflict": _t("bentrok"),
        "rejected": _t("ditolak"),
        "merged": _t("digabung"),
        "received": _t("diterima dari server"),
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
    """Sizes as people read them, in the current locale: 950 B, 12,5 KB, 3,1 MB."""
    locale = QLocale()
    if n < 1024:
        return _t("{n} B").format(n=locale.toString(n))
    if n < 1024 * 1024:
        return _t("{n} KB").format(n=locale.toString(n / 1024, "f", 1))
    return _t("{n} MB").format(n=locale.toString(n / (1024 * 1024), "f", 1))


def format_count(n: int) -> str:
    return QLocale().toString(n)


def format_time(iso: str | None) -> str:
    """A stored ISO time shown in local time (short date and time), or "belum pernah"."""
    if not iso:
        return _t("belum pernah")
    try:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return iso
    if moment.tzinfo is not None:
        moment = moment.astimezone()  # the laptop's local time
    qt_time = QDateTime(moment.year, moment.month, moment.day, moment.hour, moment.minute, 0)
    return QLocale().toString(qt_time, QLocale.FormatType.ShortFormat)
