"""Benchmark: what save-as-you-go costs while a family types, against a bare app.

    PYTHONPATH=. .venv/bin/python bench/bench_typing_saves.py [--rounds 3] [--ms-per-char 190]

Debian's Chromium types a short answer into step 5's "What would help?" the way a person on a
tablet does: about 190 ms per character (some 30 words a minute), a pause of 2-4 s between
sentences, for about a minute, on a real `streamlit run` server of SDM Aid. The floor is a bare
Streamlit app with one text area, typed into the same way in the same run (alternating). The
bare app sends the text only when the field is left, so every save and script run on the
product side is the cost of saving while typing.

Prints per minute of typing: saves (stored versions), script runs, server CPU seconds, for the
product and the floor. Figures, not a test.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests" / "browser")]

from app_server import CHROMIUM, CHROMIUM_FLAGS, TABLET, Server, start_server  # noqa: E402
from family import (  # noqa: E402
    TEXT,
    begin_with_test_grid,
    button,
    each_in_turn,
    radio,
    settle,
    shown,
    take_turn,
)
from playwright.sync_api import Page, sync_playwright  # noqa: E402

SENTENCES = [
    "Als de afspraken na school zijn. ",
    "Iemand die met me meegaat de eerste keer. ",
    "Dat ik het eerst thuis kan bespreken. ",
    "Een vaste dag in de week, liefst op woensdag. ",
]
PAUSES = [2.0, 3.5, 2.5, 4.0]
BARE_APP = """
import streamlit as st
st.session_state.setdefault("runs", 0)
st.session_state.runs += 1
st.text_area("Wat zou helpen?", key="helps")
st.write(f"runs {st.session_state.runs}")
"""


def _type_like_a_person(page: Page, label: str, ms_per_char: int) -> float:
    field = page.get_by_label(label, exact=True).first
    field.click()
    start = time.monotonic()
    for sentence, pause in zip(SENTENCES, PAUSES, strict=True):
        field.press_sequentially(sentence, delay=ms_per_char)
        page.wait_for_timeout(pause * 1000)  # a person thinking (this is the load, not a wait)
    return time.monotonic() - start


def _versions(data_dir: Path) -> int:
    with sqlite3.connect(data_dir / "sdm_aid.sqlite3") as connection:
        (document,) = connection.execute("SELECT document FROM sessions").fetchone()
    return int((json.loads(document) if isinstance(document, str) else document)["version"])


def _cpu(server: Server) -> float:
    times = psutil.Process(server.process.pid).cpu_times()
    return times.user + times.system


def product_round(browser, ms_per_char: int) -> dict[str, float]:
    folder = Path(tempfile.mkdtemp(prefix="sdm-typing-"))
    server = start_server(folder)
    try:
        context = browser.new_context(viewport=TABLET, locale="nl-NL")
        page = context.new_page()
        x = TEXT["nl"]
        begin_with_test_grid(page, server, "nl")
        for n in (2, 3, 4):
            button(page, x["next"])
            shown(page, x["step"].format(n=n))

        def values(_index: int, _name: str) -> None:
            radio(page, x["rating_group"], "3")
            radio(page, x["rating_group2"], "2")
            radio(page, x["lean"], "Medicijn")

        each_in_turn(page, "nl", (x["youth"], x["parent"]), values)
        button(page, x["next"])
        shown(page, x["step"].format(n=5))
        take_turn(page, "nl", x["youth"])
        settle(page)
        versions, cpu = _versions(folder / "data"), _cpu(server)
        runs_before = _run_count(page)
        seconds = _type_like_a_person(page, "Wat zou helpen?", ms_per_char)
        settle(page)
        minutes = seconds / 60
        result = {
            "saves": (_versions(folder / "data") - versions) / minutes,
            "runs": (_run_count(page) - runs_before) / minutes,
            "cpu": (_cpu(server) - cpu) / minutes,
        }
        context.close()
        return result
    finally:
        server.stop()


def _run_count(page: Page) -> int:
    """Script runs seen by the browser: the save line carries a counter that changes every run."""
    value = page.locator(".sdm-saved").last.get_attribute("data-run")
    return int(value or 0)


def floor_round(browser, ms_per_char: int) -> dict[str, float]:
    folder = Path(tempfile.mkdtemp(prefix="sdm-typing-floor-"))
    script = folder / "bare_app.py"
    script.write_text(BARE_APP)
    server = start_server(folder, script=script)
    try:
        context = browser.new_context(viewport=TABLET, locale="nl-NL")
        page = context.new_page()
        page.goto(server.url)
        shown(page, "runs 1")
        cpu = _cpu(server)
        seconds = _type_like_a_person(page, "Wat zou helpen?", ms_per_char)
        settle(page)
        runs = int(page.get_by_text("runs ").first.inner_text().split()[-1]) - 1
        minutes = seconds / 60
        result = {"saves": 0.0, "runs": runs / minutes, "cpu": (_cpu(server) - cpu) / minutes}
        context.close()
        return result
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--ms-per-char", type=int, default=190)
    args = parser.parse_args()
    product: list[dict[str, float]] = []
    floor: list[dict[str, float]] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for _ in range(args.rounds):  # alternating: floor, product, floor, product, ...
            floor.append(floor_round(browser, args.ms_per_char))
            product.append(product_round(browser, args.ms_per_char))
        browser.close()
    print(f"typing {args.ms_per_char} ms per character, pauses of 2-4 s; {args.rounds} rounds each")
    print(f"load average: {' '.join(f'{v:.2f}' for v in psutil.getloadavg())}")
    print(f"{'per minute of typing':<24}{'SDM Aid':>12}{'bare app':>12}")
    for name, label in (("saves", "saves"), ("runs", "script runs"), ("cpu", "server CPU s")):
        mine = statistics.median(r[name] for r in product)
        bare = statistics.median(r[name] for r in floor)
        print(f"{label:<24}{mine:>12.2f}{bare:>12.2f}")


if __name__ == "__main__":
    main()
