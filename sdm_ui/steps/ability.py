"""Step 5: can we do this? Per option someone leans to: confidence, barriers, what would help."""

from __future__ import annotations

import streamlit as st

from sdm_aid.sessions import labels, rules
from sdm_aid.sessions.models import MAX_LONG_ENTRY, AbilityAnswer, Barrier, Participant
from sdm_aid.wizard import steps
from sdm_ui.steps import Commit, StepView
from sdm_ui.text import html_text, plain
from sdm_ui.turns import next_person_button, whose_turn

CONFIDENCE = list(range(11))


def render(view: StepView) -> Commit | None:
    option_ids = steps.leaned_options(view.session, view.grid)
    if not option_ids:
        st.info(view.t("Nobody leans to an option yet. You can talk about this later, or go back to step 4."))
        return None
    person = whose_turn(view)
    for option_id in option_ids:
        with st.container(border=True):
            _ability_for(view, person, option_id)
    next_person_button(view, person)
    return None


def _ability_for(view: StepView, person: Participant, option_id: str) -> None:
    option = view.grid.option(option_id)
    html_text(option.label.get(view.language), tag="p", css_class="sdm-h")
    for prompt in option.self_efficacy_prompts:
        plain("• " + prompt.get(view.language))
    answers = rules.participant_answers(view.session, person.id)
    saved = answers.ability.get(option_id, AbilityAnswer())

    confidence = st.radio(
        view.t("How sure are you that you can do this? 0 = not at all, 10 = completely"),
        options=CONFIDENCE,
        horizontal=True,
        key=view.seeded(view.key("confidence", person.id, option_id), saved.confidence),
    )
    barriers = st.multiselect(
        view.t("What could get in the way?"),
        options=list(Barrier),
        format_func=lambda b: labels.barrier_label(b, view.lt),
        key=view.seeded(view.key("barriers", person.id, option_id), list(saved.barriers)),
        placeholder=view.t("Choose what applies"),
    )
    helps = st.text_area(
        view.t("What would help?"),
        max_chars=MAX_LONG_ENTRY,
        key=view.seeded(view.key("helps", person.id, option_id), saved.what_would_help),
        height=90,
    )
    if confidence is not None or barriers or helps.strip():
        answers.ability = {
            **answers.ability,
            option_id: AbilityAnswer(confidence=confidence, barriers=barriers, what_would_help=helps),
        }
    elif option_id in answers.ability:
        answers.ability = {k: v for k, v in answers.ability.items() if k != option_id}
