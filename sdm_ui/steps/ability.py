"""Step 5: can we do this? Per option someone leans to: confidence, barriers, what would help."""

from __future__ import annotations

import streamlit as st

from sdm_aid.sessions import labels
from sdm_aid.sessions.models import Barrier, Participant
from sdm_aid.wizard import fields, steps
from sdm_ui.fields import bind
from sdm_ui.steps import StepView
from sdm_ui.text import html_text, plain
from sdm_ui.turns import next_person_button, whose_turn

CONFIDENCE = list(range(11))


def render(view: StepView) -> None:
    option_ids = steps.leaned_options(view.session, view.grid)
    if not option_ids:
        st.info(view.t("Nobody leans to an option yet. You can talk about this later, or go back to step 4."))
        return
    person = whose_turn(view)
    for option_id in option_ids:
        with st.container(border=True):
            _ability_for(view, person, option_id)
    next_person_button(view, person)


def _ability_for(view: StepView, person: Participant, option_id: str) -> None:
    option = view.grid.option(option_id)
    html_text(option.label.get(view.language), tag="p", css_class="sdm-h")
    for prompt in option.self_efficacy_prompts:
        plain("• " + prompt.get(view.language))
    bind(
        view,
        fields.confidence(person.id, option_id),
        st.radio,
        view.t("How sure are you that you can do this? 0 = not at all, 10 = completely"),
        options=CONFIDENCE,
        horizontal=True,
    )
    bind(
        view,
        fields.barriers(person.id, option_id),
        st.multiselect,
        view.t("What could get in the way?"),
        options=[b.value for b in Barrier],
        format_func=lambda b: labels.barrier_label(Barrier(b), view.lt),
        placeholder=view.t("Choose what applies"),
    )
    bind(view, fields.helps(person.id, option_id), st.text_area, view.t("What would help?"), height=90)
