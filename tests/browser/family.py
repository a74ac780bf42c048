"""Shared browser-test steps for the family pages: wait for Streamlit to settle, press a
button, choose a radio option, fill a field; the texts of the test grid in Dutch and English;
beginning a conversation. Waits are conditions, never fixed sleeps."""

from __future__ import annotations

import os
import re
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from app_server import Server
from playwright.sync_api import Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

WAIT = 30_000


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


TEXT = {
    "nl": {
        "begin": "Beginnen",
        "next": "Volgende",
        "finish": "Afronden",
        "step": "Stap {n} van 9",
        "take": "Ik ben {name}: laat mijn vragen zien",
        "hand_to": "Klaar. Geef de tablet aan {name}",
        "handover": "Geef de tablet aan {name}",
        "turn_last": "Klaar",
        "change": "Een antwoord veranderen",
        "rating_group": "Snel resultaat",
        "rating_group2": "Geen medicijnen",
        "lean": "Naar welke keuze neig je nu?",
        "option": "Gesprekken",
        "confidence": "Hoe zeker ben je dat dit lukt? 0 = helemaal niet, 10 = heel zeker",
        "statement": "Er is maar één goede keuze.",
        "not_true": "Klopt niet",
        "mode": "Wat doen jullie nu?",
        "later": "We kiezen later",
        "reason": "Waarom kiezen jullie later?",
        "reason_option": "thuis bespreken",
        "yes": "Ja",
        "in_two_weeks": "Over 2 weken",
        "time": "Tijd",
        "planned": "Gepland:",
        "done": "Alle stappen zijn klaar",
        "clear": "Afronden en wissen",
        "new": "Een nieuw gesprek beginnen",
        "parent": "Ouder 1",
        "your_turn": "{name}, jij bent aan de beurt",
        "youth": "Zoë",
    },
    "en": {
        "begin": "Begin",
        "next": "Next",
        "finish": "Finish",
        "step": "Step {n} of 9",
        "take": "I am {name}: show my questions",
        "hand_to": "Done. Give the tablet to {name}",
        "handover": "Give the tablet to {name}",
        "turn_last": "Done",
        "change": "Change an answer",
        "rating_group": "Quick results",
        "rating_group2": "No medicine",
        "lean": "Which option do you lean to now?",
        "option": "Talking therapy",
        "confidence": "How sure are you that you can do this? 0 = not at all, 10 = completely",
        "statement": "There is only one right choice.",
        "not_true": "Not true",
        "mode": "What do you do now?",
        "later": "We choose later",
        "reason": "Why do you choose later?",
        "reason_option": "talk it over at home",
        "yes": "Yes",
        "in_two_weeks": "In 2 weeks",
        "time": "Time",
        "planned": "Planned:",
        "done": "All steps are finished",
        "clear": "Finish and clear",
        "new": "Start a new conversation",
        "parent": "Parent 1",
        "your_turn": "{name}, it is your turn",
        "youth": "Zoë",
    },
}


def begin_with_test_grid(page: Page, server: Server, language: str, *, peer: bool = False) -> None:
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
    if peer:
        page.get_by_text(
            "Een ervaringsdeskundige begeleidt dit gesprek"
            if language == "nl"
            else "A peer worker guides this conversation"
        ).first.click()
        settle(page)
    button(page, TEXT[language]["begin"])
    shown(page, TEXT[language]["step"].format(n=1))


def pill(page: Page, name: str) -> None:
    """Tap a pill (one of a row of choice buttons) and wait until it shows as chosen."""
    pills = page.locator('[data-testid="stButtonGroup"] button')
    chosen = pills.filter(has_text=re.compile(rf"^{re.escape(name)}$")).first
    handle = chosen.element_handle(timeout=WAIT)
    chosen.click()
    page.wait_for_function(
        "b => !b.isConnected || b.getAttribute('aria-checked') === 'true'"
        " || b.getAttribute('aria-pressed') === 'true'",
        arg=handle,
        timeout=WAIT,
    )
    settle(page)


def plan_in_two_weeks(page: Page, language: str) -> None:
    """Step 9 in two taps and a time: 'in 2 weeks', then 14:00; planned at once."""
    x = TEXT[language]
    pill(page, x["in_two_weeks"])
    # The time by keyboard, as on a phone the open list can lie under the next field's label:
    # typing filters the list to the one time, Enter takes the option that has the focus.
    page.get_by_label(x["time"], exact=True).first.click()
    page.keyboard.type("14:00")
    page.get_by_role("option", name="14:00", exact=True).first.wait_for(timeout=WAIT)
    page.keyboard.press("Enter")
    settle(page)
    shown(page, x["planned"])


def stored_documents(data_dir: Path) -> list[dict[str, Any]]:
    """The session documents in a test server's SQLite database (read directly)."""
    import json

    with sqlite3.connect(data_dir / "sdm_aid.sqlite3") as connection:
        rows = connection.execute("SELECT document FROM sessions").fetchall()
    return [json.loads(row[0]) if isinstance(row[0], str) else row[0] for row in rows]


def take_turn(page: Page, language: str, name: str) -> None:
    """'I am Zoë: show my questions' (the tablet was handed over)."""
    button(page, TEXT[language]["take"].format(name=name))
    shown(page, TEXT[language]["your_turn"].format(name=name))


def hand_to(page: Page, language: str, name: str) -> None:
    """'Done. Give the tablet to Ouder 1': the answers on screen are saved, then hidden."""
    button(page, TEXT[language]["hand_to"].format(name=name))
    shown(page, TEXT[language]["take"].format(name=name))


def each_in_turn(page: Page, language: str, people: tuple[str, ...], answer: Any) -> None:
    """Every person on the tablet answers in turn: take it, answer, hand it on."""
    for index, name in enumerate(people):
        if index == 0:
            take_turn(page, language, name)
        answer(index, name)
        if index + 1 < len(people):
            hand_to(page, language, people[index + 1])
            take_turn(page, language, people[index + 1])
        else:
            button(page, TEXT[language]["turn_last"])


def full_flow(
    page: Page, server: Server, language: str, shots: Path, tag: str, *, peer: bool = False
) -> None:
    """Every step, both people (one at a time on the tablet), a deferral and a planned
    follow-up, to the hand-off page."""
    x = TEXT[language]
    people = (x["youth"], x["parent"])
    begin_with_test_grid(page, server, language, peer=peer)
    snap(page, shots, f"{tag}-step1")
    for n in (2, 3, 4):
        button(page, x["next"])
        shown(page, x["step"].format(n=n))
        if n in (2, 3):
            snap(page, shots, f"{tag}-step{n}")

    def values(index: int, _name: str) -> None:
        radio(page, x["rating_group"], "4" if index == 0 else "1")
        radio(page, x["rating_group2"], "0" if index == 0 else "4")
        radio(page, x["lean"], x["option"])
        if index == 0:
            snap(page, shots, f"{tag}-step4-youth")

    each_in_turn(page, language, people, values)
    snap(page, shots, f"{tag}-step4")
    button(page, x["next"])
    shown(page, x["step"].format(n=5))
    take_turn(page, language, people[0])  # one person's confidence is enough to go on
    radio(page, x["confidence"], "7")
    snap(page, shots, f"{tag}-step5")
    button(page, x["next"])
    shown(page, x["step"].format(n=6))
    button(page, x["next"])
    shown(page, x["step"].format(n=7))
    each_in_turn(page, language, people, lambda _i, _n: radio(page, x["statement"], x["not_true"]))
    snap(page, shots, f"{tag}-step7")
    button(page, x["next"])
    shown(page, x["step"].format(n=8))
    radio(page, x["mode"], x["later"])
    select(page, x["reason"], x["reason_option"], exact=False)
    snap(page, shots, f"{tag}-step8")
    button(page, x["next"])
    shown(page, x["step"].format(n=9))
    plan_in_two_weeks(page, language)
    expect(page.locator('[data-testid="stDownloadButton"]')).to_have_count(1)
    snap(page, shots, f"{tag}-step9")
    button(page, x["finish"])
    shown(page, x["done"])
    no_error(page)
    snap(page, shots, f"{tag}-finish")
