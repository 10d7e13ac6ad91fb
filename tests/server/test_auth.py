"""Accounts and devices: enrolment, tokens stored hashed, revocation, failed-login limit, audit."""

from __future__ import annotations

import pytest
from kampung_sync.server import accounts
from kampung_sync.server.tables import AuditEntry, Device, User
from server_core_support import PASSWORD, household, op, server
from sqlalchemy import select


def test_enrol_gives_a_token_a_device_code_and_the_account(server_db_url: str) -> None:
    with server(server_db_url) as srv:
        srv.user("ani", scope=("36.71.01.1001",))
        answer = srv.client.post(
            "/api/v1/enrol",
            json={
                "username": "ani",
                "password": PASSWORD,
                "device_id": "laptop-0001",
                "device_name": "Laptop RW 01",
            },
        )
        assert answer.status_code == 200, answer.text
        body = answer.json()
        assert body["device_code"].startswith("D") and len(body["token"]) >= 40
        assert body["account"]["role"] == "enumerator"
        assert body["account"]["scope"] == ["36.71.01.1001"]
        assert accounts.verify_password(body["account"]["password_verifier"], PASSWORD)
        with srv.session() as session:
            device = session.get(Device, "laptop-0001")
            assert device.token_hash == accounts.token_hash(body["token"])
            assert body["token"] not in device.token_hash
            user = session.execute(select(User).where(User.username == "ani")).scalar_one()
            assert user.password_hash.startswith("$argon2id$")
        second = srv.device("ani")
        assert second.code != body["device_code"]


def test_wrong_password_and_unknown_user_get_the_same_answer(server_db_url: str) -> None:
    with server(server_db_url) as srv:
        srv.user("ani")
        answers = [
            srv.client.post(
                "/api/v1/enrol",
                json={"username": name, "password": "salah-123", "device_id": "laptop-0001"},
            )
            for name in ("ani", "nobody")
        ]
        assert [a.status_code for a in answers] == [401, 401]
        assert answers[0].json() == answers[1].json()
        assert answers[0].json()["error"]["code"] == "bad_credentials"


def test_failed_logins_are_rate_limited_per_username(server_db_url: str) -> None:
    with server(server_db_url, login_max_failures=3) as srv:
        srv.user("ani")
        srv.user("ina")
        attempt = {"username": "ani", "password": "salah-123", "device_id": "laptop-0001"}
        codes = [srv.client.post("/api/v1/enrol", json=attempt).status_code for _ in range(4)]
        assert codes == [401, 401, 401, 429]
        right = {**attempt, "password": PASSWORD}
        limited = srv.client.post("/api/v1/enrol", json=right)
        assert limited.status_code == 429 and "Retry-After" in limited.headers
        assert limited.json()["error"]["code"] == "too_many_attempts"
        # another user from the same address is not locked out
        other = srv.client.post("/api/v1/enrol", json={**right, "username": "ina"})
        assert other.status_code == 200
        with srv.session() as session:
            actions = session.execute(select(AuditEntry.action)).scalars().all()
        assert actions.count("login_failed") == 3


def test_revoked_device_is_refused_with_a_clear_reason(server_db_url: str) -> None:
    with server(server_db_url) as srv:
        laptop = srv.device("ani")
        assert laptop.push([op("households", household())])[0].status == "accepted"
        with srv.session() as session:
            accounts.revoke_device(session, laptop.code, actor="admin")
        for answer in (
            laptop.push_raw([op("households", household())]),
            srv.client.get("/api/v1/pull", headers=laptop.headers),
        ):
            assert answer.status_code == 401
            error = answer.json()["error"]
            assert error["code"] == "device_revoked"
            assert "dicabut" in error["message"]["id"] and "revoked" in error["message"]["en"]
        again = srv.client.post(
            "/api/v1/enrol",
            json={"username": "ani", "password": PASSWORD, "device_id": laptop.device_id},
        )
        assert again.status_code == 401 and again.json()["error"]["code"] == "device_revoked"
        with srv.session() as session:
            assert session.get(Device, laptop.device_id).revoked_at is not None
            actions = session.execute(select(AuditEntry.action)).scalars().all()
        assert {"device_enrolled", "push", "device_revoked"} <= set(actions)


@pytest.mark.parametrize("token", ["", "not-a-token", "x" * 500])
def test_missing_or_unknown_token_is_401(server_db_url: str, token: str) -> None:
    with server(server_db_url) as srv:
        answer = srv.client.get("/api/v1/pull", headers={"Authorization": f"Bearer {token}"})
        assert answer.status_code == 401
        assert answer.json()["error"]["code"] == "unauthorized"


def test_account_rules_are_checked(server_db_url: str) -> None:
    with server(server_db_url) as srv, srv.session() as session:
        for kwargs in (
            {"role": "boss", "scope": ["36.71.01.1001"]},
            {"role": "enumerator", "scope": []},
            {"role": "operator", "scope": ["36.71"]},
            {"role": "admin", "scope": [], "password": "short"},
        ):
            arguments = {"username": "x", "password": PASSWORD, **kwargs}
            with pytest.raises(accounts.AccountError) as caught:
                accounts.create_user(session, **arguments)
            assert caught.value.message.id and caught.value.message.en
        accounts.create_user(session, username="x", password=PASSWORD, role="admin")
        with pytest.raises(accounts.AccountError):
            accounts.create_user(session, username="x", password=PASSWORD, role="admin")
        with pytest.raises(accounts.AccountError):
            accounts.revoke_device(session, "no-such-device")


def test_simultaneous_enrolments_of_one_laptop_both_succeed(server_db_url: str) -> None:
    import threading

    with server(server_db_url) as srv:
        srv.user("ani")
        answers: list[int] = []
        start = threading.Barrier(4)

        def enrol() -> None:
            start.wait()
            answer = srv.client.post(
                "/api/v1/enrol",
                json={"username": "ani", "password": PASSWORD, "device_id": "laptop-double"},
            )
            answers.append(answer.status_code)

        threads = [threading.Thread(target=enrol) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert answers == [200] * 4
        with srv.session() as session:
            assert session.get(Device, "laptop-double") is not None
