"""Slowing down guessing (resume codes, clinician passwords) without locking anyone out.

Every try comes from a *source*: the browser session it was typed in (a random token the
server gave that session), the client's address when it is known for certain, and for logins
the username typed. The rules in `policy`:

- Only your own mistakes make you wait. The browser's wrong tries (and, for a login, the
  username's) earn a wait that doubles with every further one; while it runs, a try is not
  checked and the answer says how long to wait. Another family's browser is never affected.
- Other people's mistakes only slow your answer down. Many wrong tries from one address, or
  from everybody together, make every answer on that address (or everywhere) take a few
  seconds longer -- a right code or password still works.

The state lives in the database (`throttle_attempts`), so every server process of one
installation counts together; it holds keyed hashes only, never a token, address or name.
"""

from sdm_aid.throttling.policy import Backoff, History, KeyKind, Policy, SlowDown, Verdict
from sdm_aid.throttling.sources import AttemptSource, new_browser_token

__all__ = [
    "AttemptSource",
    "Backoff",
    "History",
    "KeyKind",
    "Policy",
    "SlowDown",
    "Verdict",
    "new_browser_token",
]
