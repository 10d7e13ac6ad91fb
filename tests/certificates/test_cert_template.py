import datetime as dt
import shutil
from pathlib import Path

import pytest

from kampung_desktop import paths
from kampung_desktop.certificates.render import render_batch
from kampung_desktop.certificates.template import TemplateError, load_template

SHIPPED = paths.resource("certificates", "bantar.toml")


def copy_template(tmp_path: Path, edit=None) -> Path:
    """A copy of the shipped Bantar template (with its emblem) in tmp_path, optionally edited."""
    shutil.copy(paths.resource("certificates", "emblem-generic.png"), tmp_path)
    text = SHIPPED.read_text(encoding="utf-8")
    if edit:
        text = edit(text)
    target = tmp_path / "kota.toml"
    target.write_text(text, encoding="utf-8")
    return target


@pytest.mark.parametrize("name", ["bantar", "ksm"])
def test_shipped_templates_load(name):
    template = load_template(name)
    assert template.title == "PIAGAM PENGHARGAAN"
    assert template.emblem.is_file()
    assert set(template.fonts) == {"regular", "bold", "italic"}


def test_fill_in_bantar(bantar):
    assert bantar.number(7, 2026) == "400.9/007/DPMPPA/2026"
    data = bantar.certificate(
        seq=5,
        year=2026,
        category="SEDANG",
        date=dt.date(2026, 9, 20),
        rt=5,
        rw=12,
        kelurahan="Panunggangan Barat",
        kecamatan="Cibodas",
    )
    assert data.recipient_lines == (
        "RT 005 / RW 012",
        "Kelurahan Panunggangan Barat Kecamatan Cibodas",
    )
    assert data.achievement == "sebagai Kampung Bantar Kategori Sedang Tahun 2026"
    assert data.place == "Jambi"
    assert data.signatory_title == "WALI KOTA JAMBI"


def test_roman_month_numbering():
    ksm = load_template("ksm")
    assert ksm.number(12, 2026, month=9) == "400.9/0012/Dinsos/IX/2026"


def test_a_city_changes_wording_without_code(tmp_path):
    path = copy_template(
        tmp_path,
        lambda t: t.replace('title = "WALI KOTA JAMBI"', 'title = "PJ. WALI KOTA JAMBI"').replace(
            "400.9/{seq:03d}/DPMPPA/{year}", "PH/{year}/{seq:05d}"
        ),
    )
    template = load_template(path)
    assert template.signatory_title == "PJ. WALI KOTA JAMBI"
    assert template.number(3, 2027) == "PH/2027/00003"


def expect_error(tmp_path, edit, key, words):
    path = copy_template(tmp_path, edit)
    with pytest.raises(TemplateError) as info:
        load_template(path)
    message = str(info.value)
    assert str(path) in message
    assert info.value.key == key
    assert f"[{key}]" in message
    for word in words:
        assert word in message
    return info.value


def test_missing_required_key(tmp_path):
    expect_error(
        tmp_path,
        lambda t: t.replace('given_to = "diberikan kepada"\n', ""),
        "texts.given_to",
        ["wajib", "required"],
    )


def test_missing_section(tmp_path):
    expect_error(
        tmp_path,
        lambda t: t.replace("[numbering]", "[penomoran]"),
        "penomoran",
        ["tidak dikenal", "unknown section"],
    )


def test_unknown_key_is_a_typo(tmp_path):
    expect_error(
        tmp_path,
        lambda t: t.replace("given_to =", "given_too ="),
        "texts.given_too",
        ["unknown key"],
    )


def test_unknown_placeholder(tmp_path):
    expect_error(
        tmp_path,
        lambda t: t.replace("Kategori {category}", "Kategori {kategori}"),
        "texts.achievement",
        ["{kategori}", "unknown placeholder", "{category}"],
    )


def test_bad_format_spec(tmp_path):
    expect_error(
        tmp_path,
        lambda t: t.replace("{seq:03d}", "{seq:03q}"),
        "numbering.pattern",
        ["invalid format"],
    )


def test_number_pattern_needs_seq(tmp_path):
    expect_error(
        tmp_path,
        lambda t: t.replace("400.9/{seq:03d}/DPMPPA/{year}", "400.9/DPMPPA/{year}"),
        "numbering.pattern",
        ["{seq}"],
    )


def test_missing_logo(tmp_path):
    error = expect_error(
        tmp_path,
        lambda t: t.replace("emblem-generic.png", "lambang-kota.png"),
        "letterhead.emblem",
        ["lambang-kota.png", "tidak ditemukan", "not found"],
    )
    assert error.path.name == "kota.toml"


def test_logo_that_is_not_an_image(tmp_path):
    (tmp_path / "bukan-gambar.png").write_text("not a png")
    expect_error(
        tmp_path,
        lambda t: t.replace("emblem-generic.png", "bukan-gambar.png"),
        "letterhead.emblem",
        ["not a readable image"],
    )


def test_missing_font(tmp_path):
    expect_error(
        tmp_path,
        lambda t: t.replace("LiberationSerif-Bold.ttf", "Tidak-Ada.ttf"),
        "fonts.bold",
        ["Tidak-Ada.ttf", "not found"],
    )


def test_bad_colour_and_layout(tmp_path):
    expect_error(
        tmp_path,
        lambda t: t.replace('border = "#1F3A5F"', 'border = "navy"'),
        "colors.border",
        ["#1F3A5F"],
    )
    expect_error(
        tmp_path,
        lambda t: t.replace("title_size = 34", 'title_size = "besar"'),
        "layout.title_size",
        ["number"],
    )


def test_broken_toml(tmp_path):
    expect_error(tmp_path, lambda t: t.replace("[texts]", "[texts"), "sintaks", ["invalid TOML"])


def test_missing_template_file(tmp_path):
    with pytest.raises(TemplateError) as info:
        load_template(tmp_path / "tidak-ada.toml")
    assert "tidak-ada.toml" in str(info.value)


def test_broken_template_writes_no_file(tmp_path, make_certs):
    """The whole print flow: a broken template fails at load, before any output exists."""
    path = copy_template(tmp_path, lambda t: t.replace("emblem-generic.png", "hilang.png"))
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    with pytest.raises(TemplateError):
        render_batch(make_certs(2), load_template(path), out_dir / "piagam.pdf")
    assert list(out_dir.iterdir()) == []


def test_logo_removed_after_loading_writes_no_file(tmp_path, make_certs):
    template = load_template(copy_template(tmp_path))
    (tmp_path / "emblem-generic.png").unlink()
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    with pytest.raises(FileNotFoundError):
        render_batch(make_certs(2), template, out_dir / "piagam.pdf")
    assert list(out_dir.iterdir()) == []
