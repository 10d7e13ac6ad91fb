"""Loading XLSForms: every supported construct into the model, every problem with sheet and row."""

from __future__ import annotations

from pathlib import Path

import pytest

from kampung_desktop.survey import FormLoadError, load_form, load_form_markdown

FULL = """
| survey |
| | type | name | label::Bahasa Indonesia (id) | label::English (en) | hint::Bahasa Indonesia (id) | hint::English (en) | required | required_message::Bahasa Indonesia (id) | required_message::English (en) | relevant | constraint | constraint_message::Bahasa Indonesia (id) | constraint_message::English (en) | calculation | default | read_only | choice_filter | appearance | repeat_count |
| | text | nama | Nama | Name | Nama lengkap | Full name | yes | Nama wajib | Name needed | | | | | | | | | | |
| | integer | umur | Umur | Age | | | yes | | | | . >= 0 and . <= 120 | Umur 0-120 | Age 0-120 | | | | | | |
| | decimal | luas | Luas | Area | | | | | | | | | | | 1.5 | | | | |
| | date | lahir | Lahir | Born | | | | | | | . <= today() | Tidak boleh masa depan | Not in the future | | | | | | |
| | time | jam | Jam | Time | | | | | | | | | | | | | | | |
| | select_one prov or_other | prov | Provinsi | Province | | | | | | | | | | | | | | | |
| | select_one kota | kota | Kota | City | | | | | | | | | | | | | prov=${prov} | | |
| | select_multiple aset | aset | Aset | Assets | | | | | | ${umur} >= 17 | | | | | | | | | |
| | note | info | Catatan ${nama} | Note ${nama} | | | | | | | | | | | | | | | |
| | calculate | dewasa | | | | | | | | | | | | if(${umur} >= 17, 'ya', 'tidak') | | | | | |
| | acknowledge | setuju | Setuju | Agree | | | | | | | | | | | | | | | |
| | image | foto | Foto | Photo | | | | | | | | | | | | | | | |
| | geopoint | lokasi | Lokasi | Location | | | | | | | | | | | | | | | |
| | integer | kode | Kode | Code | | | | | | | | | | | 7 | yes | | | |
| | begin group | rumah | Rumah | House | | | | | | | | | | | | | | field-list | |
| | integer | kamar | Kamar | Rooms | | | | | | | | | | | | | | | |
| | end group | | | | | | | | | | | | | | | | | | |
| | begin repeat | anggota | Anggota | Members | | | | | | | | | | | | | | | ${kamar} |
| | text | an | Nama anggota | Member name | | | | | | | | | | | | | | | |
| | end repeat | | | | | | | | | | | | | | | | | | |
| choices |
| | list_name | name | label::Bahasa Indonesia (id) | label::English (en) | prov |
| | prov | 36 | Banten | Banten | |
| | prov | 15 | Jambi | Jambi | |
| | kota | 3671 | Kota Tangerang | Tangerang City | 36 |
| | kota | 1571 | Kota Jambi | Jambi City | 15 |
| | aset | tv | Televisi | Television | |
| | aset | motor | Sepeda motor | Motorcycle | |
| settings |
| | form_id | version | form_title | default_language |
| | contoh | 2026112301 | Contoh | Bahasa Indonesia (id) |
"""


@pytest.fixture(scope="module")
def form():
    return load_form_markdown(FULL)


def test_settings_and_languages(form):
    assert (form.form_id, form.version, form.title) == ("contoh", "2026112301", "Contoh")
    assert form.languages == ("id", "en")
    assert form.default_language == "id"


def test_summary_counts_input_rows_only(form):
    # 14 input rows (nama..kode, kamar, an); the note, the calculate and prov_other are not counted
    assert (
        form.summary() == "contoh 2026112301: 14 questions, 1 groups, 1 repeats, languages: id, en"
    )


def test_types_rows_and_texts(form):
    types = {node.name: node.type for node in form.walk()}
    assert types == {
        "nama": "text",
        "umur": "integer",
        "luas": "decimal",
        "lahir": "date",
        "jam": "time",
        "prov": "select_one",
        "kota": "select_one",
        "prov_other": "text",
        "aset": "select_multiple",
        "info": "note",
        "dewasa": "calculate",
        "setuju": "acknowledge",
        "foto": "image",
        "lokasi": "geopoint",
        "kode": "integer",
        "rumah": "group",
        "kamar": "integer",
        "anggota": "repeat",
        "an": "text",
    }
    nama = form.nodes["nama"]
    assert nama.row == 2
    assert nama.label("en") == "Name" and nama.label("id") == "Nama" and nama.label("xx") == "Nama"
    assert nama.hint("en") == "Full name"
    assert nama.required is True
    assert nama.required_message == {"id": "Nama wajib", "en": "Name needed"}
    assert form.nodes["an"].row == 20
    assert form.nodes["umur"].constraint.source == ". >= 0 and . <= 120"
    assert form.nodes["umur"].constraint_message["en"] == "Age 0-120"


def test_choices_defaults_and_appearance(form):
    prov = form.nodes["prov"]
    assert prov.or_other and prov.list_name == "prov"
    assert [c.name for c in prov.choices] == ["36", "15", "other"]
    assert prov.choice("other").label("id") == "Lainnya"
    other = form.nodes["prov_other"]
    assert other.generated and other.label("id") == "Sebutkan lainnya."
    assert other.relevant.source == "selected(${prov}, 'other')"
    kota = form.nodes["kota"]
    assert not kota.or_other and [c.name for c in kota.choices] == ["3671", "1571"]
    assert kota.choices[0].columns == {"prov": "36"} and kota.choices[0].row == 4
    assert kota.choice_filter is not None and kota.choice_filter.choice_columns == ("prov",)
    assert form.nodes["luas"].default == 1.5
    assert form.nodes["kode"].read_only is True and form.nodes["kode"].default == 7
    assert form.nodes["rumah"].is_field_list
    anggota = form.nodes["anggota"]
    assert anggota.repeat_count.source == "${kamar}"
    assert form.nodes["an"].chain == (anggota,)


def test_xlsx_workbook_loads_like_markdown(tmp_path: Path):
    from pyxform.xls2json_backends import md_table_to_workbook

    path = tmp_path / "contoh.xlsx"
    md_table_to_workbook(FULL).save(path)
    form = load_form(path)
    assert form.summary().startswith("contoh 2026112301: 14 questions")
    assert form.nodes["an"].row == 20


def _problems(text: str) -> list[tuple[str, int, str]]:
    with pytest.raises(FormLoadError) as info:
        load_form_markdown(text)
    return [(p.sheet, p.row, p.text("en")) for p in info.value.problems]


HEADER = "| survey |\n| | type | name | label | relevant | constraint | calculation |\n"


def test_unknown_function_is_reported_with_row_and_column():
    problems = _problems(
        HEADER + "| | integer | a | A | | | |\n" + "| | text | b | B | frobnicate(${a}) | | |\n"
    )
    assert problems == [("survey", 3, "column 'relevant': unknown function 'frobnicate()'")]


def test_bad_reference_is_reported_with_row_and_column():
    problems = _problems(
        HEADER + "| | integer | a | A | | | |\n" + "| | integer | b | B | | . < ${nope} | |\n"
    )
    assert problems == [
        (
            "survey",
            3,
            "column 'constraint': '${nope}' refers to a name that does not exist in the form",
        )
    ]


def test_every_problem_is_reported_at_once():
    problems = _problems(
        HEADER
        + "| | integer | a | A | ${a} > | | |\n"
        + "| | osm | r | | | | |\n"
        + "| | calculate | c | | | | sum(zz(1)) |\n"
    )
    assert [(sheet, row) for sheet, row, _ in problems] == [
        ("survey", 2),
        ("survey", 3),
        ("survey", 4),
    ]
    assert "cannot be parsed" in problems[0][2]
    assert problems[1][2] == (
        "Type 'osm' needs OpenStreetMap (osm), which a desktop application cannot offer."
    )
    assert "unknown function 'zz()'" in problems[2][2]


def test_cycle_is_a_load_error():
    problems = _problems(
        HEADER
        + "| | integer | a | A | | | |\n"
        + "| | calculate | b | | | | ${c} + ${a} |\n"
        + "| | calculate | c | | | | ${b} * 2 |\n"
    )
    assert problems == [("survey", 3, "Formulas depend on each other in a cycle: b → c → b.")]


def test_relevance_cycle_through_a_group_is_a_load_error():
    problems = _problems(
        HEADER
        + "| | begin group | g | G | ${x} = 1 | | |\n"
        + "| | integer | x | X | | | |\n"
        + "| | end group | | | | | |\n"
    )
    assert problems[0][:2] == ("survey", 2) and "g → x → g" in problems[0][2]


def test_constraint_reading_a_value_derived_from_itself_is_not_a_cycle():
    form = load_form_markdown(
        HEADER
        + "| | date | lahir | Lahir | | ${umur} >= 0 | |\n"
        + "| | calculate | umur | | | | int((today() - ${lahir}) div 365.25) |\n"
    )
    assert form.nodes["umur"].rank > form.nodes["lahir"].rank


def test_self_reference_in_calculation_is_an_error():
    problems = _problems(HEADER + "| | calculate | c | | | | . + 1 |\n")
    assert problems == [("survey", 2, "column 'calculation': '.' cannot be used in this column")]


def test_the_same_name_in_another_group_gets_a_group_path_key():
    form = load_form_markdown(
        HEADER
        + "| | text | a | A | | | |\n"
        + "| | begin group | g | G | | | |\n"
        + "| | text | a | A again | | | |\n"
        + "| | end group | | | | | |\n"
    )
    assert form.nodes["a"].row == 2
    assert form.nodes["g/a"].row == 4 and form.nodes["g/a"].xml_name == "a"


def test_pyxform_errors_keep_their_row():
    problems = _problems(HEADER + "| | begin group | g | G | | | |\n| | text | a | A | | | |\n")
    assert problems[0][:2] == ("survey", 2)
    assert problems[0][2].startswith("pyxform rejected the form: Unmatched 'begin_group'")


def test_pyxform_errors_name_the_choices_sheet():
    problems = _problems(
        HEADER
        + "| | select_one l | a | A | | | |\n"
        + "| choices |\n| | list_name | name | label |\n| | l | x | X |\n| | l | x | Y |\n"
    )
    assert problems[0][:2] == ("choices", 3)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("| | osm | s | S | | | |", "needs OpenStreetMap (osm)"),
    ],
)
def test_types_a_desktop_cannot_offer_are_named(row, message):
    problems = _problems(HEADER + "| | text | a | A | | | |\n" + row + "\n")
    assert problems[0][:2] == ("survey", 3)
    assert message in problems[0][2]
    assert len(problems) == 1


def test_repeat_inside_field_list_is_rejected():
    problems = _problems(
        "| survey |\n| | type | name | label | appearance |\n"
        "| | begin group | g | G | field-list |\n"
        "| | begin repeat | r | R | |\n| | text | a | A | |\n| | end repeat | | | |\n"
        "| | end group | | | |\n"
    )
    assert problems == [("survey", 3, "Repeat 'r' cannot be inside a 'field-list' group.")]


def test_defaults_odk_tolerates_load_with_a_warning():
    form = load_form_markdown(
        "| survey |\n| | type | name | label | default |\n"
        "| | integer | a | A | banyak |\n| | select_one l | s | S | z |\n"
        "| choices |\n| | list_name | name | label |\n| | l | x | X |\n"
    )
    assert [(w.row, w.text("en")) for w in form.warnings] == [
        (2, "Default 'banyak' is ignored: Must be a whole number."),
        (3, "Default 'z' is ignored: 'z' is not an available choice."),
    ]


def test_label_references_are_checked():
    problems = _problems("| survey |\n| | type | name | label |\n| | text | a | Halo ${nobody} |\n")
    assert problems == [
        (
            "survey",
            2,
            "column 'label': '${nobody}' refers to a name that does not exist in the form",
        ),
    ]


def test_choice_filter_on_a_missing_column_is_a_warning():
    form = load_form_markdown(
        "| survey |\n| | type | name | label | choice_filter |\n"
        "| | text | a | A | |\n| | select_one l | s | S | kab=${a} |\n"
        "| choices |\n| | list_name | name | label | prov |\n| | l | x | X | 1 |\n"
    )
    assert [(w.row, w.text("en")) for w in form.warnings] == [
        (
            3,
            "column 'choice_filter': column 'kab' does not exist on the choices sheet for list "
            "'l' (read as empty)",
        ),
    ]


def test_problem_text_is_indonesian_by_default():
    with pytest.raises(FormLoadError) as info:
        load_form_markdown(HEADER + "| | text | b | B | foo() | | |\n")
    problem = info.value.problems[0]
    assert problem.line() == "survey:2: kolom 'relevant': fungsi tidak dikenal 'foo()'"
    assert problem.line("en") == "survey:2: column 'relevant': unknown function 'foo()'"


def test_unreadable_file(tmp_path: Path):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"not a workbook")
    with pytest.raises(FormLoadError) as info:
        load_form(path)
    assert info.value.problems[0].code == "load.not_a_workbook"


def test_a_refused_row_is_named_once_without_follow_up_errors():
    problems = _problems(
        "| survey |\n| | type | name | label | relevant |\n"
        "| | osm | peta | Peta | |\n| | text | catatan | Tentang ${peta} | ${peta} != '' |\n"
    )
    assert problems == [
        (
            "survey",
            2,
            "Type 'osm' needs OpenStreetMap (osm), which a desktop application cannot offer.",
        )
    ]
