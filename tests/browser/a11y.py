"""Checks run on every family page and state of a browser walk (issue 13): the page's
language, Streamlit's English words on a Dutch page, touch target sizes, the step footer in
view, and axe-core at WCAG 2.2 A/AA.

axe-core comes from the npm registry into tests/browser/support (`./dev test` installs it).
It is evaluated through the DevTools protocol, which the page's Content-Security-Policy does
not govern, so the policy stays as strict as in production.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from family import settle
from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

SUPPORT = Path(__file__).parent / "support"
AXE = SUPPORT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
MIN_TARGET = 44


def _script(name: str) -> str:
    """A function from support/*.js (its leading comment lines dropped)."""
    lines = (SUPPORT / name).read_text(encoding="utf-8").splitlines()
    return "\n".join(line for line in lines if not line.startswith("//"))


STREAMLIT_ENGLISH = (
    "Skip to main content",
    "Select all",
    "Choose options",
    "Choose an option",
    "No results",
    "Clear all",
    "Remove",
    "dd-mm-yyyy",
    "YYYY/MM/DD",
    "Press Enter to apply",
    "Press Enter to submit form",
    "Press ⌘+Enter to apply",
    "Press Ctrl+Enter to apply",
    "Open sidebar",
    "Close sidebar",
    "Expand sidebar",
    "Collapse sidebar",
    "Main menu",
    "Running...",
    "Connecting",
    "Show password",
    "Hide password",
    "Fullscreen",
    "View fullscreen",
    "Close fullscreen",
    "Deploy",
    "Settings",
    "Clear cache",
    "Rerun",
    "Print",
    "Record a screencast",
    "About",
    "Are you sure?",
    "Open",
    "Help for ",
)
"""Streamlit's own English words (interface text, aria-labels, titles, placeholders)."""

_ENGLISH_JS = _script("english.js")

_TARGETS_JS = _script("targets.js")


_SCROLL_JS = """(part) => {
  const main = document.querySelector('[data-testid="stMain"]');
  if (main) main.scrollTo({ top: main.scrollHeight * part });
  window.scrollTo({ top: document.body.scrollHeight * part });
}"""


@dataclass
class Findings:
    """What the checks found, per page state; asserted empty at the end of a walk."""

    problems: list[str] = field(default_factory=list)
    axe_states: int = 0
    targets_checked: int = 0

    def add(self, where: str, what: str) -> None:
        self.problems.append(f"{where}: {what}")


def run_axe(page: Page) -> list[dict[str, object]]:
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;true")
    result = page.evaluate(_script("axe_run.js"), AXE_TAGS)
    return list(result)


def check_page(
    page: Page,
    findings: Findings,
    where: str,
    *,
    language: str = "nl",
    shots: Path | None = None,
    phone: bool = False,
) -> None:
    """Everything that holds on every family page and state."""
    settle(page)
    lang = page.evaluate("() => document.documentElement.lang")
    if lang != language:
        findings.add(where, f"<html lang={lang!r}>, expected {language!r}")
    if language == "nl":
        english = page.evaluate(_ENGLISH_JS, list(STREAMLIT_ENGLISH))
        if english:
            findings.add(where, f"English chrome: {english}")
    wide = page.evaluate(
        "() => { const m = document.querySelector('[data-testid=\"stMain\"]') || document.documentElement;"
        " return [Math.max(m.scrollWidth, document.documentElement.scrollWidth), m.clientWidth]; }"
    )
    if wide[0] > wide[1]:
        findings.add(where, f"wider than the screen (scrolls sideways): {wide}")
    small = page.evaluate(_TARGETS_JS, MIN_TARGET)
    for target in small:
        # The 0-10 scale stays one row on a 390 px phone: 11 segments cannot each be 44 px
        # wide there (11 x 44 = 484 px); they are 44 px high and at least 24 px wide (WCAG 2.5.8).
        if phone and target["scale"] and target["height"] >= MIN_TARGET and target["width"] >= 24:
            continue
        findings.add(
            where, f"target under {MIN_TARGET}x{MIN_TARGET}: {json.dumps(target, ensure_ascii=False)}"
        )
    findings.targets_checked += 1
    # axe at the end of the page, where the step footer sits in its place: scrolled higher, it
    # covers what is below it until you scroll (that is what sticky means).
    page.evaluate(_SCROLL_JS, 1)
    violations = run_axe(page)
    page.evaluate(_SCROLL_JS, 0)
    for violation in violations:
        findings.add(
            where, f"axe {violation['id']} ({violation['impact']}): {violation['help']} {violation['nodes']}"
        )
    findings.axe_states += 1
    if shots is not None:
        page.screenshot(path=str(shots / f"{where}.png"))
        whole_page(page, shots / f"{where}-full.png")


def whole_page(page: Page, path: Path) -> None:
    """The whole page: Streamlit scrolls inside its main element, so the screenshot is taken
    in a window as tall as the page (then the window is set back)."""
    size = page.viewport_size
    if size is None:
        return
    height = page.evaluate(
        "() => { const m = document.querySelector('[data-testid=\"stMain\"]');"
        " return m ? m.scrollHeight : document.body.scrollHeight; }"
    )
    page.set_viewport_size({"width": size["width"], "height": max(size["height"], int(height))})
    page.screenshot(path=str(path))
    page.set_viewport_size(size)


def next_in_view(page: Page, findings: Findings, where: str, name: str) -> None:
    """Next is on the first screen, and still there after scrolling to the middle."""
    height = page.viewport_size["height"] if page.viewport_size else 0
    button = page.get_by_role("button", name=name, exact=True).first
    for moment in ("top", "middle"):
        if moment == "middle":
            page.evaluate(_SCROLL_JS, 0.5)
        box = button.bounding_box()
        if box is None or box["y"] < 0 or box["y"] + box["height"] > height:
            findings.add(where, f"'{name}' not in view at the {moment} of the page: {box}")
    page.evaluate(_SCROLL_JS, 0)


def heading_has_focus(page: Page, findings: Findings, where: str) -> None:
    try:
        focused = page.wait_for_function(
            "() => document.activeElement && document.activeElement.matches('h1.sdm-title')"
            " ? document.activeElement.textContent : null",
            timeout=10_000,
        ).json_value()
    except PlaywrightTimeoutError:
        focused = page.evaluate(
            "() => document.activeElement && document.activeElement.outerHTML.slice(0, 80)"
        )
        findings.add(where, f"focus is not on the step heading but on {focused!r}")
        return
    title = page.title()
    if not focused or str(focused) not in title:
        findings.add(where, f"focus/title: focused heading {focused!r}, title {title!r}")


def focus_ring(page: Page, findings: Findings, where: str) -> None:
    """Tab from the heading: the next control shows a strong ring (at least 3 px, solid)."""
    page.keyboard.press("Tab")
    ring = page.evaluate(
        "() => { const el = document.activeElement; if (!el || el === document.body) return null;"
        " const shown = el.closest('label') || el; const cs = getComputedStyle(shown);"
        " return [shown.tagName, cs.outlineStyle, parseFloat(cs.outlineWidth), cs.outlineColor]; }"
    )
    if ring is None or ring[1] != "solid" or ring[2] < 3:
        findings.add(where, f"no strong focus ring after Tab: {ring}")
