"""The household table and search box of the main window, at one size or side by side (issue 11).

Runs in-process and offscreen on the window the app opens (`MainWindow(data_dir)`, `show()`,
`start()`, as kampung_desktop/ui/startup.py does). "Painted" always means: a Paint event reached
the table's viewport and the event that carried it has been fully processed (so the frame is in
the backing store); a local event loop waits for it, so worker results arrive as in the app.

Measures
  window open    show() → first table rows painted, each in a fresh process (`--fresh-opens`
                 of them per data dir, run in turn so machine load hits every size alike;
                 includes loading the database stack on the worker)
  (c) table      a new HouseholdList (the widget the window uses) given the whole list's
                 listing, attached to the real backend and shown → first rows painted
  (c) scroll     the table one page (scroll bar pageStep) per step, each step painted, for the
                 first `--scroll-steps` pages; p50/p95 against one 60 Hz frame (16.7 ms); then
                 random jumps (thumb drags) once the list has learned its positions
  (c) memory     peak RSS (ru_maxrss) after the scroll; a bare Qt window's peak in a subprocess
  (b) search     names, NIKs, No. KK and addresses typed key by key (QTest.keyClick) into the
                 real search box, one key every 120 ms (a fast typist; --type-interval) with the
                 event loop running in between; keystroke → the new results painted (the first
                 paint after the list received them), overall and by prefix length. Also: a
                 word's last key → the paint after the complete list (≈), and search cleared →
                 all households painted.

With several --data-dir (e.g. 100,000 and 1,000,000 households) each is measured in its own
process and the figures are printed side by side with the ratio last/first, then the issue 11
targets for the last: window open ≤ 1.2 × the first's; search cleared p95 ≤ 50 ms; keystroke
p95 ≤ 16 ms at every prefix length; scroll step p95 ≤ 16 ms; peak RSS ≤ 200 MB.

Usage: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_gui_table.py \
           --data-dir /tmp/kampung-100k --data-dir /tmp/kampung-1m
(seeds 100,000 demo households into a temp dir when no data dir is given)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

# gui_probe imports kampung_desktop.ui.qt first (the PySide6 6.12 reference-count workaround).
from gui_probe import (  # noqa: E402  (bench/ is sys.path[0] when run as a script)
    FRAME_MS,
    SETTLE_MS,
    PaintProbe,
    bare_qt_rss,
    current_rss_mb,
    line,
    now,
    pct,
    peak_rss_mb,
    verdict,
    wait_until,
)

from kampung_desktop.ui.qt import QApplication, optional  # noqa: E402


def has_rows(model) -> bool:  # type: ignore[no-untyped-def]
    """Rows are in the model's cache (read with the listing or by a page read since)."""
    return bool(model._pages) or model.rowCount() == 0


def open_window(app: QApplication, data_dir: Path):  # type: ignore[no-untyped-def]
    from bench_keys import session_for  # encrypted demo dir: signed in as the demo admin

    from kampung_desktop.ui import i18n
    from kampung_desktop.ui.main_window import MainWindow

    i18n.apply(i18n.peek_language(data_dir))
    session = session_for(data_dir)  # before the clock: sign-in is not the window's time
    start = now()
    window = MainWindow(data_dir, access=session)
    probe = PaintProbe(window.list.table.viewport())
    window.failed.connect(lambda error: print(f"loading failed: {error!r}"))
    window.show()
    window.start()
    # Armed once the data is attached: the next paint of the viewport draws the rows.
    shown = probe.wait(0, lambda: window.is_ready) and has_rows(window.list.model)
    took = now() - start
    # Measure a settled window: the after-ready work (registry, log file; deferred by a timer
    # in the window) must not share the GIL with the figures below.
    wait_until(
        lambda: getattr(window, "settled", True) and not window.tasks.busy,
        lambda: (
            f"(settled: {window.settled}, worker jobs running: {window.tasks._running}, "
            f"keys: {sorted(window.tasks._latest)})"
        ),
    )
    if not shown:
        raise SystemExit("bench: the main window never painted its table")
    rows = window.list.model.rowCount()
    print(f"households listed: {rows}")
    print("window open (context)")
    print(f"  {'show() → first table rows painted (first window)':52s} {took:8.1f} ms")
    return window, probe, took


def table_first_paint(window, runs: int) -> list[float]:  # type: ignore[no-untyped-def]
    from kampung_desktop.ui.household_list import HouseholdList
    from kampung_desktop.ui.household_model import PAGE_SIZE

    size = window.list.size()
    times = []
    for _ in range(runs):
        start = now()
        widget = HouseholdList()
        probe = PaintProbe(widget.table.viewport())
        widget.resize(size)
        widget.attach(lambda *_: None, window.backend.listing(window.list.query, PAGE_SIZE))
        widget.show()
        if not probe.wait(0) or not has_rows(widget.model):
            raise SystemExit("bench: the new table never painted its rows")
        times.append(now() - start)
        widget.close()
        widget.model.close()
        widget.deleteLater()
        QApplication.processEvents()
    return times


def scroll_through(window, probe: PaintProbe, steps: int) -> tuple[list[float], int]:  # type: ignore[no-untyped-def]
    table = window.list.table
    bar = table.verticalScrollBar()
    bar.setValue(0)
    probe.wait(probe.count)
    reads_before = window.list.model.page_reads
    times = []
    values = range(bar.pageStep(), bar.maximum() + bar.pageStep(), bar.pageStep())
    for value in values[:steps]:
        start, since = now(), probe.count
        bar.setValue(min(value, bar.maximum()))
        if not probe.wait(since):
            raise SystemExit("bench: a scroll step was never painted")
        times.append(now() - start)
    return times, window.list.model.page_reads - reads_before


def jumps(window, probe: PaintProbe, count: int, rng: random.Random) -> list[float]:  # type: ignore[no-untyped-def]
    bar = window.list.table.verticalScrollBar()
    times = []
    for _ in range(count):
        start, since = now(), probe.count
        bar.setValue(rng.randint(0, bar.maximum()))
        if not probe.wait(since):
            raise SystemExit("bench: a jump was never painted")
        times.append(now() - start)
    return times


def words_to_type(data_dir: Path, rng: random.Random) -> list[str]:
    """What enumerators type: head names, member names, NIKs, No. KK, street + number."""
    from bench_keys import connect_ro

    conn = connect_ro(data_dir)
    try:

        def sample(table: str, columns: str) -> list[tuple]:  # the same rows for the same seed
            top = conn.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0]
            picks = rng.sample(range(1, top + 1), 200)
            marks = ",".join("?" * len(picks))
            sql = f"SELECT {columns} FROM {table} WHERE rowid IN ({marks}) ORDER BY rowid"
            return conn.execute(sql, picks).fetchall()

        heads = sample("households", "head_name, no_kk, address")
        members = [m for m in sample("members", "name, nik") if m[1]]
    finally:
        conn.close()
    words = [h[0] for h in rng.sample(heads, 10)]
    words += [m[0].split()[0] for m in rng.sample(members, 8)]
    words += [m[1] for m in rng.sample(members, 3)]
    words += [h[1] for h in rng.sample(heads, 2) if h[1]]
    words += [h[2].replace("Jl. ", "").replace("Gg. ", "") for h in rng.sample(heads, 3)]
    return [w.lower() for w in words]


class SearchMeter:
    """Wraps the list's query hook and results signal to time each keystroke's journey."""

    def __init__(self, window) -> None:  # type: ignore[no-untyped-def]
        self.window = window
        self.submitted: float | None = None
        self.results: float | None = None
        self.all_results: list[float] = []  # every resultsShown, for the settle time
        self.shown = 0
        ask = window.list._ask  # the hook the window attached (MainWindow._ask_listing)

        def timed_ask(*args):  # type: ignore[no-untyped-def]
            self.submitted = now()
            return ask(*args)

        window.list._ask = timed_ask
        window.list.resultsShown.connect(self._results)

    def _results(self, count: int) -> None:
        self.results = now()
        self.all_results.append(self.results)
        self.shown = count


def type_words(window, probe: PaintProbe, words: list[str], interval_ms: float):  # type: ignore[no-untyped-def]
    """Type each word key by key, one key every `interval_ms` (or as soon as the previous key's
    results are painted, if that takes longer); background work runs between keys as it would."""
    qtest = optional("QtTest").QTest
    meter = SearchMeter(window)
    search = window.list.search
    search.setFocus()
    key_ms, debounce, worker, paint = [], [], [], []
    by_length: dict[str, list[float]] = defaultdict(list)
    cleared, timeouts, settled = [], [], []
    due = start = now()
    for word in words:
        for index, char in enumerate(["CLEAR", *word]):
            if char == "CLEAR" and not search.text():
                continue  # already empty: clearing would not run a query
            wait_until(lambda d=due: now() >= d)
            meter.submitted = meter.results = None
            since = probe.count
            start = now()
            due = start + interval_ms
            if char == "CLEAR":
                search.clear()  # back to all 100,000 households
            else:
                qtest.keyClick(search, char)
            if not probe.wait(since, lambda: meter.results is not None):
                timeouts.append(f"{word[:index]}|{char} (results {meter.shown})")
                continue
            took = now() - start
            if char == "CLEAR":
                cleared.append(took)
                continue
            key_ms.append(took)
            by_length[str(index) if index < 4 else "4+"].append(took)
            submitted = meter.submitted or start
            debounce.append(submitted - start)
            worker.append(meter.results - submitted)
            paint.append(took - (meter.results - start))
        # The word is typed: let any deferred, complete query land, then time its paint.
        last_key = start
        wait_until(lambda k=last_key: now() >= k + SETTLE_MS and not window.tasks.busy)
        final = max(t for t in meter.all_results if t >= last_key)
        painted = [t for t in probe.times if t >= final]
        if painted:
            settled.append(painted[0] - last_key)
        due = now()
    return key_ms, debounce, worker, paint, by_length, cleared, timeouts, settled


def run(data_dir: Path, args: argparse.Namespace) -> dict[str, float]:
    """Measure one data dir; prints the details and returns the headline figures."""
    rng = random.Random(args.seed)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    print(f"load: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    window, probe, took = open_window(app, data_dir)
    rss_ready = current_rss_mb()
    figures = {"households": float(window.list.model.rowCount()), "window open": took}

    print("(c) table with all households")
    first = table_first_paint(window, args.opens)
    line("new table shown → first rows painted", first)

    steps, reads = scroll_through(window, probe, args.scroll_steps)
    held = len(window.list.model._pages)
    line("scroll one page → painted", steps, f"; {reads} page reads, {held} pages held")
    over = sum(1 for s in steps if s > FRAME_MS)
    print(f"  {'steps over one frame (16.7 ms)':44s} {over} of {len(steps)}")
    wait_until(lambda: getattr(window.list.model.source, "positions_ready", True))
    jumped = jumps(window, probe, args.jumps, rng)
    line("jump to a random position → painted", jumped)
    rss_peak = peak_rss_mb()
    print(
        f"  RSS: {rss_ready:.0f} MB when ready, {current_rss_mb():.0f} MB after scrolling, "
        f"peak {rss_peak:.0f} MB; bare Qt window peak {bare_qt_rss():.0f} MB"
    )

    print(f"(b) search as you type, one key every {args.type_interval:g} ms")
    words = words_to_type(data_dir, rng)
    key_ms, debounce, worker, paint, by_length, cleared, timeouts, settled = type_words(
        window, probe, words, args.type_interval
    )
    line("keystroke → results painted", key_ms)
    line("  keystroke → query submitted (debounce)", debounce)
    line("  submitted → results on UI thread (worker)", worker)
    line("  results → painted", paint)
    for length in sorted(by_length):
        line(f"  by letters typed: {length}", by_length[length])
    line("last key of a word → final list painted (≈)", settled)
    line("search cleared → all households painted", cleared)
    if timeouts:
        print(f"  keystrokes whose results were never painted: {len(timeouts)} {timeouts}")
    window.close()
    figures.update(
        {
            "new table → first rows painted p95": pct(first, 0.95),
            "scroll step p50": statistics.median(steps),
            "scroll step p95": pct(steps, 0.95),
            "jump p50": statistics.median(jumped),
            "jump p95": pct(jumped, 0.95),
            "peak RSS MB": rss_peak,
            "keystroke → painted p50": statistics.median(key_ms),
            "keystroke → painted p95": pct(key_ms, 0.95),
            **{f"keystroke p95, {n} letters": pct(v, 0.95) for n, v in sorted(by_length.items())},
            "last key → full list painted p50": statistics.median(settled),
            "search cleared → painted p50": statistics.median(cleared),
            "search cleared → painted p95": pct(cleared, 0.95),
        }
    )
    return figures


def open_only(data_dir: Path) -> float:
    """One fresh window: show() → first table rows painted."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window, _probe, took = open_window(app, data_dir)
    window.close()
    return took


def child(data_dir: Path, args: argparse.Namespace, mode: str) -> dict[str, float]:
    """Run `mode` for one data dir in a fresh process; its last output line is JSON."""
    argv = [sys.executable, __file__, "--data-dir", str(data_dir), f"--{mode}"]
    for name in ("opens", "jumps", "seed", "type_interval", "scroll_steps"):
        argv += [f"--{name.replace('_', '-')}", str(getattr(args, name))]
    done = subprocess.run(argv, cwd=REPO, capture_output=True, text=True)
    if mode == "child-all":
        print(f"== {data_dir}")
        print("\n".join(x for x in done.stdout.splitlines()[:-1] if "propagateSizeHints" not in x))
    if done.returncode != 0:
        raise SystemExit(f"bench child failed for {data_dir}:\n{done.stdout}{done.stderr}")
    return json.loads(done.stdout.splitlines()[-1])


def side_by_side(dirs: list[Path], args: argparse.Namespace) -> None:
    figures = [child(d, args, "child-all") for d in dirs]
    opens: list[list[float]] = [[] for _ in dirs]
    for _ in range(args.fresh_opens):  # in turn, so machine load hits every size alike
        for i, d in enumerate(dirs):
            opens[i].append(child(d, args, "child-open")["window open"])
    for i, values in enumerate(opens):
        figures[i]["window open (median of fresh processes)"] = statistics.median(values)
        print(f"window open, fresh processes, {dirs[i]}: {' '.join(f'{v:.0f}' for v in values)}")
    names = [n for n in figures[0] if all(n in f for f in figures)]
    sizes = "".join(f"{int(f['households']):>14,}" for f in figures)
    print(f"\n{'households':46s}{sizes}   ratio")
    for name in names[1:]:
        values = [f[name] for f in figures]
        ratio = values[-1] / values[0] if values[0] else float("nan")
        shown = "".join(f"{v:14.1f}" for v in values)
        print(f"{name:46s}{shown}   {ratio:5.2f}")
    last, base = figures[-1], figures[0]
    print(f"targets at {int(last['households']):,} households (issue 11)")
    window = last["window open (median of fresh processes)"]
    limit = 1.2 * base["window open (median of fresh processes)"]
    verdict("window shown → first rows painted (≤ 1.2 × first)", window, limit)
    verdict("search cleared → painted, p95", last["search cleared → painted p95"], 50)
    for name in names:
        if name.startswith("keystroke p95"):
            verdict(f"{name} (results painted)", last[name], 16)
    verdict("keystroke → results painted, p95", last["keystroke → painted p95"], 16)
    verdict("scroll step, p95 (one frame)", last["scroll step p95"], 16)
    verdict("peak RSS", last["peak RSS MB"], 200, "MB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data-dir", type=Path, action="append", help="measure these data (repeat: side by side)"
    )
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--opens", type=int, default=9)
    parser.add_argument("--fresh-opens", type=int, default=5)
    parser.add_argument("--jumps", type=int, default=200)
    parser.add_argument("--scroll-steps", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--type-interval", type=float, default=120, help="ms between keys (120: a fast typist)"
    )
    parser.add_argument("--child-all", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--child-open", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_all or args.child_open:
        (data_dir,) = args.data_dir
        figures = run(data_dir, args) if args.child_all else {"window open": open_only(data_dir)}
        print(json.dumps(figures))
        return 0
    if args.data_dir:
        side_by_side(args.data_dir, args)
        return 0
    with tempfile.TemporaryDirectory(prefix="kampung-bench-") as tmp:
        subprocess.run(
            [sys.executable, "-m", "kampung_desktop", "demo", "seed", "--data-dir", tmp]
            + ["--households", str(args.households), "--seed", "1"],
            check=True,
            cwd=REPO,
            stdout=subprocess.DEVNULL,
        )
        side_by_side([Path(tmp)], args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
