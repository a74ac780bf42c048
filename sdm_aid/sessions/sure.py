"""The SURE test: four yes/no questions that screen for decisional conflict.

O'Connor & Légaré, 2008; validated by Légaré et al., 2010 (`SURE_CITATION`). Free to use
with the citation. Every 'yes' scores 1; 4 means no decisional conflict, fewer than 4 means
there may be conflict worth talking over. Asked of the young person and each parent, before
and after the session, so the change shows whether the session helped.

The English items are the originals. The Dutch texts in sessions.po are this project's own
plain-language translation, not a separately validated Dutch version.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from sdm_aid.i18n import Translator
from sdm_aid.sessions.errors import SessionRuleError
from sdm_aid.sessions.models import FAMILY_ROLES, SURE_CITATION, DecisionSession, SureAnswers, SureResult

__all__ = [
    "SURE_CITATION",
    "SURE_ITEMS",
    "SURE_MAX_SCORE",
    "SureInterpretation",
    "SureItem",
    "SureMoment",
    "interpret_sure",
    "record_sure",
    "sure_change",
    "sure_questions",
]

SureMoment = Literal["before", "after"]
SURE_MAX_SCORE = 4
SURE_ROLES = frozenset(FAMILY_ROLES)


@dataclass(frozen=True)
class SureItem:
    field: str
    """The SureAnswers field that holds the answer."""
    letter: str
    """S, U, R or E: Sure of myself, Understand information, Risk-benefit ratio, Encouragement."""
    text: str
    """The original English question; also the message id of the Dutch translation."""


SURE_ITEMS: tuple[SureItem, ...] = (
    SureItem("sure_of_best_choice", "S", "Do you feel SURE about the best choice for you?"),
    SureItem("know_benefits_and_risks", "U", "Do you know the benefits and risks of each option?"),
    SureItem("clear_what_matters", "R", "Are you clear about which benefits and risks matter most to you?"),
    SureItem("enough_support_and_advice", "E", "Do you have enough support and advice to make a choice?"),
)


class SureInterpretation(StrEnum):
    NO_CONFLICT = "no_conflict"
    """Score 4: no decisional conflict."""
    POSSIBLE_CONFLICT = "possible_conflict"
    """Score below 4: possible decisional conflict; talk it over."""


def interpret_sure(score: int) -> SureInterpretation:
    if not 0 <= score <= SURE_MAX_SCORE:
        raise ValueError(f"a SURE score is 0 to {SURE_MAX_SCORE}, not {score}")
    return SureInterpretation.NO_CONFLICT if score == SURE_MAX_SCORE else SureInterpretation.POSSIBLE_CONFLICT


def sure_questions(t: Translator) -> list[tuple[SureItem, str]]:
    """The four items with their text in the translator's language, in order."""
    return [(item, t(item.text)) for item in SURE_ITEMS]


def sure_change(result: SureResult) -> int | None:
    """Score after minus score before; None unless both were answered."""
    if result.before is None or result.after is None:
        return None
    return result.after.score - result.before.score


def record_sure(
    session: DecisionSession,
    participant_id: str,
    moment: SureMoment,
    answers: SureAnswers | Mapping[str, bool],
) -> SureAnswers:
    """Store one participant's SURE answers for 'before' or 'after' (answering again replaces
    that moment's answers: it is the same moment, asked again)."""
    if moment not in ("before", "after"):
        raise SessionRuleError("sure_moment_invalid")
    participant = next((p for p in session.participants if p.id == participant_id), None)
    if participant is None:
        raise SessionRuleError("unknown_participant")
    if participant.role not in SURE_ROLES:
        raise SessionRuleError("sure_not_for_role")
    answers = answers if isinstance(answers, SureAnswers) else SureAnswers.model_validate(dict(answers))
    result = session.sure.get(participant_id, SureResult())
    session.sure = {**session.sure, participant_id: result.model_copy(update={moment: answers})}
    return answers
