"""Where a typed code or password comes from, for throttling (sdm_aid.throttling).

The throttle token is made by the server and kept in this browser session's state: never
in a URL, a cookie or the page, so a family cannot pass it on and no one can borrow
another family's. It goes when the session goes (Finish and clear, idle timeout, reload).
The client address is Streamlit's view of the connection, which believes X-Forwarded-For
only from the proxies in SDM_AID_TRUSTED_PROXIES (sdm_ui/server/proxies.py); for a browser
on this machine it is unknown.
"""

from __future__ import annotations

import streamlit as st

from sdm_aid.throttling import AttemptSource, new_browser_token

TOKEN = "sdm.throttle_token"


def browser_token() -> str:
    token = st.session_state.get(TOKEN)
    if not isinstance(token, str):
        token = st.session_state[TOKEN] = new_browser_token()
    return token


def source() -> AttemptSource:
    address = st.context.ip_address
    return AttemptSource(
        browser=browser_token(), client=address if isinstance(address, str) and address else None
    )
