"""A form published with its media files reaches the laptop whole: the choice list from a CSV
works there although the laptop never saw the office's folder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sync_support import KEL

from kampung_desktop.services.interviews import InterviewService


def _form_with_media(folder: Path) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    survey = wb.active
    survey.title = "survey"
    survey.append(["type", "name", "label"])
    survey.append(["text", "kelurahan_code", "Kelurahan"])
    survey.append(["integer", "rw", "RW"])
    survey.append(["integer", "rt", "RT"])
    survey.append(["select_one_from_file jenis_atap.csv", "atap", "Jenis atap"])
    settings = wb.create_sheet("settings")
    settings.append(["form_id", "version", "form_title"])
    settings.append(["uji_atap", "3", "Uji atap"])
    path = folder / "uji_atap.xlsx"
    wb.save(path)
    (folder / "jenis_atap.csv").write_text("name,label\ngenteng,Genteng\nseng,Seng\n")
    return path


def test_published_media_travel_to_the_laptop(server, laptop_factory, tmp_path: Path) -> None:
    office = tmp_path / "office"
    office.mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "kampung_desktop", "server", "forms", "publish", "--db",
         server.db_url, str(_form_with_media(office))], capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]

    laptop = laptop_factory("a")
    laptop.enrol(server, "ani")
    assert laptop.sync.sync().ok
    interviews = InterviewService.for_context(laptop.ctx)
    assert "uji_atap" in {f.form_id for f in interviews.forms()}
    session = interviews.open(interviews.start("uji_atap", KEL, 1, 1))
    assert [c.name for c in session.interview.choices("atap")] == ["genteng", "seng"]
