import random
import shutil
import string
import subprocess

import pytest
from reportlab.graphics.barcode import qrencoder

from kampung_desktop.certificates import qr


def reportlab_symbol(payload: str, level: str, mask: int) -> tuple[int, ...]:
    """The same symbol built by reportlab's own encoder with the given mask."""
    code = qrencoder.QRCode(None, qr._LEVELS[level])
    code.addData(payload)
    code.version = code.calculate_version()
    code.makeImpl(False, mask)
    return tuple(sum(1 << c for c, dark in enumerate(row) if dark) for row in code.modules)


def reference_penalty(rows: list[int], n: int) -> int:
    """ISO/IEC 18004 mask penalty written the slow, obvious way."""
    m = [[bool(rows[r] >> c & 1) for c in range(n)] for r in range(n)]
    lines = m + [[m[r][c] for r in range(n)] for c in range(n)]
    score = 0
    finder = [True, False, True, True, True, False, True]
    for line in lines:
        run = 1
        for i in range(1, n + 1):
            if i < n and line[i] == line[i - 1]:
                run += 1
            else:
                score += 3 + run - 5 if run >= 5 else 0
                run = 1
        padded = [False] * 4 + line + [False] * 4
        for i in range(4, len(padded) - 6):
            if padded[i : i + 7] == finder:
                score += 40 * (not any(padded[i - 4 : i])) + 40 * (not any(padded[i + 7 : i + 11]))
    for r in range(n - 1):
        for c in range(n - 1):
            if m[r][c] == m[r][c + 1] == m[r + 1][c] == m[r + 1][c + 1]:
                score += 3
    dark = sum(map(sum, m))
    return score + 10 * int(abs(dark * 100 / (n * n) - 50) // 5)


@pytest.mark.parametrize("level", ["L", "M", "Q", "H"])
def test_symbol_matches_reportlab_encoder(level):
    rng = random.Random(level)
    for _ in range(15):
        payload = "PIAGAM|" + "".join(
            rng.choice(string.printable[:94]) for _ in range(rng.randint(1, 150))
        )
        matrix = qr.qr_matrix(payload, level)
        assert matrix.rows == reportlab_symbol(payload, level, matrix.mask)


def test_numeric_and_alphanumeric_payloads_match_too():
    for payload in ("1234567890", "PIAGAM 400 9 001 DPMPPA 2026"):
        matrix = qr.qr_matrix(payload)
        assert matrix.rows == reportlab_symbol(payload, "M", matrix.mask)


def test_fast_penalty_equals_reference():
    rng = random.Random(7)
    for _ in range(60):
        n = rng.choice([21, 25, 29, 33])
        rows = [
            rng.getrandbits(n)
            if rng.random() < 0.7
            else rng.choice([0, (1 << n) - 1, 0b1011101 << rng.randint(0, n - 7)])
            for _ in range(n)
        ]
        assert qr._penalty(rows, n) == reference_penalty(rows, n)


def test_chosen_mask_has_lowest_penalty():
    payload = "PIAGAM|400.9/001/DPMPPA/2026|d508039a5e"
    matrix = qr.qr_matrix(payload)
    scores = [
        reference_penalty(list(reportlab_symbol(payload, "M", k)), matrix.size) for k in range(8)
    ]
    assert scores[matrix.mask] == min(scores)


def test_merged_rects_cover_exactly_the_dark_modules():
    matrix = qr.qr_matrix("PIAGAM|400.9/123/DPMPPA/2026|0123456789")
    covered = set()
    for col, row, w, h in qr.merged_rects(matrix):
        cells = {(r, c) for r in range(row, row + h) for c in range(col, col + w)}
        assert not covered & cells  # no overlap
        covered |= cells
    dark = {(r, c) for r in range(matrix.size) for c in range(matrix.size) if matrix.is_dark(r, c)}
    assert covered == dark
    assert len(qr.merged_rects(matrix)) < len(dark) / 2  # merging pays off


def test_ops_are_one_filled_path():
    ops = qr.qr_ops("PIAGAM|1|0123456789", 10, 20, 72)
    assert ops.startswith("q ") and ops.endswith(" f Q")
    assert ops.split().count("f") == 1


def test_printed_qr_scans(tmp_path, make_certs, bantar):
    """Rendered at 150 dpi (a phone photo of a print is better than that), zbar reads it back.

    zbarimg (zbar-tools) and pdftoppm (poppler-utils) come with `tools/system_deps.sh test`
    (`make test`); without them this fails rather than skip: the scan is what it proves."""
    from kampung_desktop.certificates.render import render_batch

    for tool, package in (("zbarimg", "zbar-tools"), ("pdftoppm", "poppler-utils")):
        assert shutil.which(tool), f"{tool} missing: run tools/system_deps.sh test ({package})"
    certs = make_certs(3)
    render_batch(certs, bantar, tmp_path / "p.pdf")
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", str(tmp_path / "p.pdf"), str(tmp_path / "pg")], check=True
    )
    for i, data in enumerate(certs, 1):
        out = subprocess.run(
            ["zbarimg", "-q", "--raw", str(tmp_path / f"pg-{i}.png")],
            capture_output=True,
            text=True,
        )
        assert out.stdout.strip() == data.qr_payload
