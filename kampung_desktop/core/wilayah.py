"""Kemendagri area codes (provinsi → kab/kota → kecamatan → kelurahan/desa) and RT/RW numbers.

RT and RW have no Kemendagri code: they are identified by (kelurahan code, RW number, RT number),
stored as integers and shown zero-padded to three digits as on the e-KTP.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum

from kampung_desktop.core.messages import Problem

# ASCII digits only: `\d` would also take Arabic-Indic or full-width digits ("٣٦.٧١"), which
# look like a code to a person but are a different code to every other system.
CODE_RE = re.compile(r"^[0-9]{2}(\.[0-9]{2}(\.[0-9]{2}(\.[1-3][0-9]{3})?)?)?$")


class Level(IntEnum):
    PROVINSI = 1
    KABKOTA = 2
    KECAMATAN = 3
    KELURAHAN = 4
    RW = 5
    RT = 6


def code_problems(code: str) -> list[Problem]:
    if not CODE_RE.match(code or ""):
        return [Problem("wilayah.format", {"code": code})]
    return []


def is_valid_code(code: str) -> bool:
    return bool(CODE_RE.match(code or ""))


def level_of(code: str) -> Level:
    """Level of a dotted Kemendagri code, from the number of its parts."""
    if not is_valid_code(code):
        raise ValueError(f"invalid area code {code!r}")
    return Level(code.count(".") + 1)


def parent_of(code: str) -> str | None:
    return code.rsplit(".", 1)[0] if "." in code else None


def undotted(code: str) -> str:
    return code.replace(".", "")


def dotted(digits: str) -> str:
    """'3671011001' → '36.71.01.1001' (the form stored everywhere)."""
    parts = [digits[0:2], digits[2:4], digits[4:6], digits[6:10]]
    return ".".join(p for p in parts if p)


@dataclass(frozen=True, order=True)
class RtRw:
    rw: int
    rt: int

    def __str__(self) -> str:
        return f"RT {self.rt:03d} / RW {self.rw:03d}"


_RT = re.compile(r"RT\D{0,3}?(\d{1,3})", re.IGNORECASE)
_RW = re.compile(r"RW\D{0,3}?(\d{1,3})", re.IGNORECASE)
_PAIR = re.compile(r"^\s*(\d{1,3})\s*[/\-.]\s*(\d{1,3})\s*$")


def parse_rt_rw(text: str) -> RtRw:
    """Normalise the ways field sheets write RT/RW: 'RT01-RW05', 'RT 5 / RW 12', '005/012'.

    Raises ValueError with a user message when the text cannot be read.
    """
    rt = _RT.search(text or "")
    rw = _RW.search(text or "")
    if rt and rw:
        result = RtRw(rw=int(rw.group(1)), rt=int(rt.group(1)))
    else:
        pair = _PAIR.match(text or "")
        if not pair:
            raise ValueError(Problem("rtrw.unparsable", {"text": text}).text())
        result = RtRw(rw=int(pair.group(2)), rt=int(pair.group(1)))
    for unit, number in (("RT", result.rt), ("RW", result.rw)):
        if not 1 <= number <= 999:
            raise ValueError(Problem("rtrw.range", {"unit": unit}).text())
    return result


def format_rt(number: int) -> str:
    return f"{number:03d}"
