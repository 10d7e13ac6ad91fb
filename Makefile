# Two commands for a fresh machine: `make run` (the app with demo data) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install installer system-deps system-deps-gui translations screenshots bench lint format clean

run: system-deps-gui install
	$(BIN)/kampung demo seed --if-empty --demo-admin --households 2500 --seed 1
	$(BIN)/kampung

test: system-deps install
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

install: $(STAMP)

# Below Python 3.12 QtPdf comes from pyside6-addons 6.11.3 (pyproject pins it); a pyside6-pdf
# 6.12 wheel left from an older install would own the same files, so it is removed first.
$(STAMP): pyproject.toml setup.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -c "import sys; sys.exit(sys.version_info >= (3, 12))" \
		&& $(BIN)/python -m pip uninstall --quiet --yes pyside6-pdf || true
	$(BIN)/python -m pip install --quiet -e ".[test,server,build]"
	$(BIN)/python tools/build_translations.py --release
	touch $(STAMP)

# The one-folder app dist/Kampung (windowed `kampung`, console `kampung-cli`), then its self-check.
# Windows: docs/installer.md (and installer/kampung.iss for Kampung-Setup.exe).
installer: system-deps install
	$(BIN)/python tools/build_translations.py --release
	$(BIN)/pyinstaller --noconfirm --clean build_installer.spec
	dist/Kampung/kampung-cli --self-check

# System libraries Qt needs (Debian; installed only when missing and only where we may).
system-deps:
	bash tools/system_deps.sh test

system-deps-gui:
	bash tools/system_deps.sh gui

translations: install
	$(BIN)/python tools/build_translations.py

screenshots: install
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/screenshots.py

bench: install
	for b in bench/bench_*.py; do QT_QPA_PLATFORM=offscreen $(BIN)/python $$b || exit 1; done

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
