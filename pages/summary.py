"""Summary (family): the family's copy of the summary, as a PDF and a calendar file to take home."""

from __future__ import annotations

import streamlit as st

from sdm_aid.clinician.listing import short_id
from sdm_aid.render.summary import build_summary
from sdm_aid.sessions import ics
from sdm_aid.wizard import registry
from sdm_ui import downloads, frame, saving, state, wizard_view
from sdm_ui.clinician import clock
from sdm_ui.clinician.frame import translator
from sdm_ui.clinician.summary_view import pdf_maker, session_grid, show_summary

ctx = frame.page(registry.SUMMARY)
ct = translator(ctx.language)
session = state.draft()
current = saving.problem()
if current is not None and current.kind == saving.ERASED:
    wizard_view.erased(ctx)
    st.stop()
if session is None:
    wizard_view.no_session(ctx)
    st.stop()
session = saving.up_to_date(session)
if session is None:
    wizard_view.erased(ctx)
    st.stop()

loaded = session_grid(session.grid)
if loaded is None:
    st.error(
        ct(
            "The decision aid of this conversation is not available in the version you used. "
            "Please ask a staff member."
        )
    )
    st.stop()
grid = loaded.grid

now = clock.now()
summary = build_summary(session, grid, copy="family", generated_at=now)
file_stem = ct("summary") + "-" + short_id(session.id)

with st.container(horizontal=True, key="summary.actions"):
    st.download_button(
        ct("Download the summary (PDF)"),
        data=downloads.while_stored(session.id, pdf_maker(session, grid, "family", clock.now)),
        file_name=f"{file_stem}.pdf",
        mime="application/pdf",
        on_click="rerun",
        type="primary",
        icon=":material/picture_as_pdf:",
        key="summary.pdf",
    )
    if session.follow_up is not None:
        st.download_button(
            ct("Calendar file for the next appointment"),
            data=downloads.while_stored(
                session.id,
                lambda: ics.follow_up_calendar(session, session.follow_up, session.language, now=clock.now()),
            ),
            file_name=ct("appointment") + ".ics",
            mime="text/calendar",
            on_click="rerun",
            icon=":material/event:",
            key="summary.ics",
        )
st.caption(ct("The PDF prints well on A4 paper. Keep it somewhere safe: it is about you."))

show_summary(summary)

st.divider()
left, right = st.columns(2)
left.page_link(registry.FINISH.file, label=ct("Back to the hand-off"), icon=":material/arrow_back:")
right.page_link(registry.WIZARD.file, label=ct("Back to the steps"), icon=":material/checklist:")
