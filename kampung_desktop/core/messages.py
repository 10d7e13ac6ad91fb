"""Every user-facing message as a template in Bahasa Indonesia and English, in one table.

Domain rules return `Problem`s (a code and parameters); views and the CLI render them in the
user's language. Keeping the text here means one place to translate and review.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

LANGUAGES = ("id", "en")
_language = "id"

MESSAGES: dict[str, dict[str, str]] = {
    # NIK
    "nik.empty": {"id": "NIK wajib diisi.", "en": "NIK is required."},
    "nik.not_digits": {
        "id": "NIK hanya boleh berisi angka (ada karakter '{char}').",
        "en": "NIK may contain digits only (found '{char}').",
    },
    "nik.length": {
        "id": "NIK harus 16 digit, bukan {length}.",
        "en": "NIK must have 16 digits, not {length}.",
    },
    "nik.region": {
        "id": "Kode wilayah {prefix} pada NIK (digit 1–4) tidak dikenal.",
        "en": "Region code {prefix} in the NIK (digits 1–4) is unknown.",
    },
    "nik.birth_date": {
        "id": "Tanggal lahir pada NIK (digit 7–12: {part}) bukan tanggal yang ada.",
        "en": "The birth date in the NIK (digits 7–12: {part}) is not a real date.",
    },
    "nik.serial": {
        "id": "Nomor urut NIK (digit 13–16) tidak boleh 0000.",
        "en": "The NIK serial (digits 13–16) cannot be 0000.",
    },
    "nik.sex_mismatch": {
        "id": "Jenis kelamin tidak cocok dengan NIK (NIK menunjukkan {nik_sex}).",
        "en": "Sex does not match the NIK (the NIK says {nik_sex}).",
    },
    "nik.birth_mismatch": {
        "id": "Tanggal lahir tidak cocok dengan NIK (NIK menunjukkan {nik_date}).",
        "en": "Birth date does not match the NIK (the NIK says {nik_date}).",
    },
    "nik.duplicate_here": {
        "id": "NIK ini sudah dipakai anggota no. {n} di rumah tangga ini.",
        "en": "This NIK is already used by member no. {n} of this household.",
    },
    "nik.duplicate": {
        "id": "NIK ini sudah terdaftar di rumah tangga lain ({where}).",
        "en": "This NIK is already registered in another household ({where}).",
    },
    # No. KK
    "kk.length": {
        "id": "No. KK harus 16 digit angka.",
        "en": "The family card number (No. KK) must have 16 digits.",
    },
    "kk.region": {
        "id": "Kode wilayah {prefix} pada No. KK (digit 1–4) tidak dikenal.",
        "en": "Region code {prefix} in the No. KK (digits 1–4) is unknown.",
    },
    "kk.serial": {
        "id": "Nomor urut No. KK (digit 13–16) tidak boleh 0000.",
        "en": "The No. KK serial (digits 13–16) cannot be 0000.",
    },
    # Wilayah / RT-RW
    "wilayah.format": {
        "id": "Kode wilayah '{code}' tidak sah; contoh yang benar: 36.71.01.1001.",
        "en": "Area code '{code}' is not valid; a valid one looks like 36.71.01.1001.",
    },
    "rtrw.unparsable": {
        "id": "RT/RW '{text}' tidak dapat dibaca; tulis seperti 'RT 005 / RW 012'.",
        "en": "RT/RW '{text}' cannot be read; write it like 'RT 005 / RW 012'.",
    },
    "rtrw.range": {
        "id": "Nomor {unit} harus antara 1 dan 999.",
        "en": "{unit} number must be between 1 and 999.",
    },
    # Coordinates (core.geo)
    "geo.not_number": {
        "id": "{field} harus berupa angka desimal, contoh {example}.",
        "en": "{field} must be a decimal number, e.g. {example}.",
    },
    "geo.latitude": {
        "id": "Lintang harus antara {low} dan {high} (wilayah Indonesia), contoh -6.1783.",
        "en": "Latitude must be between {low} and {high} (Indonesia), e.g. -6.1783.",
    },
    "geo.longitude": {
        "id": "Bujur harus antara {low} dan {high} (wilayah Indonesia), contoh 106.6319.",
        "en": "Longitude must be between {low} and {high} (Indonesia), e.g. 106.6319.",
    },
    "geo.swapped": {
        "id": "Lintang dan bujur tampaknya tertukar: lintang di Indonesia sekitar -11 sampai 6, "
        "bujur sekitar 95 sampai 141.",
        "en": "Latitude and longitude look swapped: in Indonesia latitude is about -11 to 6, "
        "longitude about 95 to 141.",
    },
    "geo.pair_incomplete": {
        "id": "Isi lintang dan bujur bersama, atau kosongkan keduanya.",
        "en": "Fill in latitude and longitude together, or leave both empty.",
    },
    # Generic form validation
    "field.required": {"id": "{field} wajib diisi.", "en": "{field} is required."},
    "field.date_future": {
        "id": "{field} tidak boleh di masa depan.",
        "en": "{field} cannot be in the future.",
    },
}


@dataclass(frozen=True)
class Problem:
    """Why a value was refused (or warned about): a message code and its parameters."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)
    warning: bool = False

    def text(self, lang: str | None = None) -> str:
        return message(self.code, lang, **self.params)


def set_language(lang: str) -> None:
    global _language
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}")
    _language = lang


def current_language() -> str:
    return _language


def message(code: str, lang: str | None = None, /, **params: Any) -> str:
    """The message in `lang`; a parameter given as an (id, en) pair is chosen by language too."""
    lang = lang or _language
    index = LANGUAGES.index(lang)
    chosen = {k: v[index] if isinstance(v, tuple) and len(v) == 2 else v for k, v in params.items()}
    return MESSAGES[code][lang].format(**chosen)
