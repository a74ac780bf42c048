from datetime import UTC, datetime

from factories import minimal_grid, new_session

from sdm_aid.elements import SdmElement
from sdm_aid.sessions.models import (
    AbilityAnswer,
    Decided,
    DeferralReason,
    Deferred,
    FollowUp,
    ParticipantAnswers,
    SureAnswers,
)
from sdm_aid.wizard import step_registry, steps
from sdm_aid.wizard.steps import Missing, Problem

NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)
YES = SureAnswers(
    sure_of_best_choice=True,
    know_benefits_and_risks=True,
    clear_what_matters=True,
    enough_support_and_advice=True,
)


def test_todays_steps_are_the_nine_elements_in_their_order() -> None:
    assert [spec.elements for spec in step_registry.STEPS] == [(element,) for element in SdmElement]
    assert [spec.id for spec in step_registry.STEPS] == [element.value for element in SdmElement]
    assert steps.next_step("explain_problem") == "present_options" and steps.next_step("follow_up") is None
    assert steps.previous_step("explain_problem") is None and steps.previous_step("follow_up") == "decide"
    assert steps.progress_fraction("follow_up") == 1.0
    assert step_registry.position("values") == 4 and step_registry.total() == 9


def test_a_step_id_no_step_has_any_more_opens_the_first_step() -> None:
    assert step_registry.step("a_step_removed_later").id == step_registry.FIRST


def test_family_is_youth_then_parents_without_peer_worker() -> None:
    session = new_session(parents=2, peer_worker=True)
    assert [p.id for p in session.family] == ["youth", "parent-1", "parent-2"]


def test_values_needs_every_rating_and_a_leaning_per_person() -> None:
    grid = minimal_grid()
    session = new_session(grid, parents=1)
    assert Problem(Missing.LEANING, "youth") in steps.step_problems(
        session, grid, step_registry.for_element(SdmElement.VALUES)
    )
    all_rated = {"quick": 4, "no-pills": 0}
    session.answers = {
        "youth": ParticipantAnswers(importance=all_rated, leaning="not_sure"),
        "parent-1": ParticipantAnswers(importance={"quick": 2}, leaning="talking"),
    }
    assert steps.step_problems(session, grid, step_registry.for_element(SdmElement.VALUES)) == [
        Problem(Missing.IMPORTANCE, "parent-1")
    ]
    session.answers["parent-1"].importance = all_rated
    assert steps.step_problems(session, grid, step_registry.for_element(SdmElement.VALUES)) == []


def test_ability_asks_confidence_only_for_options_someone_leans_to() -> None:
    grid = minimal_grid()
    session = new_session(grid)
    session.answers = {
        "youth": ParticipantAnswers(leaning="pills"),
        "parent-1": ParticipantAnswers(leaning="wait"),
    }
    assert steps.leaned_options(session, grid) == ["pills", "wait"]
    assert steps.step_problems(session, grid, step_registry.for_element(SdmElement.ABILITY)) == [
        Problem(Missing.CONFIDENCE, option_id="pills"),
        Problem(Missing.CONFIDENCE, option_id="wait"),
    ]
    session.answers["parent-1"].ability = {
        "pills": AbilityAnswer(confidence=3),
        "wait": AbilityAnswer(confidence=8),
    }
    assert steps.step_problems(session, grid, step_registry.for_element(SdmElement.ABILITY)) == []


def test_recommendation_understanding_decide_follow_up() -> None:
    grid = minimal_grid()
    session = new_session(grid, parents=0)
    # The advice follows in the conversation: the waiting room only collects questions.
    assert steps.step_problems(session, grid, step_registry.for_element(SdmElement.RECOMMENDATION)) == []

    assert steps.step_problems(session, grid, step_registry.for_element(SdmElement.UNDERSTANDING)) == [
        Problem(Missing.UNDERSTANDING, "youth")
    ]
    session.answers["youth"] = ParticipantAnswers(understanding={"choice": False})
    assert steps.step_problems(session, grid, step_registry.for_element(SdmElement.UNDERSTANDING)) == []

    # The SURE questions 'after' come after the conversation, not before Next on step 8.
    assert steps.step_problems(session, grid, step_registry.for_element(SdmElement.DECIDE)) == [
        Problem(Missing.OUTCOME),
    ]
    session.outcome = Deferred(reason=DeferralReason.NOT_READY, recorded_at=NOW)
    assert steps.step_problems(session, grid, step_registry.for_element(SdmElement.DECIDE)) == []

    # A deferral makes the follow-up required and the step not skippable.
    assert steps.step_problems(session, grid, step_registry.for_element(SdmElement.FOLLOW_UP)) == [
        Problem(Missing.FOLLOW_UP)
    ]
    assert not steps.can_skip(session, step_registry.for_element(SdmElement.FOLLOW_UP))
    session.follow_up = FollowUp(starts_at=NOW)
    assert steps.step_problems(session, grid, step_registry.for_element(SdmElement.FOLLOW_UP)) == []

    session.outcome = Decided(option_id="talking", recorded_at=NOW)
    session.follow_up = None
    assert steps.step_problems(session, grid, step_registry.for_element(SdmElement.FOLLOW_UP)) == [
        Problem(Missing.FOLLOW_UP)
    ]
    assert steps.can_skip(session, step_registry.for_element(SdmElement.FOLLOW_UP))
    assert not steps.can_skip(session, step_registry.for_element(SdmElement.DECIDE))
    assert steps.can_skip(session, step_registry.for_element(SdmElement.PROS_AND_CONS))
