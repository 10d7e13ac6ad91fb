"""Interviews: answers, validation, relevance, repeats and incremental recompute."""

from __future__ import annotations

from datetime import date

import pytest

from kampung_desktop.survey import AnswerError, Interview, load_form_markdown

VALIDATION = """
| survey |
| | type | name | label::Bahasa Indonesia (id) | label::English (en) | required | required_message::Bahasa Indonesia (id) | required_message::English (en) | constraint | constraint_message::Bahasa Indonesia (id) | constraint_message::English (en) | relevant |
| | text | nama | Nama ${umur} | Name ${umur} | yes | Nama wajib | Name is needed | | | | |
| | integer | umur | Umur | Age | yes | | | . >= 0 and . <= 120 | Umur 0–120 | Age 0–120 | |
| | date | lahir | Lahir | Born | | | | . <= today() | | | |
| | text | pekerjaan | Pekerjaan | Job | yes | | | | | | ${umur} >= 15 |
| settings |
| | form_id | version | default_language |
| | v | 1 | Bahasa Indonesia (id) |
"""


def test_required_and_constraint_messages_in_both_languages(make_interview):
    iv = make_interview(VALIDATION)
    nama = iv.state("nama")
    assert (nama.relevant, nama.required, nama.valid, nama.message) == (
        True,
        True,
        False,
        "Nama wajib",
    )
    assert iv.state("umur").message == "Wajib diisi."  # no form message: the default one
    changes = iv.set_answer("umur", 130)
    assert changes.changed["umur"].message == "Umur 0–120"
    iv.set_language("en")
    assert iv.state("umur").message == "Age 0–120"
    assert iv.state("nama").message == "Name is needed"
    iv.set_answer("lahir", "2030-01-01")
    assert iv.state("lahir").message == "The answer does not meet the rule."


def test_completeness_and_missing(make_interview):
    iv = make_interview(VALIDATION)
    assert not iv.is_complete()
    assert [s.path for s in iv.missing()] == ["nama", "umur"]  # pekerjaan is not relevant yet
    iv.set_answer("umur", 30)
    assert [s.path for s in iv.missing()] == ["nama", "pekerjaan"]
    iv.set_answer("nama", "Siti")
    iv.set_answer("pekerjaan", "Guru")
    assert iv.is_complete() and iv.missing() == []
    iv.set_answer("umur", 10)  # pekerjaan drops out; its answer is kept but not required
    assert iv.is_complete()
    assert iv.state("pekerjaan").value is None and iv.answer("pekerjaan") == "Guru"
    iv.set_answer("umur", 20)
    assert iv.state("pekerjaan").value == "Guru"


def test_label_shows_current_values(make_interview):
    iv = make_interview(VALIDATION)
    iv.set_answer("umur", 41)
    assert iv.label("nama") == "Nama 41"
    assert iv.label("nama", "en") == "Name 41"


def test_wrong_types_are_kept_and_reported(make_interview):
    iv = make_interview(VALIDATION)
    changes = iv.set_answer("umur", "empat puluh")
    state = changes.changed["umur"]
    assert (state.valid, state.value, state.message) == (
        False,
        "empat puluh",
        "Harus bilangan bulat.",
    )
    assert iv.answers()["umur"] == "empat puluh"
    iv.set_answer("lahir", "23/11/2026")
    assert iv.state("lahir").message == "Tanggal harus ditulis TTTT-BB-HH."


def test_unknown_paths_and_computed_fields_are_refused(make_interview):
    iv = make_interview(CHAIN)
    with pytest.raises(AnswerError):
        iv.set_answer("nope", 1)
    with pytest.raises(AnswerError):
        iv.set_answer("c", 1)  # a calculate
    with pytest.raises(AnswerError):
        iv.state("r[1]/x")


CHAIN = """
| survey |
| | type | name | label | calculation | relevant | constraint |
| | integer | a | A | | | |
| | integer | b | B | | | |
| | calculate | c | | ${a} + 1 | | |
| | calculate | d | | ${c} * 2 | | |
| | calculate | e | | ${b} + 1 | | |
| | text | f | F | | ${b} > 0 | |
| | integer | g | G | | | . > ${d} |
"""


def test_only_dependents_are_re_evaluated(make_interview):
    iv = make_interview(CHAIN)
    changes = iv.set_answer("a", 1)
    # values in dependency order, then the checks of the questions whose inputs changed
    assert changes.evaluated == ["a", "c", "d", "a", "g"]
    assert iv.state("d").value == 4
    assert set(changes.changed) == {"a", "c", "d"}  # g stays valid (it is empty)
    changes = iv.set_answer("b", 5)
    assert changes.evaluated == ["b", "e", "f", "b", "f"]
    assert iv.state("f").relevant


def test_unchanged_values_stop_the_propagation(make_interview):
    iv = make_interview(CHAIN, {"a": 1})
    iv.set_answer("a", 1)
    assert iv.set_answer("a", 1).evaluated == ["a", "a"]


def test_constraint_is_rechecked_when_its_input_changes(make_interview):
    iv = make_interview(CHAIN, {"a": 1, "g": 5})
    assert iv.state("g").valid
    changes = iv.set_answer("a", 3)  # d becomes 8 > g
    assert changes.changed["g"].valid is False


GROUPS = """
| survey |
| | type | name | label | relevant | appearance | calculation |
| | select_one yn | punya_rumah | Punya rumah? | | | |
| | begin group | rumah | Rumah | ${punya_rumah} = 'ya' | field-list | |
| | decimal | luas | Luas | | | |
| | integer | kamar | Kamar | | | |
| | end group | | | | | |
| | calculate | luas_per_kamar | | | | ${luas} div ${kamar} |
| choices |
| | list_name | name | label |
| | yn | ya | Ya |
| | yn | tidak | Tidak |
"""


def test_group_relevance_cascades_and_hides_values(make_interview):
    iv = make_interview(GROUPS, {"punya_rumah": "ya", "luas": 36, "kamar": 3})
    assert iv.state("luas_per_kamar").value == 12.0
    changes = iv.set_answer("punya_rumah", "tidak")
    assert not changes.changed["luas"].relevant and not changes.changed["kamar"].relevant
    assert changes.changed["luas_per_kamar"].value is None  # non-relevant inputs read as empty
    assert not iv.is_relevant("rumah")


def test_select_answers_are_checked_against_the_choices(make_interview):
    iv = make_interview(GROUPS)
    assert iv.set_answer("punya_rumah", "mungkin").changed["punya_rumah"].message == (
        "'mungkin' bukan pilihan yang tersedia."
    )


REPEAT = """
| survey |
| | type | name | label | calculation | relevant | repeat_count |
| | integer | batas | Batas | | | |
| | begin repeat | anggota | Anggota | | | |
| | text | nama | Nama | | | |
| | integer | umur | Umur | | | |
| | calculate | dewasa | | if(${umur} >= ${batas}, 1, 0) | | |
| | calculate | urutan | | position(..) | | |
| | text | sekolah | Sekolah | | ${umur} < 18 | |
| | end repeat | | | | | |
| | calculate | jumlah | | count(${anggota}) | | |
| | calculate | jumlah_dewasa | | sum(${dewasa}) | | |
| | calculate | pertama | | indexed-repeat(${nama}, ${anggota}, 1) | | |
"""

MEMBERS = [{"nama": "Ani", "umur": 40}, {"nama": "Budi", "umur": 12}, {"nama": "Cici", "umur": 19}]


def test_repeat_paths_and_totals(make_interview):
    iv = make_interview(REPEAT, {"batas": 18, "anggota": MEMBERS})
    assert iv.entries("anggota") == ["anggota[1]", "anggota[2]", "anggota[3]"]
    assert iv.state("jumlah").value == 3 and iv.state("jumlah_dewasa").value == 2
    assert iv.state("anggota[2]/sekolah").relevant and not iv.state("anggota[1]/sekolah").relevant
    assert iv.state("pertama").value == "Ani"


def test_a_member_change_re_evaluates_that_entry_and_the_totals_only(make_interview):
    iv = make_interview(REPEAT, {"batas": 18, "anggota": MEMBERS})
    changes = iv.set_answer("anggota[2]/umur", 30)
    assert changes.evaluated == ["umur", "dewasa", "sekolah", "jumlah_dewasa", "umur", "sekolah"]
    assert set(changes.changed) == {
        "anggota[2]/umur",
        "anggota[2]/dewasa",
        "anggota[2]/sekolah",
        "jumlah_dewasa",
    }
    assert iv.state("jumlah_dewasa").value == 3


def test_a_top_level_change_reaches_every_entry(make_interview):
    iv = make_interview(REPEAT, {"batas": 18, "anggota": MEMBERS})
    changes = iv.set_answer("batas", 20)
    assert changes.evaluated.count("dewasa") == 3
    assert iv.state("jumlah_dewasa").value == 1


def test_add_remove_and_move_entries(make_interview):
    iv = make_interview(REPEAT, {"batas": 18, "anggota": MEMBERS})
    changes = iv.add_repeat("anggota", index=1)
    assert changes.entry == "anggota[1]"
    assert iv.state("jumlah").value == 4 and iv.state("pertama").value is None
    assert iv.state("anggota[2]/nama").value == "Ani" and iv.state("anggota[2]/urutan").value == 2
    iv.set_answer("anggota[1]/nama", "Dodi")
    assert iv.state("pertama").value == "Dodi"
    iv.move_repeat("anggota[1]", 4)
    assert [iv.state(f"anggota[{i}]/nama").value for i in range(1, 5)] == [
        "Ani",
        "Budi",
        "Cici",
        "Dodi",
    ]
    assert iv.state("anggota[4]/urutan").value == 4 and iv.state("pertama").value == "Ani"
    iv.remove_repeat("anggota[1]")
    assert iv.state("pertama").value == "Budi" and iv.state("jumlah").value == 3
    assert iv.state("anggota[1]/urutan").value == 1
    assert iv.answers()["anggota"][0] == {"nama": "Budi", "umur": 12}


COUNTED = """
| survey |
| | type | name | label | repeat_count | default |
| | integer | jumlah | Jumlah | | |
| | begin repeat | anggota | Anggota | ${jumlah} | |
| | text | nama | Nama | | |
| | text | kota | Kota | | Jambi |
| | end repeat | | | | |
"""


def test_repeat_count_drives_the_entries(make_interview):
    iv = make_interview(COUNTED)
    assert iv.entries("anggota") == []
    iv.set_answer("jumlah", 3)
    assert iv.entries("anggota") == ["anggota[1]", "anggota[2]", "anggota[3]"]
    assert iv.state("anggota[3]/kota").value == "Jambi"  # defaults fill new entries
    iv.set_answer("anggota[1]/nama", "Ani")
    iv.set_answer("jumlah", 1)
    assert iv.entries("anggota") == ["anggota[1]"] and iv.state("anggota[1]/nama").value == "Ani"
    with pytest.raises(AnswerError):
        iv.add_repeat("anggota")


NESTED = """
| survey |
| | type | name | label | calculation |
| | begin repeat | rumah | Rumah | |
| | begin repeat | orang | Orang | |
| | integer | umur | Umur | |
| | end repeat | | | |
| | calculate | total_rumah | | sum(${umur}) |
| | end repeat | | | |
| | calculate | total | | sum(${umur}) |
"""


def test_nested_repeats(make_interview):
    data = {"rumah": [{"orang": [{"umur": 1}, {"umur": 2}]}, {"orang": [{"umur": 10}]}]}
    iv = make_interview(NESTED, data)
    assert iv.state("rumah[1]/total_rumah").value == 3
    assert iv.state("rumah[2]/total_rumah").value == 10
    assert iv.state("total").value == 13
    changes = iv.set_answer("rumah[1]/orang[2]/umur", 5)
    assert changes.evaluated == ["umur", "total_rumah", "total", "umur"]
    assert iv.state("total").value == 16
    iv.add_repeat("rumah[2]/orang")
    assert iv.entries("rumah[2]/orang") == ["rumah[2]/orang[1]", "rumah[2]/orang[2]"]
    assert iv.answers() == {
        "rumah": [{"orang": [{"umur": 1}, {"umur": 5}]}, {"orang": [{"umur": 10}, {}]}]
    }


SELECTS = """
| survey |
| | type | name | label | choice_filter | default |
| | select_one prov | prov | Provinsi | | |
| | select_one kota | kota | Kota | prov=${prov} | |
| | select_multiple aset | aset | Aset | | tv radio |
| | select_one yn or_other | pilihan | Pilihan | | |
| choices |
| | list_name | name | label | prov |
| | prov | 36 | Banten | |
| | prov | 15 | Jambi | |
| | kota | 3671 | Tangerang | 36 |
| | kota | 1571 | Jambi | 15 |
| | aset | tv | TV | |
| | aset | radio | Radio | |
| | aset | motor | Motor | |
| | yn | ya | Ya | |
"""


def test_choice_filter_and_stale_choices(make_interview):
    iv = make_interview(SELECTS)
    assert [c.name for c in iv.choices("kota")] == []
    iv.set_answer("prov", "36")
    assert [c.name for c in iv.choices("kota")] == ["3671"]
    iv.set_answer("kota", "3671")
    assert iv.state("kota").valid
    changes = iv.set_answer("prov", "15")  # the city no longer fits the province
    assert changes.changed["kota"].valid is False


def test_select_multiple_default_and_or_other(make_interview):
    iv = make_interview(SELECTS)
    assert iv.state("aset").value == ["tv", "radio"]
    iv.set_answer("aset", [])
    assert iv.answers()["aset"] is None  # a cleared default stays cleared on reload
    assert Interview(iv.form, iv.answers()).state("aset").value is None
    assert not iv.state("pilihan_other").relevant
    iv.set_answer("pilihan", "other")
    assert iv.state("pilihan_other").relevant
    assert iv.label("pilihan_other") == "Sebutkan lainnya."


OTHER_TYPES = """
| survey |
| | type | name | label |
| | time | jam | Jam |
| | acknowledge | setuju | Setuju |
| | geopoint | lokasi | Lokasi |
| | image | foto | Foto |
| | decimal | luas | Luas |
| | note | catatan | Catatan |
"""


def test_other_input_types(make_interview):
    iv = make_interview(OTHER_TYPES)
    iv.set_answer("jam", "7:05")
    iv.set_answer("setuju", True)
    iv.set_answer("lokasi", "-6.2008, 106.8456")
    iv.set_answer("foto", "rumah-01.jpg")
    iv.set_answer("luas", "12,5")
    assert iv.answers() == {
        "jam": "07:05",
        "setuju": "OK",
        "lokasi": "-6.2008 106.8456",
        "foto": "rumah-01.jpg",
        "luas": 12.5,
    }
    assert iv.state("catatan").value is None
    assert iv.set_answer("lokasi", "200 300").changed["lokasi"].valid is False


def test_answers_round_trip_and_dynamic_default():
    form = load_form_markdown(
        "| survey |\n| | type | name | label | default |\n"
        "| | date | tanggal | Tanggal | today() |\n"
        "| | text | kota | Kota | |\n"
        "| | text | salam | Salam | concat('Halo ', ${kota}) |\n"
    )
    iv = Interview(form, {"kota": "Jambi"}, today=date(2026, 1, 2))
    assert iv.answers() == {"tanggal": "2026-01-02", "kota": "Jambi", "salam": "Halo Jambi"}
    again = Interview(form, iv.answers(), today=date(2030, 1, 1))
    assert again.to_eval_json() == iv.to_eval_json()


MIXED = """
| survey |
| | type | name | label | calculation | relevant | constraint | choice_filter | repeat_count |
| | integer | n_kamar | Kamar | | | . >= 0 and . <= 4 | | |
| | select_one prov | prov | Prov | | | | | |
| | select_one kota | kota | Kota | | ${prov} != '' | | prov=${prov} | |
| | begin group | g | G | | ${n_kamar} > 0 | | | |
| | integer | luas | Luas | | | . > ${n_kamar} | | |
| | calculate | per_kamar | | ${luas} div ${n_kamar} | | | | |
| | end group | | | | | | | |
| | begin repeat | kamar | Kamar | | | | | ${n_kamar} |
| | integer | kasur | Kasur | | | | | |
| | end repeat | | | | | | | |
| | begin repeat | orang | Orang | | | | | |
| | integer | umur | Umur | | | . < 120 | | |
| | calculate | ke | | position(..) | | | | |
| | text | sekolah | Sekolah | | ${umur} < 18 and ${n_kamar} > 1 | | | |
| | begin repeat | hp | HP | | ${umur} >= 10 | | | |
| | integer | pulsa | Pulsa | | | | | |
| | end repeat | | | | | | | |
| | calculate | pulsa_orang | | sum(${pulsa}) | | | | |
| | end repeat | | | | | | | |
| | calculate | total_umur | | sum(${umur}) | | | | |
| | calculate | total_pulsa | | sum(${pulsa_orang}) + sum(${kasur}) | | | | |
| | calculate | kedua | | indexed-repeat(${umur}, ${orang}, 2) | | | | |
| choices |
| | list_name | name | label | prov |
| | prov | 36 | Banten | |
| | prov | 15 | Jambi | |
| | kota | 3671 | Tangerang | 36 |
| | kota | 1571 | Jambi | 15 |
"""


def test_incremental_updates_match_a_full_recompute(make_interview):
    """Random edits: the incrementally kept state equals a fresh interview of the same answers."""
    import random

    rng = random.Random(20261123)
    iv = make_interview(MIXED)
    for step in range(400):
        people = iv.entries("orang")
        roll = rng.random()
        if roll < 0.1 or not people:
            iv.add_repeat("orang", index=rng.randint(1, len(people) + 1))
        elif roll < 0.15:
            iv.remove_repeat(rng.choice(people))
        elif roll < 0.2:
            iv.move_repeat(rng.choice(people), rng.randint(1, len(people)))
        elif roll < 0.3:
            iv.set_answer("n_kamar", rng.choice([0, 1, 2, 3, None]))
        elif roll < 0.4:
            iv.set_answer(rng.choice(["prov", "kota"]), rng.choice(["36", "15", "3671", "1571"]))
        elif roll < 0.5:
            iv.set_answer("luas", rng.choice([None, 1, 5, 30]))
        elif roll < 0.55 and iv.entries("kamar"):
            iv.set_answer(f"{rng.choice(iv.entries('kamar'))}/kasur", rng.randint(0, 3))
        elif roll < 0.75:
            iv.set_answer(f"{rng.choice(people)}/umur", rng.choice([None, 5, 12, 30, 200]))
        else:
            person = rng.choice(people)
            phones = iv.entries(f"{person}/hp") if iv.is_relevant(f"{person}/hp") else []
            if phones and rng.random() < 0.6:
                iv.set_answer(f"{rng.choice(phones)}/pulsa", rng.randint(0, 100))
            else:
                iv.add_repeat(f"{person}/hp")
        if step % 20 == 19:
            fresh = Interview(iv.form, iv.answers(), today=iv.env.today, now=iv.env.now)
            assert iv.to_eval_json() == fresh.to_eval_json(), f"diverged at step {step}"
    assert len(iv.entries("orang")) > 1
