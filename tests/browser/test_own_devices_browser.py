"""Every voice on its own screen (issue 14), in Chromium against a real server.

Three browser contexts share one conversation: the tablet in the waiting room (Sam, 15, with
the peer worker), Mama on her own phone (390x844), and Papa, who joins later from home. Sam
keeps his answers private. Every answer must end up in the right person's record, no parent's
screen may ever show Sam's private answers (checked in the DOM and in the page's text), and
the clinician's copy has them all.

The same three-person session is also run on the tablet alone, and the taps and screens each
person needs are printed side by side (the figures in the closing note of issue 14).
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
import uuid
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest
from app_server import LAPTOP, PHONE, ROOT, TABLET, Server, start_server
from family import WAIT, button, plan_in_two_weeks, radio, select, settle, shown, snap, type_into
from playwright.sync_api import Browser, Page, expect

from sdm_aid.content.loader import load_grid
from sdm_aid.render.summary import build_summary
from sdm_aid.sessions import versions

pytestmark = pytest.mark.browser

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SECRET = f"GEHEIM-{uuid.uuid4().hex[:6]}"
"""Sam's private question: it may be on Sam's screen and in the clinician's copy only."""
PRIVATE = "Houd mijn antwoorden bij deze stap privé: alleen de hulpverlener ziet ze"
QUESTIONS = "Je eigen vragen (één per regel)"
STATEMENT = "Er is maar één goede keuze."


class Taps:
    """Counts what each person does (taps, typed fields) and which screens they see."""

    def __init__(self) -> None:
        self.taps: Counter[str] = Counter()
        self.screens: Counter[str] = Counter()

    def tap(self, who: str, count: int = 1) -> None:
        self.taps[who] += count

    def screen(self, who: str, page: Page) -> None:
        """`who` looks at a new screen (a step, a part, or their turn on the tablet)."""
        assert page.locator(".sdm-step").last.inner_text(timeout=WAIT).strip()
        self.screens[who] += 1

    def figures(self, people: tuple[str, ...]) -> str:
        return ", ".join(f"{who} {self.taps[who]} taps / {self.screens[who]} screens" for who in people)


def click(page: Page, taps: Taps, who: str, name: str) -> None:
    taps.tap(who)
    button(page, name)


def choose(page: Page, taps: Taps, who: str, group: str, option: str) -> None:
    taps.tap(who)
    radio(page, group, option)


def fill(page: Page, taps: Taps, who: str, label: str, text: str) -> None:
    taps.tap(who)
    type_into(page, label, text)


def the_document(data: Path) -> dict:
    with sqlite3.connect(data / "data" / "sdm_aid.sqlite3") as connection:
        [(document,)] = connection.execute("SELECT document FROM sessions").fetchall()
    return json.loads(document) if isinstance(document, str) else document


def no_private_answers(page: Page) -> None:
    """Nothing of Sam's private answers: not his question, no widget of his, no rating."""
    settle(page)
    html = page.content()
    assert SECRET not in html and SECRET not in page.inner_text("body")
    assert page.locator("[class*='youth']").count() == 0  # no widget of Sam's (keys name the person)
    for cell in page.locator("table.sdm-table tr").all():
        cells = cell.locator("td").all_inner_texts()
        if cells and cell.locator("th").first.inner_text() != "Wat belangrijk is":
            assert cells[0] in ("privé", ""), cells  # Sam's column: 'private', never a rating


def begin(page: Page, server: Server, taps: Taps) -> None:
    page.goto(server.url)
    shown(page, "Samen kiezen")
    taps.tap("peer worker")
    page.get_by_text("Testkeuze bij piekeren").first.click()
    settle(page)
    fill(page, taps, "peer worker", "De jongere (een voornaam of bijnaam is genoeg)", "Sam")
    fill(page, taps, "peer worker", "Ouder of verzorger 1 (een naam of bijnaam)", "Mama")
    click(page, taps, "peer worker", "Beginnen")
    shown(page, "Stap 1 van 9")


def invite(page: Page, taps: Taps, name: str) -> str:
    """From the tablet's 'who takes part' panel: a personal code for `name`."""
    panel = page.get_by_text("Wie doet mee, en waar").first
    if page.get_by_role("button", name=f"{name} antwoordt op een eigen telefoon").count() == 0:
        taps.tap("peer worker")
        panel.click()
        settle(page)
    click(page, taps, "peer worker", f"{name} antwoordt op een eigen telefoon")
    shown(page, f"Persoonlijke code voor {name}")
    expect(page.locator("img.sdm-qr")).to_be_visible(timeout=WAIT)
    code = page.locator(".st-key-sdm-invitation .sdm-code").first.inner_text().strip()
    assert re.fullmatch(r"[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}", code)
    src = page.locator("img.sdm-qr").get_attribute("src") or ""
    assert code not in src and code.replace("-", "") not in src  # the QR code leads to the start page only
    click(page, taps, "peer worker", "Klaar: code verbergen")
    return code


def join(page: Page, server: Server, code: str, name: str, taps: Taps) -> None:
    page.goto(server.url)
    shown(page, "Samen kiezen")
    taps.tap(name)
    page.get_by_role("tab", name="Verder met een code").click()
    fill(page, taps, name, "Je code", code)
    click(page, taps, name, "Verder")
    shown(page, f"Hoi {name}")
    assert code not in page.url


def own_walk(page: Page, taps: Taps, name: str, ratings: tuple[str, str], leaning: str, shots: Path) -> None:
    """A parent answers everything on their own device, looking at every screen."""
    for part in range(1, 8):
        shown(page, f"Deel {part} van 7")
        taps.screen(name, page)
        no_private_answers(page)
        if part == 4:
            choose(page, taps, name, "Snel resultaat", ratings[0])
            choose(page, taps, name, "Geen medicijnen", ratings[1])
            choose(page, taps, name, "Naar welke keuze neig je nu?", leaning)
            no_private_answers(page)
            snap(page, shots, f"own-{name}-values-390")
        elif part == 5:
            confidence_for_every_option(page, taps, name)
        elif part == 6:
            fill(page, taps, name, QUESTIONS, f"Vraag van {name}")
        elif part == 7:
            choose(page, taps, name, STATEMENT, "Klopt niet")
        click(page, taps, name, "Volgende")
    shown(page, f"Dank je wel, {name}. Je antwoorden zijn bewaard.")
    taps.screen(name, page)
    no_private_answers(page)


CONFIDENCE = "Hoe zeker ben je dat dit lukt? 0 = helemaal niet, 10 = heel zeker"


def confidence_for_every_option(page: Page, taps: Taps, name: str) -> None:
    """Step 5 asks about every option someone leans to: one confidence for each."""
    groups = page.locator('[data-testid="stRadio"]').filter(has=page.get_by_text(CONFIDENCE, exact=True))
    for index in range(groups.count()):
        choice = groups.nth(index).locator("label").filter(has_text=re.compile(r"^6$")).first
        field = choice.locator("input").element_handle(timeout=WAIT)
        taps.tap(name)
        choice.click()
        page.wait_for_function("input => input.checked", arg=field, timeout=WAIT)
        settle(page)


def every_session(desk: Page) -> None:
    """On the clinician's list: 'All' instead of what it opens on (what needs attention)."""
    desk.get_by_label("Follow-up", exact=True).click()
    desk.get_by_role("option", name="All", exact=True).click()
    settle(desk)


def tablet_step(page: Page, taps: Taps, n: int) -> None:
    click(page, taps, "peer worker", "Volgende")
    shown(page, f"Stap {n} van 9")
    taps.screen("peer worker", page)


def test_three_devices_one_conversation_and_private_stays_private(
    tmp_path: Path, browser: Browser, shots: Path
) -> None:
    server = start_server(tmp_path)
    tablet = browser.new_context(viewport=TABLET, locale="nl-NL").new_page()
    mama = browser.new_context(viewport=PHONE, locale="nl-NL").new_page()
    papa = browser.new_context(viewport=PHONE, locale="nl-NL").new_page()
    taps = Taps()
    try:
        begin(tablet, server, taps)
        taps.screen("peer worker", tablet)
        mama_code = invite(tablet, taps, "Mama")
        join(mama, server, mama_code, "Mama", taps)
        snap(mama, shots, "own-Mama-start-390")

        for n in (2, 3, 4):
            tablet_step(tablet, taps, n)
        # Sam is the only one on the tablet: no hand-over needed, his questions show at once.
        shown(tablet, "Sam, jij bent aan de beurt")
        taps.screen("Sam", tablet)
        choose(tablet, taps, "Sam", "Snel resultaat", "4")
        choose(tablet, taps, "Sam", "Geen medicijnen", "0")
        choose(tablet, taps, "Sam", "Naar welke keuze neig je nu?", "Gesprekken")
        taps.tap("Sam")
        tablet.get_by_text(PRIVATE).first.click()
        settle(tablet)
        snap(tablet, shots, "own-tablet-sam-private-768")

        own_walk(mama, taps, "Mama", ("1", "4"), "Medicijn", shots)

        # Papa was not there at the start: added later, invited, and answering from home.
        taps.tap("peer worker")
        tablet.get_by_text("Wie doet mee, en waar").first.click()
        settle(tablet)
        fill(tablet, taps, "peer worker", "Naam of bijnaam", "Papa")
        click(tablet, taps, "peer worker", "Toevoegen")
        papa_code = invite(tablet, taps, "Papa")
        join(papa, server, papa_code, "Papa", taps)
        own_walk(papa, taps, "Papa", ("4", "1"), "Nu afwachten", shots)

        click(tablet, taps, "Sam", "Klaar")
        shown(tablet, "Iedereen op deze tablet is aan de beurt geweest.")
        # The shared screen shows where everyone differs; Sam's private answers only as 'privé'.
        expect(tablet.locator("table.sdm-table td.sdm-private").first).to_be_visible(timeout=WAIT)
        assert "Ver uit elkaar: Mama en Papa" in tablet.inner_text("body")
        snap(tablet, shots, "own-tablet-compare-768")
        tablet_step(tablet, taps, 5)
        shown(tablet, "Sam, jij bent aan de beurt")
        taps.screen("Sam", tablet)
        confidence_for_every_option(tablet, taps, "Sam")
        tablet_step(tablet, taps, 6)
        taps.screen("Sam", tablet)
        fill(tablet, taps, "Sam", QUESTIONS, SECRET)
        taps.tap("Sam")
        tablet.get_by_text(PRIVATE).first.click()
        settle(tablet)
        tablet_step(tablet, taps, 7)
        taps.screen("Sam", tablet)
        choose(tablet, taps, "Sam", STATEMENT, "Klopt niet")
        tablet_step(tablet, taps, 8)
        choose(tablet, taps, "peer worker", "Wat doen jullie nu?", "We kiezen later")
        taps.tap("peer worker")
        select(tablet, "Waarom kiezen jullie later?", "thuis bespreken", exact=False)
        tablet_step(tablet, taps, 9)

        # Mama and Papa look at everything again, and at the family's summary.
        for name, page in (("Mama", mama), ("Papa", papa)):
            page.reload()
            shown(page, "Je gesprek is bewaard")
            type_into(page, "Je code", mama_code if name == "Mama" else papa_code)
            button(page, "Verder")
            shown(page, f"Hoi {name}")
            for part in range(1, 8):
                shown(page, f"Deel {part} van 7")
                no_private_answers(page)
                button(page, "Volgende")
            snap(page, shots, f"own-{name}-end-390")
            page.get_by_text("Bekijk de samenvatting en download die").first.click()
            shown(page, "Samenvatting van onze keuze")
            no_private_answers(page)
            assert "privé" in page.inner_text("body")
            snap(page, shots, f"own-{name}-summary-390")

        document = the_document(tmp_path)
        session = versions.read(document)
        answers = session.answers
        assert answers["youth"].importance == {"quick": 4, "no-pills": 0}
        assert answers["youth"].questions == [SECRET]
        assert set(answers["youth"].private_steps) == {"values", "recommendation"}
        assert answers["parent-1"].importance == {"quick": 1, "no-pills": 4}
        assert answers["parent-1"].leaning == "pills" and answers["parent-1"].questions == ["Vraag van Mama"]
        assert answers["parent-2"].importance == {"quick": 4, "no-pills": 1}
        assert answers["parent-2"].leaning == "wait" and answers["parent-2"].questions == ["Vraag van Papa"]
        papa_person = session.participant("parent-2")
        assert papa_person.label == "Papa" and papa_person.joined_at is not None
        grid = load_grid(FIXTURES / "grid_minimal.json").grid
        now = datetime.now(UTC)
        clinician = "\n".join(build_summary(session, grid, copy="clinician", generated_at=now).texts())
        family = "\n".join(build_summary(session, grid, copy="family", generated_at=now).texts())
        assert SECRET in clinician and "Sam (privé)" in clinician
        assert SECRET not in family

        print("\nown devices: " + taps.figures(("peer worker", "Sam", "Mama", "Papa")))
    finally:
        for page in (tablet, mama, papa):
            page.context.close()
        server.stop()


def test_the_same_three_people_on_one_tablet(tmp_path: Path, browser: Browser, shots: Path) -> None:
    """The figures to compare with: Sam, Mama and Papa taking turns on the tablet."""
    server = start_server(tmp_path)
    tablet = browser.new_context(viewport=TABLET, locale="nl-NL").new_page()
    taps = Taps()
    people = ("Sam", "Mama", "Papa")
    try:
        tablet.goto(server.url)
        shown(tablet, "Samen kiezen")
        taps.tap("peer worker")
        tablet.get_by_text("Testkeuze bij piekeren").first.click()
        settle(tablet)
        fill(tablet, taps, "peer worker", "De jongere (een voornaam of bijnaam is genoeg)", "Sam")
        choose(tablet, taps, "peer worker", "Hoeveel ouders of verzorgers zijn er?", "2")
        fill(tablet, taps, "peer worker", "Ouder of verzorger 1 (een naam of bijnaam)", "Mama")
        fill(tablet, taps, "peer worker", "Ouder of verzorger 2 (een naam of bijnaam)", "Papa")
        click(tablet, taps, "peer worker", "Beginnen")
        shown(tablet, "Stap 1 van 9")

        def in_turn(answer) -> None:  # type: ignore[no-untyped-def]
            for index, name in enumerate(people):
                click(tablet, taps, name, f"Ik ben {name}: laat mijn vragen zien")
                taps.screen(name, tablet)
                answer(name)
                following = people[index + 1] if index + 1 < len(people) else None
                click(tablet, taps, name, f"Klaar. Geef de tablet aan {following}" if following else "Klaar")

        ratings = {
            "Sam": ("4", "0", "Gesprekken"),
            "Mama": ("1", "4", "Medicijn"),
            "Papa": ("4", "1", "Nu afwachten"),
        }
        for n in (2, 3, 4):
            tablet_step(tablet, taps, n)

        def values(name: str) -> None:
            quick, pills, leaning = ratings[name]
            choose(tablet, taps, name, "Snel resultaat", quick)
            choose(tablet, taps, name, "Geen medicijnen", pills)
            choose(tablet, taps, name, "Naar welke keuze neig je nu?", leaning)
            if name == "Sam":
                taps.tap("Sam")
                tablet.get_by_text(PRIVATE).first.click()
                settle(tablet)

        in_turn(values)
        snap(tablet, shots, "tablet-three-compare-768")
        tablet_step(tablet, taps, 5)
        in_turn(lambda name: confidence_for_every_option(tablet, taps, name))
        tablet_step(tablet, taps, 6)
        in_turn(lambda name: fill(tablet, taps, name, QUESTIONS, f"Vraag van {name}"))
        tablet_step(tablet, taps, 7)
        in_turn(lambda name: choose(tablet, taps, name, STATEMENT, "Klopt niet"))
        tablet_step(tablet, taps, 8)
        choose(tablet, taps, "peer worker", "Wat doen jullie nu?", "We kiezen later")
        taps.tap("peer worker")
        select(tablet, "Waarom kiezen jullie later?", "thuis bespreken", exact=False)
        tablet_step(tablet, taps, 9)
        session = versions.read(the_document(tmp_path))
        assert (
            session.answers["parent-2"].leaning == "wait" and session.answers["parent-1"].leaning == "pills"
        )
        print("\none tablet: " + taps.figures(("peer worker", *people)))
    finally:
        tablet.context.close()
        server.stop()


def everyone_in_turn(page: Page, answer) -> None:  # type: ignore[no-untyped-def]
    """Sam, then Mama, on the tablet: take it, answer, hand it on."""
    for name, following in (("Sam", "Mama"), ("Mama", None)):
        button(page, f"Ik ben {name}: laat mijn vragen zien")
        answer(name)
        button(page, f"Klaar. Geef de tablet aan {following}" if following else "Klaar")


def test_the_clinician_records_the_advice_and_the_tablet_then_asks_the_after_questions(
    tmp_path: Path, browser: Browser, shots: Path
) -> None:
    """Step 6 asks for questions, not the advice; the clinician records the advice and marks
    the conversation done; from then on the tablet asks each person the four questions, one at
    a time, and the clinician page shows before and after per person."""
    server = start_server(tmp_path)
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "SDM_AID_DATA_DIR": str(tmp_path / "data"),
        "SDM_AID_GRID_DIR": str(tmp_path / "grids"),
    }
    env.pop("SDM_AID_DATABASE_URL", None)
    tablet = browser.new_context(viewport=TABLET, locale="nl-NL").new_page()
    desk = browser.new_context(viewport=LAPTOP, locale="en-GB").new_page()
    taps = Taps()
    try:
        begin(tablet, server, taps)
        for n in (2, 3, 4):
            tablet_step(tablet, taps, n)

        def values(name: str) -> None:
            radio(tablet, "Snel resultaat", "4" if name == "Sam" else "1")
            radio(tablet, "Geen medicijnen", "2")
            radio(tablet, "Naar welke keuze neig je nu?", "Gesprekken")

        everyone_in_turn(tablet, values)
        tablet_step(tablet, taps, 5)
        button(tablet, "Ik ben Sam: laat mijn vragen zien")
        confidence_for_every_option(tablet, taps, "Sam")
        tablet_step(tablet, taps, 6)
        shown(tablet, "De hulpverlener geeft het advies in het gesprek.")
        assert (
            tablet.get_by_text("Wie geeft dit advies?").count() == 0
        )  # no advice asked, nothing preselected
        snap(tablet, shots, "advice-follows-step6-768")

        subprocess.run(
            [sys.executable, "-m", "sdm_aid.cli.main", "users", "add", "a.devries", "--password-stdin"],
            cwd=ROOT,
            env=env,
            input="correct horse battery staple\n",
            text=True,
            check=True,
            timeout=120,
        )
        desk.goto(f"{server.url}/clinician_sessions")
        desk.get_by_role("textbox", name="Username", exact=True).fill("a.devries")
        desk.get_by_role("textbox", name="Password", exact=True).fill("correct horse battery staple")
        desk.get_by_role("button", name="Log in").click()
        every_session(desk)  # the list opens on overdue and due follow-ups; this one has none yet
        desk.locator('[class*="st-key-clin-open-"] button, [class*="st-key-clin.open."] button').first.click()
        settle(desk)
        desk.get_by_role("tab", name="Conversation and advice").click()
        settle(desk)
        desk.screenshot(path=str(shots / "clinician-conversation-before-1280.png"), full_page=True)
        radio(desk, "What do you advise?", "Talking therapy")
        desk.get_by_label("Why (in plain words, for the family)", exact=True).fill(
            "Past bij wat Sam belangrijk vindt."
        )
        button(desk, "Save the advice")
        shown(desk, "The advice is saved.")
        desk.screenshot(path=str(shots / "clinician-advice-saved-1280.png"), full_page=True)
        button(desk, "The conversation has taken place")
        shown(desk, "The conversation took place on")
        snap(desk, shots, "clinician-conversation-1280")

        tablet_step(tablet, taps, 7)
        everyone_in_turn(tablet, lambda _name: radio(tablet, STATEMENT, "Klopt niet"))
        tablet_step(tablet, taps, 8)
        radio(tablet, "Wat doen jullie nu?", "We kiezen later")
        select(tablet, "Waarom kiezen jullie later?", "thuis bespreken", exact=False)
        tablet_step(tablet, taps, 9)
        plan_in_two_weeks(tablet, "nl")
        button(tablet, "Afronden")
        # The hand-off page: the conversation took place, so each person gets the four questions.
        shown(tablet, "Na het gesprek: vier korte vragen")

        def after(_name: str) -> None:
            groups = tablet.locator('[data-testid="stRadio"]')
            expect(groups).to_have_count(4, timeout=WAIT)
            for index in range(4):
                groups.nth(index).locator("label").filter(has_text=re.compile(r"^Ja$")).first.click()
                settle(tablet)

        everyone_in_turn(tablet, after)
        shown(tablet, "Iedereen op deze tablet is aan de beurt geweest.")
        snap(tablet, shots, "after-questions-done-768")
        session = versions.read(the_document(tmp_path))
        assert session.recommendation is not None and session.recommendation.option_id == "talking"
        assert session.recommendation.recorded_by == "a.devries"
        assert session.sure["youth"].after.score == 4 and session.sure["parent-1"].after.score == 4
        desk.get_by_text("All sessions").first.click()  # back to the list, and open it again (read fresh)
        settle(desk)
        every_session(desk)
        desk.locator('[class*="st-key-clin-open-"] button, [class*="st-key-clin.open."] button').first.click()
        settle(desk)
        desk.get_by_role("tab", name="Conversation and advice").click()
        settle(desk)
        expect(desk.locator("table.sdm-grid td", has_text="4/4")).to_have_count(2, timeout=WAIT)
    finally:
        tablet.context.close()
        desk.context.close()
        server.stop()
