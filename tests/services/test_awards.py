"""AwardsService: decisions are validated, unique per RT and year, revoked but never deleted;
certificate numbers never repeat, even with two processes issuing at once."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from datetime import date
from pathlib import Path

import pytest

from kampung_desktop.certificates.model import certificate_digest
from kampung_desktop.certificates.template import load_template
from kampung_desktop.services.awards import AwardError, AwardsService

KEL = "15.71.02.1002"  # Pasir Putih, Kec. Jambi Selatan, Kota Jambi
ON = date(2026, 9, 20)
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def awards(ctx) -> AwardsService:
    return AwardsService(ctx.db, ctx.user_id)


@pytest.fixture(scope="module")
def bantar():
    return load_template("bantar")


def _count(ctx, sql: str, *params) -> int:
    with ctx.db.raw() as conn:
        return conn.execute(sql, params).fetchone()[0]


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        ({"program": "lomba"}, "Program 'lomba' tidak dikenal"),
        ({"year": 1990}, "Tahun 1990"),
        ({"rw": 0}, "RW dan RT harus 1..999"),
        ({"rt": 1000}, "RW dan RT harus 1..999"),
        ({"category": "raksasa"}, "Kategori 'raksasa' tidak dikenal"),
        ({"category": ""}, "Kategori"),
        ({"kelurahan_kode": "15.71.02"}, "tidak sah"),
        ({"kelurahan_kode": "15.71.02.1999"}, "tidak ada di data wilayah"),
    ],
)
def test_decide_rejects_bad_input_and_records_nothing(ctx, awards, change, complaint):
    values = {"program": "bantar", "year": 2026, "kelurahan_kode": KEL, "rw": 1, "rt": 5,
              "category": "sedang"} | change  # fmt: skip
    with pytest.raises(AwardError, match=complaint):
        awards.decide(**values)
    assert _count(ctx, "SELECT count(*) FROM award_decisions") == 0


def test_decide_records_who_and_when_with_audit_and_outbox(ctx, awards):
    decision = awards.decide("bantar", 2026, KEL, 1, 5, " Sedang ", score="81.20", level="layak")
    assert (decision.category, decision.decided_by, decision.score) == (
        "sedang",
        ctx.user_id,
        "81.20",
    )
    assert decision.decided_at.startswith("20")
    assert _count(ctx, "SELECT count(*) FROM audit_log WHERE action = 'decide'") == 1
    assert _count(ctx, "SELECT count(*) FROM outbox WHERE entity = 'award_decisions'") == 1


def test_second_decision_for_the_same_rt_and_year_is_refused(awards):
    awards.decide("bantar", 2026, KEL, 1, 5, "sedang")
    with pytest.raises(AwardError, match="sudah diputuskan"):
        awards.decide("bantar", 2026, KEL, 1, 5, "besar")
    awards.decide("bantar", 2025, KEL, 1, 5, "besar")  # another year is another award
    awards.decide("ksm", 2026, KEL, 1, 5, "madya")  # another program too


def test_revoke_keeps_decision_and_certificate_on_record(ctx, awards, bantar):
    decision = awards.decide("bantar", 2026, KEL, 1, 5, "sedang")
    [cert] = awards.issue(awards.decisions("bantar", 2026, KEL), bantar, ON)
    with pytest.raises(AwardError, match="Alasan"):
        awards.revoke(decision.id, "  ")
    awards.revoke(decision.id, "Data penilaian keliru")

    assert awards.decisions("bantar", 2026, KEL) == []
    [row] = awards.decisions("bantar", 2026, KEL, include_revoked=True)
    assert row.decision.revoke_reason == "Data penilaian keliru"
    assert row.decision.revoked_by == ctx.user_id and row.decision.revoked_at
    assert row.certificate_number == cert.number
    assert _count(ctx, "SELECT count(*) FROM certificates WHERE revoked_at IS NOT NULL") == 1
    assert _count(ctx, "SELECT count(*) FROM audit_log WHERE action = 'revoke'") == 2
    check = awards.verify(cert.number)
    assert (check.status, check.reason) == ("revoked", "Data penilaian keliru")
    with pytest.raises(AwardError, match="sudah dicabut"):
        awards.revoke(decision.id, "lagi")
    # The RT can be decided again; the new certificate gets a new number.
    awards.decide("bantar", 2026, KEL, 1, 5, "kecil")
    [again] = awards.issue(awards.decisions("bantar", 2026, KEL), bantar, ON)
    assert again.number != cert.number
    assert awards.verify(cert.number).status == "revoked"
    assert awards.verify(again.number).status == "valid"


def test_reprint_keeps_its_number_and_new_ones_continue_the_sequence(awards, bantar):
    awards.decide("bantar", 2026, KEL, 1, 1, "kecil")
    awards.decide("bantar", 2026, KEL, 1, 2, "besar")
    first = awards.issue(awards.decisions("bantar", 2026, KEL), bantar, ON)
    assert [c.number for c in first] == ["400.9/001/DPMPPA/2026", "400.9/002/DPMPPA/2026"]
    awards.decide("bantar", 2026, KEL, 1, 3, "sedang")
    second = awards.issue(awards.decisions("bantar", 2026, KEL), bantar, date(2026, 10, 1))
    assert second[:2] == first  # same number, same printed content (and date)
    assert second[2].number == "400.9/003/DPMPPA/2026"
    assert second[2].date == date(2026, 10, 1)


def test_verify_valid_revoked_unknown_altered(awards, bantar):
    awards.decide("bantar", 2026, KEL, 1, 1, "kecil")
    [cert] = awards.issue(awards.decisions("bantar", 2026, KEL), bantar, ON)
    assert awards.verify(cert.number).status == "valid"
    assert awards.verify(f"  {cert.number} ").status == "valid"
    assert awards.verify(cert.number, certificate_digest(cert)).status == "valid"
    assert awards.verify(cert.number, "0123456789").status == "altered"
    assert awards.verify("400.9/999/DPMPPA/2026").status == "unknown"


def test_issue_refuses_a_revoked_decision(awards, bantar):
    decision = awards.decide("bantar", 2026, KEL, 1, 1, "kecil")
    rows = awards.decisions("bantar", 2026, KEL)
    awards.revoke(decision.id, "salah RT")
    stale = awards.decisions("bantar", 2026, KEL, include_revoked=True)
    with pytest.raises(AwardError, match="dicabut"):
        awards.issue(stale, bantar, ON)
    assert rows[0].decision.id == decision.id


_WORKER = textwrap.dedent(
    """
    import json, sys, time
    from datetime import date
    from pathlib import Path
    from kampung_desktop.certificates.template import load_template
    from kampung_desktop.services.app import AppContext
    from kampung_desktop.services.awards import AwardsService

    data_dir, order, barrier = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    ctx = AppContext.open(data_dir)
    awards = AwardsService(ctx.db, ctx.user_id)
    template = load_template("bantar")
    rows = awards.decisions("bantar", 2026)
    if order == "reverse":
        rows.reverse()
    (barrier / order).touch()
    while not (barrier / "go").exists():  # both processes start issuing at the same moment
        time.sleep(0.001)
    numbers = {}
    for row in rows:  # one transaction per certificate, so the two processes interleave
        [cert] = awards.issue([row], template, date(2026, 9, 20))
        numbers[row.decision.id] = cert.number
        time.sleep(0.003)  # let the other process take the write lock in between
    ctx.close()
    print(json.dumps(numbers))
    """
)


def test_two_processes_issuing_at_once_never_share_a_number(ctx, awards, data_dir, tmp_path):
    count = 40
    for i in range(count):
        awards.decide("bantar", 2026, KEL, 1 + i // 10, 1 + i % 10, "sedang")
    barrier = tmp_path / "barrier"
    barrier.mkdir()
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _WORKER, str(data_dir), order, str(barrier)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for order in ("forward", "reverse")
    ]
    deadline = time.monotonic() + 60
    while not all((barrier / o).exists() for o in ("forward", "reverse")):
        assert time.monotonic() < deadline and all(p.poll() is None for p in procs)
        time.sleep(0.01)
    (barrier / "go").touch()
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        results.append(json.loads(out))
    # Both processes saw every decision; whoever came first issued it, the other reused it.
    assert results[0] == results[1]
    with ctx.db.raw() as conn:
        rows = conn.execute("SELECT number, decision_id FROM certificates").fetchall()
    numbers = [n for n, _ in rows]
    assert len(rows) == count  # one certificate per decision
    assert len(set(numbers)) == count  # no number twice
    assert len({d for _, d in rows}) == count
    seqs = sorted(int(n.split("/")[1]) for n in numbers)
    assert seqs == list(range(1, count + 1))  # and no gaps


def test_ksm_is_awarded_to_a_whole_rw(ctx):
    from kampung_desktop.services.awards import AwardError, AwardsService

    service = AwardsService(ctx.db, ctx.user_id)
    decision = service.decide("ksm", 2026, "36.71.09.1004", 3, 0, "madya")
    assert (decision.rw, decision.rt) == (3, 0)
    with pytest.raises(AwardError):
        service.decide("bantar", 2026, "36.71.09.1004", 3, 0, "sedang")
