"""Benchmark: load + validate time per grid, against plain `json.loads` of the same bytes.

    PYTHONPATH=. python bench/bench_grid_loading.py [--runs 200]

For every shipped grid (option_grids/*.json), the same grids written in format 2 by
`sdm-aid upgrade` (temporary copies, so format 2 is measured at full size whatever format the
shipped files are in), and the test fixtures (format 1 and the format-2 example), it times
`load_grid(path)` (read, strict JSON, structure, cross-references; a format-1 file is also
upgraded in memory) and, as the floor measured in the same run and alternating with it
(floor, load, floor, load, ...), `json.loads` of the bytes already in memory. It prints median
and p95 in milliseconds. Budget: under 10 ms per grid, judged on the median (on a shared
machine the p95 measures the neighbours more than the loader; the floor column shows how busy
the machine was, and the CPU column the time the loader itself used); exit status 1 when a
median is over it.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sdm_aid.content.loader import load_grid
from sdm_aid.content.upgrade_files import upgrade_file

REPO = Path(__file__).resolve().parents[1]
BUDGET_MS = 10.0


def _grids(scratch: Path) -> list[tuple[str, Path]]:
    """(name shown, file): shipped, shipped in format 2, fixtures."""
    shipped = sorted((REPO / "option_grids").glob("*.json"))
    grids = [(path.relative_to(REPO).as_posix(), path) for path in shipped]
    for path in shipped:
        if load_grid(path).format_version == 1:
            copy = scratch / path.name
            shutil.copy(path, copy)
            if upgrade_file(copy).outcome == "upgraded":
                grids.append((f"{path.stem} (upgraded to v2)", copy))
    fixtures = [REPO / "tests" / "fixtures" / "grid_minimal.json"]
    fixtures += sorted((REPO / "tests" / "content" / "fixtures" / "valid").glob("*.json"))
    fixtures.append(REPO / "tests" / "content" / "fixtures" / "v2" / "example-v2.json")
    return grids + [(path.relative_to(REPO).as_posix(), path) for path in fixtures]


def _paired_ms(
    action: Callable[[], object], floor: Callable[[], object], runs: int
) -> tuple[list[float], list[float], list[float]]:
    """Times of `action` and of `floor`, alternating (floor, action, floor, ...), so a change in
    machine load hits both alike; and the CPU time `action` used itself, which other processes
    on a busy machine barely change."""
    for _ in range(5):  # warm up caches and pydantic's validators
        action()
        floor()
    samples: list[float] = []
    floors: list[float] = []
    cpu: list[float] = []
    gc.disable()
    try:
        for _ in range(runs):
            start = time.perf_counter_ns()
            floor()
            middle = time.perf_counter_ns()
            cpu_start = time.process_time_ns()
            action()
            cpu_end = time.process_time_ns()
            end = time.perf_counter_ns()
            floors.append((middle - start) / 1e6)
            samples.append((end - middle) / 1e6)
            cpu.append((cpu_end - cpu_start) / 1e6)
    finally:
        gc.enable()
    return samples, floors, cpu


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20, method="inclusive")[-1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-grids-") as scratch:
        return _run(_grids(Path(scratch)), args.runs)


def _run(grids: list[tuple[str, Path]], runs: int) -> int:
    header = (
        f"{'grid':<40} {'fmt':>3} {'KiB':>6} {'load median':>12} {'load p95':>9} {'cpu median':>11} "
        f"{'floor median':>13} {'ratio':>6}"
    )
    print(
        f"{runs} runs per grid; times in ms; floor = json.loads of the same bytes, alternating; "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    print(header)
    print("-" * len(header))
    worst = worst_median = 0.0
    for name, path in grids:
        data = path.read_bytes()
        version = load_grid(path).format_version
        load, floor, cpu = _paired_ms(
            lambda path=path: load_grid(path), lambda data=data: json.loads(data), runs
        )
        median, floor_median = statistics.median(load), statistics.median(floor)
        worst = max(worst, _p95(load))
        worst_median = max(worst_median, median)
        name = name if len(name) <= 40 else "…" + name[-39:]
        print(
            f"{name:<40} {version:>3} {len(data) / 1024:6.1f} {median:12.3f} {_p95(load):9.3f} "
            f"{statistics.median(cpu):11.3f} {floor_median:13.3f} {median / floor_median:5.0f}x"
        )
    verdict = "within" if worst_median < BUDGET_MS else "OVER"
    print(
        f"\nworst median: {worst_median:.3f} ms per grid ({verdict} the budget of {BUDGET_MS:.0f} ms); "
        f"worst p95: {worst:.3f} ms"
    )
    return 0 if worst_median < BUDGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
