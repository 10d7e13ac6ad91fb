"""The sync panel and the to-do list for the user guides, against a real server on 127.0.0.1.

Called by tools/screenshots.py. Starts `kampung server run` on a free local port with a fresh
SQLite database, the shipped wilayah list, an enumerator and a kelurahan office, and the
Kampung Bantar form. The enumerator's laptop registers households and finalizes two RT
assessments and syncs; the office syncs, returns one assessment with a note and syncs again;
the enumerator syncs (the returned assessment arrives), approves the other one, which the server
refuses (an enumerator may not approve), registers two more households, and the server then
goes away. The enumerator's main window then shows the sync panel (the refused record and its
reason, changes waiting to be sent, the log of sessions) and the to-do list with the office's
note.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import requests
from screenshots import SIZE, fresh_workdir, kampung, pause, save, wait_until

from kampung_desktop.ui import i18n
from kampung_desktop.ui.qt import Qt

KELURAHAN = "36.71.01.1001"  # Kel. Sukarasa, Kec. Tangerang, Kota Tangerang
ENUMERATOR, OFFICE, PASSWORD = "ani", "lurah", "contoh-sandi-panjang-123"
NOTES = {
    "id": "Foto tempat sampah belum ada; lengkapi pertanyaan kebersihan.",
    "en": "No photo of the rubbish bins yet; complete the cleanliness questions.",
}
HEADS = ["Budi Santoso", "Ahmad Hidayat", "Dewi Lestari", "Rudi Hartono", "Sri Wahyuni",
         "Agus Setiawan", "Yanti Kusuma", "Hendra Gunawan"]  # fmt: skip
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
    records.write_server_records(session, "wilayah", wilayah, actor="screenshots")
engine.dispose()
"""


class Server:
    """`kampung server run` on 127.0.0.1 only, in its own process."""

    def __init__(self, work: Path) -> None:
        self.db = f"sqlite:///{work / 'server.db'}"
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = work / "server.log"
        self.proc: subprocess.Popen[bytes] | None = None

    def prepare(self) -> None:
        kampung("server", "init", "--db", self.db)
        subprocess.run([sys.executable, "-c", SEED_WILAYAH, self.db], check=True,
                       capture_output=True, timeout=300)  # fmt: skip
        for user, role in ((ENUMERATOR, "enumerator"), (OFFICE, "operator")):
            subprocess.run(
                [sys.executable, "-m", "kampung_desktop", "server", "user", "add", "--db",
                 self.db, "--username", user, "--role", role, "--password-stdin",
                 "--scope", KELURAHAN],
                input=PASSWORD + "\n", text=True, check=True, capture_output=True, timeout=120,
            )  # fmt: skip
        from kampung_desktop.paths import forms_dir

        kampung("server", "forms", "publish", "--db", self.db, str(forms_dir() / "bantar_rt.xlsx"))

    def start(self) -> None:
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "kampung_desktop", "server", "run", "--db", self.db,
                 "--host", "127.0.0.1", "--port", str(self.port)],
                stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                env={**os.environ, "KAMPUNG_SERVER_SECRET": f"screenshots-{self.port}"},
            )  # fmt: skip
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"screenshot: the server stopped: {self.log.read_text()}")
            try:
                if requests.get(self.url + "/api/v1/health", timeout=1).ok:
                    return
            except requests.ConnectionError:
                time.sleep(0.1)
        raise SystemExit("screenshot: the server did not answer")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def sync(data_dir: Path, server: Server, username: str) -> None:
    from kampung_desktop.services.app import AppContext
    from kampung_desktop.services.sync import SyncService

    ctx = AppContext.open(data_dir)
    try:
        service = SyncService.for_context(ctx)
        if not service.status().enrolled:
            service.enrol(server.url, username, PASSWORD)
        outcome = service.sync()
        if not outcome.ok:  # a refused record is still a sync that worked
            raise SystemExit(f"screenshot: sync as {username} failed: {outcome.error}")
    finally:
        ctx.close()


def register(data_dir: Path, heads: list[str], first_rt: int) -> None:
    from kampung_desktop.core.nik import Sex, compose
    from kampung_desktop.core.registry import HouseholdInput, MemberInput
    from kampung_desktop.services.app import AppContext
    from kampung_desktop.services.registry import RegistryService

    ctx = AppContext.open(data_dir)
    try:
        service = RegistryService(ctx.db, ctx.user_id)
        for i, head in enumerate(heads):
            born = date(1970 + i * 3, 1 + i, 5 + i)
            nik = compose("367101", Sex.MALE, born, 10 + first_rt * 10 + i)
            service.save(HouseholdInput(
                kelurahan_kode=KELURAHAN, rw=2, rt=first_rt + i % 3,
                address=f"Jl. Mawar No. {first_rt * 10 + i}",
                members=[MemberInput(head, "L", "1", nik, "Tangerang", born),
                         MemberInput(f"Istri {head.split()[0]}", "P", "2")],
            ))  # fmt: skip
    finally:
        ctx.close()


def finalize_assessments(data_dir: Path) -> list[str]:
    """Two RT assessments of Kampung Bantar, finalized on the enumerator's laptop."""
    from kampung_desktop.scoring import load_rules
    from kampung_desktop.services.app import AppContext
    from kampung_desktop.services.review import ReviewService

    ctx = AppContext.open(data_dir)
    try:
        assessments = ReviewService.for_context(ctx).assessments
        assessments.install_shipped_forms()
        checklist = [i.field for i in load_rules("bantar").indicators if i.kind == "boolean"]
        ids = []
        for rt, unmet in ((1, ("a_",)), (2, ())):
            answers: dict[str, Any] = {n: "tidak" if n.startswith(unmet) else "ya"
                                       for n in checklist}  # fmt: skip
            answers |= {"tahun": date.today().year, "kategori_rt": "sedang", "rw": 2, "rt": rt}
            aid = assessments.start("bantar_rt", KELURAHAN, rw=2, rt=rt, prefill=answers)
            assessments.transition(aid, "finalize")
            ids.append(aid)
        return ids
    finally:
        ctx.close()


def approve_on_the_laptop(data_dir: Path, assessment_id: str) -> None:
    """An approval the enumerator's role may not make: the server refuses it, with its reason."""
    from kampung_desktop.services.app import AppContext
    from kampung_desktop.services.review import ReviewService

    ctx = AppContext.open(data_dir)
    try:
        ReviewService.for_context(ctx).approve(assessment_id)
    finally:
        ctx.close()


def return_with_note(office_dir: Path, assessment_id: str, note: str) -> None:
    from kampung_desktop.services.app import AppContext
    from kampung_desktop.services.review import ReviewService

    ctx = AppContext.open(office_dir)
    try:
        ReviewService.for_context(ctx).return_for_correction(assessment_id, note)
    finally:
        ctx.close()


def prepare(work: Path, lang: str) -> tuple[Path, Server]:
    """The enumerator's data dir after the story above (the server stopped at the end)."""
    server = Server(work)
    server.prepare()
    server.start()
    try:
        laptop, office = work / "Kampung", work / "Kantor"
        laptop.mkdir()
        office.mkdir()
        register(laptop, HEADS[:6], first_rt=1)
        returned, approved = finalize_assessments(laptop)
        sync(laptop, server, ENUMERATOR)
        sync(office, server, OFFICE)
        return_with_note(office, returned, NOTES[lang])
        sync(office, server, OFFICE)
        sync(laptop, server, ENUMERATOR)
        approve_on_the_laptop(laptop, approved)
        sync(laptop, server, ENUMERATOR)  # refused: an enumerator does not approve
        register(laptop, HEADS[6:], first_rt=3)  # waiting to be sent
    finally:
        server.stop()
    return laptop, server


def shoot(out_dir: Path, lang: str, only: set[str]) -> None:
    work = fresh_workdir()
    os.environ["KAMPUNG_KEY_DIR"] = str(work / "keys")  # not the user's token key
    laptop, _ = prepare(work, lang)
    _shoot_window(laptop, out_dir, lang, only)
    shutil.rmtree(work, ignore_errors=True)  # kept when something failed: server.log is there


def _shoot_window(laptop: Path, out_dir: Path, lang: str, only: set[str]) -> None:
    from kampung_desktop.ui.main_window import MainWindow

    i18n.apply(lang)
    window = MainWindow(laptop)
    window.resize(*SIZE)
    window.show()
    window.start()
    wait_until(lambda: window.is_ready and window.settled, what="main window")
    ui = window.sync_ui
    wait_until(lambda: ui.controller.status is not None, what="sync status")
    wait_until(lambda: not ui.controller.syncing, what="the sync that cannot reach the server")
    ui.show_panel()
    window.resize(SIZE[0], 700)  # the log of three sessions needs no more height
    window.resizeDocks([ui.dock], [560], Qt.Orientation.Horizontal)
    wait_until(lambda: ui.panel.pending_counts(), what="pending changes")
    pause(400)
    if "sync-panel" in only:
        save(ui.dock, out_dir, "sync-panel", lang)  # the panel, docked at the window's right
    if "sync-todo" in only:
        todo = ui.open_todo()
        todo.resize(900, 520)
        wait_until(lambda: todo.returned_view.topLevelItemCount() == 1, what="to-do list")
        todo.returned_view.setCurrentItem(todo.returned_view.topLevelItem(0))
        todo.returned_view.setFocus()
        save(todo, out_dir, "sync-todo", lang)
        todo.close()
    window.close()
