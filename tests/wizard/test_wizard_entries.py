"""Entering values in the wizard's fields: recorded when valid, kept (never lost) otherwise."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from factories import minimal_grid, new_session
from hypothesis import given, settings
from hypothesis import strategies as st

from sdm_aid.elements import SdmElement
from sdm_aid.sessions.errors import SessionRuleError
from sdm_aid.sessions.models import MAX_LONG_ENTRY, NOT_SURE, Decided, DecisionSession, Deferred
from sdm_aid.wizard import fields, step_actions, step_registry
from sdm_aid.wizard.entries import EntryError, current_value, enter, entry_issue
from sdm_aid.wizard.fields import Kind
from sdm_aid.wizard.inputs import InputIssue
from sdm_aid.wizard.step_actions import StepRefusedError

GRID = minimal_grid()
NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def session(**kwargs: object) -> DecisionSession:
    return new_session(GRID, **kwargs)  # type: ignore[arg-type]


def test_a_field_key_reads_back_as_the_same_field() -> None:
    for field in (
        fields.importance("youth", "quick"),
        fields.TIP,
        fields.private("youth", "values"),
        fields.sure_item("after", "parent-1", "clear_what_matters"),
    ):
        assert fields.Field.parse(field.key) == field


def test_answers_are_recorded_at_once_and_read_back() -> None:
    s = session()
    enter(s, GRID, fields.importance("youth", "quick"), 3)
    enter(s, GRID, fields.leaning("youth"), "pills")
    enter(s, GRID, fields.check("youth", "choice"), False)
    enter(s, GRID, fields.confidence("youth", "pills"), 7)
    enter(s, GRID, fields.barriers("youth", "pills"), ["time", "money"])
    enter(s, GRID, fields.helps("youth", "pills"), "  Een lift  ")
    enter(s, GRID, fields.private("youth", "values"), True)
    enter(s, GRID, fields.private("youth", "understanding"), True)
    answers = s.answers["youth"]
    assert answers.importance == {"quick": 3}
    assert answers.leaning == "pills"
    assert answers.understanding == {"choice": False}
    assert answers.ability["pills"].confidence == 7
    assert [b.value for b in answers.ability["pills"].barriers] == ["time", "money"]
    assert answers.ability["pills"].what_would_help == "Een lift"
    assert answers.private_steps == ["values", "understanding"]
    assert s.pending == {}
    assert current_value(s, GRID, fields.importance("youth", "quick")) == 3
    assert current_value(s, GRID, fields.barriers("youth", "pills")) == ["time", "money"]


def test_clearing_an_answer_removes_it() -> None:
    s = session()
    enter(s, GRID, fields.importance("youth", "quick"), 3)
    enter(s, GRID, fields.importance("youth", "quick"), None)
    enter(s, GRID, fields.confidence("youth", "wait"), 4)
    enter(s, GRID, fields.confidence("youth", "wait"), None)
    assert s.answers["youth"].importance == {}
    assert "wait" not in s.answers["youth"].ability


def test_only_the_young_person_can_keep_answers_private() -> None:
    with pytest.raises(EntryError):
        enter(session(), GRID, fields.private("parent-1", "values"), True)
    with pytest.raises(EntryError):  # a step without own answers has nothing to keep private
        enter(session(), GRID, fields.private("youth", "decide"), True)


def test_private_steps_can_be_shared_again_one_by_one() -> None:
    s = session()
    for step_id in ("values", "ability", "understanding"):
        enter(s, GRID, fields.private("youth", step_id), True)
    enter(s, GRID, fields.private("youth", "ability"), False)
    assert s.answers["youth"].private_steps == ["values", "understanding"]
    assert current_value(s, GRID, fields.private("youth", "values")) is True
    assert current_value(s, GRID, fields.private("youth", "ability")) is False


def test_a_removed_participant_cannot_be_answered_for() -> None:
    s = session(parents=2)
    enter(s, GRID, fields.importance("parent-2", "quick"), 2)
    s.participants = [
        p.model_copy(update={"removed_at": NOW}) if p.id == "parent-2" else p for p in s.participants
    ]
    with pytest.raises(EntryError):
        enter(s, GRID, fields.importance("parent-2", "quick"), 4)
    assert s.answers["parent-2"].importance == {"quick": 2}  # kept


def test_unknown_ids_are_bugs_not_answers() -> None:
    s = session()
    for field, value in (
        (fields.importance("nobody", "quick"), 1),
        (fields.importance("youth", "nothing"), 1),
        (fields.leaning("youth"), "surgery"),
        (fields.OPTION, "surgery"),
        (fields.vote("youth"), "maybe"),
    ):
        with pytest.raises(EntryError):
            enter(s, GRID, field, value)
    assert s.answers.get("youth") is None or s.answers["youth"].leaning is None


def test_text_over_its_limit_is_kept_as_typed_and_reported() -> None:
    s = session()
    enter(s, GRID, fields.helps("youth", "pills"), "ok")
    long_text = "x" * (MAX_LONG_ENTRY + 25)
    enter(s, GRID, fields.helps("youth", "pills"), long_text)
    field = fields.helps("youth", "pills")
    assert current_value(s, GRID, field) == long_text  # on screen and saved, not cut
    assert s.answers["youth"].ability["pills"].what_would_help == "ok"  # the record keeps the last valid text
    issue = entry_issue(s, field)
    assert issue is not None and issue.issue == InputIssue.TEXT_TOO_LONG and issue.over == 25
    enter(s, GRID, field, "korter")
    assert s.pending == {} and entry_issue(s, field) is None
    assert s.answers["youth"].ability["pills"].what_would_help == "korter"


def test_a_text_beyond_what_can_be_kept_is_refused_not_cut() -> None:
    with pytest.raises(EntryError):
        enter(session(), GRID, fields.helps("youth", "pills"), "x" * 20_001)


def test_questions_suggested_and_own_merge_and_a_bad_list_is_kept() -> None:
    s = session()
    offered = GRID.clinician_questions[0].text.get("nl")
    enter(s, GRID, fields.suggested("youth"), [offered])
    enter(s, GRID, fields.own_questions("youth"), "Hoe lang?\n\nWat kost het?")
    assert s.answers["youth"].questions == [offered, "Hoe lang?", "Wat kost het?"]
    too_many = "\n".join(f"Vraag {n}" for n in range(30))
    enter(s, GRID, fields.own_questions("youth"), too_many)
    assert current_value(s, GRID, fields.own_questions("youth")) == too_many
    assert entry_issue(s, fields.own_questions("youth")).issue == InputIssue.TOO_MANY_QUESTIONS
    assert s.answers["youth"].questions == [offered, "Hoe lang?", "Wat kost het?"]
    assert current_value(s, GRID, fields.suggested("youth")) == [offered]


def test_a_tip_waits_for_its_option_and_is_never_the_advice() -> None:
    s = session(peer_worker=True)
    enter(s, GRID, fields.TIP_REASONS, "Past bij jullie")
    assert s.peer_worker_tip is None and current_value(s, GRID, fields.TIP_REASONS) == "Past bij jullie"
    enter(s, GRID, fields.TIP, fields.TO_DISCUSS)
    assert s.peer_worker_tip is not None and s.peer_worker_tip.option_id is None
    assert s.peer_worker_tip.reasons == "Past bij jullie" and s.pending == {}
    enter(s, GRID, fields.TIP, "talking")
    assert s.peer_worker_tip.option_id == "talking" and current_value(s, GRID, fields.TIP) == "talking"
    assert s.recommendation is None  # the professional's advice is recorded on the clinician page only


def test_without_a_peer_worker_there_is_no_tip() -> None:
    with pytest.raises(EntryError):
        enter(session(), GRID, fields.TIP, "talking")


def test_sure_answers_are_recorded_when_all_four_are_given() -> None:
    s = session()
    items = [
        "sure_of_best_choice",
        "know_benefits_and_risks",
        "clear_what_matters",
        "enough_support_and_advice",
    ]
    for item in items[:3]:
        enter(s, GRID, fields.sure_item("before", "youth", item), True)
    assert "youth" not in s.sure and len(s.pending) == 3
    enter(s, GRID, fields.sure_item("before", "youth", items[3]), False)
    assert s.sure["youth"].before is not None and s.sure["youth"].before.score == 3
    assert s.pending == {}
    enter(s, GRID, fields.sure_item("before", "youth", items[3]), True)
    assert s.sure["youth"].before.score == 4


def test_a_decision_waits_for_next_and_then_is_recorded_once() -> None:
    s = session()
    enter(s, GRID, fields.MODE, fields.DECIDE_NOW)
    enter(s, GRID, fields.OPTION, "talking")
    enter(s, GRID, fields.vote("youth"), fields.AGREE)
    enter(s, GRID, fields.vote("parent-1"), fields.DISAGREE)
    assert s.outcome is None  # trying out choices on screen leaves no trace in the record
    decided = step_actions.commit_step(s, GRID, step_registry.step("decide"), NOW)
    assert s.outcome is None  # the original is untouched
    assert isinstance(decided.outcome, Decided) and decided.outcome.option_id == "talking"
    assert decided.outcome.agree == ["youth"] and decided.outcome.disagree == ["parent-1"]
    assert decided.pending == {}
    again = step_actions.commit_step(decided, GRID, step_registry.step("decide"), NOW + timedelta(minutes=1))
    assert again.outcome_history == []  # the same choice twice is not a revision
    assert current_value(again, GRID, fields.OPTION) == "talking"
    assert current_value(again, GRID, fields.vote("parent-1")) == fields.DISAGREE


def test_a_deferral_needs_a_reason_and_texts_within_their_limit() -> None:
    s = session()
    enter(s, GRID, fields.MODE, fields.DECIDE_LATER)
    with pytest.raises(StepRefusedError) as refused:
        step_actions.commit_step(s, GRID, step_registry.step("decide"), NOW)
    assert refused.value.missing == "reason"
    enter(s, GRID, fields.DEFER_REASON, "talk_at_home")
    enter(s, GRID, fields.STILL_NEEDED, "y" * (MAX_LONG_ENTRY + 1))
    with pytest.raises(StepRefusedError) as refused:
        step_actions.commit_step(s, GRID, step_registry.step("decide"), NOW)
    assert refused.value.issue is not None and refused.value.issue.over == 1
    enter(s, GRID, fields.STILL_NEEDED, "Thuis praten")
    deferred = step_actions.commit_step(s, GRID, step_registry.step("decide"), NOW)
    assert isinstance(deferred.outcome, Deferred) and deferred.outcome.still_needed == "Thuis praten"


def test_a_follow_up_is_planned_from_its_pending_pieces() -> None:
    s = session()
    with pytest.raises(StepRefusedError) as refused:
        step_actions.plan_follow_up(s, NOW)
    assert refused.value.missing == "moment"
    assert (
        step_actions.commit_step(s, GRID, step_registry.step("follow_up"), NOW) is s
    )  # untouched: Next's own check speaks
    for kind, value in (
        (Kind.DAY, 30),
        (Kind.MONTH, 3),
        (Kind.YEAR, 2026),
        (Kind.HOUR, 14),
        (Kind.MINUTE, 15),
    ):
        enter(s, GRID, fields.follow_up_field(kind), value)
    enter(s, GRID, fields.follow_up_field(Kind.WITH_WHOM), "Dr. Jansen")
    planned = step_actions.plan_follow_up(s, NOW)
    assert planned.follow_up is not None and planned.follow_up.with_whom == "Dr. Jansen"
    assert planned.pending == {}
    assert current_value(planned, GRID, fields.follow_up_field(Kind.HOUR)) == 14
    enter(planned, GRID, fields.follow_up_field(Kind.DAY), 1)
    with pytest.raises(SessionRuleError) as past:  # 1 March 2026 is before NOW: the session rule says so
        step_actions.plan_follow_up(planned, NOW)
    assert past.value.code == "follow_up_in_past"


def test_skipping_uses_the_typed_reason() -> None:
    s = session()
    with pytest.raises(StepRefusedError):
        step_actions.skip_step(s, step_registry.step("values"))
    enter(s, GRID, fields.skip_reason("values"), "Geen tijd")
    skipped = step_actions.skip_step(s, step_registry.step("values"))
    assert skipped.progress(SdmElement.VALUES).skip_reason == "Geen tijd"
    assert skipped.pending == {}
    enter(s, GRID, fields.skip_reason("decide"), "Geen zin")
    with pytest.raises(SessionRuleError):
        step_actions.skip_step(s, step_registry.step("decide"))


def test_pending_values_survive_storage_round_trip() -> None:
    s = session()
    enter(s, GRID, fields.MODE, fields.DECIDE_NOW)
    enter(s, GRID, fields.helps("youth", "pills"), "z" * (MAX_LONG_ENTRY + 3))
    enter(s, GRID, fields.vote("youth"), fields.UNSURE)
    copy = DecisionSession.model_validate_json(s.model_dump_json())
    assert copy.pending == s.pending


LEANINGS = st.sampled_from([None, NOT_SURE, "talking", "pills", "wait"])


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["youth", "parent-1"]),
            st.sampled_from(["importance", "leaning", "helps", "own"]),
            st.one_of(st.integers(0, 4), st.none(), st.text(max_size=2100), LEANINGS),
        ),
        max_size=25,
    )
)
def test_whatever_is_entered_is_either_recorded_or_shown_back_exactly(
    steps: list[tuple[str, str, object]],
) -> None:
    s = session()
    last: dict[str, object] = {}
    for pid, kind, value in steps:
        field = {
            "importance": fields.importance(pid, "quick"),
            "leaning": fields.leaning(pid),
            "helps": fields.helps(pid, "pills"),
            "own": fields.own_questions(pid),
        }[kind]
        try:
            enter(s, GRID, field, value)
        except (EntryError, TypeError, ValueError):
            continue
        last[field.key] = value
    for key, value in last.items():
        shown = current_value(s, GRID, fields.Field.parse(key))
        if isinstance(value, str) and key.startswith(("helps", "own")):
            assert (
                shown == value
                or shown == value.strip()
                or (key.startswith("own") and _same_lines(shown, value))
            )
        else:
            assert shown == value
    DecisionSession.model_validate(s.model_dump())


def _same_lines(shown: object, typed: str) -> bool:
    return isinstance(shown, str) and shown.split() == [w for w in typed.split()]
