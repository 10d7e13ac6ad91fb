"""Every message the form engine shows, in Bahasa Indonesia and English, in one table.

Load problems and validation results carry a code and parameters; text is rendered only when a
person reads it, so switching the interview language re-renders everything without re-checking.
"""

from __future__ import annotations

from typing import Any

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"

MESSAGES: dict[str, dict[str, str]] = {
    # --- reading the workbook -------------------------------------------------------------
    "load.unreadable": {
        "id": "Berkas formulir tidak dapat dibaca: {detail}",
        "en": "The form file cannot be read: {detail}",
    },
    "load.not_a_workbook": {
        "id": "Berkas formulir bukan buku kerja yang dapat dibaca (rusak, atau isinya bukan "
        "Excel/XLSForm). Buka di Excel dan simpan ulang sebagai .xlsx.",
        "en": "The form file is not a readable workbook (damaged, or not an Excel/XLSForm "
        "file). Open it in Excel and save it again as .xlsx.",
    },
    "load.pyxform": {
        "id": "Formulir ditolak oleh pyxform: {detail}",
        "en": "pyxform rejected the form: {detail}",
    },
    "load.unsupported_sheet": {
        "id": "Lembar '{sheet}' tidak didukung oleh aplikasi ini.",
        "en": "The '{sheet}' sheet is not supported by this application.",
    },
    "load.unsupported_type": {
        "id": "Tipe pertanyaan '{type}' tidak didukung (yang didukung: {supported}).",
        "en": "Question type '{type}' is not supported (supported: {supported}).",
    },
    "load.unsupported_column": {
        "id": "Kolom '{column}' tidak didukung oleh aplikasi ini.",
        "en": "The '{column}' column is not supported by this application.",
    },
    "load.unavailable_type": {
        "id": "Tipe '{type}' memerlukan {feature}, yang tidak tersedia di aplikasi desktop.",
        "en": "Type '{type}' needs {feature}, which a desktop application cannot offer.",
    },
    "load.unsupported_feature": {
        "id": "Fitur '{feature}' belum didukung oleh aplikasi ini.",
        "en": "The feature '{feature}' is not supported by this application yet.",
    },
    "warn.ignored_sheet": {
        "id": "Lembar '{sheet}' diabaikan: hanya dipakai server ODK Central.",
        "en": "The '{sheet}' sheet is ignored: only ODK Central uses it.",
    },
    "warn.ignored_column": {
        "id": "Kolom '{column}' diabaikan: hanya dipakai server ODK Central.",
        "en": "The '{column}' column is ignored: only ODK Central uses it.",
    },
    "warn.choice_filter_column": {
        "id": "kolom '{name}' tidak ada di lembar choices untuk daftar '{list_name}' (dianggap kosong)",
        "en": "column '{name}' does not exist on the choices sheet for list '{list_name}' (read as empty)",
    },
    "warn.unknown_choice": {
        "id": "'{choice}' bukan pilihan dari '{name}' (daftar '{list_name}')",
        "en": "'{choice}' is not a choice of '{name}' (list '{list_name}')",
    },
    "warn.missing_media": {
        "id": "Berkas media '{file}' tidak ada di samping formulir; daftar pilihannya kosong.",
        "en": "Media file '{file}' is not next to the form; its choice list is empty.",
    },
    "warn.bad_default": {
        "id": "Nilai bawaan '{value}' diabaikan: {detail}",
        "en": "Default '{value}' is ignored: {detail}",
    },
    "expr.last_saved": {
        "id": "'${{last-saved#{name}}}' (jawaban dari kiriman sebelumnya) belum didukung",
        "en": "'${{last-saved#{name}}}' (the answer from the previous submission) is not supported yet",
    },
    "warn.empty_path": {
        "id": "jalur '{path}' tidak menunjuk isian mana pun di formulir (selalu kosong)",
        "en": "the path '{path}' matches no field of the form (always empty)",
    },
    "expr.runtime": {
        "id": "rumus gagal dihitung ({detail})",
        "en": "the expression failed to compute ({detail})",
    },
    "expr.too_deep": {
        "id": "rumus terlalu bertingkat untuk dihitung",
        "en": "the expression is nested too deeply to compute",
    },
    "load.dynamic_choices": {
        "id": "Daftar pilihan dari jawaban lain ('{itemset}') tidak didukung; pakai lembar choices.",
        "en": "Choices taken from other answers ('{itemset}') are not supported; use the choices sheet.",
    },
    "load.duplicate_name": {
        "id": "Nama '{name}' sudah dipakai di baris {other}; setiap nama harus unik di seluruh formulir.",
        "en": "The name '{name}' is already used on row {other}; names must be unique in the whole form.",
    },
    "load.repeat_in_field_list": {
        "id": "Pengulangan '{name}' tidak boleh berada di dalam grup 'field-list'.",
        "en": "Repeat '{name}' cannot be inside a 'field-list' group.",
    },
    "load.bad_default": {
        "id": "Nilai bawaan '{value}' tidak sesuai tipe pertanyaan: {detail}",
        "en": "Default '{value}' does not fit the question type: {detail}",
    },
    "load.empty_form": {
        "id": "Formulir tidak berisi pertanyaan.",
        "en": "The form has no questions.",
    },
    "load.cycle": {
        "id": "Rumus saling bergantung secara melingkar: {cycle}.",
        "en": "Formulas depend on each other in a cycle: {cycle}.",
    },
    # --- expressions (the column is prefixed by the loader) -------------------------------
    "expr.in_column": {"id": "kolom '{column}': {detail}", "en": "column '{column}': {detail}"},
    "expr.syntax": {
        "id": "rumus tidak dapat dibaca di posisi {pos} ({detail}): {source}",
        "en": "the expression cannot be parsed at position {pos} ({detail}): {source}",
    },
    "expr.unknown_function": {
        "id": "fungsi tidak dikenal '{name}()'",
        "en": "unknown function '{name}()'",
    },
    "expr.randomize_nodeset": {
        "id": "argumen pertama randomize() harus sekumpulan nilai (mis. isian dalam ulangan)",
        "en": "the first argument of randomize() must be a node-set (e.g. a field in a repeat)",
    },
    "expr.arity": {
        "id": "fungsi '{name}()' menerima {expected} argumen, bukan {given}",
        "en": "function '{name}()' takes {expected} arguments, not {given}",
    },
    "expr.unknown_name": {
        "id": "'${{{name}}}' merujuk ke nama yang tidak ada di formulir",
        "en": "'${{{name}}}' refers to a name that does not exist in the form",
    },
    "expr.group_reference": {
        "id": "'${{{name}}}' adalah grup; rujuk pertanyaan di dalamnya",
        "en": "'${{{name}}}' is a group; refer to a question inside it",
    },
    "expr.bare_name": {
        "id": "nama '{name}' tanpa ${{}} hanya boleh dipakai di choice_filter; tulis ${{{name}}}",
        "en": "bare name '{name}' is only allowed in choice_filter; write ${{{name}}}",
    },
    "expr.attribute_step": {
        "id": "langkah atribut '{step}' tidak didukung: tulis '@nama' sebagai langkah terakhir "
        "jalur (ODK Collect pun tidak menerimanya)",
        "en": "the attribute step '{step}' is not supported: write '@name' as the last step of "
        "the path (ODK Collect does not accept it either)",
    },
    "expr.path": {
        "id": "jalur XPath ('{token}') tidak didukung; tulis ${{nama}}",
        "en": "XPath paths ('{token}') are not supported; write ${{name}}",
    },
    "expr.position_arg": {
        "id": "position() hanya mendukung position(..) di dalam pengulangan",
        "en": "position() only supports position(..) inside a repeat",
    },
    "expr.reference_arg": {
        "id": "argumen {index} dari '{name}()' harus berupa ${{nama}}",
        "en": "argument {index} of '{name}()' must be a ${{name}} reference",
    },
    "expr.repeat_arg": {
        "id": "argumen {index} dari '{name}()' harus berupa pengulangan yang memuat '{field}'",
        "en": "argument {index} of '{name}()' must be a repeat containing '{field}'",
    },
    "expr.choice_name_arg": {
        "id": "argumen kedua jr:choice-name() harus berupa teks '${{nama}}' dari pertanyaan pilihan",
        "en": "the second argument of jr:choice-name() must be the text '${{name}}' of a select question",
    },
    "expr.bad_regex": {
        "id": "pola regex '{pattern}' tidak sah: {detail}",
        "en": "regex pattern '{pattern}' is not valid: {detail}",
    },
    "expr.unknown_choice": {
        "id": "'{choice}' bukan pilihan dari '{name}' (daftar '{list_name}')",
        "en": "'{choice}' is not a choice of '{name}' (list '{list_name}')",
    },
    "expr.unknown_choice_column": {
        "id": "kolom '{name}' tidak ada di lembar choices untuk daftar '{list_name}'",
        "en": "column '{name}' does not exist on the choices sheet for list '{list_name}'",
    },
    "expr.self_reference": {
        "id": "'.' tidak boleh dipakai di kolom ini",
        "en": "'.' cannot be used in this column",
    },
    # --- answers and validation -----------------------------------------------------------
    "answer.required": {"id": "Wajib diisi.", "en": "This field is required."},
    "answer.constraint": {
        "id": "Jawaban tidak memenuhi ketentuan.",
        "en": "The answer does not meet the rule.",
    },
    "answer.integer": {"id": "Harus bilangan bulat.", "en": "Must be a whole number."},
    "answer.decimal": {"id": "Harus berupa angka.", "en": "Must be a number."},
    "answer.date": {
        "id": "Tanggal harus ditulis TTTT-BB-HH.",
        "en": "Dates must be written YYYY-MM-DD.",
    },
    "answer.time": {"id": "Waktu harus ditulis JJ:MM.", "en": "Times must be written HH:MM."},
    "answer.choice": {
        "id": "'{value}' bukan pilihan yang tersedia.",
        "en": "'{value}' is not an available choice.",
    },
    "answer.geopoint": {
        "id": "Koordinat harus 'lintang bujur' (mis. -6.2 106.8), lintang -90..90, bujur -180..180.",
        "en": "Coordinates must be 'latitude longitude' (e.g. -6.2 106.8), lat -90..90, lon -180..180.",
    },
    "answer.text": {"id": "Harus berupa teks.", "en": "Must be text."},
    "answer.datetime": {
        "id": "Tanggal dan jam harus ditulis TTTT-BB-HHTJJ:MM (mis. 2026-11-23T09:30).",
        "en": "Date and time must be written YYYY-MM-DDTHH:MM (e.g. 2026-11-23T09:30).",
    },
    "answer.range": {
        "id": "Angka harus di dalam rentang pertanyaan ini.",
        "en": "The number must be within this question's range.",
    },
    "answer.geotrace": {
        "id": "Jalur harus berisi minimal 2 titik 'lintang bujur', dipisah ';'.",
        "en": "A line needs at least 2 'latitude longitude' points separated by ';'.",
    },
    "answer.geoshape": {
        "id": "Bidang harus berisi minimal 3 titik 'lintang bujur' berbeda, dipisah ';'.",
        "en": "A shape needs at least 3 different 'latitude longitude' points separated by ';'.",
    },
    "answer.eval_error": {
        "id": "Rumus kolom '{column}' tidak dapat dihitung ({detail}); periksa formulir.",
        "en": "The '{column}' formula cannot be computed ({detail}); check the form.",
    },
    "answer.acknowledge": {
        "id": "Harus dikonfirmasi (OK) atau dikosongkan.",
        "en": "Must be acknowledged (OK) or left empty.",
    },
    "answer.read_only": {
        "id": "Jawaban ini dihitung otomatis dan tidak dapat diubah.",
        "en": "This answer is calculated and cannot be changed.",
    },
    "answer.unknown_path": {
        "id": "'{path}' bukan isian formulir ini.",
        "en": "'{path}' is not a field of this form.",
    },
    "answer.not_repeat": {
        "id": "'{path}' bukan pengulangan.",
        "en": "'{path}' is not a repeat.",
    },
    "answer.repeat_shape": {
        "id": "'{path}' adalah pengulangan; isinya harus daftar objek.",
        "en": "'{path}' is a repeat; its value must be a list of objects.",
    },
    "answer.fixed_count": {
        "id": "Jumlah isian '{path}' ditentukan oleh formulir (repeat_count).",
        "en": "The number of '{path}' entries is set by the form (repeat_count).",
    },
    # --- generated labels -----------------------------------------------------------------
    "label.other_choice": {"id": "Lainnya", "en": "Other"},
    "label.specify_other": {"id": "Sebutkan lainnya.", "en": "Specify other."},
    "label.general_section": {"id": "Umum", "en": "General"},
}


def message(code: str, lang: str | None = None, /, **params: Any) -> str:
    """Render `code` in `lang` (falls back to Bahasa Indonesia for unknown languages)."""
    table = MESSAGES[code]
    return table.get(lang or DEFAULT_LANGUAGE, table[DEFAULT_LANGUAGE]).format(**params)


def all_languages(code: str) -> dict[str, str]:
    """The raw templates of `code`, for building per-language label dicts."""
    return dict(MESSAGES[code])
