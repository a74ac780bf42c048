"""The rules that change a session: steps done or skipped, the decision, the follow-up.

Every function checks first and changes the session only when everything is allowed, so a
refused change leaves the session exactly as it was. A refusal is a `SessionRuleError` with a
stable `code` (translated in `labels.rule_error_message`). Sessions are changed in place;
storage sets `updated_at` and `version` when it saves.

Times: the family types a local date and time; it is read in Europe/Amsterdam and stored in
UTC. On the night the clocks go back (last Sunday of October) 02:00-02:59 happens twice; we
take the FIRST of the two (still summer time, UTC+2), so an appointment never silently moves
to the later hour. On the night the clocks go forward (last Sunday of March) 02:00-02:59 does
not exist; that is refused with a message that suggests 03:00.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import UTC, date, datetime, time

from sdm_aid.content.models import OptionGrid
from sdm_aid.elements import ELEMENT_ORDER, SdmElement
from sdm_aid.sessions.errors import RULE_ERROR_TEMPLATES, SessionRuleError
from sdm_aid.sessions.models import (
    MAX_FOLLOW_UP_MINUTES,
    MAX_LABEL,
    MAX_LONG_ENTRY,
    MAX_PARENTS,
    MAX_SHORT_ENTRY,
    MIN_FOLLOW_UP_MINUTES,
    NOT_SURE,
    SESSION_TIMEZONE,
    Decided,
    DecisionSession,
    DeferralReason,
    Deferred,
    ElementProgress,
    ElementStatus,
    FollowUp,
    FollowUpMode,
    FollowUpStatus,
    Outcome,
    Participant,
    ParticipantAnswers,
    PeerWorkerTip,
    Recommendation,
    Role,
)
from sdm_aid.sessions.status import (
    DUE_WITHIN,
    FollowUpState,
    SessionStatus,
    follow_up_state,
    session_status,
)

__all__ = [
    "DUE_WITHIN",
    "RULE_ERROR_TEMPLATES",
    "FollowUpState",
    "SessionRuleError",
    "SessionStatus",
    "add_participant",
    "can_finish",
    "complete_element",
    "defer_decision",
    "end_state_problems",
    "follow_up_state",
    "grid_problems",
    "latest_follow_up_start",
    "local_to_utc",
    "mark_conversation_done",
    "participant_answers",
    "record_decision",
    "record_follow_up_outcome",
    "remove_participant",
    "schedule_follow_up",
    "session_status",
    "set_leaning",
    "set_own_device",
    "set_peer_worker_tip",
    "set_recommendation",
    "skip_element",
    "to_local",
]


# --- small checks shared by the rules ---------------------------------------------------------


def _require_aware(now: datetime) -> None:
    if now.tzinfo is None or now.utcoffset() is None:
        raise TypeError("now must be a timezone-aware datetime")


def _check_length(text: str, limit: int) -> None:
    if len(text) > limit:
        raise SessionRuleError("text_too_long", limit=limit)


def _check_grid(session: DecisionSession, grid: OptionGrid) -> None:
    if session.grid.id != grid.id or session.grid.version != grid.version:
        raise SessionRuleError("grid_mismatch")


def _check_participants(session: DecisionSession, participant_ids: Iterable[str]) -> None:
    known = {p.id for p in session.participants}
    if any(pid not in known for pid in participant_ids):
        raise SessionRuleError("unknown_participant")


def _set_progress(
    session: DecisionSession, element: SdmElement, status: ElementStatus, skip_reason: str | None = None
) -> ElementProgress:
    progress = ElementProgress(element=element, status=status, skip_reason=skip_reason)
    session.elements[ELEMENT_ORDER.index(element)] = progress
    return progress


def _replace_outcome(session: DecisionSession, outcome: Outcome) -> None:
    # Revisiting a decision (for example at the follow-up) keeps the earlier one.
    if session.outcome is not None:
        session.outcome_history = [*session.outcome_history, session.outcome]
    session.outcome = outcome


def _unique(ids: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(ids))


# --- local time ---------------------------------------------------------------------------------


def local_to_utc(local_date: date, local_time: time) -> datetime:
    """Read a wall-clock time in Europe/Amsterdam; return it in UTC.

    Raises `follow_up_nonexistent_time` for a time skipped when the clocks go forward. For a
    time that happens twice when the clocks go back, returns the first (summer-time) moment.
    """
    if local_time.tzinfo is not None:
        raise TypeError("local_time must be a wall-clock time without a timezone")
    wall = datetime.combine(local_date, local_time)
    utc = wall.replace(tzinfo=SESSION_TIMEZONE, fold=0).astimezone(UTC)
    if utc.astimezone(SESSION_TIMEZONE).replace(tzinfo=None) != wall:
        raise SessionRuleError(
            "follow_up_nonexistent_time",
            element=SdmElement.FOLLOW_UP,
            date=local_date,
            time=local_time,
        )
    return utc


def to_local(moment: datetime) -> datetime:
    """A stored (UTC) moment as wall-clock time in Europe/Amsterdam, for display."""
    _require_aware(moment)
    return moment.astimezone(SESSION_TIMEZONE)


def latest_follow_up_start(now: datetime) -> datetime:
    """The latest allowed follow-up: the same local date and time one year from `now`
    (29 February becomes 28 February)."""
    _require_aware(now)
    local = now.astimezone(SESSION_TIMEZONE)
    try:
        return local.replace(year=local.year + 1)
    except ValueError:
        return local.replace(year=local.year + 1, day=28)


# --- elements -----------------------------------------------------------------------------------


def complete_element(session: DecisionSession, element: SdmElement) -> ElementProgress:
    """Mark a step done. The decision step follows the outcome (record or defer it first);
    the follow-up step needs a planned follow-up when the decision was put off."""
    element = SdmElement(element)
    if element == SdmElement.DECIDE:
        if session.outcome is None:
            raise SessionRuleError("decision_required", element=element)
        status = ElementStatus.DEFERRED if isinstance(session.outcome, Deferred) else ElementStatus.DONE
        return _set_progress(session, element, status)
    if element == SdmElement.FOLLOW_UP:
        if session.follow_up is None:
            if isinstance(session.outcome, Deferred):
                raise SessionRuleError("follow_up_required", element=element)
            raise SessionRuleError("follow_up_missing", element=element)
        if isinstance(session.outcome, Deferred) and session.follow_up.status != FollowUpStatus.PLANNED:
            raise SessionRuleError("follow_up_required", element=element)
    return _set_progress(session, element, ElementStatus.DONE)


def skip_element(session: DecisionSession, element: SdmElement, reason: str) -> ElementProgress:
    """Skip a step with a reason. The decision is never skipped (it is made or put off), and
    the follow-up cannot be skipped when the decision was put off."""
    element = SdmElement(element)
    reason = (reason or "").strip()
    if not reason:
        raise SessionRuleError("skip_reason_required", element=element)
    _check_length(reason, MAX_SHORT_ENTRY)
    if element == SdmElement.DECIDE:
        raise SessionRuleError("decide_cannot_be_skipped", element=element)
    if element == SdmElement.FOLLOW_UP and isinstance(session.outcome, Deferred):
        raise SessionRuleError("follow_up_required", element=element)
    return _set_progress(session, element, ElementStatus.SKIPPED, reason)


# --- answers and recommendation -------------------------------------------------------------------


def participant_answers(session: DecisionSession, participant_id: str) -> ParticipantAnswers:
    """This participant's own answers, created empty the first time."""
    _check_participants(session, [participant_id])
    if participant_id not in session.answers:
        session.answers = {**session.answers, participant_id: ParticipantAnswers()}
    return session.answers[participant_id]


def set_leaning(session: DecisionSession, grid: OptionGrid, participant_id: str, leaning: str | None) -> None:
    """Record which option a participant leans to: an option id of this grid, NOT_SURE, or None."""
    _check_grid(session, grid)
    _check_participants(session, [participant_id])
    if leaning not in (None, NOT_SURE) and leaning not in {o.id for o in grid.options}:
        raise SessionRuleError("unknown_option", element=SdmElement.VALUES)
    participant_answers(session, participant_id).leaning = leaning


def _check_option(grid: OptionGrid, option_id: str | None, element: SdmElement) -> None:
    if option_id is not None and option_id not in {o.id for o in grid.options}:
        raise SessionRuleError("unknown_option", element=element)


def set_recommendation(
    session: DecisionSession,
    grid: OptionGrid,
    *,
    option_id: str | None,
    reasons: str,
    by: str,
    now: datetime,
) -> Recommendation:
    """The professional's recommendation (element 6), recorded by the clinician `by` after
    the conversation; option None = 'no single option: to be discussed together'. Recording
    it again replaces it (the access log keeps who recorded what when)."""
    _require_aware(now)
    _check_grid(session, grid)
    _check_option(grid, option_id, SdmElement.RECOMMENDATION)
    reasons = reasons.strip()
    _check_length(reasons, MAX_LONG_ENTRY)
    recommendation = Recommendation(
        option_id=option_id, reasons=reasons, by_role=Role.CLINICIAN, recorded_at=now, recorded_by=by[:64]
    )
    session.recommendation = recommendation
    return recommendation


def set_peer_worker_tip(
    session: DecisionSession, grid: OptionGrid, *, option_id: str | None, reasons: str
) -> PeerWorkerTip:
    """A peer worker's own tip in the waiting room (labelled as such; never the advice)."""
    if not session.peer_worker_guides:
        raise SessionRuleError("tip_without_peer_worker", element=SdmElement.RECOMMENDATION)
    _check_grid(session, grid)
    _check_option(grid, option_id, SdmElement.RECOMMENDATION)
    _check_length(reasons, MAX_LONG_ENTRY)
    tip = PeerWorkerTip(option_id=option_id, reasons=reasons)
    session.peer_worker_tip = tip
    return tip


def mark_conversation_done(session: DecisionSession, now: datetime) -> None:
    """The conversation with the clinician took place: from now on the 'after' questions are
    asked. Marking it again keeps the first moment."""
    _require_aware(now)
    if session.conversation_done_at is None:
        session.conversation_done_at = now


# --- who takes part -------------------------------------------------------------------------------


def add_participant(session: DecisionSession, *, label: str, now: datetime) -> Participant:
    """A parent or carer who joins after the start; a normal participant from then on."""
    _require_aware(now)
    label = label.strip()
    if not label:
        raise SessionRuleError("label_required")
    _check_length(label, MAX_LABEL)
    active = [p for p in session.participants if p.active]
    if sum(p.role == Role.PARENT for p in active) >= MAX_PARENTS:
        raise SessionRuleError("too_many_parents", maximum=MAX_PARENTS)
    if label.casefold() in {p.label.casefold() for p in active}:
        raise SessionRuleError("label_taken")
    used = {p.id for p in session.participants}
    number = next(n for n in range(1, len(used) + 2) if f"parent-{n}" not in used)
    participant = Participant(id=f"parent-{number}", role=Role.PARENT, label=label, joined_at=now)
    session.participants = [*session.participants, participant]
    return participant


def remove_participant(session: DecisionSession, participant_id: str, *, now: datetime) -> Participant:
    """A parent or carer no longer takes part. Their answers stay in the record and in the
    clinician's copy; they are not asked again. The young person cannot be removed."""
    _require_aware(now)
    _check_participants(session, [participant_id])
    participant = session.participant(participant_id)
    if participant.role != Role.PARENT:
        raise SessionRuleError("participant_cannot_be_removed")
    if not participant.active:
        return participant
    removed = participant.model_copy(update={"removed_at": now, "own_device": False})
    session.participants = [removed if p.id == participant_id else p for p in session.participants]
    return removed


def set_own_device(session: DecisionSession, participant_id: str, own_device: bool) -> None:
    """Whether the participant answers on their own device (an open invitation) or on the
    shared screen."""
    _check_participants(session, [participant_id])
    participant = session.participant(participant_id)
    if participant.role not in (Role.YOUTH, Role.PARENT) or not participant.active:
        raise SessionRuleError("participant_cannot_be_invited")
    changed = participant.model_copy(update={"own_device": own_device})
    session.participants = [changed if p.id == participant_id else p for p in session.participants]


# --- the decision ---------------------------------------------------------------------------------


def record_decision(
    session: DecisionSession,
    grid: OptionGrid,
    *,
    option_id: str,
    agree: list[str],
    disagree: list[str],
    unsure: list[str] | None = None,
    now: datetime,
) -> Decided:
    """The choice is made, with who agrees, who does not and who is not sure (every vote is
    kept). An earlier outcome moves to `outcome_history`."""
    _require_aware(now)
    _check_grid(session, grid)
    unsure = unsure or []
    if option_id not in {o.id for o in grid.options}:
        raise SessionRuleError("unknown_option", element=SdmElement.DECIDE)
    _check_participants(session, [*agree, *disagree, *unsure])
    if set(agree) & set(disagree) or set(unsure) & (set(agree) | set(disagree)):
        raise SessionRuleError("agree_and_disagree", element=SdmElement.DECIDE)
    decided = Decided(
        option_id=option_id,
        agree=_unique(agree),
        disagree=_unique(disagree),
        unsure=_unique(unsure),
        recorded_at=now,
    )
    _replace_outcome(session, decided)
    _set_progress(session, SdmElement.DECIDE, ElementStatus.DONE)
    return decided


def defer_decision(
    session: DecisionSession,
    *,
    reason: DeferralReason,
    details: str,
    still_needed: str,
    now: datetime,
) -> Deferred:
    """The choice is put off on purpose. A follow-up becomes mandatory: a skipped follow-up
    step (or one whose follow-up already took place) is opened again."""
    _require_aware(now)
    reason = DeferralReason(reason)
    if reason == DeferralReason.OTHER and not details.strip():
        raise SessionRuleError("deferral_details_required", element=SdmElement.DECIDE)
    _check_length(details, MAX_LONG_ENTRY)
    _check_length(still_needed, MAX_LONG_ENTRY)
    deferred = Deferred(
        reason=reason, details=details.strip(), still_needed=still_needed.strip(), recorded_at=now
    )
    _replace_outcome(session, deferred)
    _set_progress(session, SdmElement.DECIDE, ElementStatus.DEFERRED)
    has_planned = session.follow_up is not None and session.follow_up.status == FollowUpStatus.PLANNED
    if not has_planned:
        _set_progress(session, SdmElement.FOLLOW_UP, ElementStatus.NOT_STARTED)
    return deferred


# --- follow-up ------------------------------------------------------------------------------------


def schedule_follow_up(
    session: DecisionSession,
    *,
    local_date: date,
    local_time: time,
    duration_minutes: int,
    with_whom: str,
    mode: FollowUpMode,
    purpose: str,
    now: datetime,
) -> FollowUp:
    """Plan the follow-up at a local (Europe/Amsterdam) date and time; stored in UTC.

    Refused: a moment not after `now`, later than `latest_follow_up_start(now)`, or a time that
    does not exist (clocks going forward). Moving a planned follow-up keeps its id (so the
    calendar entry moves), raises its `sequence`, and keeps the old one in history as
    'rescheduled'. After a done or missed follow-up, the new one gets a new id.
    Marks the follow-up step done.
    """
    _require_aware(now)
    mode = FollowUpMode(mode)
    if not MIN_FOLLOW_UP_MINUTES <= duration_minutes <= MAX_FOLLOW_UP_MINUTES:
        raise SessionRuleError(
            "follow_up_duration_invalid",
            element=SdmElement.FOLLOW_UP,
            minimum=MIN_FOLLOW_UP_MINUTES,
            maximum=MAX_FOLLOW_UP_MINUTES,
        )
    _check_length(with_whom, MAX_SHORT_ENTRY)
    _check_length(purpose, MAX_LONG_ENTRY)
    latest = latest_follow_up_start(now)
    # Compare dates first: far-off dates would overflow the UTC conversion near year 1 or 9999.
    if local_date < now.astimezone(SESSION_TIMEZONE).date():
        raise SessionRuleError("follow_up_in_past", element=SdmElement.FOLLOW_UP)
    if local_date > latest.date():
        raise SessionRuleError("follow_up_too_far", element=SdmElement.FOLLOW_UP, latest=latest.date())
    starts_at = local_to_utc(local_date, local_time)
    if starts_at <= now:
        raise SessionRuleError("follow_up_in_past", element=SdmElement.FOLLOW_UP)
    if starts_at > latest:
        raise SessionRuleError("follow_up_too_far", element=SdmElement.FOLLOW_UP, latest=latest.date())

    previous = session.follow_up
    if previous is not None and previous.status == FollowUpStatus.PLANNED:
        follow_up_id, sequence = previous.id, previous.sequence + 1
        previous = previous.model_copy(update={"status": FollowUpStatus.RESCHEDULED})
    else:
        follow_up_id, sequence = uuid.uuid4(), 0
    follow_up = FollowUp(
        id=follow_up_id,
        starts_at=starts_at,
        duration_minutes=duration_minutes,
        with_whom=with_whom.strip(),
        mode=mode,
        purpose=purpose.strip(),
        sequence=sequence,
    )
    if previous is not None:
        session.follow_up_history = [*session.follow_up_history, previous]
    session.follow_up = follow_up
    _set_progress(session, SdmElement.FOLLOW_UP, ElementStatus.DONE)
    return follow_up


def record_follow_up_outcome(
    session: DecisionSession, *, status: FollowUpStatus, note: str, now: datetime
) -> FollowUp:
    """Record whether the planned follow-up took place (done) or not (missed), once it began.
    To revisit the decision at the follow-up, call record_decision or defer_decision too."""
    _require_aware(now)
    status = FollowUpStatus(status)
    follow_up = session.follow_up
    if follow_up is None:
        raise SessionRuleError("follow_up_missing", element=SdmElement.FOLLOW_UP)
    if status not in (FollowUpStatus.DONE, FollowUpStatus.MISSED):
        raise SessionRuleError("follow_up_status_invalid", element=SdmElement.FOLLOW_UP)
    if follow_up.status != FollowUpStatus.PLANNED:
        raise SessionRuleError("follow_up_already_closed", element=SdmElement.FOLLOW_UP)
    if now < follow_up.starts_at:
        raise SessionRuleError("follow_up_not_started", element=SdmElement.FOLLOW_UP)
    _check_length(note, MAX_LONG_ENTRY)
    closed = follow_up.model_copy(update={"status": status, "outcome_note": note.strip()})
    session.follow_up = closed
    return closed


# --- end state and grid consistency -------------------------------------------------------------


def end_state_problems(session: DecisionSession) -> list[SessionRuleError]:
    """What still stands between this session and a valid end state, in step order."""
    problems: list[SessionRuleError] = []
    deferred = isinstance(session.outcome, Deferred)
    for progress in session.elements:
        element = progress.element
        if element == SdmElement.DECIDE:
            if session.outcome is None:
                problems.append(SessionRuleError("decision_required", element=element))
        elif element == SdmElement.FOLLOW_UP and deferred:
            if session.follow_up is None or session.follow_up.status != FollowUpStatus.PLANNED:
                problems.append(SessionRuleError("follow_up_required", element=element))
        elif progress.status == ElementStatus.NOT_STARTED:
            problems.append(SessionRuleError("element_open", element=element))
    return problems


def can_finish(session: DecisionSession) -> bool:
    return not end_state_problems(session)


def grid_problems(session: DecisionSession, grid: OptionGrid) -> list[SessionRuleError]:
    """References in the session that this grid does not have (empty when all is well)."""
    if session.grid.id != grid.id or session.grid.version != grid.version:
        return [SessionRuleError("grid_mismatch")]
    options = {o.id for o in grid.options}
    considerations = {c.id for c in grid.considerations}
    checks = {c.id for c in grid.understanding_checks}
    problems: list[SessionRuleError] = []
    for pid, answers in session.answers.items():
        if answers.leaning not in (None, NOT_SURE) and answers.leaning not in options:
            problems.append(SessionRuleError("unknown_option", element=SdmElement.VALUES, participant=pid))
        if set(answers.importance) - considerations:
            problems.append(
                SessionRuleError("unknown_consideration", element=SdmElement.VALUES, participant=pid)
            )
        if set(answers.ability) - options:
            problems.append(SessionRuleError("unknown_option", element=SdmElement.ABILITY, participant=pid))
        if set(answers.understanding) - checks:
            problems.append(
                SessionRuleError("unknown_check_item", element=SdmElement.UNDERSTANDING, participant=pid)
            )
    recommendation = session.recommendation
    if recommendation and recommendation.option_id is not None and recommendation.option_id not in options:
        problems.append(SessionRuleError("unknown_option", element=SdmElement.RECOMMENDATION))
    for outcome in [*session.outcome_history, session.outcome]:
        if isinstance(outcome, Decided) and outcome.option_id not in options:
            problems.append(SessionRuleError("unknown_option", element=SdmElement.DECIDE))
    return problems
