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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from kampung_desktop.ui.qt import (  # noqa: E402
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QColor,
    QComboBox,
    QDialog,
    QEventLoop,
    QFileDialog,
    QGroupBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QScrollBar,
    QStatusBar,
    Qt,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QTimer,
    QToolBar,
    QWidget,
)

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QAbstractSlider,
    QTextEdit,
    QPlainTextEdit,
)
#: Parts of a composite control; the control itself carries the name.
COMPOSITE = (
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QTabBar,
    QCalendarWidget,
    QColor,
    QMenu,
    QLineEdit,
)
#: Menu actions the tour does not trigger: they end the session, lock it or reach a server.
SKIP_ACTION = re.compile(
    r"keluar|quit|kunci|lock|sinkron sekarang|sync now|tentang|about|daftarkan laptop|enrol",
    re.IGNORECASE,
)

MIN_CONTRAST = 4.5  # WCAG 2 AA for normal text
US_DATE = re.compile(r"(?<![\d.])\d{1,2}/\d{1,2}/\d{2,4}(?![\d/])")
AM_PM = re.compile(r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\s?(?:AM|PM|am|pm)\b")
RAW_ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
PLURAL_ONE = re.compile(r"(?<![\d.,])\b1 ([a-z]{3,}s)\b")
NOT_PLURALS = {"is", "was", "has", "this", "does", "its", "yes", "less", "process", "access"}
FORCED_PLURAL = re.compile(r"\w\(s\)")
GROUPING = {
    "id": re.compile(r"\b\d{1,3}(?:,\d{3})+\.\d"),
    "en": re.compile(r"\b\d{1,3}(?:\.\d{3})+,\d"),
}


@dataclass
class Screen:
    """What one window or dialog showed."""

    name: str
    texts: set[str] = field(default_factory=set)
    unnamed: list[str] = field(default_factory=list)
    described: int = 0
    controls: int = 0
    no_mnemonic: list[str] = field(default_factory=list)
    low_contrast: list[str] = field(default_factory=list)
    shot: Path | None = None


def pause(ms: int = 60) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(done: Callable[[], Any], timeout_ms: int = 20_000, what: str = "") -> None:
    loop, timer = QEventLoop(), QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: done() and loop.quit())
    timer.start()
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    timer.stop()
    if not done():
        raise RuntimeError(f"window tour: the window did not reach the expected state ({what})")


def describe(widget: QWidget) -> str:
    """A readable path for a report: Class#objectName inside its window."""
    name = widget.objectName()
    text = ""
    if isinstance(widget, QAbstractButton):
        text = widget.text()
    return f"{type(widget).__name__}{'#' + name if name else ''}{' ' + repr(text) if text else ''}"


def _inside_composite(widget: QWidget, top: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, COMPOSITE):
            return True
        parent = parent.parentWidget()
    return False


def accessible(widget: QWidget) -> tuple[str, str]:
    from PySide6.QtGui import QAccessible

    face = QAccessible.queryAccessibleInterface(widget)
    if face is None:
        return "", ""
    return face.text(QAccessible.Text.Name).strip(), face.text(QAccessible.Text.Description)


def _model_texts(view: QAbstractItemView, limit: int = 40) -> Iterator[str]:
    model = view.model()
    if model is None:
        return
    from PySide6.QtCore import QModelIndex

    def columns(parent: Any) -> int:
        try:
            return model.columnCount(parent)
        except TypeError:  # a list model: one column (its columnCount is private)
            return 1

    for column in range(columns(QModelIndex())):
        header = model.headerData(column, Qt.Orientation.Horizontal)
        if header is not None:
            yield str(header)

    def rows(parent: Any, depth: int) -> Iterator[str]:
        for row in range(min(model.rowCount(parent), limit)):
            for column in range(columns(parent)):
                index = model.index(row, column, parent)
                value = model.data(index)
                if value is not None:
                    yield str(value)
                if column == 0 and depth < 4 and model.rowCount(index) > 0:
                    yield from rows(index, depth + 1)

    yield from rows(QModelIndex(), 0)


def visible_texts(top: QWidget) -> set[str]:
    """Every text a sighted user can read in `top` (labels, buttons, tables, titles…)."""
    texts = {top.windowTitle()}
    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisibleTo(top) and widget is not top:
            continue
        if isinstance(widget, QLabel):
            texts.add(re.sub(r"<[^>]+>", "", widget.text()))
        elif isinstance(widget, QAbstractButton):
            texts.add(widget.text().replace("&", ""))
        elif isinstance(widget, QGroupBox):
            texts.add(widget.title().replace("&", ""))
        elif isinstance(widget, QLineEdit):
            texts.update((widget.text(), widget.placeholderText()))
        elif isinstance(widget, QComboBox):
            texts.update(widget.itemText(i) for i in range(widget.count()))
        elif isinstance(widget, QTabWidget):
            texts.update(widget.tabText(i).replace("&", "") for i in range(widget.count()))
        elif isinstance(widget, QAbstractItemView):
            texts.update(_model_texts(widget))
        texts.add(widget.toolTip())
    for menu in top.findChildren(QMenu):
        texts.add(menu.title().replace("&", ""))
        texts.update(a.text().replace("&", "") for a in menu.actions())
    return {t.strip() for t in texts if t and t.strip()}


def format_problems(texts: set[str], lang: str) -> list[str]:
    """Texts showing a US-style date, AM/PM, a raw ISO time, "1 pages" or the wrong grouping."""
    found = []
    for text in texts:
        for pattern in (US_DATE, AM_PM, RAW_ISO, FORCED_PLURAL, GROUPING[lang]):
            if pattern.search(text):
                found.append(text)
        if lang == "en":
            for match in PLURAL_ONE.finditer(text):
                if match.group(1) not in NOT_PLURALS:
                    found.append(text)
    return sorted(set(found))


def luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance of an sRGB colour."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio (1–21) of two colours."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def rendered_contrast(widget: QWidget) -> tuple[float, str, str] | None:
    """The contrast of `widget`'s text as painted: the most common pixel is the background,
    the pixel farthest from it the text (glyph stems are painted in the full colour)."""
    image = widget.grab().toImage()
    if image.isNull() or image.width() < 2 or image.height() < 2:
        return None
    counts: dict[int, int] = {}
    for y in range(0, image.height()):
        for x in range(0, image.width()):
            rgb = image.pixel(x, y) & 0xFFFFFF
            counts[rgb] = counts.get(rgb, 0) + 1
    if len(counts) < 2:
        return None
    background = QColor(max(counts, key=counts.__getitem__))
    text = max((QColor(rgb) for rgb in counts), key=lambda c: contrast(c, background))
    return contrast(text, background), text.name(), background.name()


def _styled_text(widget: QWidget) -> bool:
    """A label or button whose own style sheet sets a text or background colour (badges,
    messages, hints): the colours a designer chose rather than the platform's palette."""
    sheet = widget.styleSheet()
    has_text = bool(widget.text().strip()) if hasattr(widget, "text") else False
    return has_text and bool(re.search(r"(^|[^-])color\s*:|background", sheet))


def _item_colours(view: QAbstractItemView, limit: int = 40) -> Iterator[tuple[QColor, QColor, str]]:
    """(text, background, text) of item-view cells that set their own text colour."""
    from PySide6.QtCore import QModelIndex

    model = view.model()
    if model is None:
        return
    base = view.palette().color(view.palette().ColorRole.Base)
    try:
        columns = model.columnCount(QModelIndex())
    except TypeError:
        columns = 1
    for row in range(min(model.rowCount(QModelIndex()), limit)):
        for column in range(columns):
            index = model.index(row, column, QModelIndex())
            brush = model.data(index, Qt.ItemDataRole.ForegroundRole)
            if brush is None:
                continue
            colour = brush.color() if hasattr(brush, "color") else QColor(brush)
            back = model.data(index, Qt.ItemDataRole.BackgroundRole)
            back_colour = (
                (back.color() if hasattr(back, "color") else QColor(back)) if back else base
            )
            yield colour, back_colour, str(model.data(index) or "")


def look_at(name: str, top: QWidget, out: Path | None = None) -> Screen:
    """Record what `top` shows: texts, controls without an accessible name, buttons without
    a keyboard mnemonic; with `out`, save a screenshot too."""
    pause()
    screen = Screen(name, visible_texts(top))
    for widget in top.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or isinstance(widget, QScrollBar):
            continue
        if not widget.isVisibleTo(top) or _inside_composite(widget, top):
            continue
        if widget.objectName().startswith("qt_"):  # Qt's own parts (toolbar extension …)
            continue
        screen.controls += 1
        label, description = accessible(widget)
        if not label:
            screen.unnamed.append(describe(widget))
        if description or widget.toolTip():
            screen.described += 1
        if (
            isinstance(widget, QAbstractButton)
            and widget.text().strip()
            and "&" not in widget.text().replace("&&", "")
            and not isinstance(widget.parentWidget(), (QTabBar, QToolBar, QStatusBar))
        ):
            screen.no_mnemonic.append(describe(widget))
    for widget in top.findChildren(QWidget):
        if not widget.isVisibleTo(top) or widget.width() < 2:
            continue
        if isinstance(widget, (QLabel, QAbstractButton)) and _styled_text(widget):
            found = rendered_contrast(widget)
            if found is not None and found[0] < MIN_CONTRAST:
                ratio, text, back = found
                screen.low_contrast.append(f"{describe(widget)} {text} on {back}: {ratio:.2f}")
        elif isinstance(widget, QAbstractItemView):
            for text, back, shown in _item_colours(widget):
                if contrast(text, back) < MIN_CONTRAST:
                    screen.low_contrast.append(
                        f"{describe(widget)} cell {shown!r} {text.name()} on {back.name()}:"
                        f" {contrast(text, back):.2f}"
                    )
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        screen.shot = out / f"{re.sub(r'[^a-z0-9]+', '-', name.lower()).strip('-')}.png"
        top.grab().save(str(screen.shot))
    return screen


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
        if manager is not None:
            pause(20)
            manager.refresh(top)

    def look(self, name: str, top: QWidget) -> Screen:
        self.refresh_mnemonics(top)
        screen = look_at(name, top, self.out)
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
        for low in screen.low_contrast:
            print(f"   contrast: {low}")
        for button in screen.no_mnemonic:
            print(f"   no mnemonic: {button}")
    app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
