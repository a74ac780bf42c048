"""Nothing typed is ever lost, and "saved" always tells the truth (issue 9), in a real browser
against a real server: hand-overs, reloads, closed tabs, idle clears, a killed server, text
over its limit, a database that is gone, two devices, an erased session, recovery screens.

Every wait is on a condition (Streamlit idle, a text shown, a row in the database).
"""

from __future__ import annotations

import os
import re
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from app_server import TABLET, Server, start_server
from family import (
    TEXT,
    WAIT,
    begin_with_test_grid,
    button,
    each_in_turn,
    full_flow,
    radio,
    settle,
    shown,
    snap,
    stored_documents,
    take_turn,
    type_into,
)
from playwright.sync_api import Browser, BrowserContext, Page, expect

from sdm_aid.config import Settings
from sdm_aid.services.sessions import SessionService
from sdm_aid.storage.database import open_database

pytestmark = pytest.mark.browser

X = TEXT["nl"]
HELPS = "Wat zou helpen?"
HAND_OVER_ROUNDS = int(os.environ.get("SDM_AID_HAND_OVER_ROUNDS", "100"))
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def wait_until(check: Callable[[], bool], what: str, timeout: float = WAIT / 1000) -> None:
    """Poll a condition outside the browser (e.g. a row in the database)."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for: {what}")
        time.sleep(0.05)


def the_session(tmp_path: Path) -> dict:
    [document] = stored_documents(data_dir(tmp_path))
    return document


def youth_helps(tmp_path: Path) -> str | None:
    document = the_session(tmp_path)
    youth = document["answers"].get("youth", {})
    pending = document.get("pending", {})
    return pending.get("helps.youth.pills", youth.get("ability", {}).get("pills", {}).get("what_would_help"))


def to_step_5(page: Page, server: Server) -> str:
    """Begin with the test grid (Zoë and Ouder 1), both lean to Medicijn; returns the code."""
    begin_with_test_grid(page, server, "nl")
    code = page.locator(".sdm-resume strong").first.inner_text().strip()  # in view from step 1
    for n in (2, 3, 4):
        button(page, X["next"])
        shown(page, X["step"].format(n=n))

    def values(_index: int, _name: str) -> None:
        radio(page, X["rating_group"], "3")
        radio(page, X["rating_group2"], "2")
        radio(page, X["lean"], "Medicijn")

    each_in_turn(page, "nl", (X["youth"], X["parent"]), values)
    button(page, X["next"])
    shown(page, X["step"].format(n=5))
    take_turn(page, "nl", "Zoë")
    return code


def saved_line(page: Page) -> str:
    return page.locator(".sdm-saved").last.inner_text()


def wait_saved(page: Page) -> None:
    """Until the save line says everything on screen is saved."""
    expect(page.locator(".sdm-saved").last).to_have_text(
        re.compile(r"^Opgeslagen om \d\d:\d\d$"), timeout=WAIT
    )


def resume_here(page: Page, code: str) -> None:
    """Continue with the code where the screen lost the conversation; Zoë takes the tablet
    (after a reload nobody's answers show until someone takes it)."""
    shown(page, "Je gesprek is bewaard")
    type_into(page, "Je code", code)
    button(page, "Verder")
    take_turn(page, "nl", "Zoë")


@pytest.fixture
def tablet(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=TABLET, locale="nl-NL")
    yield context
    context.close()


def test_typed_text_and_a_choice_survive_an_immediate_hand_over(
    tmp_path: Path, tablet: BrowserContext, shots: Path
) -> None:
    server = start_server(tmp_path)
    try:
        page = tablet.new_page()
        to_step_5(page, server)
        lost: list[int] = []
        for round_ in range(HAND_OVER_ROUNDS):
            if round_ > 0:  # the tablet comes back to Zoë: through the same explicit hand-over
                take_turn(page, "nl", "Ouder 1")
                button(page, X["turn_last"])
                page.get_by_text(X["change"]).first.click()
                button(page, X["handover"].format(name="Zoë"))
                take_turn(page, "nl", "Zoë")
            text = f"Ronde {round_}: wat zou helpen?"
            page.get_by_label(HELPS, exact=True).first.fill(text)  # typed, still in the field
            confidence = page.locator('[data-testid="stRadio"]').filter(has=page.get_by_text(X["confidence"]))
            confidence.locator("label").filter(has_text=re.compile(rf"^{round_ % 11}$")).first.click()
            # At once, as a hurried peer worker would: no pause after typing or choosing.
            page.get_by_role("button", name=X["hand_to"].format(name="Ouder 1"), exact=True).first.click()
            settle(page)
            expect(page.get_by_text(X["take"].format(name="Ouder 1")).first).to_be_visible(timeout=WAIT)
            assert page.get_by_label(HELPS, exact=True).count() == 0  # Zoë's answers are hidden
            answer = the_session(tmp_path)["answers"]["youth"]["ability"].get("pills", {})
            if answer.get("what_would_help") != text or answer.get("confidence") != round_ % 11:
                lost.append(round_)
        snap(page, shots, "hand-over-after-rounds-768")
        print(f"\nhand-over: {HAND_OVER_ROUNDS} rounds, answers lost in {len(lost)}: {lost}")
        assert lost == []
    finally:
        server.stop()


def _type_and_wait(page: Page, text: str) -> None:
    """Type without leaving the field; the pause in typing saves it (no blur, no button)."""
    field = page.get_by_label(HELPS, exact=True).first
    field.click()
    field.press_sequentially(text, delay=15)
    expect(page.locator(".sdm-saved").last).to_have_text(re.compile("Nog niet opgeslagen"), timeout=WAIT)
    wait_saved(page)
    expect(field).to_be_focused()  # saved while typing, not because the field was left


def _saved_time_is_the_last_save(page: Page, tmp_path: Path) -> None:
    stored = datetime.fromisoformat(the_session(tmp_path)["updated_at"]).astimezone(AMSTERDAM)
    assert saved_line(page) == f"Opgeslagen om {stored:%H:%M}"


def test_typed_text_is_back_after_a_reload_and_a_closed_tab(
    tmp_path: Path, tablet: BrowserContext, shots: Path
) -> None:
    server = start_server(tmp_path)
    try:
        page = tablet.new_page()
        code = to_step_5(page, server)
        _type_and_wait(page, "Na school, met de bus")
        assert youth_helps(tmp_path) == "Na school, met de bus"

        page.reload()
        resume_here(page, code)
        expect(page.get_by_label(HELPS, exact=True).first).to_have_value(
            "Na school, met de bus", timeout=WAIT
        )
        _saved_time_is_the_last_save(page, tmp_path)  # shown after a resume, and true

        _type_and_wait(page, " en op woensdag")
        page.close()
        again = tablet.new_page()
        again.goto(server.url)
        resume_here(again, code)
        shown(again, X["step"].format(n=5))
        expect(again.get_by_label(HELPS, exact=True).first).to_have_value(
            "Na school, met de bus en op woensdag", timeout=WAIT
        )
        snap(again, shots, "typed-text-after-closed-tab-768")
    finally:
        server.stop()


def test_typed_text_is_back_after_the_idle_clear(tmp_path: Path, tablet: BrowserContext) -> None:
    server = start_server(tmp_path, SDM_AID_IDLE_SECONDS="12")
    try:
        page = tablet.new_page()
        code = to_step_5(page, server)
        _type_and_wait(page, "Een vaste dag")
        shown(page, "Het scherm is gewist, omdat het een tijdje niet gebruikt werd.", timeout=60_000)
        assert "Een vaste dag" not in page.content()
        page.get_by_role("tab", name="Verder met een code").click()
        type_into(page, "Je code", code)
        button(page, "Verder")
        take_turn(page, "nl", "Zoë")
        expect(page.get_by_label(HELPS, exact=True).first).to_have_value("Een vaste dag", timeout=WAIT)
    finally:
        server.stop()


def test_typed_text_is_back_after_the_server_is_killed(
    tmp_path: Path, tablet: BrowserContext, shots: Path
) -> None:
    server = start_server(tmp_path)
    try:
        page = tablet.new_page()
        code = to_step_5(page, server)
        _type_and_wait(page, "Iemand die meegaat")
        server.kill()
        # While the server is gone: a calm message in Dutch, not Streamlit's English dialog.
        shown(page, "De verbinding is even weg", timeout=60_000)
        snap(page, shots, "server-down-nl-768")
        assert not page.get_by_text("Connection error").first.is_visible()
        server = start_server(tmp_path, port=server.port)
        resume_here(page, code)  # the page reconnects by itself and offers the code
        expect(page.get_by_label(HELPS, exact=True).first).to_have_value("Iemand die meegaat", timeout=WAIT)
        _saved_time_is_the_last_save(page, tmp_path)
    finally:
        server.stop()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_recovery_screen_after_a_restart_speaks_the_session_language(
    language: str, tmp_path: Path, browser: Browser, shots: Path
) -> None:
    server = start_server(tmp_path)
    context = browser.new_context(viewport=TABLET, locale="nl-NL")  # a Dutch tablet either way
    try:
        page = context.new_page()
        begin_with_test_grid(page, server, language)
        server.stop()
        offline = {"nl": "De verbinding is even weg", "en": "The connection is lost for a moment"}
        shown(page, offline[language], timeout=60_000)
        server = start_server(tmp_path, port=server.port)
        saved = {"nl": "Je gesprek is bewaard", "en": "Your conversation is saved"}
        shown(page, saved[language])
        assert page.evaluate("() => document.documentElement.lang") == language
        assert page.locator('[data-testid="stException"]').count() == 0
        snap(page, shots, f"recovery-after-restart-{language}-768")
    finally:
        context.close()
        server.stop()


def test_a_paste_over_the_limit_keeps_every_character(
    tmp_path: Path, tablet: BrowserContext, shots: Path
) -> None:
    server = start_server(tmp_path)
    try:
        page = tablet.new_page()
        code = to_step_5(page, server)
        pasted = ("Dit is een lange tekst. " * 110)[:2499] + "!"  # 2,500 characters
        field = page.get_by_label(HELPS, exact=True).first
        field.click()
        field.fill(pasted)  # what a paste does to the field: all of it at once
        expect(field).to_have_value(pasted)  # nothing cut off, nothing emptied
        counter = page.locator('[data-sdm-over="1"]')
        expect(counter).to_have_attribute("data-sdm-count", re.compile("^500 tekens te veel"), timeout=WAIT)
        field.press("Tab")
        settle(page)
        shown(page, "Deze tekst is 500 tekens te lang")
        expect(field).to_have_value(pasted)
        wait_until(lambda: youth_helps(tmp_path) == pasted, "the pasted text saved as pasted")
        snap(page, shots, "paste-over-limit-768")
        page.reload()
        resume_here(page, code)
        expect(page.get_by_label(HELPS, exact=True).first).to_have_value(pasted, timeout=WAIT)
    finally:
        server.stop()


NOTE = "Wat moet de behandelaar weten? (bijvoorbeeld wat moeilijk was, of wat nog open staat)"


def test_the_note_stays_when_saving_fails_and_clearing_asks_first(
    tmp_path: Path, tablet: BrowserContext, shots: Path
) -> None:
    server = start_server(tmp_path)
    try:
        page = tablet.new_page()
        full_flow(page, server, "nl", shots, "note-outage", peer=True)
        database = data_dir(tmp_path) / "sdm_aid.sqlite3"
        away = database.with_name("unreachable.sqlite3")
        database.rename(away)  # the database is gone (a disk unmounted, a file moved)
        note = page.get_by_label(NOTE, exact=True).first
        note.fill("Zoë wil eerst met haar mentor praten.")
        button(page, "Notitie opslaan")
        shown(page, "Opslaan lukt nu niet")
        expect(note).to_have_value("Zoë wil eerst met haar mentor praten.")
        expect(page.locator(".sdm-saved").last).to_have_text(re.compile("^Niet opgeslagen"), timeout=WAIT)
        snap(page, shots, "note-save-failed-768")
        button(page, X["clear"])
        shown(page, "Je laatste antwoorden zijn NIET opgeslagen")
        button(page, "Nog niet wissen")
        expect(note).to_have_value("Zoë wil eerst met haar mentor praten.")

        away.rename(database)  # back again
        button(page, "Notitie opslaan")
        wait_saved(page)
        assert the_session(tmp_path)["handoff_note"] == "Zoë wil eerst met haar mentor praten."
    finally:
        server.stop()


def test_a_family_keeps_their_own_answers_in_a_two_device_conflict(
    tmp_path: Path, browser: Browser, shots: Path
) -> None:
    server = start_server(tmp_path)
    tablet = browser.new_context(viewport=TABLET, locale="nl-NL")
    phone = browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-NL")
    try:
        first = tablet.new_page()
        code = to_step_5(first, server)
        second = phone.new_page()
        second.goto(server.url)
        shown(second, "Samen kiezen")
        second.get_by_role("tab", name="Verder met een code").click()
        type_into(second, "Je code", code)
        button(second, "Verder")
        shown(second, X["step"].format(n=5))
        take_turn(second, "nl", "Zoë")  # Zoë's answers, on two screens at once

        type_into(first, HELPS, "Op de tablet getypt")
        wait_saved(first)
        type_into(second, HELPS, "Op de telefoon getypt")
        shown(second, "Er is niets overschreven")
        assert youth_helps(tmp_path) == "Op de tablet getypt"  # nothing was overwritten
        expect(second.get_by_label(HELPS, exact=True).first).to_have_value("Op de telefoon getypt")
        snap(second, shots, "conflict-choices-390")
        button(second, "Alles van dit scherm bewaren")
        wait_until(lambda: youth_helps(tmp_path) == "Op de telefoon getypt", "the phone's text kept")
        wait_saved(second)
    finally:
        tablet.close()
        phone.close()
        server.stop()


def _erase(tmp_path: Path) -> None:
    """What `sdm-aid erase` or the clinician page does, from another process's connection."""
    session_id = uuid.UUID(the_session(tmp_path)["id"])
    database = open_database(f"sqlite:///{data_dir(tmp_path) / 'sdm_aid.sqlite3'}")
    try:
        settings = Settings(
            data_dir=data_dir(tmp_path), database_url="sqlite:///unused", secret_key=b"x" * 32
        )
        SessionService(database, settings, now=lambda: datetime.now(UTC)).erase(session_id, by="test")
    finally:
        database.dispose()


def test_an_erased_session_stops_on_an_open_tablet(
    tmp_path: Path, tablet: BrowserContext, shots: Path
) -> None:
    server = start_server(tmp_path)
    try:
        page = tablet.new_page()
        full_flow(page, server, "nl", shots, "erase-open", peer=True)
        canary = f"GEHEIM-{uuid.uuid4().hex[:8]}"
        type_into(page, NOTE, canary)
        button(page, "Notitie opslaan")
        wait_saved(page)
        page.get_by_text("Bekijk de samenvatting en download die").first.click()
        settle(page)
        downloads: list[object] = []
        page.on("download", lambda download: downloads.append(download))
        expect(page.get_by_role("button", name="Download de samenvatting (pdf)")).to_be_visible(timeout=WAIT)

        _erase(tmp_path)
        files = [p for p in data_dir(tmp_path).glob("sdm_aid.sqlite3*") if p.is_file()]
        assert not any(canary.encode() in p.read_bytes() for p in files)  # nor in the WAL, server running

        page.get_by_role("button", name="Download de samenvatting (pdf)").click()
        shown(page, "Dit gesprek is gewist")
        assert downloads == []
        assert canary not in page.content() and "Zoë" not in page.content()
        snap(page, shots, "erased-on-open-tablet-768")
        page.get_by_text("Naar het begin").first.click()
        shown(page, "Samen kiezen")
    finally:
        server.stop()
