"""Every family page at tablet (768x1024) and phone (390x844) size, in one walk per size
(issue 13): Next in view without scrolling on every step, every target at least 44x44, a strong focus ring,
`<html lang>` the session's language, none of Streamlit's English words on a Dutch page,
the focus on the step heading after Next (and a title per step), "Help now" on every page,
and axe-core at WCAG 2.2 A/AA on every page and state of the walk.

Screenshots (the first screen and the whole page) land in SDM_AID_SCREENSHOT_DIR.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from a11y import Findings, check_page, focus_ring, heading_has_focus, next_in_view
from app_server import PHONE, TABLET, start_server
from family import (
    TEXT,
    begin_with_test_grid,
    button,
    each_in_turn,
    hand_to,
    no_error,
    pill,
    plan_in_two_weeks,
    radio,
    select,
    settle,
    shown,
    take_turn,
)
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

X = TEXT["nl"]
PEOPLE = (X["youth"], X["parent"])


def _help_now(page: Page, findings: Findings, where: str, shots: Path, phone: bool) -> None:
    """'Hulp nu' opens 113, 112, the GP and Veilig Thuis, with numbers a phone can dial."""
    page.get_by_role("button", name="Hulp nu").first.click()
    shown(page, "113 Zelfmoordpreventie")
    for number in ("tel:08000113", "tel:112", "tel:08002000"):
        if page.locator(f'a[href="{number}"]').count() != 1:
            findings.add(where, f"no link to {number}")
    check_page(page, findings, where, shots=shots, phone=phone)
    page.keyboard.press("Escape")
    settle(page)


def _step(
    page: Page, findings: Findings, n: int, tag: str, shots: Path, phone: bool, *, state: str = ""
) -> None:
    where = f"{tag}-step{n}{state}"
    check_page(page, findings, where, shots=shots, phone=phone)
    next_in_view(page, findings, where, X["finish"] if n == 9 else X["next"])


def _next(page: Page, findings: Findings, n: int, tag: str) -> None:
    """Next, then the new step: its heading has the focus and the title names it."""
    button(page, X["next"])
    shown(page, X["step"].format(n=n))
    heading_has_focus(page, findings, f"{tag}-step{n}")


@pytest.mark.parametrize("size", [TABLET, PHONE], ids=["tablet", "phone"])
def test_every_family_page_at_tablet_and_phone_size(
    size: dict[str, int], tmp_path: Path, browser: Browser, shots: Path
) -> None:
    phone = size is PHONE
    tag = f"{'phone' if phone else 'tablet'}-{size['width']}"
    server = start_server(tmp_path)
    findings = Findings()
    titles: set[str] = set()
    try:
        context = browser.new_context(viewport=size, locale="nl-NL", has_touch=phone, is_mobile=phone)
        page = context.new_page()
        page.goto(server.url)
        shown(page, "Samen kiezen")
        check_page(page, findings, f"{tag}-start", shots=shots, phone=phone)
        _help_now(page, findings, f"{tag}-start-help", shots, phone)

        begin_with_test_grid(page, server, "nl", peer=True)
        _step(page, findings, 1, tag, shots, phone)
        titles.add(page.title())
        for n in (2, 3, 4):
            _next(page, findings, n, tag)
            titles.add(page.title())
            if n == 2:
                focus_ring(page, findings, f"{tag}-step2-tab")
            if n < 4:
                _step(page, findings, n, tag, shots, phone)
        _step(page, findings, 4, tag, shots, phone, state="-handover")

        def values(index: int, _name: str) -> None:
            radio(page, X["rating_group"], "4" if index == 0 else "1")
            radio(page, X["rating_group2"], "0" if index == 0 else "4")
            radio(page, X["lean"], X["option"])
            if index == 0:
                _step(page, findings, 4, tag, shots, phone, state="-youth")

        each_in_turn(page, "nl", PEOPLE, values)
        _step(page, findings, 4, tag, shots, phone, state="-together")

        _next(page, findings, 5, tag)
        take_turn(page, "nl", PEOPLE[0])
        radio(page, X["confidence"], "7")
        pill(page, "Reizen")  # a pill, not a list with "Select all"
        _step(page, findings, 5, tag, shots, phone, state="-youth")
        hand_to(page, "nl", PEOPLE[1])
        _step(page, findings, 5, tag, shots, phone, state="-handover")

        _next(page, findings, 6, tag)
        _step(page, findings, 6, tag, shots, phone)
        _next(page, findings, 7, tag)
        each_in_turn(page, "nl", PEOPLE, lambda _i, _n: radio(page, X["statement"], X["not_true"]))
        _step(page, findings, 7, tag, shots, phone)
        _next(page, findings, 8, tag)
        radio(page, X["mode"], X["later"])
        select(page, X["reason"], X["reason_option"], exact=False)
        _step(page, findings, 8, tag, shots, phone)
        _next(page, findings, 9, tag)
        plan_in_two_weeks(page, "nl")
        _step(page, findings, 9, tag, shots, phone)
        titles.add(page.title())
        _help_now(page, findings, f"{tag}-step9-help", shots, phone)

        button(page, X["finish"])
        shown(page, X["done"])
        check_page(page, findings, f"{tag}-finish", shots=shots, phone=phone)
        no_error(page)

        page.goto(f"{server.url}/compare")
        shown(page, "De keuzes vergelijken")
        check_page(page, findings, f"{tag}-compare", shots=shots, phone=phone)
        context.close()
    finally:
        server.stop()
    assert findings.problems == [], "\n".join(findings.problems)
    assert findings.axe_states == 17  # every page and state above
    assert len(titles) == 5, titles  # steps 1-4 and 9 each have their own title
