"""A likelihood as the screen's grid and both summaries show it: a headline ('About 6 in 10')
above a pictograph, the sentence, and how certain the evidence is.

The words come from the one rule, `content.likelihood_words` (the authoring check uses it
too); this module only adds what a picture needs: which figures it draws
(`wizard.frequencies`), and a note when the picture uses fewer figures than the number.
Interface texts are in the 'grid' catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass

from sdm_aid.content.likelihood_words import likelihood_words
from sdm_aid.content.models import Likelihood
from sdm_aid.i18n import Language, Translator
from sdm_aid.wizard.frequencies import FrequencyView, frequency_view

DOMAIN = "grid"


@dataclass(frozen=True)
class LikelihoodText:
    headline: str
    """'About 6 in 10': the first time point, above its pictograph."""
    sentence: str
    """The rule's sentence with every time point, then the option variant and the study."""
    certainty: str
    rescaled: str | None
    """Said only when the picture uses fewer figures than the grid's numbers (250 of 1000)."""
    view: FrequencyView
    """What the pictograph draws: the first time point."""


def likelihood_text(likelihood: Likelihood, language: Language) -> LikelihoodText:
    """The words and the picture for one likelihood, in `language`."""
    words = likelihood_words(likelihood, language)
    view = frequency_view(likelihood.points[0])
    rescaled = (
        Translator(DOMAIN, language)(
            "The picture shows the same as {shown} out of {figures}.",
            shown=view.figures_affected,
            figures=view.figures_total,
        )
        if view.rescaled
        else None
    )
    return LikelihoodText(
        headline=words.headline,
        sentence=" ".join((words.sentence, *words.details)),
        certainty=words.certainty,
        rescaled=rescaled,
        view=view,
    )
