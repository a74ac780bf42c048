"""The app in a real browser: cold deep links, the whole flow in Dutch and English, reload
and resume, finish-and-clear, the idle timeout, screenshots at tablet and laptop size."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from a11y import Findings, check_page
from app_server import LAPTOP, PHONE, TABLET, Server, start_server
from family import (
    TEXT,
    WAIT,
    begin_with_test_grid,
    button,
    each_in_turn,
    full_flow,
    no_error,
    radio,
    settle,
    shown,
    snap,
    take_turn,
    type_into,
)
from playwright.sync_api import Browser, expect

pytestmark = pytest.mark.browser

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


@pytest.mark.parametrize("language", ["nl", "en"])
def test_full_flow(language: str, server: Server, browser: Browser, shots: Path) -> None:
    context = browser.new_context(viewport=TABLET, locale="nl-NL")
    page = context.new_page()
    hosts: set[str] = set()
    visited: list[str] = []
    # Every request that could leave the machine (blob: and data: URLs are made in the page).
    page.on(
        "request",
        lambda request: (
            hosts.add(urlsplit(request.url).hostname or request.url[:20])
            if urlsplit(request.url).scheme not in ("blob", "data")
            else None
        ),
    )
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
    code = page.locator(".sdm-resume strong").first.inner_text().strip()  # in view from step 1
    for n in (2, 3, 4):
        button(page, x["next"])
        shown(page, x["step"].format(n=n))
    snap(page, shots, "laptop-step3-to-4-1280")

    def values(_index: int, _name: str) -> None:
        radio(page, x["rating_group"], "3")
        radio(page, x["rating_group2"], "2")
        radio(page, x["lean"], "Medicijn")

    each_in_turn(page, "nl", (x["youth"], x["parent"]), values)
    button(page, x["next"])
    shown(page, x["step"].format(n=5))
    snap(page, shots, "laptop-step5-1280")

    page.reload()
    # The screen lost its conversation: it offers the code right there, in Dutch.
    shown(page, "Je gesprek is bewaard")
    type_into(page, "Je code", code)
    button(page, "Verder")
    shown(page, x["step"].format(n=5))
    take_turn(page, "nl", "Zoë")  # after a reload nobody's answers show until someone takes the tablet
    assert "Medicijn" in page.content()
    assert code not in page.url
    context.close()


def test_idle_asks_first_counts_reading_and_says_the_answers_are_saved(
    tmp_path: Path, browser: Browser, shots: Path
) -> None:
    """'Ben je er nog?' comes before the clear; a tap or a scroll keeps the screen; after the
    clear the start page says the answers are saved and how to come back."""
    server = start_server(tmp_path, SDM_AID_IDLE_SECONDS="10")
    try:
        context = browser.new_context(viewport=TABLET, locale="nl-NL")
        page = context.new_page()
        begin_with_test_grid(page, server, "nl")
        assert re.fullmatch(r"[A-Z0-9-]{6,}", page.locator(".sdm-resume strong").first.inner_text().strip())
        question = page.get_by_text("Ben je er nog?", exact=True)
        question.wait_for(state="visible", timeout=40_000)
        findings = Findings()
        check_page(page, findings, "idle-question-768", shots=shots)
        assert findings.problems == []
        button(page, "Ik ben er nog")
        question.wait_for(state="hidden", timeout=WAIT)
        question.wait_for(state="visible", timeout=40_000)
        page.mouse.move(300, 500)
        page.mouse.wheel(0, 300)  # reading: a scroll counts as activity
        question.wait_for(state="hidden", timeout=WAIT)
        assert "Stap 1 van 9" in page.content()
        shown(page, "Het scherm is gewist, omdat het een tijdje niet gebruikt werd.", timeout=60_000)
        shown(page, "Jullie antwoorden zijn bewaard. Verder gaan? Kies hieronder 'Verder met een code'")
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
        grid = page.locator("table.sdm-ogt:visible")  # on a phone: the two options picked
        expect(grid.locator(".sdm-icons img").first).to_be_visible(timeout=WAIT)
        # A real table survives Streamlit's HTML sanitiser: caption, column headers with scope.
        expect(grid.locator("caption").first).to_be_attached(timeout=WAIT)
        assert grid.locator("th[scope=col]").count() >= 2
        assert page.get_by_role("columnheader").count() >= 2
        # The table fits the screen: the page never scrolls sideways.
        assert page.evaluate("() => document.documentElement.scrollWidth") <= viewport["width"] + 1
        snap(page, shots, f"compare-{size}")
        grid.locator(".sdm-icons img").first.scroll_into_view_if_needed()
        snap(page, shots, f"compare-icons-{size}")
        sources = grid.locator("details.sdm-src summary").filter(has_text="Bronnen bij").first
        sources.click()
        expect(grid.locator("details.sdm-src[open] li").first).to_be_visible(timeout=WAIT)
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
    button(page, "Volgende")  # nothing filled in: one message names both people
    shown(page, "Nog niet iedereen heeft alles ingevuld")
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
