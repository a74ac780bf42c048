"""The control that switches between the short path (waiting room) and everything.

A session's path is chosen on the start page; on every step of the shared screen one button
changes it: 'Read everything' on the short path, 'Short version' on the full one. The step
and every answer stay (`sdm_aid.usecases.family.choose_path`).
"""

from __future__ import annotations

import streamlit as st

from sdm_aid.sessions.models import WizardPath
from sdm_ui import wizard_actions
from sdm_ui.steps import StepView

_SWITCH = {
    WizardPath.WAITING_ROOM: (WizardPath.FULL, "Read everything", ":material/menu_book:"),
    WizardPath.FULL: (WizardPath.WAITING_ROOM, "Short version", ":material/short_text:"),
}


def switch(view: StepView) -> None:
    target, label, icon = _SWITCH[view.session.path]
    st.button(
        view.t(label),
        key=view.key("path", target.value),
        icon=icon,
        on_click=wizard_actions.choose_path,
        args=(view.session.current_step, target.value),
    )
