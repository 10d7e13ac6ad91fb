"""Who signs the piagam: placeholders are caught, Settings override the template, only a
reviewer or an administrator may change it, and the CLI warns before printing a placeholder."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from kampung_desktop.cli import main
from kampung_desktop.services import signatory
from kampung_desktop.services.app import AppContext
from kampung_desktop.services.awards import AwardsService
from kampung_desktop.services.printing import PrintingService

KEL = "15.71.02.1002"
REAL = signatory.Signatory("WALI KOTA JAMBI", "Dr. H. Maulana, S.Ag.", "")


def _role(ctx, role: str) -> None:
    with ctx.db.raw() as conn:
        conn.execute("UPDATE users SET role = ? WHERE id = ?", (role, ctx.user_id))


def test_placeholders_are_named():
    assert signatory.Signatory("X", "NAMA WALI KOTA", "").placeholders() == ["name"]
    assert signatory.Signatory("X", "Budi", "000000000000000000").placeholders() == ["nip"]
    assert REAL.placeholders() == []


def test_only_reviewers_and_admins_may_set_it(ctx):
    with pytest.raises(signatory.SignatoryError, match="Hanya pemeriksa atau admin"):
        signatory.save(ctx.db, ctx.user_id, "bantar", REAL)
    _role(ctx, "pemeriksa")
    for bad, complaint in [(signatory.Signatory("X", "NAMA WALI KOTA"), "bukan contoh"),
                           (signatory.Signatory("X", "Budi", "12345"), "NIP harus 18 angka"),
                           (signatory.Signatory("", "Budi"), "wajib diisi")]:  # fmt: skip
        with pytest.raises(signatory.SignatoryError, match=complaint):
            signatory.save(ctx.db, ctx.user_id, "bantar", bad)
    signatory.save(ctx.db, ctx.user_id, "bantar", REAL)
    printing = PrintingService(ctx.db, ctx.user_id)
    assert printing.template("bantar").signatory_name == "Dr. H. Maulana, S.Ag."
    assert printing.signatory_warning("bantar") is None
    assert "NAMA KEPALA DINAS" in printing.signatory_warning("ksm")


def test_cli_warns_about_a_placeholder_and_prints_the_real_name(data_dir, tmp_path, capsys):
    ctx = AppContext.open(data_dir)
    AwardsService(ctx.db, ctx.user_id).decide("bantar", 2026, KEL, 1, 1, "sedang")
    ctx.close()
    argv = ["certificates", "print", "--data-dir", str(data_dir), "--program", "bantar",
            "--year", "2026", "--kelurahan", KEL, "--out", str(tmp_path / "a.pdf")]  # fmt: skip
    assert main(argv) == 0
    err = capsys.readouterr().err
    assert err.startswith("Peringatan / warning: Penandatangan piagam masih contoh (nama")
    ctx = AppContext.open(data_dir)
    _role(ctx, "admin")
    signatory.save(ctx.db, ctx.user_id, "bantar", REAL)
    ctx.close()
    argv[-1] = str(tmp_path / "b.pdf")
    assert main(argv) == 0
    assert capsys.readouterr().err == ""
    text = PdfReader(tmp_path / "b.pdf").pages[0].extract_text()
    assert "NAMA WALI KOTA" in text  # a reprint keeps what the issued certificate says
