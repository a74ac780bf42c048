"""The two paths through the steps (waiting room and full), as data in the step registry, and
the grid as each path presents it."""

from __future__ import annotations

from pathlib import Path

import pytest
from factories import new_session

from sdm_aid.content.loader import load_grid
from sdm_aid.content.models import OptionGrid, QuestionTopic
from sdm_aid.elements import SdmElement
from sdm_aid.sessions.models import NOT_SURE, ParticipantAnswers, WizardPath
from sdm_aid.wizard import paths, step_registry, steps, turns
from sdm_aid.wizard.step_registry import PATHS, Brevity
from sdm_aid.wizard.steps import Missing, Problem

SHIPPED = sorted((Path(__file__).parents[2] / "option_grids").glob("*.json"))


@pytest.fixture(scope="module", params=SHIPPED, ids=lambda p: p.stem)
def grid(request: pytest.FixtureRequest) -> OptionGrid:
    return load_grid(request.param).grid


@pytest.mark.parametrize("path", list(WizardPath))
def test_every_path_walks_the_nine_elements_in_their_order(path: WizardPath) -> None:
    order = PATHS[path].steps
    assert [step_registry.step(s).element for s in order] == list(SdmElement)
    assert step_registry.total(path) == 9 and step_registry.position("values", path) == 4
    assert steps.next_step("ability", path) == "recommendation" and steps.next_step("follow_up", path) is None
    assert steps.previous_step("explain_problem", path) is None
    assert steps.progress_fraction("follow_up", path) == 1.0


def test_the_waiting_room_path_is_short_and_the_full_path_shows_everything() -> None:
    short, full = PATHS[WizardPath.WAITING_ROOM], PATHS[WizardPath.FULL]
    assert full.brevity == Brevity() and full.minutes > short.minutes
    assert short.minutes <= 12  # what bench/bench_walk.py measures for one young person
    assert short.brevity.words and short.brevity.core_questions_only
    assert short.brevity.considerations and short.brevity.checks


def test_a_path_that_misses_an_element_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    broken = step_registry.PathSpec(WizardPath.WAITING_ROOM, step_registry.ALL_STEPS[:-1], Brevity(), 5)
    monkeypatch.setitem(step_registry.PATHS, WizardPath.WAITING_ROOM, broken)
    with pytest.raises(ValueError, match="nine SDM elements"):
        step_registry.check_registry()


def test_the_full_path_presents_the_grid_itself(grid: OptionGrid) -> None:
    assert paths.presented(grid, WizardPath.FULL) is grid


def test_the_waiting_room_presents_the_core_of_the_grid(grid: OptionGrid) -> None:
    brevity = PATHS[WizardPath.WAITING_ROOM].brevity
    short = paths.presented(grid, WizardPath.WAITING_ROOM)
    assert short is paths.presented(grid, WizardPath.WAITING_ROOM)  # the same object: screens cache by it
    assert short.considerations == grid.considerations[: brevity.considerations]
    assert short.understanding_checks == grid.understanding_checks[: brevity.checks]
    assert short.clinician_questions == grid.clinician_questions[: brevity.suggested_questions]
    topics = [q.topic for q in short.questions]
    assert topics == sorted(set(topics), key=topics.index)  # one question per topic
    assert set(topics) == {QuestionTopic.BENEFITS, QuestionTopic.HARMS}
    assert [q.id for q in short.questions] == [q.id for q in grid.questions if q in short.questions]
    assert short.options == grid.options and grid.considerations != short.considerations


def test_the_waiting_room_asks_only_what_it_shows(grid: OptionGrid) -> None:
    session = new_session(grid, parents=0, peer_worker=True)
    session.path = WizardPath.WAITING_ROOM
    values = step_registry.for_element(SdmElement.VALUES)
    shown = paths.for_session(session, grid).considerations
    session.answers = {"youth": ParticipantAnswers(importance={c.id: 2 for c in shown}, leaning=NOT_SURE)}
    assert steps.step_problems(session, grid, values) == []
    assert turns.step_progress(session, grid, values, "youth") == turns.Progress.DONE
    session.path = WizardPath.FULL  # 'Read everything': now every consideration is asked
    assert steps.step_problems(session, grid, values) == [Problem(Missing.IMPORTANCE, "youth")]
    assert turns.step_progress(session, grid, values, "youth") == turns.Progress.PARTLY
