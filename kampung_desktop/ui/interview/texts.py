"""The wizard's own words: Bahasa Indonesia in the source, English in the Qt translation.

The strings go through the `.ts` flow like every other UI text (`QT_TRANSLATE_NOOP` marks them
for lupdate in the "InterviewTexts" context; `resources/translations/kampung_en.ts` holds their
English). The wizard switches language on its own (the enumerator may read the form in English
while the app stays in Bahasa Indonesia), so `t()` asks a private English translator loaded from
the same compiled `.qm` rather than the app-wide one.
"""

from __future__ import annotations

from typing import Any

from kampung_desktop.core import formats
from kampung_desktop.ui.qt import QT_TRANSLATE_NOOP, QObject, QTranslator

CONTEXT = "InterviewTexts"

TEXTS: dict[str, str] = {
    "window.title": QT_TRANSLATE_NOOP("InterviewTexts", "Wawancara — {form}"),
    "back": QT_TRANSLATE_NOOP("InterviewTexts", "◀ Kembali"),
    "next": QT_TRANSLATE_NOOP("InterviewTexts", "Lanjut ▶"),
    "to_summary": QT_TRANSLATE_NOOP("InterviewTexts", "Ringkasan ▶"),
    "summary": QT_TRANSLATE_NOOP("InterviewTexts", "Ringkasan"),
    "sections": QT_TRANSLATE_NOOP("InterviewTexts", "Bagian formulir"),
    "summary.list": QT_TRANSLATE_NOOP("InterviewTexts", "Isian yang perlu diperbaiki"),
    "language": QT_TRANSLATE_NOOP("InterviewTexts", "Bahasa formulir:"),
    "progress": QT_TRANSLATE_NOOP("InterviewTexts", "Bagian %v dari %m"),
    "saved": QT_TRANSLATE_NOOP("InterviewTexts", "✓ Tersimpan {time}"),
    "saving": QT_TRANSLATE_NOOP("InterviewTexts", "Menyimpan…"),
    "save_failed": QT_TRANSLATE_NOOP("InterviewTexts", "✗ Gagal menyimpan: {error}"),
    "stale": QT_TRANSLATE_NOOP("InterviewTexts", "diubah di tempat lain; buka kembali"),
    "read_only": QT_TRANSLATE_NOOP(
        "InterviewTexts", "Penilaian ini berstatus «{state}» dan hanya dapat dibaca."
    ),
    "returned_note": QT_TRANSLATE_NOOP("InterviewTexts", "Dikembalikan oleh pemeriksa: {note}"),
    "choose": QT_TRANSLATE_NOOP("InterviewTexts", "— pilih —"),
    "filter": QT_TRANSLATE_NOOP("InterviewTexts", "Ketik untuk mencari…"),
    "no_match": QT_TRANSLATE_NOOP("InterviewTexts", "Tidak ada pilihan yang cocok."),
    "ack": QT_TRANSLATE_NOOP("InterviewTexts", "Ya, sudah"),
    "now": QT_TRANSLATE_NOOP("InterviewTexts", "Sekarang"),
    "calendar": QT_TRANSLATE_NOOP("InterviewTexts", "Kalender"),
    "date_placeholder": QT_TRANSLATE_NOOP("InterviewTexts", "HH-BB-TTTT"),
    "time_placeholder": QT_TRANSLATE_NOOP("InterviewTexts", "JJ:MM"),
    "geo_placeholder": QT_TRANSLATE_NOOP("InterviewTexts", "lintang bujur, mis. -6.2 106.8"),
    "photo_choose": QT_TRANSLATE_NOOP("InterviewTexts", "Pilih foto…"),
    "photo_clear": QT_TRANSLATE_NOOP("InterviewTexts", "Hapus foto"),
    "photo_filter": QT_TRANSLATE_NOOP("InterviewTexts", "Gambar (*.jpg *.jpeg *.png)"),
    "clear": QT_TRANSLATE_NOOP("InterviewTexts", "Kosongkan"),
    "file_choose": QT_TRANSLATE_NOOP("InterviewTexts", "Lampirkan berkas…"),
    "file_clear": QT_TRANSLATE_NOOP("InterviewTexts", "Hapus berkas"),
    "file_filter.audio": QT_TRANSLATE_NOOP(
        "InterviewTexts", "Suara (*.mp3 *.m4a *.wav *.ogg *.amr)"
    ),
    "file_filter.video": QT_TRANSLATE_NOOP(
        "InterviewTexts", "Video (*.mp4 *.3gp *.mov *.avi *.mkv)"
    ),
    "file_filter.file": QT_TRANSLATE_NOOP("InterviewTexts", "Semua berkas (*)"),
    "line_placeholder": QT_TRANSLATE_NOOP(
        "InterviewTexts", "titik 'lintang bujur' dipisah ';', mis. -6.2 106.8; -6.3 106.9"
    ),
    "barcode_placeholder": QT_TRANSLATE_NOOP("InterviewTexts", "ketik atau pindai kode"),
    "shape_preview": QT_TRANSLATE_NOOP("InterviewTexts", "Gambar garis atau bidang"),
    "shape_invalid": QT_TRANSLATE_NOOP(
        "InterviewTexts", "Ada titik yang tidak sah: tulis 'lintang bujur' dipisah ';'"
    ),
    "shape_more_points": QT_TRANSLATE_NOOP("InterviewTexts", "Perlu sedikitnya {n} titik"),
    "shape_area": QT_TRANSLATE_NOOP("InterviewTexts", "Luas ± {value} m²"),
    "shape_length": QT_TRANSLATE_NOOP("InterviewTexts", "Panjang ± {value} m"),
    "rank_placeholder": QT_TRANSLATE_NOOP(
        "InterviewTexts", "nama pilihan berurutan, dipisah spasi"
    ),
    "roster.add": QT_TRANSLATE_NOOP("InterviewTexts", "＋ Tambah"),
    "roster.remove": QT_TRANSLATE_NOOP("InterviewTexts", "Hapus"),
    "roster.up": QT_TRANSLATE_NOOP("InterviewTexts", "▲ Naik"),
    "roster.down": QT_TRANSLATE_NOOP("InterviewTexts", "▼ Turun"),
    "roster.open": QT_TRANSLATE_NOOP("InterviewTexts", "Isi ▶"),
    "roster.entry": QT_TRANSLATE_NOOP("InterviewTexts", "{number}. {name}"),
    "roster.unnamed": QT_TRANSLATE_NOOP("InterviewTexts", "(belum diisi)"),
    "roster.remove_title": QT_TRANSLATE_NOOP("InterviewTexts", "Hapus baris"),
    "roster.remove_ask": QT_TRANSLATE_NOOP(
        "InterviewTexts", "Hapus baris {number} ({name}) beserta semua jawabannya?"
    ),
    "roster.hint": QT_TRANSLATE_NOOP(
        "InterviewTexts",
        "Tambah, hapus, atau urutkan baris di sini; pilih satu baris lalu «Isi» untuk mengisinya.",
    ),
    "summary.complete": QT_TRANSLATE_NOOP(
        "InterviewTexts",
        "Semua pertanyaan wajib sudah terisi dengan benar. Penilaian siap difinalisasi.",
    ),
    "summary.finalize": QT_TRANSLATE_NOOP("InterviewTexts", "Finalisasi"),
    "summary.question": QT_TRANSLATE_NOOP("InterviewTexts", "Pertanyaan"),
    "summary.problem": QT_TRANSLATE_NOOP("InterviewTexts", "Yang perlu diperbaiki"),
    "summary.general": QT_TRANSLATE_NOOP("InterviewTexts", "Umum"),
    "summary.finalized": QT_TRANSLATE_NOOP(
        "InterviewTexts", "Penilaian sudah difinalisasi dan kini hanya dapat dibaca."
    ),
    "summary.state": QT_TRANSLATE_NOOP("InterviewTexts", "Status: {state}"),
    "finalize.title": QT_TRANSLATE_NOOP("InterviewTexts", "Finalisasi penilaian"),
    "finalize.ask": QT_TRANSLATE_NOOP(
        "InterviewTexts", "Setelah difinalisasi, jawaban tidak dapat diubah lagi. Lanjutkan?"
    ),
    "state.draft": QT_TRANSLATE_NOOP("InterviewTexts", "draf"),
    "state.finalized": QT_TRANSLATE_NOOP("InterviewTexts", "final"),
    "state.submitted": QT_TRANSLATE_NOOP("InterviewTexts", "terkirim"),
    "state.approved": QT_TRANSLATE_NOOP("InterviewTexts", "disetujui"),
    "state.returned": QT_TRANSLATE_NOOP("InterviewTexts", "dikembalikan"),
    "start.title": QT_TRANSLATE_NOOP("InterviewTexts", "Mulai penilaian"),
    "start.form": QT_TRANSLATE_NOOP("InterviewTexts", "Formulir"),
    "start.kelurahan": QT_TRANSLATE_NOOP("InterviewTexts", "Kelurahan/desa"),
    "start.household": QT_TRANSLATE_NOOP("InterviewTexts", "Rumah tangga"),
    "start.new": QT_TRANSLATE_NOOP("InterviewTexts", "Mulai baru"),
    "start.open": QT_TRANSLATE_NOOP("InterviewTexts", "Buka"),
    "start.cancel": QT_TRANSLATE_NOOP("InterviewTexts", "Batal"),
    "start.existing": QT_TRANSLATE_NOOP("InterviewTexts", "Penilaian yang sudah ada"),
    "start.bad_area": QT_TRANSLATE_NOOP(
        "InterviewTexts", "Pilih kelurahan dari daftar, lalu isi RW dan RT."
    ),
    "error.title": QT_TRANSLATE_NOOP("InterviewTexts", "Tidak dapat dilakukan"),
    "audio.recording": QT_TRANSLATE_NOOP("InterviewTexts", "● Merekam audio"),
    "audio.recording_tip": QT_TRANSLATE_NOOP(
        "InterviewTexts",
        "Formulir ini merekam suara wawancara dari mikrofon sampai jendela ditutup atau "
        "penilaian difinalisasi; rekaman disimpan sebagai lampiran penilaian.",
    ),
    "audio.no_microphone": QT_TRANSLATE_NOOP(
        "InterviewTexts",
        "Formulir ini meminta rekaman suara wawancara, tetapi komputer ini tidak memiliki "
        "mikrofon. Wawancara tetap dapat dilanjutkan; rekamannya dibiarkan kosong.",
    ),
    "audio.no_multimedia": QT_TRANSLATE_NOOP(
        "InterviewTexts",
        "Formulir ini meminta rekaman suara wawancara, tetapi perekaman suara tidak tersedia "
        "pada instalasi ini. Wawancara tetap dapat dilanjutkan; rekamannya dibiarkan kosong.",
    ),
    "audio.failed": QT_TRANSLATE_NOOP(
        "InterviewTexts",
        "Perekaman suara wawancara berhenti: mikrofon tidak dapat dipakai. Wawancara tetap "
        "dapat dilanjutkan; suara yang sudah terekam tetap disimpan.",
    ),
}

PLURALS: dict[str, str] = {
    "roster.count": "%Ln baris",
    "summary.missing": "%Ln isian belum lengkap atau belum benar. Klik untuk memperbaikinya:",
}
"""Texts counted by their `count` parameter; English has a singular and a plural form."""


class InterviewTexts(QObject):
    """Puts `PLURALS` into the .ts file with plural forms: lupdate reads numerus messages only
    from `self.tr(text, "", n)` calls (a test keeps these equal to `PLURALS`)."""

    def plural_sources(self, n: int) -> dict[str, str]:
        return {
            "roster.count": self.tr("%Ln baris", "", n),
            "summary.missing": self.tr(
                "%Ln isian belum lengkap atau belum benar. Klik untuk memperbaikinya:", "", n
            ),
        }


_english: dict[str, QTranslator | None] = {}


def _translator() -> QTranslator | None:
    """The English translation, loaded once from kampung_en.qm (None when it is not built)."""
    if "en" not in _english:
        from kampung_desktop.ui.i18n import qm_path

        translator = QTranslator()
        _english["en"] = translator if translator.load(str(qm_path("en"))) else None
    return _english["en"]


def _english_text(source: str, n: int = -1) -> str:
    translator = _translator()
    found = translator.translate(CONTEXT, source, None, n) if translator is not None else ""
    return found or source


def t(key: str, lang: str, **params: Any) -> str:
    """The text for `key` in `lang` (Bahasa Indonesia unless `en`), with `{params}` filled."""
    if key in PLURALS:
        n = int(params["count"])
        source = PLURALS[key]
        text = _english_text(source, n) if lang == "en" else source
        text = text.replace("%Ln", formats.integer(n, lang)).replace("%n", str(n))
    else:
        source = TEXTS[key]
        text = _english_text(source) if lang == "en" else source
    return text.format(**params) if params else text


def state_label(state: str, lang: str) -> str:
    key = f"state.{state}"
    return t(key, lang) if key in TEXTS else state
