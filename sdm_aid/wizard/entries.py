"""How a value entered in a wizard field becomes part of a session (save as you go).

When a widget's value changes, `enter()` records it at once, so it can be saved at once:

- an answer that is complete and valid goes straight into the session's answers;
- everything else is kept, exactly as typed or chosen, in `session.pending` until it can be
  recorded: a text over its length limit, three of the four SURE answers, a tip's reasons
  before the tip itself, and the inputs of a decision, a deferral, a follow-up or a skip,
  which their step's button records (`sdm_aid.wizard.step_actions`), because recording them
  has side effects (history, calendar ids).

So nothing typed is ever dropped, and a screen drawn again after a reload, on another
device or after a server restart shows what was there (`current_value`).
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import Any, cast

from pydantic import ValidationError

from sdm_aid.content.models import OptionGrid
from sdm_aid.sessions import rules, sure
from sdm_aid.sessions.errors import SessionRuleError
from sdm_aid.sessions.models import (
    MAX_LONG_ENTRY,
    MAX_PENDING_TEXT,
    AbilityAnswer,
    Barrier,
    Decided,
    DecisionSession,
    DeferralReason,
    Deferred,
    FollowUpMode,
    PendingValue,
    Role,
)
from sdm_aid.wizard import step_registry
from sdm_aid.wizard.fields import (
    AGREE,
    ALWAYS_PENDING,
    ANSWER_KINDS,
    DECIDE_LATER,
    DECIDE_NOW,
    DECISION_KINDS,
    DEFAULT_FOLLOW_UP_MINUTES,
    DEFERRAL_KINDS,
    DISAGREE,
    FOLLOW_UP_KINDS,
    TEXT_LIMITS,
    TIP,
    TIP_REASONS,
    TO_DISCUSS,
    UNSURE,
    Field,
    Kind,
    own_questions,
    suggested,
    sure_item,
)
from sdm_aid.wizard.inputs import AMSTERDAM, InputIssue, Issue, merge_questions, parse_questions


class EntryError(ValueError):
    """A value that no field of this session can hold (a bug or a tampered request)."""


# --- reading what a field shows ---------------------------------------------------------------


def current_value(session: DecisionSession, grid: OptionGrid, field: Field) -> PendingValue:
    """What the field's widget shows: the pending value if there is one, else the record."""
    if field.key in session.pending:
        return session.pending[field.key]
    return _recorded_value(session, grid, field)


def _recorded_value(session: DecisionSession, grid: OptionGrid, field: Field) -> PendingValue:
    kind, parts = field.kind, field.parts
    answers = session.answers.get(parts[0]) if parts and kind in ANSWER_KINDS else None
    if kind == Kind.IMPORTANCE:
        return answers.importance.get(parts[1]) if answers else None
    if kind == Kind.LEANING:
        return answers.leaning if answers else None
    if kind == Kind.PRIVATE:
        return bool(answers and parts[1] in answers.private_steps)
    if kind in (Kind.CONFIDENCE, Kind.BARRIERS, Kind.HELPS):
        ability = answers.ability.get(parts[1]) if answers else None
        if kind == Kind.CONFIDENCE:
            return ability.confidence if ability else None
        if kind == Kind.BARRIERS:
            return [b.value for b in ability.barriers] if ability else []
        return ability.what_would_help if ability else ""
    if kind == Kind.CHECK:
        return answers.understanding.get(parts[1]) if answers else None
    if kind in (Kind.SUGGESTED, Kind.OWN):
        questions = answers.questions if answers else []
        offered = _suggestions(session, grid)
        if kind == Kind.SUGGESTED:
            return [q for q in questions if q in offered]
        return "\n".join(q for q in questions if q not in offered)
    if kind in (Kind.TIP, Kind.TIP_REASONS):
        tip = session.peer_worker_tip
        if kind == Kind.TIP:
            return None if tip is None else (tip.option_id or TO_DISCUSS)
        return tip.reasons if tip else ""
    if kind == Kind.SURE:
        moment, pid, item = parts
        result = session.sure.get(pid)
        answered = getattr(result, moment) if result is not None else None
        return getattr(answered, item) if answered is not None else None
    if kind in DECISION_KINDS | DEFERRAL_KINDS:
        return _outcome_value(session, field)
    if kind in FOLLOW_UP_KINDS:
        return follow_up_value(session, kind)
    if kind == Kind.SKIP_REASON:
        return ""
    if kind == Kind.NOTE:
        return session.handoff_note
    raise EntryError(f"unknown field {field.key}")


def _outcome_value(session: DecisionSession, field: Field) -> PendingValue:
    outcome = session.outcome
    kind = field.kind
    if kind == Kind.MODE:
        return None if outcome is None else (DECIDE_NOW if isinstance(outcome, Decided) else DECIDE_LATER)
    if isinstance(outcome, Decided):
        if kind == Kind.OPTION:
            return outcome.option_id
        if kind == Kind.VOTE:
            pid = field.parts[0]
            votes = {AGREE: outcome.agree, DISAGREE: outcome.disagree, UNSURE: outcome.unsure}
            return next((vote for vote, ids in votes.items() if pid in ids), None)
    if isinstance(outcome, Deferred):
        if kind == Kind.DEFER_REASON:
            return outcome.reason.value
        if kind == Kind.DEFER_DETAILS:
            return outcome.details
        if kind == Kind.STILL_NEEDED:
            return outcome.still_needed
    return "" if kind in (Kind.DEFER_DETAILS, Kind.STILL_NEEDED) else None


def follow_up_value(session: DecisionSession, kind: Kind) -> PendingValue:
    planned = session.follow_up
    if planned is None:
        defaults: dict[Kind, PendingValue] = {
            Kind.DURATION: DEFAULT_FOLLOW_UP_MINUTES,
            Kind.WITH_WHOM: "",
            Kind.HOW: FollowUpMode.IN_PERSON.value,
            Kind.PURPOSE: "",
        }
        return defaults.get(kind)
    local = planned.starts_at.astimezone(AMSTERDAM)
    values: dict[Kind, PendingValue] = {
        Kind.DAY: local.day,
        Kind.MONTH: local.month,
        Kind.YEAR: local.year,
        Kind.HOUR: local.hour,
        Kind.MINUTE: local.minute,
        Kind.DURATION: planned.duration_minutes,
        Kind.WITH_WHOM: planned.with_whom,
        Kind.HOW: planned.mode.value,
        Kind.PURPOSE: planned.purpose,
    }
    return values[kind]


def _suggestions(session: DecisionSession, grid: OptionGrid) -> list[str]:
    return [q.text.get(session.language) for q in grid.clinician_questions]


def entry_issue(session: DecisionSession, field: Field) -> Issue | None:
    """What is wrong with the value a field holds, for a message under the field (None: fine).

    Only pending values can be wrong: a recorded answer was valid when it was recorded.
    """
    value = session.pending.get(field.key)
    if not isinstance(value, str):
        return None
    limit = field.limit
    if limit is not None and len(value.strip()) > limit:
        return Issue(InputIssue.TEXT_TOO_LONG, field.key, limit, over=len(value.strip()) - limit)
    if field.kind == Kind.OWN:
        parsed = parse_questions(value)
        return parsed if isinstance(parsed, Issue) else None
    return None


# --- entering a value -------------------------------------------------------------------------


def enter(session: DecisionSession, grid: OptionGrid, field: Field, value: Any) -> None:
    """Record `value` for `field` in `session` (in place), or keep it pending.

    Raises `EntryError` for a value no widget of this field can produce (a wrong type, an
    unknown id): that is a bug, not something a person typed.
    """
    value = _plain(value)
    _check_type(field, value)
    if field.kind in ALWAYS_PENDING:
        _check_pending_value(session, grid, field, value)
        _keep(session, field, value)
        return
    if isinstance(value, str) and field.limit is not None and len(value.strip()) > field.limit:
        _keep(session, field, value)
        return
    try:
        _record(session, grid, field, value)
    except SessionRuleError as error:
        raise EntryError(f"{field.key}: {error.code}") from error
    except (ValidationError, TypeError, ValueError) as error:
        if isinstance(error, EntryError):
            raise
        raise EntryError(f"{field.key}: {type(value).__name__} value not accepted") from error


def _plain(value: Any) -> PendingValue:
    """Widget values as plain data (enums become their values; tuples become lists)."""
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, list | tuple):
        return [v.value if isinstance(v, StrEnum) else str(v) for v in value]
    if value is None or isinstance(value, bool | int | str):
        return value
    raise EntryError(f"a field cannot hold a {type(value).__name__}")


_NUMBER = (int,)
_TYPES: dict[Kind, tuple[type, ...]] = {
    Kind.IMPORTANCE: _NUMBER,
    Kind.CONFIDENCE: _NUMBER,
    Kind.DAY: _NUMBER,
    Kind.MONTH: _NUMBER,
    Kind.YEAR: _NUMBER,
    Kind.HOUR: _NUMBER,
    Kind.MINUTE: _NUMBER,
    Kind.DURATION: _NUMBER,
    Kind.PRIVATE: (bool,),
    Kind.CHECK: (bool,),
    Kind.SURE: (bool,),
    Kind.BARRIERS: (list,),
    Kind.SUGGESTED: (list,),
    Kind.LEANING: (str,),
    Kind.TIP: (str,),
    Kind.MODE: (str,),
    Kind.OPTION: (str,),
    Kind.VOTE: (str,),
    Kind.DEFER_REASON: (str,),
    Kind.HOW: (str,),
}
_CAN_BE_EMPTY = frozenset(_TYPES) - {Kind.PRIVATE, Kind.BARRIERS, Kind.SUGGESTED}


def _check_type(field: Field, value: PendingValue) -> None:
    """Each field holds one type of value (a text field always a text, never None)."""
    expected = _TYPES.get(field.kind, (str,))
    if value is None:
        ok = field.kind in _CAN_BE_EMPTY
    elif isinstance(value, bool):
        ok = bool in expected
    else:
        ok = isinstance(value, expected)
    if not ok:
        raise EntryError(f"{field.key} cannot hold {value!r:.40}")


def same_value(widget_value: Any, value: PendingValue) -> bool:
    """Whether a widget's value equals a field's value (enums and their text are the same)."""
    try:
        return _plain(widget_value) == value and type(_plain(widget_value)) is type(value)
    except EntryError:
        return False


def _keep(session: DecisionSession, field: Field, value: PendingValue) -> None:
    if isinstance(value, str) and len(value) > MAX_PENDING_TEXT:
        raise EntryError(f"{field.key}: text longer than {MAX_PENDING_TEXT} characters")
    session.pending = {**session.pending, field.key: value}


def forget(session: DecisionSession, keys: Iterable[str]) -> None:
    gone = set(keys)
    if gone & session.pending.keys():
        session.pending = {k: v for k, v in session.pending.items() if k not in gone}


def _participant(session: DecisionSession, pid: str) -> None:
    if pid not in {p.id for p in session.participants}:
        raise EntryError(f"unknown participant {pid!r}")
    if not session.participant(pid).active:
        raise EntryError(f"participant {pid!r} no longer takes part")


def _check_pending_value(
    session: DecisionSession, grid: OptionGrid, field: Field, value: PendingValue
) -> None:
    options = {o.id for o in grid.options}
    allowed: dict[Kind, object] = {
        Kind.MODE: {DECIDE_NOW, DECIDE_LATER, None},
        Kind.OPTION: options | {None},
        Kind.VOTE: {AGREE, DISAGREE, UNSURE, None},
        Kind.DEFER_REASON: {r.value for r in DeferralReason} | {None},
        Kind.HOW: {m.value for m in FollowUpMode} | {None},
    }
    if field.kind == Kind.VOTE:
        _participant(session, field.parts[0])
    if field.kind in allowed and value not in cast(set[object], allowed[field.kind]):
        raise EntryError(f"{field.key}: {value!r} is not one of the choices")
    if field.kind in (Kind.DAY, Kind.MONTH, Kind.YEAR, Kind.HOUR, Kind.MINUTE, Kind.DURATION) and not (
        value is None or (isinstance(value, int) and not isinstance(value, bool))
    ):
        raise EntryError(f"{field.key}: a number is needed")
    if field.kind in TEXT_LIMITS and not isinstance(value, str):
        raise EntryError(f"{field.key}: text is needed")


def _record(session: DecisionSession, grid: OptionGrid, field: Field, value: PendingValue) -> None:
    kind, parts = field.kind, field.parts
    if kind in ANSWER_KINDS:
        _participant(session, parts[0])
    if kind == Kind.IMPORTANCE:
        answers = rules.participant_answers(session, parts[0])
        if parts[1] not in {c.id for c in grid.considerations}:
            raise EntryError(f"unknown consideration {parts[1]!r}")
        ratings = {k: v for k, v in answers.importance.items() if k != parts[1]}
        if value is not None:
            ratings[parts[1]] = cast(int, value)
        answers.importance = ratings
    elif kind == Kind.LEANING:
        rules.set_leaning(session, grid, parts[0], cast(str | None, value))
    elif kind == Kind.PRIVATE:
        _record_private(session, parts, bool(value))
    elif kind in (Kind.CONFIDENCE, Kind.BARRIERS, Kind.HELPS):
        _record_ability(session, grid, field, value)
    elif kind == Kind.CHECK:
        if parts[1] not in {u.id for u in grid.understanding_checks}:
            raise EntryError(f"unknown understanding item {parts[1]!r}")
        answers = rules.participant_answers(session, parts[0])
        given = {k: v for k, v in answers.understanding.items() if k != parts[1]}
        if value is not None:
            given[parts[1]] = bool(value)
        answers.understanding = given
    elif kind in (Kind.SUGGESTED, Kind.OWN):
        _record_questions(session, grid, field, value)
        return
    elif kind in (Kind.TIP, Kind.TIP_REASONS):
        _record_tip(session, grid, field, value)
        return
    elif kind == Kind.SURE:
        _record_sure(session, grid, field, value)
        return
    elif kind == Kind.NOTE:
        session.handoff_note = cast(str, value).strip()
    else:
        raise EntryError(f"unknown field {field.key}")
    forget(session, [field.key])


def _record_ability(session: DecisionSession, grid: OptionGrid, field: Field, value: PendingValue) -> None:
    pid, option_id = field.parts
    if option_id not in {o.id for o in grid.options}:
        raise EntryError(f"unknown option {option_id!r}")
    answers = rules.participant_answers(session, pid)
    saved = answers.ability.get(option_id, AbilityAnswer())
    if field.kind == Kind.CONFIDENCE:
        update: dict[str, Any] = {"confidence": value}
    elif field.kind == Kind.BARRIERS:
        update = {"barriers": [Barrier(b) for b in cast(list[str], value or [])]}
    else:
        update = {"what_would_help": cast(str, value or "").strip()}
    changed = AbilityAnswer.model_validate({**saved.model_dump(), **update})
    others = {k: v for k, v in answers.ability.items() if k != option_id}
    empty = changed.confidence is None and not changed.barriers and not changed.what_would_help
    answers.ability = others if empty else {**others, option_id: changed}


def _record_questions(session: DecisionSession, grid: OptionGrid, field: Field, value: PendingValue) -> None:
    pid = field.parts[0]
    offered = _suggestions(session, grid)
    other = suggested(pid) if field.kind == Kind.OWN else own_questions(pid)
    picked = cast(list[str], value if field.kind == Kind.SUGGESTED else current_value(session, grid, other))
    typed = cast(str, value if field.kind == Kind.OWN else current_value(session, grid, other))
    if any(q not in offered for q in picked or []):
        raise EntryError("a suggested question that the grid does not offer")
    parsed = parse_questions(typed or "")
    merged = parsed if isinstance(parsed, Issue) else merge_questions(list(picked or []), parsed)
    if isinstance(merged, Issue):
        _keep(session, field, value)  # the list as typed stays on screen and is saved
        return
    rules.participant_answers(session, pid).questions = merged
    forget(session, [suggested(pid).key, own_questions(pid).key])


def _record_private(session: DecisionSession, parts: tuple[str, ...], private: bool) -> None:
    pid, step_id = parts
    _participant(session, pid)
    if session.participant(pid).role != Role.YOUTH:
        raise EntryError("only the young person's answers can be private")
    spec = step_registry.find(step_id)
    if spec is None or not spec.per_person:
        raise EntryError(f"step {step_id!r} has no own answers to keep private")
    answers = rules.participant_answers(session, pid)
    others = [s for s in answers.private_steps if s != step_id]
    answers.private_steps = [*others, step_id] if private else others


def _record_tip(session: DecisionSession, grid: OptionGrid, field: Field, value: PendingValue) -> None:
    if not session.peer_worker_guides:
        raise EntryError("only a peer worker can give a tip")
    values = {f.kind: current_value(session, grid, f) for f in (TIP, TIP_REASONS)}
    values[field.kind] = value
    choice, reasons = values[Kind.TIP], cast(str, values[Kind.TIP_REASONS] or "")
    if choice is None or len(reasons.strip()) > MAX_LONG_ENTRY:
        _keep(session, field, value)  # recorded once the tip itself is chosen
        return
    rules.set_peer_worker_tip(
        session, grid, option_id=None if choice == TO_DISCUSS else cast(str, choice), reasons=reasons.strip()
    )
    forget(session, [TIP.key, TIP_REASONS.key])


def _record_sure(session: DecisionSession, grid: OptionGrid, field: Field, value: PendingValue) -> None:
    moment, pid, item = field.parts
    if moment not in ("before", "after") or item not in {i.field for i in sure.SURE_ITEMS}:
        raise EntryError(f"unknown SURE field {field.key}")
    fields = [sure_item(cast(sure.SureMoment, moment), pid, i.field) for i in sure.SURE_ITEMS]
    values = {f.parts[2]: current_value(session, grid, f) for f in fields}
    values[item] = value
    if any(v is None for v in values.values()):
        _keep(session, field, value)  # the four are recorded together
        return
    sure.record_sure(session, pid, cast(sure.SureMoment, moment), cast(dict[str, bool], values))
    forget(session, [f.key for f in fields])
