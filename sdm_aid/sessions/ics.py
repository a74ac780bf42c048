"""A calendar file (.ics) for one follow-up appointment, to take home.

- UID comes from the follow-up's id, SEQUENCE from its `sequence`: downloading again after
  the appointment was moved updates the entry in the family's calendar instead of adding one.
- DTSTART/DTEND carry TZID=Europe/Amsterdam with a matching VTIMEZONE (one calendar year,
  so both clock changes are in it and the file stays small). DTEND is start + duration in
  real time, so an appointment across a clock change keeps its length.
- A display reminder one day before.
- Privacy: a calendar is often synced and shared, so the title is neutral (no diagnosis, no
  grid title) and no participant names or nicknames appear; only what the family typed for
  'with whom' and 'what for'. icalendar escapes commas, semicolons and new lines.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from icalendar import Alarm, Calendar, Event

from sdm_aid.i18n import Language
from sdm_aid.sessions.labels import follow_up_mode_label, translator
from sdm_aid.sessions.models import SESSION_TIMEZONE, DecisionSession, FollowUp

UID_DOMAIN = "sdm-aid"
REMINDER_BEFORE = timedelta(days=1)

CALENDAR_NAME = "Decision aid"
SUMMARY = "Follow-up appointment (decision aid)"
WITH_WHOM = "With: {text}"
MODE = "How: {text}"
PURPOSE = "What for: {text}"
BRING = "Bring your questions. You can still change your mind."
REMINDER = "Tomorrow: follow-up appointment (decision aid)"
ICS_MESSAGE_IDS = frozenset({CALENDAR_NAME, SUMMARY, WITH_WHOM, MODE, PURPOSE, BRING, REMINDER})


def _calendar_moment(moment: datetime) -> datetime:
    """Amsterdam wall time for the file, except the second 02:xx of the night the clocks go
    back: RFC 5545 reads an ambiguous TZID time as the FIRST occurrence, so that one is written
    in UTC instead (which every calendar reads exactly)."""
    local = moment.astimezone(SESSION_TIMEZONE)
    if local.fold == 1 and local.replace(fold=0).utcoffset() != local.utcoffset():
        return moment.astimezone(UTC)
    return local


def follow_up_uid(follow_up: FollowUp) -> str:
    return f"{follow_up.id}@{UID_DOMAIN}"


def follow_up_calendar(
    session: DecisionSession,
    follow_up: FollowUp,
    language: Language,
    *,
    now: datetime | None = None,
) -> bytes:
    """The .ics bytes for `follow_up` (a follow-up of `session`) in `language`.

    `now` is the DTSTAMP (default: the current time); pass it for reproducible bytes.
    """
    known = [session.follow_up, *session.follow_up_history]
    if not any(f is not None and f.id == follow_up.id for f in known):
        raise ValueError("this follow-up does not belong to this session")
    t = translator(language)
    start = _calendar_moment(follow_up.starts_at)
    # Add the duration in UTC: wall-clock arithmetic would be an hour off across a clock change.
    end = _calendar_moment(follow_up.starts_at + timedelta(minutes=follow_up.duration_minutes))
    mode = follow_up_mode_label(follow_up.mode, t)

    lines = []
    if follow_up.with_whom:
        lines.append(t(WITH_WHOM, text=follow_up.with_whom))
    lines.append(t(MODE, text=mode))
    if follow_up.purpose:
        lines.append(t(PURPOSE, text=follow_up.purpose))
    lines.append(t(BRING))

    uid = follow_up_uid(follow_up)
    calendar = Calendar.new(
        organization="SDM Aid", name=t(CALENDAR_NAME), language=language, uid=f"calendar-{uid}"
    )
    event = Event.new(
        uid=uid,
        sequence=follow_up.sequence,
        stamp=(now or datetime.now(UTC)).astimezone(UTC),
        start=start,
        end=end,
        summary=t(SUMMARY),
        description="\n".join(lines),
        location=mode,
    )
    event.add_component(Alarm.new_display(description=t(REMINDER), trigger=-REMINDER_BEFORE))
    calendar.add_component(event)
    year = follow_up.starts_at.astimezone(SESSION_TIMEZONE).year
    calendar.add_missing_timezones(first_date=date(year, 1, 1), last_date=date(year + 1, 1, 1))
    data: bytes = calendar.to_ical()
    return data
