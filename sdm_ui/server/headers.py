"""Browser security headers on every answer, and Streamlit's metrics kept private.

A plain ASGI middleware (not Starlette's BaseHTTPMiddleware, which would buffer streamed
answers and never sees a websocket handshake). It wraps all of Streamlit's routes, so pages,
static files, media, downloads, health checks and the websocket handshake get the headers.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from starlette.types import ASGIApp, Message, Receive, Scope, Send

PERMISSIONS_POLICY: Final = ", ".join(
    [
        *(
            f"{feature}=()"
            for feature in (
                "accelerometer",
                "autoplay",
                "camera",
                "display-capture",
                "geolocation",
                "gyroscope",
                "magnetometer",
                "microphone",
                "midi",
                "payment",
                "usb",
            )
        ),
        "clipboard-write=(self)",
        "fullscreen=(self)",
    ]
)

PRIVATE_PATHS: Final = ("/_stcore/metrics",)
"""Streamlit serves live session counts and memory use here, to anyone who asks."""


def security_headers(content_security_policy: str) -> dict[str, str]:
    return {
        "Content-Security-Policy": content_security_policy,
        "X-Frame-Options": "DENY",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Permissions-Policy": PERMISSIONS_POLICY,
        "Cross-Origin-Opener-Policy": "same-origin",
        "Cross-Origin-Resource-Policy": "same-origin",
    }


def _with_headers(raw: list[tuple[bytes, bytes]], extra: Mapping[bytes, bytes]) -> list[tuple[bytes, bytes]]:
    kept = [(name, value) for name, value in raw if name.lower() not in extra]
    return kept + list(extra.items())


def is_private(path: str) -> bool:
    trimmed = path.rstrip("/")
    return any(trimmed.endswith(private) for private in PRIVATE_PATHS)


class SecurityHeaders:
    def __init__(self, app: ASGIApp, *, content_security_policy: str) -> None:
        self.app = app
        self.headers = {
            name.lower().encode("latin-1"): value.encode("latin-1")
            for name, value in security_headers(content_security_policy).items()
        }

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] in (
                "http.response.start",
                "websocket.http.response.start",
                "websocket.accept",
            ):
                message["headers"] = _with_headers(list(message.get("headers", [])), self.headers)
            await send(message)

        if scope["type"] == "http" and is_private(scope["path"]):
            body = b"Not found"
            await send_with_headers(
                {
                    "type": "http.response.start",
                    "status": 404,
                    "headers": [
                        (b"content-type", b"text/plain"),
                        (b"content-length", str(len(body)).encode()),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": body})
            return
        await self.app(scope, receive, send_with_headers)
