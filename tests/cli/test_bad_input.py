"""Bad input gets one clear line (Indonesian / English) and a non-zero exit, never a traceback,
and changes nothing: arguments are checked before they reach SQL or the file system."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sandbox import run_in_namespace

from kampung_desktop.cli import main
from kampung_desktop.paths import forms_dir
from kampung_desktop.scoring import load_rules
from kampung_desktop.services.app import AppContext
from kampung_desktop.services.review import ReviewService
from kampung_desktop.storage.engine import database_path

KEL = "15.71.02.1002"
KAMPUNG = str(Path(sys.executable).with_name("kampung"))


def _one_line(err: str) -> str:
    assert "Traceback" not in err, err
    lines = [line for line in err.strip().splitlines() if line]
    assert len(lines) == 1 or lines[0].startswith("usage:"), err
    return lines[-1]


def _rows(data_dir: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(database_path(data_dir))
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


@pytest.fixture
def decided(data_dir: Path) -> Path:
    """One approved Bantar RT with an award decision, ready to print."""
    ctx = AppContext.open(data_dir)
    review = ReviewService.for_context(ctx)
    review.assessments.install_form(forms_dir() / "bantar_rt.xlsx")
    aid = review.assessments.start("bantar_rt", KEL, rw=12, rt=5)
    for name in (i.field for i in load_rules("bantar").indicators if i.kind == "boolean"):
        review.assessments.save_answer(aid, name, "ya")
    review.assessments.save_answer(aid, "tahun", 2026)
    review.assessments.transition(aid, "finalize")
    review.assessments.transition(aid, "approve")
    review.decide_rt("bantar", 2026, KEL, 12, 5, "sedang")
    ctx.close()
    return data_dir


def _print(data_dir: Path, *extra: str) -> int:
    return main(["certificates", "print", "--data-dir", str(data_dir), "--program", "bantar",
                 "--year", "2026", *extra])  # fmt: skip


def test_output_paths_that_cannot_work_are_refused_before_any_number(decided, tmp_path, capsys):
    folder = tmp_path / "keluar"
    folder.mkdir()
    a_file = tmp_path / "berkas.pdf"
    a_file.write_bytes(b"x")
    assert _print(decided, "--out", str(folder)) == 1
    assert "adalah folder" in _one_line(capsys.readouterr().err)
    assert _print(decided, "--separate", str(a_file)) == 1
    assert "bukan folder" in _one_line(capsys.readouterr().err)
    assert _print(decided, "--separate", str(a_file / "sub")) == 1
    assert "bukan folder" in _one_line(capsys.readouterr().err)
    assert _print(decided, "--out", str(tmp_path / ("n" * 300 + ".pdf"))) == 1
    assert "terlalu panjang" in _one_line(capsys.readouterr().err)
    report = ["certificates", "report", "--data-dir", str(decided), "--program", "bantar",
              "--year", "2026", "--kelurahan", KEL]  # fmt: skip
    assert main([*report, "--out", str(folder)]) == 1
    assert "adalah folder" in _one_line(capsys.readouterr().err)
    assert main([*report, "--csv", str(tmp_path / "tidak-ada" / "r.csv")]) == 1
    assert "tidak ada" in _one_line(capsys.readouterr().err)
    assert _rows(decided, "SELECT count(*) FROM certificates") == [(0,)]
    assert _print(decided, "--out", str(folder / "piagam.pdf")) == 0  # a good path works


def test_unwritable_output_folder_is_refused(decided, tmp_path):
    out = tmp_path / "arsip"
    out.mkdir()
    print_cmd = (
        f"{KAMPUNG} certificates print --data-dir {decided} --program bantar --year 2026 "
        f"--out {out}/piagam.pdf"
    )
    report_cmd = (
        f"{KAMPUNG} certificates report --data-dir {decided} --program bantar --year 2026 "
        f"--kelurahan {KEL} --xlsx {out}/r.xlsx"
    )
    done = run_in_namespace(
        f"mount --bind {out} {out}; mount -o remount,bind,ro {out}; "
        f"{print_cmd} 2>>err.txt || echo exit=$? >>err.txt; "
        f"{report_cmd} 2>>err.txt || echo exit=$? >>err.txt",
        tmp_path,
    )
    assert done.returncode == 0, done.stderr
    err = (tmp_path / "err.txt").read_text(encoding="utf-8")
    assert err.count("tidak dapat ditulisi") == 2 and err.count("exit=1") == 2, err
    assert "Traceback" not in err
    assert list(out.iterdir()) == []
    assert _rows(decided, "SELECT count(*) FROM certificates") == [(0,)]


def test_numbers_and_codes_out_of_range_stop_in_argument_checking(decided, capsys):
    decide = ["awards", "decide", "--data-dir", str(decided), "--program", "bantar",
              "--rw", "12", "--rt", "6", "--category", "kecil"]  # fmt: skip
    cases = [
        ([*decide, "--year", "99999999999999999999999", "--kelurahan", KEL], "terlalu besar"),
        ([*decide, "--year", "٢٠٢٦", "--kelurahan", KEL], "bukan angka"),
        ([*decide, "--year", "2026", "--kelurahan", "1" * 100_000], "kode wilayah"),
        (["certificates", "print", "--data-dir", str(decided), "--program", "bantar",
          "--year", "2026", "--kelurahan", "3" * 100_000, "--out", "x.pdf"], "kode wilayah"),
        (["certificates", "report", "--data-dir", str(decided), "--program", "bantar",
          "--year", "12345", "--kelurahan", KEL, "--out", "x.pdf"], "tahun harus"),
    ]  # fmt: skip
    before = _rows(decided, "SELECT count(*) FROM award_decisions")
    for argv, expected in cases:
        with pytest.raises(SystemExit) as stop:
            main(argv)
        assert stop.value.code == 2
        line = _one_line(capsys.readouterr().err)
        assert expected in line and len(line) < 400, line
    assert _rows(decided, "SELECT count(*) FROM award_decisions") == before


def test_data_dir_name_too_long_creates_nothing(tmp_path, capsys):
    long_dir = tmp_path / ("d" * 300)
    assert main(["demo", "seed", "--data-dir", str(long_dir), "--households", "1"]) == 1
    assert "terlalu panjang" in _one_line(capsys.readouterr().err)
    assert list(tmp_path.iterdir()) == []


def test_json_nested_too_deep(tmp_path, capsys):
    deep = tmp_path / "deep.json"
    deep.write_text('{"a":' * 100_000 + "1" + "}" * 100_000, encoding="utf-8")
    assert main(["awards", "score", "bantar", str(deep)]) == 1
    assert "terlalu dalam" in _one_line(capsys.readouterr().err)
    assert main(["forms", "eval", str(forms_dir() / "bantar_rt.xlsx"), str(deep)]) == 1
    assert "terlalu dalam" in _one_line(capsys.readouterr().err)


def test_garbage_workbook_is_reported_as_unreadable(tmp_path, capsys):
    garbage = tmp_path / "rusak.xls"
    garbage.write_bytes(bytes(range(256)) * 20)
    assert main(["forms", "check", str(garbage)]) == 1
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and out.strip()
    assert "bukan buku kerja" in out and "supported type" not in out  # not pyxform's words


def _md_form(tmp_path: Path, default_language: str) -> Path:
    form = tmp_path / "bentuk.md"
    form.write_text(
        "| survey |\n| | type | name | label::id | label::en | calculation |\n"
        "| | integer | a | A | A | |\n| | calculate | c | | | 1 div 0 |\n"
        "| | calculate | e | | | 0 div 0 |\n"
        f"| settings |\n| | form_id | version | default_language |\n"
        f"| | bentuk | 1 | {default_language} |\n",
        encoding="utf-8",
    )
    return form


def test_check_refuses_a_default_language_that_eval_would_refuse(tmp_path, capsys):
    assert main(["forms", "check", str(_md_form(tmp_path, "fr"))]) == 1
    out = capsys.readouterr().out
    assert "default_language 'fr'" in out and out.startswith("settings:")
    assert main(["forms", "check", str(_md_form(tmp_path, "en"))]) == 0


def test_eval_output_is_strict_json(tmp_path, capsys):
    answers = tmp_path / "a.json"
    answers.write_text('{"a": 1}', encoding="utf-8")
    assert main(["forms", "eval", str(_md_form(tmp_path, "id")), str(answers)]) == 0

    def refuse(constant: str) -> None:
        raise AssertionError(f"{constant} is not JSON")

    result = json.loads(capsys.readouterr().out, parse_constant=refuse)
    assert result["fields"]["e"]["value"] is None


# -- wilayah import ---------------------------------------------------------------------------


def _import(data_dir: Path, tmp_path: Path, text: str) -> int:
    csv_file = tmp_path / "kode.csv"
    csv_file.write_text(text, encoding="utf-8")
    return main(["wilayah", "import", "--data-dir", str(data_dir), str(csv_file)])


def test_codes_in_other_digits_are_refused_and_not_queued(data_dir, tmp_path, capsys):
    for code in ("٣٢", "３２", "32.７1"):
        assert _import(data_dir, tmp_path, f"kode,nama\n{code},Jawa Barat\n") == 1
        assert "Baris 2" in _one_line(capsys.readouterr().err)
    assert _rows(data_dir, "SELECT count(*) FROM outbox WHERE entity = 'wilayah'") == [(0,)]


def test_a_code_given_twice_is_refused_with_both_lines(data_dir, tmp_path, capsys):
    text = "kode,nama\n32,Jawa Barat\n32.71,Kota Bogor\n32,Jabar\n"
    assert _import(data_dir, tmp_path, text) == 1
    line = _one_line(capsys.readouterr().err)
    assert "Baris 4" in line and "baris 2" in line
    assert _rows(data_dir, "SELECT count(*) FROM wilayah WHERE kode LIKE '32%'") == [(0,)]


def test_semicolon_separated_csv_from_excel_is_accepted(data_dir, tmp_path, capsys):
    text = "kode;nama\r\n32;Jawa Barat\r\n32.71;Kota Bogor\r\n"
    assert _import(data_dir, tmp_path, text) == 0
    assert "2 ditambahkan" in capsys.readouterr().out
    assert _rows(data_dir, "SELECT nama FROM wilayah WHERE kode = '32.71'") == [("Kota Bogor",)]


def test_a_cell_over_the_csv_limit_is_reported_with_its_line(data_dir, tmp_path, capsys):
    text = 'kode,nama\n32,Jawa Barat\n32.71,"' + "x" * 200_000 + '"\n'
    assert _import(data_dir, tmp_path, text) == 1
    line = _one_line(capsys.readouterr().err)
    assert "terlalu panjang" in line and "Baris 3" in line


# -- input files that are folders, missing or not UTF-8 ---------------------------------------


def test_input_files_that_are_folders_or_not_utf8_are_named_as_such(data_dir, tmp_path, capsys):
    """A folder is not "not found" and a cp1252 CSV is not a Python codec error."""
    form = str(forms_dir() / "bantar_rt.xlsx")
    latin = tmp_path / "kode.csv"
    latin.write_bytes("kode,nama\n32,Jawé Barat\n".encode("cp1252"))
    data = ["--data-dir", str(data_dir)]
    for argv in (
        ["wilayah", "import", *data, str(tmp_path)],
        ["households", "import", *data, str(tmp_path)],
        ["forms", "check", str(tmp_path)],
        ["forms", "eval", form, str(tmp_path)],
        ["awards", "score", "bantar", str(tmp_path)],
    ):
        assert main(argv) == 1, argv
        line = _one_line(capsys.readouterr().err)
        assert "adalah folder" in line and "is a folder" in line and "Errno" not in line, line
    for argv in (
        ["wilayah", "import", *data, str(latin)],
        ["forms", "eval", form, str(latin)],
        ["awards", "score", "bantar", str(latin)],
    ):
        assert main(argv) == 1, argv
        line = _one_line(capsys.readouterr().err)
        assert "bukan teks UTF-8 (byte ke-17)" in line and "codec" not in line, line


def test_output_cut_short_by_head_ends_quietly(tmp_path):
    """`kampung forms eval … | head -1`: the reader goes away; no BrokenPipeError traceback."""
    answers = tmp_path / "a.json"
    answers.write_text('{"tahun": 2026}', encoding="utf-8")
    done = subprocess.run(
        f"{KAMPUNG} forms eval {forms_dir() / 'bantar_rt.xlsx'} {answers} | head -c 1",
        shell=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.stdout == "{" and done.stderr == "", done.stderr


def test_a_huge_category_is_not_echoed_back_whole(decided, capsys):
    huge = "x" * 100_000
    assert main(["awards", "decide", "--data-dir", str(decided), "--program", "bantar",
                 "--year", "2026", "--kelurahan", KEL, "--rw", "12", "--rt", "5",
                 "--category", huge]) == 1  # fmt: skip
    line = _one_line(capsys.readouterr().err)
    assert len(line) < 400 and "100000 karakter" in line
