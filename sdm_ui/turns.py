"""'Now it's your turn, Parent 1': one family member at a time answers for themselves.

Changing the turn (the radio, or 'Done. Next: ...') first saves everything on screen, so an
answer given just before the hand-over is never lost with the previous person's widgets.
"""

from __future__ import annotations

import streamlit as st

from sdm_aid.sessions.models import Participant
from sdm_ui import wizard_actions
from sdm_ui.steps import StepView
from sdm_ui.text import html_text, md_escape


def _turn_key(view: StepView) -> str:
    return view.key("turn")


def whose_turn(view: StepView) -> Participant:
    people = view.session.family
    key = _turn_key(view)
    st.session_state.setdefault(key, 0)
    if len(people) > 1:
        st.radio(
            view.t("Whose turn is it?"),
            options=list(range(len(people))),
            format_func=lambda i: md_escape(people[i].label),
            horizontal=True,
            key=key,
            on_change=wizard_actions.turn_changed,
        )
    index = st.session_state.get(key, 0)
    person = people[index if 0 <= index < len(people) else 0]
    html_text(view.t("Now it's your turn, {name}", name=person.label), tag="p", css_class="sdm-h")
    return person


def next_person_button(view: StepView, person: Participant) -> None:
    """'Done. Next: Parent 1' moves the turn on without leaving the step."""
    people = view.session.family
    index = [p.id for p in people].index(person.id)
    if index + 1 >= len(people):
        return
    following = people[index + 1]
    st.button(
        md_escape(view.t("Done. Next: {name}", name=following.label)),
        key=view.key("next-person", person.id),
        on_click=wizard_actions.hand_over,
        args=(_turn_key(view), index + 1),
        icon=":material/arrow_forward:",
    )
