"""Whose turn it is on a shared tablet, and how far each person is (never what they answered)."""

from __future__ import annotations

from factories import minimal_grid, new_session

from sdm_aid.sessions.models import AbilityAnswer, ParticipantAnswers
from sdm_aid.wizard import step_registry, steps, turns

GRID = minimal_grid()  # considerations: quick, no-pills; options: talking, pills, wait
VALUES = step_registry.step("values")
ABILITY = step_registry.step("ability")


def test_the_tablet_starts_with_the_first_person_the_step_waits_for() -> None:
    session = new_session(GRID, parents=2)
    assert turns.first_turn(session, GRID, VALUES).id == "youth"
    session.answers = {"youth": ParticipantAnswers(importance={"quick": 1, "no-pills": 2}, leaning="wait")}
    assert turns.first_turn(session, GRID, VALUES).id == "parent-1"
    assert [p.id for p in turns.waiting_for(session, GRID, VALUES)] == ["parent-1", "parent-2"]
    assert turns.after(session, "youth").id == "parent-1" and turns.after(session, "parent-2") is None


def test_someone_on_their_own_device_is_not_waited_for_on_the_tablet() -> None:
    session = new_session(GRID, parents=2)
    session.participants = [
        p.model_copy(update={"own_device": True}) if p.id == "parent-2" else p for p in session.participants
    ]
    assert [p.id for p in session.family_here] == ["youth", "parent-1"]
    assert turns.after(session, "parent-1") is None
    problems = steps.step_problems(session, GRID, VALUES)
    assert {p.participant_id for p in problems} == {"youth", "parent-1"}


def test_progress_per_person_and_step() -> None:
    session = new_session(GRID, parents=1)
    session.answers = {
        "youth": ParticipantAnswers(importance={"quick": 1}, leaning="pills", private_steps=["values"]),
        "parent-1": ParticipantAnswers(ability={"pills": AbilityAnswer(confidence=5)}),
    }
    progress = turns.progress(session, GRID)
    assert progress["youth"]["values"] == turns.Progress.PARTLY  # private: how far, never what
    assert progress["parent-1"]["values"] == turns.Progress.NOT_YET
    assert progress["parent-1"]["ability"] == turns.Progress.DONE
    assert progress["youth"]["ability"] == turns.Progress.NOT_YET
    assert progress["youth"]["recommendation"] == turns.Progress.NOT_YET  # questions are optional
    assert turns.after_progress(session, "youth") == turns.Progress.NOT_YET
