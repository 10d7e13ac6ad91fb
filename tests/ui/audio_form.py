"""A small form with ODK's `background-audio`, installed and started for the recording tests."""

from __future__ import annotations

from pathlib import Path

import openpyxl

KELURAHAN = "36.71.09.1002"
#: The first bytes of an ADTS frame (12-bit sync word, MPEG-4, layer 0, no CRC).
ADTS_SYNC = b"\xff\xf1"
#: ADTS sampling-frequency index → Hz (ISO/IEC 14496-3).
ADTS_RATES = {3: 48000, 4: 44100, 5: 32000, 6: 24000, 7: 22050, 8: 16000, 11: 8000}


def write_form(folder: Path, quality: str = "low") -> Path:
    wb = openpyxl.Workbook()
    survey = wb.active
    survey.title = "survey"
    survey.append(["type", "name", "label", "parameters", "required"])
    survey.append(["text", "kelurahan_code", "Kelurahan", "", ""])
    survey.append(["integer", "rw", "RW", "", ""])
    survey.append(["integer", "rt", "RT", "", ""])
    survey.append(["background-audio", "rekaman", "", f"quality={quality}" if quality else "", ""])
    survey.append(["text", "catatan", "Catatan", "", "yes"])
    settings = wb.create_sheet("settings")
    settings.append(["form_id", "version", "form_title"])
    settings.append(["uji_rekam", "1", "Uji rekaman"])
    path = folder / "uji_rekam.xlsx"
    wb.save(path)
    return path


def start_assessment(service, folder: Path, quality: str = "low") -> str:
    """Install the form and start a draft on it; returns the assessment id."""
    service.assessments.install_form(write_form(folder, quality))
    return service.start("uji_rekam", KELURAHAN, rw=1, rt=1)


def adts_rates(data: bytes) -> set[int]:
    """The sample rate of every ADTS frame in `data` (raises if a frame is broken)."""
    rates, offset = set(), 0
    while offset < len(data):
        header = data[offset : offset + 7]
        assert header[:2] == ADTS_SYNC, f"no ADTS frame at byte {offset}"
        rates.add(ADTS_RATES[(header[2] >> 2) & 0x0F])
        length = ((header[3] & 0x03) << 11) | (header[4] << 3) | (header[5] >> 5)
        assert length >= 7
        offset += length
    return rates


def adts_seconds(data: bytes) -> float:
    """The duration of an ADTS AAC stream: 1024 samples per frame."""
    frames, offset, seconds = 0, 0, 0.0
    while offset + 7 <= len(data):
        header = data[offset : offset + 7]
        rate = ADTS_RATES[(header[2] >> 2) & 0x0F]
        seconds += 1024 * ((header[6] & 0x03) + 1) / rate
        frames += 1
        offset += ((header[3] & 0x03) << 11) | (header[4] << 3) | (header[5] >> 5)
    return seconds
