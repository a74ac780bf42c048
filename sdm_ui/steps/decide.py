"""Step 8: choose an option and who agrees (or is not sure), or put the choice off. The four
'after' questions come once the conversation with the clinician has taken place.

The choice is recorded by Next (`sdm_aid.wizard.step_actions.commit_step`), so trying out
options on screen leaves no trace in the record; until then it is kept as chosen.
"""

from __future__ import annotations

import streamlit as st

from sdm_aid.sessions import labels
from sdm_aid.sessions.models import DeferralReason
from sdm_aid.wizard import fields
from sdm_aid.wizard.entries import current_value
from sdm_ui.fields import bind
from sdm_ui.steps import StepView
from sdm_ui.text import md_escape


def render(view: StepView) -> None:
    t = view.t
    bind(
        view,
        fields.MODE,
        st.radio,
        t("What do you do now?"),
        options=[fields.DECIDE_NOW, fields.DECIDE_LATER],
        format_func=lambda m: t("We choose now") if m == fields.DECIDE_NOW else t("We choose later"),
        horizontal=True,
    )
    mode = current_value(view.session, view.grid, fields.MODE)
    if mode == fields.DECIDE_NOW:
        _decide(view)
    elif mode == fields.DECIDE_LATER:
        _defer(view)


def _decide(view: StepView) -> None:
    t = view.t
    bind(
        view,
        fields.OPTION,
        st.radio,
        t("Which option do you choose?"),
        options=[o.id for o in view.grid.options],
        format_func=lambda oid: md_escape(view.option_label(oid)),
    )
    votes = {
        fields.AGREE: t("Agrees"),
        fields.DISAGREE: t("Does not agree"),
        fields.UNSURE: t("Not sure"),
    }
    for person in view.session.family:
        bind(
            view,
            fields.vote(person.id),
            st.radio,
            md_escape(t("Does {name} agree with this choice?", name=person.label)),
            options=list(votes),
            format_func=votes.__getitem__,
            horizontal=True,
        )


def _defer(view: StepView) -> None:
    t = view.t
    bind(
        view,
        fields.DEFER_REASON,
        st.selectbox,
        t("Why do you choose later?"),
        options=[r.value for r in DeferralReason],
        format_func=lambda r: labels.deferral_reason_label(DeferralReason(r), view.lt),
        placeholder=t("Choose a reason"),
    )
    bind(
        view,
        fields.DEFER_DETAILS,
        st.text_area,
        t("Tell a bit more (optional; needed for 'another reason')"),
        height=80,
    )
    bind(
        view, fields.STILL_NEEDED, st.text_area, t("What do you still need before you can choose?"), height=80
    )
    st.caption(t("Choosing later is fine. In the last step you plan when you talk again."))
