"""Rules that change a session: every refusal code, and what a refusal leaves behind."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta

import pytest
from factories import minimal_grid, new_session

from sdm_aid.elements import ELEMENT_ORDER, SdmElement
from sdm_aid.sessions.errors import RULE_ERROR_TEMPLATES
from sdm_aid.sessions.models import (
    MAX_LONG_ENTRY,
    MAX_SHORT_ENTRY,
    NOT_SURE,
    AbilityAnswer,
    Decided,
    DecisionSession,
    DeferralReason,
    Deferred,
    ElementStatus,
    FollowUpMode,
    FollowUpStatus,
    ParticipantAnswers,
)
from sdm_aid.sessions.rules import (
    SessionRuleError,
    SessionStatus,
    add_participant,
    can_finish,
    complete_element,
    defer_decision,
    end_state_problems,
    grid_problems,
    participant_answers,
    record_decision,
    record_follow_up_outcome,
    remove_participant,
    schedule_follow_up,
    session_status,
    set_leaning,
    set_own_device,
    set_peer_worker_tip,
    set_recommendation,
    skip_element,
)
from sdm_aid.sessions.sure import record_sure

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
GRID = minimal_grid()


def session(**kwargs) -> DecisionSession:
    return new_session(GRID, now=NOW, **kwargs)


def plan(s: DecisionSession, *, days: int = 14, at: time = time(10, 0), now: datetime = NOW, **kwargs):
    values = dict(
        local_date=now.date() + timedelta(days=days),
        local_time=at,
        duration_minutes=30,
        with_whom="Behandelaar",
        mode=FollowUpMode.IN_PERSON,
        purpose="Keuze opnieuw bespreken",
        now=now,
    )
    return schedule_follow_up(s, **(values | kwargs))


def defer(s: DecisionSession, reason: DeferralReason = DeferralReason.TALK_AT_HOME, details: str = "", **kw):
    return defer_decision(s, reason=reason, details=details, still_needed=kw.get("still_needed", ""), now=NOW)


def decide(s: DecisionSession, option_id: str = "talking", agree=("youth",), disagree=(), now=NOW):
    return record_decision(s, GRID, option_id=option_id, agree=list(agree), disagree=list(disagree), now=now)


def finish_steps_one_to_seven(s: DecisionSession) -> None:
    for element in ELEMENT_ORDER[:7]:
        complete_element(s, element)


# --- one trigger for every error code --------------------------------------------------------------


def _other_grid_session() -> DecisionSession:
    s = session()
    s.grid = s.grid.model_copy(update={"id": "another-grid"})
    return s


def _closed_follow_up() -> DecisionSession:
    s = session()
    plan(s, days=1)
    record_follow_up_outcome(s, status=FollowUpStatus.DONE, note="", now=NOW + timedelta(days=3))
    return s


TRIGGERS: dict[str, Callable[[], object]] = {
    "skip_reason_required": lambda: skip_element(session(), SdmElement.VALUES, "   "),
    "decide_cannot_be_skipped": lambda: skip_element(session(), SdmElement.DECIDE, "geen tijd"),
    "decision_required": lambda: complete_element(session(), SdmElement.DECIDE),
    "element_open": lambda: _raise_first(end_state_problems(session())),
    "follow_up_required": lambda: (lambda s: (defer(s), skip_element(s, SdmElement.FOLLOW_UP, "x")))(
        session()
    ),
    "follow_up_in_past": lambda: plan(session(), days=0, at=time(11, 0)),
    "follow_up_too_far": lambda: plan(session(), days=366),
    "follow_up_nonexistent_time": lambda: schedule_follow_up(
        session(),
        local_date=date(2027, 3, 28),
        local_time=time(2, 30),
        duration_minutes=30,
        with_whom="",
        mode=FollowUpMode.PHONE,
        purpose="",
        now=NOW,
    ),
    "follow_up_duration_invalid": lambda: plan(session(), duration_minutes=481),
    "follow_up_missing": lambda: record_follow_up_outcome(
        session(), status=FollowUpStatus.DONE, note="", now=NOW
    ),
    "follow_up_status_invalid": lambda: (
        lambda s: (
            plan(s),
            record_follow_up_outcome(s, status=FollowUpStatus.PLANNED, note="", now=NOW + timedelta(days=30)),
        )
    )(session()),
    "follow_up_not_started": lambda: (
        lambda s: (plan(s), record_follow_up_outcome(s, status=FollowUpStatus.DONE, note="", now=NOW))
    )(session()),
    "follow_up_already_closed": lambda: record_follow_up_outcome(
        _closed_follow_up(), status=FollowUpStatus.MISSED, note="", now=NOW + timedelta(days=4)
    ),
    "unknown_option": lambda: decide(session(), option_id="surgery"),
    "unknown_consideration": lambda: (
        lambda s: (
            participant_answers(s, "youth").importance.update({"made-up": 3}),
            _raise_first(grid_problems(s, GRID)),
        )
    )(session()),
    "unknown_check_item": lambda: (
        lambda s: (
            participant_answers(s, "youth").understanding.update({"made-up": True}),
            _raise_first(grid_problems(s, GRID)),
        )
    )(session()),
    "unknown_participant": lambda: decide(session(), agree=["youth", "stranger"]),
    "agree_and_disagree": lambda: decide(
        session(parents=1), agree=["youth", "parent-1"], disagree=["parent-1"]
    ),
    "grid_mismatch": lambda: decide(_other_grid_session()),
    "text_too_long": lambda: skip_element(session(), SdmElement.VALUES, "x" * (MAX_SHORT_ENTRY + 1)),
    "deferral_details_required": lambda: defer(session(), DeferralReason.OTHER, details="  "),
    "sure_not_for_role": lambda: record_sure(
        session(peer_worker=True), "peer", "before", dict.fromkeys(_SURE_FIELDS, True)
    ),
    "sure_moment_invalid": lambda: record_sure(
        session(), "youth", "during", dict.fromkeys(_SURE_FIELDS, True)
    ),
    "tip_without_peer_worker": lambda: set_peer_worker_tip(session(), GRID, option_id="talking", reasons=""),
    "label_required": lambda: add_participant(session(parents=1), label="  ", now=NOW),
    "label_taken": lambda: add_participant(session(parents=1), label="ouder 1", now=NOW),
    "too_many_parents": lambda: add_participant(session(parents=2), label="Oma", now=NOW),
    "participant_cannot_be_removed": lambda: remove_participant(session(), "youth", now=NOW),
    "participant_cannot_be_invited": lambda: set_own_device(session(peer_worker=True), "peer", True),
}
_SURE_FIELDS = (
    "sure_of_best_choice",
    "know_benefits_and_risks",
    "clear_what_matters",
    "enough_support_and_advice",
)


def _raise_first(problems: list[SessionRuleError]) -> None:
    assert problems
    raise problems[0]


def test_every_error_code_has_a_trigger() -> None:
    assert set(TRIGGERS) == set(RULE_ERROR_TEMPLATES)


@pytest.mark.parametrize("code", sorted(TRIGGERS))
def test_each_error_code_is_raised_with_a_plain_message(code: str) -> None:
    with pytest.raises(SessionRuleError) as caught:
        TRIGGERS[code]()
    assert caught.value.code == code
    message = str(caught.value)
    assert message and "{" not in message and message[0].isupper()


# --- elements ---------------------------------------------------------------------------------------


def test_complete_and_skip_steps() -> None:
    s = session()
    complete_element(s, SdmElement.EXPLAIN_PROBLEM)
    skip_element(s, SdmElement.ABILITY, "  geen tijd  ")
    assert s.progress(SdmElement.EXPLAIN_PROBLEM).status == ElementStatus.DONE
    assert s.progress(SdmElement.ABILITY).status == ElementStatus.SKIPPED
    assert s.progress(SdmElement.ABILITY).skip_reason == "geen tijd"


def test_a_refused_skip_changes_nothing() -> None:
    s = session()
    before = s.model_dump()
    for element, reason in [(SdmElement.VALUES, ""), (SdmElement.DECIDE, "x")]:
        with pytest.raises(SessionRuleError):
            skip_element(s, element, reason)
    assert s.model_dump() == before


def test_decide_step_follows_the_outcome() -> None:
    s = session()
    defer(s)
    assert s.progress(SdmElement.DECIDE).status == ElementStatus.DEFERRED
    assert complete_element(s, SdmElement.DECIDE).status == ElementStatus.DEFERRED
    decide(s)
    assert s.progress(SdmElement.DECIDE).status == ElementStatus.DONE


def test_follow_up_step_needs_a_follow_up_to_be_done() -> None:
    s = session()
    decide(s)
    with pytest.raises(SessionRuleError) as caught:
        complete_element(s, SdmElement.FOLLOW_UP)
    assert caught.value.code == "follow_up_missing"
    # Decided: skipping the follow-up with a reason is allowed.
    assert skip_element(s, SdmElement.FOLLOW_UP, "De kliniek belt").status == ElementStatus.SKIPPED


# --- decision and history ------------------------------------------------------------------------


def test_record_decision_keeps_agreement_and_dedupes() -> None:
    s = session(parents=2)
    decided = decide(s, agree=["youth", "parent-1", "youth"], disagree=["parent-2"])
    assert isinstance(s.outcome, Decided)
    assert decided.agree == ["youth", "parent-1"]
    assert decided.disagree == ["parent-2"]
    assert session_status(s) == SessionStatus.DECIDED


def test_revisiting_keeps_every_earlier_outcome() -> None:
    s = session()
    first = defer(s, DeferralReason.NEED_MORE_INFORMATION, still_needed="meer uitleg")
    plan(s, days=2)
    record_follow_up_outcome(s, status=FollowUpStatus.DONE, note="besproken", now=NOW + timedelta(days=3))
    second = decide(s, now=NOW + timedelta(days=3))
    third = decide(s, option_id="wait", now=NOW + timedelta(days=3, minutes=5))
    assert s.outcome == third
    assert s.outcome_history == [first, second]
    assert isinstance(s.outcome_history[0], Deferred)


def test_deferral_with_other_reason_needs_details_and_status_is_deferred() -> None:
    s = session()
    deferred = defer(s, DeferralReason.OTHER, details="  vakantie  ")
    assert deferred.details == "vakantie"
    assert session_status(s) == SessionStatus.DEFERRED


def test_deferral_reopens_a_skipped_follow_up_step() -> None:
    s = session()
    decide(s)
    skip_element(s, SdmElement.FOLLOW_UP, "niet nodig")
    defer(s)
    assert s.progress(SdmElement.FOLLOW_UP).status == ElementStatus.NOT_STARTED


def test_deferral_keeps_a_planned_follow_up_step() -> None:
    s = session()
    plan(s)
    defer(s)
    assert s.progress(SdmElement.FOLLOW_UP).status == ElementStatus.DONE


def test_long_texts_are_refused_whole() -> None:
    s = session()
    with pytest.raises(SessionRuleError) as caught:
        defer(s, details="x" * (MAX_LONG_ENTRY + 1))
    assert caught.value.code == "text_too_long" and caught.value.params["limit"] == MAX_LONG_ENTRY
    assert s.outcome is None


def test_naive_now_is_a_programming_error() -> None:
    with pytest.raises(TypeError):
        decide(session(), now=datetime(2026, 11, 22, 12, 0))


# --- follow-up lifecycle -----------------------------------------------------------------------------


def test_moving_a_planned_follow_up_keeps_id_and_history() -> None:
    s = session()
    first = plan(s, days=10)
    second = plan(s, days=12)
    assert second.id == first.id and second.sequence == first.sequence + 1
    assert [f.status for f in s.follow_up_history] == [FollowUpStatus.RESCHEDULED]
    assert s.follow_up_history[0].starts_at == first.starts_at


def test_a_follow_up_after_a_closed_one_is_new() -> None:
    s = _closed_follow_up()
    closed = s.follow_up
    new = plan(s, days=10, now=NOW + timedelta(days=4))
    assert new.id != closed.id and new.sequence == 0
    assert s.follow_up_history == [closed]
    assert closed.status == FollowUpStatus.DONE


def test_follow_up_outcome_once_it_began() -> None:
    s = session()
    follow_up = plan(s, days=1)
    closed = record_follow_up_outcome(
        s, status=FollowUpStatus.MISSED, note=" niet gekomen ", now=follow_up.starts_at
    )
    assert closed.status == FollowUpStatus.MISSED and closed.outcome_note == "niet gekomen"
    assert closed.id == follow_up.id


# --- end state -----------------------------------------------------------------------------------------


def test_a_new_session_cannot_finish_and_says_why_in_step_order() -> None:
    problems = end_state_problems(session())
    assert [p.code for p in problems] == ["element_open"] * 7 + ["decision_required", "element_open"]
    assert [p.element for p in problems] == list(ELEMENT_ORDER)
    assert not can_finish(session())


def test_deferred_without_planned_follow_up_is_not_an_end_state() -> None:
    s = session()
    finish_steps_one_to_seven(s)
    defer(s)
    assert [p.code for p in end_state_problems(s)] == ["follow_up_required"]
    plan(s)
    assert can_finish(s)
    # The follow-up took place but the decision is still put off: plan the next one or decide.
    record_follow_up_outcome(s, status=FollowUpStatus.DONE, note="", now=NOW + timedelta(days=20))
    assert [p.code for p in end_state_problems(s)] == ["follow_up_required"]
    decide(s, now=NOW + timedelta(days=20))
    assert can_finish(s)


def test_decided_with_skipped_follow_up_can_finish() -> None:
    s = session()
    finish_steps_one_to_seven(s)
    decide(s)
    skip_element(s, SdmElement.FOLLOW_UP, "De behandeling start volgende week")
    assert can_finish(s)


# --- answers and grid references --------------------------------------------------------------------


def test_leaning_is_an_option_of_the_grid_or_not_sure() -> None:
    s = session()
    set_leaning(s, GRID, "youth", "pills")
    set_leaning(s, GRID, "youth", NOT_SURE)
    assert s.answers["youth"].leaning == NOT_SURE
    with pytest.raises(SessionRuleError) as caught:
        set_leaning(s, GRID, "youth", "surgery")
    assert caught.value.code == "unknown_option"
    assert s.answers["youth"].leaning == NOT_SURE


def test_recommendation_and_grid_problems() -> None:
    s = session()
    set_recommendation(s, GRID, option_id="talking", reasons="past bij jullie", by="dr.jansen", now=NOW)
    assert grid_problems(s, GRID) == []
    s.answers = {"youth": ParticipantAnswers(leaning="surgery", ability={"surgery": AbilityAnswer()})}
    assert [p.code for p in grid_problems(s, GRID)] == ["unknown_option", "unknown_option"]
