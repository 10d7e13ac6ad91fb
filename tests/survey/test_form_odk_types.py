"""The ODK XLSForm feature set: metadata, the other question types, loops, repeated names,
triggers, external choices and media files."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from kampung_desktop.survey import Interview, load_form, load_form_markdown
from kampung_desktop.survey.media import Media
from kampung_desktop.survey.metadata import audit_csv, default_device_id
from kampung_desktop.survey.navigation import pages

NOW = datetime(2026, 11, 23, 9, 30)

META = """
| survey |
| | type | name | label | calculation |
| | start | start | | |
| | end | end | | |
| | today | today | | |
| | deviceid | deviceid | | |
| | username | username | | |
| | email | email | | |
| | phonenumber | phonenumber | | |
| | subscriberid | subscriberid | | |
| | simserial | simserial | | |
| | audit | audit | | |
| | text | nama | Nama | |
| | calculate | hari | | format-date(${start}, '%Y-%m-%d %H:%M') |
| | note | info | Mulai ${start} oleh ${username} | |
"""


def test_metadata_is_filled_in_by_the_app_and_never_asked():
    form = load_form_markdown(META)
    iv = Interview(form, today=date(2026, 11, 23), now=NOW, device={"username": "siti"})
    assert iv.state("start").value == "2026-11-23T09:30:00"
    assert iv.state("today").value == "2026-11-23"
    assert iv.state("deviceid").value == default_device_id()
    assert iv.state("username").value == "siti"
    assert iv.state("email").value is None and iv.state("simserial").value is None
    assert iv.state("hari").value == "2026-11-23 09:30"
    assert iv.label("info") == "Mulai 2026-11-23T09:30:00 oleh siti"
    assert [page.key for page in pages(iv)] == ["nama", "info"]
    assert iv.is_complete()


def test_metadata_survives_a_resume_and_the_audit_log_records_changes():
    form = load_form_markdown(META)
    iv = Interview(form, today=date(2026, 11, 23), now=NOW)
    iv.set_answer("nama", "Siti")
    saved = iv.answers()
    assert saved["start"] == "2026-11-23T09:30:00"
    assert saved["audit"] == [["question", "nama", int(NOW.timestamp() * 1000)]]
    later = Interview(form, saved, now=datetime(2026, 12, 1, 8, 0))
    assert later.state("start").value == "2026-11-23T09:30:00"
    assert audit_csv(saved["audit"]).splitlines()[0] == "event,node,start,end"


def test_legacy_aliases_and_types_pyxform_accepts():
    form = load_form_markdown(
        """
| survey |
| | type | name | label | parameters |
| | add text prompt | t | T | |
| | phone number | p | P | |
| | get start time | s | | |
| | dateTime | dt | DT | |
| | range | r | R | start=0 end=10 step=2 |
| | barcode | b | B | |
| | geotrace | gt | GT | |
| | geoshape | gs | GS | |
| | audio | au | AU | |
| | video | vi | VI | |
| | file | fi | FI | |
| | hidden | h | | |
| | trigger | tr | TR | |
"""
    )
    kinds = {name: form.nodes[name].type for name in form.nodes}
    assert kinds == {
        "t": "text",
        "p": "text",
        "s": "start",
        "dt": "datetime",
        "r": "range",
        "b": "barcode",
        "gt": "geotrace",
        "gs": "geoshape",
        "au": "audio",
        "vi": "video",
        "fi": "file",
        "h": "hidden",
        "tr": "acknowledge",
    }
    iv = Interview(form, now=NOW)
    iv.set_answer("p", "08a")
    assert not iv.state("p").valid  # `phone number` brings its digits-only rule
    iv.set_answer("dt", "2026-11-23 14:05")
    assert iv.state("dt").value == "2026-11-23T14:05:00"
    iv.set_answer("r", 12)
    assert iv.state("r").message == "Angka harus di dalam rentang pertanyaan ini."
    iv.set_answer("r", 4)
    assert iv.state("r").valid and iv.state("r").value == 4
    iv.set_answer("gt", "-6.2 106.8; -6.3 106.9")
    assert iv.state("gt").value == "-6.2 106.8; -6.3 106.9"
    iv.set_answer("gs", "-6.2 106.8; -6.3 106.9; -6.3 106.8")
    assert iv.state("gs").value == "-6.2 106.8; -6.3 106.9; -6.3 106.8; -6.2 106.8"
    iv.set_answer("gs", "-6.2 106.8; -6.3 106.9")
    assert not iv.state("gs").valid
    iv.set_answer("au", "rekaman.m4a")
    assert iv.state("au").value == "rekaman.m4a"
    assert "h" not in {page.key for page in pages(iv)}


def test_loop_over_a_choice_list_makes_one_group_per_choice():
    form = load_form_markdown(
        """
| survey |
| | type | name | label | calculation |
| | begin loop over hewan | ternak | Ternak | |
| | integer | jumlah | Jumlah %(label)s | |
| | end loop | | | |
| | calculate | total | | 1 |
| choices |
| | list_name | name | label |
| | hewan | sapi | Sapi |
| | hewan | ayam | Ayam |
"""
    )
    assert [n.name for n in form.walk()] == [
        "ternak",
        "sapi",
        "jumlah",
        "ayam",
        "ternak/ayam/jumlah",
        "total",
    ]
    iv = Interview(form, {"ternak": {"ayam": {"jumlah": 12}}}, now=NOW)
    assert iv.label("jumlah") == "Jumlah Sapi"
    assert iv.label("ternak/ayam/jumlah") == "Jumlah Ayam"
    assert iv.state("ternak/ayam/jumlah").value == 12
    assert iv.state("jumlah").value is None


def test_the_same_name_in_two_groups_are_two_fields():
    form = load_form_markdown(
        """
| survey |
| | type | name | label | relevant |
| | begin group | ibu | Ibu | |
| | integer | umur | Umur ibu | |
| | end group | | | |
| | begin group | ayah | Ayah | |
| | integer | umur | Umur ayah | |
| | end group | | | |
"""
    )
    iv = Interview(form, now=NOW)
    iv.set_answer("umur", 40)
    iv.set_answer("ayah/umur", 45)
    assert iv.answers() == {"umur": 40, "ayah/umur": 45}
    assert list(iv.to_eval_json()["fields"]) == ["umur", "ayah/umur"]


def test_trigger_sets_the_value_when_the_trigger_changes_only():
    form = load_form_markdown(
        """
| survey |
| | type | name | label | trigger | calculation |
| | integer | a | A | | |
| | integer | b | B | | |
| | text | waktu | W | ${a} | concat('a=', ${a}, ' b=', ${b}) |
"""
    )
    iv = Interview(form, now=NOW)
    iv.set_answer("b", 1)
    assert iv.state("waktu").value is None
    changes = iv.set_answer("a", 5)
    assert iv.state("waktu").value == "a=5 b=1"
    assert "waktu" in changes.changed
    iv.set_answer("b", 2)
    assert iv.state("waktu").value == "a=5 b=1"
    iv.set_answer("waktu", "ditulis")  # a triggered question stays editable
    assert iv.answers()["waktu"] == "ditulis"


def test_select_one_external_reads_the_external_choices_sheet():
    form = load_form_markdown(
        """
| survey |
| | type | name | label | choice_filter |
| | select_one prov | prov | Provinsi | |
| | select_one_external kota | kota | Kota | prov=${prov} |
| choices |
| | list_name | name | label |
| | prov | 36 | Banten |
| | prov | 15 | Jambi |
| external_choices |
| | list_name | name | label | prov |
| | kota | 3671 | Tangerang | 36 |
| | kota | 1571 | Jambi | 15 |
"""
    )
    iv = Interview(form, {"prov": "15"}, now=NOW)
    assert [c.name for c in iv.choices("kota")] == ["1571"]


@pytest.fixture
def media_form(tmp_path: Path) -> Path:
    (tmp_path / "kota.csv").write_text("name,label,prov\n3671,Tangerang,36\n1571,Jambi,15\n")
    (tmp_path / "pasar.xml").write_text(
        "<root><item><name>p1</name><label>Pasar Baru</label></item>"
        "<item><name>p2</name><label>Pasar Lama</label></item></root>"
    )
    (tmp_path / "titik.geojson").write_text(
        '{"type": "FeatureCollection", "features": [{"type": "Feature", '
        '"geometry": {"type": "Point", "coordinates": [106.8, -6.2]}, '
        '"properties": {"id": "t1", "title": "Balai RW"}}]}'
    )
    (tmp_path / "harga.csv").write_text("kode,harga\nberas,12000\ngula,15000\n")
    path = tmp_path / "pasar.md"
    path.write_text(
        """
| survey |
| | type | name | label | choice_filter | calculation |
| | text | prov | Provinsi | | |
| | select_one_from_file kota.csv | kota | Kota | prov=${prov} | |
| | select_multiple_from_file pasar.xml | pasar | Pasar | | |
| | select_one_from_file titik.geojson | titik | Titik | | |
| | text | barang | Barang | | |
| | calculate | harga | | | pulldata('harga', 'harga', 'kode', ${barang}) |
"""
    )
    return path


def test_choices_and_lookups_from_media_files_next_to_the_form(media_form: Path):
    form = load_form(media_form)
    iv = Interview(form, {"prov": "36", "barang": "gula"}, now=NOW)
    assert [c.name for c in iv.choices("kota")] == ["3671"]
    assert [c.label() for c in iv.choices("pasar")] == ["Pasar Baru", "Pasar Lama"]
    assert [(c.name, c.label()) for c in iv.choices("titik")] == [("t1", "Balai RW")]
    assert iv.choices("titik")[0].columns["geometry"] == "-6.2 106.8 0 0"
    assert iv.state("harga").value == "15000"
    iv.set_answer("pasar", ["p2", "p9"])
    assert iv.state("pasar").message == "'p9' bukan pilihan yang tersedia."


def test_a_missing_media_file_loads_with_a_warning(tmp_path: Path):
    form = load_form_markdown(
        "| survey |\n| | type | name | label |\n| | select_one_from_file x.csv | s | S |\n",
        media=Media({}),
    )
    assert [w.text("en") for w in form.warnings] == [
        "Media file 'x.csv' is not next to the form; its choice list is empty."
    ]
    assert Interview(form, now=NOW).choices("s") == []


def test_entities_declarations_are_ignored_with_a_warning():
    form = load_form_markdown(
        """
| survey |
| | type | name | label | save_to |
| | text | nama | Nama | nama_lengkap |
| entities |
| | dataset | label |
| | warga | ${nama} |
"""
    )
    assert sorted(w.text("en") for w in form.warnings) == [
        "The 'entities' sheet is ignored: only ODK Central uses it.",
        "The 'save_to' column is ignored: only ODK Central uses it.",
    ]


def test_last_saved_reads_the_previous_submission():
    form = load_form_markdown(
        "| survey |\n| | type | name | label | default |\n| | text | rt | RT | ${last-saved#rt} |\n"
    )
    assert Interview(form, now=NOW, last_saved={"rt": "05"}).state("rt").value == "05"
    assert Interview(form, now=NOW).state("rt").value is None


def test_a_bundle_carries_the_form_and_its_media_files(media_form: Path, tmp_path: Path):
    from kampung_desktop.survey.bundle import make_bundle

    folder = media_form.parent
    media = [folder / n for n in ("kota.csv", "pasar.xml", "titik.geojson", "harga.csv")]
    bundle = tmp_path / "installed" / "pasar-1.xlsx"  # a cache may keep any name
    bundle.parent.mkdir()
    bundle.write_bytes(make_bundle(media_form, media))
    form = load_form(bundle)
    iv = Interview(form, {"prov": "15", "barang": "beras"}, now=NOW)
    assert [c.name for c in iv.choices("kota")] == ["1571"]
    assert iv.state("harga").value == "12000"


def test_a_zip_without_a_form_is_refused_clearly(tmp_path: Path):
    import zipfile

    from kampung_desktop.survey import FormLoadError

    path = tmp_path / "kosong.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("catatan.txt", "tidak ada formulir")
    with pytest.raises(FormLoadError) as info:
        load_form(path)
    assert info.value.problems[0].code == "load.unreadable"
    assert "no XLSForm" in info.value.problems[0].text("en")


def test_a_repeat_inside_a_loop_is_addressed_by_its_group_path():
    form = load_form_markdown(
        """
| survey |
| | type | name | label |
| | begin loop over barang | l1 | |
| | begin repeat | r1 | |
| | integer | q1 | Jumlah %(label)s |
| | end repeat | | |
| | end loop | | |
| choices |
| | list_name | name | label |
| | barang | beras | Beras |
| | barang | gula | Gula |
"""
    )
    iv = Interview(form, now=NOW)
    entry = iv.add_repeat("l1/gula/r1").entry
    assert entry == "l1/gula/r1[1]"
    iv.set_answer(f"{entry}/l1/gula/r1/q1", 3)
    assert iv.label(f"{entry}/l1/gula/r1/q1") == "Jumlah Gula"
    again = Interview(form, iv.answers(), now=NOW)
    assert again.state("l1/gula/r1[1]/l1/gula/r1/q1").value == 3
    assert again.entries("r1") == []


def test_once_values_survive_a_resume():
    form = load_form_markdown(
        "| survey |\n| | type | name | label | calculation |\n"
        "| | calculate | kode | | once(uuid()) |\n| | calculate | acak | | once(random()) |\n"
        "| | text | nama | Nama | |\n"
    )
    iv = Interview(form, now=NOW)
    kode, acak = iv.state("kode").value, iv.state("acak").value
    assert len(kode) == 36 and 0 <= acak < 1
    iv.set_answer("nama", "Siti")
    assert iv.state("kode").value == kode
    again = Interview(form, iv.answers(), now=NOW)
    assert (again.state("kode").value, again.state("acak").value) == (kode, acak)
    assert Interview(form, now=NOW).state("kode").value != kode


def test_background_audio_is_metadata_the_app_records():
    form = load_form_markdown(
        """
| survey |
| | type | name | label | parameters | calculation |
| | background-audio | rekaman | | quality=normal | |
| | text | nama | Nama | | |
| | calculate | ada | | | if(${rekaman} != '', 'ya', 'tidak') |
"""
    )
    node = form.nodes["rekaman"]
    assert node.type == "background-audio" and node.is_meta and not node.is_question
    assert node.parameters == {"quality": "normal"}
    iv = Interview(form)
    assert [path for p in pages(iv) for path in p.fields] == ["nama"]  # never shown
    assert iv.state("ada").value == "tidak"  # no recording: empty, as in ODK
    changes = iv.set_answer("rekaman", "rekaman-20261123-093000.aac")  # the wizard's file
    assert iv.state("ada").value == "ya" and "ada" in changes.changed
    assert iv.answers()["rekaman"] == "rekaman-20261123-093000.aac"
    assert Interview(form, iv.answers()).state("rekaman").value == "rekaman-20261123-093000.aac"
