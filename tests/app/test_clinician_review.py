"""The clinician review in AppTest: filtering and pages, fresh reads, opening a session,
recording the follow-up outcome, revisiting the decision with history, planning a follow-up,
save conflicts, erasing, and the access log."""

from __future__ import annotations

import re
import sys
import uuid
from datetime import date, time, timedelta
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "clinician"))
import clinician_support as cs
from factories import new_session

from sdm_aid.content.loader import load_grid
from sdm_aid.services.clinicians import AccessLog
from sdm_aid.sessions.models import SESSION_TIMEZONE, Decided, Deferred, FollowUpStatus
from sdm_aid.storage import ResumeCodeError, SessionNotFoundError
from sdm_aid.throttling import AttemptSource
from sdm_ui.clinician import clock, session_detail


@pytest.fixture
def clinic(app_env: Path):
    return cs.seed(app_env / "grids")


@pytest.fixture
def logged_in(clinic):
    return cs.log_in(cs.deep_link(cs.SESSIONS_PAGE))


@pytest.fixture
def every_session(logged_in):
    """The list with 'All' chosen instead of what it opens on (what needs attention)."""
    logged_in.selectbox(key="clin.f.follow_up").select_index(0)
    logged_in.selectbox(key="clin.f.order").set_value("-updated")
    return cs.ok(logged_in.run())


def open_buttons(at) -> list:
    return [b for b in at.button if b.key and b.key.startswith("clin.open.")]


def shown_ids(at) -> list[str]:
    return [b.key.removeprefix("clin.open.") for b in open_buttons(at)]


def open_session(at, session_id) -> object:
    at.session_state["clin.selected"] = str(session_id)
    return cs.open_page(at, cs.SESSION_PAGE)


def actions(clinic, session_id) -> list[str]:
    return [e.action for e in AccessLog(clinic.database).entries(session_id=session_id)]


def overdue_deferred(clinic):
    rows = clinic.list_sessions(follow_up="overdue", status="deferred").rows
    assert rows, "the demo data has overdue deferred sessions"
    return rows[0].id


# -- the list -----------------------------------------------------------------------------------


def test_filter_overdue_follow_ups(clinic, logged_in) -> None:
    at = logged_in
    at.selectbox(key="clin.f.follow_up").set_value("overdue")
    at = cs.ok(at.run())
    expected = clinic.list_sessions(follow_up="overdue", limit=50)
    assert 0 < expected.total < 40
    assert set(shown_ids(at)) == {str(r.id) for r in expected.rows}
    text = cs.texts(at)
    assert f"{expected.total} sessions found" in text
    assert text.count('class="sdm-badge sdm-overdue">Overdue<') == expected.total


def test_the_list_opens_on_what_needs_attention_overdue_first(clinic, logged_in) -> None:
    at = logged_in
    expected = clinic.list_sessions(follow_up="attention", order="follow_up", limit=20)
    overdue = clinic.list_sessions(follow_up="overdue", limit=50).total
    due = clinic.list_sessions(follow_up="due", limit=50).total
    assert expected.total == overdue + due > 0
    assert shown_ids(at) == [str(r.id) for r in expected.rows]
    badges = re.findall(r'class="sdm-badge sdm-(overdue|due)"', cs.texts(at))
    assert badges == sorted(badges, key=lambda kind: kind != "overdue")  # overdue, then due
    assert f"{expected.total} sessions found" in cs.texts(at)


def test_status_grid_and_date_filters_and_sorting(clinic, every_session) -> None:
    at = every_session
    at.selectbox(key="clin.f.status").set_value("deferred")
    at.selectbox(key="clin.f.grid").set_value("test-worry")
    at.selectbox(key="clin.f.order").set_value("follow_up")
    at = cs.ok(at.run())
    expected = clinic.list_sessions(status="deferred", grid_id="test-worry", order="follow_up")
    assert shown_ids(at) == [str(r.id) for r in expected.rows]  # same order

    today = clock.now().astimezone(SESSION_TIMEZONE).date()
    at.date_input(key="clin.f.dates").set_value((today - timedelta(days=3), today))
    at = cs.ok(at.run())
    shown = set(shown_ids(at))
    assert shown < {str(r.id) for r in expected.rows} or not shown
    for row in expected.rows:
        local_day = row.updated_at.astimezone(SESSION_TIMEZONE).date()
        assert (str(row.id) in shown) == (today - timedelta(days=3) <= local_day <= today)


def test_reversed_dates_get_a_plain_message(logged_in) -> None:
    at = logged_in
    at.date_input(key="clin.f.dates").set_value((date(2026, 5, 2), date(2026, 5, 1)))
    at = cs.ok(at.run())
    assert [e.value for e in at.error] == ["The first date is after the last date. Please swap them."]


def test_pages_of_twenty(clinic, every_session) -> None:
    at = every_session
    first = shown_ids(at)
    assert len(first) == 20
    assert at.button(key="clin.page.prev").disabled
    assert "Page 1 of 2 · sessions 1 to 20 of 40" in cs.texts(at)
    at.button(key="clin.page.next").click()
    at = cs.ok(at.run())
    second = shown_ids(at)
    assert len(second) == 20 and not set(first) & set(second)
    assert "Page 2 of 2 · sessions 21 to 40 of 40" in cs.texts(at)
    assert at.button(key="clin.page.next").disabled
    everything = clinic.list_sessions(limit=40).rows
    assert first + second == [str(r.id) for r in everything]
    # A new filter starts at page 1 again.
    at.selectbox(key="clin.f.status").set_value("in-progress")
    at = cs.ok(at.run())
    assert "Page 1 of 1" in cs.texts(at)


def test_reads_are_always_fresh(clinic, every_session) -> None:
    at = every_session
    first = shown_ids(at)[0]
    clinic.erase(uuid.UUID(first), by="someone-else")
    at = cs.ok(at.run())
    assert "39 sessions found" in cs.texts(at)
    assert first not in shown_ids(at)


def test_open_from_the_list_logs_opened_once(clinic, logged_in) -> None:
    at = logged_in
    button = open_buttons(at)[0]
    session_id = uuid.UUID(button.key.removeprefix("clin.open."))
    button.click()
    at = cs.ok(at.run())
    assert f"Session {str(session_id)[:8]}" in cs.texts(at)
    assert "sdm-summary" in cs.texts(at) and "Voor de hulpverlener" in cs.texts(at)
    at = cs.ok(at.run())  # a rerun is not another opening
    assert actions(clinic, session_id) == ["opened"]
    labels = {b.label for b in at.get("download_button")}
    assert {"Summary for the clinician (PDF)", "Export (JSON)"} <= labels
    log = next(frame.value for frame in at.dataframe if "What" in frame.value.columns)
    assert list(log["What"]) == ["Opened"] and list(log["Who"]) == [cs.USERNAME]


def test_no_selection_points_back_to_the_list(logged_in) -> None:
    at = cs.open_page(logged_in, cs.SESSION_PAGE)
    assert "No session is chosen. Choose one in the list." in cs.texts(at)


# -- follow-up, decision, planning ------------------------------------------------------------------


def test_record_the_follow_up_outcome(clinic, logged_in) -> None:
    session_id = overdue_deferred(clinic)
    at = open_session(logged_in, session_id)
    at.radio(key="clin.outcome.status").set_value(FollowUpStatus.MISSED)
    at.text_area(key="clin.outcome.note").input("Niet gekomen; <b>bellen</b>")
    at.button(key="clin.outcome.submit").click()
    at = cs.ok(at.run())
    assert [s.value for s in at.success] == ["Saved how the follow-up went."]
    stored = clinic.load(session_id)
    assert stored.follow_up.status == FollowUpStatus.MISSED
    assert stored.follow_up.outcome_note == "Niet gekomen; <b>bellen</b>"
    assert actions(clinic, session_id)[:2] == ["follow_up_recorded", "opened"]
    assert "Niet gekomen; &lt;b&gt;bellen&lt;/b&gt;" in cs.texts(at)  # shown, escaped


def test_revisit_the_decision_keeps_the_history(clinic, logged_in) -> None:
    session_id = overdue_deferred(clinic)
    before = clinic.load(session_id)
    assert isinstance(before.outcome, Deferred)
    at = open_session(logged_in, session_id)
    at.selectbox(key="clin.decide.option").set_value("talking")
    at.multiselect(key="clin.decide.agree").set_value(["youth"])
    at.button(key="clin.decide.submit").click()
    at = cs.ok(at.run())
    assert [s.value for s in at.success] == [
        "The new decision is saved. The earlier one is kept in the history."
    ]
    stored = clinic.load(session_id)
    assert isinstance(stored.outcome, Decided) and stored.outcome.option_id == "talking"
    assert stored.outcome.agree == ["youth"]
    assert stored.outcome_history[-1] == before.outcome
    assert stored.outcome_history[:-1] == before.outcome_history

    at.selectbox(key="clin.defer.reason").set_value("talk_at_home")
    at.text_area(key="clin.defer.still_needed").input("Overleg met school")
    at.button(key="clin.defer.submit").click()
    at = cs.ok(at.run())
    again = clinic.load(session_id)
    assert isinstance(again.outcome, Deferred) and again.outcome.still_needed == "Overleg met school"
    assert again.outcome_history[-2:] == [before.outcome, stored.outcome]
    assert actions(clinic, session_id).count("decision_revisited") == 2
    assert "Eerdere besluiten" in cs.texts(at)  # the clinician summary shows the history


def test_a_decision_needs_an_option(clinic, logged_in) -> None:
    session_id = overdue_deferred(clinic)
    version = clinic.load(session_id).version
    at = open_session(logged_in, session_id)
    at.button(key="clin.decide.submit").click()
    at = cs.ok(at.run())
    assert [e.value for e in at.error] == ["Please choose an option."]
    assert clinic.load(session_id).version == version
    assert "decision_revisited" not in actions(clinic, session_id)


def test_plan_a_new_follow_up_after_the_outcome(clinic, logged_in) -> None:
    session_id = overdue_deferred(clinic)
    at = open_session(logged_in, session_id)
    at.radio(key="clin.outcome.status").set_value(FollowUpStatus.DONE)
    at.button(key="clin.outcome.submit").click()
    at = cs.ok(at.run())
    done = clinic.load(session_id).follow_up
    day = clock.now().astimezone(SESSION_TIMEZONE).date() + timedelta(days=10)
    at.date_input(key="clin.plan.date").set_value(day)
    at.time_input(key="clin.plan.time").set_value(time(15, 30))
    at.text_input(key="clin.plan.with").input("Dr. Jansen")
    at.button(key="clin.plan.submit").click()
    at = cs.ok(at.run())
    assert [s.value for s in at.success] == ["The new follow-up is planned."]
    stored = clinic.load(session_id)
    assert stored.follow_up.status == FollowUpStatus.PLANNED and stored.follow_up.with_whom == "Dr. Jansen"
    assert stored.follow_up.id != done.id
    assert stored.follow_up_history[-1] == done
    local = stored.follow_up.starts_at.astimezone(SESSION_TIMEZONE)
    assert (local.date(), local.time()) == (day, time(15, 30))
    assert actions(clinic, session_id).count("follow_up_planned") == 1  # in the access log too


def test_a_planned_time_in_the_past_is_refused_in_plain_words(clinic, logged_in) -> None:
    session_id = overdue_deferred(clinic)
    at = open_session(logged_in, session_id)
    version = clinic.load(session_id).version
    at.date_input(key="clin.plan.date").set_value(clock.now().astimezone(SESSION_TIMEZONE).date())
    at.time_input(key="clin.plan.time").set_value(time(0, 0))
    at.button(key="clin.plan.submit").click()
    at = cs.ok(at.run())
    assert [e.value for e in at.error] == [
        "This moment has already passed. Please choose a date and time in the future."
    ]
    assert clinic.load(session_id).version == version


def test_a_change_saved_elsewhere_is_never_overwritten_and_the_note_stays(clinic, logged_in) -> None:
    session_id = overdue_deferred(clinic)
    at = open_session(logged_in, session_id)
    elsewhere = clinic.load(session_id)
    elsewhere.handoff_note = "saved from another tab"
    clinic.save(elsewhere)
    at.radio(key="clin.outcome.status").set_value(FollowUpStatus.DONE)
    at.text_area(key="clin.outcome.note").input("Goed gesprek gehad")
    at.button(key="clin.outcome.submit").click()
    at = cs.ok(at.run())
    assert [e.value for e in at.error] == [session_detail.CONFLICT]
    stored = clinic.load(session_id)
    assert stored.handoff_note == "saved from another tab"
    assert stored.follow_up.status == FollowUpStatus.PLANNED
    assert at.text_area(key="clin.outcome.note").value == "Goed gesprek gehad"  # the typed note stays
    tables = [frame.value.to_string() for frame in at.dataframe]
    assert any("saved from another tab" in table for table in tables)  # what the other version changed
    assert "follow_up_recorded" not in actions(clinic, session_id)
    # The page now shows the latest version: saving again adds the change on top of it.
    at.button(key="clin.outcome.submit").click()
    at = cs.ok(at.run())
    again = clinic.load(session_id)
    assert (
        again.follow_up.status == FollowUpStatus.DONE and again.follow_up.outcome_note == "Goed gesprek gehad"
    )
    assert again.handoff_note == "saved from another tab"
    assert not [area for area in at.text_area if area.key == "clin.outcome.note"]  # recorded: form gone
    assert actions(clinic, session_id).count("follow_up_recorded") == 1


# -- erasing ------------------------------------------------------------------------------------------


def test_erase_with_confirmation_leaves_nothing_readable(clinic, logged_in, app_env) -> None:
    grid = load_grid(app_env / "grids" / "grid_minimal.json")
    started = clinic.start(new_session(grid.grid))
    session_id = started.session.id
    at = open_session(logged_in, session_id)
    at.button(key="clin.erase.ask").click()
    at = cs.ok(at.run())
    assert "Session " + str(session_id)[:8] + " will be erased" in cs.texts(at)
    at.button(key="clin.erase.no").click()  # cancel first: nothing happens
    at = cs.ok(at.run())
    assert clinic.load(session_id)
    at.button(key="clin.erase.ask").click()
    at = cs.ok(at.run())
    at.button(key="clin.erase.yes").click()
    at = cs.ok(at.run())

    assert "The session was erased. Nothing of it can be read any more." in cs.texts(at)
    attention = clinic.list_sessions(follow_up="attention").total
    assert f"{attention} sessions found" in cs.texts(at) and str(session_id) not in shown_ids(at)
    with pytest.raises(SessionNotFoundError):
        clinic.load(session_id)
    assert str(session_id) not in {str(r.id) for r in clinic.list_sessions(limit=500).rows}
    with pytest.raises(ResumeCodeError):
        clinic.resume(started.resume_code, source=AttemptSource("test"))
    entries = AccessLog(clinic.database).entries(session_id=session_id)
    assert [(e.action, e.username) for e in entries] == [("erased", cs.USERNAME)]
    assert "clin.selected" not in at.session_state and "clin.viewed" not in at.session_state

    again = open_session(at, session_id)
    assert "This session does not exist any more." in cs.texts(again)  # e.g. from a second tab
    assert "sdm-summary" not in cs.texts(again)


def test_the_session_page_opens_on_the_top_card(clinic, logged_in) -> None:
    session_id = overdue_deferred(clinic)
    at = open_session(logged_in, session_id)
    text = cs.texts(at)
    assert text.index('class="sdm-topcard"') < text.index('class="sdm-summary"')  # before the summary
    raw = next(str(el.proto.body) for el in at.get("html") if 'class="sdm-topcard"' in str(el.proto.body))
    assert "Decision put off:" in raw and "What is still needed" in raw
    assert "days overdue" in raw and "SURE before → after" in raw and "Private answers" in raw
    assert "\\" not in raw  # plain names: no Markdown escapes
    session = clinic.load(session_id)
    for key in ("clin.decide.agree", "clin.decide.disagree", "clin.decide.unsure"):
        shown = at.multiselect(key=key).options  # a peer worker is no decision party
        assert len(shown) == len(session.family)
        assert all(option.split(" (")[0] in {p.label for p in session.family} for option in shown)
