"""Step 5: can we do this? Per option someone leans to: confidence, barriers, what would help."""

from __future__ import annotations

import streamlit as st

from sdm_aid.sessions import labels
from sdm_aid.sessions.models import Barrier, Participant
from sdm_aid.wizard import fields, steps
from sdm_ui.fields import bind
from sdm_ui.steps import StepView, scale_key
from sdm_ui.text import html_text, plain

CONFIDENCE = list(range(11))


def has_questions(view: StepView) -> bool:
    """Only options someone leans to are asked about (as far as this viewer may see)."""
    return bool(steps.leaned_options(view.session, view.grid))


def intro(view: StepView) -> None:
    if not has_questions(view):
        st.info(view.t("Nobody leans to an option yet. You can talk about this later, or go back to step 4."))


def own_answers(view: StepView, person: Participant) -> None:
    for option_id in steps.leaned_options(view.session, view.grid):
        with st.container(border=True):
            _ability_for(view, person, option_id)


def _ability_for(view: StepView, person: Participant, option_id: str) -> None:
    option = view.grid.option(option_id)
    html_text(option.label.get(view.language), tag="p", css_class="sdm-h")
    if view.brevity.ability_details:
        for prompt in option.self_efficacy_prompts:
            plain("• " + prompt.get(view.language))
    confidence = fields.confidence(person.id, option_id)
    with st.container(key=scale_key(confidence)):  # one row of equal segments, also on a phone
        bind(
            view,
            confidence,
            st.radio,
            view.t("How sure are you that you can do this? 0 = not at all, 10 = completely"),
            options=CONFIDENCE,
            horizontal=True,
        )
    bind(
        view,
        fields.barriers(person.id, option_id),
        st.pills,
        view.t("What could get in the way? (tap all that apply)"),
        options=[b.value for b in Barrier],
        format_func=lambda b: labels.barrier_label(Barrier(b), view.lt),
        selection_mode="multi",
    )
    if view.brevity.ability_details:
        bind(view, fields.helps(person.id, option_id), st.text_area, view.t("What would help?"), height=90)
