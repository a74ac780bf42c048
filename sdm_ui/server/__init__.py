"""The web server around the Streamlit app, as `streamlit run streamlit_app.py` starts it.

`streamlit_app.py` hands Streamlit an `st.App` with the middleware from `prepare()`. Streamlit
imports that module when the server starts, before it answers any request, so the start-up
changes made here are in force from the first request on:

- nothing leaves the machine: Streamlit never asks an internet service for this machine's
  address (its websocket origin check did so on every refused handshake) -- `offline`;
- X-Forwarded-For is believed only from the proxies in SDM_AID_TRUSTED_PROXIES -- `proxies`;
- every answer carries the browser security headers, and `/_stcore/metrics` is not served
  -- `headers`, `csp`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from starlette.middleware import Middleware

from sdm_aid.config import load_trusted_proxies
from sdm_ui.server import csp, offline, proxies
from sdm_ui.server.headers import SecurityHeaders


def prepare(env: Mapping[str, str] = os.environ) -> list[Middleware]:
    """Apply the start-up changes and return the middleware for `st.App`."""
    offline.keep_offline()
    proxies.trust_forwarded_headers_from(load_trusted_proxies(env))
    return [Middleware(SecurityHeaders, content_security_policy=csp.policy())]
