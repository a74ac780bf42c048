"""Continuing a conversation with its code: on the start page, and wherever a screen lost its
conversation (a server restart, a tablet that slept longer than the server keeps a session).

After such a loss the browser still has the cookie `browser_helper.COOKIE` ("a conversation
was open here, in this language"), so the page speaks the family's language and offers the
code field right there, instead of an empty screen.
"""

from __future__ import annotations

from datetime import UTC, timedelta

import streamlit as st

from sdm_aid.i18n import LANGUAGES, Language, Translator
from sdm_aid.i18n.durations import wait_text
from sdm_aid.sessions import resume_codes
from sdm_aid.storage import ResumeCodeError, ResumeThrottledError, StorageError
from sdm_aid.wizard import registry
from sdm_ui import attempts, browser_helper, feedback, frame, guard, services, state
from sdm_ui.text import html_text

CODE_KEY = "start.code"
ERROR = "sdm.resume_error"
"""What went wrong at the last 'Continue': (kind, seconds to wait)."""
WRONG, THROTTLED, UNAVAILABLE = "wrong", "throttled", "unavailable"


def lost_language() -> Language | None:
    """The language of a conversation this browser had open before it lost it, if any.

    The browser's cookies are read when it connects; a conversation cleared since then (on
    this screen) is not lost but finished."""
    if state.conversation_marker() is False:
        return None
    value = (st.context.cookies or {}).get(browser_helper.COOKIE)
    return value if value in LANGUAGES else None  # type: ignore[return-value]


@guard.callback
def resume() -> None:
    """Button callback: open the conversation behind the typed code (the conversation's own
    code, or a participant's personal code), then go to its step or to their questions."""
    typed = str(st.session_state.get(CODE_KEY) or "")
    try:
        opened = services.session_service().open_with_code(typed.strip(), source=attempts.source())
    except ResumeThrottledError as refused:
        st.session_state[ERROR] = (THROTTLED, refused.wait.total_seconds())
        return
    except ResumeCodeError as wrong:
        st.session_state[ERROR] = (WRONG, wrong.wait.total_seconds() if wrong.wait else 0.0)
        return
    except StorageError:
        st.session_state[ERROR] = (UNAVAILABLE, 0.0)
        return
    st.session_state.pop(ERROR, None)
    session = opened.session
    state.set_draft(session, stored=True, fresh_widgets=True)
    state.set_participant(opened.participant_id)  # a personal code: this person's questions only
    state.set_language(session.language)
    state.set_resume_code(resume_codes.normalise(typed) or typed.strip().upper())
    state.set_saved_at(session.updated_at.astimezone(UTC))
    frame.go_later(registry.WIZARD)


def code_form(t: Translator) -> None:
    """The code field and its button, with what went wrong last time."""
    st.text_input(
        t("Your code"),
        key=CODE_KEY,
        help=t("The code you got at the start of the conversation, or your personal code."),
        autocomplete="off",
    )
    kind, seconds = st.session_state.pop(ERROR, (None, 0.0))
    wait = wait_text(timedelta(seconds=seconds), t.language) if seconds else ""
    if kind == THROTTLED:
        st.error(
            t("Too many wrong codes were typed on this screen. Wait {wait}, then try again.", wait=wait),
            icon=":material/hourglass_top:",
        )
    elif kind == WRONG and wait:
        st.error(t("This code does not work. Check the code. You can try again in {wait}.", wait=wait))
    elif kind == WRONG:
        st.error(t("This code does not work. Check the code and try again, or start a new conversation."))
    elif kind == UNAVAILABLE:
        feedback.storage_down(t)
    st.button(t("Continue"), type="primary", key="start.resume", on_click=resume)


def offer_after_loss(language: Language) -> bool:
    """On a screen without a conversation: if this browser lost one, offer to continue it in
    its language. True when offered."""
    t = Translator("wizard", language)
    with st.container(border=True, key="sdm-recovery"):
        html_text(t("Your conversation is saved"), tag="h1", css_class="sdm-title")
        html_text(
            t(
                "This screen lost the conversation for a moment (for example after a long pause). "
                "Your answers are saved. Type your code to continue where you were."
            ),
            css_class="sdm-why",
        )
        code_form(t)
    return True
