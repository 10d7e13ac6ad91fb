"""XPath attribute steps (`@id`, `attribute::id`) as JavaRosa has them: the attributes of an XML
media file's elements, and the main instance root's `id` and `version`; and the other paths of
the main instance pyxform writes, such as `/data/meta/instanceID`."""

from __future__ import annotations

from pathlib import Path

import pytest

from kampung_desktop.survey import FormLoadError, Interview, load_form, load_form_markdown
from kampung_desktop.survey.xpath.parser import Path as PathNode
from kampung_desktop.survey.xpath.parser import Step, parse

PASAR = """<?xml version="1.0" encoding="UTF-8"?>
<root xmlns:jr="http://openrosa.org/javarosa">
  <item id="1" kind="pasar" jr:kode="P-1"><name>a</name><label>Pasar A</label></item>
  <item id="2" kind="toko"><name>b</name><label>Toko B</label></item>
  <item id="3" kind="pasar" extra=" 4 "><name>c</name><label>Pasar C</label></item>
</root>
"""
HEADER = """
| survey |
| | type | name | label | calculation | choice_filter |
| | xml-external | pasar | | | |
"""
SETTINGS = """
| settings |
| | form_id | version |
| | uji_atribut | 2026120101 |
"""


def _form(tmp_path: Path, rows: str):
    (tmp_path / "pasar.xml").write_text(PASAR)
    path = tmp_path / "uji.md"
    path.write_text(HEADER + rows + SETTINGS)
    return load_form(path)


def _values(tmp_path: Path, calculations: dict[str, str], answers=None) -> dict:
    rows = "".join(f"| | calculate | {n} | | {c} | |\n" for n, c in calculations.items())
    iv = Interview(_form(tmp_path, rows), answers or {})
    return {name: iv.state(name).value for name in calculations}


def test_the_parser_reads_attribute_steps():
    tree = parse("instance('pasar')/root/item[@id = 2]/@kind")
    assert isinstance(tree, PathNode)
    assert tree.steps[-1] == Step("attribute", "kind")
    assert parse("attribute::kind") == parse("@kind")
    assert parse("child::item/@id") == parse("item/@id")


def test_attributes_of_an_xml_media_file(tmp_path: Path):
    values = _values(
        tmp_path,
        {
            "second_id": "instance('pasar')/root/item[2]/@id",
            "pasar_count": "count(instance('pasar')/root/item[@kind = 'pasar'])",
            "label_of_3": "instance('pasar')/root/item[@id = 3]/label",
            "id_sum": "sum(instance('pasar')/root/item/@id)",
            "axis": "instance('pasar')/root/item[name = 'c']/attribute::extra",
            "untrimmed": "string-length(instance('pasar')/root/item[3]/@extra)",
            "has_extra": "count(instance('pasar')/root/item[@extra])",
            "missing": "count(instance('pasar')/root/item/@nope)",
            "prefixed": "instance('pasar')/root/item[1]/@jr:kode",
            "unprefixed": "instance('pasar')/root/item[1]/@kode",
            "root_attribute": "count(instance('pasar')/root/@id)",
        },
    )
    assert values == {
        "second_id": "2",
        "pasar_count": 2,
        "label_of_3": "Pasar C",
        "id_sum": 6,
        "axis": " 4 ",  # an attribute keeps its spaces (JavaRosa trims element text only)
        "untrimmed": 3,
        "has_extra": 1,
        "missing": 0,
        "prefixed": "P-1",
        "unprefixed": "P-1",
        "root_attribute": 0,
    }


def test_an_attribute_in_a_predicate_follows_an_answer(tmp_path: Path):
    rows = (
        "| | text | kode | Kode | | |\n"
        "| | calculate | nama | | instance('pasar')/root/item[@id = ${kode}]/label | |\n"
    )
    iv = Interview(_form(tmp_path, rows), {"kode": "2"})
    assert iv.state("nama").value == "Toko B"
    changes = iv.set_answer("kode", "1")
    assert "nama" in changes.changed and iv.state("nama").value == "Pasar A"


def test_a_choice_filter_reads_the_attributes_of_the_file_items(tmp_path: Path):
    rows = (
        "| | select_one kind_list | jenis | Jenis | | |\n"
        "| | select_one_from_file pasar.xml | tempat | Tempat | | @kind = ${jenis} |\n"
        "| choices | | | |\n| | list_name | name | label |\n"
        "| | kind_list | pasar | Pasar |\n| | kind_list | toko | Toko |\n"
    )
    form = _form(tmp_path, rows)
    assert form.warnings == []  # `@kind` is a column of the list: no "unknown column" warning
    iv = Interview(form, {"jenis": "pasar"})
    assert [c.name for c in iv.choices("tempat")] == ["a", "c"]
    iv.set_answer("jenis", "toko")
    assert [c.name for c in iv.choices("tempat")] == ["b"]


def test_the_main_instance_root_has_the_form_id_and_version(tmp_path: Path):
    values = _values(
        tmp_path,
        {
            "form": "/data/@id",
            "version": "/data/@version",
            "both": "concat(/*/@id, '-', ../@version)",
            "field": "count(/data/pasar_count/@id)",
        },
    )
    assert values == {
        "form": "uji_atribut",
        "version": "2026120101",
        "both": "uji_atribut-2026120101",
        "field": 0,  # pyxform writes no attributes on fields: always empty
    }


@pytest.mark.parametrize(
    ("expression", "detail"),
    [
        ("instance('pasar')/root/item[1]/@*", "@*"),
        ("instance('pasar')/root/item[1]/@id/..", "@id/.."),
        ("instance('pasar')/root/@id/item", "@id/item"),
        ("instance('pasar')/root/item/following::x", "following::"),
    ],
)
def test_attribute_steps_javarosa_refuses_are_refused_by_name(
    tmp_path: Path, expression: str, detail: str
):
    with pytest.raises(FormLoadError) as caught:
        _values(tmp_path, {"x": expression})
    text = caught.value.problems[0].text("en")
    assert f"'{detail}'" in text
    assert "Traceback" not in text


def test_the_meta_group_is_where_pyxform_puts_it():
    form = load_form_markdown(
        """
| survey |
| | type | name | label | calculation |
| | audit | audit | | |
| | text | a | A | |
| | calculate | iid | | /data/meta/instanceID |
| | calculate | same | | string-length(/data/meta/instanceID) = 41 |
| | calculate | metas | | count(/data/meta/*) |
| | calculate | up | | count(/data/meta/instanceID/../../a) |
"""
    )
    assert form.warnings == []  # every path finds its node
    iv = Interview(form, {"a": "x"})
    assert iv.state("iid").value.startswith("uuid:")
    assert iv.state("same").value is True
    assert iv.state("metas").value == 2  # audit and instanceID
    assert iv.state("up").value == 1
