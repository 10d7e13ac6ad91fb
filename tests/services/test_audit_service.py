"""Audited actions through the services: prints, report exports, views and reveals; the
admin's list with its filters, the CSV export and the chain check."""

from __future__ import annotations

import csv
from datetime import date, timedelta

from kampung_desktop.paths import forms_dir
from kampung_desktop.scoring import load_rules
from kampung_desktop.services.audit import AuditService, action_label, day_range
from kampung_desktop.services.printing import PrintingService, PrintRequest, write_report
from kampung_desktop.services.review import ReviewService
from kampung_desktop.storage.audit import AuditFilter

KEL = "15.71.02.1002"


def _actions(service: AuditService) -> list[tuple[str, str, str]]:
    return [(r.action, r.entity, r.record_id) for r in reversed(service.entries())]


def test_printing_and_report_exports_are_audited(ctx, tmp_path):
    printing = PrintingService(ctx.db, ctx.user_id)
    ids = [printing.awards.decide("bantar", 2026, KEL, 1, rt, "sedang").id for rt in (1, 2)]
    trail = AuditService(ctx.db, ctx.user_id)
    before = len(trail.entries())
    printing.run(PrintRequest("bantar", 2026, KEL, out_pdf=tmp_path / "p.pdf"))
    printed = [a for a in _actions(trail)[before:] if a[0] == "print"]
    assert sorted(printed) == sorted(("print", "award_decisions", i) for i in ids)

    review = ReviewService(ctx.db, ctx.user_id, tmp_path / "cache")
    review.assessments.install_form(forms_dir() / "bantar_rt.xlsx")
    yes = {i.field: "ya" for i in load_rules("bantar").indicators if i.kind == "boolean"}
    aid = review.assessments.start("bantar_rt", KEL, rw=3, rt=3, prefill=yes | {"tahun": 2026})
    review.assessments.transition(aid, "finalize")
    before = len(trail.entries())
    pdf = tmp_path / "r.pdf"
    write_report(
        review, "bantar", 2026, KEL, pdf, pdf.with_suffix(".csv"), pdf.with_suffix(".xlsx")
    )
    rows = list(reversed(trail.entries()))[before:]
    assert [(r.action, r.entity, r.record_id, r.fields) for r in rows] == [
        ("print", "summary_report", f"bantar/2026/{KEL}", '["pdf"]'),
        ("export", "summary_report", f"bantar/2026/{KEL}", '["csv"]'),
        ("export", "summary_report", f"bantar/2026/{KEL}", '["xlsx"]'),
    ]
    assert {r.username for r in rows} == {"petugas"} and all(r.device_id for r in rows)
    assert trail.verify().ok


def test_view_and_reveal_entries_name_ids_only(ctx):
    trail = AuditService(ctx.db, ctx.user_id, username="operator1")
    trail.viewed_household("h-1")
    trail.revealed("members", "m-7", "nik")
    trail.revealed("households", "h-1", "no_kk")
    rows = trail.entries()
    assert [(r.action, r.entity, r.record_id, r.fields) for r in reversed(rows)] == [
        ("view", "households", "h-1", "[]"),
        ("reveal", "members", "m-7", '["nik"]'),
        ("reveal", "households", "h-1", '["no_kk"]'),
    ]
    assert {r.username for r in rows} == {"operator1"}
    assert action_label("reveal", "en") == "reveal NIK/KK no." and action_label("zzz") == "zzz"


def test_filters_by_user_action_and_local_day(ctx):
    a = AuditService(ctx.db, ctx.user_id, username="ani")
    b = AuditService(ctx.db, ctx.user_id, username="budi")
    a.viewed_household("h1")
    b.viewed_household("h2")
    b.revealed("members", "m2", "nik")
    assert [r.record_id for r in a.entries(AuditFilter(username="budi"))] == ["m2", "h2"]
    assert [r.record_id for r in a.entries(AuditFilter(action="reveal"))] == ["m2"]
    today = date.today()
    since, until = day_range(today, today)
    assert len(a.entries(AuditFilter(since=since, until=until))) == 3
    since, until = day_range(today - timedelta(days=3), today - timedelta(days=1))
    assert a.entries(AuditFilter(since=since, until=until)) == []
    users, actions = a.choices()
    assert {"ani", "budi"} <= set(users) and {"view", "reveal"} <= set(actions)


def test_csv_export_holds_the_chain_and_is_itself_audited(ctx, tmp_path):
    trail = AuditService(ctx.db, ctx.user_id, username="admin")
    for i in range(3):
        trail.viewed_household(f"h{i}")
    out = tmp_path / "audit.csv"
    assert trail.export_csv(out) == 3
    with open(out, encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][:3] == ["seq", "at", "user_id"] and rows[0][-2:] == ["prev_hash", "hash"]
    assert [r[7] for r in rows[1:]] == ["h0", "h1", "h2"]
    assert rows[2][-2] == rows[1][-1]  # the export keeps the links
    assert _actions(trail)[-1] == ("export", "audit_log", "3 entries")
    assert not (tmp_path / "audit.csv.tmp").exists()


def test_backup_and_restore_are_audited_and_the_chain_carries_on(data_dir, tmp_path):
    from kampung_desktop.services import backups
    from kampung_desktop.services.app import AppContext

    def log(ctx) -> list[tuple[str, str]]:
        return [(r.action, r.entity) for r in reversed(AuditService(ctx.db, ctx.user_id).entries())]

    ctx = AppContext.open(data_dir)
    AuditService(ctx.db, ctx.user_id).viewed_household("h1")
    ctx.close()
    out = tmp_path / "cadangan.kbak"
    backups.backup_now(data_dir, out, None)
    ctx = AppContext.open(data_dir)
    AuditService(ctx.db, ctx.user_id).viewed_household("h2")  # after the backup: lost on restore
    assert log(ctx) == [("view", "households"), ("backup", "database"), ("view", "households")]
    ctx.close()
    backups.restore(data_dir, out, None)
    ctx = AppContext.open(data_dir)
    try:
        rows = AuditService(ctx.db, ctx.user_id).entries()
        assert [(r.action, r.record_id) for r in reversed(rows)] == [
            ("view", "h1"),
            ("restore", rows[0].record_id),
        ]
        assert rows[0].username == "petugas" and rows[0].record_id.endswith("Z")
        assert AuditService(ctx.db, ctx.user_id).verify().ok
    finally:
        ctx.close()
