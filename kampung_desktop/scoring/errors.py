"""Scoring errors and their texts in Bahasa Indonesia and English, kept in one table.

A rule file is written by a city office, and answers come from enumerators and scripts; both can be
wrong. Every error names where the problem is (file and key, or field) so it can be fixed without
reading code. `str(error)` gives both languages on one line, because the CLI prints exactly one line.
"""

from __future__ import annotations

from typing import Any

MESSAGES: dict[str, dict[str, str]] = {
    # Rule files
    "rules.unreadable": {
        "id": "{source}: berkas aturan tidak dapat dibaca ({detail})",
        "en": "{source}: rule file cannot be read ({detail})",
    },
    "rules.toml": {
        "id": "{source}: TOML tidak sah ({detail})",
        "en": "{source}: invalid TOML ({detail})",
    },
    "rules.missing_key": {
        "id": "{source}: kunci '{key}' wajib ada",
        "en": "{source}: key '{key}' is required",
    },
    "rules.unknown_key": {
        "id": "{source}: kunci '{key}' tidak dikenal (yang boleh: {allowed})",
        "en": "{source}: unknown key '{key}' (allowed: {allowed})",
    },
    "rules.type": {
        "id": "{source}: '{key}' harus {expected_id}, bukan {got}",
        "en": "{source}: '{key}' must be {expected_en}, not {got}",
    },
    "rules.value": {
        "id": "{source}: '{key}' tidak sah: {detail_id}",
        "en": "{source}: '{key}' is invalid: {detail_en}",
    },
    "rules.duplicate": {
        "id": "{source}: '{key}' = '{value}' sudah dipakai sebelumnya",
        "en": "{source}: '{key}' = '{value}' is used more than once",
    },
    "rules.reference": {
        "id": "{source}: '{key}' merujuk ke '{value}' yang tidak ada (yang ada: {known})",
        "en": "{source}: '{key}' refers to '{value}', which does not exist (known: {known})",
    },
    "rules.unknown_program": {
        "id": "program '{program}' tidak dikenal (pilih: {known})",
        "en": "unknown program '{program}' (choose: {known})",
    },
    # Answers
    "answer.missing": {
        "id": "jawaban '{field}' kosong (dibutuhkan untuk indikator {indicator})",
        "en": "answer '{field}' is missing (needed by indicator {indicator})",
    },
    "answer.not_number": {
        "id": "jawaban '{field}' harus berupa angka, bukan {value}",
        "en": "answer '{field}' must be a number, not {value}",
    },
    "answer.negative": {
        "id": "jawaban '{field}' tidak boleh negatif ({value})",
        "en": "answer '{field}' cannot be negative ({value})",
    },
    "answer.zero_denominator": {
        "id": "pembagi '{field}' bernilai 0; indikator {indicator} tidak dapat dihitung",
        "en": "denominator '{field}' is 0; indicator {indicator} cannot be computed",
    },
    "answer.over_denominator": {
        "id": "'{field}' ({value}) melebihi pembagi '{denominator}' ({limit}) pada indikator {indicator}",
        "en": "'{field}' ({value}) exceeds denominator '{denominator}' ({limit}) in indicator {indicator}",
    },
    "answer.bad_choice": {
        "id": "jawaban '{field}' = {value} bukan pilihan yang dikenal ({known})",
        "en": "answer '{field}' = {value} is not a known choice ({known})",
    },
    "answer.not_list": {
        "id": "jawaban '{field}' harus berupa daftar pilihan, bukan {value}",
        "en": "answer '{field}' must be a list of choices, not {value}",
    },
    "answer.not_yes_no": {
        "id": "jawaban '{field}' harus ya/tidak, bukan {value}",
        "en": "answer '{field}' must be yes/no, not {value}",
    },
    "answer.not_object": {
        "id": "jawaban harus berupa objek JSON {{nama_field: nilai}}",
        "en": "answers must be a JSON object {{field_name: value}}",
    },
    # Award history (Kencana rule)
    "history.year": {
        "id": "tahun kemenangan harus bilangan bulat, bukan {value}",
        "en": "a winning year must be a whole number, not {value}",
    },
}


def render(code: str, lang: str, params: dict[str, Any]) -> str:
    return MESSAGES[code][lang].format(**params)


class ScoringError(Exception):
    """A user-facing scoring error: a message code plus the parameters that fill it in."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(self.text("id"))

    def text(self, lang: str = "id") -> str:
        """The message in one language ('id' or 'en')."""
        return render(self.code, lang, self.params)

    def __str__(self) -> str:
        return f"{self.text('id')} / {self.text('en')}"


class RulesError(ScoringError):
    """A rule file is missing, unreadable or does not follow the schema."""


class AnswerError(ScoringError):
    """The answers cannot be scored (missing, not a number, zero denominator, ...)."""
