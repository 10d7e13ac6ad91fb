"""Benchmark: Kampung's QR encoder (certificates/qr.py) against segno, a maintained library.

Issue 9 asked to keep the hand-written encoder only if the certificate benchmark needs it. Both
build the same symbols (version and error level M, best of the eight masks); the figure that
decides is the cost per certificate next to the bare page's 0.94 ms (bench_certificates.py),
whose target is render_batch within 2x of the page without a QR code.

segno is not a dependency; install it into a scratch environment to run this:

    .venv/bin/pip install segno && .venv/bin/python bench/bench_qr_encoders.py [--count 500]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kampung_desktop.certificates.qr import qr_matrix  # noqa: E402

PAYLOADS = {
    "offline text (PIAGAM, number, digest)": "PIAGAM|400.9/{i:03d}/DPMPPA/2026|0123456789",
    "verification link": "https://kampung.jambikota.go.id/verify?number=400.9%2F{i:03d}"
    "%2FDPMPPA%2F2026&digest=0123456789",
}


def per_symbol(encode, payloads: list[str]) -> float:
    start = time.perf_counter()
    for payload in payloads:
        encode(payload)
    return (time.perf_counter() - start) / len(payloads) * 1000


def main() -> None:
    import segno

    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=500)
    args = parser.parse_args()
    print("| payload | Kampung (ms/symbol) | segno (ms/symbol) | segno / Kampung |")
    print("|---|---:|---:|---:|")
    for name, pattern in PAYLOADS.items():
        payloads = [pattern.format(i=i) for i in range(args.count)]
        own = per_symbol(qr_matrix, payloads)
        other = per_symbol(
            lambda p: segno.make(p, error="m", micro=False, boost_error=False), payloads
        )
        print(f"| {name} | {own:.2f} | {other:.2f} | {other / own:.1f}x |")


if __name__ == "__main__":
    main()
