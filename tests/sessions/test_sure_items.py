"""The SURE test: items, score, interpretation, recording per participant and moment."""

from __future__ import annotations

import pytest
from factories import minimal_grid, new_session

from sdm_aid.sessions.labels import sure_interpretation_label, translator
from sdm_aid.sessions.models import SURE_CITATION, SureAnswers
from sdm_aid.sessions.rules import SessionRuleError
from sdm_aid.sessions.sure import (
    SURE_ITEMS,
    SureInterpretation,
    interpret_sure,
    record_sure,
    sure_change,
    sure_questions,
)

ALL_YES = dict.fromkeys((item.field for item in SURE_ITEMS), True)


def test_items_are_the_four_originals_keyed_to_the_answer_fields() -> None:
    assert [item.letter for item in SURE_ITEMS] == ["S", "U", "R", "E"]
    assert [item.field for item in SURE_ITEMS] == list(SureAnswers.model_fields)
    assert SURE_ITEMS[0].text == "Do you feel SURE about the best choice for you?"
    assert SURE_ITEMS[3].text == "Do you have enough support and advice to make a choice?"
    assert "Légaré" in SURE_CITATION and "O'Connor" in SURE_CITATION


def test_dutch_questions_are_different_texts_in_the_same_order() -> None:
    dutch = sure_questions(translator("nl"))
    english = sure_questions(translator("en"))
    assert [item for item, _ in dutch] == list(SURE_ITEMS)
    assert [text for _, text in english] == [item.text for item in SURE_ITEMS]
    assert all(nl != en for (_, nl), (_, en) in zip(dutch, english, strict=True))
    assert dutch[0][1].startswith("Weet je ZEKER")


@pytest.mark.parametrize(
    ("yes", "interpretation"),
    [
        (4, SureInterpretation.NO_CONFLICT),
        (3, SureInterpretation.POSSIBLE_CONFLICT),
        (0, SureInterpretation.POSSIBLE_CONFLICT),
    ],
)
def test_score_and_interpretation(yes: int, interpretation: SureInterpretation) -> None:
    fields = [item.field for item in SURE_ITEMS]
    answers = SureAnswers(**{field: index < yes for index, field in enumerate(fields)})
    assert answers.score == yes
    assert interpret_sure(answers.score) == interpretation
    assert sure_interpretation_label(interpretation, translator("nl"))
    with pytest.raises(ValueError):
        interpret_sure(5)


def test_record_before_and_after_and_change() -> None:
    session = new_session(minimal_grid(), parents=2)
    record_sure(session, "parent-2", "before", ALL_YES | {"clear_what_matters": False})
    record_sure(session, "parent-2", "after", SureAnswers(**ALL_YES))
    result = session.sure["parent-2"]
    assert (result.before.score, result.after.score) == (3, 4)
    assert sure_change(result) == 1
    assert sure_change(session.sure["parent-2"].model_copy(update={"after": None})) is None


def test_only_family_members_answer() -> None:
    session = new_session(minimal_grid(), peer_worker=True)
    for pid, code in [("peer", "sure_not_for_role"), ("nobody", "unknown_participant")]:
        with pytest.raises(SessionRuleError) as caught:
            record_sure(session, pid, "before", ALL_YES)
        assert caught.value.code == code
    assert session.sure == {}
