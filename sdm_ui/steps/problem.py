"""Step 1: what the choice is about, and that there is a real choice."""

from __future__ import annotations

import streamlit as st

from sdm_ui.steps import StepView
from sdm_ui.sure_view import sure_questions
from sdm_ui.text import html_text, md_escape, plain


def render(view: StepView) -> None:
    grid, language = view.grid, view.language
    html_text(view.t("What is going on"), tag="p", css_class="sdm-h")
    plain(grid.problem.get(language))
    html_text(view.t("What you choose"), tag="p", css_class="sdm-h")
    plain(grid.decision.get(language))
    st.info(view.t("There is more than one good option. You choose together."), icon=":material/alt_route:")

    with st.expander(view.t("Before you start: four short yes/no questions (you may skip them)")):
        people = view.session.family
        for tab, person in zip(st.tabs([md_escape(p.label) for p in people]), people, strict=True):
            with tab:
                sure_questions(view, person, "before")
