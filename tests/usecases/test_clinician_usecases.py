"""The clinician's use cases on a real database: every change with its access-log row in one
transaction, never over a version someone else saved, and a login logged as it happens."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from database_fixtures import make_settings
from factories import minimal_grid
from storage_builders import FakeClock, filled_session

from sdm_aid.services.clinicians import AccessLog, ClinicianAccounts, ClinicianLogin
from sdm_aid.services.sessions import SessionService
from sdm_aid.sessions.models import Decided, FollowUpStatus
from sdm_aid.storage import SessionNotFoundError
from sdm_aid.storage.database import Database
from sdm_aid.throttling import AttemptSource
from sdm_aid.usecases import clinician

GRID = minimal_grid()


@pytest.fixture
def service(any_database: Database, tmp_path: Path, clock: FakeClock) -> SessionService:
    return SessionService(any_database, make_settings(tmp_path), now=clock)


def actions(service: SessionService, session_id) -> list[tuple[str, str]]:
    return sorted((e.username, e.action) for e in AccessLog(service.database).entries(session_id=session_id))


def test_opening_reads_and_logs_in_one_go(service: SessionService, clock: FakeClock) -> None:
    session = service.start(filled_session("x", now=clock())).session
    opened = clinician.open_session(service, session.id, by="dr.jansen")
    assert opened == session
    assert ("dr.jansen", "opened") in actions(service, session.id)
    service.erase(session.id)
    with pytest.raises(SessionNotFoundError):
        clinician.open_session(service, session.id, by="dr.jansen")


def test_a_change_and_its_row_are_stored_together(service: SessionService, clock: FakeClock) -> None:
    session = service.start(filled_session("x", now=clock())).session
    clock.advance(days=30)
    result = clinician.record_follow_up_outcome(
        service, session, by="dr.jansen", status=FollowUpStatus.DONE, note="Goed", now=clock()
    )
    assert result.saved is not None and result.saved.follow_up.status == FollowUpStatus.DONE
    assert ("dr.jansen", "follow_up_recorded") in actions(service, session.id)
    decided = clinician.revisit_decision(
        service,
        result.saved,
        GRID,
        by="dr.jansen",
        option_id="talking",
        agree=["youth"],
        disagree=[],
        now=clock(),
    )
    assert isinstance(decided.saved.outcome, Decided) and decided.saved.outcome_history


def test_a_refused_change_stores_nothing(service: SessionService, clock: FakeClock) -> None:
    session = service.start(filled_session("x", now=clock())).session
    refused = clinician.plan_follow_up(
        service,
        session,
        by="dr.jansen",
        local_date=(clock() - timedelta(days=2)).date(),
        local_time=clock().time(),
        duration_minutes=30,
        with_whom="",
        mode="in_person",
        purpose="",
        now=clock(),
    )
    assert refused.refusal is not None and refused.saved is None
    assert service.load(session.id).version == session.version
    assert ("dr.jansen", "follow_up_planned") not in actions(service, session.id)


def test_a_change_over_a_version_saved_elsewhere_says_what_changed(
    service: SessionService, clock: FakeClock
) -> None:
    session = service.start(filled_session("x", now=clock())).session
    elsewhere = service.save(session.model_copy(update={"handoff_note": "van de tablet"}))
    clock.advance(days=30)
    result = clinician.record_follow_up_outcome(
        service, session, by="dr.jansen", status=FollowUpStatus.MISSED, note="", now=clock()
    )
    assert result.problem == clinician.ChangeProblem.CHANGED_ELSEWHERE and result.saved is None
    assert result.latest == elsewhere
    assert [d.key for d in result.changed_elsewhere] == ["handoff_note"]
    assert service.load(session.id) == elsewhere  # nothing overwritten
    retried = clinician.record_follow_up_outcome(
        service, result.latest, by="dr.jansen", status=FollowUpStatus.MISSED, note="", now=clock()
    )
    assert retried.saved is not None and retried.saved.handoff_note == "van de tablet"


def test_a_login_is_logged_in_the_same_transaction_and_a_failed_one_not(
    any_database: Database, clock: FakeClock
) -> None:
    accounts = ClinicianAccounts(any_database, now=clock)
    accounts.add("dr.jansen", "correct horse battery")
    login = ClinicianLogin(accounts, b"k" * 32, now=clock, sleep=lambda _s: None)
    assert not login.attempt("dr.jansen", "wrong password!!", AttemptSource("tablet")).ok
    assert login.attempt("dr.jansen", "correct horse battery", AttemptSource("pc")).ok
    rows = [(e.username, e.action) for e in AccessLog(any_database).entries(username="dr.jansen")]
    assert rows == [("dr.jansen", "logged_in")]


def test_the_advice_and_the_conversation_are_recorded_by_the_clinician(
    service: SessionService, clock: FakeClock
) -> None:
    from factories import new_session

    session = service.start(new_session(GRID, parents=1, now=clock())).session
    result = clinician.record_recommendation(
        service, session, GRID, by="dr.jansen", option_id="talking", reasons="Past bij Sam.", now=clock()
    )
    assert result.saved is not None
    advice = result.saved.recommendation
    assert (advice.option_id, advice.reasons, advice.recorded_by, advice.recorded_at) == (
        "talking",
        "Past bij Sam.",
        "dr.jansen",
        clock(),
    )
    done = clinician.mark_conversation_done(service, result.saved, by="dr.jansen", now=clock())
    assert done.saved is not None and done.saved.conversation_done_at == clock()
    assert ("dr.jansen", "advice_recorded") in actions(service, session.id)
    assert ("dr.jansen", "conversation_done") in actions(service, session.id)
    # An option the grid does not have is refused, and nothing is logged for it.
    refused = clinician.record_recommendation(
        service, done.saved, GRID, by="dr.jansen", option_id="surgery", reasons="", now=clock()
    )
    assert refused.saved is None and refused.refusal is not None
    assert [a for _by, a in actions(service, session.id)].count("advice_recorded") == 1
