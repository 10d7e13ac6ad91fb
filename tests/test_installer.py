"""The PyInstaller bundle, built from build_installer.spec exactly as `make installer` does, works.

Built once per run into a temp dir with an empty PyInstaller cache (CI has none either), then:
its own `--self-check` passes from an unrelated folder without a display, both executables
start, it carries the shipped forms and compiled translations, leaves out the server's and the
tests' packages and all unused Qt plugins, and stays within the size budget. The build time and
what takes the space are printed (docs/installer.md quotes them).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUDGET_MB = 200
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""
SERVER_PACKAGES = {"fastapi", "starlette", "uvicorn", "alembic", "psycopg", "psycopg_binary",
                   "argon2", "_argon2_cffi_bindings", "pydantic_settings", "jinja2"}  # fmt: skip
DEV_PACKAGES = {"pytest", "_pytest", "pytestqt", "hypothesis", "schemathesis", "pypdf", "httpx", "httpx2",
                "ruff", "importlinter", "PyInstaller", "setuptools", "pip"}  # fmt: skip
QT_PLUGIN_TYPES = {"platforms", "platforminputcontexts", "xcbglintegrations", "styles",
                   "printsupport", "imageformats"}  # fmt: skip

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    base = tmp_path_factory.mktemp("installer")
    env = os.environ | {"PYINSTALLER_CONFIG_DIR": str(base / "pyinstaller-cache")}
    started = time.perf_counter()
    build = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(base / "dist"), "--workpath", str(base / "work"),
         str(ROOT / "build_installer.spec")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-5000:]
    print(f"\nbundle built in {time.perf_counter() - started:.0f} s")
    yield base / "dist" / "Kampung"
    shutil.rmtree(base, ignore_errors=True)  # ~400 MB of build and bundle: not kept


def _run(exe: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run a bundled program as a user would: no display, no dev venv, another folder."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "PYTHONPATH", "PYTHONHOME", "KAMPUNG_DATA_DIR",
                        "VIRTUAL_ENV", "DISPLAY", "WAYLAND_DISPLAY")}  # fmt: skip
    env["HOME"] = str(cwd)  # the user data dir, were anything to touch it, is a temp one
    return subprocess.run(
        [str(exe), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


def test_self_check_passes_in_the_bundle(bundle: Path, tmp_path: Path):
    started = time.perf_counter()
    check = _run(bundle / f"kampung-cli{EXE_SUFFIX}", "--self-check", cwd=tmp_path)
    took = time.perf_counter() - started
    lines = check.stdout.splitlines()
    assert check.returncode == 0, check.stdout + check.stderr[-3000:]
    assert "(bundle, " in lines[0] and "offscreen" in lines[0]
    names = [line[6:19].strip() for line in lines[1:-1] if line.startswith("ok    ")]
    assert names == ["database", "household", "forms", "scoring", "certificate", "sync client",
                     "translations", "pdf view", "main window"]  # fmt: skip
    assert lines[-1].startswith("self-check: OK (9 checks)")
    assert "Traceback" not in check.stderr
    print(f"\nbundle self-check in {took:.1f} s:\n" + check.stdout)


def test_windowed_app_and_console_twin_both_start(bundle: Path, tmp_path: Path):
    for name in ("kampung", "kampung-cli"):
        exe = bundle / f"{name}{EXE_SUFFIX}"
        assert exe.is_file() and os.access(exe, os.X_OK), exe
        version = _run(exe, "--version", cwd=tmp_path)
        assert (version.returncode, version.stdout.strip()) == (0, "kampung 0.1.0"), version


def test_bundle_carries_forms_resources_and_compiled_translations(bundle: Path, tmp_path: Path):
    inside = bundle / "_internal"
    shipped = {p.name for p in (ROOT / "forms").iterdir() if p.suffix in (".xlsx", ".toml")}
    assert shipped <= {p.name for p in (inside / "forms").iterdir()}
    assert (inside / "resources" / "wilayah" / "wilayah.csv").is_file()
    assert (inside / "resources" / "fonts" / "LICENSE-Liberation-OFL.txt").is_file()
    assert [p.name for p in (inside / "resources" / "translations").iterdir()] == ["kampung_en.qm"]
    assert not list(inside.rglob("*.ts")) and not list((inside / "resources").rglob("*.py"))
    form = inside / "forms" / "ksm_potential.xlsx"
    checked = _run(bundle / f"kampung-cli{EXE_SUFFIX}", "forms", "check", str(form), cwd=tmp_path)
    assert checked.returncode == 0 and checked.stdout.startswith("ksm_potential "), checked


def _bundled_modules(bundle: Path) -> set[str]:
    from PyInstaller.archive.readers import CArchiveReader

    archive = CArchiveReader(str(bundle / f"kampung-cli{EXE_SUFFIX}"))
    return set(archive.open_embedded_archive("PYZ.pyz").toc)


def test_server_and_test_packages_stay_out(bundle: Path, tmp_path: Path):
    modules = _bundled_modules(bundle)
    assert "kampung_desktop.ui.main_window" in modules and "kampung_sync.protocol" in modules
    tops = {name.split(".")[0] for name in modules}
    assert not tops & (SERVER_PACKAGES | DEV_PACKAGES)
    assert not [m for m in modules if m.startswith("kampung_sync.server")]
    on_disk = {p.name.split("-")[0].split(".")[0] for p in (bundle / "_internal").iterdir()}
    assert not on_disk & (SERVER_PACKAGES | DEV_PACKAGES)
    # A user who types a server command gets told where the server lives, not a traceback.
    server = _run(
        bundle / f"kampung-cli{EXE_SUFFIX}",
        "server",
        "init",
        "--db",
        "sqlite:///server.db",
        cwd=tmp_path,
    )
    assert server.returncode != 0 and "kampung[server]" in server.stderr
    assert "Traceback" not in server.stderr


def test_only_the_qt_plugins_the_app_uses(bundle: Path):
    qt = bundle / "_internal" / "PySide6"
    plugins = qt / ("plugins" if sys.platform == "win32" else "Qt/plugins")
    assert {p.name for p in plugins.iterdir()} <= QT_PLUGIN_TYPES
    assert {p.stem.removeprefix("lib") for p in (plugins / "platforms").iterdir()} <= {
        "qwindows", "qxcb", "qcocoa", "qoffscreen"}  # fmt: skip
    names = [p.name for p in qt.rglob("*")]
    for unused in ("Qt6Quick", "Qt6Qml", "Qt6VirtualKeyboard", "Qt6WaylandClient", "QtWebEngine",
                   "qtbase_", "Qt63D", "Qt6Multimedia"):  # fmt: skip
        assert not [n for n in names if unused in n], unused


def size_report(bundle: Path) -> tuple[int, list[tuple[str, int]]]:
    """Total bytes and the bytes per part: Qt split into ICU data, libraries, plugins and the
    Python bindings; loose shared libraries together; everything else by package."""
    parts: Counter[str] = Counter()
    for path in bundle.rglob("*"):
        if not path.is_file() or path.is_symlink():
            continue
        rel = path.relative_to(bundle).as_posix()
        top = rel.split("/")[1] if rel.startswith("_internal/") and rel.count("/") > 1 else ""
        if not rel.startswith("_internal/"):
            part = "executables (kampung, kampung-cli)"
        elif top == "PySide6":
            part = ("Qt: ICU data" if "icudt" in rel or "libicudata" in rel
                    else "Qt: plugins" if "/plugins/" in rel
                    else "Qt: libraries" if "/lib/" in rel or "Qt6" in path.name
                    else "Qt: PySide6 bindings")  # fmt: skip
        elif top.startswith("python3") or path.name.startswith(("libpython", "python3")):
            part = "Python runtime"
        elif not top:
            part = "shared libraries (ssl, sqlite, libcups, ...)"
        else:
            part = top
        parts[part] += path.stat().st_size
    return sum(parts.values()), parts.most_common()


def test_bundle_within_size_budget(bundle: Path):
    total, parts = size_report(bundle)
    table = "\n".join(f"{size / 1e6:8.1f} MB  {name}" for name, size in parts[:14])
    print(f"\nbundle {total / 1e6:.1f} MB unpacked (budget {BUDGET_MB} MB):\n{table}")
    assert total <= BUDGET_MB * 1e6, table
