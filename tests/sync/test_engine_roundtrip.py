"""The engine headless against a real server process on 127.0.0.1."""

from __future__ import annotations

import json

from sync_support import KEL, PASSWORD, server_records


def test_enrol_push_pull_round_trip(any_server, laptop_factory, tmp_path):
    a = laptop_factory("a")
    a.enrol(any_server, "ani")
    status = a.sync.status()
    assert status.enrolled and status.device_code and status.username == "ani"
    households = a.add_households(5)
    assert a.pending() == 20  # 5 households + 15 members

    outcome = a.sync.sync()
    assert outcome.ok, outcome.error
    assert (outcome.sent, outcome.accepted, outcome.rejected) == (20, 20, 0)
    assert a.pending() == 0 and a.sync.status().state == "up_to_date"
    assert set(server_records(any_server.db_url, "households")) == set(households)

    # receipts stored, payloads (with their NIKs) pruned
    with a.ctx.db.raw() as conn:
        assert conn.execute("SELECT count(*) FROM sync_receipts").fetchone()[0] == 20
        assert (
            conn.execute(
                "SELECT count(*) FROM outbox WHERE payload <> '{}' AND status = 'accepted'"
            ).fetchone()[0]
            == 0
        )

    # a second laptop in the same kelurahan receives them all
    b = laptop_factory("b")
    b.enrol(any_server, "dedi")
    got = b.sync.sync()
    assert got.ok and got.sent == 0 and got.received >= 20
    assert set(b.rows("households")) == set(households)
    assert b.rows("members") == a.rows("members")
    # and the search index knows the pulled people
    with b.ctx.db.raw() as conn:
        hit = conn.execute(
            "SELECT count(*) FROM household_search WHERE household_search MATCH '\"warga\"*'"
        ).fetchone()[0]
    assert hit == 5

    # syncing again moves nothing
    again = a.sync.sync()
    assert again.ok and again.sent == 0
    assert len(a.sync.log()) == 2


def test_token_is_kept_out_of_settings_and_logs(server, laptop_factory, tmp_path, caplog):
    caplog.set_level("DEBUG")
    a = laptop_factory("a")
    a.enrol(server, "ani")
    a.add_households(1)
    assert a.sync.sync().ok
    from kampung_desktop.services.sync.credentials import TokenStore

    with a.ctx.db.raw() as conn:
        device = conn.execute("SELECT device_id FROM sync_device").fetchone()[0]
        dump = "\n".join(conn.iterdump())
    store = TokenStore(a.data_dir, device)
    token = store.load()
    assert store.backend == "encrypted-file" and token and len(token) >= 20
    assert token not in dump and PASSWORD not in dump
    assert token not in caplog.text and PASSWORD not in caplog.text
    assert token.encode() not in (a.data_dir / "sync-token.enc").read_bytes()
    for path in a.data_dir.rglob("*"):
        if path.is_file():
            assert token.encode() not in path.read_bytes(), path


def test_demo_records_never_leave_the_laptop(server, laptop_factory):
    """Issue 9: editing a demo household, deciding and printing for a demo RT queue nothing."""
    from datetime import date

    from kampung_desktop.services import demo
    from kampung_desktop.services.awards import AwardsService
    from kampung_desktop.services.registry import RegistryService

    a = laptop_factory("a")
    demo.seed(a.ctx.db, 5, 42)
    registry = RegistryService(a.ctx.db, a.ctx.user_id)
    with a.ctx.db.raw() as conn:
        hid, kel, rw, rt = conn.execute(
            "SELECT id, kelurahan_kode, rw, rt FROM households WHERE is_demo = 1 LIMIT 1"
        ).fetchone()
    draft = registry.draft_of(hid)
    draft.address = "Jl. Demo Diubah 1"
    draft.members = draft.members[:1]  # deletes the others
    registry.save(draft, date(2026, 11, 23))
    awards = AwardsService(a.ctx.db, a.ctx.user_id)
    decision = awards.decide("bantar", 2026, kel, rw, rt, "sedang")
    assert decision.is_demo
    # a demo assessment approved, decided and its certificate printed (QA): all stay demo
    from kampung_desktop.services.demo_assessments import seed_assessments
    from kampung_desktop.services.printing import PrintingService, PrintRequest
    from kampung_desktop.services.review import ReviewService

    seed_assessments(a.ctx.db, a.ctx.user_id, a.data_dir / "forms-cache", year=2026)
    review = ReviewService(a.ctx.db, a.ctx.user_id, a.data_dir / "forms-cache")
    finalized = [item for item in review.list("bantar") if item.state == "finalized"]
    review.approve(finalized[0].id)
    item = review.get(finalized[0].id)
    review.decide_rt(
        "bantar", 2026, item.kelurahan_kode, item.rw, item.rt, "kecil", override_reason="uji"
    )
    printed = PrintingService(a.ctx.db, a.ctx.user_id).run(
        PrintRequest("bantar", 2026, None, out_pdf=a.data_dir.parent / "demo-piagam.pdf")
    )
    assert printed.count == 2

    a.enrol(server, "ani")
    outcome = a.sync.sync()
    assert outcome.ok and outcome.sent == 0 and a.pending() == 0
    for table in (
        "households", "members", "award_decisions", "assessments", "assessment_answers",
        "certificates",
    ):  # fmt: skip
        assert server_records(server.db_url, table) == {}, table


def test_wrong_password_and_bad_url_give_clear_messages(server, laptop_factory):
    import pytest

    from kampung_desktop.services.sync import SyncError

    a = laptop_factory("a")
    with pytest.raises(SyncError) as err:
        a.sync.enrol(server.url, "ani", "salah")
    assert " / " in str(err.value)
    with pytest.raises(SyncError):
        a.sync.enrol("ftp://x", "ani", "x")
    assert not a.sync.status().enrolled
    assert json.dumps(KEL)
