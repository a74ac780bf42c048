"""Saving the draft through the session service, with conflicts and outages made visible.

A failed save changes nothing on screen: the typed answers stay, and a banner says what
happened. A stale save (the same conversation was saved from another tab or device) is
never forced through: the family can load the saved version instead.
"""

from __future__ import annotations

from datetime import UTC, datetime

import streamlit as st

from sdm_aid.i18n import Translator
from sdm_aid.sessions.models import DecisionSession
from sdm_aid.storage import StaleSessionError, StorageError
from sdm_aid.wizard.clock import local_time_text
from sdm_ui import feedback, services, state
from sdm_ui.text import html_text

PROBLEM = "sdm.save_problem"
CONFLICT, UNAVAILABLE = "conflict", "unavailable"


def save(candidate: DecisionSession) -> bool:
    """Store `candidate`; on success it becomes the draft. False (and a banner) otherwise."""
    try:
        saved = services.session_service().save(candidate)
    except StaleSessionError:
        st.session_state[PROBLEM] = CONFLICT
        return False
    except StorageError:
        st.session_state[PROBLEM] = UNAVAILABLE
        return False
    st.session_state.pop(PROBLEM, None)
    state.set_draft(saved)
    state.set_saved_at(datetime.now(UTC))
    return True


def reload_saved() -> None:
    """Replace the draft with the version in the database (after a conflict)."""
    draft = state.draft()
    if draft is None:
        return
    try:
        fresh = services.session_service().load(draft.id)
    except StorageError:
        st.session_state[PROBLEM] = UNAVAILABLE
        return
    st.session_state.pop(PROBLEM, None)
    state.set_draft(fresh, fresh_widgets=True)
    state.set_saved_at(datetime.now(UTC))


def problem_banner(t: Translator) -> None:
    problem = st.session_state.get(PROBLEM)
    if problem == CONFLICT:
        st.error(
            t(
                "This conversation was saved somewhere else in the meantime (another tab or device). "
                "Your latest answers on this screen were NOT saved, and nothing was overwritten."
            ),
            icon=":material/sync_problem:",
        )
        st.button(t("Load the saved version"), on_click=reload_saved, type="primary", key="sdm.reload")
    elif problem == UNAVAILABLE:
        feedback.storage_down(t)


def saved_line(t: Translator) -> None:
    moment = state.saved_at()
    if moment is not None and st.session_state.get(PROBLEM) is None:
        html_text(t("Saved at {time}", time=local_time_text(moment, t.language)), css_class="sdm-saved")
