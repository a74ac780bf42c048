"""The clinician's session list as a model: filters, sort order and pages.

`ListView` holds what the clinician chose on screen (local dates, a 1-based page number);
`query_arguments()` turns it into the arguments of `SessionService.list_sessions`, which reads
straight from the database every time (never a cached result).

Dates are days in Europe/Amsterdam, both ends included: 'from 1 March to 3 March' means from
1 March 00:00 up to (not including) 4 March 00:00 local time.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from babel.dates import format_datetime

from sdm_aid.i18n import Language, info
from sdm_aid.sessions.models import SESSION_TIMEZONE, FollowUp, FollowUpStatus
from sdm_aid.sessions.status import FollowUpState, SessionStatus, follow_up_state
from sdm_aid.storage.records import LIST_FOLLOW_UPS, ListFollowUp, SessionOrder, SessionRow

PAGE_SIZE = 20
STATUS_CHOICES: tuple[SessionStatus, ...] = tuple(SessionStatus)
FOLLOW_UP_CHOICES: tuple[ListFollowUp, ...] = LIST_FOLLOW_UPS
OPENS_ON: ListFollowUp = "attention"
"""The list opens on what needs attention: overdue follow-ups first, then those due."""
OPENS_SORTED = SessionOrder.FOLLOW_UP_ASC
ORDER_CHOICES: tuple[SessionOrder, ...] = tuple(SessionOrder)


class ListFilterError(ValueError):
    """A combination of filters that cannot select anything sensible (e.g. dates reversed)."""


def local_day_start(day: date) -> datetime:
    """00:00 in Amsterdam on `day`, in UTC (midnight always exists: clocks change at 02:00)."""
    return datetime.combine(day, time(0), tzinfo=SESSION_TIMEZONE).astimezone(UTC)


@dataclass(frozen=True)
class ListView:
    status: SessionStatus | None = None
    follow_up: ListFollowUp | None = None
    grid_id: str | None = None
    changed_from: date | None = None
    changed_to: date | None = None
    """Inclusive."""
    order: SessionOrder = SessionOrder.UPDATED_DESC
    page: int = 1
    """1-based."""
    page_size: int = PAGE_SIZE

    def __post_init__(self) -> None:
        if self.follow_up is not None and self.follow_up not in LIST_FOLLOW_UPS:
            raise ListFilterError(f"unknown follow-up filter {self.follow_up!r}")
        if self.page < 1 or self.page_size < 1:
            raise ListFilterError("page and page size start at 1")

    def check(self) -> None:
        if self.changed_from and self.changed_to and self.changed_from > self.changed_to:
            raise ListFilterError("the first date is after the last date")

    def query_arguments(self) -> dict[str, Any]:
        """Keyword arguments for `SessionService.list_sessions`."""
        self.check()
        return {
            "status": self.status,
            "follow_up": self.follow_up,
            "grid_id": self.grid_id,
            "changed_from": local_day_start(self.changed_from) if self.changed_from else None,
            "changed_to": local_day_start(self.changed_to + timedelta(days=1)) if self.changed_to else None,
            "order": self.order,
            "limit": self.page_size,
            "offset": (self.page - 1) * self.page_size,
        }

    def with_filters(self, **changes: Any) -> ListView:
        """New filters always start at page 1 (the old page may not exist any more)."""
        return replace(self, **changes, page=1)

    def at_page(self, page: int, total: int) -> ListView:
        return replace(self, page=clamp_page(page, total, self.page_size))


def page_count(total: int, page_size: int = PAGE_SIZE) -> int:
    """At least one page, also when nothing matches."""
    return max(1, math.ceil(max(total, 0) / page_size))


def clamp_page(page: int, total: int, page_size: int = PAGE_SIZE) -> int:
    return min(max(1, page), page_count(total, page_size))


def shown_range(page: int, total: int, page_size: int = PAGE_SIZE) -> tuple[int, int]:
    """1-based first and last row number on this page; (0, 0) when nothing matches."""
    if total <= 0:
        return 0, 0
    first = (clamp_page(page, total, page_size) - 1) * page_size + 1
    return first, min(total, first + page_size - 1)


def row_follow_up_state(row: SessionRow, now: datetime) -> FollowUpState | None:
    """Where the row's current follow-up stands (the same rule as on the session itself)."""
    if row.follow_up_at is None or row.follow_up_status is None:
        return None
    follow_up = FollowUp(starts_at=row.follow_up_at, status=FollowUpStatus(row.follow_up_status))
    return follow_up_state(follow_up, now)


def short_id(session_id: object) -> str:
    """The first 8 characters of the pseudonymous id: enough to tell sessions apart by eye."""
    return str(session_id)[:8]


def row_status(row: SessionRow) -> SessionStatus:
    return SessionStatus(row.status)


def moment_text(moment: datetime, language: Language) -> str:
    """A compact local date and time for lists: '3 mrt 2026, 14:05' / '3 Mar 2026, 14:05'."""
    language_info = info(language)
    return format_datetime(
        moment, language_info.moment_format, tzinfo=SESSION_TIMEZONE, locale=language_info.locale
    )
