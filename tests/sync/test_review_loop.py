"""Two laptops on one household, the office's review loop, and a revoked device."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from datetime import date

import requests
from sync_support import KEL, PASSWORD, Laptop, server_records

from kampung_desktop.services.assessments import AssessmentService
from kampung_desktop.services.awards import AwardsService
from kampung_desktop.services.demo_assessments import bantar_answers
from kampung_desktop.services.registry import RegistryService
from kampung_desktop.services.sync import SyncService


def _edit(laptop: Laptop, hid: str, **values) -> None:
    registry = RegistryService(laptop.ctx.db, laptop.ctx.user_id)
    draft = registry.draft_of(hid)
    for key, value in values.items():
        setattr(draft, key, value)
    registry.save(draft, date(2026, 11, 23))


def _household(laptop: Laptop, hid: str) -> dict:
    with laptop.ctx.db.raw() as conn:
        conn.row_factory = __import__("sqlite3").Row
        return dict(conn.execute("SELECT * FROM households WHERE id = ?", (hid,)).fetchone())


def test_two_laptops_edit_different_fields_both_survive(server, laptop_factory):
    a, b = laptop_factory("a"), laptop_factory("b")
    a.enrol(server, "ani")
    b.enrol(server, "dedi")
    hid = a.add_households(1)[0]
    assert a.sync.sync().ok and b.sync.sync().ok
    _edit(a, hid, address="Jl. Dari Ani 1")
    _edit(b, hid, status="pindah")
    assert a.sync.sync().ok
    outcome = b.sync.sync()
    assert outcome.ok and outcome.conflict == 0 and outcome.accepted == 1
    assert a.sync.sync().ok
    for laptop in (a, b):
        row = _household(laptop, hid)
        assert (row["address"], row["status"]) == ("Jl. Dari Ani 1", "pindah")
    server_row = server_records(server.db_url, "households")[hid]
    assert server_row[1]["address"] == "Jl. Dari Ani 1" and server_row[1]["status"] == "pindah"
    assert _household(a, hid)["revision"] == _household(b, hid)["revision"] == server_row[0]


def test_same_field_is_flagged_and_the_office_resolves_it(server, laptop_factory):
    a, b, office = laptop_factory("a"), laptop_factory("b"), laptop_factory("office")
    a.enrol(server, "ani")
    b.enrol(server, "dedi")
    office.enrol(server, "budi")
    hid = a.add_households(1)[0]
    assert a.sync.sync().ok and b.sync.sync().ok
    _edit(a, hid, address="Jl. Versi Ani")
    _edit(b, hid, address="Jl. Versi Dedi")
    assert a.sync.sync().ok
    flagged = b.sync.sync()
    assert flagged.conflict == 1 and flagged.needs_attention
    assert any(item[2] == "conflict" for item in b.sync.log(1)[0].items)

    assert office.sync.sync().ok
    items = office.sync.conflicts()
    assert len(items) == 1 and items[0].record_id == hid
    choice = {f.field: f for f in items[0].fields}["address"]
    assert {choice.mine, choice.theirs} == {"Jl. Versi Ani", "Jl. Versi Dedi"}
    pick = "mine" if choice.mine == "Jl. Versi Dedi" else "theirs"
    office.sync.resolve_conflict(items[0].conflict_id, {"address": pick})
    assert office.sync.conflicts() == []
    assert office.sync.sync().ok
    assert a.sync.sync().ok and b.sync.sync().ok
    for laptop in (a, b, office):
        assert _household(laptop, hid)["address"] == "Jl. Versi Dedi"
    assert server_records(server.db_url, "households")[hid][1]["address"] == "Jl. Versi Dedi"


def test_revoked_device_stops_with_a_clear_message_and_keeps_its_data(server, laptop_factory):
    a = laptop_factory("a")
    a.enrol(server, "ani")
    a.add_households(2)
    assert a.sync.sync().ok
    a.add_households(1, start=50)
    with a.ctx.db.raw() as conn:
        device = conn.execute("SELECT device_id FROM sync_device").fetchone()[0]
    done = subprocess.run(
        [sys.executable, "-m", "kampung_desktop", "server", "device", "revoke", "--db",
         server.db_url, device], capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    outcome = a.sync.sync()
    assert not outcome.ok and "cabut" in outcome.error.lower() and " / " in outcome.error
    status = a.sync.status()
    assert status.revoked and status.state == "needs_attention"
    assert status.pending_total == 4 and len(a.rows("households")) == 3
    again = a.sync.sync()  # does not even try: same clear message
    assert not again.ok and again.error == a.sync.sync().error


def _kampung(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kampung_desktop", *args],
        input=stdin, capture_output=True, text=True, timeout=300,
    )  # fmt: skip


def _enrol_headless(laptop: Laptop, server, username: str) -> None:
    done = _kampung(
        "sync", "enrol", "--data-dir", str(laptop.data_dir), "--server", server.url,
        "--username", username, "--password-stdin", stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


def _sync_headless(laptop: Laptop) -> dict:
    """`kampung sync --json` in its own process: exit 0 and the counts it printed."""
    done = _kampung("sync", "--data-dir", str(laptop.data_dir), "--json")
    assert done.returncode == 0, (done.stdout, done.stderr)
    counts = json.loads(done.stdout)
    assert counts["rejected"] == 0 and counts["conflict"] == 0, counts
    return counts


def test_story_registry_to_verified_certificate(any_server, laptop_factory, tmp_path):
    """City imports a registry -> enumerator pulls, verifies, assesses, finalizes, syncs ->
    office pulls, returns with a note -> enumerator corrects and syncs -> office approves,
    decides, prints, syncs -> the server's verification page says valid.

    Real processes throughout: the server, the city's import, and every enrolment and sync
    of both laptops (`kampung sync enrol` / `kampung sync --json`, as a scheduled task runs
    them); the people's work in between goes through the app's services on the same data."""
    registry_csv = tmp_path / "registri.csv"
    from test_households_import import HEADER, _good

    registry_csv.write_text("\n".join([HEADER, *_good("3671091203150001", 1)]) + "\n")
    done = _kampung("server", "households", "import", "--db", any_server.db_url, str(registry_csv))
    assert done.returncode == 0, done.stderr

    ani = laptop_factory("ani")
    _enrol_headless(ani, any_server, "ani")
    assert _sync_headless(ani)["received"] > 0
    (hid,) = list(ani.rows("households"))
    _edit(ani, hid, address="Jl. Kenanga 1 (diverifikasi)")

    assessments = AssessmentService(ani.ctx.db, ani.ctx.user_id, tmp_path / "cache-ani")
    assessments.install_shipped_forms()
    aid = assessments.start("bantar_rt", KEL, rw=3, rt=4)
    for field, value in bantar_answers(random.Random(5), 2026, KEL, 3, 4).items():
        assessments.save_answer(aid, field, value)
    assessments.transition(aid, "finalize")
    sent = _sync_headless(ani)
    assert sent["sent"] == sent["accepted"] > len(assessments.answers(aid))
    verified = server_records(any_server.db_url, "households")[hid][1]
    assert verified["address"] == "Jl. Kenanga 1 (diverifikasi)"

    office = laptop_factory("office")
    _enrol_headless(office, any_server, "budi")
    _sync_headless(office)
    review = AssessmentService(office.ctx.db, office.ctx.user_id, tmp_path / "cache-office")
    assert review.get(aid).state == "finalized"
    assert review.answers(aid) == assessments.answers(aid)
    review.transition(aid, "return", "Foto drainase kurang jelas")
    assert _sync_headless(office)["accepted"] == 1

    _sync_headless(ani)
    todo = ani.sync.returned_assessments()
    assert [(t.assessment_id, t.note) for t in todo] == [(aid, "Foto drainase kurang jelas")]
    assessments.transition(aid, "reopen")
    assessments.save_answer(aid, "b_drainase", "2")
    assessments.transition(aid, "finalize")
    _sync_headless(ani)
    assert ani.sync.returned_assessments() == []

    _sync_headless(office)
    assert review.get(aid).state == "finalized" and review.answers(aid)["b_drainase"] == "2"
    review.transition(aid, "approve")
    awards = AwardsService(office.ctx.db, office.ctx.user_id)
    decision = awards.decide("bantar", 2026, KEL, 3, 4, "sedang", assessment_id=aid)
    from kampung_desktop.services.printing import template_for

    rows = [r for r in awards.decisions("bantar", 2026) if r.decision.id == decision.id]
    (printed,) = awards.issue(rows, template_for("bantar"), date(2026, 12, 1))
    device_code = office.sync.status().device_code
    assert printed.number.endswith("/" + device_code)
    final = _sync_headless(office)
    assert final["accepted"] == 3  # the approval, the decision, the certificate

    answer = requests.get(
        f"{any_server.url}/verify", params={"number": printed.number, "format": "json"}, timeout=10
    ).json()
    assert answer["status"] == "valid", answer
    page = requests.get(f"{any_server.url}/verify", params={"number": printed.number}, timeout=10)
    assert page.status_code == 200 and printed.number in page.text
    _sync_headless(ani)
    assert SyncService.for_context(ani.ctx).status().pending_total == 0
    assert assessments.get(aid).state == "approved"
