"""Step 1: what the choice is about, and that there is a real choice; then, for whoever wants,
four short yes/no questions (the SURE test before), one person at a time."""

from __future__ import annotations

import streamlit as st

from sdm_aid.content.short_text import shorten
from sdm_aid.sessions.models import Participant
from sdm_ui.steps import StepView
from sdm_ui.sure_view import sure_questions
from sdm_ui.text import html_text, plain

OPTIONAL = True
"""The questions are optional: on a shared tablet the turns begin only when someone asks."""


def intro(view: StepView) -> None:
    grid, language = view.grid, view.language
    html_text(view.t("What is going on"), tag="p", css_class="sdm-h")
    _text(view, grid.problem.get(language), "problem")
    html_text(view.t("What you choose"), tag="p", css_class="sdm-h")
    _text(view, grid.decision.get(language), "decision")
    st.info(view.t("There is more than one good option. You choose together."), icon=":material/alt_route:")
    html_text(
        view.t("Before you start: four short yes/no questions (you may skip them)"),
        tag="p",
        css_class="sdm-h",
    )


def _text(view: StepView, text: str, name: str) -> None:
    """The text, or on a short path its first sentences with the rest behind 'Read more'."""
    if view.brevity.words is None:
        plain(text)
        return
    cut = shorten(text, view.brevity.words)
    plain(cut.short)
    if cut.shortened:
        with st.expander(view.t("Read more"), key=view.key("more", name)):
            plain(cut.rest)


def begin_label(view: StepView) -> str:
    return view.t("Answer the four questions, one person at a time")


def own_answers(view: StepView, person: Participant) -> None:
    sure_questions(view, person, "before")
