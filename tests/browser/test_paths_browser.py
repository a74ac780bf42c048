"""The waiting-room path in a real browser, end to end on the tablet: one young person with a
peer worker, every step short, from the start page to the hand-off."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from app_server import ROOT, TABLET, Server
from family import (
    TEXT,
    button,
    no_error,
    plan_in_two_weeks,
    radio,
    select,
    settle,
    shown,
    snap,
    stored_documents,
    type_into,
)
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

# The browser tests' servers carry the first shipped grid (tests/browser/app_server.py).
GRID_FILE = sorted((ROOT / "option_grids").glob("*.json"))[0]
GRID = json.loads(GRID_FILE.read_text(encoding="utf-8"))
X = TEXT["nl"]


def next_step(page: Page, number: int) -> None:
    button(page, X["next"] if number < 10 else X["finish"])
    if number < 10:
        shown(page, X["step"].format(n=number))


def test_the_waiting_room_path_end_to_end_on_the_tablet(server: Server, page: Page, shots: Path) -> None:
    assert page.viewport_size == TABLET
    page.goto(server.url)
    shown(page, "Samen kiezen")
    page.get_by_text(GRID["title"]["nl"]).first.click()
    settle(page)
    type_into(page, "De jongere (een voornaam of bijnaam is genoeg)", "Sam")
    radio(page, "Hoeveel ouders of verzorgers zijn er?", "0")
    page.get_by_text("Een ervaringsdeskundige begeleidt dit gesprek").first.click()
    settle(page)
    # With a peer worker the short path is chosen already.
    short = page.locator('[data-testid="stRadio"] label').filter(has_text="Kort, voor de wachtkamer").first
    expect(short.locator("input")).to_be_checked()
    snap(page, shots, "paths-start-768")
    button(page, X["begin"])
    shown(page, X["step"].format(n=1))

    expect(page.get_by_role("button", name="Alles lezen")).to_be_visible()
    expect(page.get_by_text("Meer lezen").first).to_be_visible()  # the problem, cut short
    snap(page, shots, "paths-step1-768")
    next_step(page, 2)
    next_step(page, 3)
    # one table; a benefit and a harm question, each a row group
    expect(page.locator(".sdm-og-all th[scope='rowgroup']")).to_have_count(2)
    expect(page.locator("details.sdm-more").first).to_be_visible()
    snap(page, shots, "paths-step3-768")
    next_step(page, 4)

    shown_considerations = GRID["considerations"][:3]
    for consideration in shown_considerations:
        radio(page, consideration["text"]["nl"], "3")
    expect(page.get_by_text(GRID["considerations"][3]["text"]["nl"], exact=True)).to_have_count(0)
    option = GRID["options"][0]
    radio(page, X["lean"], option["label"]["nl"])
    snap(page, shots, "paths-step4-768")
    next_step(page, 5)
    radio(page, X["confidence"], "7")
    next_step(page, 6)
    shown(page, "De hulpverlener geeft het advies in het gesprek")
    next_step(page, 7)
    for item in GRID["understanding_checks"][:1]:
        radio(page, item["statement"]["nl"], "Klopt")
    next_step(page, 8)
    radio(page, X["mode"], X["later"])
    select(page, X["reason"], "We hebben meer informatie nodig")
    next_step(page, 9)
    plan_in_two_weeks(page, "nl")
    next_step(page, 10)
    shown(page, X["done"])
    no_error(page)
    snap(page, shots, "paths-finish-768")

    (document,) = stored_documents(Path(server.log).parent / "data")
    assert document["path"] == "waiting_room"
    assert [e["status"] for e in document["elements"]] == ["done"] * 7 + ["deferred", "done"]
