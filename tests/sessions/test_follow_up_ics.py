"""The .ics file for a follow-up: round trip, stable UID, time zone, reminder, hostile text."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from factories import minimal_grid, new_session
from icalendar import Calendar

from sdm_aid.sessions.ics import follow_up_calendar
from sdm_aid.sessions.models import SESSION_TIMEZONE, FollowUpMode
from sdm_aid.sessions.rules import schedule_follow_up

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
HOSTILE = 'Dr. K, kamer 3; "B"\nBEGIN:VEVENT\r\nEND:VCALENDAR\\n <script>x</script> ĳ ł € ' + "lang " * 400


def planned(
    local_date: date,
    local_time: time,
    *,
    minutes: int = 60,
    with_whom: str = "Behandelaar",
    purpose: str = "",
):
    session = new_session(minimal_grid(), now=NOW)
    follow_up = schedule_follow_up(
        session,
        local_date=local_date,
        local_time=local_time,
        duration_minutes=minutes,
        with_whom=with_whom,
        mode=FollowUpMode.PHONE,
        purpose=purpose,
        now=NOW,
    )
    return session, follow_up


def event_of(data: bytes):
    calendar = Calendar.from_ical(data)
    (event,) = calendar.events
    return calendar, event


def test_round_trip_with_timezone_uid_and_reminder() -> None:
    session, follow_up = planned(date(2027, 1, 12), time(15, 30), minutes=45)
    data = follow_up_calendar(session, follow_up, "nl", now=NOW)
    calendar, event = event_of(data)
    assert b"DTSTART;TZID=Europe/Amsterdam:20270112T153000" in data
    assert b"DTEND;TZID=Europe/Amsterdam:20270112T161500" in data
    assert [tz.tz_name for tz in calendar.timezones] == ["Europe/Amsterdam"]
    assert event.start == datetime(2027, 1, 12, 15, 30, tzinfo=SESSION_TIMEZONE)
    assert event.start.utcoffset() == timedelta(hours=1)
    assert str(event["UID"]) == f"{follow_up.id}@sdm-aid"
    assert str(event["SUMMARY"]) == "Vervolgafspraak (keuzehulp)"
    assert str(event["LOCATION"]) == "Telefonisch"
    (alarm,) = event.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY" and alarm["TRIGGER"].dt == timedelta(days=-1)
    assert str(alarm["DESCRIPTION"]).startswith("Morgen")


def test_english_texts() -> None:
    session, follow_up = planned(date(2027, 1, 12), time(15, 30))
    _, event = event_of(follow_up_calendar(session, follow_up, "en", now=NOW))
    assert str(event["SUMMARY"]) == "Follow-up appointment (decision aid)"
    assert "With: Behandelaar" in str(event["DESCRIPTION"])


def test_same_follow_up_gives_same_bytes_and_a_move_updates_the_same_entry() -> None:
    session, follow_up = planned(date(2027, 1, 12), time(15, 30))
    first = follow_up_calendar(session, follow_up, "nl", now=NOW)
    assert follow_up_calendar(session, follow_up, "nl", now=NOW) == first
    moved = schedule_follow_up(
        session,
        local_date=date(2027, 1, 19),
        local_time=time(9, 0),
        duration_minutes=30,
        with_whom="",
        mode=FollowUpMode.VIDEO,
        purpose="",
        now=NOW,
    )
    _, old_event = event_of(first)
    _, new_event = event_of(follow_up_calendar(session, moved, "nl", now=NOW))
    assert str(new_event["UID"]) == str(old_event["UID"])
    assert int(new_event["SEQUENCE"]) == int(old_event["SEQUENCE"]) + 1


@pytest.mark.parametrize(
    ("local_date", "local_time", "minutes", "utc_start", "utc_end"),
    [
        # Spring forward: 01:30 CET + 60 min ends at 03:30 CEST (one real hour).
        (
            date(2027, 3, 28),
            time(1, 30),
            60,
            datetime(2027, 3, 28, 0, 30, tzinfo=UTC),
            datetime(2027, 3, 28, 1, 30, tzinfo=UTC),
        ),
        # Autumn: the first 02:30 (CEST) + 60 min is one real hour later.
        (
            date(2027, 10, 31),
            time(2, 30),
            60,
            datetime(2027, 10, 31, 0, 30, tzinfo=UTC),
            datetime(2027, 10, 31, 1, 30, tzinfo=UTC),
        ),
        # Autumn, an appointment over the doubled hour: 01:45 CEST + 90 min = 02:15 CET, the
        # second 02:15, written in UTC so no calendar reads it as the first one.
        (
            date(2027, 10, 31),
            time(1, 45),
            90,
            datetime(2027, 10, 30, 23, 45, tzinfo=UTC),
            datetime(2027, 10, 31, 1, 15, tzinfo=UTC),
        ),
    ],
)
def test_clock_change_days_keep_the_real_time(local_date, local_time, minutes, utc_start, utc_end) -> None:
    session, follow_up = planned(local_date, local_time, minutes=minutes)
    calendar, event = event_of(follow_up_calendar(session, follow_up, "nl", now=NOW))
    # (Compared in UTC: Python never calls an ambiguous local time equal across zones.)
    assert event.start.astimezone(UTC) == utc_start
    assert event.end.astimezone(UTC) == utc_end
    # The VTIMEZONE in the file holds both transitions of that year.
    kinds = {component.name for tz in calendar.timezones for component in tz.subcomponents}
    assert kinds == {"STANDARD", "DAYLIGHT"}


def test_hostile_text_is_escaped_and_survives_the_round_trip() -> None:
    with_whom = HOSTILE[:300]
    session, follow_up = planned(date(2027, 2, 1), time(10, 0), with_whom=with_whom, purpose=HOSTILE[:2000])
    data = follow_up_calendar(session, follow_up, "nl", now=NOW)
    # Nothing the family typed can start a component or break a line.
    lines = data.split(b"\r\n")
    assert [line for line in lines if line.startswith((b"BEGIN:", b"END:"))] == [
        b"BEGIN:VCALENDAR",
        b"BEGIN:VTIMEZONE",
        b"BEGIN:STANDARD",
        b"END:STANDARD",
        b"BEGIN:DAYLIGHT",
        b"END:DAYLIGHT",
        b"BEGIN:STANDARD",
        b"END:STANDARD",
        b"END:VTIMEZONE",
        b"BEGIN:VEVENT",
        b"BEGIN:VALARM",
        b"END:VALARM",
        b"END:VEVENT",
        b"END:VCALENDAR",
    ]
    assert all(len(line) <= 75 for line in lines)
    _, event = event_of(data)
    description = str(event["DESCRIPTION"])
    # iCalendar text has no carriage return: a typed CR LF comes back as one new line.
    assert f"Met: {with_whom.strip()}".replace("\r\n", "\n") in description
    assert f"Waarvoor: {HOSTILE[:2000].strip()}".replace("\r\n", "\n") in description


def test_no_participant_labels_in_the_file() -> None:
    session, follow_up = planned(date(2027, 2, 1), time(10, 0))
    data = follow_up_calendar(session, follow_up, "nl", now=NOW).decode()
    for participant in session.participants:
        assert participant.label not in data


def test_a_follow_up_of_another_session_is_refused() -> None:
    session, _ = planned(date(2027, 2, 1), time(10, 0))
    _, other = planned(date(2027, 2, 2), time(10, 0))
    with pytest.raises(ValueError, match="does not belong"):
        follow_up_calendar(session, other, "nl", now=NOW)
