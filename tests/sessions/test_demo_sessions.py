"""Synthetic demo sessions: deterministic, valid, and a realistic mix of every case."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

import pytest
from factories import grid_ref, minimal_grid

from sdm_aid.elements import ELEMENT_ORDER
from sdm_aid.sessions.demo import PATTERN, generate_demo_sessions
from sdm_aid.sessions.models import Deferred, FollowUpStatus, Role
from sdm_aid.sessions.rules import end_state_problems, grid_problems
from sdm_aid.sessions.status import FollowUpState, SessionStatus, follow_up_state, session_status

NOW = datetime(2026, 11, 22, 21, 30, tzinfo=UTC)  # late evening: dates and times near midnight
GRID = minimal_grid()
OTHER = GRID.model_copy(update={"id": "test-other"})
GRIDS = [(GRID, grid_ref(GRID)), (OTHER, grid_ref(GRID).model_copy(update={"id": "test-other"}))]


@pytest.fixture(scope="module")
def sessions():
    return list(generate_demo_sessions(GRIDS, 200, now=NOW, seed=7))


def test_same_seed_same_sessions_other_seed_other_sessions(sessions) -> None:
    again = list(generate_demo_sessions(GRIDS, 200, now=NOW, seed=7))
    assert [s.model_dump() for s in again] == [s.model_dump() for s in sessions]
    other = list(generate_demo_sessions(GRIDS, 200, now=NOW, seed=8))
    assert [s.id for s in other] != [s.id for s in sessions]
    assert len({s.id for s in sessions}) == 200


def test_every_block_of_twenty_has_the_full_mix() -> None:
    first = list(generate_demo_sessions(GRIDS, len(PATTERN), now=NOW, seed=1))
    statuses = Counter(session_status(s) for s in first)
    assert statuses == {SessionStatus.IN_PROGRESS: 7, SessionStatus.DECIDED: 6, SessionStatus.DEFERRED: 7}
    states = Counter(follow_up_state(s.follow_up, NOW) for s in first if isinstance(s.outcome, Deferred))
    assert states[FollowUpState.UPCOMING] >= 2 and states[FollowUpState.DUE] >= 2
    assert states[FollowUpState.OVERDUE] == 1 and states[FollowUpState.MISSED] == 1
    revisited = [s for s in first if s.outcome_history]
    assert len(revisited) == 1 and revisited[0].follow_up.status == FollowUpStatus.DONE


def test_the_mix_covers_what_a_demo_needs(sessions) -> None:
    assert {s.grid.id for s in sessions} == {"test-worry", "test-other"}
    assert {len(s.parents) for s in sessions} == {1, 2}
    assert {any(p.role == Role.PEER_WORKER for p in s.participants) for s in sessions} == {True, False}
    assert any(s.answers.get("youth") and s.answers["youth"].private_steps for s in sessions)
    assert any(r.after is not None for s in sessions for r in s.sure.values())
    assert any(a.questions for s in sessions for a in s.answers.values())
    assert any(s.outcome and s.outcome.kind == "decided" and s.outcome.disagree for s in sessions)
    assert any(s.follow_up_history for s in sessions)
    assert {s.language for s in sessions} == {"nl", "en"}
    in_progress_steps = {s.current_step for s in sessions if s.outcome is None}
    assert in_progress_steps == {element.value for element in ELEMENT_ORDER[:8]}


def test_sessions_are_consistent_with_their_grid_and_time(sessions) -> None:
    for s in sessions:
        grid = GRID if s.grid.id == GRID.id else OTHER
        assert grid_problems(s, grid) == []
        assert s.created_at <= s.updated_at <= NOW
        for outcome in [*s.outcome_history, s.outcome]:
            if outcome is not None:
                assert s.created_at <= outcome.recorded_at <= NOW
        for follow_up in [*s.follow_up_history, s.follow_up]:
            if follow_up is not None and follow_up.status != FollowUpStatus.PLANNED:
                assert follow_up.starts_at <= NOW


def test_finished_sessions_are_valid_end_states_except_a_missed_follow_up(sessions) -> None:
    for s in sessions:
        if s.outcome is None:
            continue
        problems = [p.code for p in end_state_problems(s)]
        if s.follow_up and s.follow_up.status == FollowUpStatus.MISSED and isinstance(s.outcome, Deferred):
            assert problems == ["follow_up_required"]
        else:
            assert problems == []


def test_texts_are_plainly_fake(sessions) -> None:
    labels = {p.label for s in sessions for p in s.participants}
    assert labels <= {
        "Jongere", "Ouder 1", "Ouder 2", "Ervaringsdeskundige", "Behandelaar",
        "Young person", "Parent 1", "Parent 2", "Peer worker", "Clinician",
    }  # fmt: skip
    notes = {a.notes for s in sessions for a in s.answers.values()} | {s.handoff_note for s in sessions}
    assert all(note == "" or note.startswith("Demo:") for note in notes)


def test_arguments_are_checked() -> None:
    assert list(generate_demo_sessions(GRIDS, 0, now=NOW)) == []
    with pytest.raises(TypeError):
        next(generate_demo_sessions(GRIDS, 1, now=NOW.replace(tzinfo=None)))
    with pytest.raises(ValueError):
        next(generate_demo_sessions([], 1, now=NOW))
    with pytest.raises(ValueError, match="does not match"):
        next(generate_demo_sessions([(GRID, GRIDS[1][1])], 1, now=NOW))


def test_due_this_week_is_a_realistic_few_percent_at_scale() -> None:
    sessions = list(generate_demo_sessions(GRIDS, 4000, now=NOW, seed=3))
    states = Counter(follow_up_state(s.follow_up, NOW) for s in sessions if s.follow_up is not None)
    due = states[FollowUpState.DUE] / len(sessions)
    assert 0.01 <= due <= 0.05, due  # was 11 %: every block of twenty had two or three due
    assert states[FollowUpState.UPCOMING] > states[FollowUpState.DUE]
    planned = [s.follow_up.starts_at for s in sessions if s.follow_up and s.follow_up.status == "planned"]
    weeks = Counter((moment - NOW).days // 7 for moment in planned if moment > NOW)
    assert len(weeks) >= 12  # spread over the coming months, not bunched in the first weeks
    first = list(generate_demo_sessions(GRIDS, len(PATTERN), now=NOW, seed=3))
    assert [s.model_dump() for s in first] == [s.model_dump() for s in sessions[: len(PATTERN)]]
