"""Step 6: the professional's advice follows in the conversation; here each person writes
down their questions for the clinician. A peer worker may add their own tip, labelled as such.
Once the clinician has recorded the advice (on the clinician page), it shows here."""

from __future__ import annotations

import streamlit as st

from sdm_aid.sessions.models import Participant
from sdm_aid.wizard import fields
from sdm_ui.fields import bind
from sdm_ui.steps import StepView
from sdm_ui.text import html_text, md_escape, plain


def intro(view: StepView) -> None:
    advice = view.session.recommendation
    if advice is None:
        st.info(
            view.t(
                "The professional gives their advice in the conversation. Here you write down what you "
                "want to ask."
            ),
            icon=":material/forum:",
        )
    else:
        option = (
            view.option_label(advice.option_id)
            if advice.option_id
            else view.t("No single option: to talk about together")
        )
        with st.container(border=True):
            html_text(
                view.t("Advice of the professional: {option}", option=option), tag="p", css_class="sdm-h"
            )
            if advice.reasons:
                plain(advice.reasons)
    if view.session.peer_worker_guides and view.viewer.person is None:
        _peer_worker_tip(view)


def _peer_worker_tip(view: StepView) -> None:
    with st.expander(view.t("Tip from the peer worker (not the professional's advice)")):
        bind(
            view,
            fields.TIP,
            st.radio,
            view.t("Which option would you, as peer worker, look at first?"),
            options=[fields.TO_DISCUSS, *(o.id for o in view.grid.options)],
            format_func=lambda c: (
                view.t("No single option: to talk about together")
                if c == fields.TO_DISCUSS
                else md_escape(view.option_label(c))
            ),
        )
        bind(view, fields.TIP_REASONS, st.text_area, view.t("Why? (in a few words)"), height=80)


def own_answers(view: StepView, person: Participant) -> None:
    suggestions = [q.text.get(view.language) for q in view.grid.clinician_questions]
    bind(
        view,
        fields.suggested(person.id),
        st.pills,
        view.t("Questions others often ask (tap the ones you want to ask)"),
        options=suggestions,
        selection_mode="multi",
    )
    bind(
        view,
        fields.own_questions(person.id),
        st.text_area,
        view.t("Your own questions (one per line)"),
        height=90,
    )
