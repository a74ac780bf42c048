"""Wrong codes in a real browser against a real server: one family's typos make only their
own screen wait (and say how long); another family with the right code gets in. Both
browsers come from 127.0.0.1, as every tablet does behind a proxy on the same machine."""

from __future__ import annotations

import re

import pytest
from app_server import TABLET, Server
from playwright.sync_api import Browser, Page
from test_browser_app import begin_with_test_grid, button, settle, shown, type_into

pytestmark = pytest.mark.browser

WRONG = "ZZZZ-ZZZZ"


def open_resume_tab(page: Page, server: Server) -> None:
    page.goto(server.url)
    shown(page, "Samen kiezen")
    page.get_by_role("tab", name="Verder met een code").click()
    settle(page)


def try_code(page: Page, code: str) -> str:
    type_into(page, "Je code", code)
    button(page, "Verder")
    return page.locator('[data-testid="stAlertContentError"]').last.inner_text()


def test_five_wrong_codes_on_one_tablet_do_not_stop_another_family(server: Server, browser: Browser) -> None:
    family = browser.new_context(viewport=TABLET, locale="nl-NL")
    first_page = family.new_page()
    begin_with_test_grid(first_page, server, "nl")
    code = first_page.locator(".sdm-resume strong").first.inner_text().strip()  # in view from step 1
    family.close()

    typos = browser.new_context(viewport=TABLET, locale="nl-NL")
    tablet = typos.new_page()
    open_resume_tab(tablet, server)
    for _ in range(4):
        assert try_code(tablet, WRONG).startswith("Deze code werkt niet. Kijk de code na en probeer")
    fifth = try_code(tablet, WRONG)
    assert re.search(r"Over 1\d seconden kun je het opnieuw proberen\.", fifth), fifth
    refused = try_code(tablet, code)  # the right code, but this screen has to wait first
    assert re.search(r"Wacht 1?\d seconden en probeer het dan opnieuw\.", refused), refused
    assert "Stap" not in tablet.inner_text("body")

    other = browser.new_context(viewport=TABLET, locale="nl-NL")
    other_tablet = other.new_page()
    open_resume_tab(other_tablet, server)
    type_into(other_tablet, "Je code", code)
    button(other_tablet, "Verder")
    shown(other_tablet, "Stap 1 van 9")
    typos.close()
    other.close()


def test_the_browser_offers_no_earlier_names_or_codes(server: Server, browser: Browser) -> None:
    context = browser.new_context(viewport=TABLET, locale="nl-NL")
    page = context.new_page()
    page.goto(server.url)
    shown(page, "Samen kiezen")
    for label in (
        "De jongere (een voornaam of bijnaam is genoeg)",
        "Ouder of verzorger 1 (een naam of bijnaam)",
    ):
        assert page.get_by_label(label, exact=True).get_attribute("autocomplete") == "off"
    page.get_by_role("tab", name="Verder met een code").click()
    settle(page)
    assert page.get_by_label("Je code", exact=True).get_attribute("autocomplete") == "off"
    context.close()
