"""The app in a real browser: cold deep links, the whole flow in Dutch and English, reload
and resume, finish-and-clear, the idle timeout, screenshots at tablet and laptop size."""

from __future__ import annotations

import os
import re
import tempfile
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from app_server import LAPTOP, PHONE, TABLET, Server, start_server
from playwright.sync_api import Browser, Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

pytestmark = pytest.mark.browser

WAIT = 30_000
NEXT_YEAR = str(date.today().year + 1)


def shown(page: Page, text: str, timeout: int = WAIT) -> Locator:
    locator = page.get_by_text(text, exact=False).first
    try:
        locator.wait_for(state="visible", timeout=timeout)
    except PlaywrightTimeoutError:
        folder = Path(os.environ.get("SDM_AID_SCREENSHOT_DIR") or tempfile.gettempdir())
        name = re.sub(r"\W+", "-", text)[:40]
        page.screenshot(path=str(folder / f"failure-{name}.png"))
        raise
    return locator


_IDLE_JS = """() => {
  const busy = document.querySelector('[data-testid="stStatusWidget"]')
    || document.querySelector('[data-stale="true"]');
  if (busy) { window.__sdmQuiet = 0; return false; }
  window.__sdmQuiet = (window.__sdmQuiet || 0) + 1;
  return window.__sdmQuiet >= 3;
}"""


def settle(page: Page) -> None:
    """Wait until Streamlit has finished the current run: no 'running' indicator and no stale
    elements, three polls in a row (a run can start a moment after the click)."""
    page.evaluate("() => { window.__sdmQuiet = 0; }")
    page.wait_for_function(_IDLE_JS, timeout=WAIT, polling=100)


def button(page: Page, name: str) -> None:
    page.get_by_role("button", name=name, exact=True).first.click()
    settle(page)


def radio(page: Page, group: str, option: str) -> None:
    widget = page.locator('[data-testid="stRadio"]').filter(has=page.get_by_text(group, exact=True)).first
    choice = widget.locator("label").filter(has_text=re.compile(rf"^{re.escape(option)}")).first
    # Hold the input itself: the rerun the click starts may change the group's label (the
    # language radio renames "Taal" to "Language"), and then the locator above finds nothing.
    field = choice.locator("input").element_handle(timeout=WAIT)
    choice.click()
    page.wait_for_function("input => input.checked", arg=field, timeout=WAIT)
    settle(page)


def select(page: Page, label: str, option: str, *, exact: bool = True) -> None:
    page.get_by_label(label, exact=True).first.click()
    page.keyboard.type(option)  # the list is virtualised: filter it so the option is drawn
    page.get_by_role("option", name=option, exact=exact).first.click()
    settle(page)


def type_into(page: Page, label: str, text: str) -> None:
    field = page.get_by_label(label, exact=True).first
    field.fill(text)
    field.press("Tab")
    settle(page)


def no_error(page: Page) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0
    assert "Traceback" not in page.content()


def snap(page: Page, shots: Path, name: str) -> None:
    settle(page)
    page.screenshot(path=str(shots / f"{name}.png"), full_page=True)


COLD = {
    "": "Samen kiezen",
    "start": "Samen kiezen",
    "wizard": "Er staat geen gesprek open op dit scherm.",
    "compare": "De keuzes vergelijken",
    "finish": "Er staat geen gesprek open op dit scherm.",
}


@pytest.mark.parametrize("path", list(COLD))
def test_every_page_works_as_the_first_request_of_a_fresh_server(
    path: str, tmp_path: Path, browser: Browser, shots: Path
) -> None:
    server = start_server(tmp_path)
    try:
        context = browser.new_context(viewport=TABLET, locale="nl-NL")
        page = context.new_page()
        page.goto(f"{server.url}/{path}")
        shown(page, COLD[path])
        no_error(page)
        # Legacy pages/ mode must not list the page files in a sidebar.
        assert page.locator('[data-testid="stSidebarNav"]').count() == 0
        snap(page, shots, f"cold-{path or 'root'}-768")
        context.close()
    finally:
        server.stop()


TEXT = {
    "nl": {
        "begin": "Beginnen",
        "next": "Volgende",
        "finish": "Afronden",
        "step": "Stap {n} van 9",
        "turn_done": "Klaar. Nu: Ouder 1",
        "rating_group": "Snel resultaat",
        "rating_group2": "Geen medicijnen",
        "lean": "Naar welke keuze neig je nu?",
        "option": "Gesprekken",
        "confidence": "Hoe zeker ben je dat dit lukt? 0 = helemaal niet, 10 = heel zeker",
        "advice": "Advies",
        "discuss": "Bespreken in het gesprek",
        "statement": "Er is maar één goede keuze.",
        "not_true": "Klopt niet",
        "mode": "Wat doen jullie nu?",
        "later": "We kiezen later",
        "reason": "Waarom kiezen jullie later?",
        "reason_option": "thuis bespreken",
        "yes": "Ja",
        "day": "Dag",
        "month": "Maand",
        "month_name": "maart",
        "year": "Jaar",
        "hour": "Uur",
        "minutes": "Minuten",
        "plan": "Deze afspraak plannen",
        "planned": "Gepland:",
        "done": "Alle stappen zijn klaar",
        "clear": "Afronden en wissen",
        "new": "Een nieuw gesprek beginnen",
        "parent": "Ouder 1",
        "now_parent": "Nu ben jij aan de beurt, Ouder 1",
        "youth": "Zoë",
    },
    "en": {
        "begin": "Begin",
        "next": "Next",
        "finish": "Finish",
        "step": "Step {n} of 9",
        "turn_done": "Done. Next: Parent 1",
        "rating_group": "Quick results",
        "rating_group2": "No medicine",
        "lean": "Which option do you lean to now?",
        "option": "Talking therapy",
        "confidence": "How sure are you that you can do this? 0 = not at all, 10 = completely",
        "advice": "Advice",
        "discuss": "To discuss in the session",
        "statement": "There is only one right choice.",
        "not_true": "Not true",
        "mode": "What do you do now?",
        "later": "We choose later",
        "reason": "Why do you choose later?",
        "reason_option": "talk it over at home",
        "yes": "Yes",
        "day": "Day",
        "month": "Month",
        "month_name": "March",
        "year": "Year",
        "hour": "Hour",
        "minutes": "Minutes",
        "plan": "Plan this appointment",
        "planned": "Planned:",
        "done": "All steps are finished",
        "clear": "Finish and clear",
        "new": "Start a new conversation",
        "parent": "Parent 1",
        "now_parent": "Now it's your turn, Parent 1",
        "youth": "Zoë",
    },
}


def begin_with_test_grid(page: Page, server: Server, language: str) -> None:
    page.goto(server.url)
    shown(page, "Samen kiezen")
    if language == "en":
        radio(page, "Taal", "English")
        shown(page, "Choosing together")
    page.get_by_text(
        "Testkeuze bij piekeren" if language == "nl" else "Test choice for worrying"
    ).first.click()
    settle(page)
    youth_field = (
        "De jongere (een voornaam of bijnaam is genoeg)"
        if language == "nl"
        else "The young person (a first name or nickname is enough)"
    )
    type_into(page, youth_field, "Zoë")
    button(page, TEXT[language]["begin"])
    shown(page, TEXT[language]["step"].format(n=1))


def full_flow(page: Page, server: Server, language: str, shots: Path, tag: str) -> None:
    x = TEXT[language]
    begin_with_test_grid(page, server, language)
    snap(page, shots, f"{tag}-step1")
    for n in (2, 3, 4):
        button(page, x["next"])
        shown(page, x["step"].format(n=n))
        if n in (2, 3):
            snap(page, shots, f"{tag}-step{n}")
    # Step 4: the young person, then the parent.
    for person in (0, 1):
        radio(page, x["rating_group"], "4" if person == 0 else "1")
        radio(page, x["rating_group2"], "0" if person == 0 else "4")
        radio(page, x["lean"], x["option"])
        if person == 0:
            snap(page, shots, f"{tag}-step4-youth")
            button(page, x["turn_done"])
            shown(page, x["now_parent"])
    snap(page, shots, f"{tag}-step4")
    button(page, x["next"])
    shown(page, x["step"].format(n=5))
    radio(page, x["confidence"], "7")
    snap(page, shots, f"{tag}-step5")
    button(page, x["next"])
    shown(page, x["step"].format(n=6))
    radio(page, x["advice"], x["discuss"])
    button(page, x["next"])
    shown(page, x["step"].format(n=7))
    radio(page, x["statement"], x["not_true"])
    button(page, x["turn_done"])
    radio(page, x["statement"], x["not_true"])
    snap(page, shots, f"{tag}-step7")
    button(page, x["next"])
    shown(page, x["step"].format(n=8))
    radio(page, x["mode"], x["later"])
    select(page, x["reason"], x["reason_option"], exact=False)
    for person in (x["youth"], x["parent"]):
        tab = page.get_by_role("tab", name=person)
        tab.click()
        # Wait for this person's panel: a snapshot taken while the old panel still shows
        # would answer nobody's questions.
        expect(tab).to_have_attribute("aria-selected", "true", timeout=WAIT)
        groups = page.locator('[data-testid="stTabs"] [role="tabpanel"]:visible [data-testid="stRadio"]')
        expect(groups).to_have_count(4, timeout=WAIT)
        for index in range(4):
            yes = groups.nth(index).locator("label").filter(has_text=re.compile(rf"^{x['yes']}$")).first
            field = yes.locator("input").element_handle(timeout=WAIT)
            yes.click()
            page.wait_for_function("input => input.checked", arg=field, timeout=WAIT)
            settle(page)
    snap(page, shots, f"{tag}-step8")
    button(page, x["next"])
    shown(page, x["step"].format(n=9))
    select(page, x["day"], "30")
    select(page, x["month"], x["month_name"])
    select(page, x["year"], NEXT_YEAR)
    select(page, x["hour"], "14")
    select(page, x["minutes"], "00")
    button(page, x["plan"])
    shown(page, x["planned"])
    expect(page.locator('[data-testid="stDownloadButton"]')).to_have_count(1)
    snap(page, shots, f"{tag}-step9")
    button(page, x["finish"])
    shown(page, x["done"])
    no_error(page)
    snap(page, shots, f"{tag}-finish")


@pytest.mark.parametrize("language", ["nl", "en"])
def test_full_flow(language: str, server: Server, browser: Browser, shots: Path) -> None:
    context = browser.new_context(viewport=TABLET, locale="nl-NL")
    page = context.new_page()
    hosts: set[str] = set()
    visited: list[str] = []
    page.on("request", lambda request: hosts.add(urlsplit(request.url).hostname or ""))
    page.on("framenavigated", lambda frame: visited.append(frame.url))
    full_flow(page, server, language, shots, f"flow-{language}-768")
    code = page.locator(".sdm-code").first.inner_text().strip()
    assert re.fullmatch(r"[A-Z0-9-]{6,}", code)
    # The print button opens the browser's print dialog (replaced here by a marker).
    page.evaluate("() => { window.print = () => { window.__sdmPrinted = true; }; }")
    page.locator("button.sdm-print").click()
    assert page.evaluate("() => window.__sdmPrinted === true")
    button(page, TEXT[language]["clear"])
    shown(page, TEXT["nl"]["new"])  # cleared: back to the start, in the default language
    page.go_back()
    settle(page)
    assert code not in page.content()
    assert "Zoë" not in page.content()
    assert hosts <= {"127.0.0.1"}, hosts  # no fonts, CDN or telemetry
    assert not any(code in url for url in visited)
    context.close()


def test_reload_at_step_5_then_resume(server: Server, browser: Browser, shots: Path) -> None:
    context = browser.new_context(viewport=LAPTOP, locale="nl-NL")
    page = context.new_page()
    x = TEXT["nl"]
    begin_with_test_grid(page, server, "nl")
    page.get_by_text("Je code om later verder te gaan").first.click()
    code = page.locator(".sdm-code").first.inner_text().strip()
    for n in (2, 3, 4):
        button(page, x["next"])
        shown(page, x["step"].format(n=n))
    snap(page, shots, "laptop-step3-to-4-1280")
    for person in (0, 1):
        radio(page, x["rating_group"], "3")
        radio(page, x["rating_group2"], "2")
        radio(page, x["lean"], "Medicijn")
        if person == 0:
            button(page, x["turn_done"])
    button(page, x["next"])
    shown(page, x["step"].format(n=5))
    snap(page, shots, "laptop-step5-1280")

    page.reload()
    shown(page, "Er staat geen gesprek open op dit scherm.")
    button(page, "Naar het begin")
    page.get_by_role("tab", name="Verder met een code").click()
    type_into(page, "Je code", code)
    button(page, "Verder")
    shown(page, x["step"].format(n=5))
    assert "Medicijn" in page.content()
    assert code not in page.url
    context.close()


def test_idle_timeout_clears_the_screen(tmp_path: Path, browser: Browser, shots: Path) -> None:
    server = start_server(tmp_path, SDM_AID_IDLE_SECONDS="10")
    try:
        context = browser.new_context(viewport=TABLET, locale="nl-NL")
        page = context.new_page()
        begin_with_test_grid(page, server, "nl")
        shown(page, "Het scherm is gewist, omdat het een tijdje niet gebruikt werd.", timeout=40_000)
        assert "Stap 1 van 9" not in page.content()
        snap(page, shots, "idle-cleared-768")
        context.close()
    finally:
        server.stop()


def test_compare_and_pros_and_cons_screenshots(server: Server, browser: Browser, shots: Path) -> None:
    for size, viewport in (("768", TABLET), ("1280", LAPTOP), ("390", PHONE)):
        context = browser.new_context(viewport=viewport, locale="nl-NL")
        page = context.new_page()
        page.goto(f"{server.url}/compare")
        shown(page, "De keuzes vergelijken")
        expect(page.locator(".sdm-icons img").first).to_be_visible(timeout=WAIT)
        # A real table survives Streamlit's HTML sanitiser: caption, column headers with scope.
        expect(page.locator("table.sdm-grid caption").first).to_be_visible(timeout=WAIT)
        assert page.locator("table.sdm-grid th[scope=col]").count() >= 2
        assert page.get_by_role("columnheader").count() >= 2
        # Only a question's table may scroll sideways (in its own region), never the page.
        assert page.evaluate("() => document.documentElement.scrollWidth") <= viewport["width"] + 1
        snap(page, shots, f"compare-{size}")
        page.locator(".sdm-icons img").first.scroll_into_view_if_needed()
        snap(page, shots, f"compare-icons-{size}")
        sources = page.locator("details.sdm-src summary").filter(has_text="Bronnen bij").first
        sources.click()
        expect(page.locator("details.sdm-src[open] li").first).to_be_visible(timeout=WAIT)
        snap(page, shots, f"compare-sources-{size}")
        context.close()


IMAGE_NAME = "![x](http://evil.example/x.png)"
LINK_NAME = "[klik](http://evil.example)"


def test_typed_text_never_becomes_an_image_or_a_link(server: Server, browser: Browser, shots: Path) -> None:
    context = browser.new_context(viewport=TABLET, locale="nl-NL")
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(server.url)
    shown(page, "Samen kiezen")
    page.get_by_text("Testkeuze bij piekeren").first.click()
    settle(page)
    type_into(page, "De jongere (een voornaam of bijnaam is genoeg)", IMAGE_NAME)
    type_into(page, "Ouder of verzorger 1 (een naam of bijnaam)", LINK_NAME)
    button(page, "Beginnen")
    shown(page, "Stap 1 van 9")
    for n in (2, 3, 4):
        button(page, "Volgende")
        shown(page, f"Stap {n} van 9")
    button(page, "Volgende")  # nothing filled in: the missing answers name both people
    shown(page, "kies een optie")
    page.get_by_text("Deze stap overslaan").first.click()
    type_into(page, "Waarom sla je deze stap over?", "**vet** <b>x</b> www.evil.example")
    snap(page, shots, "hostile-step4-768")

    visible = page.inner_text("body").replace("\u200b", "")
    assert IMAGE_NAME in visible and LINK_NAME in visible
    assert page.locator('img[src*="evil.example"]').count() == 0
    assert page.locator('a[href*="evil.example"]').count() == 0
    assert page.locator("main b, main strong").filter(has_text="vet").count() == 0
    assert not [url for url in requested if "evil.example" in url]
    context.close()
