import pytest

from kampung_desktop.core import kk, wilayah
from kampung_desktop.core.wilayah import Level, RtRw


@pytest.mark.parametrize(
    ("value", "codes"),
    [
        ("3671012003150007", []),
        ("3671 0120 0315 0007", []),
        ("367101200315000", ["kk.length"]),
        ("36710120031500AB", ["kk.length"]),
        ("367101²003150007", ["kk.length"]),  # a superscript digit is not 0-9
        ("３６７１０１２００３１５０００７", ["kk.length"]),  # nor is a full-width one
        ("9971012003150007", ["kk.region"]),
        ("3671012003150000", ["kk.serial"]),
    ],
)
def test_kk_format(value, codes):
    assert [p.code for p in kk.problems(value)] == codes


@pytest.mark.parametrize(
    ("code", "level"),
    [
        ("36", Level.PROVINSI),
        ("36.71", Level.KABKOTA),
        ("36.71.01", Level.KECAMATAN),
        ("36.71.01.1001", Level.KELURAHAN),
        ("15.71.02.2003", Level.KELURAHAN),
    ],
)
def test_valid_codes(code, level):
    assert wilayah.is_valid_code(code)
    assert wilayah.level_of(code) is level


@pytest.mark.parametrize(
    "code",
    ["", "3", "367", "36.7", "36.71.1", "36.71.01.4001", "36.71.01.10011", "3671011001", "36-71"],
)
def test_invalid_codes(code):
    assert not wilayah.is_valid_code(code)
    assert [p.code for p in wilayah.code_problems(code)] == ["wilayah.format"]


def test_code_helpers():
    assert wilayah.parent_of("36.71.01.1001") == "36.71.01"
    assert wilayah.parent_of("36") is None
    assert wilayah.undotted("36.71.01.1001") == "3671011001"
    assert wilayah.dotted("3671011001") == "36.71.01.1001"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("RT01-RW05", RtRw(rw=5, rt=1)),
        ("RT 5 / RW 12", RtRw(rw=12, rt=5)),
        ("RT006-RW001", RtRw(rw=1, rt=6)),
        ("RT 39 RW 07", RtRw(rw=7, rt=39)),
        ("rt.3 rw.4", RtRw(rw=4, rt=3)),
        ("005/012", RtRw(rw=12, rt=5)),
    ],
)
def test_rt_rw_normalisation(text, expected):
    assert wilayah.parse_rt_rw(text) == expected


@pytest.mark.parametrize("text", ["", "RT", "Blok C", "RT 0 / RW 1", "RT 5"])
def test_rt_rw_unreadable_says_how_to_write_it(text):
    with pytest.raises(ValueError, match="RT|RW"):
        wilayah.parse_rt_rw(text)


def test_rt_rw_renders_zero_padded():
    assert str(RtRw(rw=12, rt=5)) == "RT 005 / RW 012"
