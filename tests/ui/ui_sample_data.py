"""Three known households for the GUI tests (Budi and Ahmad in Sukarasa, Dewi in Cibodas Sari)."""

from __future__ import annotations

from datetime import date

from kampung_desktop.core.nik import Sex, compose
from kampung_desktop.core.registry import HouseholdInput, MemberInput

SUKARASA = "36.71.01.1001"  # Kel. Sukarasa, Kec. Tangerang, Kota Tangerang
CIBODAS_SARI = "36.71.09.1002"  # Kel. Cibodas Sari, Kec. Cibodas
BUDI_NIK = compose("367101", Sex.MALE, date(1980, 8, 17), 1)
SITI_NIK = compose("367101", Sex.FEMALE, date(1984, 3, 2), 2)
AHMAD_NIK = compose("367101", Sex.MALE, date(1975, 1, 9), 3)
DEWI_NIK = compose("367109", Sex.FEMALE, date(1990, 12, 24), 4)
BUDI_KK = "3671012005100001"


def households() -> list[HouseholdInput]:
    return [
        HouseholdInput(
            kelurahan_kode=SUKARASA, rw=5, rt=3, address="Jl. Mawar No. 1", no_kk=BUDI_KK,
            members=[
                MemberInput("Budi Santoso", "L", "1", BUDI_NIK, "Tangerang", date(1980, 8, 17)),
                MemberInput("Siti Aminah", "P", "2", SITI_NIK, "Serang", date(1984, 3, 2)),
            ],
        ),
        HouseholdInput(
            kelurahan_kode=SUKARASA, rw=5, rt=4, address="Gg. Melati No. 7",
            members=[
                MemberInput("Ahmad Fauzi", "L", "1", AHMAD_NIK, "Jakarta", date(1975, 1, 9)),
                MemberInput("Rina Fauzi", "P", "3"),
                MemberInput("Rudi Fauzi", "L", "3"),
            ],
        ),
        HouseholdInput(
            kelurahan_kode=CIBODAS_SARI, rw=1, rt=1, address="Jl. Kenanga No. 12",
            members=[MemberInput("Dewi Lestari", "P", "1", DEWI_NIK, "Bogor", date(1990, 12, 24))],
        ),
    ]  # fmt: skip
