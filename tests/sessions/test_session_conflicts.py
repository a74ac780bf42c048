"""Two versions of one session: what differs, and a version that keeps what people chose."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from factories import minimal_grid, new_session

from sdm_aid.sessions import labels, rules
from sdm_aid.sessions.conflicts import Choice, differences, keep_mine, resolve
from sdm_aid.sessions.models import DecisionSession

GRID = minimal_grid()


def versions() -> tuple[DecisionSession, DecisionSession]:
    """Both start from version 1; 'theirs' was saved elsewhere as version 2."""
    base = new_session(GRID).model_copy(update={"version": 1})
    mine, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    rules.participant_answers(mine, "youth").importance = {"quick": 4}
    rules.participant_answers(mine, "youth").notes = "Op de tablet"
    rules.participant_answers(theirs, "youth").notes = "Op de telefoon"
    rules.set_leaning(theirs, GRID, "parent-1", "wait")
    theirs = theirs.model_copy(update={"version": 2, "updated_at": datetime.now(UTC)})
    return mine, theirs


def test_differences_are_leaves_with_both_values_and_ignore_storage_fields() -> None:
    mine, theirs = versions()
    found = {d.key: d for d in differences(mine, theirs)}
    assert set(found) == {"answers/youth/importance/quick", "answers/youth/notes", "answers/parent-1"}
    notes = found["answers/youth/notes"]
    assert (notes.mine, notes.theirs, notes.can_keep_both) == ("Op de tablet", "Op de telefoon", True)
    assert found["answers/youth/importance/quick"].theirs is None  # not there in the other version


def test_resolve_takes_each_chosen_side_on_top_of_the_stored_version() -> None:
    mine, theirs = versions()
    merged = resolve(
        mine,
        theirs,
        {"answers/youth/importance/quick": Choice.MINE, "answers/youth/notes": Choice.BOTH},
    )
    assert merged.version == 2  # saved as the version after the stored one
    assert merged.answers["youth"].importance == {"quick": 4}
    assert merged.answers["youth"].notes == "Op de telefoon\n\nOp de tablet"
    assert merged.answers["parent-1"].leaning == "wait"  # not chosen: the other version's


def test_keep_both_is_only_for_texts_and_an_invalid_mix_is_refused() -> None:
    mine, theirs = versions()
    with pytest.raises(ValueError):
        resolve(mine, theirs, {"answers/youth/importance/quick": Choice.BOTH})
    assert keep_mine(mine, theirs).answers["youth"].notes == "Op de tablet"
    assert keep_mine(mine, theirs).version == 2


def test_each_difference_has_a_label_in_the_session_language() -> None:
    mine, theirs = versions()
    t = labels.translator("nl")
    named = [labels.difference_label(d, mine, GRID, t) for d in differences(mine, theirs)]
    assert any(name.startswith("Jongere · Hoe belangrijk · ") for name in named)
    assert labels.stored_value_text(None, t) == "(leeg)"
    assert labels.stored_value_text(True, t) == "Ja"
