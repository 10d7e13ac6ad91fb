"""The headless contract: `kampung sync enrol|status` and `kampung sync [--json]`."""

from __future__ import annotations

import io
import json
import subprocess
import sys

from sync_support import PASSWORD, Laptop, server_records

from kampung_desktop.cli import main

KEYS = ["sent", "accepted", "duplicate", "conflict", "rejected", "received"]


def _enrol(monkeypatch, data, url, username="ani", password=PASSWORD):
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    return main(["sync", "enrol", "--data-dir", str(data), "--server", url,
                 "--username", username, "--password-stdin"])  # fmt: skip


def test_enrol_sync_and_status_from_the_command_line(server, tmp_path, monkeypatch, capsys):
    data = tmp_path / "lap"
    laptop = Laptop(data)
    ids = laptop.add_households(3)
    laptop.close()

    assert _enrol(monkeypatch, data, server.url) == 0
    assert "D" in capsys.readouterr().out

    assert main(["sync", "status", "--data-dir", str(data), "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["pending"] == {"households": 3, "members": 9} and status["pending_total"] == 12

    assert main(["sync", "--data-dir", str(data), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert list(out) == KEYS
    assert out["sent"] == 12 and out["accepted"] == 12 and out["rejected"] == 0
    assert set(server_records(server.db_url, "households")) == set(ids)

    assert main(["sync", "--data-dir", str(data)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in lines] == KEYS

    assert main(["sync", "status", "--data-dir", str(data)]) == 0
    text = capsys.readouterr().out
    assert "state: up_to_date" in text and "pending: 0" in text


def test_unreachable_server_exits_non_zero_and_keeps_everything(
    server, tmp_path, monkeypatch, capsys
):
    data = tmp_path / "lap"
    assert _enrol(monkeypatch, data, server.url) == 0
    laptop = Laptop(data)
    laptop.add_households(1)
    laptop.close()
    server.stop()
    capsys.readouterr()
    monkeypatch.setenv("KAMPUNG_SYNC_RETRIES", "1")
    assert main(["sync", "--data-dir", str(data), "--json"]) == 3
    captured = capsys.readouterr()
    assert json.loads(captured.out)["sent"] == 0
    assert "tidak dapat dihubungi" in captured.err and "Traceback" not in captured.err
    assert main(["sync", "status", "--data-dir", str(data), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["pending_total"] == 4


def test_wrong_password_is_one_clear_line(server, tmp_path, monkeypatch, capsys):
    assert _enrol(monkeypatch, tmp_path / "lap", server.url, password="salah") == 1
    err = capsys.readouterr().err
    assert err.startswith("kampung: ") and " / " in err and "Traceback" not in err


def test_rejected_record_exits_one_and_is_listed(server, tmp_path, monkeypatch, capsys):
    data = tmp_path / "lap"
    laptop = Laptop(data)
    laptop.add_households(1)
    # a household the server refuses (RW 0: invalid data), one record at a time
    with laptop.ctx.db.raw() as conn:
        conn.execute("UPDATE outbox SET payload = json_set(payload, '$.rw', 0) "
                     "WHERE entity = 'households'")  # fmt: skip
    laptop.close()
    assert _enrol(monkeypatch, data, server.url) == 0
    capsys.readouterr()
    assert main(["sync", "--data-dir", str(data), "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["rejected"] >= 1
    assert main(["sync", "status", "--data-dir", str(data), "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["state"] == "needs_attention"
    assert status["rejected"][0]["table"] == "households" and status["rejected"][0]["reason_en"]
    assert main(["sync", "status", "--data-dir", str(data)]) == 0
    text = capsys.readouterr().out
    assert "rejected: 1" in text and f"households {status['rejected'][0]['record_id']}" in text


def test_revoked_device_exits_non_zero_with_the_reason_and_keeps_its_data(
    server, tmp_path, monkeypatch, capsys
):
    data = tmp_path / "lap"
    assert _enrol(monkeypatch, data, server.url) == 0
    laptop = Laptop(data)
    laptop.add_households(1)
    with laptop.ctx.db.raw() as conn:
        device = conn.execute("SELECT device_id FROM sync_device").fetchone()[0]
    laptop.close()
    done = subprocess.run(
        [sys.executable, "-m", "kampung_desktop", "server", "device", "revoke", "--db",
         server.db_url, device], capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    capsys.readouterr()
    assert main(["sync", "--data-dir", str(data), "--json"]) == 3
    captured = capsys.readouterr()
    assert json.loads(captured.out)["sent"] == 0
    assert "dicabut" in captured.err and " / " in captured.err and "Traceback" not in captured.err
    assert main(["sync", "status", "--data-dir", str(data), "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["revoked"] and status["state"] == "needs_attention"
    assert status["pending_total"] == 4  # nothing dropped
