"""Open every window and dialog of the app on demo data, as a user would, and look at each.

    .venv/bin/python tools/window_tour.py [--lang id|en] [--text-size large] [--out DIR]

Used by tests/ui/test_window_tour.py (accessible names, keyboard mnemonics, date/number/plural
conventions, untranslated text) and, with --out, to take a screenshot of each screen (to look at
clipping at a large text size or in English). Every `exec()` dialog is caught, looked at and
cancelled, so the tour also reaches dialogs it does not know by name: each menu action of the
main window is triggered once (a few that end the session or reach the network are skipped).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from window_checks import Screen, format_problems, look_at, pause  # noqa: E402

from kampung_desktop.ui.qt import (  # noqa: E402
    QApplication,
    QDialog,
    QEventLoop,
    QFileDialog,
    QInputDialog,
    QMenu,
    QMessageBox,
    QTimer,
    QWidget,
)

SKIP_ACTION = re.compile(
    r"keluar|quit|kunci|lock|sinkron sekarang|sync now|tentang|about|daftarkan laptop|enrol",
    re.IGNORECASE,
)


def wait_until(done: Callable[[], Any], timeout_ms: int = 60_000, what: str = "") -> None:
    loop, timer = QEventLoop(), QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: done() and loop.quit())
    timer.start()
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    timer.stop()
    if not done():
        raise RuntimeError(f"window tour: the window did not reach the expected state ({what})")


class Tour:
    """Walks the app; `screens` holds what each window and dialog showed."""

    def __init__(self, data_dir: Path, lang: str, out: Path | None = None) -> None:
        self.data_dir, self.lang, self.out = data_dir, lang, out
        self.screens: list[Screen] = []
        self.window: Any = None

    def refresh_mnemonics(self, top: QWidget) -> None:
        """What the mnemonic manager's periodic pass does within its PERIOD_MS."""
        from kampung_desktop.ui import mnemonics

        manager = mnemonics.installed()
        pause(60)  # let the window settle first: a text it sets afterwards has no letter yet
        if manager is not None:
            manager.refresh(top)

    def look(self, name: str, top: QWidget) -> Screen:
        self.refresh_mnemonics(top)
        screen = look_at(name, top, self.out, settle=False)
        self.screens.append(screen)
        return screen

    @contextmanager
    def catching_dialogs(self, prefix: str) -> Iterator[None]:
        """Every modal `exec()` (and Qt's static boxes) is looked at and cancelled."""
        tour = self
        saved = {
            (QDialog, "exec"): QDialog.exec,
            (QMessageBox, "exec"): QMessageBox.exec,
            (QFileDialog, "getOpenFileName"): QFileDialog.getOpenFileName,
            (QFileDialog, "getSaveFileName"): QFileDialog.getSaveFileName,
            (QFileDialog, "getExistingDirectory"): QFileDialog.getExistingDirectory,
            (QInputDialog, "getText"): QInputDialog.getText,
        }
        for name in ("question", "information", "warning", "critical", "about"):
            saved[(QMessageBox, name)] = getattr(QMessageBox, name)

        def fake_exec(dialog: QDialog) -> int:
            dialog.show()
            title = dialog.windowTitle() or type(dialog).__name__
            tour.look(f"{prefix}: {title}", dialog)
            dialog.reject()  # as a user cancelling it (a dialog may undo live changes then)
            return int(QDialog.DialogCode.Rejected)

        def fake_box(*args: Any, **kwargs: Any) -> Any:
            return QMessageBox.StandardButton.Cancel

        QDialog.exec = fake_exec  # type: ignore[method-assign]
        QMessageBox.exec = fake_exec  # type: ignore[method-assign]
        QFileDialog.getOpenFileName = staticmethod(lambda *a, **k: ("", ""))  # type: ignore[method-assign]
        QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: ("", ""))  # type: ignore[method-assign]
        QFileDialog.getExistingDirectory = staticmethod(lambda *a, **k: "")  # type: ignore[method-assign]
        QInputDialog.getText = staticmethod(lambda *a, **k: ("", False))  # type: ignore[method-assign]
        for name in ("question", "information", "warning", "critical", "about"):
            setattr(QMessageBox, name, staticmethod(fake_box))
        try:
            yield
        finally:
            for (owner, name), value in saved.items():
                setattr(owner, name, value)

    def new_windows(self, before: set[int], prefix: str) -> None:
        """Look at (then close) top-level windows that appeared since `before`."""
        pause(120)
        for top in QApplication.topLevelWidgets():
            if id(top) in before or not top.isVisible() or isinstance(top, QMenu):
                continue
            if top is self.window:
                continue
            self.look(f"{prefix}: {top.windowTitle() or type(top).__name__}", top)
            top.close()

    # -- the walk -------------------------------------------------------------------------
    def run(self) -> list[Screen]:
        from kampung_desktop.ui.main_window import MainWindow

        window = MainWindow(self.data_dir)
        self.window = window
        window.resize(1440, 860)
        window.show()
        window.start()
        wait_until(lambda: window.is_ready and window.settled, what="main window")
        wait_until(lambda: not window.tasks.busy, what="main window data")
        banner = getattr(getattr(window, "sync_ui", None), "banner", None)
        if banner is not None and banner.isVisible():
            banner.offline_button.click()
        try:
            self._main(window)
            self._household_dialog(window)
            self._interview(window)
            self._review(window)
            self._menus(window)
        finally:
            window.close()
            pause()
        return self.screens

    def _main(self, window: Any) -> None:
        model = window.tree.area_model
        best = None
        stack = [model.index(0, 0)]
        while stack:
            index = stack.pop()
            item = model.item(index)
            if str(getattr(item, "key", "")).count(".") == 3 and (
                best is None or item.count > model.item(best).count
            ):
                best = index
            stack.extend(model.index(r, 0, index) for r in range(model.rowCount(index)))
        if best is not None:
            window.tree.setCurrentIndex(best)
        wait_until(lambda: window.list.model.rowCount() > 1 and not window.tasks.busy, what="list")
        window.list.table.selectRow(1)
        wait_until(lambda: window.detail.household_id is not None, what="detail")
        wait_until(lambda: not window.tasks.busy, what="detail data")
        self.kelurahan = str(model.item(best).key) if best is not None else ""
        self.look("main window", window)
        sync_ui = getattr(window, "sync_ui", None)
        if sync_ui is not None:
            sync_ui.show_panel()
            pause(200)
            self.look("sync panel", sync_ui.dock)

    def _household_dialog(self, window: Any) -> None:
        from datetime import date

        from kampung_desktop.core.registry import HouseholdInput, MemberInput
        from kampung_desktop.ui.household_dialog import HouseholdDialog

        head = MemberInput("Budi Santoso", "L", "1", nik="3671011708800", birth_place="Tangerang",
                           birth_date=date(1980, 8, 17))  # fmt: skip
        wife = MemberInput("Siti Aminah", "P", "2", birth_date=date(1984, 3, 2))
        draft = HouseholdInput(kelurahan_kode=self.kelurahan, rw=5, rt=3,
                               address="Jl. Melati III No. 7", no_kk="36710120051",
                               members=[head, wife])  # fmt: skip
        dialog = HouseholdDialog(window.backend.registry, draft, window, areas=window._areas)
        dialog.resize(900, 640)
        dialog.show()
        pause()
        dialog.save_button.click()  # the mistakes are listed, nothing is saved
        self.look("household dialog", dialog)
        dialog.members.edit_member(0)
        editor = dialog.member_editor
        wait_until(editor.isVisible, what="member editor")
        self.look("member editor", editor)
        editor.close()
        dialog.reject()

    def _interview(self, window: Any) -> None:
        from kampung_desktop.services.interviews import InterviewService
        from kampung_desktop.ui.interview import open_assessment
        from kampung_desktop.ui.interview.start_dialog import StartDialog

        ctx = window.backend.ctx
        service = InterviewService.for_context(ctx)
        service.forms()
        start = StartDialog(service, self.lang, window.list.current_id(), window)
        start.show()
        self.look("interview start", start)
        start.reject()
        aid = service.start("household_assessment", "", household_id=window.list.current_id())
        wizard = open_assessment(ctx, aid, window, service=service, lang=self.lang)
        assert wizard is not None, "the interview did not open"
        wizard.resize(1180, 780)
        wizard.answer("no_bangunan", 3)
        self.look("interview first page", wizard)
        roster = next((i for i, p in enumerate(wizard.pages) if getattr(p, "repeat", None)), None)
        if roster is not None:
            wizard.go_to(roster)
            self.look("interview roster", wizard)
        with self.catching_dialogs("interview"):
            wizard.go_to(wizard.summary_index)
            self.look("interview summary", wizard)
        wizard.close()

    def _review(self, window: Any) -> None:
        from kampung_desktop.ui.review import open_review

        review = open_review(window.backend.ctx, window)
        review.resize(1180, 720)
        tab = review.program_tabs["bantar"]
        wait_until(lambda: tab.assessment_model.rowCount() > 0, what="review list")
        decide_best_rt(review.review, review.kelurahan_kode(), review.year())
        refreshed: list[bool] = []
        tab.refreshed.connect(lambda: refreshed.append(True))
        review.refresh()
        wait_until(lambda: refreshed, what="review list again")
        tab.assessment_view.selectRow(0)
        self.look("review", review)
        with self.catching_dialogs("review"):
            for button in (tab.open_button, tab.return_button):
                if button.isEnabled():
                    before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
                    button.click()
                    pause(300)
                    self.new_windows(before, "review")
            tab.inner.setCurrentIndex(1)
            undecided = [i for i, r in enumerate(tab.ranking_model.rows) if r.decision is None]
            tab.ranking_view.selectRow(undecided[0] if undecided else 0)
            self.look("review ranking", review)
            if tab.decide_button.isEnabled():
                tab.decision_dialog = None
                tab.decide_button.click()
                wait_until(lambda: tab.decision_dialog is not None, what="decision dialog")
                wait_until(tab.decision_dialog.isVisible, what="decision dialog shown")
                self.look("review: decision", tab.decision_dialog)
                tab.decision_dialog.reject()
            tab.inner.setCurrentIndex(2)
            wait_until(lambda: tab.decision_model.rowCount() > 0, what="decisions")
            tab.decision_view.selectRow(0)
            self.look("review decisions", review)
            for button in (tab.print_button, tab.report_button):
                if button.isEnabled():
                    before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
                    button.click()
                    pause(600)
                    self.new_windows(before, "review")
        review.close()

    def _menus(self, window: Any) -> None:
        """Trigger each menu action once (dialogs are caught), then look at new windows."""
        from kampung_desktop.ui.mnemonics import mnemonic_of

        self.refresh_mnemonics(window)
        menus = Screen("menus")
        bar = window.menuBar()
        for action in bar.actions():
            if mnemonic_of(action.text()) is None:
                menus.no_mnemonic.append(f"menu bar › {action.text()}")
            menu = action.menu()
            if menu is None:
                continue
            menu.aboutToShow.emit()  # as opening it does
            letters: list[str] = []
            for item in menu.actions():
                if item.isSeparator() or not item.text():
                    continue
                menus.texts.add(item.text().replace("&", ""))
                letter = mnemonic_of(item.text())
                if letter is None or letter in letters:
                    menus.no_mnemonic.append(f"{action.text()} › {item.text()}")
                letters.append(letter or "")
        self.screens.append(menus)
        actions = []
        for menu in window.menuBar().findChildren(QMenu):
            actions.extend(a for a in menu.actions() if not a.isSeparator() and not a.menu())
        seen: set[int] = set()
        for action in actions:
            if id(action) in seen or not action.isEnabled():
                continue
            seen.add(id(action))
            text = action.text().replace("&", "")
            if not text or SKIP_ACTION.search(text):
                continue
            before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
            with self.catching_dialogs(text):
                action.trigger()
                pause(250)
                wait_until(lambda: not window.tasks.busy, what=f"after {text}")
                self.new_windows(before, text)


def decide_best_rt(review_service: Any, kode: str, year: int) -> None:
    """Approve the best-scoring Kampung Bantar RT of the kelurahan and record its award."""
    from kampung_desktop.services.awards import AwardsService

    listed = [a for a in review_service.list("bantar", kode, year=year) if a.total is not None]
    waiting = [a for a in listed if a.state in ("finalized", "submitted", "approved")]
    if not waiting:
        return
    best = max(waiting, key=lambda a: a.total)
    if best.state != "approved":
        review_service.approve(best.id)
    awards = AwardsService(review_service.db, review_service.user_id)
    awards.decide("bantar", year, kode, best.rw, best.rt, best.category or "sedang")


def seed_demo(data_dir: Path, households: int = 60) -> Path:
    """A data dir with demo households and assessments (as `kampung demo seed` makes)."""
    from kampung_desktop.services import demo
    from kampung_desktop.services.app import AppContext
    from kampung_desktop.services.demo_assessments import seed_assessments

    ctx = AppContext.open(data_dir)
    try:
        demo.seed(ctx.db, households, 7)
        seed_assessments(ctx.db, ctx.user_id, data_dir / "forms-cache", seed=7)
    finally:
        ctx.close()
    return data_dir


def main() -> int:
    import tempfile

    from kampung_desktop.ui import i18n, mnemonics, text_size

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=("id", "en"), default="id")
    parser.add_argument("--text-size", choices=tuple(text_size.SIZES), default="normal")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("KAMPUNG_CONFIG_DIR", tmp)
        data_dir = seed_demo(Path(tmp) / "Kampung")
        i18n.apply(args.lang)
        text_size.apply(args.text_size)
        mnemonics.install(app)
        screens = Tour(data_dir, args.lang, args.out).run()
    for screen in screens:
        print(f"{screen.name}: {screen.controls} controls, {len(screen.unnamed)} unnamed,"
              f" {len(screen.no_mnemonic)} buttons without a mnemonic"
              f"{', ' + str(screen.shot) if screen.shot else ''}")  # fmt: skip
        for problem in format_problems(screen.texts, args.lang):
            print(f"   format: {problem!r}")
        for unnamed in screen.unnamed:
            print(f"   unnamed: {unnamed}")
        for jump in screen.tab_jumps:
            print(f"   tab: {jump}")
        for low in screen.low_contrast:
            print(f"   contrast: {low}")
        for button in screen.no_mnemonic:
            print(f"   no mnemonic: {button}")
    app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
