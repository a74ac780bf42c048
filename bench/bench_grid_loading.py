"""Benchmark: load + validate time per grid, against plain `json.loads` of the same bytes.

    PYTHONPATH=. python bench/bench_grid_loading.py [--runs 200]

For every shipped grid (option_grids/*.json) and the test fixtures, it times
`load_grid(path)` (read, strict JSON, structure, cross-references) and, as the floor measured
in the same run and alternating with it (floor, load, floor, load, ...), `json.loads` of the
bytes already in memory. It prints median and p95 in
milliseconds. Expected: well under 10 ms per grid.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from sdm_aid.content.loader import load_grid

REPO = Path(__file__).resolve().parents[1]


def _grids() -> list[Path]:
    shipped = sorted((REPO / "option_grids").glob("*.json"))
    fixtures = [REPO / "tests" / "fixtures" / "grid_minimal.json"]
    fixtures += sorted((REPO / "tests" / "content" / "fixtures" / "valid").glob("*.json"))
    return shipped + fixtures


def _paired_ms(
    action: Callable[[], object], floor: Callable[[], object], runs: int
) -> tuple[list[float], list[float]]:
    """Times of `action` and of `floor`, alternating (floor, action, floor, ...), so a change in
    machine load hits both alike."""
    for _ in range(5):  # warm up caches and pydantic's validators
        action()
        floor()
    samples: list[float] = []
    floors: list[float] = []
    gc.disable()
    try:
        for _ in range(runs):
            start = time.perf_counter_ns()
            floor()
            middle = time.perf_counter_ns()
            action()
            end = time.perf_counter_ns()
            floors.append((middle - start) / 1e6)
            samples.append((end - middle) / 1e6)
    finally:
        gc.enable()
    return samples, floors


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20, method="inclusive")[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()

    header = f"{'grid':<34} {'KiB':>6} {'load median':>12} {'load p95':>9} {'floor median':>13} {'ratio':>6}"
    print(
        f"{args.runs} runs per grid; times in ms; floor = json.loads of the same bytes, alternating; "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    print(header)
    print("-" * len(header))
    worst = 0.0
    for path in _grids():
        data = path.read_bytes()
        load, floor = _paired_ms(
            lambda path=path: load_grid(path), lambda data=data: json.loads(data), args.runs
        )
        median, floor_median = statistics.median(load), statistics.median(floor)
        worst = max(worst, _p95(load))
        name = path.relative_to(REPO).as_posix()
        name = name if len(name) <= 34 else "…" + name[-33:]
        print(
            f"{name:<34} {len(data) / 1024:6.1f} {median:12.3f} {_p95(load):9.3f} "
            f"{floor_median:13.3f} {median / floor_median:5.0f}x"
        )
    print(f"\nworst p95: {worst:.3f} ms per grid (expected: well under 10 ms)")


if __name__ == "__main__":
    main()
