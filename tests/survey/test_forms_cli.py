"""The headless contract: `kampung forms check` and `kampung forms eval`, exactly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kampung_desktop.cli import main

FORM = """
| survey |
| | type | name | label::Bahasa Indonesia (id) | label::English (en) | required | constraint | constraint_message::Bahasa Indonesia (id) | constraint_message::English (en) | calculation | relevant |
| | text | nama | Nama | Name | yes | | | | | |
| | date | lahir | Lahir | Born | | . <= today() | Tanggal lahir di masa depan | Birth date in the future | | |
| | select_multiple aset | aset | Aset | Assets | | | | | | |
| | decimal | luas | Luas | Area | | | | | | |
| | begin group | g | Grup | Group | | | | | | |
| | begin repeat | anggota | Anggota | Members | | | | | | |
| | text | an | Nama | Name | yes | | | | | |
| | integer | umur | Umur | Age | | . >= 0 | Umur tidak sah | Invalid age | | |
| | end repeat | | | | | | | | | |
| | end group | | | | | | | | | |
| | calculate | total_umur | | | | | | | sum(${umur}) | |
| | note | catatan | Luas besar | Large area | | | | | | ${luas} > 100 |
| choices |
| | list_name | name | label::Bahasa Indonesia (id) | label::English (en) |
| | aset | tv | TV | TV |
| | aset | motor | Motor | Motorbike |
| settings |
| | form_id | version | default_language |
| | rumah_tangga | 2026112301 | Bahasa Indonesia (id) |
"""

BROKEN = """
| survey |
| | type | name | label | relevant | calculation |
| | integer | a | A | | |
| | text | b | B | hitung(${a}) | |
| | calculate | c | | | ${a} + |
| | osm | d | D | | |
"""


@pytest.fixture
def form_path(tmp_path: Path) -> Path:
    path = tmp_path / "rumah_tangga.md"
    path.write_text(FORM, encoding="utf-8")
    return path


def _eval(capsys, form: Path, answers: dict, *extra: str) -> dict:
    answers_path = form.parent / "answers.json"
    answers_path.write_text(json.dumps(answers), encoding="utf-8")
    assert main(["forms", "eval", str(form), str(answers_path), *extra]) == 0
    return json.loads(capsys.readouterr().out)


def test_check_good_form_prints_one_summary_line(capsys, form_path: Path):
    assert main(["forms", "check", str(form_path)]) == 0
    assert capsys.readouterr().out == (
        "rumah_tangga 2026112301: 6 questions, 1 groups, 1 repeats, languages: id, en\n"
    )


def test_check_xlsx(capsys, tmp_path: Path):
    from pyxform.xls2json_backends import md_table_to_workbook

    path = tmp_path / "rumah_tangga.xlsx"
    md_table_to_workbook(FORM).save(path)
    assert main(["forms", "check", str(path)]) == 0
    assert capsys.readouterr().out.startswith("rumah_tangga 2026112301: 6 questions")


def test_check_bad_form_prints_one_line_per_problem(capsys, tmp_path: Path):
    path = tmp_path / "broken.md"
    path.write_text(BROKEN, encoding="utf-8")
    assert main(["forms", "check", str(path), "--lang", "en"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    assert lines[0] == "survey:3: column 'relevant': unknown function 'hitung()'"
    assert lines[1].startswith("survey:4: column 'calculation': the expression cannot be parsed")
    assert lines[2] == (
        "survey:5: Type 'osm' needs OpenStreetMap (osm), which a desktop application cannot offer."
    )


def test_check_messages_default_to_indonesian(capsys, tmp_path: Path):
    path = tmp_path / "broken.md"
    path.write_text(BROKEN, encoding="utf-8")
    assert main(["forms", "check", str(path)]) == 1
    assert capsys.readouterr().out.splitlines()[0] == (
        "survey:3: kolom 'relevant': fungsi tidak dikenal 'hitung()'"
    )


def test_check_missing_file(capsys, tmp_path: Path):
    assert main(["forms", "check", str(tmp_path / "none.xlsx")]) == 1
    assert "none.xlsx" in capsys.readouterr().err


def test_eval_contract(capsys, form_path: Path):
    result = _eval(
        capsys,
        form_path,
        {
            "nama": "Siti",
            "lahir": "1990-05-17",
            "aset": ["tv", "motor"],
            "luas": 120,
            "anggota": [{"an": "Siti", "umur": 36}, {"an": "Budi", "umur": 9}],
        },
        "--today",
        "2026-11-23",
    )
    assert result == {
        "form_id": "rumah_tangga",
        "version": "2026112301",
        "complete": True,
        "fields": {
            "nama": _ok("Siti", required=True),
            "lahir": _ok("1990-05-17"),
            "aset": _ok(["tv", "motor"]),
            "luas": _ok(120.0),
            "anggota[1]/an": _ok("Siti", required=True),
            "anggota[1]/umur": _ok(36),
            "anggota[2]/an": _ok("Budi", required=True),
            "anggota[2]/umur": _ok(9),
            "total_umur": _ok(45),
            "catatan": _ok(None),
        },
    }


def _ok(value, required=False):
    return {"relevant": True, "required": required, "valid": True, "value": value, "message": None}


def test_eval_invalid_fields_carry_the_form_message(capsys, form_path: Path):
    answers = {"lahir": "2027-01-01", "anggota": [{"umur": -1}], "luas": 10}
    result = _eval(capsys, form_path, answers, "--today", "2026-11-23")
    fields = result["fields"]
    assert result["complete"] is False
    assert fields["lahir"]["valid"] is False
    assert fields["lahir"]["message"] == "Tanggal lahir di masa depan"
    assert fields["nama"] == {
        "relevant": True,
        "required": True,
        "valid": False,
        "value": None,
        "message": "Wajib diisi.",
    }
    assert fields["anggota[1]/umur"]["message"] == "Umur tidak sah"
    assert fields["catatan"]["relevant"] is False

    english = _eval(capsys, form_path, answers, "--today", "2026-11-23", "--lang", "en")
    assert english["fields"]["lahir"]["message"] == "Birth date in the future"
    assert english["fields"]["nama"]["message"] == "This field is required."


def test_eval_today_changes_the_result(capsys, form_path: Path):
    answers = {"nama": "A", "lahir": "2026-12-01"}
    assert _eval(capsys, form_path, answers, "--today", "2026-11-23")["complete"] is False
    assert _eval(capsys, form_path, answers, "--today", "2026-12-02")["complete"] is True


@pytest.mark.parametrize(
    ("answers", "fragment"),
    [
        ({"tidak_ada": 1}, "tidak_ada"),
        ({"anggota": {"an": "x"}}, "anggota"),
        ([1, 2], "JSON"),
    ],
)
def test_eval_rejects_bad_answer_files(capsys, form_path: Path, answers, fragment):
    path = form_path.parent / "answers.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    assert main(["forms", "eval", str(form_path), str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kampung: ") and fragment in err and len(err.splitlines()) == 1


def test_eval_bad_today(capsys, form_path: Path):
    path = form_path.parent / "answers.json"
    path.write_text("{}", encoding="utf-8")
    assert main(["forms", "eval", str(form_path), str(path), "--today", "23-11-2026"]) == 1
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_check_prints_warnings_on_stderr_and_keeps_stdout_one_line(capsys, tmp_path: Path):
    path = tmp_path / "toleran.md"
    path.write_text(
        "| survey |\n| | type | name | label | default |\n| | integer | a | A | banyak |\n",
        encoding="utf-8",
    )
    assert main(["forms", "check", str(path), "--lang", "en"]) == 0
    captured = capsys.readouterr()
    assert captured.out.count("\n") == 1 and "1 questions" in captured.out
    assert captured.err == (
        "survey:2: peringatan / warning: Default 'banyak' is ignored: Must be a whole number.\n"
    )
