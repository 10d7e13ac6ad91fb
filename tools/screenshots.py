"""Make the README screenshot of the main window, offscreen, from fresh demo data.

    .venv/bin/python tools/screenshots.py [--out docs/screenshots] [--households 2500] [--lang id]

Seeds a temporary data dir with `kampung demo seed`, opens the main window, picks a kelurahan in
the tree and a household in the table, waits until the detail pane shows its members, and saves
`main-window.png` (`main-window-en.png` for --lang en) with QWidget.grab().
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from kampung_desktop.ui import i18n  # noqa: E402
from kampung_desktop.ui.main_window import MainWindow  # noqa: E402
from kampung_desktop.ui.qt import QApplication, QEventLoop, QIcon, QTimer  # noqa: E402

SIZE = (1440, 860)


def seed(data_dir: Path, households: int) -> None:
    subprocess.run(
        [sys.executable, "-m", "kampung_desktop", "demo", "seed", "--data-dir", str(data_dir),
         "--households", str(households), "--seed", "7"],
        check=True, cwd=REPO, stdout=subprocess.DEVNULL,
    )  # fmt: skip


def wait_until(app: QApplication, done, timeout_ms: int = 15_000) -> None:  # type: ignore[no-untyped-def]
    """Spin the event loop until `done()` is true; raise if it never becomes true."""
    loop, timer = QEventLoop(), QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: done() and loop.quit())
    timer.start()
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    timer.stop()
    if not done():
        raise SystemExit("screenshot: the window did not reach the expected state in time")


def pick_kelurahan(window: MainWindow) -> None:
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
                item = model.item(index)
                if best is None or item.count > model.item(best).count:
                    best = index
        if best is not None and model.item(best).count:
            break
    if best is not None:
        window.tree.setCurrentIndex(best)
        window.tree.expand(best)
        window.tree.scrollTo(best)


def shoot(out_dir: Path, households: int, lang: str) -> Path:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setWindowIcon(QIcon(str(REPO / "resources" / "icons" / "kampung.png")))
    with tempfile.TemporaryDirectory(prefix="kampung-shot-") as tmp:
        data_dir = Path(tmp) / "Kampung"
        seed(data_dir, households)
        i18n.apply(lang)
        window = MainWindow(data_dir)
        window.resize(*SIZE)
        window.show()
        window.start()
        wait_until(app, lambda: window.is_ready and window.settled)
        pick_kelurahan(window)
        wait_until(app, lambda: window.list.model.rowCount() > 3 and not window.tasks.busy)
        window.list.table.selectRow(1)
        wait_until(app, lambda: window.detail.household_id is not None and not window.tasks.busy)
        window.list.table.setFocus()
        app.processEvents()
        out_dir.mkdir(parents=True, exist_ok=True)
        target = out_dir / ("main-window.png" if lang == "id" else f"main-window-{lang}.png")
        if not window.grab().save(str(target)):
            raise SystemExit(f"screenshot: could not write {target}")
        window.close()
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--households", type=int, default=2500)
    parser.add_argument("--lang", choices=sorted(i18n.LANGUAGES), default="id")
    args = parser.parse_args()
    print(shoot(args.out, args.households, args.lang))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
