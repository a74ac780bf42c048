"""Step 7: check what is clear, with kind feedback right away and a way back to step 3. Each
person sees only their own feedback."""

from __future__ import annotations

import streamlit as st

from sdm_aid.elements import SdmElement
from sdm_aid.sessions.models import Participant
from sdm_aid.wizard import fields, step_registry
from sdm_aid.wizard.entries import current_value
from sdm_ui import wizard_actions
from sdm_ui.fields import bind
from sdm_ui.steps import StepView
from sdm_ui.text import md_escape


def own_answers(view: StepView, person: Participant) -> None:
    st.caption(view.t("True or not true? It is not a test: it shows what may need more explaining."))
    any_wrong = False
    right, not_quite = view.t("Yes, that is right."), view.t("Not quite, and that is fine.")
    for item in view.grid.understanding_checks:
        field = fields.check(person.id, item.id)
        bind(
            view,
            field,
            st.radio,
            md_escape(item.statement.get(view.language)),
            options=[True, False],
            format_func=lambda v: view.t("True") if v else view.t("Not true"),
            horizontal=True,
        )
        value = current_value(view.session, view.grid, field)
        if value is None:
            continue
        explanation = md_escape(item.explanation.get(view.language))
        if value == item.correct_answer:
            st.success(f"{right} {explanation}", icon=":material/thumb_up:")
        else:
            any_wrong = True
            st.info(f"{not_quite} {explanation}", icon=":material/lightbulb:")
    if any_wrong and view.shared_screen:
        st.button(
            view.t("Look at the pros and cons again (step 3)"),
            key=view.key("back-to-3"),
            on_click=wizard_actions.go_to,
            args=(view.session.current_step, step_registry.for_element(SdmElement.PROS_AND_CONS).id),
            icon=":material/undo:",
        )
