"""Resume codes and personal codes: short, typeable, random, and stored only as a keyed hash.

A code looks like `K7QM-4RZP`: 8 characters from a 32-character alphabet without the
look-alikes 0/O and 1/I, so 8 x 5 = 40 bits from `secrets`. People may type it in lower
case, with spaces, or without the dash. Together with expiry and throttling of wrong
attempts that makes guessing impractical. A code is shown once; it never goes into a URL or
a log, and the database only ever sees its HMAC-SHA256 under the site's secret key.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
from datetime import timedelta

from sdm_aid.throttling.policy import Backoff, KeyKind, Policy, SlowDown

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
"""No 0/O and no 1/I: nothing to confuse when reading a code off paper or a screen."""
GROUP = 4
LENGTH = 8
BITS = LENGTH * math.log2(len(ALPHABET))
_ALLOWED = frozenset(ALPHABET)
_SEPARATORS = str.maketrans("", "", " -_.\t\n\u00a0\u2010\u2011\u2012\u2013\u2014")


def new_code() -> str:
    """A fresh random code, formatted for people: `XXXX-XXXX`."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return format_code(raw)


def format_code(raw: str) -> str:
    return "-".join(raw[i : i + GROUP] for i in range(0, len(raw), GROUP))


def normalise(typed: str) -> str | None:
    """The canonical form of what someone typed, or None if it cannot be a code."""
    if not isinstance(typed, str) or len(typed) > 64:
        return None
    raw = typed.translate(_SEPARATORS).upper()
    if len(raw) != LENGTH or not set(raw) <= _ALLOWED:
        return None
    return format_code(raw)


RESUME = "resume-code"
PERSONAL = "personal-code"
"""What a code opens: the whole conversation (resume) or one participant's own questions
(personal). Hashed apart, so a code of one kind can never be used as the other."""


def code_hash(code: str, key: bytes, purpose: str = RESUME) -> str:
    """Keyed hash of a normalised code (hex). Without the key a stolen database reveals nothing."""
    return hmac.new(key, purpose.encode("ascii") + b":" + code.encode("ascii"), hashlib.sha256).hexdigest()


FIRST_WAIT = timedelta(seconds=15)
SLOW_DOWN_STEP = timedelta(seconds=2)
LONGEST_SLOW_DOWN = timedelta(seconds=10)
SHARED_ADDRESS_FACTOR = 4
"""One address may be shared by several tablets: it gets four times a browser's free tries."""


def throttle_policy(*, free: int, everybody: int, window: timedelta) -> Policy:
    """Wrong codes: `free` per browser, then waits from 15 seconds, doubling, up to `window`.
    Beyond 4 x `free` from one known address, or `everybody` from all together, every answer
    there (or everywhere) takes 2 seconds longer per such amount, at most 10."""
    return Policy(
        window=window,
        backoff={KeyKind.BROWSER: Backoff(free, FIRST_WAIT, window)},
        slow_down={KeyKind.CLIENT: SlowDown(SHARED_ADDRESS_FACTOR * free, SLOW_DOWN_STEP, LONGEST_SLOW_DOWN)},
        slow_down_all=SlowDown(everybody, SLOW_DOWN_STEP, LONGEST_SLOW_DOWN),
    )
