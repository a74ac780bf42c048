"""The one rule that turns a likelihood into words. The wizard, the Compare page, the summary
(HTML and PDF) and the authoring check all call `likelihood_words`, so a number reads the same
everywhere. docs/option-grid-format.md shows the rule with an example of every form.

The rule, per part:

1. Amount of each time point: "about 6 in 10" (precision 'about') or "6 in 10" ('exact'),
   followed in brackets by the source's percentage and interval when given:
   "about 2 in 10 (23%; between 1.5 and 3.1 in 10)".
2. Sentence: "<Amount> <reference_group> <outcome> <time_frame>." with the first letter a
   capital; each further time point adds ", and <amount> <time_frame>".
3. Details, each a sentence of its own and only when given: "Measured with: <option_variant>."
   and "Where the number comes from: <study design> (<studies> studies, <participants> people)."
4. Certainty: "Certainty of the evidence: <GRADE word>, as rated by the source." or "..., as
   judged by the writers of this aid.", then "Why: <reason>." when the grid gives one. The
   GRADE words are high / moderate / low / very low (hoog / matig / laag / zeer laag).

The headline (above an icon array) is the first time point's amount with a capital.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from babel.numbers import format_decimal

from sdm_aid.content.models import (
    Certainty,
    CertaintyOrigin,
    Likelihood,
    Precision,
    Study,
    StudyDesign,
    Text,
    TimePoint,
)
from sdm_aid.i18n import Language, Translator, info

DOMAIN = "content"

CERTAINTY_WORDS: Mapping[Certainty, str] = {
    Certainty.HIGH: "high",
    Certainty.MODERATE: "moderate",
    Certainty.LOW: "low",
    Certainty.VERY_LOW: "very low",
}
"""GRADE's own words; Dutch: hoog, matig, laag, zeer laag."""

CERTAINTY_SENTENCES: Mapping[CertaintyOrigin, str] = {
    CertaintyOrigin.SOURCE_GRADE: "Certainty of the evidence: {level}, as rated by the source.",
    CertaintyOrigin.AUTHORS_JUDGEMENT: (
        "Certainty of the evidence: {level}, as judged by the writers of this aid."
    ),
}

STUDY_DESIGNS: Mapping[StudyDesign, str] = {
    StudyDesign.SYSTEMATIC_REVIEW: "a review of several studies",
    StudyDesign.RANDOMISED_TRIAL: "a study in which chance decided who got which option",
    StudyDesign.OBSERVATIONAL_STUDY: "a study that followed people over time",
    StudyDesign.GUIDELINE: "a guideline",
}

TABLES: tuple[tuple[type[Enum], Mapping[Any, str]], ...] = (
    (Certainty, CERTAINTY_WORDS),
    (CertaintyOrigin, CERTAINTY_SENTENCES),
    (StudyDesign, STUDY_DESIGNS),
)
"""Every enum with a text per value (checked in every language by tests/i18n)."""


@dataclass(frozen=True)
class LikelihoodWords:
    headline: str
    """'About 6 in 10': the first time point, for above an icon array."""
    sentence: str
    """The natural-frequency sentence with every time point."""
    details: tuple[str, ...]
    """The option variant and the study, when the grid gives them."""
    certainty: str
    """How certain the evidence is and who says so (with the reason, if any)."""

    def lines(self) -> tuple[str, ...]:
        """Everything, in reading order: sentence, details, certainty."""
        return (self.sentence, *self.details, self.certainty)


def translator(language: Language) -> Translator:
    return Translator(DOMAIN, language)


def certainty_word(level: Certainty, t: Translator) -> str:
    return t(CERTAINTY_WORDS[Certainty(level)])


def likelihood_words(likelihood: Likelihood, language: Language) -> LikelihoodWords:
    t = translator(language)
    first, *later = likelihood.points
    sentence = t(
        "{amount} {group} {outcome} {time_frame}",
        amount=amount(first, t),
        group=likelihood.reference_group.get(language),
        outcome=likelihood.outcome.get(language),
        time_frame=first.time_frame.get(language),
    )
    for point in later:
        sentence = t(
            "{sentence}, and {amount} {time_frame}",
            sentence=sentence,
            amount=amount(point, t),
            time_frame=point.time_frame.get(language),
        )
    details: list[str] = []
    if likelihood.option_variant is not None:
        details.append(t("Measured with: {variant}.", variant=_bare(likelihood.option_variant, language)))
    if likelihood.study is not None:
        details.append(_study(likelihood.study, t))
    rating = likelihood.certainty
    certainty = t(CERTAINTY_SENTENCES[rating.origin], level=certainty_word(rating.level, t))
    if rating.reason is not None:
        certainty += " " + t("Why: {reason}.", reason=_bare(rating.reason, language))
    return LikelihoodWords(
        headline=_capital(amount(first, t, with_extras=False)),
        sentence=_capital(_full_stop(sentence)),
        details=tuple(details),
        certainty=certainty,
    )


def amount(point: TimePoint, t: Translator, *, with_extras: bool = True) -> str:
    """'about 6 in 10 (23%; between 1.5 and 3.1 in 10)' for one time point."""
    template = "about {count} in {out_of}" if point.precision == Precision.ABOUT else "{count} in {out_of}"
    text = t(template, count=_number(point.count, t), out_of=_number(point.out_of, t))
    extras = []
    if with_extras and point.percent is not None:
        extras.append(t("{percent}%", percent=_number(point.percent, t)))
    if with_extras and point.interval is not None:
        extras.append(
            t(
                "between {low} and {high} in {out_of}",
                low=_number(point.interval.low, t),
                high=_number(point.interval.high, t),
                out_of=_number(point.out_of, t),
            )
        )
    return f"{text} ({'; '.join(extras)})" if extras else text


def no_number_words(reason: Text, language: Language) -> str:
    """'No number: <reason>.' for an answer whose grid says why it has no likelihood."""
    return translator(language)("No number: {reason}.", reason=_bare(reason, language))


def _study(study: Study, t: Translator) -> str:
    design = t(STUDY_DESIGNS[StudyDesign(study.design)])
    if study.participants is not None and study.studies > 1:
        size = t(
            "{studies} studies, {participants} people",
            studies=_number(study.studies, t),
            participants=_number(study.participants, t),
        )
    elif study.participants is not None:
        size = t("{participants} people", participants=_number(study.participants, t))
    elif study.studies > 1:
        size = t("{studies} studies", studies=_number(study.studies, t))
    else:
        return t("Where the number comes from: {design}.", design=design)
    return t("Where the number comes from: {design} ({size}).", design=design, size=size)


def _number(value: float, t: Translator) -> str:
    # Whole numbers without decimals, others as the source gives them; the language's own
    # decimal sign (23,5 in Dutch). No thousands separator: '1000' reads as one number.
    return format_decimal(value, format="0.###", locale=info(t.language).locale)


def _bare(text: Text, language: Language) -> str:
    """An author's text without its own final full stop (the rule adds one)."""
    return text.get(language).rstrip().rstrip(".")


def _full_stop(sentence: str) -> str:
    sentence = sentence.rstrip()
    return sentence if sentence.endswith((".", "!", "?")) else sentence + "."


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
