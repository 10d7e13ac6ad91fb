"""Make every screenshot the user guides show, offscreen, from fresh demo data.

    .venv/bin/python tools/screenshots.py [--out docs/screenshots] [--lang id|en|all] [--only NAME]

For each language: seeds a temporary data dir with `kampung demo seed`, opens the main window
and drives it as a user would: a kelurahan and a household picked (main-window), a new
household saved with mistakes (household-dialog), a household assessment on its housing page
(interview), the review window with one RT approved and decided and one returned (review),
and that RT's certificate printed with `kampung certificates print` and shown in the preview
(print-preview). Award and approval go through the window's own services: a second process
writing the database the window has open has given the window "disk I/O error" here. The
sync panel and the to-do list need a server: tools/screenshot_sync.py starts a real one on
127.0.0.1. Bahasa Indonesia shots are NAME.png, English ones NAME-en.png (docs/user-guide.md
and docs/user-guide.en.md show them).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tools"))

from kampung_desktop.ui import i18n  # noqa: E402
from kampung_desktop.ui.qt import (  # noqa: E402
    QApplication,
    QEventLoop,
    QIcon,
    QMessageBox,
    QTimer,
    QWidget,
)

SIZE = (1440, 860)
# A fixed folder, so the data folder and file names the shots show are the same each run.
WORK = {"dir": Path(tempfile.gettempdir()) / "kampung-screenshots"}  # --work changes it
MAIN_SCENES = ("main-window", "household-dialog", "interview", "review", "print-preview")
SYNC_SCENES = ("sync-panel", "sync-todo")
LANGS = ("id", "en")


def outputs() -> list[str]:
    """File names this tool writes (a test checks the guides show no other screenshot)."""
    return [file_name(s, lang) for s in MAIN_SCENES + SYNC_SCENES for lang in LANGS]


def file_name(scene: str, lang: str) -> str:
    return f"{scene}.png" if lang == "id" else f"{scene}-{lang}.png"


def kampung(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "kampung_desktop", *args],
        cwd=REPO, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(f"screenshot: kampung {' '.join(args[:2])} failed:\n{done.stderr}")
    return done.stdout


def wait_until(done: Callable[[], Any], timeout_ms: int = 20_000, what: str = "") -> None:
    """Spin the event loop until `done()` is true; stop the tool if it never becomes true."""
    loop, timer = QEventLoop(), QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: done() and loop.quit())
    timer.start()
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    timer.stop()
    if not done():
        raise SystemExit(f"screenshot: the window did not reach the expected state ({what})")


def pause(ms: int = 150) -> None:
    """Let layouts, posted events and queued paints run, as they would before a user looks."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def save(widget: QWidget, out_dir: Path, scene: str, lang: str) -> Path:
    pause()
    target = out_dir / file_name(scene, lang)
    if not widget.grab().save(str(target)):
        raise SystemExit(f"screenshot: could not write {target}")
    print(target.relative_to(REPO) if target.is_relative_to(REPO) else target)
    return target


def quiet_message_boxes() -> None:
    """A scene must not stop on a question box: answer as a user going on would."""
    yes = QMessageBox.StandardButton.Yes
    QMessageBox.question = staticmethod(lambda *a, **k: yes)  # type: ignore[method-assign]
    for name in ("information", "warning", "critical"):
        setattr(QMessageBox, name, staticmethod(lambda *a, **k: QMessageBox.StandardButton.Ok))


def pick_kelurahan(window: Any) -> str:
    """Select the busiest kelurahan of the first city, so the table shows a filtered list."""
    model = window.tree.area_model
    top = model.index(0, 0)
    best = None
    for c in range(model.rowCount(top)):
        city = model.index(c, 0, top)
        for k in range(model.rowCount(city)):
            kec = model.index(k, 0, city)
            for lurah in range(model.rowCount(kec)):
                index = model.index(lurah, 0, kec)
                if best is None or model.item(index).count > model.item(best).count:
                    best = index
        if best is not None and model.item(best).count:
            break
    if best is None:
        raise SystemExit("screenshot: the demo data has no kelurahan")
    window.tree.setCurrentIndex(best)
    window.tree.expand(best)
    window.tree.scrollTo(best)
    return str(model.item(best).key)


def main_window(window: Any, out_dir: Path, lang: str) -> str:
    """The busiest kelurahan's households, the second one's details; returns its code."""
    kelurahan = pick_kelurahan(window)
    wait_until(lambda: window.list.model.rowCount() > 3 and not window.tasks.busy, what="list")
    window.list.table.selectRow(1)
    wait_until(
        lambda: window.detail.household_id is not None and not window.tasks.busy, what="detail"
    )
    window.list.table.setFocus()
    save(window, out_dir, "main-window", lang)
    return kelurahan


def household_dialog(window: Any, out_dir: Path, lang: str, kelurahan: str) -> None:
    """A new household whose No. KK is too short and whose head's NIK is not a NIK."""
    from kampung_desktop.core.registry import HouseholdInput, MemberInput
    from kampung_desktop.ui.household_dialog import HouseholdDialog

    head = MemberInput("Budi Santoso", "L", "1", nik="3671011708800", birth_place="Tangerang",
                       birth_date=date(1980, 8, 17))  # fmt: skip
    wife = MemberInput("Siti Aminah", "P", "2", birth_place="Serang", birth_date=date(1984, 3, 2))
    draft = HouseholdInput(kelurahan_kode=kelurahan, rw=5, rt=3,
                           address="Jl. Melati III No. 7", no_kk="36710120051",
                           members=[head, wife])  # fmt: skip
    dialog = HouseholdDialog(window.backend.registry, draft, window, areas=window._areas)
    dialog.resize(860, 600)  # room for the member names next to their error marks
    dialog.show()
    pause()
    dialog.save_button.click()  # the mistakes are listed, nothing is saved
    save(dialog, out_dir, "household-dialog", lang)
    dialog.reject()


def interview(window: Any, out_dir: Path, lang: str) -> None:
    """The selected household's socio-economic assessment, on its first housing page."""
    from kampung_desktop.services.interviews import InterviewService
    from kampung_desktop.ui.interview import open_assessment

    ctx = window.backend.ctx
    service = InterviewService.for_context(ctx)
    service.forms()
    aid = service.start("household_assessment", "", household_id=window.list.current_id())
    wizard = open_assessment(ctx, aid, window, service=service, lang=lang)
    if wizard is None:
        raise SystemExit("screenshot: the interview did not open")
    wizard.resize(1180, 780)
    for path, value in (("no_bangunan", 3), ("no_keluarga", 1), ("jumlah_anggota", 5),
                        ("tanggal_pendataan", date.today()), ("kode_petugas", "PTG-07"),
                        ("hasil_pendataan", "1")):  # fmt: skip
        wizard.answer(path, value)
    housing = next(i for i, page in enumerate(wizard.pages) if page.key == "rumah_status")
    wizard.go_to(housing)
    wizard.answer("status_bangunan", "1")
    wizard.answer("luas_lantai", 34)  # 6.8 m² for each of 5 people: the form warns
    wait_until(lambda: wizard.save_status.text().startswith("✓"), what="autosave")
    save(wizard, out_dir, "interview", lang)
    wizard.close()


def review_and_print(window: Any, out_dir: Path, lang: str, tmp: Path) -> None:
    from kampung_desktop.ui.review import open_review
    from kampung_desktop.ui.review.preview import PdfPreview

    review = open_review(window.backend.ctx, window)
    review.resize(1180, 720)
    tab = review.program_tabs["bantar"]
    wait_until(lambda: tab.assessment_model.rowCount() > 2, what="review list")
    kode, year = review.kelurahan_kode(), review.year()
    decide_best_rt(review.review, kode, year)
    return_one(review.review, kode, year, lang)
    refreshed: list[bool] = []
    tab.refreshed.connect(lambda: refreshed.append(True))
    review.refresh()  # as "Muat ulang" does
    wait_until(lambda: refreshed, what="review list again")
    tab.assessment_view.selectRow(min(3, tab.assessment_model.rowCount() - 1))
    tab.assessment_view.setFocus()
    save(review, out_dir, "review", lang)

    pdf = tmp / "Piagam" / f"piagam-kampung-bantar-{year}.pdf"
    pdf.parent.mkdir(exist_ok=True)
    kampung("certificates", "print", "--data-dir", str(window.data_dir), "--program", "bantar",
            "--year", str(year), "--kelurahan", kode, "--out", str(pdf))  # fmt: skip
    preview = PdfPreview(pdf, review)
    preview.resize(1000, 760)
    preview.show()
    if preview.document is not None:
        wait_until(lambda: preview.document.pageCount() > 0, what="PDF pages")
    save(preview, out_dir, "print-preview", lang)
    preview.close()
    review.close()


def decide_best_rt(review_service: Any, kode: str, year: int) -> None:
    """Approve the best-scoring RT of the kelurahan and record its award, as an office would."""
    listed = [a for a in review_service.list("bantar", kode, year=year) if a.total is not None]
    waiting = [a for a in listed if a.state in ("finalized", "submitted", "approved")]
    if not waiting:
        raise SystemExit("screenshot: no Kampung Bantar assessment to decide in the demo data")
    best = max(waiting, key=lambda a: a.total)
    if best.state != "approved":
        review_service.approve(best.id)
    from kampung_desktop.services.awards import AwardsService

    awards = AwardsService(review_service.db, review_service.user_id)
    awards.decide("bantar", year, kode, best.rw, best.rt, best.category or "sedang")


def return_one(review_service: Any, kode: str, year: int, lang: str) -> None:
    """Send the lowest-scoring waiting RT back with a note, so the list shows one."""
    listed = [a for a in review_service.list("bantar", kode, year=year) if a.total is not None]
    waiting = [a for a in listed if a.state in ("finalized", "submitted")]
    if waiting:
        note = ("Foto bukti Bersih belum dilampirkan; mohon dilengkapi." if lang == "id"
                else "The photos for Clean are missing; please add them.")  # fmt: skip
        review_service.return_for_correction(min(waiting, key=lambda a: a.total).id, note)


def fresh_workdir() -> Path:
    work = WORK["dir"]
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    return work


def shoot_main(out_dir: Path, households: int, lang: str, only: set[str]) -> None:
    from kampung_desktop.ui.main_window import MainWindow

    tmp = fresh_workdir()
    try:
        data_dir = tmp / "Kampung"
        kampung("demo", "seed", "--data-dir", str(data_dir), "--households", str(households),
                "--seed", "7")  # fmt: skip
        i18n.apply(lang)
        window = MainWindow(data_dir)
        window.resize(*SIZE)
        window.show()
        window.start()
        wait_until(lambda: window.is_ready and window.settled, what="main window")
        banner = window.sync_ui.banner
        wait_until(banner.isVisible, what="first-start question")
        banner.offline_button.click()  # work without a server (the sync shots have one)
        kelurahan = main_window(window, out_dir, lang)  # the household the others use
        if "household-dialog" in only:
            household_dialog(window, out_dir, lang, kelurahan)
        if "interview" in only:
            interview(window, out_dir, lang)
        if only & {"review", "print-preview"}:
            review_and_print(window, out_dir, lang, tmp)
        window.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--households", type=int, default=2500)
    parser.add_argument("--lang", choices=[*LANGS, "all"], default="all")
    parser.add_argument("--only", action="append", choices=MAIN_SCENES + SYNC_SCENES)
    parser.add_argument("--work", type=Path, help="scratch folder, emptied (default: %(default)s)",
                        default=WORK["dir"])  # fmt: skip
    args = parser.parse_args()
    WORK["dir"] = args.work
    only = set(args.only or MAIN_SCENES + SYNC_SCENES)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setWindowIcon(QIcon(str(REPO / "resources" / "icons" / "kampung.png")))
    quiet_message_boxes()
    args.out.mkdir(parents=True, exist_ok=True)
    for lang in LANGS if args.lang == "all" else (args.lang,):
        if only & set(MAIN_SCENES):
            shoot_main(args.out, args.households, lang, only)
        if only & set(SYNC_SCENES):
            import screenshot_sync

            screenshot_sync.shoot(args.out, lang, only)
    i18n.apply("id")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
