"""Who may use single sign-on (OIDC through Streamlit's st.login) for the clinician review.

The identity provider says who someone is; this says whether that person may see sessions.
Nobody is admitted unless the site lists them: by e-mail address or by e-mail domain (in the
`[sdm_aid_clinician]` table of secrets.toml, see docs/clinician-login.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

MAX_USERNAME = 64


def admitted_username(
    claims: Mapping[str, Any], *, emails: Iterable[str] = (), domains: Iterable[str] = ()
) -> str | None:
    """The name to log in as (the e-mail address, lower case), or None if not admitted.

    Refused: no e-mail claim, an e-mail the provider marks as unverified, or an address that
    is neither listed itself nor in a listed domain.
    """
    if not claims.get("is_logged_in"):
        return None
    email = claims.get("email")
    if not isinstance(email, str) or email.count("@") != 1 or len(email) > MAX_USERNAME:
        return None
    if claims.get("email_verified") is False:
        return None
    email = email.strip().lower()
    domain = email.rsplit("@", 1)[1]
    allowed_emails = {e.strip().lower() for e in emails}
    allowed_domains = {d.strip().lower().lstrip("@") for d in domains}
    if email in allowed_emails or domain in allowed_domains:
        return email
    return None
