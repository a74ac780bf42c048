"""Step 6: the professional's view, and the questions each person wants to ask."""

from __future__ import annotations

import streamlit as st

from sdm_aid.sessions import labels
from sdm_aid.sessions.models import Role
from sdm_aid.wizard import fields
from sdm_ui.fields import bind
from sdm_ui.steps import StepView
from sdm_ui.text import html_text, md_escape


def render(view: StepView) -> None:
    _recommendation(view)
    st.divider()
    _questions(view)


def _recommendation(view: StepView) -> None:
    html_text(view.t("What does the professional advise?"), tag="p", css_class="sdm-h")
    bind(
        view,
        fields.ADVICE,
        st.radio,
        view.t("Advice"),
        options=[fields.TO_DISCUSS, *(o.id for o in view.grid.options)],
        format_func=lambda c: (
            view.t("To discuss in the session") if c == fields.TO_DISCUSS else md_escape(view.option_label(c))
        ),
    )
    roles = [Role.PEER_WORKER, Role.CLINICIAN] if view.session.peer_worker_guides else [Role.CLINICIAN]
    key = view.key(fields.ADVICE_BY.key)
    if key not in st.session_state and view.session.recommendation is None:
        st.session_state[key] = roles[-1].value  # the professional, unless someone says otherwise
    bind(
        view,
        fields.ADVICE_BY,
        st.radio,
        view.t("Who gives this advice?"),
        options=[r.value for r in roles],
        format_func=lambda r: labels.role_label(Role(r), view.lt),
        horizontal=True,
    )
    bind(view, fields.ADVICE_REASONS, st.text_area, view.t("Why? (the reasons, in a few words)"), height=90)


def _questions(view: StepView) -> None:
    html_text(view.t("Your questions for the professional"), tag="p", css_class="sdm-h")
    suggestions = [q.text.get(view.language) for q in view.grid.clinician_questions]
    people = view.session.family
    for tab, person in zip(st.tabs([md_escape(p.label) for p in people]), people, strict=True):
        with tab:
            bind(
                view,
                fields.suggested(person.id),
                st.multiselect,
                view.t("Questions others often ask"),
                options=suggestions,
                placeholder=view.t("Choose questions"),
            )
            bind(
                view,
                fields.own_questions(person.id),
                st.text_area,
                view.t("Your own questions (one per line)"),
                height=90,
            )
