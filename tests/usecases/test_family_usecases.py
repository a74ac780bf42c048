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


def test_changes_by_different_people_on_two_screens_are_both_saved(
    service: SessionService, clock: FakeClock
) -> None:
    tablet = started(service, clock)
    service.invite(tablet.id, "parent-1")  # saved elsewhere since the tablet loaded its copy
    mama_phone = service.load(tablet.id)
    saved = family.save_answers(
        service, GRID, mama_phone, {fields.importance("parent-1", "quick"): 1}, base=mama_phone
    )
    assert saved.saved and not saved.merged
    result = family.save_answers(service, GRID, tablet, {fields.importance("youth", "quick"): 4}, base=tablet)
    assert result.saved and result.merged and result.problem is None
    stored = service.load(tablet.id)
    assert stored.answers["youth"].importance == {"quick": 4}
    assert stored.answers["parent-1"].importance == {"quick": 1} and stored.participant("parent-1").own_device


def test_one_person_on_two_screens_gets_the_conflict_and_nothing_is_overwritten(
    service: SessionService, clock: FakeClock
) -> None:
    session = started(service, clock)
    phone, tablet = service.load(session.id), service.load(session.id)
    family.save_answers(service, GRID, phone, {fields.importance("parent-1", "quick"): 1}, base=phone)
    result = family.save_answers(service, GRID, tablet, {fields.leaning("parent-1"): "wait"}, base=tablet)
    assert not result.saved and result.problem == family.SaveProblem.CONFLICT
    assert result.session.answers["parent-1"].leaning == "wait"  # kept on this screen
    stored = service.load(session.id)
    assert (
        stored.answers["parent-1"].importance == {"quick": 1} and stored.answers["parent-1"].leaning is None
    )


def test_an_own_device_changes_only_its_own_answers(service: SessionService, clock: FakeClock) -> None:
    session = started(service, clock)
    values = {fields.importance("parent-1", "quick"): 2, fields.importance("youth", "quick"): 0}
    result = family.save_answers(
        service, GRID, session, values, base=session, allowed=lambda field: field.participant_id == "parent-1"
    )
    assert result.saved and "youth" not in result.session.answers
    assert result.session.answers["parent-1"].importance == {"quick": 2}


def test_who_takes_part_changes_with_a_log_row_each(service: SessionService, clock: FakeClock) -> None:
    session = started(service, clock)
    bad = family.add_participant(service, session.id, label="06 12345678", now=clock())
    assert bad.session is None and bad.issue is not None
    taken = family.add_participant(service, session.id, label="mama", now=clock())
    assert taken.session is None and taken.refusal is not None and taken.refusal.code == "label_taken"
    added = family.add_participant(service, session.id, label="Papa", now=clock())
    assert added.session is not None and [p.label for p in added.session.family] == ["Sam", "Mama", "Papa"]
    papa = added.session.family[-1]
    assert papa.joined_at == clock()
    invited = family.invite(service, session.id, papa.id)
    assert invited.code and invited.session.participant(papa.id).own_device
    back = family.revoke_invitation(service, session.id, papa.id)
    assert back.session is not None and not back.session.participant(papa.id).own_device
    removed = family.remove_participant(service, session.id, papa.id, now=clock())
    assert removed.session is not None and [p.label for p in removed.session.family] == ["Sam", "Mama"]
    assert family.remove_participant(service, session.id, "youth", now=clock()).refusal is not None
    assert actions(service, session.id) == sorted(
        ["started", "participant_added", "invited", "invite_revoked", "participant_removed"]
    )
