from datetime import UTC, date, datetime, time

from hypothesis import given
from hypothesis import strategies as st

from sdm_aid.sessions.models import Role
from sdm_aid.wizard.inputs import (
    InputIssue,
    Issue,
    build_participants,
    check_moment,
    check_people,
    check_skip_reason,
    merge_questions,
    parse_questions,
)

NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)


def test_people_need_distinct_short_labels() -> None:
    assert check_people("Sam", ["Ouder 1", "Ouder 2"], "Ervaringsdeskundige") == []
    issues = check_people("  ", ["ouder 1", "Ouder 1", "x" * 41], None)
    assert [i.issue for i in issues] == [
        InputIssue.TOO_MANY_PARENTS,
        InputIssue.EMPTY_LABEL,
        InputIssue.DUPLICATE_LABEL,
        InputIssue.LABEL_TOO_LONG,
    ]
    assert issues[2].field == "parent-2"


def test_build_participants_assigns_roles_and_stable_ids() -> None:
    people = build_participants(" Sam ", ["Mama"], "Lotte")
    assert [(p.id, p.role, p.label) for p in people] == [
        ("youth", Role.YOUTH, "Sam"),
        ("parent-1", Role.PARENT, "Mama"),
        ("peer", Role.PEER_WORKER, "Lotte"),
    ]


def test_a_follow_up_moment_must_exist() -> None:
    assert check_moment(2026, 3, 30, 14, 0) == (date(2026, 3, 30), time(14, 0))
    assert check_moment(2026, 2, 30, 14, 0) == Issue(InputIssue.NO_SUCH_DATE, "date")
    # Whether it lies ahead is the session rule's to say (tests/sessions/test_follow_up_scheduling.py).


def test_questions_one_per_line_with_limits() -> None:
    assert parse_questions("Hoe lang?\n\n  Wat kost het? \n") == ["Hoe lang?", "Wat kost het?"]
    assert parse_questions("x" * 301) == Issue(InputIssue.QUESTION_TOO_LONG, "questions", 300)
    assert parse_questions("\n".join(["q"] * 21)) == Issue(InputIssue.TOO_MANY_QUESTIONS, "questions", 20)
    assert merge_questions(["a", "b"], ["b", "c"]) == ["a", "b", "c"]


def test_skip_needs_a_reason() -> None:
    assert check_skip_reason("  ") == Issue(InputIssue.EMPTY_REASON, "skip")
    assert check_skip_reason("Geen tijd") is None


@given(st.text(max_size=2000))
def test_parse_questions_never_loses_or_truncates_text(text: str) -> None:
    result = parse_questions(text)
    if isinstance(result, list):
        for line in result:
            assert line in text and 0 < len(line) <= 300


def test_labels_that_look_like_contact_details_are_refused_kindly() -> None:
    issues = check_people("sam@example.org", ["06 12345678"], None)
    assert [(i.issue, i.field) for i in issues] == [
        (InputIssue.NOT_A_NICKNAME, "youth"),
        (InputIssue.NOT_A_NICKNAME, "parent-1"),
    ]
