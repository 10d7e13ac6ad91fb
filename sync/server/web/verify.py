"""`GET /verify?number=N[&digest=D]`: is this printed piagam genuine? For residents and scripts.

The QR on a certificate printed with a verification base URL opens this page on a phone. The
answer comes from the certificate records the offices synced: `valid`, `revoked` (the award or
the certificate was withdrawn), `unknown` (no such number) or `altered` (the number exists but
the printed content's digest differs). JSON for `Accept: application/json` or `format=json`
(`protocol.Verification`), otherwise a small page in Bahasa Indonesia (English below it).
"""

from __future__ import annotations

import hmac
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response
from kampung_sync import protocol
from kampung_sync.server.tables import CertificateNumber, Record
from kampung_sync.server.web.templating import render
from sqlalchemy import select
from sqlalchemy.orm import Session

router = APIRouter(tags=["certificates"])

MESSAGES: dict[str, tuple[str, str]] = {
    "valid": (
        "Piagam ini ASLI dan BERLAKU: nomor dan isinya sama dengan yang diterbitkan.",
        "This certificate is GENUINE and VALID: its number and content match what was issued.",
    ),
    "valid_unchecked": (
        "Nomor piagam ini TERDAFTAR dan BERLAKU. Pindai kode QR pada piagam untuk memastikan "
        "isinya tidak diubah.",
        "This certificate number is REGISTERED and VALID. Scan the QR code on the certificate "
        "to make sure its content was not changed.",
    ),
    "revoked": (
        "Piagam ini telah DICABUT dan tidak berlaku lagi.",
        "This certificate has been REVOKED and is no longer valid.",
    ),
    "unknown": (
        "Nomor piagam ini TIDAK TERDAFTAR. Periksa kembali nomornya; jika benar, piagam mungkin "
        "belum disinkronkan oleh kantor kelurahan — tanyakan ke kantor kelurahan.",
        "This certificate number is NOT REGISTERED. Check the number; if it is right, the "
        "kelurahan office may not have synced it yet — ask the kelurahan office.",
    ),
    "altered": (
        "PERHATIAN: nomor ini terdaftar, tetapi isi piagam TIDAK SAMA dengan yang diterbitkan. "
        "Piagam ini kemungkinan telah diubah.",
        "WARNING: this number is registered, but the certificate's content does NOT match what "
        "was issued. This copy has probably been altered.",
    ),
}


def _record(session: Session, table: str, record_id: str) -> Record | None:
    return session.get(Record, (table, record_id))


def find_certificate(session: Session, number: str) -> Record | None:
    """The certificate record with this number (via the city-wide number index)."""
    entry = session.get(CertificateNumber, number)
    if entry is not None:
        found = _record(session, "certificates", entry.certificate_id)
        if found is not None:
            return found
    number_field = Record.__table__.c.data["number"].as_string()
    return session.execute(
        select(Record)
        .where(Record.table_name == "certificates", number_field == number)
        .order_by(Record.seq.desc())
        .limit(1)
    ).scalar_one_or_none()


def check(session: Session, number: str, digest: str | None) -> protocol.Verification:
    """The verification answer for a number (and the digest printed in its QR, if given)."""
    number = number.strip()
    if "\x00" in number or "\x00" in (digest or ""):
        return _answer(number.replace("\x00", ""), "unknown")  # no such text can be stored
    certificate = find_certificate(session, number) if number else None
    if certificate is None or certificate.deleted:
        return _answer(number, "unknown")
    cert: dict[str, Any] = certificate.data
    decision_row = _record(session, "award_decisions", str(cert.get("decision_id")))
    decision: dict[str, Any] = decision_row.data if decision_row is not None else {}
    details = {
        "program": decision.get("program"),
        "year": decision.get("year"),
        "kelurahan": _kelurahan_name(session, decision.get("kelurahan_kode")),
        "rw": decision.get("rw"),
        "rt": decision.get("rt") or None,
        "category": decision.get("category"),
        "issued_at": cert.get("issued_at"),
    }
    stored = str(cert.get("digest", "")).lower()
    given = (digest or "").strip().lower()
    if given and not hmac.compare_digest(given.encode(), stored.encode()):
        return _answer(number, "altered", **details)
    revoked_at = cert.get("revoked_at") or decision.get("revoked_at")
    if revoked_at or (decision_row is not None and decision_row.deleted):
        return _answer(number, "revoked", revoked_at=revoked_at, **details)
    key = "valid" if given else "valid_unchecked"
    return _answer(number, "valid", message_key=key, **details)


def _kelurahan_name(session: Session, kode: Any) -> str | None:
    if not kode:
        return None
    row = _record(session, "wilayah", str(kode))
    name = row.data.get("nama") if row is not None else None
    return f"{name} ({kode})" if name else str(kode)


def _answer(
    number: str, status: str, message_key: str | None = None, **details: Any
) -> protocol.Verification:
    indonesian, english = MESSAGES[message_key or status]
    return protocol.Verification(
        number=number, status=status, message=protocol.Text(id=indonesian, en=english), **details
    )


def _wants_json(request: Request, format: str | None) -> bool:
    if format:
        return format.lower() == "json"
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


@router.get(
    "/verify",
    response_model=protocol.Verification,
    responses={200: {"content": {"text/html": {}}}},
)
def verify(
    request: Request,
    number: str = Query(default="", max_length=200, description="nomor piagam (boleh memuat /)"),
    digest: str | None = Query(default=None, max_length=64, description="kode dari QR"),
    format: str | None = Query(default=None, pattern="^(json|html)$"),
) -> Response:
    """Check a certificate number (and the digest from its QR code)."""
    with Session(request.app.state.engine) as session:
        answer = check(session, number, digest) if number.strip() else None
    if _wants_json(request, format):
        if answer is None:
            answer = _answer("", "unknown")
        return JSONResponse(answer.model_dump(), headers={"Cache-Control": "no-store"})
    return render(request, "verify.html", {"answer": answer, "number": number, "user": None})
