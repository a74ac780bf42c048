"""bench/bench_server.py still drives the real app: one websocket family clicks through the
wizard on a real server, and every acknowledged save is found in the database.

Functional only (nothing is timed). If the wizard's labels, keys or flow change, this says
whether the load benchmark still finds its buttons.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

import bench_server  # noqa: E402

pytestmark = pytest.mark.slow


def _args(clicks: int) -> argparse.Namespace:
    return argparse.Namespace(clicks=clicks, timeout=60.0, no_message_cache=False)


def test_a_family_clicks_through_the_wizard_and_every_save_is_stored(tmp_path: Path) -> None:
    server = bench_server.start_server("product", ROOT / "streamlit_app.py", ROOT, tmp_path, [])
    try:
        phase = asyncio.run(bench_server.run_phase(server, "product", 2, 0.0, _args(9), seed=1, start=0))
        checked, acked, problems = bench_server.check_saves(server, ROOT, phase.results)
    finally:
        server.stop()
    assert [family.error for family in phase.results] == [None, None]
    assert all(family.reached_step_1 for family in phase.results)
    kinds = {click.kind for family in phase.results for click in family.clicks}
    assert {"begin", "next", "skip"} <= kinds  # steps 1-3 with Next, 4 skipped with a reason
    assert (checked, acked, problems) == (2, 18, [])


def test_the_bare_app_floor_counts_its_clicks(tmp_path: Path) -> None:
    script = tmp_path / "bare_app.py"
    script.write_text(bench_server.BARE_APP)
    server = bench_server.start_server("floor", script, tmp_path, tmp_path, [])
    try:
        phase = asyncio.run(bench_server.run_phase(server, "floor", 1, 0.0, _args(5), seed=1, start=0))
    finally:
        server.stop()
    (family,) = phase.results
    assert family.error is None and [click.target for click in family.clicks] == [1, 2, 3, 4, 5]
