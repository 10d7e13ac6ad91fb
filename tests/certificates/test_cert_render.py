import dataclasses
import datetime as dt
import io
import subprocess
import sys
import tracemalloc

import pytest
from pypdf import PdfReader

from kampung_desktop.certificates.layout import PAGE_SIZE, CertificatePainter
from kampung_desktop.certificates.pdfwriter import PdfStreamWriter
from kampung_desktop.certificates.render import render_batch, render_separate, safe_file_name
from kampung_desktop.certificates.template import load_template


def page_texts(path) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in PdfReader(path, strict=True).pages]


def test_batch_text_and_page_count(tmp_path, make_certs):
    certs = make_certs(4)
    out = tmp_path / "piagam.pdf"
    result = render_batch(certs, load_template("bantar"), out)
    assert result.pages == 4 and result.files == (out,) and not result.cancelled
    texts = page_texts(out)
    assert len(texts) == 4
    for data, text in zip(certs, texts, strict=True):
        assert f"Nomor: {data.number}" in text
        assert "PIAGAM PENGHARGAAN" in text
        assert "diberikan kepada" in text
        for line in data.recipient_lines:
            assert line in text
        assert "sebagai Kampung Bantar Kategori Sedang Tahun 2026" in text
        assert "Jambi, 20 September 2026" in text
        assert "WALI KOTA JAMBI" in text and "NAMA WALI KOTA" in text
    assert "RT 003 / RW 012" in texts[2] and "400.9/003/DPMPPA/2026" in texts[2]


def test_signatory_with_nip_and_fonts_embedded(tmp_path):
    ksm = load_template("ksm")
    data = ksm.certificate(
        seq=1,
        year=2026,
        category="madya",
        date=dt.date(2026, 1, 2),
        rw=7,
        kelurahan="Panunggangan Barat",
        kecamatan="Cibodas",
    )
    out = tmp_path / "ksm.pdf"
    render_batch([data], ksm, out)
    text = page_texts(out)[0]
    assert "Tangerang, 2 Januari 2026" in text
    assert "KEPALA DINAS SOSIAL KOTA TANGERANG" in text
    assert "NIP. 000000000000000000" in text
    assert "Nomor: 400.9/0001/Dinsos/I/2026" in text
    fonts = PdfReader(out).pages[0]["/Resources"]["/Font"]
    assert fonts
    for ref in fonts.values():
        font = ref.get_object()
        assert "+Liberation" in font["/BaseFont"]  # a subset tag: the font travels with the file
        assert "/FontFile2" in font["/FontDescriptor"]


def test_non_latin1_text_gets_its_own_subset(tmp_path, bantar, make_certs):
    """More than 256 different characters: the writer opens a second font subset."""
    many = "".join(chr(c) for c in range(0x100, 0x17F)) + "ĀăĔ ŠŽ Łódź"
    data = dataclasses.replace(make_certs(1)[0], recipient_lines=("RT 001 / RW 012", many))
    out = tmp_path / "u.pdf"
    render_batch([data], bantar, out)
    assert "Łódź" in page_texts(out)[0]


def test_long_kelurahan_fits_inside_text_width(tmp_path, bantar, make_certs, long_kelurahan):
    data = make_certs(1, kelurahan=long_kelurahan)[0]
    painter = CertificatePainter(PdfStreamWriter(io.BytesIO(), PAGE_SIZE), bantar)
    lines = painter.middle_lines(data, 1.0)
    for line in lines:
        assert line.font.width(line.text, line.size) <= bantar.layout.text_width + 0.01
    assert len(lines) > 1 + len(data.recipient_lines)  # wrapped, not cut
    out = tmp_path / "long.pdf"
    render_batch([data], bantar, out)
    text = page_texts(out)[0]
    for word in long_kelurahan.split():
        assert word in text


def test_many_recipient_lines_still_clear_the_signature(bantar, make_certs, long_kelurahan):
    data = dataclasses.replace(
        make_certs(1)[0], recipient_lines=("RT 001 / RW 001", *[long_kelurahan] * 4)
    )
    painter = CertificatePainter(PdfStreamWriter(io.BytesIO(), PAGE_SIZE), bantar)
    sign = painter.signature_lines(data)
    middle = painter.place_middle(data, sign)
    assert middle[-1].y > sign[0].y + sign[0].size  # no overlap with "Jambi, 20 September 2026"
    assert middle[0].y < painter.given_to_y  # and still below "diberikan kepada"


def test_cancel_leaves_no_file_and_keeps_old_one(tmp_path, make_certs, bantar):
    out = tmp_path / "piagam.pdf"
    out.write_bytes(b"old print run")
    seen = []

    def progress(done, total):
        seen.append((done, total))
        return done < 2

    result = render_batch(make_certs(5), bantar, out, progress)
    assert result.cancelled and result.files == ()
    assert seen == [(0, 5), (1, 5), (2, 5)]
    assert out.read_bytes() == b"old print run"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["piagam.pdf"]


def test_cancel_before_start(tmp_path, make_certs, bantar):
    result = render_batch(make_certs(2), bantar, tmp_path / "x.pdf", lambda d, t: False)
    assert result.cancelled and list(tmp_path.iterdir()) == []


def test_error_in_the_middle_leaves_no_half_file(tmp_path, make_certs, bantar):
    certs = make_certs(3)

    def items():
        yield from certs[:2]
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        render_batch(items(), bantar, tmp_path / "x.pdf")
    assert list(tmp_path.iterdir()) == []


def test_empty_batch_is_an_error(tmp_path, bantar):
    with pytest.raises(ValueError, match="no certificates"):
        render_batch([], bantar, tmp_path / "x.pdf")
    assert list(tmp_path.iterdir()) == []


def test_progress_with_unknown_total_from_a_generator(tmp_path, make_certs, bantar):
    seen = []
    render_batch(
        iter(make_certs(2)), bantar, tmp_path / "x.pdf", lambda d, t: seen.append((d, t)) or True
    )
    assert seen == [(0, 0), (1, 0), (2, 0)]


def test_separate_files(tmp_path, make_certs, bantar):
    certs = make_certs(3)
    certs.append(certs[0])  # same number twice must not overwrite
    out_dir = tmp_path / "kelurahan"
    result = render_separate(certs, bantar, out_dir)
    names = sorted(p.name for p in out_dir.iterdir())
    assert names == [
        "piagam-400.9_001_DPMPPA_2026-2.pdf",
        "piagam-400.9_001_DPMPPA_2026.pdf",
        "piagam-400.9_002_DPMPPA_2026.pdf",
        "piagam-400.9_003_DPMPPA_2026.pdf",
    ]
    assert result.pages == 4 and len(result.files) == 4
    text = page_texts(out_dir / "piagam-400.9_002_DPMPPA_2026.pdf")
    assert len(text) == 1 and "400.9/002/DPMPPA/2026" in text[0] and "RT 002 / RW 012" in text[0]


def test_separate_cancel_leaves_nothing(tmp_path, make_certs, bantar):
    out_dir = tmp_path / "baru"
    result = render_separate(make_certs(4), bantar, out_dir, lambda d, t: d < 2)
    assert result.cancelled
    assert not out_dir.exists()  # created by us, empty again, removed
    existing = tmp_path / "ada"
    existing.mkdir()
    (existing / "catatan.txt").write_text("milik orang lain")
    render_separate(make_certs(4), bantar, existing, lambda d, t: d < 3)
    assert [p.name for p in existing.iterdir()] == ["catatan.txt"]


@pytest.mark.parametrize(
    ("number", "name"),
    [
        ("400.9/007/DPMPPA/2026", "piagam-400.9_007_DPMPPA_2026.pdf"),
        ("../../etc/passwd", "piagam-etc_passwd.pdf"),
        ("CON", "piagam-CON.pdf"),
        ("a:b*c?d", "piagam-a_b_c_d.pdf"),
    ],
)
def test_safe_file_name(number, name):
    assert safe_file_name(number) == name


def test_memory_stays_flat(tmp_path, make_certs, bantar):
    """Pages go to disk as they are made: 6x the pages must not need noticeably more memory
    (bench/bench_certificates.py checks 500 against 5,000)."""

    def peak(count: int) -> int:
        certs = make_certs(count)
        tracemalloc.start()
        base = tracemalloc.get_traced_memory()[0]
        render_batch(iter(certs), bantar, tmp_path / f"m{count}.pdf", total=count)
        top = tracemalloc.get_traced_memory()[1] - base
        tracemalloc.stop()
        return top

    peak(3)  # warm caches (QR layout tables, font metrics) so they do not count
    small, large = peak(25), peak(150)
    assert large - small < 50_000, (small, large)


def test_no_qt_in_the_certificates_package():
    code = (
        "import sys, kampung_desktop.certificates.render, kampung_desktop.certificates.report, "
        "kampung_desktop.certificates.export; "
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'kampung_desktop.storage', "
        "'kampung_desktop.ui', 'sqlalchemy'))]; print(bad); sys.exit(1 if bad else 0)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
