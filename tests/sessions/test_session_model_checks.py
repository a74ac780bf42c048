"""The session model refuses data that cannot be right, whoever builds it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from factories import minimal_grid, new_session
from pydantic import ValidationError

from sdm_aid.elements import SdmElement
from sdm_aid.sessions.models import (
    NOT_SURE,
    Decided,
    DecisionSession,
    ElementProgress,
    ElementStatus,
    Participant,
    ParticipantAnswers,
    Role,
)

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


def data(**changes) -> dict:
    return new_session(minimal_grid(), parents=2, peer_worker=True, now=NOW).model_dump() | changes


@pytest.mark.parametrize("label", ["Ouder 1", "Sam", "Mama", "Jongere 2010", "Ouder 12"])
def test_nicknames_are_fine(label: str) -> None:
    assert Participant(id="p", role=Role.PARENT, label=label).label == label


@pytest.mark.parametrize(
    "label", ["sam@example.org", "mama @ thuis.nl x@y", "0612345678", "06-1234 5678", "+31 6 12345678"]
)
def test_labels_that_look_like_contact_details_are_refused(label: str) -> None:
    with pytest.raises(ValidationError, match="nickname"):
        Participant(id="p", role=Role.PARENT, label=label)


def test_exactly_one_young_person_and_at_most_two_parents() -> None:
    base = data()
    youth, p1, p2, peer = base["participants"]
    with pytest.raises(ValidationError, match="exactly one young person"):
        DecisionSession.model_validate(base | {"participants": [p1, peer]})
    with pytest.raises(ValidationError, match="exactly one young person"):
        DecisionSession.model_validate(base | {"participants": [youth, youth | {"id": "y2"}]})
    third = p2 | {"id": "parent-3", "label": "Ouder 3"}
    with pytest.raises(ValidationError, match="at most 2 parents"):
        DecisionSession.model_validate(base | {"participants": [youth, p1, p2, third]})
    with pytest.raises(ValidationError, match="unique"):
        DecisionSession.model_validate(base | {"participants": [youth, p1, p1]})


def test_answers_and_decisions_must_name_participants() -> None:
    with pytest.raises(ValidationError, match="unknown participants"):
        DecisionSession.model_validate(data(answers={"ghost": {}}))
    with pytest.raises(ValidationError, match="unknown participants"):
        DecisionSession.model_validate(data(sure={"ghost": {}}))
    decided = Decided(option_id="talking", agree=["youth", "ghost"], recorded_at=NOW).model_dump()
    with pytest.raises(ValidationError, match="unknown participants"):
        DecisionSession.model_validate(data(outcome=decided))
    both = Decided(option_id="talking", agree=["youth"], disagree=["youth"], recorded_at=NOW).model_dump()
    with pytest.raises(ValidationError, match="more than one vote"):
        DecisionSession.model_validate(data(outcome_history=[both]))


def test_only_the_young_person_can_keep_answers_private() -> None:
    DecisionSession.model_validate(data(answers={"youth": {"private_steps": ["values"]}}))
    with pytest.raises(ValidationError, match="only the young person"):
        DecisionSession.model_validate(data(answers={"parent-1": {"private_steps": ["values"]}}))


def test_leaning_is_an_option_id_or_not_sure() -> None:
    assert ParticipantAnswers(leaning=NOT_SURE).leaning == NOT_SURE
    assert ParticipantAnswers(leaning="parent-training").leaning == "parent-training"
    for bad in ["Not sure", "not sure", "", "<b>x</b>"]:
        with pytest.raises(ValidationError, match="leaning"):
            ParticipantAnswers(leaning=bad)


def test_elements_are_the_nine_in_order_and_skips_have_reasons() -> None:
    elements = data()["elements"]
    with pytest.raises(ValidationError, match="nine SDM elements"):
        DecisionSession.model_validate(data(elements=list(reversed(elements))))
    with pytest.raises(ValidationError, match="reason"):
        ElementProgress(element=SdmElement.VALUES, status=ElementStatus.SKIPPED, skip_reason=" ")
    with pytest.raises(ValidationError, match="only the decision"):
        ElementProgress(element=SdmElement.VALUES, status=ElementStatus.DEFERRED)


def test_a_refused_assignment_leaves_the_session_as_it_was() -> None:
    session = new_session(minimal_grid(), parents=1, now=NOW)
    decided = Decided(option_id="talking", agree=["youth"], recorded_at=NOW)
    session.outcome = decided
    with pytest.raises(ValidationError, match="unknown participants"):
        session.outcome = Decided(option_id="talking", agree=["ghost"], recorded_at=NOW)
    assert session.outcome == decided
    with pytest.raises(ValidationError, match="only the young person"):
        session.answers = {"parent-1": ParticipantAnswers(private_steps=["values"])}
    assert session.answers == {}
    with pytest.raises(ValidationError):
        session.current_step = "Not a step!"
    assert session.current_step == "explain_problem"


def test_option_ids_have_the_grid_id_form() -> None:
    with pytest.raises(ValidationError):
        Decided(option_id="Talking Therapy", recorded_at=NOW)
