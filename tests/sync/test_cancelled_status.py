"""A sync the user cancelled is reported as "cancelled" by the service and the headless status,
not as "offline" (the server was reachable; nothing about it is known from a cancel)."""

from __future__ import annotations

import json
import threading

from sync_support import Laptop

from kampung_desktop.cli import main


def test_cancelled_sync_reports_cancelled_until_the_next_sync(server, tmp_path, capsys):
    data = tmp_path / "lap"
    laptop = Laptop(data)
    laptop.enrol(server, "ani")
    laptop.add_households(3)
    cancel = threading.Event()

    def stop_at_first_progress(_progress) -> None:
        cancel.set()

    outcome = laptop.sync.sync(progress=stop_at_first_progress, cancel=cancel)
    assert not outcome.ok and "dibatalkan" in outcome.error
    status = laptop.sync.status()
    assert status.state == "cancelled"
    laptop.close()

    assert main(["sync", "status", "--data-dir", str(data), "--json"]) == 0
    reported = json.loads(capsys.readouterr().out)
    assert reported["state"] == "cancelled"
    assert list(reported) == [
        "enrolled", "server_url", "username", "device_code", "state", "revoked",
        "last_success_at", "last_attempt_at", "pending", "pending_total", "rejected",
        "open_conflicts",
    ]  # fmt: skip
    assert main(["sync", "status", "--data-dir", str(data)]) == 0
    assert "state: cancelled" in capsys.readouterr().out

    assert main(["sync", "--data-dir", str(data), "--json"]) == 0
    capsys.readouterr()
    assert main(["sync", "status", "--data-dir", str(data), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["state"] == "up_to_date"
