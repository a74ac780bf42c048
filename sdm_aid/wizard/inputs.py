"""Checks for what people type, with a reason code the UI turns into a kind sentence.

Nothing is cut off silently: a text over its limit is reported, and the typed text stays on
screen so it can be shortened.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from enum import StrEnum
from zoneinfo import ZoneInfo

from pydantic import ValidationError

from sdm_aid.sessions.models import MAX_LABEL, MAX_QUESTIONS, MAX_SHORT_ENTRY, Participant, Role

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
MAX_PARENTS = 2


class InputIssue(StrEnum):
    EMPTY_LABEL = "empty_label"
    LABEL_TOO_LONG = "label_too_long"
    DUPLICATE_LABEL = "duplicate_label"
    TOO_MANY_PARENTS = "too_many_parents"
    NO_SUCH_DATE = "no_such_date"
    QUESTION_TOO_LONG = "question_too_long"
    TOO_MANY_QUESTIONS = "too_many_questions"
    EMPTY_REASON = "empty_reason"
    NOT_A_NICKNAME = "not_a_nickname"
    """Looks like contact details (an e-mail address or phone number) instead of a nickname."""
    TEXT_TOO_LONG = "text_too_long"
    """A text over its limit: kept as typed, with how many characters are too many."""


@dataclass(frozen=True)
class Issue:
    issue: InputIssue
    field: str
    """Which input: 'youth', 'parent-1', 'date', 'questions', ..."""
    limit: int | None = None
    over: int = 0
    """For TEXT_TOO_LONG: how many characters over the limit."""


def check_label(field: str, label: str) -> Issue | None:
    text = label.strip()
    if not text:
        return Issue(InputIssue.EMPTY_LABEL, field)
    if len(text) > MAX_LABEL:
        return Issue(InputIssue.LABEL_TOO_LONG, field, MAX_LABEL)
    try:  # the session model's own rules for a label (no contact details)
        Participant(id="check", role=Role.YOUTH, label=text)
    except ValidationError:
        return Issue(InputIssue.NOT_A_NICKNAME, field)
    return None


def check_people(youth_label: str, parent_labels: list[str], peer_label: str | None) -> list[Issue]:
    """Labels are how the wizard addresses each person in turn, so each must be distinct."""
    issues: list[Issue] = []
    if len(parent_labels) > MAX_PARENTS:
        issues.append(Issue(InputIssue.TOO_MANY_PARENTS, "parents", MAX_PARENTS))
    fields = [("youth", youth_label)] + [(f"parent-{n}", lab) for n, lab in enumerate(parent_labels, 1)]
    if peer_label is not None:
        fields.append(("peer", peer_label))
    seen: set[str] = set()
    for field, label in fields:
        problem = check_label(field, label)
        if problem:
            issues.append(problem)
            continue
        key = label.strip().casefold()
        if key in seen:
            issues.append(Issue(InputIssue.DUPLICATE_LABEL, field))
        seen.add(key)
    return issues


def build_participants(
    youth_label: str, parent_labels: list[str], peer_label: str | None
) -> list[Participant]:
    """The session's participants; call only when `check_people` found nothing."""
    people = [Participant(id="youth", role=Role.YOUTH, label=youth_label.strip())]
    people += [
        Participant(id=f"parent-{n}", role=Role.PARENT, label=label.strip())
        for n, label in enumerate(parent_labels, 1)
    ]
    if peer_label is not None:
        people.append(Participant(id="peer", role=Role.PEER_WORKER, label=peer_label.strip()))
    return people


def check_moment(year: int, month: int, day: int, hour: int, minute: int) -> tuple[date, time] | Issue:
    """A real calendar date and time (30 February is not). Whether the moment may be planned
    (not past, not too far, not skipped by the clocks) is the session rule's to say:
    `sdm_aid.sessions.rules.schedule_follow_up`."""
    try:
        return date(year, month, day), time(hour, minute)
    except ValueError:
        return Issue(InputIssue.NO_SUCH_DATE, "date")


def parse_questions(text: str) -> list[str] | Issue:
    """One question per line; empty lines are ignored."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) > MAX_QUESTIONS:
        return Issue(InputIssue.TOO_MANY_QUESTIONS, "questions", MAX_QUESTIONS)
    if any(len(line) > MAX_SHORT_ENTRY for line in lines):
        return Issue(InputIssue.QUESTION_TOO_LONG, "questions", MAX_SHORT_ENTRY)
    return lines


def merge_questions(chosen: list[str], own: list[str]) -> list[str] | Issue:
    """Suggested questions picked from the grid first, then the person's own, without repeats."""
    merged = list(dict.fromkeys([*chosen, *own]))
    if len(merged) > MAX_QUESTIONS:
        return Issue(InputIssue.TOO_MANY_QUESTIONS, "questions", MAX_QUESTIONS)
    return merged


def check_skip_reason(reason: str) -> Issue | None:
    text = reason.strip()
    if not text:
        return Issue(InputIssue.EMPTY_REASON, "skip")
    if len(text) > MAX_SHORT_ENTRY:
        return Issue(InputIssue.QUESTION_TOO_LONG, "skip", MAX_SHORT_ENTRY)
    return None
