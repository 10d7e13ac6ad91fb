"""A print killed part-way leaves nothing behind for good: the next run into the same folder
removes dead `.part` files and staging folders, and a `--separate` batch killed while its files
were being moved out is completed, so the batch is whole or absent, never half there."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from kampung_desktop.certificates.render import render_batch, render_separate

CHILD = textwrap.dedent(
    """
    import datetime as dt, os, signal, sys
    from pathlib import Path
    from kampung_desktop.certificates import render
    from kampung_desktop.certificates.template import load_template

    mode, target = sys.argv[1], Path(sys.argv[2])
    template = load_template("bantar")
    certs = [
        template.certificate(seq=i, year=2026, category="sedang", date=dt.date(2026, 9, 20),
                             rt=i, rw=12, kelurahan="Cibodas Sari", kecamatan="Cibodas")
        for i in range(1, 9)
    ]

    def die():
        os.kill(os.getpid(), signal.SIGKILL)

    if mode == "moving":  # killed after 3 of the 8 files were moved into the folder
        real, moved = os.replace, []

        def replace(src, dst):
            real(src, dst)
            moved.append(dst)
            if len(moved) == 3:
                die()

        os.replace = replace
        render.render_separate(certs, template, target)
    elif mode == "rendering":  # killed while the 4th file was being drawn
        render.render_separate(certs, template, target, progress=lambda d, t: d < 3 or die())
    elif mode == "single":  # one PDF, killed after two pages
        render.render_batch(certs, template, target / "semua.pdf",
                            progress=lambda d, t: d < 2 or die())
    """
)


def _killed(mode: str, target: Path) -> None:
    done = subprocess.run([sys.executable, "-c", CHILD, mode, str(target)], capture_output=True)
    assert done.returncode == -signal.SIGKILL, done.stderr.decode()[-2000:]


def _hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def _pdfs(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("*.pdf"))


def test_a_batch_killed_while_moving_is_completed_by_the_next_run(tmp_path, make_certs, bantar):
    out = tmp_path / "piagam"
    _killed("moving", out)
    assert len(_pdfs(out)) == 3 and len(_hidden(out)) == 1  # the state a kill leaves
    other = tmp_path / "other"
    render_separate(make_certs(8), bantar, other)  # the names the killed batch would have had
    whole = _pdfs(other)
    # The next batch into that folder (a different, single certificate) repairs it first.
    later = bantar.certificate(seq=99, year=2026, category="besar", date=dt.date(2026, 9, 21),
                               rt=1, rw=1, kelurahan="Cibodas Sari", kecamatan="Cibodas")  # fmt: skip
    render_separate([later], bantar, out)
    assert _hidden(out) == []
    assert set(whole) <= set(_pdfs(out)) and len(_pdfs(out)) == len(whole) + 1
    for name in whole:  # complete files, not truncated ones
        assert (out / name).read_bytes().rstrip().endswith(b"%%EOF")


def test_a_batch_killed_while_rendering_shows_nothing_and_is_cleaned(tmp_path, make_certs, bantar):
    out = tmp_path / "piagam"
    out.mkdir()
    (out / "surat-lain.pdf").write_bytes(b"%PDF-1.4 someone else's file")
    _killed("rendering", out)
    assert _pdfs(out) == ["surat-lain.pdf"] and len(_hidden(out)) == 1
    render_separate(make_certs(2), bantar, out)
    assert _hidden(out) == [] and len(_pdfs(out)) == 3
    assert (out / "surat-lain.pdf").read_bytes() == b"%PDF-1.4 someone else's file"


def test_a_part_file_of_a_killed_print_is_removed_by_the_next(tmp_path, make_certs, bantar):
    _killed("single", tmp_path)
    [part] = _hidden(tmp_path)
    assert part.startswith(".semua.pdf.") and part.endswith(".part")
    render_batch(make_certs(1), bantar, tmp_path / "lain.pdf")
    assert _hidden(tmp_path) == [] and _pdfs(tmp_path) == ["lain.pdf"]


def test_a_part_file_still_being_written_is_left_alone(tmp_path, make_certs, bantar):
    busy = tmp_path / f".semua.pdf.{os.getppid()}.abcd1234.part"  # a living process's
    busy.write_bytes(b"half")
    render_batch(make_certs(1), bantar, tmp_path / "lain.pdf")
    assert busy.exists()
