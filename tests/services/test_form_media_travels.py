"""A form's media files travel with the installed version; an interview knows its device, user
and the enumerator's previous submission (`${last-saved#x}`)."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from kampung_desktop.services.interviews import InterviewService
from kampung_desktop.survey.bundle import is_bundle, media_for, package_form

KELURAHAN = "36.71.09.1002"


def _form(folder: Path) -> Path:
    """A form choosing a city from kota.csv and looking a price up in harga.csv."""
    wb = openpyxl.Workbook()
    survey = wb.active
    survey.title = "survey"
    survey.append(["type", "name", "label", "calculation", "default"])
    survey.append(["text", "kelurahan_code", "Kelurahan", "", ""])
    survey.append(["integer", "rw", "RW", "", ""])
    survey.append(["integer", "rt", "RT", "", ""])
    survey.append(["select_one_from_file kota.csv", "kota", "Kota", "", ""])
    survey.append(["calculate", "harga", "", "pulldata('harga', 'nilai', 'kode', 'beras')", ""])
    survey.append(["text", "catatan", "Catatan", "", "${last-saved#catatan}"])
    survey.append(["deviceid", "perangkat", "", "", ""])
    survey.append(["username", "pengguna", "", "", ""])
    settings = wb.create_sheet("settings")
    settings.append(["form_id", "version", "form_title"])
    settings.append(["uji_media", "1", "Uji media"])
    path = folder / "uji_media.xlsx"
    wb.save(path)
    (folder / "kota.csv").write_text("name,label\ntng,Kota Tangerang\njmb,Kota Jambi\n")
    (folder / "harga.csv").write_text("kode,nilai\nberas,14000\n")
    (folder / "lain.csv").write_text("name,label\nx,Tidak dipakai\n")  # not named by the form
    return path


def test_only_the_media_the_form_names_are_bundled(tmp_path: Path) -> None:
    form = _form(tmp_path)
    assert sorted(p.name for p in media_for(form)) == ["harga.csv", "kota.csv"]
    content, name = package_form(form)
    assert name == "uji_media.zip"
    bundle = tmp_path / "out" / name
    bundle.parent.mkdir()
    bundle.write_bytes(content)
    assert is_bundle(bundle)
    # A bundle given as it is stays byte for byte the same.
    assert package_form(bundle) == (content, name)


def test_installed_form_keeps_its_media_when_the_folder_is_gone(ctx, tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    service = InterviewService(ctx.db, ctx.user_id, tmp_path / "cache")
    info, new = service.assessments.install_form(_form(source))
    assert (info.form_id, info.version, new) == ("uji_media", "1", True)
    shutil.rmtree(source)  # the files the office had are gone; the installed version is whole
    first = service.open(service.start("uji_media", KELURAHAN, 1, 2))
    assert [c.name for c in first.interview.choices("kota")] == ["tng", "jmb"]
    assert str(first.interview.state("harga").value) == "14000"
    assert str(first.interview.state("perangkat").value).startswith("kampung:")
    assert first.interview.state("pengguna").value == "petugas"
    assert first.interview.state("catatan").value in (None, "")  # no earlier submission yet
    first.answer("catatan", "jalan rusak")
    first.save_all()
    first.close()

    second = service.open(service.start("uji_media", KELURAHAN, 1, 3))
    assert second.interview.state("catatan").value == "jalan rusak"


@pytest.mark.parametrize("suffix", [".zip", ".xlsx"])
def test_server_publish_accepts_a_bundle_or_bundles_the_media(tmp_path: Path, suffix: str) -> None:
    from kampung_sync.server.admin.forms import _load

    form = _form(tmp_path)
    if suffix == ".zip":
        content, name = package_form(form)
        form = tmp_path / "kirim" / name
        form.parent.mkdir()
        form.write_bytes(content)
    form_id, version, _title, _scoring = _load(form)
    assert (form_id, version) == ("uji_media", "1")
