"""The clinician's top card (issue 13, point 10): the session read in 30 seconds."""

from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "render"))

from render_samples import FOLLOW_UP_AT, NOW, SAMPLES, YOUTH_SECRET, grid_paths, load

from sdm_aid.clinician.top_card import top_card
from sdm_aid.sessions.models import FollowUpStatus, Role
from sdm_aid.sessions.status import FollowUpState

GRID = grid_paths()[0]


def session_of(sample: str):
    grid, raw = load(GRID)
    return grid, SAMPLES[sample](grid, raw, "nl")


def test_a_decision_with_who_agrees_and_who_does_not():
    grid, session = session_of("parents_disagree")
    card = top_card(session, grid, now=NOW, language="nl")
    assert card.outcome == "decided" and card.chosen == grid.options[0].label.get("nl")
    assert card.agree == ("Jongere", "Ouder 1") and card.disagree == ("Ouder 2",) and card.unsure == ()


def test_a_deferral_says_why_and_what_is_still_needed():
    grid, session = session_of("deferred")
    card = top_card(session, grid, now=NOW, language="nl")
    assert card.outcome == "deferred" and card.chosen is None
    assert card.deferral_reason and card.still_needed == "Informatie over wachttijden."


def test_the_peer_worker_is_no_decision_party_and_their_note_is_on_the_card():
    grid, session = session_of("largest")
    peer = next(p for p in session.participants if p.role == Role.PEER_WORKER)
    session.outcome = session.outcome.model_copy(update={"agree": [*session.outcome.agree, peer.id]})
    card = top_card(session, grid, now=NOW, language="nl")
    assert peer.label not in card.agree + card.unsure + card.disagree
    assert card.agree == ("Jongere", "Ouder 2")
    assert card.peer_guided and card.peer_note == session.handoff_note.strip()


def test_sure_before_and_after_per_person():
    grid, session = session_of("decided")
    card = top_card(session, grid, now=NOW, language="nl")
    assert [(line.name, line.before, line.after, line.change) for line in card.sure] == [
        ("Jongere", 2, 4, 2),
        ("Ouder 1", 3, 4, 1),
    ]


def test_private_answers_are_flagged_without_their_content():
    grid, session = session_of("private_youth")
    card = top_card(session, grid, now=NOW, language="nl")
    assert [line.name for line in card.private] == ["Jongere"]
    assert card.private[0].parts and YOUTH_SECRET not in repr(card)
    _grid, shared = session_of("decided")
    assert top_card(shared, grid, now=NOW, language="nl").private == ()


def test_days_overdue_counts_whole_days_since_the_planned_start():
    grid, session = session_of("decided")
    assert top_card(session, grid, now=NOW, language="nl").days_overdue is None  # still to come
    late = top_card(session, grid, now=FOLLOW_UP_AT + timedelta(days=3, hours=2), language="nl")
    assert late.follow_up_state == FollowUpState.OVERDUE and late.days_overdue == 3
    session.follow_up = session.follow_up.model_copy(update={"status": FollowUpStatus.DONE})
    done = top_card(session, grid, now=FOLLOW_UP_AT + timedelta(days=3), language="nl")
    assert done.days_overdue is None and done.follow_up_state == FollowUpState.DONE


def test_no_decision_yet():
    grid, session = session_of("decided")
    session.outcome = None
    card = top_card(session, grid, now=NOW, language="nl")
    assert card.outcome == "open" and card.agree == () and card.chosen is None
