"""Cold start of the main window against two floors measured in the same run (issue #2, 9a).

Every figure is a fresh `python` subprocess with QT_QPA_PLATFORM=offscreen, run in turn
(floor A, floor B, app, floor A, ...) so a change in machine load hits all three alike:

  floor A   a bare PySide6 window: QApplication + QMainWindow (1440×860), shown, first paint
  floor B   the same script that first imports reportlab, requests and sqlmodel (imports
            before PySide6, the order ruff sorts them in and the cheaper one: shiboken's
            import hook then does not see them)
  app       `python -m kampung_desktop gui --data-dir DIR --startup-probe` on 2,500 demo
            households: `first_paint` (first frame of the main window) and `usable` (tree,
            first table page and status bar drawn; see kampung_desktop/ui/startup.py)

Clock: the parent takes `time.time()` just before spawning and passes it as
KAMPUNG_STARTUP_T0; the floor scripts and the app's start-up probe both subtract it from
`time.time()` at their mark, so interpreter start-up counts in every figure alike. "First
paint" is the same in both: the window's own paintEvent queues a zero-timer, which runs once
the whole window (all children) has been painted. One unmeasured warm-up round goes first, so
"cold" means a new process over a warm OS file cache.

Targets: app first paint ≤ 2 × floor A; app usable ≤ 1.2 × floor B (medians).

With several --data-dir (say 2,500 and 1,000,000 households) the app runs on each in turn
within every round, and a last table shows the medians side by side with the ratio last/first
(issue 11: the 1,000,000-household file must open as fast as the 2,500 one to a usable window).

Usage: .venv/bin/python bench/bench_gui_startup.py [--runs 7] [--data-dir DIR ...]
(seeds 2,500 demo households into a temp dir when no data dir is given)
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
T0_ENV = "KAMPUNG_STARTUP_T0"  # read by kampung_desktop/ui/startup.py as well

FLOOR_WINDOW = """
import os, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

T0 = float(os.environ["KAMPUNG_STARTUP_T0"])


class Window(QMainWindow):
    painted = False

    def paintEvent(self, event):
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            QTimer.singleShot(0, done)


def done():
    print(f"first_paint_ms={(time.time() - T0) * 1000:.1f}", flush=True)
    app.exit(0)


app = QApplication(sys.argv[:1])
window = Window()
window.setWindowTitle("floor")
window.resize(1440, 860)
window.show()
sys.exit(app.exec())
"""
FLOOR_STACK = "import reportlab, requests, sqlmodel  # noqa\n" + FLOOR_WINDOW

RUNS = {
    "floor A: bare PySide6 window": [sys.executable, "-c", FLOOR_WINDOW],
    "floor B: window + sqlmodel/requests/reportlab": [sys.executable, "-c", FLOOR_STACK],
}


def spawn(argv: list[str]) -> dict[str, str]:
    """Run one start-up and return its `name=value` lines."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KAMPUNG_STARTUP_PROBE="1")
    env[T0_ENV] = repr(time.time())
    done = subprocess.run(argv, cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    values = dict(line.split("=", 1) for line in done.stdout.splitlines() if "=" in line)
    if done.returncode != 0 or "error" in values:
        raise SystemExit(f"{argv[-1]} failed ({done.returncode}): {done.stdout}{done.stderr}")
    return values


def app_argv(data_dir: Path) -> list[str]:
    return [
        sys.executable,
        *("-m", "kampung_desktop", "gui", "--data-dir", str(data_dir), "--startup-probe"),
    ]


def measure(data_dirs: list[Path], runs: int) -> dict[str, list[float]]:
    names = [f"app on {d.name}: {k}" for d in data_dirs for k in ("first paint", "usable")]
    samples: dict[str, list[float]] = {name: [] for name in (*RUNS, *names)}
    for round_no in range(runs + 1):  # round 0 warms the file cache and is not counted
        got = {name: float(spawn(argv)["first_paint_ms"]) for name, argv in RUNS.items()}
        for data_dir in data_dirs:
            values = spawn(app_argv(data_dir))
            got[f"app on {data_dir.name}: first paint"] = float(values["first_paint_ms"])
            got[f"app on {data_dir.name}: usable"] = float(values["usable_ms"])
            if "signed_in_ms" in values:  # a protected dir: window times count from sign-in
                got[f"app on {data_dir.name}: signed in"] = float(values["signed_in_ms"])
        if round_no:
            for name, value in got.items():
                samples.setdefault(name, []).append(value)
    return samples


def verdict(name: str, value: float, floor: float, limit: float) -> None:
    ratio = value / floor
    outcome = "PASS" if ratio <= limit else "FAIL"
    print(f"  {name:52s} {value:7.1f} ms = {ratio:.2f} × floor (target ≤ {limit}×)  {outcome}")


def run(data_dirs: list[Path], runs: int) -> None:
    sizes = {d: _households(d) for d in data_dirs}
    print(f"households: {', '.join(f'{d.name} {n:,}' for d, n in sizes.items())}")
    print(f"runs: {runs} (+1 warm-up), load: {_load()}")
    samples = measure(data_dirs, runs)
    medians = {name: statistics.median(values) for name, values in samples.items()}
    for name, values in samples.items():
        shown = " ".join(f"{v:.0f}" for v in values)
        print(
            f"{name:46s} median {medians[name]:7.1f} ms  min {min(values):7.1f}  "
            f"max {max(values):7.1f}  [{shown}]"
        )
    floor_a, floor_b = list(medians.values())[:2]
    print("targets (medians):")
    for d in data_dirs:
        first, usable = (medians[f"app on {d.name}: {k}"] for k in ("first paint", "usable"))
        verdict(f"(a) first painted main window, {sizes[d]:,} households", first, floor_a, 2)
        verdict(f"(a) usable, {sizes[d]:,} households", usable, floor_b, 1.2)
    if len(data_dirs) > 1:
        base, last = data_dirs[0], data_dirs[-1]
        print(f"side by side: {sizes[base]:,} → {sizes[last]:,} households")
        for k in ("first paint", "usable"):
            a, b = medians[f"app on {base.name}: {k}"], medians[f"app on {last.name}: {k}"]
            print(f"  {k:12s} {a:7.1f} ms → {b:7.1f} ms   ratio {b / a:.2f}")
    print(f"load after: {_load()}")


def _households(data_dir: Path) -> int:
    from bench_keys import connect_ro  # keyed for a protected (encrypted) demo dir

    conn = connect_ro(data_dir)
    try:
        return conn.execute("SELECT count(*) FROM households WHERE deleted = 0").fetchone()[0]
    finally:
        conn.close()


def _load() -> str:
    return " ".join(f"{v:.2f}" for v in os.getloadavg())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--households", type=int, default=2500)
    parser.add_argument(
        "--data-dir", type=Path, action="append", help="use these data (repeat: side by side)"
    )
    args = parser.parse_args()
    if args.data_dir:
        run(args.data_dir, args.runs)
        return 0
    with tempfile.TemporaryDirectory(prefix="kampung-bench-") as tmp:
        subprocess.run(
            [sys.executable, "-m", "kampung_desktop", "demo", "seed", "--data-dir", tmp]
            + ["--households", str(args.households), "--seed", "1"],
            check=True,
            cwd=REPO,
            stdout=subprocess.DEVNULL,
        )
        run([Path(tmp)], args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
