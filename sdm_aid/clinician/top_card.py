"""The card at the top of the clinician's session page: the session read in 30 seconds.

The decision or the deferral (with what is still needed), who agrees, is not sure or does not
agree (family members only: a peer worker guides, they do not decide), each person's SURE
score before and after, whose answers are private, the peer worker's note, and how many days
the follow-up is overdue. Names are plain text; the page escapes them once, as HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sdm_aid.content.models import OptionGrid
from sdm_aid.i18n import Language
from sdm_aid.sessions import labels
from sdm_aid.sessions.models import (
    FAMILY_ROLES,
    NOT_SURE,
    AnswerPart,
    Decided,
    DecisionSession,
    Deferred,
)
from sdm_aid.sessions.status import FollowUpState, follow_up_state
from sdm_aid.wizard import privacy


@dataclass(frozen=True)
class SureLine:
    name: str
    before: int | None
    after: int | None

    @property
    def change(self) -> int | None:
        return None if self.before is None or self.after is None else self.after - self.before


@dataclass(frozen=True)
class PrivateLine:
    name: str
    parts: tuple[str, ...]
    """What they keep private, in words ('what matters', 'questions', ...)."""


@dataclass(frozen=True)
class TopCard:
    outcome: str
    """'decided', 'deferred' or 'open'."""
    chosen: str | None
    """The chosen option's label (decided)."""
    deferral_reason: str | None
    still_needed: str
    agree: tuple[str, ...]
    unsure: tuple[str, ...]
    disagree: tuple[str, ...]
    sure: tuple[SureLine, ...]
    private: tuple[PrivateLine, ...]
    peer_guided: bool
    peer_note: str
    follow_up_at: datetime | None
    follow_up_state: FollowUpState | None
    days_overdue: int | None
    """Whole days since a planned follow-up should have taken place; None when not overdue."""


def _option(grid: OptionGrid, option_id: str, language: Language) -> str:
    if option_id == NOT_SURE:
        return labels.not_sure_label(labels.translator(language))
    option = next((o for o in grid.options if o.id == option_id), None)
    return option.label.get(language) if option else option_id


def top_card(session: DecisionSession, grid: OptionGrid, *, now: datetime, language: Language) -> TopCard:
    """What the clinician sees first on a session's page (`language`: the clinician's)."""
    lt = labels.translator(language)
    family = {p.id: p.label for p in session.participants if p.role in FAMILY_ROLES}

    def names(ids: list[str]) -> tuple[str, ...]:
        return tuple(family[pid] for pid in ids if pid in family)

    outcome = session.outcome
    kind, chosen, reason, still_needed = "open", None, None, ""
    agree: tuple[str, ...] = ()
    unsure: tuple[str, ...] = ()
    disagree: tuple[str, ...] = ()
    if isinstance(outcome, Decided):
        kind, chosen = "decided", _option(grid, outcome.option_id, language)
        agree, unsure, disagree = names(outcome.agree), names(outcome.unsure), names(outcome.disagree)
    elif isinstance(outcome, Deferred):
        kind, reason, still_needed = (
            "deferred",
            labels.deferral_reason_label(outcome.reason, lt),
            outcome.still_needed,
        )
    sure = tuple(
        SureLine(
            person.label,
            result.before.score if result and result.before else None,
            result.after.score if result and result.after else None,
        )
        for person in session.family
        if (result := session.sure.get(person.id)) is not None
    )
    private = tuple(
        PrivateLine(
            person.label,
            tuple(
                labels.answer_part_label(part, lt)
                for part in AnswerPart
                if part in parts and part != AnswerPart.NOTES
            ),
        )
        for person in session.participants
        if (parts := privacy.private_parts(session, person.id))
    )
    follow_up = session.follow_up
    state = follow_up_state(follow_up, now) if follow_up else None
    overdue = (now - follow_up.starts_at).days if follow_up and state == FollowUpState.OVERDUE else None
    return TopCard(
        outcome=kind,
        chosen=chosen,
        deferral_reason=reason,
        still_needed=still_needed,
        agree=agree,
        unsure=unsure,
        disagree=disagree,
        sure=sure,
        private=private,
        peer_guided=session.peer_worker_guides,
        peer_note=session.handoff_note.strip(),
        follow_up_at=follow_up.starts_at if follow_up else None,
        follow_up_state=state,
        days_overdue=overdue,
    )
