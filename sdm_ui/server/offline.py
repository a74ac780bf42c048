"""Streamlit never asks the internet for this machine's address.

Streamlit 1.67's websocket origin allow-list (`server_util.is_url_from_allowed_origins`)
ends with `net_util.get_internal_ip()` (a UDP "connection" to 8.8.8.8) and
`net_util.get_external_ip()`: a blocking HTTP request to checkip.amazonaws.com, made inside
the event loop and repeated on every refused handshake, because only a success is cached. Any
web page could make every browser's handshake with a foreign Origin stall the whole server,
and each one sent a request off the machine. The start-up banner asks the same.

No configuration skips these calls for a refused origin (browser.serverAddress is only tried
before them), so they are replaced here, once, at server start. Same-origin connections and
`server.corsAllowedOrigins` are checked before these calls and work as before; the app
never needs the machine's network or public address.
"""

from __future__ import annotations

from streamlit import net_util


def _unknown_address() -> str | None:
    return None


def keep_offline() -> None:
    net_util.get_external_ip = _unknown_address
    net_util.get_internal_ip = _unknown_address


def is_offline() -> bool:
    return net_util.get_external_ip is _unknown_address and net_util.get_internal_ip is _unknown_address
