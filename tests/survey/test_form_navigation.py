"""Wizard pages and sections: one question or one field-list group per page, relevant only."""

from __future__ import annotations

from kampung_desktop.survey.navigation import GROUP, QUESTION, ROSTER, page_index, pages, sections

FORM = """
| survey |
| | type | name | label::Bahasa Indonesia (id) | label::English (en) | relevant | appearance | calculation | required |
| | text | petugas | Petugas | Enumerator | | | | yes |
| | begin group | lokasi | Lokasi | Location | | field-list | | |
| | integer | rw | RW | RW | | | | yes |
| | integer | rt | RT | RT | | | | |
| | note | cek | Periksa RT | Check RT | ${rt} > 50 | | | |
| | end group | | | | | | | |
| | begin group | rumah | Rumah | House | | | | |
| | select_one yn | milik | Milik sendiri? | Owned? | | | | |
| | decimal | sewa | Sewa | Rent | ${milik} = 'tidak' | | | |
| | calculate | dua | | | | | ${rt} * 2 | |
| | end group | | | | | | | |
| | begin repeat | anggota | Anggota | Members | | | | |
| | text | nama | Nama | Name | | | | yes |
| | end repeat | | | | | | | |
| | begin repeat | kendaraan | Kendaraan | Vehicles | | field-list | | |
| | text | jenis | Jenis | Kind | | | | |
| | integer | tahun | Tahun | Year | | | | |
| | end repeat | | | | | | | |
| choices |
| | list_name | name | label::Bahasa Indonesia (id) | label::English (en) |
| | yn | ya | Ya | Yes |
| | yn | tidak | Tidak | No |
"""


def _keys(page_list):
    return [(page.kind, page.key) for page in page_list]


def test_pages_follow_relevance_and_field_lists(make_interview):
    iv = make_interview(FORM, {"anggota": [{"nama": "Ani"}, {}], "kendaraan": [{"jenis": "motor"}]})
    page_list = pages(iv)
    assert _keys(page_list) == [
        (QUESTION, "petugas"),
        (GROUP, "lokasi"),
        (QUESTION, "milik"),
        (ROSTER, "anggota"),
        (QUESTION, "anggota[1]/nama"),
        (QUESTION, "anggota[2]/nama"),
        (ROSTER, "kendaraan"),
        (GROUP, "kendaraan[1]"),
    ]
    assert page_list[1].fields == ("rw", "rt")  # the note is not relevant yet
    assert page_list[7].fields == ("kendaraan[1]/jenis", "kendaraan[1]/tahun")
    assert page_list[5].entry == "anggota[2]/"
    iv.set_answer("rt", 60)
    iv.set_answer("milik", "tidak")
    page_list = pages(iv)
    assert page_list[1].fields == ("rw", "rt", "cek")
    assert (QUESTION, "sewa") in _keys(page_list)


def test_sections_and_completion(make_interview):
    iv = make_interview(FORM, {"anggota": [{"nama": "Ani"}]})
    found = sections(iv)
    assert [(s.label, s.first_page, s.page_count, s.complete) for s in found] == [
        ("Umum", 0, 1, False),
        ("Lokasi", 1, 1, False),
        ("Rumah", 2, 1, True),
        ("Anggota", 3, 2, True),
        ("Kendaraan", 5, 1, True),
    ]
    iv.set_answer("petugas", "Rina")
    iv.set_answer("rw", 5)
    iv.set_language("en")
    assert [(s.label, s.complete) for s in sections(iv)][:2] == [
        ("General", True),
        ("Location", True),
    ]


def test_resume_on_a_saved_page(make_interview):
    iv = make_interview(FORM, {"anggota": [{"nama": "Ani"}, {"nama": "Budi"}]})
    page_list = pages(iv)
    assert page_index(page_list, "anggota[2]/nama") == 5
    assert page_index(page_list, "rt") == 1  # a field on a field-list page
    assert page_index(page_list, "gone") == 0
