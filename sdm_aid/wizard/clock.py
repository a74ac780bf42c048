"""Times and dates shown to people: Europe/Amsterdam, formatted in the session's locale."""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import format_date, format_datetime, format_time

from sdm_aid.i18n import Language, info
from sdm_aid.wizard.inputs import AMSTERDAM


def local_time_text(moment: datetime, language: Language) -> str:
    """'14:05' (HH:MM, 24-hour, local time) for 'Saved at 14:05'."""
    return format_time(moment.astimezone(AMSTERDAM), info(language).time_format, locale=info(language).locale)


def local_date_text(day: date, language: Language) -> str:
    """'maandag 30 maart 2026' / 'Monday, 30 March 2026'."""
    return format_date(day, info(language).date_format, locale=info(language).locale)


def local_moment_text(moment: datetime, language: Language) -> str:
    local = moment.astimezone(AMSTERDAM)
    return f"{local_date_text(local.date(), language)}, {local_time_text(local, language)}"


def month_names(language: Language) -> list[str]:
    """January..December in the session's language, for the date selectboxes."""
    return [format_datetime(datetime(2000, m, 1), "MMMM", locale=info(language).locale) for m in range(1, 13)]
