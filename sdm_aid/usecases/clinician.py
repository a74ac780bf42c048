"""What a clinician does to a session, each as one function: open it, record the advice,
mark the conversation done, record how the follow-up went, revisit the decision (choose, or
put it off again), plan a new follow-up.

A change is made on a copy of the version the clinician was looking at (`seen`) through the
session rules, and stored with its access-log row in one transaction: both, or neither.
When someone else saved the session in the meantime, nothing is overwritten: the result
carries the latest version and what changed in it since `seen`, so the page can show that
and the clinician can save their change again on top of it (their entries stay in the form).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum

from sdm_aid.audit import AccessAction
from sdm_aid.content.models import OptionGrid
from sdm_aid.services.sessions import SessionService
from sdm_aid.sessions import conflicts, rules
from sdm_aid.sessions.errors import SessionRuleError
from sdm_aid.sessions.models import DecisionSession, DeferralReason, FollowUpMode, FollowUpStatus
from sdm_aid.storage import SessionNotFoundError, StaleSessionError, StorageError


class ChangeProblem(StrEnum):
    CHANGED_ELSEWHERE = "changed_elsewhere"
    UNAVAILABLE = "unavailable"
    ERASED = "erased"


@dataclass(frozen=True)
class ChangeResult:
    saved: DecisionSession | None
    """The stored session after the change; None when nothing was saved."""
    refusal: SessionRuleError | None = None
    problem: ChangeProblem | None = None
    latest: DecisionSession | None = None
    """With CHANGED_ELSEWHERE: the version stored now, to base the next try on."""
    changed_elsewhere: tuple[conflicts.Difference, ...] = ()
    """With CHANGED_ELSEWHERE: what differs between the version seen and `latest`."""


def open_session(service: SessionService, session_id: uuid.UUID, *, by: str) -> DecisionSession:
    """The session, read fresh, with its 'opened' row in the same transaction.
    SessionNotFoundError when it is gone; StorageError when the database is down."""
    return service.open(session_id, by=by, action=AccessAction.OPENED)


def _change(
    service: SessionService,
    seen: DecisionSession,
    change: Callable[[DecisionSession], None],
    action: AccessAction,
    by: str,
) -> ChangeResult:
    candidate = seen.model_copy(deep=True)
    try:
        change(candidate)
    except SessionRuleError as refusal:
        return ChangeResult(saved=None, refusal=refusal)
    try:
        return ChangeResult(saved=service.save(candidate, action=action, by=by))
    except StaleSessionError:
        pass
    except SessionNotFoundError:
        return ChangeResult(saved=None, problem=ChangeProblem.ERASED)
    except StorageError:
        return ChangeResult(saved=None, problem=ChangeProblem.UNAVAILABLE)
    try:
        latest = service.load(seen.id)
    except SessionNotFoundError:
        return ChangeResult(saved=None, problem=ChangeProblem.ERASED)
    except StorageError:
        return ChangeResult(saved=None, problem=ChangeProblem.UNAVAILABLE)
    return ChangeResult(
        saved=None,
        problem=ChangeProblem.CHANGED_ELSEWHERE,
        latest=latest,
        changed_elsewhere=tuple(conflicts.differences(latest, seen)),
    )


def record_follow_up_outcome(
    service: SessionService,
    seen: DecisionSession,
    *,
    by: str,
    status: FollowUpStatus,
    note: str,
    now: datetime,
) -> ChangeResult:
    def change(session: DecisionSession) -> None:
        rules.record_follow_up_outcome(session, status=FollowUpStatus(status), note=note, now=now)

    return _change(service, seen, change, AccessAction.FOLLOW_UP_RECORDED, by)


def revisit_decision(
    service: SessionService,
    seen: DecisionSession,
    grid: OptionGrid,
    *,
    by: str,
    option_id: str,
    agree: list[str],
    disagree: list[str],
    unsure: list[str] | None = None,
    now: datetime,
) -> ChangeResult:
    """A new decision; the earlier one stays in the history."""

    def change(session: DecisionSession) -> None:
        rules.record_decision(
            session, grid, option_id=option_id, agree=agree, disagree=disagree, unsure=unsure, now=now
        )

    return _change(service, seen, change, AccessAction.DECISION_REVISITED, by)


def defer_again(
    service: SessionService,
    seen: DecisionSession,
    *,
    by: str,
    reason: DeferralReason,
    details: str,
    still_needed: str,
    now: datetime,
) -> ChangeResult:
    """Put the decision off (again); the earlier decision stays in the history."""

    def change(session: DecisionSession) -> None:
        rules.defer_decision(
            session, reason=DeferralReason(reason), details=details, still_needed=still_needed, now=now
        )

    return _change(service, seen, change, AccessAction.DECISION_REVISITED, by)


def plan_follow_up(
    service: SessionService,
    seen: DecisionSession,
    *,
    by: str,
    local_date: date,
    local_time: time,
    duration_minutes: int,
    with_whom: str,
    mode: FollowUpMode,
    purpose: str,
    now: datetime,
) -> ChangeResult:
    def change(session: DecisionSession) -> None:
        rules.schedule_follow_up(
            session,
            local_date=local_date,
            local_time=local_time,
            duration_minutes=duration_minutes,
            with_whom=with_whom,
            mode=FollowUpMode(mode),
            purpose=purpose,
            now=now,
        )

    return _change(service, seen, change, AccessAction.FOLLOW_UP_PLANNED, by)


def record_recommendation(
    service: SessionService,
    seen: DecisionSession,
    grid: OptionGrid,
    *,
    by: str,
    option_id: str | None,
    reasons: str,
    now: datetime,
) -> ChangeResult:
    """The professional's advice (and why), recorded after the conversation; option None =
    'no single option: to be discussed together'. The session and summary show it from then on."""

    def change(session: DecisionSession) -> None:
        rules.set_recommendation(session, grid, option_id=option_id, reasons=reasons, by=by, now=now)

    return _change(service, seen, change, AccessAction.ADVICE_RECORDED, by)


def mark_conversation_done(
    service: SessionService, seen: DecisionSession, *, by: str, now: datetime
) -> ChangeResult:
    """The conversation took place: the family is asked the 'after' questions from now on
    (on the tablet, or on their own devices)."""

    def change(session: DecisionSession) -> None:
        rules.mark_conversation_done(session, now)

    return _change(service, seen, change, AccessAction.CONVERSATION_DONE, by)


def erase(service: SessionService, session_id: uuid.UUID, *, by: str) -> None:
    """Erase the session completely; only the 'erased' row stays (written in the same
    transaction by the service). SessionNotFoundError if it was already gone."""
    service.erase(session_id, by=by)


__all__ = [
    "ChangeProblem",
    "ChangeResult",
    "defer_again",
    "erase",
    "mark_conversation_done",
    "open_session",
    "plan_follow_up",
    "record_follow_up_outcome",
    "record_recommendation",
    "revisit_decision",
]
