"""Where a session and its follow-up stand, as pure functions of the data.

Storage answers the same questions in SQL ("which follow-ups are due?"); it must use the
constants here so the list in the clinician view and the label on a session always agree:

- planned and starts_at <  now                         -> OVERDUE
- planned and now <= starts_at < now + DUE_WITHIN      -> DUE
- planned and starts_at >= now + DUE_WITHIN            -> UPCOMING
- done / missed / rescheduled                          -> DONE / MISSED / RESCHEDULED
"""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

from sdm_aid.sessions.models import Decided, DecisionSession, Deferred, FollowUp, FollowUpStatus

DUE_WITHIN = timedelta(days=7)
"""A planned follow-up is 'due' when it starts within this time from now."""


class SessionStatus(StrEnum):
    """Decided by the current outcome only; unfinished steps do not change it."""

    IN_PROGRESS = "in-progress"
    DECIDED = "decided"
    DEFERRED = "deferred"


class FollowUpState(StrEnum):
    OVERDUE = "overdue"
    DUE = "due"
    UPCOMING = "upcoming"
    DONE = "done"
    MISSED = "missed"
    RESCHEDULED = "rescheduled"


def session_status(session: DecisionSession) -> SessionStatus:
    match session.outcome:
        case Decided():
            return SessionStatus.DECIDED
        case Deferred():
            return SessionStatus.DEFERRED
        case _:
            return SessionStatus.IN_PROGRESS


def follow_up_state(
    follow_up: FollowUp, now: datetime, *, due_within: timedelta = DUE_WITHIN
) -> FollowUpState:
    if now.tzinfo is None:
        raise TypeError("now must be timezone-aware")
    match follow_up.status:
        case FollowUpStatus.DONE:
            return FollowUpState.DONE
        case FollowUpStatus.MISSED:
            return FollowUpState.MISSED
        case FollowUpStatus.RESCHEDULED:
            return FollowUpState.RESCHEDULED
    return planned_follow_up_state(follow_up.starts_at, now, due_within=due_within)


def planned_follow_up_state(
    starts_at: datetime, now: datetime, *, due_within: timedelta = DUE_WITHIN
) -> FollowUpState:
    """Overdue, due or upcoming for a follow-up that is still planned (storage's lists use
    this on indexed columns, without loading the session)."""
    if starts_at < now:
        return FollowUpState.OVERDUE
    if starts_at < now + due_within:
        return FollowUpState.DUE
    return FollowUpState.UPCOMING
