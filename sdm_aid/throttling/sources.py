"""Where a try comes from, and the keyed hashes that stand for it in the database."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass, field

from sdm_aid.throttling.policy import KeyKind


def new_browser_token() -> str:
    """A browser session's throttle token: random, made by the server, kept in that session
    only (never in a URL or cookie), so no family can hold or hand on another's."""
    return secrets.token_urlsafe(32)


@dataclass(frozen=True)
class AttemptSource:
    browser: str = field(repr=False)
    """The browser session's throttle token."""
    client: str | None = field(default=None, repr=False)
    """The client's address, when known for certain (direct, or named by a trusted proxy)."""
    user: str | None = field(default=None, repr=False)
    """The username typed (logins only), normalised."""

    def keys(self, scope: str, secret: bytes) -> dict[KeyKind, str]:
        """Keyed hashes per kind (HMAC-SHA256 under the site's secret): a stolen database does
        not tell which browser, address or username tried."""
        values = {KeyKind.BROWSER: self.browser, KeyKind.CLIENT: self.client, KeyKind.USER: self.user}
        return {
            kind: hmac.new(secret, f"throttle:{scope}:{kind}:{value}".encode(), hashlib.sha256).hexdigest()
            for kind, value in values.items()
            if value
        }
