"""The optional verification base URL: the QR holds a link the city server answers."""

from __future__ import annotations

import datetime as dt
import shutil
import urllib.parse
from pathlib import Path

import pytest

from kampung_desktop import paths
from kampung_desktop.certificates.model import parse_payload
from kampung_desktop.certificates.template import TemplateError, load_template


def copy_template(tmp_path: Path, edit) -> Path:
    """A copy of the shipped Bantar template (with its emblem), edited."""
    shutil.copy(paths.resource("certificates", "emblem-generic.png"), tmp_path)
    target = tmp_path / "kota.toml"
    text = paths.resource("certificates", "bantar.toml").read_text(encoding="utf-8")
    target.write_text(edit(text), encoding="utf-8")
    return target


def _with_base(url: str):
    return lambda text: text + f'\n[verification]\nbase_url = "{url}"\n'


def _cert(template):
    return template.certificate(
        seq=7,
        year=2026,
        category="sedang",
        date=dt.date(2026, 9, 20),
        rt=5,
        rw=12,
        kelurahan="Panunggangan Barat",
        kecamatan="Cibodas",
    )


def test_without_base_url_the_qr_holds_the_offline_payload(bantar) -> None:
    data = _cert(bantar)
    assert bantar.verify_base_url == ""
    assert bantar.qr_text(data) == data.qr_payload == f"PIAGAM|{data.number}|{data.digest}"


def test_base_url_makes_the_qr_a_verification_link(tmp_path: Path) -> None:
    template = load_template(copy_template(tmp_path, _with_base("https://kampung.kota.go.id/")))
    data = _cert(template)
    link = template.qr_text(data)
    url = urllib.parse.urlsplit(link)
    assert (url.scheme, url.netloc, url.path) == ("https", "kampung.kota.go.id", "/verify")
    query = urllib.parse.parse_qs(url.query)
    assert query == {"number": ["400.9/007/DPMPPA/2026"], "digest": [data.digest]}
    # The desktop's verifier reads the link as it reads the offline payload.
    parsed = parse_payload(link)
    assert (parsed.number, parsed.digest) == (data.number, data.digest)


@pytest.mark.parametrize("bad", ["kampung.kota.go.id", "https://x.go.id/?a=1", "ftp://x.go.id"])
def test_bad_base_url_names_the_key(tmp_path: Path, bad: str) -> None:
    with pytest.raises(TemplateError) as info:
        load_template(copy_template(tmp_path, _with_base(bad)))
    assert info.value.key == "verification.base_url"


def test_foreign_links_are_not_certificates() -> None:
    for text in ("https://example.com/other?number=1&digest=0123456789", "https://x/verify?a=1"):
        with pytest.raises(ValueError):
            parse_payload(text)
