"""QR codes that cost well under a millisecond per certificate.

reportlab's `QrCodeWidget` spends ~26 ms per page: it scores all eight mask patterns by rebuilding
the whole symbol eight times in pure Python, and then draws every dark module as its own shape.
Here reportlab's encoder (`reportlab.graphics.barcode.qrencoder`) builds the symbol once; the
other seven masks are derived by XOR on row bitmasks (`int`s) and scored with the ISO/IEC 18004
penalty rules on those bitmasks. The winner is drawn as a single filled path whose rectangles
are merged runs of dark modules (typically ~150 rectangles instead of ~450 modules).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import zip_longest

from reportlab.graphics.barcode.qrencoder import (
    QRBitBuffer,
    QRCode,
    QRErrorCorrectLevel,
    QRRSBlock,
    QRUtil,
)

_LEVELS = {
    "L": QRErrorCorrectLevel.L,
    "M": QRErrorCorrectLevel.M,
    "Q": QRErrorCorrectLevel.Q,
    "H": QRErrorCorrectLevel.H,
}
_RUN = re.compile(r"0{5,}|1{5,}")
_DARK_RUN = re.compile(r"1+")
QUIET_ZONE = 4  # modules of white border the standard requires around the symbol


@dataclass(frozen=True)
class QrMatrix:
    """A finished QR symbol: `rows[r]` has bit `c` set when module (r, c) is dark."""

    size: int
    rows: tuple[int, ...]
    mask: int

    def is_dark(self, row: int, col: int) -> bool:
        return bool(self.rows[row] >> col & 1)


@dataclass(frozen=True)
class _Layout:
    """Per version: function patterns, data-module order and masks, format-info cells."""

    size: int
    function_rows: tuple[int, ...]  # finder/timing/alignment/version patterns, dark module
    positions: tuple[tuple[int, int], ...]  # (col, row) of data bit 0, 1, 2, ... in order
    data_masks: tuple[tuple[int, ...], ...]  # [mask][row] -> bits of data modules the mask flips
    format_cells: tuple[tuple[int, int], ...]  # (row, col) of format bit i, both copies


def _format_cells(n: int) -> tuple[tuple[int, int], ...]:
    """Cells of format bits 0..14, vertical copy then horizontal copy (as qrencoder places them)."""
    vertical = [(i, 8) if i < 6 else (i + 1, 8) if i < 8 else (n - 15 + i, 8) for i in range(15)]
    horizontal = [
        (8, n - i - 1) if i < 8 else (8, 15 - i) if i < 9 else (8, 15 - i - 1) for i in range(15)
    ]
    return tuple(vertical + horizontal)


def _row_bits(cells: list[bool]) -> int:
    return sum(1 << c for c, dark in enumerate(cells) if dark)


@lru_cache(maxsize=8)
def _layout(version: int) -> _Layout:
    probe = QRCode(version, QRErrorCorrectLevel.M)
    probe.addData("0")
    probe.makeImpl(False, 0)
    n = probe.moduleCount
    positions = tuple(probe.dataPosIterator())
    format_cells = _format_cells(n)
    rows = [_row_bits(row) for row in probe.modules]
    for col, row in positions:
        rows[row] &= ~(1 << col)
    for row, col in format_cells:
        rows[row] &= ~(1 << col)
    data_masks = []
    for pattern in range(8):
        rule = QRUtil.getMask(pattern)
        masked = [0] * n
        for col, row in positions:
            if rule(row, col):
                masked[row] |= 1 << col
        data_masks.append(tuple(masked))
    return _Layout(n, tuple(rows), positions, tuple(data_masks), format_cells)


# -- Reed-Solomon over GF(256), polynomial 0x11D, as the QR standard uses ----------------------

_EXP = [0] * 512
_LOG = [0] * 256
_v = 1
for _i in range(255):
    _EXP[_i] = _v
    _LOG[_v] = _i
    _v <<= 1
    if _v & 0x100:
        _v ^= 0x11D
for _i in range(255, 512):
    _EXP[_i] = _EXP[_i - 255]


@lru_cache(maxsize=32)
def _generator(degree: int) -> tuple[int, ...]:
    """Coefficients (highest first, leading 1 dropped) of prod(x - a^i), i < degree, as logs."""
    poly = [1]
    for i in range(degree):
        nxt = [0] * (len(poly) + 1)
        for j, coef in enumerate(poly):
            nxt[j] ^= coef
            if coef:
                nxt[j + 1] ^= _EXP[_LOG[coef] + i]
        poly = nxt
    return tuple(_LOG[c] for c in poly[1:])


def _ec_codewords(data: list[int], degree: int) -> list[int]:
    gen = _generator(degree)
    rem = [0] * degree
    for byte in data:
        factor = byte ^ rem[0]
        rem = rem[1:] + [0]
        if factor:
            lf = _LOG[factor]
            for i, lg in enumerate(gen):
                rem[i] ^= _EXP[lf + lg]
    return rem


def _codewords(version: int, ec: int, payload: str) -> list[int]:
    """Data plus error-correction codewords, interleaved, exactly as `QRCode.createData`."""
    code = QRCode(version, ec)
    code.addData(payload)
    blocks = QRRSBlock.getRSBlocks(version, ec)
    total = sum(block.dataCount for block in blocks)
    buffer = QRBitBuffer()
    for item in code.dataList:
        item.write(buffer, version)
    if buffer.getLengthInBits() + 4 <= total * 8:
        buffer.put(0, 4)
    while buffer.getLengthInBits() % 8:
        buffer.putBit(False)
    data = list(buffer.buffer)
    pads = (QRCode.PAD0, QRCode.PAD1)
    data.extend(pads[i % 2] for i in range(total - len(data)))
    dc, ecw, offset = [], [], 0
    for block in blocks:
        chunk = data[offset : offset + block.dataCount]
        offset += block.dataCount
        dc.append(chunk)
        ecw.append(_ec_codewords(chunk, block.totalCount - block.dataCount))
    out = [d for group in zip_longest(*dc) for d in group if d is not None]
    out += [e for group in zip_longest(*ecw) for e in group if e is not None]
    return out


def _runs(big: int, valid: int) -> int:
    """N1 on lines packed one after another with a 0 bit between them (in `big` and `valid`).

    A run of L ≥ 5 equal modules scores L - 2; in `five` (bit set where five equal modules
    start) it shows as L - 4 bits, one of them a block start, hence count + 2 × starts."""
    score = 0
    for x in (big, ~big & valid):
        five = x & x >> 1 & x >> 2 & x >> 3 & x >> 4
        score += five.bit_count() + 2 * (five & ~(five << 1)).bit_count()
    return score


def _finder_like(big: int, valid: int) -> int:
    """N3: 1011101 with four light modules before or after; lines padded with 4 light cells."""
    light = ~big & valid
    core = big & light >> 1 & big >> 2 & big >> 3 & big >> 4 & light >> 5 & big >> 6
    after = light >> 7 & light >> 8 & light >> 9 & light >> 10
    before = light << 1 & light << 2 & light << 3 & light << 4
    return (core & after).bit_count() + (core & before).bit_count()


@lru_cache(maxsize=8)
def _valid_masks(n: int) -> tuple[int, int, int]:
    """Bit masks of real cells for the packed layouts used by `_penalty`."""
    line = "1" * n
    runs = int("0".join([line] * n), 2)
    padded_all = int("1" * ((n + 8) * n), 2)
    block = int("0".join(["0" * n] + [line] * (n - 1)), 2)  # a 2x2 block needs a row above
    return runs, padded_all, block


def _penalty(rows: list[int], n: int) -> int:
    """ISO/IEC 18004 §7.8.3 mask penalty (N1 runs, N2 blocks, N3 finder-like, N4 balance),
    computed with big-integer bit operations over all rows (and all columns) at once."""
    lines = [format(r, f"0{n}b") for r in rows]  # bit order reversed: fine, rules are symmetric
    cols = ["".join(col) for col in zip(*lines, strict=True)]
    runs_valid, padded_all, block = _valid_masks(n)
    score = 0
    for group in (lines, cols):
        score += _runs(int("0".join(group), 2), runs_valid)
        padded = int("0000" + "00000000".join(group) + "0000", 2)
        score += 40 * _finder_like(padded, padded_all)
    big = int("0".join(lines), 2)
    below = big >> (n + 1)
    light, light_below = ~big & runs_valid, ~below & runs_valid
    dark2 = big & big >> 1 & below & below >> 1
    light2 = light & light >> 1 & light_below & light_below >> 1
    score += 3 * ((dark2 | light2) & block).bit_count()
    dark_count = sum(r.bit_count() for r in rows)
    score += 10 * int(abs(dark_count * 100 / (n * n) - 50) // 5)
    return score


def qr_matrix(payload: str, level: str = "M") -> QrMatrix:
    """Encode `payload` with the smallest fitting version and the lowest-penalty mask."""
    ec = _LEVELS[level]
    sizing = QRCode(None, ec)
    sizing.addData(payload)
    version = sizing.calculate_version()
    layout = _layout(version)
    n = layout.size
    words = _codewords(version, ec, payload)
    unmasked = list(layout.function_rows)
    nbits = len(words) * 8
    for i, (col, row) in enumerate(layout.positions):
        if i < nbits and words[i >> 3] >> (7 - (i & 7)) & 1:
            unmasked[row] |= 1 << col
    best: tuple[int, int, list[int]] | None = None
    for pattern in range(8):
        rows = [r ^ m for r, m in zip(unmasked, layout.data_masks[pattern], strict=True)]
        bits = QRUtil.getBCHTypeInfo((ec << 3) | pattern)
        for i, (row, col) in enumerate(layout.format_cells):
            rows[row] |= (bits >> (i % 15) & 1) << col
        score = _penalty(rows, n)
        if best is None or score < best[0]:
            best = (score, pattern, rows)
    assert best is not None
    return QrMatrix(n, tuple(best[2]), best[1])


def merged_rects(matrix: QrMatrix) -> list[tuple[int, int, int, int]]:
    """Dark modules as (col, row, width, height) rectangles: horizontal runs, stacked when a run
    repeats exactly in the next row. Row 0 is the top of the symbol."""
    n = matrix.size
    open_runs: dict[tuple[int, int], list[int]] = {}  # (start, end) -> [top_row, height]
    done: list[tuple[int, int, int, int]] = []
    for r, bits in enumerate(matrix.rows):
        line = format(bits, f"0{n}b")[::-1]
        spans = {(m.start(), m.end()) for m in _DARK_RUN.finditer(line)}
        for span in list(open_runs):
            if span in spans:
                open_runs[span][1] += 1
                spans.discard(span)
            else:
                top, height = open_runs.pop(span)
                done.append((span[0], top, span[1] - span[0], height))
        for span in spans:
            open_runs[span] = [r, 1]
    for span, (top, height) in open_runs.items():
        done.append((span[0], top, span[1] - span[0], height))
    return done


def qr_ops(payload: str, x: float, y: float, size: float, level: str = "M") -> str:
    """PDF operators painting a QR code whose symbol plus quiet zone fills the square
    (x, y, size, size): one transform to module units (y pointing down), then all merged
    rectangles as a single path with integer coordinates, filled once."""
    matrix = qr_matrix(payload, level)
    module = size / (matrix.size + 2 * QUIET_ZONE)
    left = x + QUIET_ZONE * module
    top = y + size - QUIET_ZONE * module
    rects = " ".join(f"{c} {r} {w} {h} re" for c, r, w, h in merged_rects(matrix))
    return f"q {module:.4f} 0 0 {-module:.4f} {left:.3f} {top:.3f} cm {rects} f Q"
