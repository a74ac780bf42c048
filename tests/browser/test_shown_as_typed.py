"""What a family types is shown as typed on the screen: a double space stays double."""

from __future__ import annotations

import pytest
from app_server import TABLET, Server
from playwright.sync_api import Browser
from test_browser_app import button, settle, shown, type_into

pytestmark = pytest.mark.browser

NAME = "Zoë  van  Dijk"


def test_a_double_space_in_a_name_stays_on_the_screen(server: Server, browser: Browser) -> None:
    context = browser.new_context(viewport=TABLET, locale="nl-NL")
    page = context.new_page()
    page.goto(server.url)
    shown(page, "Samen kiezen")
    page.get_by_text("Testkeuze bij piekeren").first.click()
    settle(page)
    type_into(page, "De jongere (een voornaam of bijnaam is genoeg)", NAME)
    button(page, "Beginnen")
    shown(page, "Stap 1 van 9")
    for n in (2, 3, 4):
        button(page, "Volgende")
        shown(page, f"Stap {n} van 9")
    # innerText is the text as the browser lays it out: collapsed spaces would show as one.
    visible = page.inner_text("body").replace("\u00a0", " ")
    assert NAME in visible
    assert "Zoë van Dijk" not in visible
    context.close()
