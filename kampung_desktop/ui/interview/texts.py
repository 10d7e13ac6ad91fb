"""The wizard's own words in Bahasa Indonesia and English, in one table.

The wizard switches language on its own (the enumerator may read the form in English while the
app stays in Bahasa Indonesia), so its chrome follows the form language from this table rather
than the app-wide Qt translator.
"""

from __future__ import annotations

from typing import Any

TEXTS: dict[str, tuple[str, str]] = {
    "window.title": ("Wawancara — {form}", "Interview — {form}"),
    "back": ("◀ Kembali", "◀ Back"),
    "next": ("Lanjut ▶", "Next ▶"),
    "to_summary": ("Ringkasan ▶", "Summary ▶"),
    "summary": ("Ringkasan", "Summary"),
    "language": ("Bahasa formulir:", "Form language:"),
    "progress": ("Bagian %v dari %m", "Section %v of %m"),
    "saved": ("✓ Tersimpan {time}", "✓ Saved {time}"),
    "saving": ("Menyimpan…", "Saving…"),
    "save_failed": ("✗ Gagal menyimpan: {error}", "✗ Could not save: {error}"),
    "stale": ("diubah di tempat lain; buka kembali", "changed elsewhere; open it again"),
    "read_only": (
        "Penilaian ini berstatus «{state}» dan hanya dapat dibaca.",
        "This assessment is «{state}» and read-only.",
    ),
    "returned_note": ("Dikembalikan oleh pemeriksa: {note}", "Returned by the reviewer: {note}"),
    # editors
    "choose": ("— pilih —", "— choose —"),
    "filter": ("Ketik untuk mencari…", "Type to search…"),
    "no_match": ("Tidak ada pilihan yang cocok.", "No matching choice."),
    "ack": ("Ya, sudah", "Yes, done"),
    "now": ("Sekarang", "Now"),
    "calendar": ("Kalender", "Calendar"),
    "date_placeholder": ("HH-BB-TTTT", "DD-MM-YYYY"),
    "time_placeholder": ("JJ:MM", "HH:MM"),
    "geo_placeholder": ("lintang bujur, mis. -6.2 106.8", "latitude longitude, e.g. -6.2 106.8"),
    "photo_choose": ("Pilih foto…", "Choose photo…"),
    "photo_clear": ("Hapus foto", "Remove photo"),
    "photo_filter": ("Gambar (*.jpg *.jpeg *.png)", "Images (*.jpg *.jpeg *.png)"),
    "clear": ("Kosongkan", "Clear"),
    "file_choose": ("Lampirkan berkas…", "Attach file…"),
    "file_clear": ("Hapus berkas", "Remove file"),
    "file_filter.audio": (
        "Suara (*.mp3 *.m4a *.wav *.ogg *.amr)",
        "Audio (*.mp3 *.m4a *.wav *.ogg *.amr)",
    ),
    "file_filter.video": (
        "Video (*.mp4 *.3gp *.mov *.avi *.mkv)",
        "Video (*.mp4 *.3gp *.mov *.avi *.mkv)",
    ),
    "file_filter.file": ("Semua berkas (*)", "All files (*)"),
    "line_placeholder": (
        "titik 'lintang bujur' dipisah ';', mis. -6.2 106.8; -6.3 106.9",
        "'latitude longitude' points separated by ';', e.g. -6.2 106.8; -6.3 106.9",
    ),
    "barcode_placeholder": ("ketik atau pindai kode", "type or scan the code"),
    "rank_placeholder": (
        "nama pilihan berurutan, dipisah spasi",
        "choice names in order, separated by spaces",
    ),
    # roster
    "roster.add": ("＋ Tambah", "＋ Add"),
    "roster.remove": ("Hapus", "Remove"),
    "roster.up": ("▲ Naik", "▲ Up"),
    "roster.down": ("▼ Turun", "▼ Down"),
    "roster.open": ("Isi ▶", "Fill in ▶"),
    "roster.count": ("{count} baris", "{count} entries"),
    "roster.entry": ("{number}. {name}", "{number}. {name}"),
    "roster.unnamed": ("(belum diisi)", "(not filled in)"),
    "roster.remove_title": ("Hapus baris", "Remove entry"),
    "roster.remove_ask": (
        "Hapus baris {number} ({name}) beserta semua jawabannya?",
        "Remove entry {number} ({name}) with all its answers?",
    ),
    "roster.hint": (
        "Tambah, hapus, atau urutkan baris di sini; pilih satu baris lalu «Isi» untuk mengisinya.",
        "Add, remove or reorder entries here; select one and «Fill in» to answer its questions.",
    ),
    # summary
    "summary.complete": (
        "Semua pertanyaan wajib sudah terisi dengan benar. Penilaian siap difinalisasi.",
        "Every required question is answered correctly. The assessment is ready to finalize.",
    ),
    "summary.missing": (
        "{count} isian belum lengkap atau belum benar. Klik untuk memperbaikinya:",
        "{count} answers are missing or wrong. Click one to fix it:",
    ),
    "summary.finalize": ("Finalisasi", "Finalize"),
    "summary.question": ("Pertanyaan", "Question"),
    "summary.problem": ("Yang perlu diperbaiki", "What to fix"),
    "summary.general": ("Umum", "General"),
    "summary.finalized": (
        "Penilaian sudah difinalisasi dan kini hanya dapat dibaca.",
        "The assessment is finalized and now read-only.",
    ),
    "summary.state": ("Status: {state}", "State: {state}"),
    "finalize.title": ("Finalisasi penilaian", "Finalize assessment"),
    "finalize.ask": (
        "Setelah difinalisasi, jawaban tidak dapat diubah lagi. Lanjutkan?",
        "After finalizing, answers can no longer be changed. Continue?",
    ),
    # states
    "state.draft": ("draf", "draft"),
    "state.finalized": ("final", "finalized"),
    "state.submitted": ("terkirim", "submitted"),
    "state.approved": ("disetujui", "approved"),
    "state.returned": ("dikembalikan", "returned"),
    # start dialog
    "start.title": ("Mulai penilaian", "Start an assessment"),
    "start.form": ("Formulir", "Form"),
    "start.kelurahan": ("Kelurahan/desa", "Kelurahan/village"),
    "start.household": ("Rumah tangga", "Household"),
    "start.new": ("Mulai baru", "Start new"),
    "start.open": ("Buka", "Open"),
    "start.cancel": ("Batal", "Cancel"),
    "start.existing": ("Penilaian yang sudah ada", "Existing assessments"),
    "start.bad_area": (
        "Pilih kelurahan dari daftar, lalu isi RW dan RT.",
        "Pick a kelurahan from the list, then fill in RW and RT.",
    ),
    "error.title": ("Tidak dapat dilakukan", "Cannot do that"),
}


def t(key: str, lang: str, **params: Any) -> str:
    """The text for `key` in `lang` (Bahasa Indonesia unless `en`), with `{params}` filled."""
    pair = TEXTS[key]
    text = pair[1] if lang == "en" else pair[0]
    return text.format(**params) if params else text


def state_label(state: str, lang: str) -> str:
    key = f"state.{state}"
    return t(key, lang) if key in TEXTS else state
