"""The city's pages in a real browser (Debian's headless Chromium) against a real server process:
log in through the form, read the overview, check a certificate on a phone-sized screen."""

from __future__ import annotations

import os
import shutil
import struct
from pathlib import Path

import pytest
from browser import Browser
from kampung_sync.server import db
from kampung_sync.server.records import write_server_records
from ops_seed import (
    KEL_A,
    KEL_B,
    KEL_C,
    PASSWORD,
    app_client,
    assessment,
    certificate,
    decision,
    enrol,
    household,
    member,
    op,
    seed_accounts_and_wilayah,
)

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
NUMBER = "400.9/012-D2/DPMPPA/2026"
DIGEST = "3f9a0c41d2"


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", header[16:24])


def _keep(shot: Path) -> None:
    """`KAMPUNG_SCREENSHOTS=1 pytest tests/server/test_web_browser.py` refreshes docs/."""
    if os.environ.get("KAMPUNG_SCREENSHOTS") and "sqlite" not in shot.name:
        shutil.copy(shot, SCREENSHOTS / shot.name.replace("-postgres", ""))


def _seed(url: str) -> None:
    seed_accounts_and_wilayah(url)
    engine = db.make_engine(url)
    with db.transaction(engine) as session:  # the city's registry
        rows = [household(KEL_A, rw=1 + n % 4) for n in range(37)]
        rows += [household(KEL_B, rw=1 + n % 2) for n in range(12)]
        rows += [household(KEL_C) for _ in range(21)]
        write_server_records(session, "households", rows, actor="test")
    engine.dispose()
    with app_client(url) as client:
        ani = enrol(client, "enum_a", "Laptop Ani (Sukasari)")
        ops = []
        for _ in range(9):
            home = household(KEL_A, rw=2)
            ops += [op("households", home), op("members", member(home["id"], None))]
        ops.append(op("members", member(ops[0]["record_id"], "12345")))  # a bad NIK
        finished = [assessment(KEL_A, "finalized") for _ in range(8)]
        ops += [op("assessments", a) for a in finished]
        ops += [op("assessments", assessment(KEL_A, "draft")) for _ in range(2)]
        assert sum(r["status"] == "rejected" for r in ani.push(ops)) == 1
        citra = enrol(client, "enum_c", "Laptop Citra (Alam Jaya)")
        citra.push(
            [op("households", household(KEL_C)) for _ in range(5)]
            + [op("assessments", assessment(KEL_C, "finalized")) for _ in range(2)]
        )
        office = enrol(client, "op_a", "Kantor Kelurahan Sukasari")
        award = decision(KEL_A)
        reviews = [{**a, "state": "approved"} for a in finished[:3]]
        reviews.append({**finished[3], "state": "returned", "review_note": "Foto kurang jelas"})
        receipts = office.push(
            [op("assessments", a, revision=2, base=1) for a in reviews]
            + [
                op("award_decisions", award),
                op("certificates", certificate(award["id"], NUMBER, DIGEST)),
            ]
        )
        assert {r["status"] for r in receipts} == {"accepted"}, receipts


@pytest.fixture
def browser(tmp_path: Path):
    chrome = Browser(tmp_path / "profile")
    yield chrome
    chrome.close()


def test_login_overview_and_verify_in_chromium(live_server, browser, tmp_path, request) -> None:
    _seed(live_server.db_url)
    backend = request.node.callspec.params["server_db_url"]
    browser.viewport(1280, 900)
    browser.goto(f"{live_server.url}/dashboard")
    assert browser.run("location.pathname") == "/login"
    browser.submit({"username": "admin", "password": "salah-sekali"})
    assert "kata sandi salah" in browser.run("document.body.innerText")
    browser.submit({"username": "admin", "password": PASSWORD})
    assert browser.run("location.pathname") == "/dashboard"
    text = browser.run("document.body.innerText")
    for expected in ("Kec. Tangerang", "Sukasari", "Babakan", "Kec. Jatiuwung", "Alam Jaya"):
        assert expected in text
    assert "Laptop Ani (Sukasari)" in text and "Kantor Kelurahan Sukasari" in text
    assert browser.run("document.cookie") == ""  # HttpOnly: scripts cannot read the session
    shot = browser.screenshot(tmp_path / f"server-dashboard-{backend}.png")
    width, height = _png_size(shot)
    assert width == 1280 and height > 500
    _keep(shot)

    # A resident scans the QR of a piagam with a phone.
    browser.viewport(390, 844, mobile=True)
    browser.goto(f"{live_server.url}/verify?number=400.9%2F012-D2%2FDPMPPA%2F2026&digest={DIGEST}")
    text = browser.run("document.body.innerText")
    assert "ASLI" in text and NUMBER in text and "RT 005 / RW 012" in text
    assert browser.run("document.documentElement.scrollWidth") <= 390  # no sideways scrolling
    shot = browser.screenshot(tmp_path / f"server-verify-phone-{backend}.png")
    _keep(shot)

    browser.viewport(1280, 900)
    browser.goto(f"{live_server.url}/dashboard")
    browser.submit({}, form="header form")  # Keluar / Log out
    assert browser.run("location.pathname") == "/login"
    browser.goto(f"{live_server.url}/dashboard")
    assert browser.run("location.pathname") == "/login"
