"""Where the people in a family agree, and where they do not (element 4, summary).

Ratings are 0 (not important) to 4 (very important). Two ratings DIFFER when they are
`DIFFERENCE_THRESHOLD` (2) or more points apart: one step (3 against 4) is ordinary noise in
how people use a scale; two steps (2 against 4) is a real difference worth talking about.

Every pair of family members is compared the same way: young person and parent, and parent
and parent. A strong alliance with one parent and a weak one with the other predicts
drop-out, so a difference between the parents is shown exactly like one between the young
person and a parent.

Answers the viewer may not see (the young person's private answers) are left out of every
comparison and reported as private, never as 'not answered'.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import combinations

from sdm_aid.content.models import OptionGrid
from sdm_aid.sessions.models import NOT_SURE, AnswerPart, DecisionSession, ParticipantAnswers

DIFFERENCE_THRESHOLD = 2
"""Two 0-4 ratings at least this far apart count as different."""

Pair = tuple[str, str]
"""Two participant ids, in the family's order (young person first)."""


class LeaningAgreement(StrEnum):
    SAME = "same"
    """Everybody whose leaning can be seen leans to the same option (at least two people)."""
    DIFFERENT = "different"
    """At least two people lean to different options."""
    OPEN = "open"
    """Not known yet: someone is not sure, has not answered, or there is only one person."""


def _differ(a: int | None, b: int | None) -> bool:
    return a is not None and b is not None and abs(a - b) >= DIFFERENCE_THRESHOLD


def _definite(leaning: str | None) -> bool:
    return leaning is not None and leaning != NOT_SURE


@dataclass(frozen=True)
class ConsiderationComparison:
    consideration_id: str
    ratings: dict[str, int | None]
    """Family member id -> rating, in family order; None when not given or private."""
    private: frozenset[str]
    """Members whose rating is private (for this viewer)."""
    differing_pairs: tuple[Pair, ...]
    """Every pair of members whose ratings are far apart."""

    @property
    def differs(self) -> bool:
        return bool(self.differing_pairs)

    @property
    def complete(self) -> bool:
        """Everybody whose rating can be seen has rated (and at least two could be compared)."""
        shown = [r for pid, r in self.ratings.items() if pid not in self.private]
        return len(shown) >= 2 and all(r is not None for r in shown)


@dataclass(frozen=True)
class ValuesComparison:
    member_ids: tuple[str, ...]
    """The family members taking part: the young person first, then the parents."""
    considerations: tuple[ConsiderationComparison, ...]
    """In the grid's order."""
    leanings: dict[str, str | None]
    """Member id -> option id, NOT_SURE, or None (not answered, or private)."""
    private: frozenset[str] = field(default_factory=frozenset)
    """Members whose answers on this step are private (for this viewer)."""

    @property
    def differing(self) -> tuple[ConsiderationComparison, ...]:
        return tuple(c for c in self.considerations if c.differs)

    @property
    def compared_ids(self) -> tuple[str, ...]:
        """The members whose answers are compared (the private ones left out)."""
        return tuple(pid for pid in self.member_ids if pid not in self.private)

    @property
    def differing_leaning_pairs(self) -> tuple[Pair, ...]:
        return tuple(
            (a, b)
            for a, b in combinations(self.compared_ids, 2)
            if _definite(self.leanings.get(a))
            and _definite(self.leanings.get(b))
            and self.leanings.get(a) != self.leanings.get(b)
        )

    @property
    def leaning_agreement(self) -> LeaningAgreement:
        if self.differing_leaning_pairs:
            return LeaningAgreement.DIFFERENT
        shown = [self.leanings.get(pid) for pid in self.compared_ids]
        if len(shown) >= 2 and all(map(_definite, shown)):
            return LeaningAgreement.SAME
        return LeaningAgreement.OPEN

    @property
    def every_pair(self) -> tuple[Pair, ...]:
        """The pairs that can be compared."""
        return tuple(combinations(self.compared_ids, 2))


def compare_values(
    session: DecisionSession,
    grid: OptionGrid,
    *,
    hidden: Mapping[str, frozenset[AnswerPart]] | None = None,
) -> ValuesComparison:
    """Compare the ratings and leanings of every pair of family members taking part.

    `hidden` (from `sdm_aid.wizard.privacy.hidden_parts`) names what the viewer may not see;
    those members are reported in `private` and left out of every comparison.
    """
    hidden = hidden or {}
    members = tuple(p.id for p in session.family)
    answers = {pid: session.answers.get(pid, ParticipantAnswers()) for pid in members}
    private_ratings = frozenset(pid for pid in members if AnswerPart.IMPORTANCE in hidden.get(pid, ()))
    private_leanings = frozenset(pid for pid in members if AnswerPart.LEANING in hidden.get(pid, ()))

    considerations = []
    for consideration in grid.considerations:
        cid = consideration.id
        ratings = {
            pid: None if pid in private_ratings else answers[pid].importance.get(cid) for pid in members
        }
        considerations.append(
            ConsiderationComparison(
                consideration_id=cid,
                ratings=ratings,
                private=private_ratings,
                differing_pairs=tuple(
                    (a, b) for a, b in combinations(members, 2) if _differ(ratings[a], ratings[b])
                ),
            )
        )
    leanings = {pid: None if pid in private_leanings else answers[pid].leaning for pid in members}
    return ValuesComparison(
        member_ids=members,
        considerations=tuple(considerations),
        leanings=leanings,
        private=private_ratings | private_leanings,
    )
