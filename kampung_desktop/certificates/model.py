"""What a certificate says, and the short digest that lets a printed copy be checked.

The QR code on a piagam carries `PIAGAM|<number>|<digest>` (or, when the template names the
city's verification server, the link `<base>/verify?number=..&digest=..`), where the digest is
the first 10 hex characters of SHA-256 over the canonical printed fields. Whoever scans a copy looks the
number up in the office's records and recomputes the digest from what was issued: a copy whose
text was altered (another RT, another category) no longer matches.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import hmac
import json
import unicodedata
import urllib.parse
from dataclasses import dataclass

PAYLOAD_PREFIX = "PIAGAM"
DIGEST_LENGTH = 10


@dataclass(frozen=True)
class CertificateData:
    """Everything printed on one certificate that varies from one recipient to the next."""

    number: str
    recipient_lines: tuple[str, ...]
    achievement: str
    place: str
    date: _dt.date
    signatory_title: str
    signatory_name: str
    signatory_nip: str = ""

    def __post_init__(self) -> None:
        # A list passed by a caller would make the dataclass unhashable and mutable.
        object.__setattr__(self, "recipient_lines", tuple(self.recipient_lines))
        if not self.number.strip():
            raise ValueError("certificate number is empty")
        if "|" in self.number:
            raise ValueError("certificate number may not contain '|' (QR payload separator)")

    @property
    def digest(self) -> str:
        return certificate_digest(self)

    @property
    def qr_payload(self) -> str:
        return f"{PAYLOAD_PREFIX}|{self.number}|{self.digest}"


def _norm(text: str) -> str:
    """NFC and single spaces, so the same words typed differently give the same digest."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def canonical_fields(data: CertificateData) -> bytes:
    """The printed fields as compact, key-sorted UTF-8 JSON: the input of the digest."""
    fields = {
        "v": 1,
        "number": _norm(data.number),
        "recipient": [_norm(line) for line in data.recipient_lines],
        "achievement": _norm(data.achievement),
        "place": _norm(data.place),
        "date": data.date.isoformat(),
        "signatory": [
            _norm(data.signatory_title),
            _norm(data.signatory_name),
            _norm(data.signatory_nip),
        ],
    }
    return json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def certificate_digest(data: CertificateData) -> str:
    """First 10 hex characters of SHA-256 over `canonical_fields(data)`."""
    return hashlib.sha256(canonical_fields(data)).hexdigest()[:DIGEST_LENGTH]


@dataclass(frozen=True)
class Payload:
    number: str
    digest: str


def verification_url(base_url: str, number: str, digest: str) -> str:
    """The link a QR holds when the city runs a verification server (numbers contain '/')."""
    query = urllib.parse.urlencode({"number": number, "digest": digest})
    return f"{base_url.rstrip('/')}/verify?{query}"


def parse_payload(payload: str) -> Payload:
    """Split a scanned QR text (`PIAGAM|..|..` or a verification link) into number and digest.

    Raises ValueError if it is not one of ours.
    """
    text = payload.strip()
    if text.startswith(("https://", "http://")):
        url = urllib.parse.urlsplit(text)
        query = urllib.parse.parse_qs(url.query)
        if not url.path.endswith("/verify") or "number" not in query or "digest" not in query:
            raise ValueError("bukan kode QR piagam / not a certificate QR code")
        text = f"{PAYLOAD_PREFIX}|{query['number'][0]}|{query['digest'][0]}"
    parts = text.split("|")
    if len(parts) != 3 or parts[0] != PAYLOAD_PREFIX:
        raise ValueError("bukan kode QR piagam / not a certificate QR code")
    number, digest = parts[1], parts[2].lower()
    if (
        not number
        or len(digest) != DIGEST_LENGTH
        or any(c not in "0123456789abcdef" for c in digest)
    ):
        raise ValueError("kode QR piagam rusak / malformed certificate QR code")
    return Payload(number, digest)


def verify_payload(payload: str, data: CertificateData) -> bool:
    """True when a scanned payload names this certificate and matches its printed content."""
    try:
        parsed = parse_payload(payload)
    except ValueError:
        return False
    return parsed.number == data.number and hmac.compare_digest(parsed.digest, data.digest)
