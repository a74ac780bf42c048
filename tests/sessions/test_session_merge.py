"""Two screens saving the same conversation: different people's changes are both kept; one
person's answers changed on two screens at once are never merged behind their back."""

from __future__ import annotations

from factories import minimal_grid, new_session

from sdm_aid.sessions import conflicts
from sdm_aid.sessions.models import ParticipantAnswers
from sdm_aid.wizard.fields import path_owner

GRID = minimal_grid()


def base_and_copies():
    base = new_session(GRID, parents=2)
    base.version = 3
    return base, base.model_copy(deep=True), base.model_copy(deep=True)


def test_different_people_on_different_screens_are_merged() -> None:
    base, tablet, phone = base_and_copies()
    tablet.answers = {"youth": ParticipantAnswers(importance={"quick": 4})}
    tablet.current_step = "values"
    phone.answers = {"parent-1": ParticipantAnswers(importance={"quick": 1}, leaning="wait")}
    phone.version = 4  # stored first
    merged = conflicts.merge(base, tablet, phone, owner=path_owner)
    assert merged is not None and merged.version == 4
    assert merged.answers["youth"].importance == {"quick": 4}
    assert merged.answers["parent-1"].leaning == "wait" and merged.current_step == "values"


def test_one_person_on_two_screens_is_a_conflict_even_for_different_answers() -> None:
    base, tablet, phone = base_and_copies()
    tablet.answers = {"parent-1": ParticipantAnswers(importance={"quick": 4})}
    phone.answers = {"parent-1": ParticipantAnswers(leaning="wait")}
    assert conflicts.merge(base, tablet, phone, owner=path_owner) is None
    # A kept (pending) text of theirs counts as theirs too.
    tablet, phone = base.model_copy(deep=True), base.model_copy(deep=True)
    tablet.pending = {"own.parent-1": "Vraag van de tablet"}
    phone.answers = {"parent-1": ParticipantAnswers(questions=["Vraag van de telefoon"])}
    assert conflicts.merge(base, tablet, phone, owner=path_owner) is None


def test_the_same_shared_place_changed_twice_is_a_conflict_unless_equal() -> None:
    base, mine, theirs = base_and_copies()
    mine.handoff_note, theirs.handoff_note = "Notitie hier", "Notitie daar"
    assert conflicts.merge(base, mine, theirs, owner=path_owner) is None
    theirs.handoff_note = "Notitie hier"
    assert conflicts.merge(base, mine, theirs, owner=path_owner) is not None


def test_a_combination_that_is_no_valid_session_is_not_merged() -> None:
    base, mine, theirs = base_and_copies()
    mine.answers = {"parent-2": ParticipantAnswers(leaning="wait")}
    theirs.participants = [p for p in theirs.participants if p.id != "parent-2"]  # not possible, but
    assert conflicts.merge(base, mine, theirs, owner=path_owner) is None  # never a broken session


def test_settling_a_conflict_never_undoes_what_others_changed() -> None:
    base, tablet, phone = base_and_copies()
    # Mama answers on two screens at once (a conflict); Papa answered on his phone meanwhile.
    tablet.answers = {"parent-1": ParticipantAnswers(leaning="wait")}
    phone.answers = {
        "parent-1": ParticipantAnswers(leaning="pills"),
        "parent-2": ParticipantAnswers(leaning="talking"),
    }
    phone.current_step = "values"
    shown = conflicts.contested(base, tablet, phone, owner=path_owner)
    assert [d.key for d in shown] == ["answers/parent-1/leaning"]  # only what this screen changed
    kept = conflicts.settle(base, tablet, phone, None, owner=path_owner)  # 'keep everything from here'
    assert kept.answers["parent-1"].leaning == "wait"
    assert kept.answers["parent-2"].leaning == "talking" and kept.current_step == "values"
    theirs = conflicts.settle(base, tablet, phone, {}, owner=path_owner)  # 'take the other version'
    assert theirs.answers["parent-1"].leaning == "pills" and theirs.answers["parent-2"].leaning == "talking"
