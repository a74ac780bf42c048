"""'Finish and clear': nothing of the family stays on the screen, and nothing unsaved is lost
without a word.

Before clearing, whatever is on screen is saved. If saving does not work (or the version
on screen conflicts with another one), the screen asks first: clearing now would throw the
unsaved answers away.
"""

from __future__ import annotations

import streamlit as st

from sdm_aid.i18n import Translator
from sdm_aid.usecases import family
from sdm_aid.wizard import registry
from sdm_ui import fields, frame, guard, saving, services, state

CONFIRM = "sdm.confirm_clear"


@guard.callback
def request_clear() -> None:
    if state.draft() is not None:
        fields.record_on_screen(where=CONFIRM)
        draft = state.draft()
        current = saving.problem()
        if draft is not None and (current is None or current.kind != saving.ERASED):
            result = family.finish(services.session_service(), draft, unsaved=current is not None)
            if not saving.apply(result, where=CONFIRM) and result.problem != family.SaveProblem.ERASED:
                st.session_state[CONFIRM] = True  # clearing now would lose unsaved answers: ask
                return
    clear_now()


@guard.callback
def clear_now() -> None:
    state.clear_everything()
    frame.go_later(registry.START)


@guard.callback
def keep() -> None:
    st.session_state.pop(CONFIRM, None)


def finish_button(t: Translator, *, key: str, primary: bool = True) -> None:
    """The button, and the question that follows it when something is not saved."""
    if st.session_state.get(CONFIRM):
        with st.container(border=True, key=f"{key}-confirm"):
            st.warning(
                t(
                    "Your latest answers are NOT saved (saving does not work right now). If you clear the "
                    "screen now, they are lost. Try again in a moment, or ask a staff member."
                ),
                icon=":material/warning:",
            )
            left, right = st.columns(2)
            left.button(t("Do not clear yet"), key=f"{key}-keep", on_click=keep, type="primary")
            right.button(t("Clear anyway"), key=f"{key}-anyway", on_click=clear_now)
        return
    st.button(
        t("Finish and clear"),
        type="primary" if primary else "secondary",
        icon=":material/cleaning_services:",
        key=key,
        on_click=request_clear,
    )
