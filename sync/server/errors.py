"""Every reason the server refuses something, in Bahasa Indonesia and English, and the handlers
that turn any failure into a `protocol.ErrorResponse` (never a bare 500 with a traceback).

Codes are stable and machine-readable (clients branch on them); texts say what is wrong and what
to do. Per-record rejections in push receipts use the same table.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from kampung_sync import protocol
from starlette.exceptions import HTTPException as StarletteHTTPException

from kampung_desktop.core import labels

log = logging.getLogger("kampung_sync.server")

MESSAGES: dict[str, tuple[str, str]] = {
    # whole requests
    "bad_encoding": (
        "Isi permintaan bukan gzip yang sah. Kirim ulang dengan kompresi gzip yang benar.",
        "The request body is not valid gzip. Send it again, correctly gzip-compressed.",
    ),
    "bad_json": (
        "Isi permintaan bukan JSON yang sah.",
        "The request body is not valid JSON.",
    ),
    "invalid_request": (
        "Permintaan tidak sesuai protokol: {detail}",
        "The request does not match the protocol: {detail}",
    ),
    "protocol_version": (
        "Versi protokol {got} tidak didukung server (server memakai versi {want}). "
        "Perbarui aplikasi Kampung.",
        "Protocol version {got} is not supported (the server uses version {want}). "
        "Update the Kampung app.",
    ),
    "too_large": (
        "Kiriman terlalu besar (batas {limit} byte). Kirim dalam bagian yang lebih kecil.",
        "The upload is too large (limit {limit} bytes). Send it in smaller parts.",
    ),
    "too_many_ops": (
        "Satu kiriman berisi {count} perubahan; batasnya {limit}. Bagi menjadi beberapa kiriman.",
        "One batch holds {count} changes; the limit is {limit}. Split it into several batches.",
    ),
    "not_found": ("Alamat tidak ditemukan.", "Not found."),
    "method_not_allowed": ("Metode tidak diizinkan.", "Method not allowed."),
    "server_error": (
        "Terjadi kesalahan di server; tidak ada data yang hilang. Coba lagi nanti.",
        "The server ran into an error; no data was lost. Try again later.",
    ),
    "unsupported_media_type": (
        "Jenis isi tidak didukung; kirim JSON (boleh dikompresi gzip).",
        "Unsupported content type; send JSON (gzip allowed).",
    ),
    # accounts and devices
    "bad_credentials": (
        "Nama pengguna atau kata sandi salah.",
        "Wrong username or password.",
    ),
    "too_many_attempts": (
        "Terlalu banyak percobaan masuk yang gagal. Tunggu {minutes} menit lalu coba lagi.",
        "Too many failed sign-in attempts. Wait {minutes} minutes and try again.",
    ),
    "unauthorized": (
        "Perangkat belum terdaftar atau token tidak sah. Daftarkan perangkat ini lagi.",
        "This device is not enrolled or its token is invalid. Enrol this device again.",
    ),
    "device_revoked": (
        "Perangkat ini telah dicabut oleh admin kota; sinkronisasi dihentikan. Data di laptop "
        "tetap tersimpan. Hubungi admin.",
        "This device was revoked by the city admin; sync has stopped. The data on the laptop "
        "is kept. Contact the admin.",
    ),
    "account_disabled": (
        "Akun ini dinonaktifkan. Hubungi admin kota.",
        "This account is disabled. Contact the city admin.",
    ),
    "device_mismatch": (
        "Token ini milik perangkat lain ({device_id}).",
        "This token belongs to another device ({device_id}).",
    ),
    "out_of_scope": (
        "Anda tidak berwenang atas kelurahan {kode}; tidak ada yang disimpan dari kiriman ini.",
        "You have no access to kelurahan {kode}; nothing from this batch was saved.",
    ),
    "forbidden_role": (
        "Sebagai {role}, Anda tidak boleh mengubah data {table}.",
        "As {role} you may not change {table} records.",
    ),
    "forbidden": ("Anda tidak berwenang untuk ini.", "You are not allowed to do this."),
    # per record (push receipts)
    "invalid_data": (
        "Data tidak sah: {detail}. Perbaiki isian lalu simpan lagi.",
        "Invalid data: {detail}. Correct the entry and save it again.",
    ),
    "id_mismatch": (
        "ID di dalam data ({inner}) tidak sama dengan ID rekaman ({outer}).",
        "The id inside the data ({inner}) differs from the record id ({outer}).",
    ),
    "demo_record": (
        "Data contoh (demo) tidak dikirim ke server.",
        "Demo records are never sent to the server.",
    ),
    "invalid_nik": ("NIK tidak sah: {detail}", "Invalid NIK: {detail}"),
    "invalid_kk": ("Nomor KK tidak sah: {detail}", "Invalid family card number: {detail}"),
    "unknown_wilayah": (
        "Kelurahan {kode} tidak dikenal server. Periksa kode wilayah.",
        "The server does not know kelurahan {kode}. Check the area code.",
    ),
    "unknown_form": (
        "Formulir {form} versi {version} belum diterbitkan di server.",
        "Form {form} version {version} has not been published on the server.",
    ),
    "parent_missing": (
        "Data induknya ({table}) belum ada di server; dikirim lagi setelah induknya terkirim.",
        "Its parent record ({table}) is not on the server yet; sent again after the parent.",
    ),
    "bad_revision": (
        "Revisi {revision} harus lebih besar dari revisi dasar {base}.",
        "Revision {revision} must be greater than base revision {base}.",
    ),
    "revision_overflow": (
        "Nomor revisi rekaman ini sudah mencapai batas; hubungi admin kota.",
        "This record's revision number has reached its limit; contact the city admin.",
    ),
    "forbidden_transition": (
        "Sebagai {role}, Anda tidak boleh mengubah status penilaian menjadi {state}.",
        "As {role} you may not set an assessment's state to {state}.",
    ),
    "immutable": (
        "Rekaman ini sudah final dan tidak boleh diubah; kedua versi disimpan untuk kantor "
        "kelurahan.",
        "This record is final and cannot be changed; both versions are kept for the kelurahan "
        "office.",
    ),
    "certificate_number_taken": (
        "Nomor piagam {number} sudah dipakai piagam lain; kedua versi disimpan untuk ditinjau.",
        "Certificate number {number} is already used by another certificate; both are kept for "
        "review.",
    ),
    "field_conflict": (
        "Orang lain mengubah isian yang sama ({fields}); nilai server dipertahankan dan rekaman "
        "ditandai untuk kantor kelurahan.",
        "Someone else changed the same field(s) ({fields}); the server's value is kept and the "
        "record is flagged for the kelurahan office.",
    ),
    # attachments
    "bad_hash": (
        "Alamat lampiran harus sha256 (64 huruf heksadesimal).",
        "An attachment address must be a sha256 (64 hex characters).",
    ),
    "offset_mismatch": (
        "Potongan dikirim dari posisi {offset}, server sudah menerima {received} byte; "
        "lanjutkan dari {received}.",
        "Chunk sent at offset {offset} but the server holds {received} bytes; resume at "
        "{received}.",
    ),
    "bad_range": (
        "Rentang unduhan tidak sah; minta 'bytes=N-' dengan N di dalam ukuran berkas.",
        "Invalid download range; ask for 'bytes=N-' with N within the file's size.",
    ),
    "hash_mismatch": (
        "Isi lampiran tidak cocok dengan sha256-nya; kirim ulang dari awal.",
        "The attachment does not match its sha256; upload it again from the start.",
    ),
    "total_mismatch": (
        "Ukuran total lampiran berubah ({got}, sebelumnya {want}).",
        "The attachment's total size changed ({got}, before {want}).",
    ),
}


# Parameters that are codes inside a record (a role, an assessment state, a record kind, field
# names): a laptop shows the message as it comes, so they are put in words here.
_IN_WORDS: dict[str, Callable[[str], tuple[str, str]]] = {
    "role": labels.role_pair,
    "state": labels.state_pair,
    "table": labels.kind_pair,
    "fields": lambda names: _fields_in_words(names),  # noqa: PLW0108 (defined below)
}


def _fields_in_words(names: str) -> tuple[str, str]:
    pairs = [labels.any_field_pair(name.strip()) for name in names.split(",") if name.strip()]
    return ", ".join(p[0] for p in pairs), ", ".join(p[1] for p in pairs)


def text(code: str, **params: Any) -> protocol.Text:
    """The bilingual message for `code`; a parameter given as an (id, en) pair is per language;
    codes of roles, states, record kinds and field names are put in words (`core.labels`)."""
    indonesian, english = MESSAGES[code]
    for key, in_words in _IN_WORDS.items():
        if isinstance(params.get(key), str):
            params[key] = in_words(params[key])

    def pick(index: int) -> dict[str, Any]:
        return {k: v[index] if isinstance(v, tuple) else v for k, v in params.items()}

    return protocol.Text(id=indonesian.format(**pick(0)), en=english.format(**pick(1)))


class ApiError(Exception):
    """Raised anywhere in a request; becomes a `protocol.ErrorResponse` with this status."""

    def __init__(
        self,
        status: int,
        code: str,
        details: list[dict[str, Any]] | None = None,
        headers: dict[str, str] | None = None,
        **params: Any,
    ) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.details = details or []
        self.headers = headers
        self.params = params

    def response(self) -> JSONResponse:
        return error_response(self.status, self.code, self.details, self.headers, **self.params)


def error_response(
    status: int,
    code: str,
    details: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
    **params: Any,
) -> JSONResponse:
    body = protocol.ErrorResponse(
        error=protocol.ErrorBody(code=code, message=text(code, **params), details=details or [])
    )
    return JSONResponse(body.model_dump(), status_code=status, headers=headers)


def validation_details(errors: list[Any]) -> list[dict[str, Any]]:
    """Pydantic errors as plain JSON (location and message; never the offending value: PII)."""
    return [
        {"loc": [str(part) for part in error.get("loc", ())], "msg": str(error.get("msg", ""))}
        for error in errors[:50]
    ]


def has_bad_text(value: Any) -> bool:
    """True when a string anywhere in `value` holds NUL or a lone surrogate, which no database
    stores: refused as bad input up front instead of failing at INSERT time."""
    if isinstance(value, str):
        if "\x00" in value:
            return True
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return True
        return False
    if isinstance(value, dict):
        return any(has_bad_text(k) or has_bad_text(v) for k, v in value.items())
    if isinstance(value, list):
        return any(has_bad_text(v) for v in value)
    return False


BAD_TEXT = (
    "teks berisi karakter NUL atau surrogate yang tidak sah",
    "text holds a NUL or an unpaired surrogate character",
)


def summary(errors: list[Any]) -> str:
    first = errors[0] if errors else {}
    where = ".".join(str(part) for part in first.get("loc", ()) if part != "body")
    return f"{where}: {first.get('msg', '')}" if where else str(first.get("msg", ""))


def install_handlers(app: FastAPI) -> None:
    """Map every failure to an ErrorResponse; unexpected ones are logged (no PII) as 500."""

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return exc.response()

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = list(exc.errors())
        if any(tuple(e.get("loc", ()))[:2] == ("path", "sha256") for e in errors):
            return error_response(400, "bad_hash")
        return error_response(
            422, "invalid_request", validation_details(errors), detail=summary(errors)
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed", 415: "unsupported_media_type"}
        return error_response(
            exc.status_code, code.get(exc.status_code, "invalid_request"), detail=str(exc.detail)
        )

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.error("unhandled %s on %s %s", type(exc).__name__, request.method, request.url.path)
        return error_response(500, "server_error")
