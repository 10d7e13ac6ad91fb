"""A non-editable install finds its forms and resources (not the source checkout's)."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    [found] = out.glob("kampung-*.whl")
    return found


def test_wheel_carries_resources_forms_and_sync(wheel: Path):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "kampung_resources/wilayah/wilayah.csv" in names
    assert "kampung_resources/wilayah/LICENSE-cahyadsn-wilayah.txt" in names
    assert "kampung_sync/__init__.py" in names
    assert not any(n.startswith("sync/") for n in names)
    shipped = {p.name for p in (ROOT / "forms").glob("*.xlsx")}
    assert {n.split("/")[-1] for n in names if n.startswith("kampung_forms/")} >= shipped
    translations = {p.name for p in (ROOT / "resources" / "translations").glob("*.qm")}
    assert {n.split("/")[-1] for n in names if "translations/" in n} >= translations


def test_installed_app_runs_from_anywhere(wheel: Path, tmp_path: Path):
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    py = env_dir / "bin" / "python"
    site = Path(
        subprocess.check_output(
            [py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], text=True
        ).strip()
    )
    # Dependencies come from the test environment; the app itself only from the wheel.
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(site)
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "KAMPUNG_DATA_DIR")}
    data = tmp_path / "data"

    def kampung(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [py, "-m", "kampung_desktop", *args],
            cwd=tmp_path,
            env=env,
            text=True,
            capture_output=True,
            timeout=120,
        )

    where = kampung("--version")
    assert where.returncode == 0, where.stderr
    origin = subprocess.check_output(
        [
            py,
            "-c",
            "import kampung_desktop, kampung_desktop.paths as p; "
            "print(kampung_desktop.__file__); print(p.resources_dir()); print(p.forms_dir())",
        ],
        cwd=tmp_path,
        env=env,
        text=True,
    ).split()
    assert all(str(site) in line for line in origin), origin
    seeded = kampung("demo", "seed", "--data-dir", str(data), "--households", "20", "--seed", "3")
    assert seeded.returncode == 0, seeded.stderr
    info = kampung("db", "info", "--data-dir", str(data))
    assert "integrity_check: ok" in info.stdout and "table households: 20" in info.stdout
    for form in sorted((ROOT / "forms").glob("*.xlsx")):
        installed = site / "kampung_forms" / form.name
        checked = kampung("forms", "check", str(installed))
        assert checked.returncode == 0, checked.stdout + checked.stderr
