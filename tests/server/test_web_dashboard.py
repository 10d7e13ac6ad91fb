"""The city's overview: login with a session cookie, scope, counts, devices and rejections."""

from __future__ import annotations

import re

import pytest
from kampung_sync.server import db
from kampung_sync.server.records import write_server_records
from ops_seed import (
    KEL_A,
    KEL_B,
    KEL_C,
    PASSWORD,
    app_client,
    assessment,
    decision,
    enrol,
    household,
    member,
    op,
    seed_accounts_and_wilayah,
)


def login(client, username: str, password: str = PASSWORD):
    return client.post(
        "/login",
        data={"username": username, "password": password, "next": "/dashboard"},
        follow_redirects=False,
    )


def cells(page: str, name: str) -> list[str]:
    """The numbers of the table row whose first cell starts with `name`."""
    row = re.search(rf"<tr[^>]*><td class=\"text[^\"]*\">{re.escape(name)}.*?</tr>", page, re.S)
    assert row, f"no row {name}"
    return re.findall(r"<td>(?:<span[^>]*>)?([\d.]+)", row.group(0))


@pytest.fixture
def city(server_db_url: str):
    seed_accounts_and_wilayah(server_db_url)
    engine = db.make_engine(server_db_url)
    with db.transaction(engine) as session:  # the city's registry: 3 households in KEL_A
        write_server_records(
            session, "households", [household(KEL_A) for _ in range(3)], actor="test"
        )
    engine.dispose()
    with app_client(server_db_url) as client:
        field = enrol(client, "enum_a", "Laptop Ani")
        home = household(KEL_A, rw=2)
        receipts = field.push(
            [
                op("households", home),
                op("members", member(home["id"], "3671011705800001")),
                op("members", member(home["id"], "12345")),  # bad NIK: rejected
                op("assessments", assessment(KEL_A, "finalized")),
                op("assessments", assessment(KEL_A, "draft")),
            ]
        )
        assert [r["status"] for r in receipts] == ["accepted"] * 2 + ["rejected"] + ["accepted"] * 2
        office = enrol(client, "op_a", "Kantor Sukasari")
        office.push([op("award_decisions", decision(KEL_A))])
        far = enrol(client, "enum_c", "Laptop Citra")
        far.push([op("households", household(KEL_C))])
        yield client, field, home, receipts[2]


def test_pages_need_a_login(city) -> None:
    client, *_ = city
    response = client.get("/dashboard", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/login")
    client.cookies.set("kampung_session", "forged.0000")
    assert client.get("/dashboard", follow_redirects=False).status_code == 303


def test_wrong_password_and_enumerators_are_refused(city) -> None:
    client, *_ = city
    wrong = login(client, "admin", "salah-salah")
    assert wrong.status_code == 401 and "Nama pengguna atau kata sandi salah" in wrong.text
    enumerator = login(client, "enum_a")
    assert enumerator.status_code == 403 and "Pencacah" in enumerator.text
    assert "kampung_session" not in enumerator.cookies


def test_failed_logins_are_rate_limited(city) -> None:
    client, *_ = city
    for _ in range(5):
        assert login(client, "admin", "salah-salah").status_code == 401
    blocked = login(client, "admin")  # even the right password waits now
    assert blocked.status_code == 429 and "Terlalu banyak" in blocked.text


def test_admin_sees_the_whole_city(city) -> None:
    client, *_ = city
    response = login(client, "admin")
    assert response.status_code == 303 and response.headers["location"] == "/dashboard"
    cookie = response.cookies["kampung_session"]
    assert "httponly" in response.headers["set-cookie"].lower()
    client.cookies.set("kampung_session", cookie)
    page = client.get("/dashboard").text
    assert "Kec. Tangerang" in page and "Kec. Jatiuwung" in page
    # households registered, verified, assessments draft/finalized/submitted/returned/approved,
    # awards, certificates
    assert cells(page, "Sukasari") == ["4", "1", "1", "1", "0", "0", "0", "1", "0"]
    assert cells(page, "Alam Jaya")[:2] == ["1", "1"]
    assert cells(page, "Babakan") == [] or set(cells(page, "Babakan")) == {"0"}
    assert cells(page, "Total")[:2] == ["5", "2"]
    assert "Laptop Ani" in page and "Laptop Citra" in page


def test_operator_sees_only_their_kelurahan(city) -> None:
    client, *_ = city
    client.cookies.set("kampung_session", login(client, "op_a").cookies["kampung_session"])
    page = client.get("/dashboard").text
    assert "Sukasari" in page and "Alam Jaya" not in page and KEL_B not in page
    assert "Laptop Ani" in page and "Laptop Citra" not in page


def test_device_rejections_stay_pending_until_fixed(city) -> None:
    client, field, home, rejected = city
    client.cookies.set("kampung_session", login(client, "admin").cookies["kampung_session"])

    def pending_of(name: str) -> str:
        row = re.search(
            rf"<tr>\s*<td class=\"text\">\w+</td>\s*<td class=\"text\">{name}.*?</tr>",
            client.get("/dashboard").text,
            re.S,
        )
        assert row
        return re.findall(r">(\d+)</span></td>\s*</tr>", row.group(0))[-1]

    assert pending_of("Laptop Ani") == "1"
    fixed = member(home["id"], "3671014302840002")
    fixed["id"] = rejected["record_id"]
    [receipt] = field.push([op("members", fixed, revision=2, base=0)])
    assert receipt["status"] == "accepted"
    assert pending_of("Laptop Ani") == "0"


def test_logout_forgets_the_session(city) -> None:
    client, *_ = city
    client.cookies.set("kampung_session", login(client, "admin").cookies["kampung_session"])
    assert client.get("/dashboard").status_code == 200
    out = client.post("/logout", follow_redirects=False)
    assert out.status_code == 303 and 'kampung_session=""' in out.headers["set-cookie"]


def test_hostile_login_input_is_refused_cleanly(city) -> None:
    client, *_ = city
    for username in ("admin\x00", "' OR 1=1 --", "x" * 100):
        response = login(client, username, "p\x00")
        assert response.status_code == 401 and "salah" in response.text
    too_long = login(client, "x" * 101)
    assert too_long.status_code == 422
