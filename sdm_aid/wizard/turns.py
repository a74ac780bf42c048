"""Whose turn it is on a shared screen, and who has answered what.

On a step with own answers (`StepSpec.per_person`) the people on the shared screen answer
one at a time, in the family's order (young person first): the screen is handed over
explicitly, and only the person whose turn it is can be answered for. People on their own
device answer in their own time; the person who started the conversation sees how far each
person is (`progress`), never the private answers themselves.
"""

from __future__ import annotations

from enum import StrEnum

from sdm_aid.content.models import OptionGrid
from sdm_aid.sessions.models import AnswerPart, DecisionSession, Participant, ParticipantAnswers
from sdm_aid.wizard import paths, step_registry, steps
from sdm_aid.wizard.completion import leaned_options
from sdm_aid.wizard.step_registry import StepSpec


class Progress(StrEnum):
    DONE = "done"
    PARTLY = "partly"
    NOT_YET = "not_yet"


def _part_progress(
    session: DecisionSession, grid: OptionGrid, answers: ParticipantAnswers, pid: str, part: AnswerPart
) -> Progress:
    def share(given: int, wanted: int) -> Progress:
        if wanted and given >= wanted:
            return Progress.DONE
        return Progress.PARTLY if given else Progress.NOT_YET

    if part == AnswerPart.SURE:
        result = session.sure.get(pid)
        return Progress.DONE if result is not None and result.before is not None else Progress.NOT_YET
    if part == AnswerPart.IMPORTANCE:
        wanted = {c.id for c in grid.considerations}
        return share(len(wanted & answers.importance.keys()), len(wanted))
    if part == AnswerPart.LEANING:
        return Progress.DONE if answers.leaning is not None else Progress.NOT_YET
    if part == AnswerPart.ABILITY:
        options = leaned_options(session, grid)
        rated = [o for o in options if (a := answers.ability.get(o)) is not None and a.confidence is not None]
        return share(len(rated), len(options))
    if part == AnswerPart.QUESTIONS:
        return Progress.DONE if answers.questions else Progress.NOT_YET
    if part == AnswerPart.UNDERSTANDING:
        wanted = {u.id for u in grid.understanding_checks}
        return share(len(wanted & answers.understanding.keys()), len(wanted))
    return Progress.DONE if answers.notes.strip() else Progress.NOT_YET


def step_progress(session: DecisionSession, grid: OptionGrid, step: StepSpec, pid: str) -> Progress:
    """How far `pid` is with their own answers on `step` (as the session's path asks them)."""
    grid = paths.for_session(session, grid)
    answers = session.answers.get(pid, ParticipantAnswers())
    parts = [_part_progress(session, grid, answers, pid, part) for part in step.own_answers]
    if all(p == Progress.DONE for p in parts):
        return Progress.DONE
    if all(p == Progress.NOT_YET for p in parts):
        return Progress.NOT_YET
    return Progress.PARTLY


def after_progress(session: DecisionSession, pid: str) -> Progress:
    """The four questions after the conversation with the clinician."""
    result = session.sure.get(pid)
    return Progress.DONE if result is not None and result.after is not None else Progress.NOT_YET


def progress(session: DecisionSession, grid: OptionGrid) -> dict[str, dict[str, Progress]]:
    """Family member id -> step id -> how far they are; for the owner's overview. Says
    nothing of what anyone answered (private answers included)."""
    return {
        person.id: {
            spec.id: step_progress(session, grid, spec, person.id)
            for spec in step_registry.per_person_steps()
        }
        for person in session.family
    }


def still_missing(session: DecisionSession, grid: OptionGrid, step: StepSpec, pid: str) -> bool:
    """Whether the step's completion rule still waits for this person."""
    return any(problem.participant_id == pid for problem in steps.step_problems(session, grid, step))


def first_turn(session: DecisionSession, grid: OptionGrid, step: StepSpec) -> Participant | None:
    """Who the shared screen starts with: the first person still missing something on the
    step, else the first person here. None when nobody answers on the shared screen."""
    people = session.family_here
    waiting = [p for p in people if still_missing(session, grid, step, p.id)]
    candidates = waiting or people
    return candidates[0] if candidates else None


def after(session: DecisionSession, pid: str) -> Participant | None:
    """The next person on the shared screen after `pid` (None after the last)."""
    people = session.family_here
    ids = [p.id for p in people]
    if pid not in ids:
        return people[0] if people else None
    index = ids.index(pid)
    return people[index + 1] if index + 1 < len(people) else None


def waiting_for(session: DecisionSession, grid: OptionGrid, step: StepSpec) -> list[Participant]:
    """The people on the shared screen the step still waits for (Next says who)."""
    return [p for p in session.family_here if still_missing(session, grid, step, p.id)]
