"""Step navigation and what each step needs before Next.

The wizard shows the nine SDM elements in their fixed order, one per step. Next saves and
moves on only when the step is complete; otherwise the screen says what is missing and the
family can fill it in, or skip the step with a reason (never silently).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sdm_aid.content.models import OptionGrid
from sdm_aid.elements import ELEMENT_ORDER, SdmElement
from sdm_aid.sessions.models import NOT_SURE, DecisionSession, Deferred, Participant, Role

TOTAL_STEPS = len(ELEMENT_ORDER)

FAMILY_ROLES = (Role.YOUTH, Role.PARENT)
"""Roles whose own voice the wizard records, each in turn."""

NOT_SKIPPABLE = frozenset({SdmElement.DECIDE})
"""Deciding can be put off (a deferral), but not skipped."""


def element_for_step(step: int) -> SdmElement:
    if not 1 <= step <= TOTAL_STEPS:
        raise ValueError(f"step must be 1..{TOTAL_STEPS}, got {step}")
    return ELEMENT_ORDER[step - 1]


def next_step(step: int) -> int | None:
    """The step after `step`, or None after the last one (then the hand-off follows)."""
    return step + 1 if step < TOTAL_STEPS else None


def previous_step(step: int) -> int | None:
    return step - 1 if step > 1 else None


def progress_fraction(step: int) -> float:
    """How far along the bar is on step `step` (the last step shows a full bar)."""
    return step / TOTAL_STEPS


def family(session: DecisionSession) -> list[Participant]:
    """The young person first, then the parents/carers, in the order they were added."""
    youth = [p for p in session.participants if p.role == Role.YOUTH]
    parents = [p for p in session.participants if p.role == Role.PARENT]
    return youth + parents


def youth(session: DecisionSession) -> Participant:
    return next(p for p in session.participants if p.role == Role.YOUTH)


def leaned_options(session: DecisionSession, grid: OptionGrid) -> list[str]:
    """Option ids that at least one participant leans to, in the grid's column order."""
    leanings = {answers.leaning for answers in session.answers.values()}
    return [option.id for option in grid.options if option.id in leanings]


class Missing(StrEnum):
    """Why Next cannot move on yet. The UI turns each into a plain sentence."""

    IMPORTANCE = "importance"
    LEANING = "leaning"
    CONFIDENCE = "confidence"
    RECOMMENDATION = "recommendation"
    UNDERSTANDING = "understanding"
    OUTCOME = "outcome"
    SURE = "sure"
    FOLLOW_UP = "follow_up"


@dataclass(frozen=True)
class Problem:
    missing: Missing
    participant_id: str | None = None
    option_id: str | None = None


def step_problems(session: DecisionSession, grid: OptionGrid, element: SdmElement) -> list[Problem]:
    """What still has to be filled in on this step. Empty means Next may move on."""
    check = _CHECKS.get(element)
    return check(session, grid) if check else []


def _values(session: DecisionSession, grid: OptionGrid) -> list[Problem]:
    problems: list[Problem] = []
    wanted = {c.id for c in grid.considerations}
    for person in family(session):
        answers = session.answers.get(person.id)
        if answers is None or not wanted <= answers.importance.keys():
            problems.append(Problem(Missing.IMPORTANCE, person.id))
        if answers is None or answers.leaning is None:
            problems.append(Problem(Missing.LEANING, person.id))
    return problems


def _ability(session: DecisionSession, grid: OptionGrid) -> list[Problem]:
    # Each option someone leans to needs at least one person's confidence; the others may
    # answer too, but a parent who leans elsewhere is not forced to.
    problems = []
    for option_id in leaned_options(session, grid):
        rated = any(
            (ability := answers.ability.get(option_id)) is not None and ability.confidence is not None
            for answers in session.answers.values()
        )
        if not rated:
            problems.append(Problem(Missing.CONFIDENCE, option_id=option_id))
    return problems


def _recommendation(session: DecisionSession, grid: OptionGrid) -> list[Problem]:
    return [] if session.recommendation is not None else [Problem(Missing.RECOMMENDATION)]


def _understanding(session: DecisionSession, grid: OptionGrid) -> list[Problem]:
    wanted = {item.id for item in grid.understanding_checks}
    problems = []
    for person in family(session):
        answers = session.answers.get(person.id)
        if answers is None or not wanted <= answers.understanding.keys():
            problems.append(Problem(Missing.UNDERSTANDING, person.id))
    return problems


def _decide(session: DecisionSession, grid: OptionGrid) -> list[Problem]:
    problems = [] if session.outcome is not None else [Problem(Missing.OUTCOME)]
    for person in family(session):
        result = session.sure.get(person.id)
        if result is None or result.after is None:
            problems.append(Problem(Missing.SURE, person.id))
    return problems


def _follow_up(session: DecisionSession, grid: OptionGrid) -> list[Problem]:
    # Completing the step needs a planned follow-up; after a decision (not a deferral) the
    # family may instead skip it with a reason.
    return [Problem(Missing.FOLLOW_UP)] if session.follow_up is None else []


_CHECKS = {
    SdmElement.VALUES: _values,
    SdmElement.ABILITY: _ability,
    SdmElement.RECOMMENDATION: _recommendation,
    SdmElement.UNDERSTANDING: _understanding,
    SdmElement.DECIDE: _decide,
    SdmElement.FOLLOW_UP: _follow_up,
}


def can_skip(session: DecisionSession, element: SdmElement) -> bool:
    """Whether the skip-with-reason control is offered. The session rules have the last word."""
    if element in NOT_SKIPPABLE:
        return False
    return not (element == SdmElement.FOLLOW_UP and isinstance(session.outcome, Deferred))


def is_not_sure(leaning: str | None) -> bool:
    return leaning == NOT_SURE
