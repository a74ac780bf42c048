"""Who is the client? X-Forwarded-For is believed only from the configured proxies.

Streamlit runs on uvicorn, which by default believes X-Forwarded-For from 127.0.0.1 and ::1
(uvicorn's FORWARDED_ALLOW_IPS). Behind a same-host proxy that passes the header on
unchanged, or for any program on this machine, the client address was then whatever the
request said: a guesser could take a fresh address for every try. Here uvicorn's own proxy
handling (rightmost address not of a trusted proxy) is kept, but with the proxies of
SDM_AID_TRUSTED_PROXIES only; none by default.

uvicorn wraps the app in its ProxyHeadersMiddleware after importing it, so replacing that
name in `uvicorn.config` when `streamlit_app.py` is imported takes effect for this server.
"""

from __future__ import annotations

from typing import Any

import uvicorn.config
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware


def trust_forwarded_headers_from(trusted: tuple[str, ...]) -> None:
    """From now on uvicorn believes X-Forwarded-For/-Proto only from `trusted` (addresses or
    networks); with none, never."""

    def proxy_headers(app: Any, trusted_hosts: Any = None) -> ProxyHeadersMiddleware:
        # uvicorn passes its own FORWARDED_ALLOW_IPS default; ours replaces it.
        return ProxyHeadersMiddleware(app, trusted_hosts=list(trusted))

    uvicorn.config.ProxyHeadersMiddleware = proxy_headers  # type: ignore[assignment, misc]
