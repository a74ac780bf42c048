"""The family's Summary page: their copy of the summary (escaped, without private answers),
the PDF and calendar downloads, and the way there from the hand-off screen."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "clinician"))
import clinician_support as cs
from factories import minimal_grid, new_session

from sdm_aid.config import load_settings
from sdm_aid.services.sessions import SessionService
from sdm_aid.sessions import rules
from sdm_aid.sessions.models import SESSION_TIMEZONE, DeferralReason, FollowUpMode, ParticipantAnswers
from sdm_aid.wizard import registry

SECRET = "Mijn geheim: ik durf het niet te zeggen"
HOSTILE = '<img src="http://example.org/x.png"> ![x](http://example.org/y.png) <b>open'


def family_session():
    now = datetime.now(UTC)
    session = new_session(parents=1)
    session.answers = {
        "youth": ParticipantAnswers(notes=SECRET, private_steps=["values"]),
        "parent-1": ParticipantAnswers(notes=HOSTILE),
    }
    rules.defer_decision(
        session, reason=DeferralReason.TALK_AT_HOME, details="", still_needed="Tijd", now=now
    )
    later = (now + timedelta(days=7)).astimezone(SESSION_TIMEZONE)
    rules.schedule_follow_up(
        session,
        local_date=later.date(),
        local_time=later.time().replace(hour=10, minute=0, second=0, microsecond=0),
        duration_minutes=30,
        with_whom="Dr. Jansen",
        mode=FollowUpMode.IN_PERSON,
        purpose="",
        now=now,
    )
    return session


def with_draft(session, page: str = "pages/summary.py", locale: str = "en-GB"):
    """The page with `session` open on the screen, stored as a family's session would be."""
    stored = SessionService.from_settings(load_settings()).start(session).session
    at = cs.app(locale)
    at.session_state["sdm.draft"] = stored
    return cs.open_page(at, page)


def test_without_a_conversation_the_page_says_so(app_env) -> None:
    at = cs.deep_link("pages/summary.py")
    assert "No conversation is open on this screen." in cs.texts(at)
    assert not at.get("download_button")


def test_the_family_copy_is_shown_escaped_and_without_private_answers(app_env) -> None:
    at = with_draft(family_session())
    text = cs.texts(at)
    assert "sdm-summary" in text and "Voor de familie" in text  # the session's language
    assert SECRET not in text
    assert "&lt;img src=" in text and "&lt;b&gt;open" in text
    # the typed <img> is text; the only pictures are pictographs, inline, made from numbers
    assert all(tag.startswith(' src="data:image/svg+xml;base64,') for tag in text.split("<img")[1:])
    assert "<b>open" not in text
    assert not at.markdown or all("example.org" not in m.value for m in at.markdown)


def test_downloads_pdf_and_calendar_but_no_export(app_env) -> None:
    at = with_draft(family_session())
    buttons = {b.label for b in at.get("download_button")}
    assert buttons == {"Download the summary (PDF)", "Calendar file for the next appointment"}


def test_no_calendar_without_a_follow_up(app_env) -> None:
    at = with_draft(new_session())
    assert {b.label for b in at.get("download_button")} == {"Download the summary (PDF)"}


def test_dutch_page(app_env) -> None:
    at = with_draft(family_session(), locale="nl-NL")
    assert {b.label for b in at.get("download_button")} == {
        "Download de samenvatting (pdf)",
        "Agendabestand voor de volgende afspraak",
    }


def test_a_grid_that_changed_since_the_conversation_is_not_used(app_env) -> None:
    session = new_session()
    session.grid = session.grid.model_copy(update={"content_hash": "0" * 64})
    at = with_draft(session)
    assert [e.value for e in at.error] == [
        "The decision aid of this conversation is not available in the version you used. "
        "Please ask a staff member."
    ]
    assert "sdm-summary" not in cs.texts(at)


def test_the_hand_off_screen_links_to_the_summary(app_env) -> None:
    session = cs.service().start(new_session(minimal_grid())).session
    at = with_draft(session, page=registry.FINISH.file)
    links = {link.proto.label: link.proto.page for link in at.get("page_link")}
    assert links["See the summary and download it"].endswith("summary")


@pytest.mark.parametrize("page", [registry.SUMMARY])
def test_the_summary_page_is_registered_hidden_for_the_family(page) -> None:
    assert page.audience == "family" and page.visibility == "hidden" and page.url_path == page.stem
