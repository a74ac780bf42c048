"""Hand-off: the code to continue later (printable), the peer worker's note, finish and clear."""

from __future__ import annotations

from html import escape

import streamlit as st

from sdm_aid.sessions import labels, rules
from sdm_aid.storage import StorageError
from sdm_aid.wizard import fields as entry_fields
from sdm_aid.wizard import registry
from sdm_ui import (
    after_view,
    clearing,
    feedback,
    fields,
    finish_actions,
    frame,
    guard,
    page_scripts,
    people_view,
    saving,
    services,
    state,
)
from sdm_ui.clinician.summary_view import summary_link
from sdm_ui.text import html_text, md_escape
from sdm_ui.wizard_view import open_session

ctx = frame.page(registry.FINISH)
t = ctx.t
opened = open_session(ctx)
if opened is None:
    st.stop()
session, grid = opened

with guard.page_body():
    lt = labels.translator(ctx.language)
    html_text(t("Hand-off"), tag="h1", css_class="sdm-title")

    problems = rules.end_state_problems(session)
    if problems:
        st.warning(t("Some steps are not finished yet:"), icon=":material/pending_actions:")
        for problem in problems:
            name = labels.element_name(problem.element, lt) if problem.element else ""
            st.markdown("- " + md_escape(f"{name}: {labels.rule_error_message(problem, lt)}"))
        st.button(
            t("Back to the steps"),
            icon=":material/arrow_back:",
            key="finish.back",
            on_click=finish_actions.back_to_steps,
        )
    else:
        st.success(t("Well done. All steps are finished."), icon=":material/task_alt:")

    code = state.resume_code()
    if code is None:
        try:
            code = services.session_service().new_resume_code(session.id)
        except StorageError:
            feedback.storage_down(t)
        else:
            state.set_resume_code(code)
    if code:
        html_text(t("Your code to continue later"), tag="p", css_class="sdm-h")
        st.html(f'<div class="sdm-code">{escape(code)}</div>')
        st.caption(
            t(
                "Write this code down or print this page. With the code you can look at or continue this "
                "conversation later, also on another device."
            )
        )
        st.html(
            f'<button class="sdm-print" type="button">{escape(t("Print this page"))}</button>'
            + page_scripts.script_tag(page_scripts.PRINT_BUTTONS)  # allowed by the CSP (its hash)
            + "<style>.sdm-print{min-height:3rem;padding:.5rem 1.25rem;font-size:1.05rem;"
            "border-radius:.5rem;border:1px solid #90a4ae;background:#fff;cursor:pointer}"
            "@media print{.sdm-print{display:none}}</style>",
            unsafe_allow_javascript=True,
        )

    people_view.panel(ctx, session, grid)
    st.divider()
    if session.conversation_done_at is not None:
        after_view.on_shared_screen(ctx, session, grid)
    else:
        st.info(
            t(
                "After the conversation with the clinician, each of you gets four more short questions here "
                "(or on your own phone)."
            ),
            icon=":material/schedule:",
        )
        st.button(t("Look again"), key="finish.again", icon=":material/refresh:")

    screen = fields.PageScreen(session=session, grid=grid, t=t, name="finish")
    if session.peer_worker_guides:
        st.divider()
        html_text(t("Note for the clinician (peer worker)"), tag="p", css_class="sdm-h")
        fields.bind(
            screen,
            entry_fields.NOTE,
            st.text_area,
            t("What should the clinician know? (for example what was hard, or what is still open)"),
        )
        saving.problem_here(t, grid, where=finish_actions.NOTE_SAVED, field_changes=True)
        st.button(
            t("Save the note"),
            icon=":material/save:",
            key="finish.save_note",
            on_click=finish_actions.save_note,
        )

    st.divider()
    summary_link(ctx.language)
    st.caption(t("When you are done, clear the screen so the next person cannot see your answers."))
    saving.problem_here(t, grid, where=clearing.CONFIRM)
    clearing.finish_button(t, key="finish.clear")
    saving.status_line(t)
