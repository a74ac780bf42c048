"""Who made a grid, who checked it, who paid, and how current it is: the words families see on
the start page, in every step's footer and in the summary's appendix.

One function, so the three places say the same. A draft never says "last checked": only a
clinically reviewed grid names its last check and its reviewers. A grid past its review date
says so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from babel.dates import format_date

from sdm_aid.content.likelihood_words import translator
from sdm_aid.content.models import (
    EligibilityKind,
    GridStatus,
    LocalisedText,
    Option,
    OptionGrid,
    Person,
    Reviewer,
)
from sdm_aid.i18n import Language, Translator, info

STATUS_TEXTS: Mapping[GridStatus, str] = {
    GridStatus.DRAFT: "Draft: not yet checked by clinicians",
    GridStatus.CLINICALLY_REVIEWED: "Checked by clinicians",
}
STATUS_SHORT: Mapping[GridStatus, str] = {
    GridStatus.DRAFT: "draft",
    GridStatus.CLINICALLY_REVIEWED: "checked by clinicians",
}
"""The status in one or two words, for a line that stands on every step."""
ELIGIBILITY_TEXTS: Mapping[EligibilityKind, str] = {
    EligibilityKind.FIRST_CHOICE: "Usually tried first.",
    EligibilityKind.WHEN: "A good option {condition}.",
    EligibilityKind.ONLY_IF: "Only {condition}.",
}


@dataclass(frozen=True)
class Fact:
    label: str
    value: str


@dataclass(frozen=True)
class Provenance:
    facts: tuple[Fact, ...]
    """Status, version, dates, writers, reviewers, funding and interests, in that order."""
    overdue: str | None
    """A warning when the review date has passed, else None."""
    update_policy: str
    short: str = ""
    """Status and version in a few words ('draft · version 2.0'), for a folded footer."""

    def line(self) -> str:
        """The facts on one line, for a footer: 'Status: … · Version: … · …'."""
        return " · ".join(f"{fact.label}: {fact.value}" for fact in self.facts)


def provenance(grid: OptionGrid, language: Language, *, today: date | None = None) -> Provenance:
    t = translator(language)
    governance = grid.governance
    reviewed = governance.status == GridStatus.CLINICALLY_REVIEWED
    facts = [
        Fact(t("Status"), t(STATUS_TEXTS[GridStatus(governance.status)])),
        Fact(t("Version"), grid.version),
        Fact(t("Published"), _day(governance.published, language)),
    ]
    if reviewed and governance.last_reviewed is not None:
        facts.append(Fact(t("Last checked"), _day(governance.last_reviewed, language)))
    facts.append(Fact(t("Next check due"), _day(governance.next_review_due, language)))
    facts.append(Fact(t("Written by"), "; ".join(_person(person, language) for person in governance.authors)))
    if reviewed and governance.reviewers:
        facts.append(
            Fact(
                t("Checked by"), "; ".join(_reviewer(person, language, t) for person in governance.reviewers)
            )
        )
    facts.append(Fact(t("Paid for by"), _plain(governance.funding, language)))
    facts.append(Fact(t("Interests"), _plain(governance.conflicts_of_interest, language)))
    overdue = None
    if governance.next_review_due < (today or date.today()):
        overdue = t(
            "This decision aid should have been checked again on {day}. The information may be out of date.",
            day=_day(governance.next_review_due, language),
        )
    short = t(
        "{status} · version {version}",
        status=t(STATUS_SHORT[GridStatus(governance.status)]),
        version=grid.version,
    )
    return Provenance(tuple(facts), overdue, governance.update_policy.get(language), short)


def eligibility_words(option: Option, language: Language) -> str | None:
    """'Usually tried first.' / 'A good option <condition>.' / 'Only <condition>.', or None for
    an equal choice. The condition is written to follow on: 'when therapy alone is not enough'."""
    if option.eligibility is None:
        return None
    t = translator(language)
    condition = option.eligibility.condition
    text = condition.get(language).rstrip().rstrip(".") if condition is not None else ""
    return t(ELIGIBILITY_TEXTS[EligibilityKind(option.eligibility.kind)], condition=text)


def _day(day: date, language: Language) -> str:
    return format_date(day, "long", locale=info(language).locale)


def _plain(text: LocalisedText, language: Language) -> str:
    return " ".join(text.get(language).split())


def _person(person: Person, language: Language) -> str:
    parts = [person.name, person.role.get(language), person.organisation]
    return ", ".join(part for part in parts if part)


def _reviewer(person: Reviewer, language: Language, t: Translator) -> str:
    parts = [person.name, person.role.get(language), person.organisation]
    who = ", ".join(part for part in parts if part)
    return t("{who} (on {day})", who=who, day=_day(person.reviewed_on, language))


TABLES = ((GridStatus, STATUS_TEXTS), (GridStatus, STATUS_SHORT), (EligibilityKind, ELIGIBILITY_TEXTS))
"""Every enum with a text per value (checked in every language by tests/i18n)."""
