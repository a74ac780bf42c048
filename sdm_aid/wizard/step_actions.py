"""The steps' buttons that record pending inputs: Next on the decision and follow-up steps,
planning the follow-up (once its day and time are chosen), and 'Skip this step'.

Each returns a new session with the change made (the given one is never changed) or raises
`StepRefusedError` (an input issue, or a choice still missing) or `SessionRuleError`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum
from typing import cast

from sdm_aid.content.models import OptionGrid
from sdm_aid.elements import SdmElement
from sdm_aid.sessions import rules
from sdm_aid.sessions.models import (
    MAX_SHORT_ENTRY,
    Decided,
    DecisionSession,
    DeferralReason,
    Deferred,
    FollowUpMode,
    PendingValue,
)
from sdm_aid.wizard.entries import current_value, entry_issue, follow_up_value, forget
from sdm_aid.wizard.fields import (
    AGREE,
    DECIDE_NOW,
    DEFAULT_FOLLOW_UP_MINUTES,
    DEFER_DETAILS,
    DEFER_REASON,
    DISAGREE,
    FOLLOW_UP_KINDS,
    MODE,
    OPTION,
    STILL_NEEDED,
    UNSURE,
    Field,
    Kind,
    follow_up_field,
    skip_reason,
    vote,
)
from sdm_aid.wizard.inputs import AMSTERDAM, InputIssue, Issue, check_moment
from sdm_aid.wizard.step_registry import StepSpec


class StepRefusal(StrEnum):
    """A choice the step's button needs that is still missing."""

    OPTION = "option"
    """Which option is chosen."""
    REASON = "reason"
    """Why the choice is put off."""
    MOMENT = "moment"
    """The day, month, year, hour and minutes of the follow-up."""


@dataclass(frozen=True)
class StepRefusedError(Exception):
    """Why a step's pending inputs cannot be recorded: an input issue or a missing choice."""

    issue: Issue | None = None
    missing: StepRefusal | None = None


def commit_step(session: DecisionSession, grid: OptionGrid, step: StepSpec, now: datetime) -> DecisionSession:
    """The session with the step's pending decision or follow-up recorded (Next). Raises
    StepRefusedError or SessionRuleError; `session` itself is never changed."""
    if SdmElement.DECIDE in step.elements:
        session = _commit_outcome(session, grid, now)
    if SdmElement.FOLLOW_UP in step.elements:
        session = plan_follow_up(session, now, required=False)
    return session


def _commit_outcome(session: DecisionSession, grid: OptionGrid, now: datetime) -> DecisionSession:
    mode = current_value(session, grid, MODE)
    if mode is None:
        return session
    candidate = session.model_copy(deep=True)
    if mode == DECIDE_NOW:
        option_id = current_value(candidate, grid, OPTION)
        if option_id is None:
            raise StepRefusedError(missing=StepRefusal.OPTION)
        family = [p.id for p in candidate.family]
        votes = {pid: current_value(candidate, grid, vote(pid)) for pid in family}
        agree = [pid for pid, v in votes.items() if v == AGREE]
        disagree = [pid for pid, v in votes.items() if v == DISAGREE]
        unsure = [pid for pid, v in votes.items() if v == UNSURE]
        current = candidate.outcome
        if not (
            isinstance(current, Decided)
            and (current.option_id, current.agree, current.disagree, current.unsure)
            == (option_id, agree, disagree, unsure)
        ):
            rules.record_decision(
                candidate,
                grid,
                option_id=cast(str, option_id),
                agree=agree,
                disagree=disagree,
                unsure=unsure,
                now=now,
            )
    else:
        reason = current_value(candidate, grid, DEFER_REASON)
        if reason is None:
            raise StepRefusedError(missing=StepRefusal.REASON)
        texts = [cast(str, current_value(candidate, grid, f) or "") for f in (DEFER_DETAILS, STILL_NEEDED)]
        for text_field in (DEFER_DETAILS, STILL_NEEDED):
            if (issue := entry_issue(candidate, text_field)) is not None:
                raise StepRefusedError(issue=issue)
        details, still_needed = (t.strip() for t in texts)
        current = candidate.outcome
        if not (
            isinstance(current, Deferred)
            and (current.reason.value, current.details, current.still_needed)
            == (reason, details, still_needed)
        ):
            rules.defer_decision(
                candidate,
                reason=DeferralReason(cast(str, reason)),
                details=details,
                still_needed=still_needed,
                now=now,
            )
    forget(candidate, [f.key for f in _outcome_fields(candidate)])
    return candidate


def _outcome_fields(session: DecisionSession) -> list[Field]:
    people = [vote(p.id) for p in session.participants]
    return [MODE, OPTION, DEFER_REASON, DEFER_DETAILS, STILL_NEEDED, *people]


def plan_follow_up(session: DecisionSession, now: datetime, *, required: bool = True) -> DecisionSession:
    """The session with the follow-up planned (or moved) from the pending date, time and details.

    With `required=False` (Next on the last step) an untouched date is no refusal: the
    step's own completeness check says what is missing. Raises StepRefusedError or SessionRuleError.
    """
    fields = {kind: follow_up_field(kind) for kind in FOLLOW_UP_KINDS}
    touched = any(f.key in session.pending for f in fields.values())
    if not touched and not required:
        return session
    values = {kind: _follow_up_current(session, f) for kind, f in fields.items()}
    pieces = [values[k] for k in (Kind.YEAR, Kind.MONTH, Kind.DAY, Kind.HOUR, Kind.MINUTE)]
    if any(p is None for p in pieces):
        raise StepRefusedError(missing=StepRefusal.MOMENT)
    for kind in (Kind.WITH_WHOM, Kind.PURPOSE):
        if (issue := entry_issue(session, fields[kind])) is not None:
            raise StepRefusedError(issue=issue)
    year, month, day, hour, minute = (cast(int, p) for p in pieces)
    moment = check_moment(year, month, day, hour, minute)
    if isinstance(moment, Issue):
        raise StepRefusedError(issue=moment)
    local_date, local_time = moment
    candidate = session.model_copy(deep=True)
    duration = cast(int, values[Kind.DURATION] or DEFAULT_FOLLOW_UP_MINUTES)
    with_whom = cast(str, values[Kind.WITH_WHOM] or "").strip()
    mode = FollowUpMode(cast(str, values[Kind.HOW] or FollowUpMode.IN_PERSON.value))
    purpose = cast(str, values[Kind.PURPOSE] or "").strip()
    if not _same_follow_up(candidate, local_date, local_time, duration, with_whom, mode, purpose):
        rules.schedule_follow_up(
            candidate,
            local_date=local_date,
            local_time=local_time,
            duration_minutes=duration,
            with_whom=with_whom,
            mode=mode,
            purpose=purpose,
            now=now,
        )
    forget(candidate, [f.key for f in fields.values()])
    return candidate


def _follow_up_current(session: DecisionSession, field: Field) -> PendingValue:
    if field.key in session.pending:
        return session.pending[field.key]
    return follow_up_value(session, field.kind)


def _same_follow_up(
    session: DecisionSession,
    local_date: date,
    local_time: time,
    duration: int,
    with_whom: str,
    mode: FollowUpMode,
    purpose: str,
) -> bool:
    current = session.follow_up
    return current is not None and (
        current.starts_at.astimezone(AMSTERDAM).replace(tzinfo=None)
        == datetime.combine(local_date, local_time)
        and (current.duration_minutes, current.with_whom, current.mode, current.purpose)
        == (duration, with_whom, mode, purpose)
    )


def skip_step(session: DecisionSession, step: StepSpec) -> DecisionSession:
    """The session with the step skipped for the pending reason. Raises StepRefusedError or
    SessionRuleError; `session` itself is never changed."""
    field = skip_reason(step.id)
    reason = cast(str, session.pending.get(field.key) or "").strip()
    if not reason:
        raise StepRefusedError(issue=Issue(InputIssue.EMPTY_REASON, field.key))
    if len(reason) > MAX_SHORT_ENTRY:
        raise StepRefusedError(
            issue=Issue(InputIssue.TEXT_TOO_LONG, field.key, MAX_SHORT_ENTRY, len(reason) - MAX_SHORT_ENTRY)
        )
    candidate = session.model_copy(deep=True)
    for element in step.elements:
        rules.skip_element(candidate, element, reason)
    forget(candidate, [field.key])
    return candidate
