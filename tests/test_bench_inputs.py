"""The benchmarks' generated inputs are valid at the sizes they are run with: a registry file
that the import refuses measures nothing."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench"


def _bench_module(name: str):  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(BENCH))
    try:
        spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(BENCH))


def test_the_pull_benchmarks_registry_is_valid_past_ten_thousand_households(tmp_path):
    from sync.registry_file import read_registry

    bench = _bench_module("bench_sync_ui")
    path = bench.registry_csv(tmp_path / "registri.csv", 12_000)
    result = read_registry(path, date(2026, 12, 1))
    assert result.problems == [] and len(result.households) == 12_000
    assert len({h.no_kk for h in result.households}) == 12_000
