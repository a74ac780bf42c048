"""How long to wait, in words, in the session's language ("30 seconden", "2 minutes")."""

from __future__ import annotations

import math
from datetime import timedelta

from babel.dates import format_timedelta

from sdm_aid.i18n import Language, info


def wait_text(wait: timedelta, language: Language) -> str:
    """Rounded up, never down: after the time named, the wait is over."""
    seconds = max(1, math.ceil(wait.total_seconds()))
    if seconds > 60:
        seconds = math.ceil(seconds / 60) * 60
    return format_timedelta(timedelta(seconds=seconds), threshold=1.0, locale=info(language).locale)
