"""Who may see which of a person's answers.

Only the young person's answers can be private, per step (`ParticipantAnswers.private_steps`;
the step registry says which parts of the answers a step asks for). Private answers are seen
by the young person and by the clinician, and by nobody else: not by a parent on a shared
screen or on their own phone, not in the family copy of the summary, not in the comparison
(which says "private" instead of "not answered"). Notes belong to no step: they are private
as soon as any step is.

Every screen and every summary gets the answers through a `Viewer`: `redacted(session,
viewer)` is the session as that viewer may see it. Nothing private is drawn from anything
else.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sdm_aid.sessions.models import AnswerPart, DecisionSession, ParticipantAnswers, Role
from sdm_aid.wizard import step_registry
from sdm_aid.wizard.fields import Field


@dataclass(frozen=True)
class Viewer:
    """Who is looking at a session."""

    person: str | None = None
    """The participant whose own answers may be shown: their turn on a shared screen, or
    their own device. None: everybody in the room (between turns, the family copy)."""
    clinician: bool = False
    """The clinician's pages and copy: everything, private answers marked."""


EVERYBODY = Viewer()
CLINICIAN = Viewer(clinician=True)


def person(participant_id: str) -> Viewer:
    return Viewer(person=participant_id)


Hidden = Mapping[str, frozenset[AnswerPart]]
"""Participant id -> the parts of their answers a viewer may not see."""


def private_parts(session: DecisionSession, participant_id: str) -> frozenset[AnswerPart]:
    """The parts of this participant's answers that are private (only the young person's can be)."""
    answers = session.answers.get(participant_id)
    if answers is None or not answers.private_steps:
        return frozenset()
    parts = {
        part
        for step_id in answers.private_steps
        if (spec := step_registry.find(step_id)) is not None
        for part in spec.own_answers
    }
    return frozenset({*parts, AnswerPart.NOTES})


def is_private(session: DecisionSession, participant_id: str, step_id: str) -> bool:
    answers = session.answers.get(participant_id)
    return answers is not None and step_id in answers.private_steps


def hidden_parts(session: DecisionSession, viewer: Viewer) -> dict[str, frozenset[AnswerPart]]:
    """What `viewer` may not see of each participant's answers."""
    if viewer.clinician:
        return {}
    return {
        pid: parts
        for pid in session.answers
        if pid != viewer.person and (parts := private_parts(session, pid))
    }


def hides(hidden: Hidden, participant_id: str, part: AnswerPart) -> bool:
    return part in hidden.get(participant_id, frozenset())


def field_hidden(hidden: Hidden, field: Field) -> bool:
    """Whether a field (an answer, typed or recorded) holds something the viewer may not see."""
    pid, part = field.participant_id, field.part
    return pid is not None and part is not None and hides(hidden, pid, part)


_EMPTY = ParticipantAnswers()
_ANSWER_FIELDS: dict[AnswerPart, tuple[str, ...]] = {
    AnswerPart.IMPORTANCE: ("importance",),
    AnswerPart.LEANING: ("leaning",),
    AnswerPart.ABILITY: ("ability",),
    AnswerPart.QUESTIONS: ("questions",),
    AnswerPart.UNDERSTANDING: ("understanding",),
    AnswerPart.NOTES: ("notes",),
    AnswerPart.SURE: (),  # kept in session.sure
}


def visible_answers(answers: ParticipantAnswers, hidden: frozenset[AnswerPart]) -> ParticipantAnswers:
    """`answers` with the hidden parts left out (as if not given; the caller says 'private')."""
    if not hidden:
        return answers
    update = {name: getattr(_EMPTY, name) for part in hidden for name in _ANSWER_FIELDS[part]}
    return answers.model_copy(update=update, deep=True)


def redacted(session: DecisionSession, viewer: Viewer) -> DecisionSession:
    """The session as `viewer` may see it: private answers (recorded, or typed and not yet
    recorded) of anyone else left out. The same session when nothing is hidden."""
    hidden = hidden_parts(session, viewer)
    if not hidden:
        return session
    answers = {
        pid: visible_answers(given, hidden.get(pid, frozenset())) for pid, given in session.answers.items()
    }
    sure = {pid: result for pid, result in session.sure.items() if not hides(hidden, pid, AnswerPart.SURE)}
    pending = {key: value for key, value in session.pending.items() if not _pending_hidden(hidden, key)}
    return session.model_copy(update={"answers": answers, "sure": sure, "pending": pending}, deep=True)


def _pending_hidden(hidden: Hidden, key: str) -> bool:
    try:
        field = Field.parse(key)
    except ValueError:
        return True  # not a field this version knows: never shown
    return field_hidden(hidden, field)


def can_be_private(session: DecisionSession, participant_id: str) -> bool:
    """Only the young person can keep answers private."""
    return any(p.id == participant_id and p.role == Role.YOUTH for p in session.participants)
