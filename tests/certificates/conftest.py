"""Fixtures for certificate tests: the shipped Bantar template and sample certificates."""

from __future__ import annotations

import datetime as dt

import pytest

from kampung_desktop.certificates.template import CertificateTemplate, load_template

LONG_KELURAHAN = (
    "Sungai Putri Mayang Mangurai Teluk Kenali Pematang Sulur Ujung Tanjung Panjang Sekali"
)


@pytest.fixture
def long_kelurahan() -> str:
    return LONG_KELURAHAN


@pytest.fixture(scope="session")
def bantar() -> CertificateTemplate:
    return load_template("bantar")


@pytest.fixture
def make_certs(bantar):
    def make(count: int, kelurahan: str = "Panunggangan Barat"):
        return [
            bantar.certificate(
                seq=i,
                year=2026,
                category="sedang",
                date=dt.date(2026, 9, 20),
                rt=i,
                rw=12,
                kelurahan=kelurahan,
                kecamatan="Cibodas",
            )
            for i in range(1, count + 1)
        ]

    return make
