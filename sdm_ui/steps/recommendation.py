"""Step 6: the professional's view, and the questions each person wants to ask."""

from __future__ import annotations

import streamlit as st

from sdm_aid.sessions import labels, rules
from sdm_aid.sessions.models import MAX_LONG_ENTRY, Role
from sdm_aid.wizard import steps
from sdm_aid.wizard.inputs import Issue, merge_questions, parse_questions
from sdm_ui import feedback
from sdm_ui.steps import Commit, StepView
from sdm_ui.text import html_text, md_escape

DISCUSS = "discuss"
"""The radio value for 'to discuss in the session' (option ids never contain '_' or equal it)."""


def render(view: StepView) -> Commit | None:
    _recommendation(view)
    st.divider()
    _questions(view)
    return None


def _recommendation(view: StepView) -> None:
    saved = view.session.recommendation
    html_text(view.t("What does the professional advise?"), tag="p", css_class="sdm-h")
    choices = [DISCUSS, *(o.id for o in view.grid.options)]
    initial = None if saved is None else (saved.option_id or DISCUSS)
    choice = st.radio(
        view.t("Advice"),
        options=choices,
        format_func=lambda c: (
            view.t("To discuss in the session") if c == DISCUSS else md_escape(view.option_label(c))
        ),
        key=view.seeded(view.key("advice"), initial),
    )
    roles = [Role.PEER_WORKER, Role.CLINICIAN] if view.session.peer_worker_guides else [Role.CLINICIAN]
    by_role = st.radio(
        view.t("Who gives this advice?"),
        options=roles,
        format_func=lambda r: labels.role_label(r, view.lt),
        horizontal=True,
        key=view.seeded(view.key("by"), saved.by_role if saved and saved.by_role in roles else roles[-1]),
    )
    reasons = st.text_area(
        view.t("Why? (the reasons, in a few words)"),
        max_chars=MAX_LONG_ENTRY,
        key=view.seeded(view.key("reasons"), saved.reasons if saved else ""),
        height=90,
    )
    if choice is not None:
        rules.set_recommendation(
            view.session,
            view.grid,
            option_id=None if choice == DISCUSS else choice,
            reasons=reasons,
            by_role=by_role,
        )


def _questions(view: StepView) -> None:
    html_text(view.t("Your questions for the professional"), tag="p", css_class="sdm-h")
    suggestions = [q.text.get(view.language) for q in view.grid.clinician_questions]
    people = steps.family(view.session)
    for tab, person in zip(st.tabs([md_escape(p.label) for p in people]), people, strict=True):
        with tab:
            answers = rules.participant_answers(view.session, person.id)
            chosen_saved = [q for q in answers.questions if q in suggestions]
            own_saved = "\n".join(q for q in answers.questions if q not in suggestions)
            chosen = st.multiselect(
                view.t("Questions others often ask"),
                options=suggestions,
                key=view.seeded(view.key("suggested", person.id), chosen_saved),
                placeholder=view.t("Choose questions"),
            )
            own = st.text_area(
                view.t("Your own questions (one per line)"),
                key=view.seeded(view.key("own", person.id), own_saved),
                height=90,
            )
            parsed = parse_questions(own)
            merged = parsed if isinstance(parsed, Issue) else merge_questions(chosen, parsed)
            if isinstance(merged, Issue):
                feedback.show_issue(view.t, merged)
            else:
                answers.questions = merged
