import dataclasses
import datetime as dt

import pytest

from kampung_desktop.certificates.model import (
    CertificateData,
    canonical_fields,
    certificate_digest,
    parse_payload,
    verify_payload,
)


def sample(**changes) -> CertificateData:
    data = CertificateData(
        number="400.9/005/DPMPPA/2026",
        recipient_lines=("RT 005 / RW 012", "Kelurahan Eka Jaya Kecamatan Paal Merah"),
        achievement="sebagai Kampung Bantar Kategori Sedang Tahun 2026",
        place="Jambi",
        date=dt.date(2026, 9, 20),
        signatory_title="WALI KOTA JAMBI",
        signatory_name="NAMA WALI KOTA",
    )
    return dataclasses.replace(data, **changes)


def test_digest_is_ten_hex_and_stable():
    digest = certificate_digest(sample())
    assert len(digest) == 10
    assert all(c in "0123456789abcdef" for c in digest)
    assert digest == certificate_digest(sample())


def test_digest_ignores_spacing_but_not_content():
    base = certificate_digest(sample())
    spaced = sample(achievement="sebagai  Kampung Bantar Kategori Sedang   Tahun 2026 ")
    assert certificate_digest(spaced) == base
    for change in (
        {"recipient_lines": ("RT 006 / RW 012", "Kelurahan Eka Jaya Kecamatan Paal Merah")},
        {"achievement": "sebagai Kampung Bantar Kategori Besar Tahun 2026"},
        {"date": dt.date(2026, 9, 21)},
        {"number": "400.9/006/DPMPPA/2026"},
        {"signatory_name": "NAMA LAIN"},
        {"signatory_nip": "000000000000000000"},
        {"place": "Tangerang"},
    ):
        assert certificate_digest(sample(**change)) != base, change


def test_payload_round_trip_and_verify():
    data = sample()
    payload = data.qr_payload
    assert payload == f"PIAGAM|400.9/005/DPMPPA/2026|{data.digest}"
    parsed = parse_payload(payload)
    assert parsed.number == data.number
    assert parsed.digest == data.digest
    assert verify_payload(payload, data)
    assert verify_payload(f"PIAGAM|{data.number}|{data.digest.upper()}", data)  # scanner case


def test_verify_rejects_altered_or_foreign_payloads():
    data = sample()
    forged = sample(achievement="sebagai Kampung Bantar Kategori Besar Tahun 2026")
    assert not verify_payload(forged.qr_payload, data)
    assert not verify_payload(data.qr_payload, forged)
    other_number = sample(number="400.9/006/DPMPPA/2026")
    assert not verify_payload(other_number.qr_payload, data)
    for junk in (
        "",
        "hello",
        "PIAGAM|x",
        "QR|400.9/005/DPMPPA/2026|0123456789",
        "PIAGAM|400.9/005/DPMPPA/2026|zzzzzzzzzz",
        "PIAGAM||0123456789",
    ):
        assert not verify_payload(junk, data)
        with pytest.raises(ValueError):
            parse_payload(junk)


def test_number_must_be_usable_in_payload():
    with pytest.raises(ValueError):
        sample(number="  ")
    with pytest.raises(ValueError):
        sample(number="400|1")


def test_recipient_lines_become_a_tuple():
    data = sample(recipient_lines=["RT 001 / RW 001", "Kelurahan X"])
    assert data.recipient_lines == ("RT 001 / RW 001", "Kelurahan X")
    hash(data)


def test_digest_known_answer():
    """Every issued piagam carries this digest: a change to the canonical form or the hash
    would turn every printed copy into 'altered'. The values were computed outside Python
    (`printf '%s' '<canonical>' | sha256sum`)."""
    canonical = (
        '{"achievement":"sebagai Kampung Bantar Kategori Sedang Tahun 2026","date":"2026-09-20",'
        '"number":"400.9/005/DPMPPA/2026","place":"Jambi","recipient":["RT 005 / RW 012",'
        '"Kelurahan Eka Jaya Kecamatan Paal Merah"],"signatory":["WALI KOTA JAMBI",'
        '"NAMA WALI KOTA",""],"v":1}'
    )
    assert canonical_fields(sample()) == canonical.encode()
    assert certificate_digest(sample()) == "cab7a187ec"
    assert sample().qr_payload == "PIAGAM|400.9/005/DPMPPA/2026|cab7a187ec"
    # Non-ASCII text is hashed as NFC UTF-8: a decomposed 'ā' (a + U+0304) gives the same.
    lines = ("RT 005 / RW 012", "Kelurahan Eka\u0304 Jaya Kecamatan Paal Merah")
    assert certificate_digest(sample(recipient_lines=lines)) == "4ee64d2a19"
