"""Comparing what matters to the young person and to each parent (wizard step 4, summary)."""

from __future__ import annotations

from factories import minimal_grid, new_session

from sdm_aid.sessions.agreement import DIFFERENCE_THRESHOLD, LeaningAgreement, compare_values
from sdm_aid.sessions.models import NOT_SURE, DecisionSession, ParticipantAnswers

GRID = minimal_grid()  # considerations: quick, no-pills; options: talking, pills, wait


def with_answers(parents: int, **answers: ParticipantAnswers) -> DecisionSession:
    session = new_session(GRID, parents=parents, peer_worker=True)
    session.answers = {pid.replace("_", "-"): a for pid, a in answers.items()}
    return session


def test_threshold_is_two_points() -> None:
    assert DIFFERENCE_THRESHOLD == 2
    session = with_answers(
        2,
        youth=ParticipantAnswers(importance={"quick": 4, "no-pills": 1}, leaning="talking"),
        parent_1=ParticipantAnswers(importance={"quick": 3, "no-pills": 3}, leaning="talking"),
        parent_2=ParticipantAnswers(importance={"quick": 2, "no-pills": 2}, leaning="talking"),
    )
    result = compare_values(session, GRID)
    quick, no_pills = result.considerations
    assert (quick.consideration_id, quick.youth, quick.parents) == (
        "quick",
        4,
        {"parent-1": 3, "parent-2": 2},
    )
    assert quick.youth_differs_from == ("parent-2",)  # 4 vs 3: close; 4 vs 2: apart
    assert not quick.parents_split  # 3 vs 2
    assert no_pills.youth_differs_from == ("parent-1",)  # 1 vs 3 apart, 1 vs 2 close
    assert [c.consideration_id for c in result.differing] == ["quick", "no-pills"]
    assert result.leaning_agreement == LeaningAgreement.SAME
    assert result.youth_and_parents_lean_same is True
    assert not result.parents_split


def test_parents_who_differ_from_each_other_are_a_split() -> None:
    session = with_answers(
        2,
        youth=ParticipantAnswers(importance={"quick": 2}),
        parent_1=ParticipantAnswers(importance={"quick": 4}, leaning="pills"),
        parent_2=ParticipantAnswers(importance={"quick": 0}, leaning="pills"),
    )
    result = compare_values(session, GRID)
    assert result.considerations[0].parents_split
    assert result.considerations[0].youth_differs_from == ("parent-1", "parent-2")
    assert result.parents_split and not result.parents_split_leaning


def test_split_leaning_and_different_leaning() -> None:
    session = with_answers(
        2,
        youth=ParticipantAnswers(leaning="wait"),
        parent_1=ParticipantAnswers(leaning="talking"),
        parent_2=ParticipantAnswers(leaning="pills"),
    )
    result = compare_values(session, GRID)
    assert result.parents_split_leaning and result.parents_split
    assert result.leaning_agreement == LeaningAgreement.DIFFERENT
    assert result.youth_and_parents_lean_same is False
    assert result.leanings == {"youth": "wait", "parent-1": "talking", "parent-2": "pills"}


def test_not_sure_or_missing_keeps_it_open() -> None:
    session = with_answers(
        1, youth=ParticipantAnswers(leaning=NOT_SURE), parent_1=ParticipantAnswers(leaning="pills")
    )
    assert compare_values(session, GRID).leaning_agreement == LeaningAgreement.OPEN
    session = with_answers(1, youth=ParticipantAnswers(leaning="pills"))
    result = compare_values(session, GRID)
    assert result.leaning_agreement == LeaningAgreement.OPEN
    assert result.youth_and_parents_lean_same is None
    assert result.considerations[0].parents == {"parent-1": None}
    assert not result.considerations[0].complete and not result.considerations[0].differs
    # One parent sure and different already counts as a difference.
    session = with_answers(
        2,
        youth=ParticipantAnswers(leaning="pills"),
        parent_1=ParticipantAnswers(leaning=NOT_SURE),
        parent_2=ParticipantAnswers(leaning="wait"),
    )
    assert compare_values(session, GRID).leaning_agreement == LeaningAgreement.DIFFERENT


def test_private_youth_answers_can_be_hidden() -> None:
    session = with_answers(
        1,
        youth=ParticipantAnswers(importance={"quick": 0}, leaning="wait", private=True),
        parent_1=ParticipantAnswers(importance={"quick": 4}, leaning="pills"),
    )
    shown = compare_values(session, GRID)
    assert shown.considerations[0].youth == 0 and shown.considerations[0].differs and not shown.youth_hidden
    hidden = compare_values(session, GRID, hide_private=True)
    assert hidden.youth_hidden
    assert hidden.considerations[0].youth is None and not hidden.considerations[0].differs
    assert hidden.leanings["youth"] is None and hidden.leaning_agreement == LeaningAgreement.OPEN


def test_no_parent_and_no_answers() -> None:
    result = compare_values(new_session(GRID, parents=0), GRID)
    assert result.parent_ids == ()
    assert [c.consideration_id for c in result.considerations] == ["quick", "no-pills"]
    assert not result.parents_split and result.leaning_agreement == LeaningAgreement.OPEN
