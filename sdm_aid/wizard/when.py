"""The follow-up's day and time in two taps: a quick choice ("in 2 weeks") or a day from a
list of dates written out in the session's language, and a time from a list.

The pending follow-up is still kept as day, month, year, hour and minutes
(`sdm_aid.wizard.fields.FOLLOW_UP_KINDS`); these helpers only build the choices and read
them back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta
from enum import StrEnum

from babel.dates import format_time

from sdm_aid.i18n import Language, info
from sdm_aid.wizard.clock import local_date_text

DAYS_AHEAD = 183
"""How far ahead the list of days goes (about half a year); a saved later day is added."""

FIRST_HOUR, LAST_HOUR, EVERY_MINUTES = 7, 21, 15


class Quick(StrEnum):
    ONE_WEEK = "1w"
    TWO_WEEKS = "2w"
    ONE_MONTH = "1m"


QUICK_TEXT = {
    Quick.ONE_WEEK: "In 1 week",
    Quick.TWO_WEEKS: "In 2 weeks",
    Quick.ONE_MONTH: "In a month",
}
"""English message ids of the `wizard` catalogue."""


def quick_date(choice: Quick, today: date) -> date:
    if choice is Quick.ONE_WEEK:
        return today + timedelta(days=7)
    if choice is Quick.TWO_WEEKS:
        return today + timedelta(days=14)
    month = today.month % 12 + 1
    year = today.year + (today.month == 12)
    for day in (today.day, 30, 29, 28):  # 31 January -> the last day of February
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")


def quick_of(day: date | None, today: date) -> Quick | None:
    """The quick choice that gives `day` (to show it selected), if any."""
    return next((q for q in Quick if day is not None and quick_date(q, today) == day), None)


def day_choices(today: date, current: date | None = None) -> list[date]:
    """Tomorrow up to about half a year ahead, plus the saved day if it is another one."""
    days = [today + timedelta(days=n) for n in range(1, DAYS_AHEAD + 1)]
    if current is not None and current not in days:
        days = sorted([*days, current])
    return days


def time_choices(current: time | None = None) -> list[time]:
    """07:00 to 21:45 every quarter of an hour, plus the saved time if it is another one."""
    times = [
        time(hour, minute)
        for hour in range(FIRST_HOUR, LAST_HOUR + 1)
        for minute in range(0, 60, EVERY_MINUTES)
    ]
    if current is not None and current not in times:
        times = sorted([*times, current])
    return times


def day_text(day: date, language: Language) -> str:
    """'maandag 7 december 2026' / 'Monday, 7 December 2026' (Babel, the session's locale)."""
    return local_date_text(day, language)


def time_text(moment: time, language: Language) -> str:
    return format_time(moment, info(language).time_format, locale=info(language).locale)


@dataclass(frozen=True)
class Pending:
    """The follow-up's pending day and time, read from its five fields (None if incomplete
    or not a real date)."""

    day: date | None
    moment: time | None

    @classmethod
    def of(cls, year: object, month: object, day: object, hour: object, minute: object) -> Pending:
        chosen_day = None
        if isinstance(year, int) and isinstance(month, int) and isinstance(day, int):
            try:
                chosen_day = date(year, month, day)
            except ValueError:
                chosen_day = None
        chosen_time = None
        if isinstance(hour, int) and isinstance(minute, int) and 0 <= hour < 24 and 0 <= minute < 60:
            chosen_time = time(hour, minute)
        return cls(chosen_day, chosen_time)
