"""Benchmark: a city's worth of certificates (1,650 RTs, Kota Jambi) into one PDF.

Floor, measured in the same run: a bare reportlab canvas loop drawing the same page (border,
emblem, letterhead, title, recipient, achievement, dateline, signatory) without a QR code.
Target: Kampung's `render_batch`, QR code included, within 2x of that floor. Then memory:
peak RSS of a fresh process rendering 500 and 5,000 certificates (flat = streaming works),
with the bare reportlab loop alongside for comparison.

    .venv/bin/python bench/bench_certificates.py [--count 1650] [--repeat 2] [--no-memory]
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

from kampung_desktop.certificates.layout import PAGE_SIZE, CertificatePainter  # noqa: E402
from kampung_desktop.certificates.model import CertificateData  # noqa: E402
from kampung_desktop.certificates.pdfwriter import PdfStreamWriter  # noqa: E402
from kampung_desktop.certificates.render import render_batch  # noqa: E402
from kampung_desktop.certificates.template import CertificateTemplate, load_template  # noqa: E402
from kampung_desktop.core.dates import place_and_date  # noqa: E402

KELURAHAN = ["Panunggangan Barat", "Eka Jaya", "Sungai Putri", "Legok", "Talang Bakung"]


def certificates(template: CertificateTemplate, count: int) -> Iterator[CertificateData]:
    for i in range(1, count + 1):
        yield template.certificate(
            seq=i,
            year=2026,
            category=("kecil", "sedang", "besar")[i % 3],
            date=dt.date(2026, 9, 20),
            rt=i % 40 + 1,
            rw=i % 15 + 1,
            kelurahan=KELURAHAN[i % len(KELURAHAN)],
            kecamatan="Paal Merah",
        )


def bare_reportlab(template: CertificateTemplate, count: int, out: Path) -> None:
    """The floor: reportlab's canvas drawing the same page, no QR code, nothing reused but
    what reportlab reuses by itself (the image is embedded once)."""
    names = {}
    for role, path in template.fonts.items():
        names[role] = f"Bench-{role}"
        pdfmetrics.registerFont(TTFont(names[role], str(path)))
    geometry = CertificatePainter(PdfStreamWriter(io.BytesIO(), PAGE_SIZE), template)
    lay, colors = template.layout, template.colors
    width, height = PAGE_SIZE
    c = canvas.Canvas(str(out), pagesize=PAGE_SIZE)
    for data in certificates(template, count):
        m = lay.margin
        c.setStrokeColorRGB(*colors["border"])
        c.setLineWidth(lay.border_width)
        c.rect(m, m, width - 2 * m, height - 2 * m)
        c.setStrokeColorRGB(*colors["accent"])
        c.setLineWidth(lay.inner_border_width)
        inner = m + lay.border_width / 2 + lay.inner_border_gap
        c.rect(inner, inner, width - 2 * inner, height - 2 * inner)
        c.rect(inner + 3, inner + 3, width - 2 * inner - 6, height - 2 * inner - 6)
        ew, eh = geometry.emblem_size
        c.drawImage(
            str(template.emblem), width / 2 - ew / 2, geometry.emblem_top - eh, ew, eh, mask="auto"
        )
        c.setFillColorRGB(*colors["text"])
        for i, (line, y) in enumerate(
            zip(template.letterhead_lines, geometry.letterhead_y, strict=True)
        ):
            c.setFont(names["bold"], lay.letterhead_size if i == 0 else lay.letterhead_sub_size)
            c.drawCentredString(width / 2, y, line)
        c.setStrokeColorRGB(*colors["border"])
        c.setLineWidth(1.6)
        c.line(width / 2 - 280, geometry.rule_y, width / 2 + 280, geometry.rule_y)
        c.setFillColorRGB(*colors["border"])
        c.setFont(names["bold"], lay.title_size)
        c.drawCentredString(
            width / 2, geometry.title_y, template.title, charSpace=lay.title_char_space
        )
        c.setFillColorRGB(*colors["text"])
        c.setFont(names["regular"], lay.number_size)
        c.drawCentredString(width / 2, geometry.number_y, f"{template.number_label}: {data.number}")
        c.setFont(names["italic"], lay.given_to_size)
        c.drawCentredString(width / 2, geometry.given_to_y, template.given_to)
        for line in geometry.middle_lines(data, 1.0):
            c.setFont(names[line.font.key], line.size)
            c.drawCentredString(width / 2, line.y, line.text)
        for line in geometry.signature_lines(data):
            c.setFont(names[line.font.key], line.size)
            c.drawCentredString(geometry.sign_cx, line.y, line.text)
        c.setFont(names["regular"], 8)
        c.drawString(geometry.qr_x, geometry.qr_y, place_and_date(data.place, data.date))
        c.showPage()
    c.save()


def kampung(template: CertificateTemplate, count: int, out: Path) -> None:
    render_batch(certificates(template, count), template, out, total=count)


def timed(fn, template: CertificateTemplate, count: int, repeat: int) -> float:
    best = float("inf")
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(repeat):
            start = time.perf_counter()
            fn(template, count, Path(tmp) / f"out{i}.pdf")
            best = min(best, time.perf_counter() - start)
    return best


def _child(kind: str, count: int, traced: bool) -> None:
    """Run one render in this (fresh) process; print peak RSS and, with `traced`, the peak of
    Python allocations made during the render (tracemalloc), both in MiB, as JSON."""
    import resource
    import tracemalloc

    template = load_template("bantar")
    fn = kampung if kind == "kampung" else bare_reportlab
    with tempfile.TemporaryDirectory() as tmp:
        if traced:
            tracemalloc.start()
        fn(template, count, Path(tmp) / "o.pdf")
        peak_traced = tracemalloc.get_traced_memory()[1] if traced else 0
        tracemalloc.stop()
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(json.dumps({"peak_mib": rss / 1024, "traced_mib": peak_traced / 2**20}))


def memory(kind: str, count: int, traced: bool) -> dict[str, float]:
    flag = ["--traced"] if traced else []
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(count), *flag],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1650)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--no-memory", action="store_true")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "COUNT"), help=argparse.SUPPRESS)
    parser.add_argument("--traced", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child[0], int(args.child[1]), args.traced)
        return

    template = load_template("bantar")
    n = args.count
    floor = timed(bare_reportlab, template, n, args.repeat)
    ours = timed(kampung, template, n, args.repeat)
    print(f"certificates: {n} pages, best of {args.repeat}")
    print(f"  floor  bare reportlab loop, no QR : {floor:7.2f} s  {floor / n * 1000:6.2f} ms/page")
    print(f"  kampung render_batch, with QR     : {ours:7.2f} s  {ours / n * 1000:6.2f} ms/page")
    print(f"  ratio kampung / floor             : {ours / floor:7.2f}x  (target <= 2.00x)")
    if args.no_memory:
        return
    print("memory, fresh process per run (MiB): peak RSS | peak Python allocations in render")
    for kind in ("kampung", "bare-reportlab"):
        # tracemalloc makes reportlab's loop very slow; RSS shows its growth well enough.
        checks = [("peak_mib", False)] + ([("traced_mib", True)] if kind == "kampung" else [])
        for key, traced in checks:
            small, large = memory(kind, 500, traced), memory(kind, 5000, traced)
            label = "peak RSS " if key == "peak_mib" else "tracemalloc"
            print(
                f"  {kind:15s} {label}  500: {small[key]:6.2f}   5000: {large[key]:6.2f}"
                f"   growth {large[key] - small[key]:+6.2f}"
            )


if __name__ == "__main__":
    main()
