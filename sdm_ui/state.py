"""Everything the app keeps in `st.session_state`, behind typed accessors.

Only plain, picklable data is stored (enforceSerializableSessionState is on): the draft
session (a pydantic model), the language, the resume code while the family is here, and
small UI markers. Clearing the tablet removes all of it.
"""

from __future__ import annotations

from datetime import datetime
from typing import cast

import streamlit as st

from sdm_aid.i18n import LANGUAGES, Language, Translator, languages
from sdm_aid.sessions.models import DecisionSession

LANG = "sdm.lang"
DRAFT = "sdm.draft"
BASE = "sdm.base"
PARTICIPANT = "sdm.participant"
CODE = "sdm.code"
SAVED_AT = "sdm.saved_at"
LAST_ACTIVITY = "sdm.last_activity"
GENERATION = "sdm.gen"
NOTICE = "sdm.notice"

DEFAULT_LABELS: dict[str, tuple[str, dict[str, int]]] = {
    "start.youth": ("Young person", {}),
    "start.parent.1": ("Parent {number}", {"number": 1}),
    "start.parent.2": ("Parent {number}", {"number": 2}),
    "start.peer_label": ("Peer worker", {}),
}
"""Start-page name fields and their pre-filled text (a message id in the wizard domain)."""


CONVERSATION_COOKIE = "sdm_conversation"
"""Set by the browser helper while a conversation is open: only its language, nothing else."""


def language() -> Language:
    """The session's language. The first time: the language of a conversation this browser
    lost (a server restart, a long sleep), else the browser's (English only when the browser
    asks for English, Dutch otherwise)."""
    value = st.session_state.get(LANG)
    if value not in LANGUAGES:
        lost = (st.context.cookies or {}).get(CONVERSATION_COOKIE)
        value = lost if lost in LANGUAGES else languages.from_locale(st.context.locale)
        st.session_state[LANG] = value
    return cast(Language, value)


def set_language(value: Language) -> None:
    st.session_state[LANG] = value


def draft() -> DecisionSession | None:
    value = st.session_state.get(DRAFT)
    return value if isinstance(value, DecisionSession) else None


def set_draft(session: DecisionSession, *, stored: bool, fresh_widgets: bool = False) -> None:
    """Store the draft. `stored`: it is exactly the stored version (loaded or just saved), so
    it becomes the base that changes made here are merged from (`base`). `fresh_widgets`
    after loading another copy (start, resume, reload), so no widget shows a value left over
    from the copy that was on screen before."""
    st.session_state[DRAFT] = session
    if stored:
        st.session_state[BASE] = session
    if fresh_widgets:
        st.session_state[GENERATION] = generation() + 1


def base() -> DecisionSession | None:
    """The stored version the draft started from; None while the draft holds changes that
    were made on top of a version this screen never saw stored."""
    value = st.session_state.get(BASE)
    draft_ = draft()
    if not isinstance(value, DecisionSession) or draft_ is None or value.version != draft_.version:
        return None
    return value


def participant() -> str | None:
    """On a participant's own device (opened with a personal code): whose device this is.
    None on a shared screen (opened to start, or with the conversation's code)."""
    value = st.session_state.get(PARTICIPANT)
    return value if isinstance(value, str) else None


def set_participant(participant_id: str | None) -> None:
    if participant_id is None:
        st.session_state.pop(PARTICIPANT, None)
    else:
        st.session_state[PARTICIPANT] = participant_id


def generation() -> int:
    return int(st.session_state.get(GENERATION, 0))


def widget_key(*parts: object) -> str:
    """A widget key unique to the draft copy on screen: 'g3.values.youth.quick'."""
    return ".".join([f"g{generation()}", *map(str, parts)])


def resume_code() -> str | None:
    value = st.session_state.get(CODE)
    return value if isinstance(value, str) else None


def set_resume_code(code: str) -> None:
    st.session_state[CODE] = code


def saved_at() -> datetime | None:
    value = st.session_state.get(SAVED_AT)
    return value if isinstance(value, datetime) else None


def set_saved_at(moment: datetime) -> None:
    st.session_state[SAVED_AT] = moment


def notice() -> str | None:
    """A one-off message for the next screen (e.g. 'the tablet was cleared')."""
    return st.session_state.pop(NOTICE, None)


def set_notice(code: str) -> None:
    st.session_state[NOTICE] = code


def has_family_data() -> bool:
    """Whether anything a family typed or opened is on this screen (then idling clears it)."""
    if draft() is not None or resume_code() is not None or st.session_state.get("start.code"):
        return True
    t = Translator("wizard", language())
    return any(
        st.session_state.get(key) not in (None, t(message, **values))
        for key, (message, values) in DEFAULT_LABELS.items()
    )


CLEARED = "sdm.cleared"


def clear_everything() -> None:
    """Finish and clear / idle timeout: nothing of the family stays in this browser session."""
    for key in list(st.session_state.keys()):
        del st.session_state[key]
    st.session_state[CLEARED] = True


def conversation_marker() -> bool | None:
    """For the browser's 'a conversation was open here' cookie: True while one is open, False
    once this screen was cleared, None when this screen does not know (a fresh session that
    may have lost one: keep the cookie, so the page can offer to continue)."""
    if draft() is not None:
        st.session_state.pop(CLEARED, None)
        return True
    return False if st.session_state.get(CLEARED) else None
