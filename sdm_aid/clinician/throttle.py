"""Slowing down password guessing on the clinician login (sdm_aid.throttling).

- The browser session's own failed logins: 5 free, then a wait from 15 seconds, doubling
  with every further failure, up to 15 minutes.
- A username's failed logins (from wherever): 10 free, then the same waits for that username.
- Failures from one known address (more than 20), or from everybody (more than 100), only
  slow every answer there (or everywhere) down by 2 seconds per such amount, at most 10:
  they never refuse another clinician, also not one behind the same address.

While a wait runs the password is not checked. The login form shows one message for a wrong
password and an unknown username, so it tells nobody which usernames exist. The state lives
in the database (`throttle_attempts`), shared by every server process.
"""

from __future__ import annotations

from datetime import timedelta

from sdm_aid.throttling.policy import Backoff, KeyKind, Policy, SlowDown

WINDOW = timedelta(minutes=15)
FIRST_WAIT = timedelta(seconds=15)
FREE_PER_BROWSER = 5
FREE_PER_USERNAME = 10
SLOW_DOWN_AFTER_PER_ADDRESS = 20
SLOW_DOWN_AFTER_FROM_EVERYBODY = 100
SLOW_DOWN_STEP = timedelta(seconds=2)
LONGEST_SLOW_DOWN = timedelta(seconds=10)

LOGIN_POLICY = Policy(
    window=WINDOW,
    backoff={
        KeyKind.BROWSER: Backoff(FREE_PER_BROWSER, FIRST_WAIT, WINDOW),
        KeyKind.USER: Backoff(FREE_PER_USERNAME, FIRST_WAIT, WINDOW),
    },
    slow_down={KeyKind.CLIENT: SlowDown(SLOW_DOWN_AFTER_PER_ADDRESS, SLOW_DOWN_STEP, LONGEST_SLOW_DOWN)},
    slow_down_all=SlowDown(SLOW_DOWN_AFTER_FROM_EVERYBODY, SLOW_DOWN_STEP, LONGEST_SLOW_DOWN),
)
