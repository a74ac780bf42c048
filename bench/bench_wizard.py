"""Benchmark: how fast the wizard answers, against a minimal Streamlit app in the same run.

    PYTHONPATH=. python bench/bench_wizard.py [--runs 30] [--no-browser]

1. Server time (AppTest, in process): one script run of the start page, and of wizard steps
   3 (the pros-and-cons table, the heaviest screen) and 4 (values, many widgets), each run
   right after a run of a minimal app with one radio and one button (alternating). Issue 4
   expects the wizard within 3x the floor. AppTest skips Streamlit's postScriptGC, so this
   part cannot see it: bench/bench_server.py measures real servers.
2. Click-to-rendered time in Debian's Chromium (real `streamlit run` servers on the
   repository's production .streamlit/config.toml): Next/Back between steps 1 and 2 until
   the new heading shows, alternating with a click on the minimal app's button until its
   counter text changes. Expected within 1.5x the floor.
Prints median and p95 in milliseconds; nothing is asserted (figures, not a test).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests" / "app"), str(REPO / "tests" / "browser")]

MINIMAL_APP = """
import streamlit as st
st.session_state.setdefault("clicks", 0)
st.radio("Choose", ["a", "b", "c"], key="choice")
if st.button("Go"):
    st.session_state.clicks += 1
st.write(f"Clicked {st.session_state.clicks} times")
"""


def _stats(samples: list[float]) -> tuple[float, float]:
    return statistics.median(samples), statistics.quantiles(samples, n=20, method="inclusive")[-1]


def _time(action: Callable[[], object], runs: int, warmup: int = 3) -> list[float]:
    for _ in range(warmup):
        action()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def _paired(
    action: Callable[[], object], floor: Callable[[], object], runs: int, warmup: int = 3
) -> tuple[list[float], list[float]]:
    """Times of `action` and `floor` in ms, alternating (floor, action, floor, ...): a change in
    machine load hits both alike."""
    for _ in range(warmup):
        floor()
        action()
    samples: list[float] = []
    floors: list[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        floor()
        middle = time.perf_counter()
        action()
        end = time.perf_counter()
        floors.append((middle - start) * 1000)
        samples.append((end - middle) * 1000)
    return samples, floors


def _line(name: str, samples: list[float], floor: float | None) -> str:
    median, p95 = _stats(samples)
    ratio = f"{median / floor:5.2f}x" if floor else "  1.00x"
    return f"{name:<38} {median:9.1f} {p95:9.1f}  {ratio}"


def _prepare_env(folder: Path) -> None:
    grids = folder / "grids"
    grids.mkdir(exist_ok=True)
    (grids / "grid_minimal.json").write_bytes((REPO / "tests/fixtures/grid_minimal.json").read_bytes())
    os.environ.update(SDM_AID_DATA_DIR=str(folder / "data"), SDM_AID_GRID_DIR=str(grids))
    os.environ.pop("SDM_AID_DATABASE_URL", None)


def server_time(runs: int) -> None:
    import wizard_driver as w
    from streamlit import config
    from streamlit.testing.v1 import AppTest

    # AppTest keeps widget format functions in session state (see tests/app/conftest.py).
    config.set_option("runner.enforceSerializableSessionState", False)
    minimal = AppTest.from_string(MINIMAL_APP, default_timeout=30).run()
    start = w.new_app()
    step3 = w.begin(w.new_app())
    w.next_step(step3)
    w.next_step(step3)
    step4 = w.begin(w.new_app())
    for _ in range(3):
        w.next_step(step4)
    assert w.step(step3) == 3 and w.step(step4) == 4

    print(f"\nServer time per script run (AppTest), {runs} runs each beside a floor run, ms")
    print(f"{'script':<38} {'median':>9} {'p95':>9}  ratio")
    for name, at in (
        ("start page", start),
        ("wizard step 3 (pros and cons)", step3),
        ("wizard step 4 (values)", step4),
    ):
        samples, floor = _paired(at.run, minimal.run, runs)
        print(_line("  minimal app (radio + button)", floor, None))
        print(_line(name, samples, _stats(floor)[0]))


_RENDERED_JS = """() => !document.querySelector('[data-testid="stStatusWidget"]')
    && !document.querySelector('[data-stale="true"]')"""


def browser_time(runs: int, folder: Path) -> None:
    from app_server import CHROMIUM, CHROMIUM_FLAGS, start_server
    from playwright.sync_api import sync_playwright

    minimal_script = folder / "minimal_app.py"
    minimal_script.write_text(MINIMAL_APP)
    (folder / "m").mkdir()
    (folder / "w").mkdir()
    # Both servers run from the repository folder, so both read its .streamlit/config.toml: the
    # production configuration (no postScriptGC, no file watcher).
    minimal_server = start_server(folder / "m", script=minimal_script)
    wizard_server = start_server(folder / "w")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            floor_page = browser.new_page(viewport={"width": 768, "height": 1024}, locale="nl-NL")
            floor_page.goto(minimal_server.url)
            floor_page.get_by_text("Clicked 0 times").wait_for()
            floor_page.wait_for_function(_RENDERED_JS, polling="raf")
            clicks = iter(range(1, 10_000))

            def click_minimal() -> None:
                expected = f"Clicked {next(clicks)} times"
                floor_page.get_by_role("button", name="Go").click()
                floor_page.get_by_text(expected).wait_for()
                floor_page.wait_for_function(_RENDERED_JS, polling="raf")

            page = browser.new_page(viewport={"width": 768, "height": 1024}, locale="nl-NL")
            page.goto(wizard_server.url)
            page.get_by_text("Testkeuze bij piekeren").first.click()
            page.get_by_role("button", name="Beginnen").click()
            page.get_by_text("Stap 1 van 9").wait_for()
            page.wait_for_function(_RENDERED_JS, polling="raf")
            toggle = iter(range(10_000))

            def click_wizard() -> None:
                forward = next(toggle) % 2 == 0
                page.get_by_role("button", name="Volgende" if forward else "Vorige").click()
                page.get_by_text("Stap 2 van 9" if forward else "Stap 1 van 9").wait_for()
                page.wait_for_function(_RENDERED_JS, polling="raf")  # old step's buttons gone

            wizard, floor = _paired(click_wizard, click_minimal, runs)
            browser.close()
    finally:
        minimal_server.stop()
        wizard_server.stop()
    print(f"\nClick to rendered in Chromium, {runs} clicks each, alternating with the floor, ms")
    print(f"{'click':<38} {'median':>9} {'p95':>9}  ratio")
    print(_line("minimal app: button -> counter", floor, None))
    print(_line("wizard: Next/Back (saves) -> heading", wizard, _stats(floor)[0]))


def main() -> None:
    print(f"bench_wizard: load average {'/'.join(f'{x:.1f}' for x in os.getloadavg())}")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("SDM_AID_STRICT_I18N", "1")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _prepare_env(folder)
        server_time(args.runs)
        if not args.no_browser:
            browser_time(args.runs, folder)


if __name__ == "__main__":
    main()
