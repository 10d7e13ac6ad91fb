"""Benchmark: the main window stays responsive while it syncs (issue 8 §9: stalls ≤ 50 ms p99).

Sets up, in a temp dir, a real city server (`kampung server init` + `run` on 127.0.0.1, SQLite)
holding an imported registry of `--pull` households for the enumerator's kelurahan, and a laptop
data dir with `--push` households of its own, enrolled as that enumerator. Then it opens the
real main window offscreen; its sync controller finds the server and syncs by itself (push,
then pull) on the sync worker while a probe measures the UI thread.

Probe: a 5 ms precise QTimer; every tick records how late it fired (gap − 5 ms), and every
fourth tick repaints the household table (~50 frames a second, as while scrolling), so painting
the table's Python model is part of what must keep flowing. The same
probe runs for the same time on the idle window first: that is the floor, printed next to the
figures during the sync with their ratio.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_sync_ui.py [--push 2000] [--pull 5000]
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

KAMPUNG = str(Path(sys.executable).with_name("kampung"))
KELURAHAN = "36.71.01.1001"  # Sukarasa, Kota Tangerang
USER, PASSWORD = "ani", "rahasia-bench-123"
TICK_MS = 5
REPAINT_EVERY = 4  # ticks: the table repaints ~50 times a second, like scrolling
BUDGET_MS = 50.0
# The city server runs on another machine in the field; here it shares the laptop's cores, so it
# runs at a lower priority and its page building does not pass for a UI stall.
SERVER_NICE = 10


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def kampung(*args: str, stdin: str | None = None) -> None:
    done = subprocess.run([KAMPUNG, *args], input=stdin, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"kampung {' '.join(args[:3])} failed: {done.stderr.strip()}")


SEED_WILAYAH = """
import csv, sys
from kampung_sync.server import records
from kampung_sync.server.db import make_engine, transaction
from kampung_desktop.paths import resource

text = resource("wilayah", "wilayah.csv").read_text(encoding="utf-8")
rows = sorted(csv.DictReader(text.splitlines()), key=lambda r: r["kode"].count("."))
wilayah = [{"kode": r["kode"], "nama": r["nama"], "level": r["kode"].count(".") + 1,
            "parent_kode": r["kode"].rsplit(".", 1)[0] if "." in r["kode"] else None}
           for r in rows]
engine = make_engine(sys.argv[1])
with transaction(engine) as session:
    records.write_server_records(session, "wilayah", wilayah, actor="bench")
engine.dispose()
"""


def seed_wilayah(db_url: str) -> None:
    """The shipped wilayah list on the server (a child process: the server's SQLModel tables
    cannot share an interpreter with the desktop's)."""
    done = subprocess.run(
        [sys.executable, "-c", SEED_WILAYAH, db_url], capture_output=True, text=True
    )
    if done.returncode != 0:
        raise SystemExit(f"seeding wilayah failed: {done.stderr.strip()}")


def family_card(i: int) -> str:
    """The i-th of 302 million distinct valid No. KK: the serial (digits 13-16) runs 0001-9999,
    then the date part (digits 7-12) moves on; `1 + i` alone grew to 5 digits at 10,000."""
    block, serial = divmod(i, 9999)
    day, month, year = 1 + block % 28, 1 + (block // 28) % 12, 10 + (block // 336) % 90
    return f"367101{day:02d}{month:02d}{year:02d}{1 + serial:04d}"


def registry_csv(path: Path, households: int) -> Path:
    """A valid registry extract: one head and one spouse per household."""
    from kampung_desktop.core.nik import Sex, compose

    lines = ["kelurahan_kode,rw,rt,alamat,no_kk,nik,nama,jenis_kelamin,tanggal_lahir,hubungan"]
    for i in range(households):
        born = date(1960 + i % 40, 1 + i % 12, 1 + i % 28)
        no_kk = family_card(i)
        head = compose("367101", Sex.MALE, born, 1 + i % 9999)
        wife = compose("367101", Sex.FEMALE, born, 1 + i % 9999)
        address = f"Jl. Registri No. {i}"
        rw, rt = 1 + i % 9, 1 + (i // 9) % 12
        lines.append(f"{KELURAHAN},{rw},{rt},{address},{no_kk},{head},Warga {i},L,{born},1")
        lines.append(f"{KELURAHAN},{rw},{rt},{address},{no_kk},{wife},Istri {i},P,{born},2")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def laptop(data_dir: Path, households: int) -> None:
    from kampung_desktop.core.nik import Sex, compose
    from kampung_desktop.core.registry import HouseholdInput, MemberInput
    from kampung_desktop.services.app import AppContext
    from kampung_desktop.services.registry import RegistryService

    ctx = AppContext.open(data_dir)
    try:
        registry = RegistryService(ctx.db, ctx.user_id)
        for i in range(households):
            nik = compose("367101", Sex.MALE, date(1970 + i % 30, 1 + i % 12, 1 + i % 28), 5000 + i)
            registry.save(HouseholdInput(
                kelurahan_kode=KELURAHAN, rw=3, rt=1 + i % 9, address=f"Gg. Laptop {i}",
                members=[MemberInput(f"Kepala {i}", "L", "1", nik),
                         MemberInput(f"Anak {i}", "P", "3")],
            ))  # fmt: skip
    finally:
        ctx.close()


def enrol(data_dir: Path, url: str) -> None:
    from kampung_desktop.services.app import AppContext
    from kampung_desktop.services.sync import SyncService

    ctx = AppContext.open(data_dir)
    try:
        SyncService.for_context(ctx).enrol(url, USER, PASSWORD)
    finally:
        ctx.close()


class Probe:
    """Lateness of a 5 ms timer on the UI thread, repainting the table every few ticks."""

    def __init__(self, window) -> None:  # type: ignore[no-untyped-def]
        from kampung_desktop.ui.qt import Qt, QTimer

        self.window = window
        self.late: list[float] = []
        self._last = 0.0
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.late.clear()
        self._last = time.perf_counter()
        self.timer.start()

    def stop(self) -> list[float]:
        self.timer.stop()
        return list(self.late)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.late.append(max(0.0, (now - self._last) * 1000 - TICK_MS))
        self._last = now
        if len(self.late) % REPAINT_EVERY == 0:
            self.window.list.table.viewport().update()


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def spin(app, seconds: float) -> None:  # type: ignore[no-untyped-def]
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)


def wait(app, done, timeout: float, what: str) -> None:  # type: ignore[no-untyped-def]
    end = time.perf_counter() + timeout
    while not done():
        if time.perf_counter() > end:
            raise SystemExit(f"timed out waiting for {what}")
        app.processEvents()
        time.sleep(0.002)


def line(name: str, late: list[float], seconds: float) -> str:
    return (
        f"{name:28s} ticks {len(late):6d} in {seconds:5.1f} s   p50 {pct(late, 0.5):6.2f} ms"
        f"   p99 {pct(late, 0.99):6.2f} ms   max {max(late):7.2f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--push", type=int, default=2000, help="laptop households to send")
    parser.add_argument("--pull", type=int, default=5000, help="registry households to receive")
    args = parser.parse_args()

    from kampung_desktop.ui.qt import QApplication

    app = QApplication.instance() or QApplication([])
    from kampung_desktop.ui.main_window import MainWindow

    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        db_url = f"sqlite:///{tmp_path / 'server.db'}"
        os.environ["KAMPUNG_KEY_DIR"] = str(tmp_path / "keys")  # token store: not the real one
        kampung("server", "init", "--db", db_url)
        seed_wilayah(db_url)
        kampung("server", "user", "add", "--db", db_url, "--username", USER, "--role",
                "enumerator", "--scope", KELURAHAN, "--password-stdin", stdin=PASSWORD + "\n")  # fmt: skip
        if args.pull:
            kampung("server", "households", "import", "--db", db_url,
                    str(registry_csv(tmp_path / "registry.csv", args.pull)))  # fmt: skip
        data_dir = tmp_path / "laptop"
        data_dir.mkdir()
        t0 = time.perf_counter()
        laptop(data_dir, args.push)
        print(f"laptop: {args.push} households saved in {time.perf_counter() - t0:.1f} s")

        port = free_port()
        url = f"http://127.0.0.1:{port}"
        log = (tmp_path / "server.log").open("wb")
        server = subprocess.Popen(
            [KAMPUNG, "server", "run", "--db", db_url, "--host", "127.0.0.1", "--port", str(port)],
            stdout=log, stderr=subprocess.STDOUT,
            env={**os.environ, "KAMPUNG_SERVER_SECRET": "bench-secret"},
            preexec_fn=lambda: os.nice(SERVER_NICE),
        )  # fmt: skip
        try:
            import requests

            wait(app, lambda: _healthy(requests, url), 30, "the server")
            enrol(data_dir, url)

            window = MainWindow(data_dir)
            window.show()
            window.start()
            wait(app, lambda: window.settled and window.sync_ui is not None, 30, "the window")
            ui = window.sync_ui
            ui.controller.auto = False  # the probe decides when the sync starts
            wait(app, lambda: ui.controller.service is not None and not ui.controller.runner.busy,
                 30, "the sync status")  # fmt: skip
            ui.show_panel()
            probe = Probe(window)
            probe.start()  # warm-up: PySide builds enum types on a method's first call
            spin(app, 0.5)
            probe.stop()

            start = time.perf_counter()
            ui.controller.sync_now()
            probe.start()
            wait(app, lambda: not ui.controller.syncing, 900, "the sync")
            during = probe.stop()
            seconds = time.perf_counter() - start
            outcome = ui.controller.last_outcome

            probe.start()
            spin(app, min(seconds, 20.0))
            idle = probe.stop()
            window.close()
        finally:
            server.terminate()
            server.wait(10)

    print(f"sync: sent {outcome.sent}, accepted {outcome.accepted}, received {outcome.received}"
          f", ok={outcome.ok} in {seconds:.1f} s")  # fmt: skip
    print(line("idle window (floor)", idle, min(seconds, 20.0)))
    print(line("window during the sync", during, seconds))
    if hasattr(os, "getloadavg"):
        load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
        print(f"machine: {os.cpu_count()} cores, load average {load} (other work competes)")
    p99, floor = pct(during, 0.99), pct(idle, 0.99)
    print(f"p99 stall during sync: {p99:.2f} ms = {p99 / max(floor, 0.01):.1f}x the idle floor "
          f"({floor:.2f} ms); budget {BUDGET_MS:.0f} ms -> {'OK' if p99 <= BUDGET_MS else 'OVER'}")  # fmt: skip
    return 0 if outcome.ok and p99 <= BUDGET_MS else 1


def _healthy(requests, url: str) -> bool:  # type: ignore[no-untyped-def]
    try:
        return requests.get(url + "/api/v1/health", timeout=1).ok
    except requests.ConnectionError:
        return False


if __name__ == "__main__":
    raise SystemExit(main())
