"""How a likelihood reads, in one place: the screen's grid and both summaries say it alike.

'81 van de 100' as the headline, then one sentence with who, what and by when, then how
certain the evidence is. The numbers are the grid's own (see `wizard.frequencies`: no
rounding, no precision it does not give). Texts are in the 'grid' catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass

from sdm_aid.content.models import Likelihood
from sdm_aid.i18n import Language, Translator
from sdm_aid.sessions import labels
from sdm_aid.wizard.frequencies import FrequencyView, frequency_view

DOMAIN = "grid"


@dataclass(frozen=True)
class LikelihoodText:
    headline: str
    """'81 out of 100'"""
    sentence: str
    """'Young people aged 12 to 17 ...: feel much better, after 36 weeks.'"""
    certainty: str
    rescaled: str | None
    """Said only when the picture uses fewer figures than the grid's numbers (250 of 1000)."""
    view: FrequencyView


def likelihood_text(likelihood: Likelihood, language: Language) -> LikelihoodText:
    """The words for one likelihood, in `language`."""
    t = Translator(DOMAIN, language)
    view = frequency_view(likelihood)
    rescaled = (
        t(
            "The picture shows the same as {shown} out of {figures}.",
            shown=view.figures_affected,
            figures=view.figures_total,
        )
        if view.rescaled
        else None
    )
    return LikelihoodText(
        headline=t("{count} out of {total}", count=view.count, total=view.out_of),
        sentence=t(
            "{group}: {outcome}, {time_frame}.",
            group=likelihood.reference_group.get(language),
            outcome=likelihood.outcome.get(language),
            time_frame=likelihood.time_frame.get(language),
        ),
        certainty=labels.certainty_label(likelihood.certainty, labels.translator(language)),
        rescaled=rescaled,
        view=view,
    )
