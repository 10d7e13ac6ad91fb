"""Two kelurahan offices print certificates offline on the same day: their numbers never clash.

Each enrolled office desktop carries the device code the server gave it, and its certificate
numbers end with that code (the office-coded pattern, docs/sync-protocol.md "Certificates"), so
two desktops counting from 1 for the same program and year still print different numbers. Both
reach the city, and the verification page answers valid for each. A number printed before
enrolment carries no code: should it clash, the server flags it (never a silent duplicate).
Real server processes on 127.0.0.1, SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import date

import requests
from sync_support import KEL, server_records

from kampung_desktop.services.awards import AwardsService
from kampung_desktop.services.printing import template_for


def _print_one(laptop, rt: int):  # type: ignore[no-untyped-def]
    """Decide Bantar 2026 for RW 5 / `rt` and print its certificate on this laptop (offline)."""
    awards = AwardsService(laptop.ctx.db, laptop.ctx.user_id)
    decision = awards.decide("bantar", 2026, KEL, 5, rt, "sedang")
    rows = [r for r in awards.decisions("bantar", 2026) if r.decision.id == decision.id]
    (printed,) = awards.issue(rows, template_for("bantar"), date(2026, 12, 1))
    return printed


def _verify(server, number: str) -> str:
    answer = requests.get(
        f"{server.url}/verify", params={"number": number, "format": "json"}, timeout=10
    )
    return answer.json()["status"]


def test_two_offices_printing_offline_never_share_a_number(any_server, laptop_factory):
    first, second = laptop_factory("kantor-1"), laptop_factory("kantor-2")
    first.enrol(any_server, "budi")
    second.enrol(any_server, "budi")  # a second desktop of the same office: its own code
    codes = [first.sync.status().device_code, second.sync.status().device_code]
    assert codes[0] and codes[1] and codes[0] != codes[1]

    # no connection now: each office counts from 1 for Bantar 2026
    printed = [_print_one(first, rt=1), _print_one(second, rt=2)]
    assert printed[0].number != printed[1].number
    for certificate, code in zip(printed, codes, strict=True):
        assert certificate.number.endswith("/" + code)
    assert printed[0].number.removesuffix(codes[0]) == printed[1].number.removesuffix(codes[1])

    for laptop in (first, second):
        outcome = laptop.sync.sync()
        assert outcome.ok and outcome.rejected == 0 and outcome.conflict == 0, outcome
    held = {d["number"] for _rev, d in server_records(any_server.db_url, "certificates").values()}
    assert held == {c.number for c in printed}
    assert [_verify(any_server, c.number) for c in printed] == ["valid", "valid"]


def test_numbers_printed_before_enrolment_that_clash_are_flagged(server, laptop_factory):
    first, second = laptop_factory("kantor-1"), laptop_factory("kantor-2")
    # both desktops print before anyone enrolled them: no office code, the same number
    printed = [_print_one(first, rt=1), _print_one(second, rt=2)]
    assert printed[0].number == printed[1].number
    first.enrol(server, "budi")
    second.enrol(server, "budi")
    assert first.sync.sync().ok
    clash = second.sync.sync()  # the pull brings the first office's certificate: same number
    assert clash.ok, clash.error  # the pull went through (it used to fail on every sync)
    assert clash.conflict == 1 and clash.needs_attention
    (entry,) = second.sync.log(1)
    assert ("certificates", "conflict") in {(item[0], item[2]) for item in entry.items}
    (flagged,) = second.sync.conflicts()  # in the office's to-do list, from the server
    assert flagged.table == "certificates" and [f.field for f in flagged.fields] == ["number"]
    numbers = [d["number"] for _r, d in server_records(server.db_url, "certificates").values()]
    assert numbers == [printed[0].number]  # one certificate under that number, not two
    with second.ctx.db.raw() as conn:  # the laptop keeps what it printed
        mine = conn.execute("SELECT number FROM certificates").fetchall()
    assert mine == [(printed[1].number,)]
    again = second.sync.sync()
    assert again.ok and again.received == 0


def test_the_same_place_decided_on_two_office_desktops_does_not_stop_the_pull(
    server, laptop_factory
):
    first, second = laptop_factory("kantor-1"), laptop_factory("kantor-2")
    first.enrol(server, "budi")
    second.enrol(server, "budi")
    printed = [_print_one(first, rt=3), _print_one(second, rt=3)]  # offline, same RT
    assert first.sync.sync().ok
    outcome = second.sync.sync()
    assert outcome.ok, outcome.error
    with second.ctx.db.raw() as conn:
        active = conn.execute(
            "SELECT COUNT(*) FROM award_decisions WHERE rt = 3 AND revoked_at IS NULL"
        ).fetchone()[0]
        numbers = {n for (n,) in conn.execute("SELECT number FROM certificates")}
    assert active == 1 and printed[1].number in numbers
    assert first.sync.sync().ok and second.sync.sync().ok
