"""Who may see which answers: a young person's private answers (per step) are seen by them and
by the clinician, never by a parent or on a shared screen between turns."""

from __future__ import annotations

import json

from factories import minimal_grid, new_session
from hypothesis import given, settings
from hypothesis import strategies as st

from sdm_aid.sessions.models import (
    AbilityAnswer,
    AnswerPart,
    DecisionSession,
    ParticipantAnswers,
    SureAnswers,
    SureResult,
)
from sdm_aid.wizard import privacy, step_registry

GRID = minimal_grid()
SECRET = "GEHEIM-7Q"
PER_PERSON = [spec.id for spec in step_registry.per_person_steps()]


def youth_answers(private_steps: list[str]) -> DecisionSession:
    session = new_session(GRID, parents=2)
    session.answers = {
        "youth": ParticipantAnswers(
            importance={"quick": 4},
            leaning="pills",
            ability={"pills": AbilityAnswer(confidence=3, what_would_help=f"help {SECRET}")},
            understanding={"choice": False},
            questions=[f"vraag {SECRET}"],
            notes=f"notitie {SECRET}",
            private_steps=private_steps,
        ),
        "parent-1": ParticipantAnswers(importance={"quick": 1}, leaning="wait"),
    }
    no = SureAnswers(
        sure_of_best_choice=False,
        know_benefits_and_risks=False,
        clear_what_matters=False,
        enough_support_and_advice=False,
    )
    session.sure = {"youth": SureResult(before=no)}
    session.pending = {"own.youth": f"getypt {SECRET}", "helps.youth.pills": f"lang {SECRET}"}
    return session


def test_every_part_of_a_private_step_is_left_out_for_a_parent() -> None:
    session = youth_answers(PER_PERSON)
    seen = privacy.redacted(session, privacy.person("parent-1"))
    youth = seen.answers["youth"]
    assert (
        youth.importance,
        youth.leaning,
        youth.ability,
        youth.understanding,
        youth.questions,
        youth.notes,
    ) == (
        {},
        None,
        {},
        {},
        [],
        "",
    )
    assert "youth" not in seen.sure and seen.pending == {}
    assert SECRET not in seen.model_dump_json()
    assert seen.answers["parent-1"].importance == {"quick": 1}  # their own answers stay
    assert youth.private_steps == PER_PERSON  # that they are private is not itself a secret


def test_the_young_person_and_the_clinician_see_everything() -> None:
    session = youth_answers(PER_PERSON)
    assert privacy.redacted(session, privacy.person("youth")) is session
    assert privacy.redacted(session, privacy.CLINICIAN) is session


def test_only_the_private_steps_are_left_out() -> None:
    session = youth_answers(["values"])
    seen = privacy.redacted(session, privacy.EVERYBODY)
    youth = seen.answers["youth"]
    assert youth.importance == {} and youth.leaning is None
    assert youth.questions == [f"vraag {SECRET}"]  # step 6 is not private
    assert youth.notes == ""  # notes belong to no step: private as soon as any step is
    assert "own.youth" in seen.pending and "youth" in seen.sure


def test_parts_follow_the_step_registry() -> None:
    session = youth_answers(["ability", "explain_problem"])
    assert privacy.private_parts(session, "youth") == {AnswerPart.ABILITY, AnswerPart.SURE, AnswerPart.NOTES}
    assert privacy.private_parts(session, "parent-1") == frozenset()
    assert privacy.hidden_parts(session, privacy.person("youth")) == {}


TEXT_OF_PART = {
    AnswerPart.ABILITY: (f"help {SECRET}", f"lang {SECRET}"),
    AnswerPart.QUESTIONS: (f"vraag {SECRET}", f"getypt {SECRET}"),
    AnswerPart.NOTES: (f"notitie {SECRET}",),
}


@settings(max_examples=60, deadline=None)
@given(private=st.lists(st.sampled_from(PER_PERSON), unique=True, min_size=1))
def test_no_private_text_or_rating_reaches_anyone_else(private: list[str]) -> None:
    session = youth_answers(private)
    hidden = privacy.private_parts(session, "youth")
    for viewer in (privacy.EVERYBODY, privacy.person("parent-1"), privacy.person("parent-2")):
        seen = privacy.redacted(session, viewer)
        dumped = json.dumps(seen.model_dump(mode="json"))
        for part, texts in TEXT_OF_PART.items():
            for text in texts:
                assert (text in dumped) == (part not in hidden), (part, text)
        youth = seen.answers["youth"]
        assert (youth.importance == {}) == (AnswerPart.IMPORTANCE in hidden)
        assert (youth.leaning is None) == (AnswerPart.LEANING in hidden)
        assert (youth.understanding == {}) == (AnswerPart.UNDERSTANDING in hidden)
        assert ("youth" not in seen.sure) == (AnswerPart.SURE in hidden)
