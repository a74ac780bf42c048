"""The Option Grid in a real browser (issue 13, point 7): /compare on a tablet and a phone.

- The options stay in view as column headers while the questions scroll by (sticky header).
- A long answer shows about 25 words; "Meer lezen" opens the rest without a script run.
- On a phone, two options side by side: picking a third replaces the older one.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from app_server import PHONE, TABLET, Server
from family import settle, snap
from playwright.sync_api import Browser, expect

pytestmark = pytest.mark.browser


def open_compare(browser: Browser, server: Server, viewport: dict[str, int]):
    page = browser.new_context(viewport=viewport, locale="nl-NL").new_page()
    page.goto(f"{server.url}/compare")
    page.locator("table.sdm-ogt:visible").first.wait_for()
    settle(page)
    return page


def test_the_option_headers_stay_in_view_while_the_questions_scroll(
    browser: Browser, server: Server, shots: Path
) -> None:
    page = open_compare(browser, server, TABLET)
    table = page.locator("table.sdm-ogt:visible").first
    headers = table.locator("thead th")
    assert headers.count() == 4
    page.locator("table.sdm-ogt:visible tbody").last.scroll_into_view_if_needed()
    expect(headers.first).to_be_in_viewport()
    first_header = headers.first.bounding_box()
    last_question = page.locator("table.sdm-ogt:visible tbody").last.bounding_box()
    assert first_header is not None and last_question is not None
    assert 0 <= first_header["y"] < 120 < last_question["y"] + last_question["height"]
    snap(page, shots, "grid-tablet-scrolled")

    more = page.locator("table.sdm-ogt:visible details.sdm-more").first
    expect(more.locator("p")).to_be_hidden()
    more.locator("summary").click()
    expect(more.locator("p")).to_be_visible()  # the rest of the answer, no script run needed
    page.context.close()


def test_on_a_phone_two_options_side_by_side_picked_with_a_tap(
    browser: Browser, server: Server, shots: Path
) -> None:
    page = open_compare(browser, server, PHONE)
    visible = page.locator("table.sdm-ogt:visible")
    expect(visible).to_have_count(1)
    names = visible.locator("thead th")
    expect(names).to_have_count(2)
    pills = page.locator(".st-key-sdm-grid-pick button")
    expect(pills).to_have_count(4)
    third = pills.nth(3).inner_text().strip()
    second = names.nth(1).inner_text().strip()
    pills.nth(3).click()
    settle(page)
    expect(page.locator("table.sdm-ogt:visible thead th")).to_have_count(2)
    assert [n.strip() for n in page.locator("table.sdm-ogt:visible thead th").all_inner_texts()] == [
        second,
        third,
    ]
    snap(page, shots, "grid-phone-picked")
    page.context.close()
