"""`/verify`: a printed number (with slashes) and its QR digest answered from synced records."""

from __future__ import annotations

import pytest
from ops_seed import (
    KEL_A,
    app_client,
    certificate,
    decision,
    enrol,
    op,
    seed_accounts_and_wilayah,
)

NUMBER = "400.9/007-D3/DPMPPA/2026"
DIGEST = "8599b1d4c3"


@pytest.fixture
def city(server_db_url: str):
    seed_accounts_and_wilayah(server_db_url)
    with app_client(server_db_url) as client:
        office = enrol(client, "op_a", "Kantor Sukasari")
        award = decision(KEL_A)
        cert = certificate(award["id"], NUMBER, DIGEST)
        receipts = office.push([op("award_decisions", award), op("certificates", cert)])
        assert [r["status"] for r in receipts] == ["accepted", "accepted"]
        yield client, office, award, cert


def _json(client, **params):
    response = client.get("/verify", params={**params, "format": "json"})
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    return response.json()


def test_valid_with_digest_as_json_and_html(city) -> None:
    client, *_ = city
    body = _json(client, number=NUMBER, digest=DIGEST.upper())
    assert body["status"] == "valid"
    assert (body["program"], body["year"], body["rw"], body["rt"]) == ("bantar", 2026, 12, 5)
    assert body["kelurahan"] == f"Sukasari ({KEL_A})"
    assert body["message"]["id"].startswith("Piagam ini ASLI")
    # What a phone gets from the QR link: HTML in Indonesian, the number with its slashes.
    page = client.get(f"/verify?number=400.9%2F007-D3%2FDPMPPA%2F2026&digest={DIGEST}")
    assert page.headers["content-type"].startswith("text/html")
    assert 'lang="id"' in page.text and "ASLI" in page.text and NUMBER in page.text
    assert "RT 005 / RW 012" in page.text and "Sukasari" in page.text


def test_accept_header_chooses_json(city) -> None:
    client, *_ = city
    response = client.get(
        "/verify", params={"number": NUMBER}, headers={"Accept": "application/json"}
    )
    assert response.json()["status"] == "valid"
    assert "Pindai kode QR" in response.json()["message"]["id"]  # no digest: content unchecked


def test_altered_and_unknown(city) -> None:
    client, *_ = city
    assert _json(client, number=NUMBER, digest="0000000000")["status"] == "altered"
    unknown = _json(client, number="400.9/999/DPMPPA/2026", digest=DIGEST)
    assert unknown["status"] == "unknown" and unknown["program"] is None
    page = client.get("/verify", params={"number": "400.9/999/DPMPPA/2026"})
    assert "TIDAK TERDAFTAR" in page.text


def test_revoked_decision_revokes_its_certificate(city) -> None:
    client, office, award, _cert = city
    revoked = {**award, "revoked_at": "2026-11-30T09:00:00.000Z", "revoke_reason": "salah"}
    [receipt] = office.push([op("award_decisions", revoked, revision=2, base=1)])
    assert receipt["status"] == "accepted", receipt
    body = _json(client, number=NUMBER, digest=DIGEST)
    assert body["status"] == "revoked" and body["revoked_at"].startswith("2026-11-30")
    assert "DICABUT" in client.get("/verify", params={"number": NUMBER}).text


def test_empty_number_shows_the_form(city) -> None:
    client, *_ = city
    page = client.get("/verify")
    assert page.status_code == 200 and 'name="number"' in page.text and "ASLI" not in page.text
    assert _json(client)["status"] == "unknown"
    bad = client.get("/verify", params={"number": "x" * 500})
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid_request"


def test_hostile_input_is_answered_not_crashed(city) -> None:
    client, *_ = city
    for number in ("400.9\x00/007", "' OR 1=1 --", "<script>alert(1)</script>", "%00"):
        assert _json(client, number=number, digest="\x00")["status"] == "unknown"
        page = client.get("/verify", params={"number": number})
        assert page.status_code == 200 and "<script>alert" not in page.text


def test_the_link_a_printed_qr_holds_answers_valid(server_db_url: str, tmp_path) -> None:
    """Template with a verification base URL -> the QR's link -> this server: valid."""
    import datetime as dt
    import shutil
    import urllib.parse

    from kampung_desktop import paths
    from kampung_desktop.certificates.template import load_template

    shutil.copy(paths.resource("certificates", "emblem-generic.png"), tmp_path)
    toml = paths.resource("certificates", "bantar.toml").read_text(encoding="utf-8")
    (tmp_path / "kota.toml").write_text(
        toml + '\n[verification]\nbase_url = "https://kampung.kota.go.id"\n', encoding="utf-8"
    )
    template = load_template(tmp_path / "kota.toml")
    printed = template.certificate(
        seq=7,
        year=2026,
        category="sedang",
        date=dt.date(2026, 11, 30),
        rt=5,
        rw=12,
        kelurahan="Sukasari",
        kecamatan="Tangerang",
    )
    link = urllib.parse.urlsplit(template.qr_text(printed))
    seed_accounts_and_wilayah(server_db_url)
    with app_client(server_db_url) as client:
        office = enrol(client, "op_a")
        award = decision(KEL_A)
        cert = certificate(award["id"], printed.number, printed.digest)
        office.push([op("award_decisions", award), op("certificates", cert)])
        page = client.get(f"{link.path}?{link.query}")
        assert page.status_code == 200 and "ASLI" in page.text
        assert printed.number in page.text
