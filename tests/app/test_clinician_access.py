"""Clinician pages need a login: deep links, login success and failure, throttling, idle and
absolute timeouts (with a moved clock), logout on every page."""

from __future__ import annotations

import re
import sys
from datetime import time, timedelta
from pathlib import Path

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "clinician"))
import clinician_support as cs

from sdm_aid.services.clinicians import AccessLog
from sdm_aid.sessions.models import FollowUpStatus
from sdm_ui import auth
from sdm_ui.clinician import clock

CLINICIAN_PAGES = [cs.SESSIONS_PAGE, cs.SESSION_PAGE]
LOGIN_KEYS = {"clin.form.username", "clin.form.password", cs.LOGIN_BUTTON}


@pytest.fixture
def clinic(app_env: Path):
    return cs.seed(app_env / "grids")


class Clock:
    def __init__(self) -> None:
        self.at = clock.now()

    def __call__(self):
        return self.at

    def advance(self, **delta: float) -> None:
        self.at += timedelta(**delta)


@pytest.fixture
def moving_clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(clock, "now", fake)
    return fake


def widget_keys(at) -> set[str]:
    kinds = ("button", "text_input", "text_area", "selectbox", "multiselect", "radio", "date_input")
    keys = {w.key for kind in kinds for w in getattr(at, kind)}
    keys |= {w.key for w in at.get("download_button")} | {w.key for w in at.get("button_group")}
    return keys


def shows_only_the_login_form(at) -> None:
    assert widget_keys(at) == LOGIN_KEYS
    assert not at.dataframe and not at.get("download_button") and not at.tabs
    text = cs.texts(at)
    assert "Log in for clinicians" in text
    assert "sdm-summary" not in text and "Session" not in text.replace("Log in", "")
    assert auth.LOGIN not in at.session_state


@pytest.mark.parametrize("page", CLINICIAN_PAGES)
def test_a_deep_link_without_login_shows_the_login_form_and_nothing_else(clinic, page) -> None:
    shows_only_the_login_form(cs.deep_link(page))


def test_the_selected_session_is_not_shown_without_login(clinic) -> None:
    session_id = clinic.list_sessions(limit=1).rows[0].id
    at = cs.app()
    at.session_state["clin.selected"] = str(session_id)
    at = cs.open_page(at, cs.SESSION_PAGE)
    shows_only_the_login_form(at)
    assert str(session_id)[:8] not in cs.texts(at)


def test_login_with_the_right_password_opens_the_list_and_is_logged(clinic) -> None:
    at = cs.log_in(cs.deep_link(cs.SESSIONS_PAGE))
    attention = clinic.list_sessions(follow_up="attention").total  # what the list opens on
    assert f"{attention} sessions found" in cs.texts(at)
    assert "Logged in as a.devries" in cs.texts(at)
    rows = AccessLog(clinic.database).entries(username=cs.USERNAME)
    assert [r.action for r in rows] == ["logged_in"] and rows[0].session_id is None


def test_login_in_dutch(clinic) -> None:
    at = cs.log_in(cs.deep_link(cs.SESSIONS_PAGE, locale="nl-NL"))
    attention = clinic.list_sessions(follow_up="attention").total
    assert f"{attention} sessies gevonden" in cs.texts(at)


@pytest.mark.parametrize(
    ("username", "password"),
    [(cs.USERNAME, "wrong password, long enough"), ("nobody", cs.PASSWORD), ("A.DEVRIES", "x")],
)
def test_a_failed_login_gets_one_generic_message(clinic, username, password) -> None:
    at = cs.log_in(cs.deep_link(cs.SESSIONS_PAGE), username, password)
    assert [e.value for e in at.error] == [auth.FAILED_LOGIN]
    shows_only_the_login_form_after_error(at)


def shows_only_the_login_form_after_error(at) -> None:
    assert widget_keys(at) == LOGIN_KEYS
    assert auth.LOGIN not in at.session_state


def test_empty_fields_get_a_plain_message(clinic) -> None:
    at = cs.log_in(cs.deep_link(cs.SESSIONS_PAGE), "", "")
    assert [e.value for e in at.error] == ["Please fill in your username and your password."]


def test_after_five_failures_this_browser_waits_and_is_told_how_long(clinic) -> None:
    at = cs.deep_link(cs.SESSIONS_PAGE)
    for _ in range(4):
        at = cs.log_in(at, cs.USERNAME, "wrong password, long enough")
        assert [e.value for e in at.error] == [auth.FAILED_LOGIN]
    at = cs.log_in(at, cs.USERNAME, "wrong password, long enough")
    [message] = [e.value for e in at.error]
    assert re.fullmatch(r"Logging in did not work\. .* You can try again in 1\d seconds\.", message)
    at = cs.log_in(at)  # the right password, but this browser has to wait first
    [message] = [e.value for e in at.error]
    assert re.fullmatch(r"Too many failed logins\. Wait 1?\d seconds, then try again\.", message)
    assert auth.LOGIN not in at.session_state
    # Another browser (a colleague at the next desk, the same address) is not affected.
    other = cs.log_in(cs.deep_link(cs.SESSIONS_PAGE))
    assert auth.LOGIN in other.session_state


def test_the_wait_is_named_in_dutch(clinic) -> None:
    at = cs.deep_link(cs.SESSIONS_PAGE, locale="nl-NL")
    for _ in range(6):
        at = cs.log_in(at, cs.USERNAME, "wrong password, long enough")
    [message] = [e.value for e in at.error]
    assert re.fullmatch(
        r"Te vaak niet gelukt om in te loggen\. Wacht 1?\d seconden en probeer het dan opnieuw\.", message
    )


def test_idle_for_fifteen_minutes_logs_out(clinic, moving_clock) -> None:
    at = cs.log_in(cs.deep_link(cs.SESSIONS_PAGE))
    moving_clock.advance(minutes=14, seconds=59)
    at = cs.ok(at.run())
    attention = clinic.list_sessions(follow_up="attention").total
    assert f"{attention} sessions found" in cs.texts(at)  # still in; and this run was activity
    moving_clock.advance(minutes=15)
    at = cs.ok(at.run())
    shows_only_the_login_form(at)
    assert [i.value for i in at.info] == ["You were logged out because nothing happened for 15 minutes."]
    actions = [r.action for r in AccessLog(clinic.database).entries(username=cs.USERNAME)]
    assert actions == ["logged_out", "logged_in"]


def test_eight_hours_after_login_logs_out_however_busy(clinic, moving_clock) -> None:
    at = cs.log_in(cs.deep_link(cs.SESSIONS_PAGE))
    for _ in range(7 * 6 + 5):  # every 10 minutes for 7 h 50 min
        moving_clock.advance(minutes=10)
        at = cs.ok(at.run())
        assert auth.LOGIN in at.session_state
    moving_clock.advance(minutes=10)
    at = cs.ok(at.run())
    shows_only_the_login_form(at)
    assert "logged in for 8 hours" in cs.texts(at)


@pytest.mark.parametrize("page", CLINICIAN_PAGES)
def test_every_clinician_page_has_a_logout_button_that_works(clinic, page) -> None:
    at = cs.log_in(cs.deep_link(cs.SESSIONS_PAGE))
    at = cs.open_page(at, page)
    at.button(key="clin.logout").click()
    at = cs.ok(at.run())
    shows_only_the_login_form(at)
    assert [s.value for s in at.success] == ["You are logged out."]
    left = [k for k in at.session_state if str(k).startswith("clin.") and not str(k).startswith("clin.form.")]
    assert left == []  # the login, the chosen session and every clinician marker are gone


# -- a click after the login ran out -------------------------------------------------------------


def _fill_outcome(at) -> str:
    at.radio(key="clin.outcome.status").set_value(FollowUpStatus.MISSED)
    return "clin.outcome.submit"


def _fill_decision(at) -> str:
    at.selectbox(key="clin.decide.option").set_value("talking")
    return "clin.decide.submit"


def _fill_deferral(at) -> str:
    at.selectbox(key="clin.defer.reason").set_value("talk_at_home")
    return "clin.defer.submit"


def _fill_plan(at) -> str:
    at.date_input(key="clin.plan.date").set_value(clock.now().date() + timedelta(days=10))
    at.time_input(key="clin.plan.time").set_value(time(15, 30))
    return "clin.plan.submit"


FORMS = {"outcome": _fill_outcome, "decision": _fill_decision, "deferral": _fill_deferral, "plan": _fill_plan}


def _open_overdue_session(clinic):
    session_id = clinic.list_sessions(follow_up="overdue", status="deferred").rows[0].id
    at = cs.log_in(cs.deep_link(cs.SESSIONS_PAGE))
    at.session_state["clin.selected"] = str(session_id)
    return cs.open_page(at, cs.SESSION_PAGE), session_id


def _changes(clinic, session_id) -> list[str]:
    return [
        e.action for e in AccessLog(clinic.database).entries(session_id=session_id) if e.action != "opened"
    ]


@pytest.mark.parametrize("form", list(FORMS))
def test_a_click_after_the_login_ran_out_changes_nothing(clinic, moving_clock, form: str) -> None:
    at, session_id = _open_overdue_session(clinic)
    version = clinic.load(session_id).version
    submit = FORMS[form](at)
    moving_clock.advance(minutes=15, seconds=1)  # the form stayed open; the login ran out meanwhile
    at.button(key=submit).click()
    at = cs.ok(at.run())
    assert clinic.load(session_id).version == version
    assert _changes(clinic, session_id) == []
    shows_only_the_login_form(at)
    assert [i.value for i in at.info] == ["You were logged out because nothing happened for 15 minutes."]


def test_a_click_just_before_the_login_runs_out_is_saved(clinic, moving_clock) -> None:
    at, session_id = _open_overdue_session(clinic)
    version = clinic.load(session_id).version
    submit = _fill_outcome(at)
    moving_clock.advance(minutes=14, seconds=59)
    at.button(key=submit).click()
    at = cs.ok(at.run())
    assert clinic.load(session_id).version == version + 1
    assert _changes(clinic, session_id) == ["follow_up_recorded"]


def test_a_download_clicked_after_the_login_ran_out_makes_no_file(
    clinic, moving_clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Downloads are made on click, in a worker thread, without the page: each one checks
    the login as it was when the page was drawn."""
    makers: dict[str, object] = {}
    original = MediaFileManager.add_deferred

    def keep(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        makers[file_name or ""] = data_callable
        return original(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", keep)
    _, session_id = _open_overdue_session(clinic)
    assert {name.rsplit(".", 1)[-1] for name in makers} == {"pdf", "ics", "json"}
    assert next(m for n, m in makers.items() if n.endswith(".json"))().startswith(b"{")  # in time: works
    moving_clock.advance(minutes=15, seconds=1)
    for make in makers.values():
        with pytest.raises(PermissionError):
            make()
    assert _changes(clinic, session_id) == ["exported"]  # only the download made in time
