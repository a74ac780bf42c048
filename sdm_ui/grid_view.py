"""A grid on screen: options as cards and the questions x options table with likelihoods.

Used by the wizard (steps 2 and 3) and by the Compare page. Every text comes from the grid
and is shown as plain text; nothing is shown that the grid does not say.
"""

from __future__ import annotations

import streamlit as st

from sdm_aid.content.models import Answer, Audience, Likelihood, Option, OptionGrid
from sdm_aid.i18n import Language, Translator
from sdm_aid.sessions import labels
from sdm_aid.wizard.frequencies import frequency_view, icon_array_img
from sdm_ui.text import html_text, md_escape, plain

AUDIENCE_TEXT = {
    Audience.YOUTH: "For young people",
    Audience.PARENT: "For parents",
    Audience.BOTH: "For young people and parents",
}


def option_cards(grid: OptionGrid, t: Translator, language: Language) -> None:
    per_row = 2 if len(grid.options) % 3 else 3
    for start in range(0, len(grid.options), per_row):
        columns = st.columns(per_row)
        for column, option in zip(columns, grid.options[start : start + per_row], strict=False):
            with column, st.container(border=True):
                _option_card(option, t, language)


def _option_card(option: Option, t: Translator, language: Language) -> None:
    html_text(option.label.get(language), tag="p", css_class="sdm-h")
    if option.is_wait_option:
        st.caption(t("This option means: no treatment for now, and look again later."))
    plain(option.description.get(language))
    html_text(t("In practice"), tag="p", css_class="sdm-muted")
    plain(option.in_practice.get(language))


def likelihood_block(likelihood: Likelihood, t: Translator, language: Language) -> None:
    lt = labels.translator(language)
    view = frequency_view(likelihood)
    headline = t("{count} out of {total}", count=view.count, total=view.out_of)
    sentence = t(
        "{group}: {outcome}, {time_frame}.",
        group=likelihood.reference_group.get(language),
        outcome=likelihood.outcome.get(language),
        time_frame=likelihood.time_frame.get(language),
    )
    html_text(headline, tag="p", css_class="sdm-h")
    plain(sentence)
    if view.figures_total is not None and view.figures_affected is not None:
        image = icon_array_img(view.figures_affected, view.figures_total, f"{headline}. {sentence}")
        st.html(f'<div class="sdm-icons">{image}</div>')
        if view.rescaled:
            st.caption(
                t(
                    "The picture shows the same as {shown} out of {figures}.",
                    shown=view.figures_affected,
                    figures=view.figures_total,
                )
            )
    st.caption(md_escape(labels.certainty_label(likelihood.certainty, lt)))


def sources_block(grid: OptionGrid, answer: Answer, t: Translator, key: str) -> None:
    with st.popover(t("Sources"), icon=":material/menu_book:", key=key):
        for source_id in answer.sources:
            source = grid.source(source_id)
            plain(source.citation)
            if source.url:
                plain(source.url)  # as text: a kiosk does not send families off to other sites


def pros_and_cons(grid: OptionGrid, t: Translator, language: Language, *, key_prefix: str) -> None:
    """One block per question, the options side by side."""
    for question in grid.questions:
        html_text(question.text.get(language), tag="p", css_class="sdm-h")
        columns = st.columns(len(grid.options), border=True)
        for column, option in zip(columns, grid.options, strict=True):
            answer = question.answers.get(option.id)
            with column:
                html_text(option.label.get(language), tag="p", css_class="sdm-muted")
                if answer is None:
                    continue
                plain(answer.text.get(language))
                if answer.likelihood is not None:
                    likelihood_block(answer.likelihood, t, language)
                sources_block(grid, answer, t, key=f"{key_prefix}.src.{question.id}.{option.id}")
