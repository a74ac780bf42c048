"""Comparing what matters to every pair in the family (wizard step 4, summaries)."""

from __future__ import annotations

from datetime import UTC, datetime
from itertools import combinations

from factories import minimal_grid, new_session
from hypothesis import given, settings
from hypothesis import strategies as st

from sdm_aid.sessions.agreement import DIFFERENCE_THRESHOLD, LeaningAgreement, compare_values
from sdm_aid.sessions.models import NOT_SURE, DecisionSession, ParticipantAnswers
from sdm_aid.wizard import privacy

GRID = minimal_grid()  # considerations: quick, no-pills; options: talking, pills, wait


def with_answers(parents: int, **answers: ParticipantAnswers) -> DecisionSession:
    session = new_session(GRID, parents=parents, peer_worker=True)
    session.answers = {pid.replace("_", "-"): a for pid, a in answers.items()}
    return session


def test_threshold_is_two_points_for_every_pair() -> None:
    assert DIFFERENCE_THRESHOLD == 2
    session = with_answers(
        2,
        youth=ParticipantAnswers(importance={"quick": 4, "no-pills": 1}, leaning="talking"),
        parent_1=ParticipantAnswers(importance={"quick": 3, "no-pills": 3}, leaning="talking"),
        parent_2=ParticipantAnswers(importance={"quick": 2, "no-pills": 2}, leaning="talking"),
    )
    result = compare_values(session, GRID)
    quick, no_pills = result.considerations
    assert quick.ratings == {"youth": 4, "parent-1": 3, "parent-2": 2}
    assert quick.differing_pairs == (("youth", "parent-2"),)  # 4-3 close, 4-2 apart, 3-2 close
    assert no_pills.differing_pairs == (("youth", "parent-1"),)  # 1-3 apart, 1-2 close, 3-2 close
    assert [c.consideration_id for c in result.differing] == ["quick", "no-pills"]
    assert result.leaning_agreement == LeaningAgreement.SAME
    assert result.differing_leaning_pairs == ()


def test_parents_who_differ_from_each_other_show_like_any_other_pair() -> None:
    session = with_answers(
        2,
        youth=ParticipantAnswers(importance={"quick": 2}),
        parent_1=ParticipantAnswers(importance={"quick": 4}, leaning="pills"),
        parent_2=ParticipantAnswers(importance={"quick": 0}, leaning="wait"),
    )
    result = compare_values(session, GRID)
    assert result.considerations[0].differing_pairs == (
        ("youth", "parent-1"),
        ("youth", "parent-2"),
        ("parent-1", "parent-2"),
    )
    assert result.differing_leaning_pairs == (("parent-1", "parent-2"),)
    assert result.leaning_agreement == LeaningAgreement.DIFFERENT


def test_only_the_parents_differ() -> None:
    session = with_answers(
        2,
        youth=ParticipantAnswers(importance={"quick": 2}, leaning="talking"),
        parent_1=ParticipantAnswers(importance={"quick": 3}, leaning="talking"),
        parent_2=ParticipantAnswers(importance={"quick": 1}, leaning="pills"),
    )
    result = compare_values(session, GRID)
    assert result.considerations[0].differing_pairs == (("parent-1", "parent-2"),)
    assert result.considerations[0].differs  # highlighted exactly like a youth-parent difference
    assert result.differing_leaning_pairs == (("youth", "parent-2"), ("parent-1", "parent-2"))


def test_not_sure_or_missing_keeps_it_open() -> None:
    session = with_answers(
        1, youth=ParticipantAnswers(leaning=NOT_SURE), parent_1=ParticipantAnswers(leaning="pills")
    )
    assert compare_values(session, GRID).leaning_agreement == LeaningAgreement.OPEN
    session = with_answers(1, youth=ParticipantAnswers(leaning="pills"))
    result = compare_values(session, GRID)
    assert result.leaning_agreement == LeaningAgreement.OPEN
    assert result.considerations[0].ratings == {"youth": None, "parent-1": None}
    assert not result.considerations[0].complete and not result.considerations[0].differs
    # One parent sure and different already counts as a difference.
    session = with_answers(
        2,
        youth=ParticipantAnswers(leaning="pills"),
        parent_1=ParticipantAnswers(leaning=NOT_SURE),
        parent_2=ParticipantAnswers(leaning="wait"),
    )
    assert compare_values(session, GRID).leaning_agreement == LeaningAgreement.DIFFERENT


def test_private_youth_answers_are_private_not_missing() -> None:
    session = with_answers(
        1,
        youth=ParticipantAnswers(importance={"quick": 0}, leaning="wait", private_steps=["values"]),
        parent_1=ParticipantAnswers(importance={"quick": 4}, leaning="pills"),
    )
    shown = compare_values(session, GRID, hidden=privacy.hidden_parts(session, privacy.CLINICIAN))
    assert shown.considerations[0].ratings["youth"] == 0 and shown.considerations[0].differs
    assert shown.private == frozenset()
    hidden = compare_values(session, GRID, hidden=privacy.hidden_parts(session, privacy.EVERYBODY))
    assert hidden.private == {"youth"} and hidden.considerations[0].private == {"youth"}
    assert hidden.considerations[0].ratings["youth"] is None and not hidden.considerations[0].differs
    assert hidden.leanings["youth"] is None and hidden.leaning_agreement == LeaningAgreement.OPEN
    # The young person themself sees their own answers compared.
    own = compare_values(session, GRID, hidden=privacy.hidden_parts(session, privacy.person("youth")))
    assert own.private == frozenset() and own.considerations[0].differs


def test_a_removed_parent_is_no_longer_compared() -> None:
    session = with_answers(
        2,
        youth=ParticipantAnswers(importance={"quick": 4}),
        parent_1=ParticipantAnswers(importance={"quick": 4}),
        parent_2=ParticipantAnswers(importance={"quick": 0}),
    )
    session.participants = [
        p.model_copy(update={"removed_at": datetime(2026, 3, 1, tzinfo=UTC)}) if p.id == "parent-2" else p
        for p in session.participants
    ]
    result = compare_values(session, GRID)
    assert result.member_ids == ("youth", "parent-1") and not result.considerations[0].differs


def test_no_parent_and_no_answers() -> None:
    result = compare_values(new_session(GRID, parents=0), GRID)
    assert result.member_ids == ("youth",)
    assert [c.consideration_id for c in result.considerations] == ["quick", "no-pills"]
    assert result.every_pair == () and result.leaning_agreement == LeaningAgreement.OPEN


RATING = st.one_of(st.none(), st.integers(min_value=0, max_value=4))


@settings(max_examples=200, deadline=None)
@given(ratings=st.lists(RATING, min_size=3, max_size=3))
def test_every_pair_is_flagged_exactly_when_two_points_apart(ratings: list[int | None]) -> None:
    ids = ("youth", "parent-1", "parent-2")
    session = with_answers(
        2,
        **{
            pid.replace("-", "_"): ParticipantAnswers(importance={} if r is None else {"quick": r})
            for pid, r in zip(ids, ratings, strict=True)
        },
    )
    found = compare_values(session, GRID).considerations[0].differing_pairs
    expected = tuple(
        (ids[a], ids[b])
        for a, b in combinations(range(3), 2)
        if ratings[a] is not None and ratings[b] is not None and abs(ratings[a] - ratings[b]) >= 2
    )
    assert found == expected
