"""Where the young person and the parents agree, and where they do not (element 4, summary).

Ratings are 0 (not important) to 4 (very important). Two ratings DIFFER when they are
`DIFFERENCE_THRESHOLD` (2) or more points apart: one step (3 against 4) is ordinary noise in
how people use a scale; two steps (2 against 4) is a real difference worth talking about.

Besides youth-versus-parent differences, a SPLIT is flagged when the two parents differ from
each other, on a consideration or in their leaning: a strong alliance with one parent and a
weak one with the other predicts drop-out, so the clinician should see it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sdm_aid.content.models import OptionGrid
from sdm_aid.sessions.models import NOT_SURE, DecisionSession, ParticipantAnswers

DIFFERENCE_THRESHOLD = 2
"""Two 0-4 ratings at least this far apart count as different."""


class LeaningAgreement(StrEnum):
    SAME = "same"
    """The young person and every parent lean to the same option."""
    DIFFERENT = "different"
    """At least one parent leans to another option than the young person."""
    OPEN = "open"
    """Not known yet: someone is not sure, has not answered, or there is no parent."""


def _differ(a: int | None, b: int | None) -> bool:
    return a is not None and b is not None and abs(a - b) >= DIFFERENCE_THRESHOLD


def _definite(leaning: str | None) -> bool:
    return leaning is not None and leaning != NOT_SURE


@dataclass(frozen=True)
class ConsiderationComparison:
    consideration_id: str
    youth: int | None
    """The young person's rating; None when not given (or private and hidden)."""
    parents: dict[str, int | None]
    """Parent id -> rating, in participant order."""
    youth_differs_from: tuple[str, ...]
    """Parent ids whose rating differs from the young person's."""
    parents_split: bool
    """The two parents' ratings differ from each other."""

    @property
    def differs(self) -> bool:
        return bool(self.youth_differs_from)

    @property
    def complete(self) -> bool:
        return self.youth is not None and all(r is not None for r in self.parents.values())


@dataclass(frozen=True)
class ValuesComparison:
    youth_id: str
    parent_ids: tuple[str, ...]
    considerations: tuple[ConsiderationComparison, ...]
    """In the grid's order."""
    leanings: dict[str, str | None]
    """Family member id (young person first) -> option id, NOT_SURE, or None (not answered)."""
    youth_hidden: bool
    """The young person's answers are private and were left out of this comparison."""

    @property
    def differing(self) -> tuple[ConsiderationComparison, ...]:
        return tuple(c for c in self.considerations if c.differs)

    @property
    def leaning_agreement(self) -> LeaningAgreement:
        youth = self.leanings.get(self.youth_id)
        parents = [self.leanings.get(pid) for pid in self.parent_ids]
        if _definite(youth) and any(_definite(p) and p != youth for p in parents):
            return LeaningAgreement.DIFFERENT
        if parents and _definite(youth) and all(p == youth for p in parents):
            return LeaningAgreement.SAME
        return LeaningAgreement.OPEN

    @property
    def youth_and_parents_lean_same(self) -> bool | None:
        """True/False when it can be told, None while it is open."""
        agreement = self.leaning_agreement
        return None if agreement == LeaningAgreement.OPEN else agreement == LeaningAgreement.SAME

    @property
    def parents_split_leaning(self) -> bool:
        leanings = [self.leanings.get(pid) for pid in self.parent_ids]
        return len(leanings) == 2 and all(map(_definite, leanings)) and leanings[0] != leanings[1]

    @property
    def parents_split(self) -> bool:
        """The two parents differ from each other on a consideration or in their leaning."""
        return self.parents_split_leaning or any(c.parents_split for c in self.considerations)


def compare_values(
    session: DecisionSession, grid: OptionGrid, *, hide_private: bool = False
) -> ValuesComparison:
    """Compare the young person's and the parents' ratings and leanings.

    With `hide_private`, a young person's private answers are left out (the family copy
    without the young person's consent); the comparison then says so in `youth_hidden`.
    """
    youth = session.youth
    parent_ids = tuple(p.id for p in session.parents)
    youth_answers = session.answers.get(youth.id, ParticipantAnswers())
    youth_hidden = hide_private and youth_answers.private
    if youth_hidden:
        youth_answers = ParticipantAnswers()
    parent_answers = {pid: session.answers.get(pid, ParticipantAnswers()) for pid in parent_ids}

    considerations = []
    for consideration in grid.considerations:
        cid = consideration.id
        youth_rating = youth_answers.importance.get(cid)
        parents = {pid: answers.importance.get(cid) for pid, answers in parent_answers.items()}
        ratings = list(parents.values())
        considerations.append(
            ConsiderationComparison(
                consideration_id=cid,
                youth=youth_rating,
                parents=parents,
                youth_differs_from=tuple(pid for pid, r in parents.items() if _differ(youth_rating, r)),
                parents_split=len(ratings) == 2 and _differ(ratings[0], ratings[1]),
            )
        )
    leanings = {youth.id: youth_answers.leaning} | {pid: a.leaning for pid, a in parent_answers.items()}
    return ValuesComparison(
        youth_id=youth.id,
        parent_ids=parent_ids,
        considerations=tuple(considerations),
        leanings=leanings,
        youth_hidden=youth_hidden,
    )
