"""Benchmark: how long the wizard takes a young person with a peer worker, by a walk model.

    PYTHONPATH=. .venv/bin/python bench/bench_walk.py [--grid anxiety-youth] [--clicks 15] [--no-main]

A scripted walk in Debian's Chromium (real `streamlit run` servers on the repository's
production .streamlit/config.toml), on a 768x1024 tablet, in Dutch: one young person, a peer
worker, no parents; the four questions of step 1 answered; every required question answered;
the choice put off ('we choose later', as before the conversation with the clinician); a
follow-up planned. Walked three times: the waiting-room path, the full path, and today's flow
(the main branch as it is: `git archive main` into a temporary folder, never a checkout).

Per step it prints what a person meets:
- words: the visible words on the page (`document.body.innerText`: text in a closed 'Read
  more' or expander is not counted), the most on any screen of that step;
- taps: every click the script makes (a dropdown is two: open and choose; a text field one:
  the typing itself is not modelled);
- screens: page height / viewport height (the most on that step); swipes = screens - 1,
  rounded up;
- minutes: words / 140 per minute + 3 s per tap + 1.5 s per swipe (the model of issue 13);
- new: the words that were not on the previous step's screen (for information only: the model
  counts every word shown, also the same buttons and headings on every step).

Then click->render for Next (step 2 -> 3 on the waiting-room path, Back unmeasured) against a
bare Streamlit app with the same buttons (bench/bare_next_app.py), alternating floor and
product click by click, timed inside the page (click() to the new heading in the DOM).
Figures, not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "tests" / "browser")]

from app_server import CHROMIUM, CHROMIUM_FLAGS, TABLET, _free_port, wait_healthy  # noqa: E402
from family import settle  # noqa: E402
from playwright.sync_api import Page, sync_playwright  # noqa: E402

WORDS_PER_MINUTE = 140
SECONDS_PER_TAP = 3.0
SECONDS_PER_SWIPE = 1.5
WAIT = 30_000
SERVER_FLAGS = ("--server.address", "127.0.0.1", "--server.headless", "true")

_MEASURE_JS = """() => {
  // Words a person can see: text in a closed 'Read more', an expander, a visually hidden
  // skip link or a Material icon's ligature name ('arrow_forward') is not counted.
  const isWord = w => /[\\p{L}\\p{N}]/u.test(w);
  const shown = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest('[data-testid="stIconMaterial"], script, style, noscript')) continue;
    if (!parent.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    if (box.width < 2 || box.height < 2 || box.right <= 0 || box.left >= window.innerWidth) continue;
    shown.push(...node.textContent.split(/\\s+/).filter(isWord));
  }
  const main = document.querySelector('[data-testid="stMain"]');
  const height = Math.max(main ? main.scrollHeight : 0, document.scrollingElement.scrollHeight);
  return [shown.length, height / window.innerHeight, shown];
}"""

_CLICK_TO_RENDER_JS = """async ([label, expected]) => {
  const heading = () => [...document.querySelectorAll('h1,h2,h3,p,span,div')]
    .some(e => e.childElementCount === 0 && e.textContent.trim() === expected);
  const button = [...document.querySelectorAll('button')].find(b => !b.disabled
    && [...b.querySelectorAll('p')].some(p => p.textContent.trim() === label));
  const start = performance.now();
  button.click();
  await new Promise(resolve => {
    if (heading()) { resolve(); return; }
    const watch = new MutationObserver(() => { if (heading()) { watch.disconnect(); resolve(); } });
    watch.observe(document.body, {subtree: true, childList: true, characterData: true});
  });
  return performance.now() - start;
}"""


# --- servers ------------------------------------------------------------------------------------


@dataclass
class Served:
    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def serve(root: Path, folder: Path, script: Path, grid: Path) -> Served:
    """`streamlit run` of `script` with the code of `root` (its own .streamlit/config.toml)."""
    folder.mkdir(parents=True, exist_ok=True)
    grids = folder / "grids"
    grids.mkdir(exist_ok=True)
    shutil.copyfile(grid, grids / grid.name)
    port = _free_port()
    log = folder / "streamlit.log"
    environment = {
        **os.environ,
        "SDM_AID_DATA_DIR": str(folder / "data"),
        "SDM_AID_GRID_DIR": str(grids),
        "PYTHONPATH": str(root),  # before the editable install: main's code for main
    }
    environment.pop("SDM_AID_DATABASE_URL", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port), *SERVER_FLAGS],
        cwd=root,
        env=environment,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    wait_healthy(process, url, log, seconds=90)
    return Served(url, process, log)


@contextmanager
def main_branch() -> Iterator[Path]:
    """The main branch's files in a temporary folder (`git archive`, no checkout, no worktree)."""
    with tempfile.TemporaryDirectory(prefix="bench-walk-main-") as tmp:
        archive = subprocess.run(["git", "-C", str(REPO), "archive", "main"], check=True, capture_output=True)
        subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
        yield Path(tmp)


# --- the walk -----------------------------------------------------------------------------------


@dataclass
class StepFigures:
    name: str
    words: int = 0
    taps: int = 0
    screens: float = 0.0
    new_words: int = 0
    """Words not on the previous step's screen (for information: the model counts `words`)."""

    @property
    def swipes(self) -> int:
        return max(0, math.ceil(self.screens - 0.02) - 1)

    @property
    def minutes(self) -> float:
        seconds = self.taps * SECONDS_PER_TAP + self.swipes * SECONDS_PER_SWIPE
        return self.words / WORDS_PER_MINUTE + seconds / 60


@dataclass
class Walk:
    page: Page
    steps: list[StepFigures] = field(default_factory=list)
    before: Counter[str] = field(default_factory=Counter)
    """The words of the previous step's last screen."""
    last: Counter[str] = field(default_factory=Counter)

    @property
    def now(self) -> StepFigures:
        return self.steps[-1]

    def begin(self, name: str) -> None:
        self.before = self.last
        self.steps.append(StepFigures(name))
        self.look()

    def look(self) -> None:
        settle(self.page)
        words, screens, shown = self.page.evaluate(_MEASURE_JS)
        self.last = Counter(shown)
        self.now.words = max(self.now.words, int(words))
        self.now.screens = max(self.now.screens, float(screens))
        self.now.new_words = max(self.now.new_words, sum((self.last - self.before).values()))

    def tap(self, locator: object, taps: int = 1, *, leaves: bool = False) -> None:
        """A tap; then what the screen shows is measured, unless the tap leaves it (Next)."""
        locator.click()  # type: ignore[attr-defined]
        self.now.taps += taps
        if leaves:
            settle(self.page)
        else:
            self.look()

    def button(self, name: str | re.Pattern[str], *, leaves: bool = False) -> None:
        found = self.page.get_by_role("button", name=name, exact=isinstance(name, str)).first
        self.tap(found, leaves=leaves)

    def has_button(self, name: str | re.Pattern[str]) -> bool:
        found = self.page.get_by_role("button", name=name, exact=isinstance(name, str))
        return found.count() > 0 and found.first.is_visible()

    def select(self, label: str, option: str) -> None:
        self.page.get_by_label(label, exact=True).first.click()
        self.page.keyboard.type(option)
        self.tap(self.page.get_by_role("option", name=option, exact=True).first, taps=2)

    def answer_radios(self, choose: Callable[[list[str]], int]) -> None:
        """Every radio group on screen that has no answer yet: one tap on the option `choose`
        picks from its option texts."""
        groups = self.page.locator('[data-testid="stMain"] [data-testid="stRadio"]')
        index = 0
        while index < groups.count():
            group = groups.nth(index)
            index += 1
            if group.locator("input:checked").count():
                continue
            options = group.locator("label:has(input)")
            texts = [options.nth(i).inner_text() for i in range(options.count())]
            self.tap(options.nth(choose(texts)))


def _start(walk: Walk, server: Served, grid_title: str, path_label: str | None) -> None:
    page = walk.page
    page.goto(server.url)
    page.get_by_text("Samen kiezen").first.wait_for(timeout=WAIT)
    walk.begin("start")
    walk.tap(page.get_by_text(grid_title).first)
    field_ = page.get_by_label("De jongere (een voornaam of bijnaam is genoeg)", exact=True).first
    field_.fill("Sam")
    field_.press("Tab")
    walk.now.taps += 1  # the name field (typing not modelled)
    walk.look()
    radios = page.locator('[data-testid="stRadio"]')
    parents = radios.filter(has=page.get_by_text("Hoeveel ouders", exact=False))
    walk.tap(parents.locator("label").filter(has_text=re.compile(r"^0$")).first)
    walk.tap(page.get_by_text("Een ervaringsdeskundige begeleidt dit gesprek").first)
    if path_label is not None:
        choice = page.locator('[data-testid="stRadio"] label').filter(has_text=path_label).first
        if not choice.locator("input").is_checked():
            walk.tap(choice)
    walk.button("Beginnen", leaves=True)
    page.get_by_text("Stap 1 van 9").first.wait_for(timeout=WAIT)


LATER = "We kiezen later"
TAKE_TURN = re.compile(r"^Ik ben .*: laat mijn vragen zien$")


def _turn(walk: Walk) -> None:
    """With one person there is no hand-over; a step may still ask to begin the turn."""
    for name in (TAKE_TURN, "De vier vragen beantwoorden, één persoon tegelijk"):
        if walk.has_button(name):
            walk.button(name)


def _finish_turn(walk: Walk) -> None:
    if walk.has_button("Klaar"):
        walk.button("Klaar")


def _next(walk: Walk, number: int) -> None:
    walk.button("Volgende" if number < 9 else "Afronden", leaves=True)


def _follow_up(walk: Walk) -> None:
    """A quick choice and a time where the screen has them (issue 13), else the
    day/month/year/hour/minute lists of the flow before it."""
    quick = walk.page.locator('[data-testid="stButtonGroup"] button').filter(
        has_text=re.compile(r"^over 2 weken$", re.IGNORECASE)
    )
    if quick.count() and quick.first.is_visible():
        walk.tap(quick.first)  # a pill: 'over 2 weken', then the time
        walk.select("Tijd", "14:00")
    else:
        year = str(time.localtime().tm_year + 1)
        moment = (("Dag", "12"), ("Maand", "maart"), ("Jaar", year), ("Uur", "14"), ("Minuten", "00"))
        for label, option in moment:
            walk.select(label, option)
    if walk.has_button("Deze afspraak plannen"):
        walk.button("Deze afspraak plannen")


def walk_path(walk: Walk, server: Served, grid_title: str, path_label: str | None) -> None:
    page = walk.page
    _start(walk, server, grid_title, path_label)
    for number in range(1, 10):
        page.get_by_text(f"Stap {number} van 9").first.wait_for(timeout=WAIT)
        walk.begin(f"step {number}")
        if number in (1, 4, 5, 6, 7):
            _turn(walk)
        if number == 1:
            walk.answer_radios(lambda texts: 0)  # the four yes/no questions
        elif number == 4:
            walk.answer_radios(lambda texts: min(3, len(texts) - 1))  # importance; then the leaning
        elif number == 5:
            walk.answer_radios(lambda texts: min(7, len(texts) - 1))  # how sure: 7
        elif number == 7:
            walk.answer_radios(lambda texts: 0)
        elif number == 8:
            walk.answer_radios(lambda texts: texts.index(LATER) if LATER in texts else 0)
            walk.select("Waarom kiezen jullie later?", "We hebben meer informatie nodig")
        elif number == 9:
            _follow_up(walk)
        if number in (1, 4, 5, 6, 7):
            _finish_turn(walk)
        _next(walk, number)
    page.get_by_text("Alle stappen zijn klaar").first.wait_for(timeout=WAIT)


def _walk_or_show(walk: Walk, server: Served, grid_title: str, path_label: str | None) -> None:
    """The walk; when it gets stuck, a screenshot and the screen's text show where."""
    try:
        walk_path(walk, server, grid_title, path_label)
    except Exception:
        shot = Path(tempfile.gettempdir()) / "bench-walk-stuck.png"
        walk.page.screenshot(path=str(shot), full_page=True)
        print(f"stuck after {walk.now.name}; screenshot {shot}:\n{walk.page.inner_text('body')[-1500:]}")
        raise


def _table(title: str, steps: list[StepFigures]) -> tuple[float, float]:
    """Prints the figures; returns the modelled minutes of steps 1-9 and with the start page."""
    print(f"\n{title}")
    print(f"{'step':<9} {'words':>6} {'new':>5} {'taps':>5} {'screens':>8} {'swipes':>7} {'minutes':>8}")
    for s in steps:
        figures = (
            f"{s.words:>6} {s.new_words:>5} {s.taps:>5} {s.screens:>8.1f} {s.swipes:>7} {s.minutes:>8.1f}"
        )
        print(f"{s.name:<9} {figures}")
    for name, part in (("steps 1-9", steps[1:]), ("all", steps)):
        words, new = sum(s.words for s in part), sum(s.new_words for s in part)
        taps, swipes, minutes = (
            sum(s.taps for s in part),
            sum(s.swipes for s in part),
            sum(s.minutes for s in part),
        )
        print(f"{name:<9} {words:>6} {new:>5} {taps:>5} {'':>8} {swipes:>7} {minutes:>8.1f}")
    return sum(s.minutes for s in steps[1:]), sum(s.minutes for s in steps)


# --- click -> render ----------------------------------------------------------------------------


def click_to_render(browser: object, product: Served, floor: Served, grid_title: str, clicks: int) -> None:
    context = browser.new_context(viewport=TABLET, locale="nl-NL")  # type: ignore[attr-defined]
    product_page = context.new_page()
    _start(Walk(product_page), product, grid_title, "Kort, voor de wachtkamer")
    product_page.get_by_role("button", name="Volgende", exact=True).first.click()
    product_page.get_by_text("Stap 2 van 9").first.wait_for(timeout=WAIT)
    settle(product_page)
    floor_page = context.new_page()
    floor_page.goto(floor.url)
    floor_page.get_by_text("Stap 2 van 9").first.wait_for(timeout=WAIT)
    settle(floor_page)

    def next_and_back(page: Page) -> float:
        elapsed = float(page.evaluate(_CLICK_TO_RENDER_JS, ["Volgende", "Stap 3 van 9"]))
        settle(page)
        page.get_by_role("button", name="Vorige", exact=True).first.click()
        page.get_by_text("Stap 2 van 9").first.wait_for(timeout=WAIT)
        settle(page)
        return elapsed

    for _ in range(2):  # warm up both
        next_and_back(floor_page)
        next_and_back(product_page)
    floors, products = [], []
    for _ in range(clicks):
        floors.append(next_and_back(floor_page))
        products.append(next_and_back(product_page))
    context.close()

    def line(name: str, samples: list[float], base: float | None) -> str:
        median = statistics.median(samples)
        p90 = statistics.quantiles(samples, n=10, method="inclusive")[-1]
        ratio = f"{median / base:5.2f}x" if base else "  1.00x"
        return f"{name:<44} {median:8.0f} {p90:8.0f}  {ratio}"

    print(f"\nClick on Next -> new step heading in the DOM, {clicks} clicks each, alternating, ms")
    print(f"{'':<44} {'median':>8} {'p90':>8}  ratio")
    print(line("bare Streamlit button app (floor)", floors, None))
    print(line("wizard, waiting-room path, step 2 -> 3", products, statistics.median(floors)))


# --- main -----------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--grid", default="anxiety-youth", help="a shipped grid (file stem in option_grids/)")
    parser.add_argument("--clicks", type=int, default=15)
    parser.add_argument("--no-main", action="store_true", help="skip today's flow (the main branch)")
    args = parser.parse_args()
    print(f"bench_walk: load average {'/'.join(f'{x:.1f}' for x in os.getloadavg())}")
    import json

    grid = REPO / "option_grids" / f"{args.grid}.json"
    grid_title = json.loads(grid.read_text(encoding="utf-8"))["title"]["nl"]
    totals: dict[str, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-walk-") as tmp, sync_playwright() as playwright:
        folder = Path(tmp)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        product = serve(REPO, folder / "product", REPO / "streamlit_app.py", grid)
        floor = serve(REPO, folder / "floor", REPO / "bench" / "bare_next_app.py", grid)
        try:
            for title, label in (
                ("Waiting-room path", "Kort, voor de wachtkamer"),
                ("Full path", "Alles, bijvoorbeeld thuis"),
            ):
                context = browser.new_context(viewport=TABLET, locale="nl-NL")
                walk = Walk(context.new_page())
                _walk_or_show(walk, product, grid_title, label)
                heading = f"{title} (this branch), one young person with a peer worker"
                totals[title] = _table(heading, walk.steps)
                context.close()
            if not args.no_main:
                with main_branch() as main_root:
                    today = serve(main_root, folder / "main", main_root / "streamlit_app.py", grid)
                    try:
                        context = browser.new_context(viewport=TABLET, locale="nl-NL")
                        walk = Walk(context.new_page())
                        _walk_or_show(walk, today, grid_title, None)
                        totals["Today's flow"] = _table("Today's flow (main), the same walk", walk.steps)
                        context.close()
                    finally:
                        today.stop()
            click_to_render(browser, product, floor, grid_title, args.clicks)
        finally:
            product.stop()
            floor.stop()
            browser.close()
    print("\nModelled minutes, steps 1-9 (with the start page):")
    for name, (steps, everything) in totals.items():
        print(f"  {name:<20} {steps:5.1f} ({everything:.1f})")


if __name__ == "__main__":
    main()
