"""'Now it's your turn, Parent 1': one family member at a time answers for themselves."""

from __future__ import annotations

import streamlit as st

from sdm_aid.sessions.models import Participant
from sdm_aid.wizard import steps
from sdm_ui.steps import StepView
from sdm_ui.text import html_text, md_escape


def whose_turn(view: StepView) -> Participant:
    people = steps.family(view.session)
    key = view.seeded(view.key("turn"), 0)
    if len(people) > 1:
        st.radio(
            view.t("Whose turn is it?"),
            options=list(range(len(people))),
            format_func=lambda i: md_escape(people[i].label),
            horizontal=True,
            key=key,
        )
    index = st.session_state.get(key, 0)
    person = people[index if 0 <= index < len(people) else 0]
    html_text(view.t("Now it's your turn, {name}", name=person.label), tag="p", css_class="sdm-h")
    return person


def next_person_button(view: StepView, person: Participant) -> None:
    """'Done, next: Parent 1' moves the turn on without leaving the step."""
    people = steps.family(view.session)
    index = [p.id for p in people].index(person.id)
    if index + 1 >= len(people):
        return
    following = people[index + 1]

    def advance() -> None:
        st.session_state[view.key("turn")] = index + 1

    st.button(
        md_escape(view.t("Done. Next: {name}", name=following.label)),
        key=view.key("next-person", person.id),
        on_click=advance,
        icon=":material/arrow_forward:",
    )
