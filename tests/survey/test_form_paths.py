"""XPath paths in expressions: absolute, relative, current(), predicates, instance() lookups —
evaluated right, and kept up to date by the incremental recompute."""

from __future__ import annotations

from datetime import datetime

from kampung_desktop.survey import Interview, load_form_markdown
from kampung_desktop.survey.media import Media

NOW = datetime(2026, 11, 23, 9, 30)

FORM = """
| survey |
| | type | name | label | calculation | relevant | constraint |
| | begin group | rumah | Rumah | | | |
| | integer | kamar | Kamar | | | |
| | end group | | | | | |
| | calculate | dua_kali | | /data/rumah/kamar * 2 | | |
| | begin repeat | anggota | Anggota | | | |
| | text | nama | Nama | | | |
| | integer | umur | Umur | | | . < ../../rumah/kamar * 50 |
| | calculate | urutan | | position(current()/..) | | |
| | note | dewasa | Dewasa | | ../umur >= 17 | |
| | end repeat | | | | | |
| | calculate | jumlah | | count(/data/anggota) | | |
| | calculate | kedua | | /data/anggota[2]/nama | | |
| | calculate | tertua | | /data/anggota[umur = max(/data/anggota/umur)]/nama | | |
| | calculate | terakhir | | ${anggota}[position() = last()]/nama | | |
| | calculate | kota | | instance('kota')/root/item[name = ${pilih}]/label | | |
| | select_one kota | pilih | Kota | | | |
| choices |
| | list_name | name | label |
| | kota | 3671 | Tangerang |
| | kota | 1571 | Jambi |
"""


def _members() -> list[dict]:
    return [{"nama": "Siti", "umur": 40}, {"nama": "Budi", "umur": 12}, {"nama": "Ani", "umur": 70}]


def test_paths_read_the_interview_like_odk():
    form = load_form_markdown(FORM)
    iv = Interview(form, {"rumah": {"kamar": 3}, "anggota": _members(), "pilih": "1571"}, now=NOW)
    assert iv.state("dua_kali").value == 6
    assert iv.state("jumlah").value == 3
    assert iv.state("kedua").value == "Budi"
    assert iv.state("tertua").value == "Ani"
    assert iv.state("terakhir").value == "Ani"
    assert iv.state("kota").value == "Jambi"
    assert [iv.state(f"anggota[{i}]/urutan").value for i in (1, 2, 3)] == [1, 2, 3]
    assert [iv.is_relevant(f"anggota[{i}]/dewasa") for i in (1, 2, 3)] == [True, False, True]
    assert iv.state("anggota[3]/umur").valid  # 70 < 3 rooms * 50
    iv.set_answer("kamar", 1)  # the constraint reads ../../rumah/kamar: re-checked
    assert iv.state("anggota[3]/umur").valid is False
    assert iv.state("dua_kali").value == 2


def test_path_dependents_follow_every_change():
    form = load_form_markdown(FORM)
    iv = Interview(form, {"rumah": {"kamar": 3}, "anggota": _members()}, now=NOW)
    iv.set_answer("anggota[2]/nama", "Bayu")
    assert iv.state("kedua").value == "Bayu"
    iv.set_answer("anggota[1]/umur", 99)
    assert iv.state("tertua").value == "Siti"
    iv.remove_repeat("anggota[1]")
    assert iv.state("jumlah").value == 2
    assert iv.state("kedua").value == "Ani"
    assert [iv.state(f"anggota[{i}]/urutan").value for i in (1, 2)] == [1, 2]
    iv.move_repeat("anggota[2]", 1)
    assert iv.state("terakhir").value == "Bayu"
    iv.set_answer("pilih", "3671")
    assert iv.state("kota").value == "Tangerang"
    fresh = Interview(form, iv.answers(), now=NOW)
    assert fresh.to_eval_json() == iv.to_eval_json()


def test_instance_lookup_in_a_media_file_and_a_default_from_the_previous_entry():
    form = load_form_markdown(
        """
| survey |
| | type | name | label | calculation | default |
| | text | kode | Kode | | |
| | calculate | harga | | instance('harga')/root/item[kode = current()/../kode]/harga | |
| | begin repeat | kunjungan | Kunjungan | | |
| | date | tanggal | Tanggal | | ${kunjungan}[position() = position(current()/..) - 1]/tanggal |
| | end repeat | | | | |
""",
        media=Media({"harga.csv": b"kode,harga\nberas,12000\ngula,15000\n"}),
    )
    iv = Interview(form, {"kode": "gula"}, now=NOW)
    assert iv.state("harga").value == "15000"
    iv.add_repeat("kunjungan")
    iv.set_answer("kunjungan[1]/tanggal", "2026-11-01")
    iv.add_repeat("kunjungan")
    assert iv.state("kunjungan[2]/tanggal").value == "2026-11-01"


def test_a_path_that_matches_nothing_loads_with_a_warning():
    form = load_form_markdown(
        "| survey |\n| | type | name | label | calculation |\n"
        "| | integer | a | A | |\n| | calculate | c | | /data/tidak_ada + 1 |\n"
    )
    assert [w.text("en") for w in form.warnings] == [
        "column 'calculation': the path '/data/tidak_ada' matches no field of the form "
        "(always empty)"
    ]


def test_choices_from_the_answers_of_a_repeat():
    form = load_form_markdown(
        """
| survey |
| | type | name | label | choice_filter | calculation |
| | begin repeat | pet | Pet | | |
| | calculate | pos | | | position(..) |
| | text | jenis | Jenis | | |
| | select_one ${jenis} | lain | Yang lain | position() != current()/../pos and jenis != '' | |
| | end repeat | | | | |
| | select_one ${jenis} | favorit | Favorit | | |
| | calculate | nama_favorit | | | jr:choice-name(${favorit}, '${favorit}') |
"""
    )
    iv = Interview(form, {"pet": [{"jenis": "kucing"}, {"jenis": "anjing"}, {}]}, now=NOW)
    assert [c.name for c in iv.choices("favorit")] == ["kucing", "anjing"]
    assert [c.label() for c in iv.choices("pet[1]/lain")] == ["anjing"]
    iv.set_answer("favorit", "anjing")
    assert iv.state("favorit").valid
    assert iv.state("nama_favorit").value == "anjing"
    iv.set_answer("pet[2]/jenis", "ikan")  # the chosen answer is gone: re-checked
    assert iv.state("favorit").message == "'anjing' bukan pilihan yang tersedia."
