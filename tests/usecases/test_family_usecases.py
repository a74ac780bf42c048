"""The family's use cases on a real database (memory fake, SQLite, PostgreSQL): each change is
stored with its access-log row in one transaction; a refused or failed one stores neither."""

from __future__ import annotations

from pathlib import Path

import pytest
from database_fixtures import make_settings
from factories import grid_ref, minimal_grid
from storage_builders import FakeClock

from sdm_aid.audit import FAMILY
from sdm_aid.services.clinicians import AccessLog
from sdm_aid.services.sessions import SessionService
from sdm_aid.sessions import conflicts
from sdm_aid.storage.database import Database
from sdm_aid.storage.errors import DatabaseUnavailableError
from sdm_aid.usecases import family
from sdm_aid.wizard import fields

GRID = minimal_grid()


@pytest.fixture
def service(any_database: Database, tmp_path: Path, clock: FakeClock) -> SessionService:
    return SessionService(any_database, make_settings(tmp_path), now=clock)


def started(service: SessionService, clock: FakeClock):
    outcome = family.start(
        service,
        grid_ref(GRID),
        language="nl",
        youth_label="Sam",
        parent_labels=["Mama"],
        peer_label=None,
        now=clock(),
    )
    assert outcome.started is not None and not outcome.issues
    return outcome.started.session


def actions(service: SessionService, session_id) -> list[str]:
    entries = AccessLog(service.database).entries(session_id=session_id)
    assert all(e.username == FAMILY for e in entries)
    return sorted(e.action for e in entries)


def test_start_checks_the_names_and_logs_the_start(service: SessionService, clock: FakeClock) -> None:
    refused = family.start(
        service,
        grid_ref(GRID),
        language="nl",
        youth_label=" ",
        parent_labels=[],
        peer_label=None,
        now=clock(),
    )
    assert refused.started is None and refused.issues
    session = started(service, clock)
    assert actions(service, session.id) == ["started"]


def test_answers_are_saved_with_one_log_row(service: SessionService, clock: FakeClock) -> None:
    session = started(service, clock)
    result = family.save_answers(
        service, GRID, session, {fields.importance("youth", "quick"): 3, fields.leaning("youth"): "pills"}
    )
    assert result.saved and result.session.version == 2
    assert service.load(session.id).answers["youth"].leaning == "pills"
    assert actions(service, session.id) == ["answers_saved", "started"]
    unchanged = family.save_answers(service, GRID, result.session, {fields.leaning("youth"): "pills"})
    assert not unchanged.saved and unchanged.problem is None  # nothing new: nothing stored


def test_next_refuses_an_incomplete_step_and_moves_on_a_complete_one(
    service: SessionService, clock: FakeClock
) -> None:
    session = started(service, clock).model_copy(update={"current_step": "values"})
    session = service.save(session)
    refused = family.go_next(service, GRID, session, clock())
    assert refused.missing and not refused.saved and refused.session == session
    answered = family.save_answers(
        service,
        GRID,
        session,
        {
            **{fields.importance(p, c.id): 2 for p in ("youth", "parent-1") for c in GRID.considerations},
            fields.leaning("youth"): "pills",
            fields.leaning("parent-1"): "not_sure",
        },
    ).session
    moved = family.go_next(service, GRID, answered, clock())
    assert moved.saved and moved.moved and moved.session.current_step == "ability"
    assert "step_changed" in actions(service, session.id)


def test_a_refused_decision_says_why_and_changes_nothing(service: SessionService, clock: FakeClock) -> None:
    session = service.save(started(service, clock).model_copy(update={"current_step": "decide"}))
    chosen = family.save_answers(service, GRID, session, {fields.MODE: fields.DECIDE_NOW}).session
    refused = family.go_next(service, GRID, chosen, clock())
    assert refused.refusal is not None and refused.refusal.missing == "option"
    assert service.load(session.id).version == chosen.version


def test_skip_needs_a_reason_and_the_last_step_finishes(service: SessionService, clock: FakeClock) -> None:
    session = service.save(started(service, clock).model_copy(update={"current_step": "follow_up"}))
    assert family.skip(service, session).refusal is not None
    with_reason = family.save_answers(
        service, GRID, session, {fields.skip_reason("follow_up"): "Later"}
    ).session
    result = family.skip(service, with_reason)
    assert result.saved and result.finished
    assert "step_skipped" in actions(service, session.id)


def test_a_failed_move_keeps_the_screen_where_it_was(
    service: SessionService, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = started(service, clock)

    def broken(*_args: object, **_kwargs: object) -> None:
        raise DatabaseUnavailableError("down")

    monkeypatch.setattr(service, "save", broken)
    result = family.go_next(service, GRID, session, clock())
    assert result.problem == family.SaveProblem.UNAVAILABLE and result.session == session
    typed = family.save_answers(service, GRID, session, {fields.importance("youth", "quick"): 1})
    assert typed.problem == family.SaveProblem.UNAVAILABLE
    assert typed.session.answers["youth"].importance == {"quick": 1}  # kept on screen, not lost


def test_a_conflict_is_settled_by_keeping_this_screen(service: SessionService, clock: FakeClock) -> None:
    base = started(service, clock)
    elsewhere = family.save_answers(service, GRID, base, {fields.leaning("youth"): "wait"})
    here = family.save_answers(service, GRID, base, {fields.leaning("parent-1"): "pills"})
    assert elsewhere.saved and here.problem == family.SaveProblem.CONFLICT
    stale = family.resolve_conflict(service, here.session, None, expected_version=1)
    assert stale.problem == family.SaveProblem.CONFLICT  # it changed since: choose again
    settled = family.resolve_conflict(service, here.session, None, expected_version=2)
    assert settled.saved and service.load(base.id).answers["parent-1"].leaning == "pills"
    chosen = family.resolve_conflict(
        service, here.session, {"answers/parent-1": conflicts.Choice.THEIRS}, expected_version=3
    )
    assert chosen.saved and "conflict_resolved" in actions(service, base.id)


def test_finishing_is_logged_and_an_erased_session_says_so(service: SessionService, clock: FakeClock) -> None:
    session = started(service, clock)
    assert family.finish(service, session, unsaved=False).saved
    assert "finished" in actions(service, session.id)
    service.erase(session.id)
    assert family.finish(service, session, unsaved=False).problem == family.SaveProblem.ERASED
    gone = family.save_answers(service, GRID, session, {fields.leaning("youth"): "wait"})
    assert gone.problem == family.SaveProblem.ERASED
