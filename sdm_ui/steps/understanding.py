"""Step 7: check what is clear, with kind feedback right away and a way back to step 3."""

from __future__ import annotations

import streamlit as st

from sdm_aid.sessions import rules
from sdm_ui.steps import Commit, StepView
from sdm_ui.text import md_escape
from sdm_ui.turns import next_person_button, whose_turn

BACK_TO_PROS_AND_CONS = "sdm.back_to_3"


def render(view: StepView) -> Commit | None:
    person = whose_turn(view)
    answers = rules.participant_answers(view.session, person.id)
    st.caption(view.t("True or not true? It is not a test: it shows what may need more explaining."))
    given = dict(answers.understanding)
    any_wrong = False
    right, not_quite = view.t("Yes, that is right."), view.t("Not quite, and that is fine.")
    for item in view.grid.understanding_checks:
        value = st.radio(
            md_escape(item.statement.get(view.language)),
            options=[True, False],
            format_func=lambda v: view.t("True") if v else view.t("Not true"),
            horizontal=True,
            key=view.seeded(view.key("check", person.id, item.id), answers.understanding.get(item.id)),
        )
        if value is None:
            continue
        given[item.id] = value
        explanation = md_escape(item.explanation.get(view.language))
        if value == item.correct_answer:
            st.success(f"{right} {explanation}", icon=":material/thumb_up:")
        else:
            any_wrong = True
            st.info(f"{not_quite} {explanation}", icon=":material/lightbulb:")
    answers.understanding = given
    if any_wrong:
        st.button(
            view.t("Look at the pros and cons again (step 3)"),
            key=view.key("back-to-3"),
            on_click=lambda: st.session_state.update({BACK_TO_PROS_AND_CONS: True}),
            icon=":material/undo:",
        )
    next_person_button(view, person)
    return None
