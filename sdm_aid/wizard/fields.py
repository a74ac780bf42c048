"""The wizard's input fields as data: what each widget on a step stands for.

A `Field` is a kind plus the ids it is about, e.g. the importance of consideration 'school'
for participant 'youth'. Its `key` ('importance.youth.school') names it in
`session.pending` and in widget keys. How a value entered in a field becomes part of the
session is `sdm_aid.wizard.entries`; the buttons that record a step's pending inputs are
`sdm_aid.wizard.step_actions`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sdm_aid.sessions.models import MAX_LONG_ENTRY, MAX_SHORT_ENTRY, AnswerPart
from sdm_aid.sessions.sure import SureMoment

TO_DISCUSS = "to_discuss"
"""Tip value for 'no one option: to talk about together'. Has an '_', so it is never an option id."""
AGREE, DISAGREE, UNSURE = "agree", "disagree", "unsure"
DECIDE_NOW, DECIDE_LATER = "decide", "defer"
DEFAULT_FOLLOW_UP_MINUTES = 30


class Kind(StrEnum):
    """What a field holds. The value is the first part of the field's key."""

    IMPORTANCE = "importance"  # participant, consideration -> 0..4
    LEANING = "leaning"  # participant -> option id or NOT_SURE
    PRIVATE = "private"  # participant (the young person), step -> bool
    CONFIDENCE = "confidence"  # participant, option -> 0..10
    BARRIERS = "barriers"  # participant, option -> [Barrier]
    HELPS = "helps"  # participant, option -> text
    CHECK = "check"  # participant, understanding item -> True/False
    SUGGESTED = "suggested"  # participant -> [question text from the grid]
    OWN = "own"  # participant -> text, one question per line
    TIP = "tip"  # -> option id or TO_DISCUSS: the peer worker's own tip (never the advice)
    TIP_REASONS = "tip-reasons"  # -> text
    SURE = "sure"  # moment, participant, SURE item -> True/False
    MODE = "mode"  # -> DECIDE_NOW or DECIDE_LATER            (pending until Next)
    OPTION = "option"  # -> option id                           (pending until Next)
    VOTE = "agree"  # participant -> AGREE/DISAGREE/UNSURE      (pending until Next)
    DEFER_REASON = "reason"  # -> DeferralReason                (pending until Next)
    DEFER_DETAILS = "details"  # -> text                        (pending until Next)
    STILL_NEEDED = "needed"  # -> text                          (pending until Next)
    DAY = "day"  # -> 1..31                                     (pending until planned)
    MONTH = "month"
    YEAR = "year"
    HOUR = "hour"
    MINUTE = "minute"
    DURATION = "duration"
    WITH_WHOM = "with"
    HOW = "how"
    PURPOSE = "purpose"
    SKIP_REASON = "skip-reason"  # step -> text                 (pending until Skip)
    NOTE = "note"  # -> the peer worker's hand-off note


DECISION_KINDS = frozenset({Kind.MODE, Kind.OPTION, Kind.VOTE})
DEFERRAL_KINDS = frozenset({Kind.DEFER_REASON, Kind.DEFER_DETAILS, Kind.STILL_NEEDED})
FOLLOW_UP_KINDS = frozenset(
    {
        Kind.DAY,
        Kind.MONTH,
        Kind.YEAR,
        Kind.HOUR,
        Kind.MINUTE,
        Kind.DURATION,
        Kind.WITH_WHOM,
        Kind.HOW,
        Kind.PURPOSE,
    }
)
ALWAYS_PENDING = DECISION_KINDS | DEFERRAL_KINDS | FOLLOW_UP_KINDS | {Kind.SKIP_REASON}

ANSWER_KINDS = frozenset(
    {
        Kind.IMPORTANCE,
        Kind.LEANING,
        Kind.PRIVATE,
        Kind.CONFIDENCE,
        Kind.BARRIERS,
        Kind.HELPS,
        Kind.CHECK,
        Kind.SUGGESTED,
        Kind.OWN,
    }
)

PART_OF_KIND: dict[Kind, AnswerPart] = {
    Kind.IMPORTANCE: AnswerPart.IMPORTANCE,
    Kind.LEANING: AnswerPart.LEANING,
    Kind.CONFIDENCE: AnswerPart.ABILITY,
    Kind.BARRIERS: AnswerPart.ABILITY,
    Kind.HELPS: AnswerPart.ABILITY,
    Kind.CHECK: AnswerPart.UNDERSTANDING,
    Kind.SUGGESTED: AnswerPart.QUESTIONS,
    Kind.OWN: AnswerPart.QUESTIONS,
    Kind.SURE: AnswerPart.SURE,
}
"""Fields that hold a part of one person's own answers (which may be private)."""

TEXT_LIMITS: dict[Kind, int] = {
    Kind.HELPS: MAX_LONG_ENTRY,
    Kind.TIP_REASONS: MAX_LONG_ENTRY,
    Kind.DEFER_DETAILS: MAX_LONG_ENTRY,
    Kind.STILL_NEEDED: MAX_LONG_ENTRY,
    Kind.WITH_WHOM: MAX_SHORT_ENTRY,
    Kind.PURPOSE: MAX_LONG_ENTRY,
    Kind.SKIP_REASON: MAX_SHORT_ENTRY,
    Kind.NOTE: MAX_LONG_ENTRY,
}
"""Fields of free text and their limits. Over the limit the text is kept (pending) and the
screen says by how much it is too long; nothing is ever cut off."""


@dataclass(frozen=True)
class Field:
    kind: Kind
    parts: tuple[str, ...] = ()
    """The ids the field is about, e.g. ('youth', 'school') for an importance."""

    @property
    def key(self) -> str:
        """'importance.youth.school': stable, used in `session.pending` and in widget keys."""
        return ".".join([self.kind.value, *self.parts])

    @classmethod
    def parse(cls, key: str) -> Field:
        kind, *parts = key.split(".")
        return cls(Kind(kind), tuple(parts))

    @property
    def limit(self) -> int | None:
        return TEXT_LIMITS.get(self.kind)

    @property
    def participant_id(self) -> str | None:
        """The person whose own answer (or privacy choice) this field holds, if any."""
        if self.kind == Kind.SURE:
            return self.parts[1] if len(self.parts) > 1 else None
        if self.kind in ANSWER_KINDS:
            return self.parts[0] if self.parts else None
        return None

    @property
    def part(self) -> AnswerPart | None:
        """Which part of the person's answers the field holds (None: not an answer)."""
        return PART_OF_KIND.get(self.kind)


def path_owner(path: tuple[str | int, ...]) -> str | None:
    """The participant a place in a stored session belongs to: their answers, their SURE
    answers, or something they typed that is kept (pending). None for everything shared."""
    if len(path) >= 2 and path[0] in ("answers", "sure"):
        return str(path[1])
    if len(path) >= 2 and path[0] == "pending":
        try:
            return Field.parse(str(path[1])).participant_id
        except ValueError:
            return None
    return None


# Constructors that say what the parts are.
def importance(pid: str, consideration_id: str) -> Field:
    return Field(Kind.IMPORTANCE, (pid, consideration_id))


def leaning(pid: str) -> Field:
    return Field(Kind.LEANING, (pid,))


def private(pid: str, step_id: str) -> Field:
    """'Keep my answers on this step private' (only the young person)."""
    return Field(Kind.PRIVATE, (pid, step_id))


def confidence(pid: str, option_id: str) -> Field:
    return Field(Kind.CONFIDENCE, (pid, option_id))


def barriers(pid: str, option_id: str) -> Field:
    return Field(Kind.BARRIERS, (pid, option_id))


def helps(pid: str, option_id: str) -> Field:
    return Field(Kind.HELPS, (pid, option_id))


def check(pid: str, item_id: str) -> Field:
    return Field(Kind.CHECK, (pid, item_id))


def suggested(pid: str) -> Field:
    return Field(Kind.SUGGESTED, (pid,))


def own_questions(pid: str) -> Field:
    return Field(Kind.OWN, (pid,))


def sure_item(moment: SureMoment, pid: str, item: str) -> Field:
    return Field(Kind.SURE, (moment, pid, item))


def vote(pid: str) -> Field:
    return Field(Kind.VOTE, (pid,))


def skip_reason(step_id: str) -> Field:
    return Field(Kind.SKIP_REASON, (step_id,))


TIP = Field(Kind.TIP)
TIP_REASONS = Field(Kind.TIP_REASONS)
MODE = Field(Kind.MODE)
OPTION = Field(Kind.OPTION)
DEFER_REASON = Field(Kind.DEFER_REASON)
DEFER_DETAILS = Field(Kind.DEFER_DETAILS)
STILL_NEEDED = Field(Kind.STILL_NEEDED)
NOTE = Field(Kind.NOTE)


def follow_up_field(kind: Kind) -> Field:
    if kind not in FOLLOW_UP_KINDS:
        raise ValueError(f"{kind} is not a follow-up field")
    return Field(kind)
