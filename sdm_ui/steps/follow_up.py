"""Step 9: when you talk again, with whom, how and what for; a calendar file to take home.

The date is picked with selectboxes (the built-in date picker has English-only month names).
"""

from __future__ import annotations

from datetime import UTC, datetime

import streamlit as st

from sdm_aid.sessions import ics, labels, rules
from sdm_aid.sessions.models import (
    MAX_LONG_ENTRY,
    MAX_SHORT_ENTRY,
    DecisionSession,
    Deferred,
    FollowUpMode,
)
from sdm_aid.wizard.clock import local_moment_text, month_names
from sdm_aid.wizard.inputs import AMSTERDAM, Issue, check_follow_up_moment
from sdm_ui import feedback
from sdm_ui.steps import Commit, EntryError, StepView
from sdm_ui.text import html_text

PLAN_NOW = "sdm.plan_now"
DURATIONS = [15, 30, 45, 60, 90]
MINUTES = [0, 15, 30, 45]
HOURS = list(range(7, 22))


def render(view: StepView) -> Commit | None:
    session, t = view.session, view.t
    if isinstance(session.outcome, Deferred):
        st.info(t("You choose later, so please plan when you talk again."), icon=":material/event:")
    saved = session.follow_up
    local = saved.starts_at.astimezone(AMSTERDAM) if saved else None
    today = datetime.now(AMSTERDAM).date()

    html_text(t("When?"), tag="p", css_class="sdm-h")
    day_col, month_col, year_col = st.columns([1, 2, 1])
    day = day_col.selectbox(
        t("Day"),
        list(range(1, 32)),
        key=view.seeded(view.key("day"), local.day if local else None),
        placeholder=t("Day"),
    )
    months = month_names(view.language)
    month = month_col.selectbox(
        t("Month"),
        list(range(1, 13)),
        format_func=lambda m: months[m - 1],
        key=view.seeded(view.key("month"), local.month if local else None),
        placeholder=t("Month"),
    )
    year = year_col.selectbox(
        t("Year"),
        [today.year, today.year + 1],
        key=view.seeded(view.key("year"), local.year if local else None),
        placeholder=t("Year"),
    )
    hour_col, minute_col, length_col = st.columns(3)
    hour = hour_col.selectbox(
        t("Hour"),
        HOURS,
        format_func=lambda h: f"{h:02d}",
        key=view.seeded(view.key("hour"), local.hour if local else None),
        placeholder=t("Hour"),
    )
    minute = minute_col.selectbox(
        t("Minutes"),
        MINUTES,
        format_func=lambda m: f"{m:02d}",
        key=view.seeded(view.key("minute"), local.minute if local else None),
        placeholder=t("Minutes"),
    )
    duration = length_col.selectbox(
        t("How long (minutes)"),
        DURATIONS,
        key=view.seeded(
            view.key("duration"),
            saved.duration_minutes if saved and saved.duration_minutes in DURATIONS else 30,
        ),
    )
    with_whom = st.text_input(
        t("With whom?"),
        max_chars=MAX_SHORT_ENTRY,
        key=view.seeded(view.key("with"), saved.with_whom if saved else ""),
    )
    mode = st.radio(
        t("How?"),
        list(FollowUpMode),
        format_func=lambda m: labels.follow_up_mode_label(m, view.lt),
        horizontal=True,
        key=view.seeded(view.key("how"), saved.mode if saved else FollowUpMode.IN_PERSON),
    )
    purpose = st.text_area(
        t("What for?"),
        max_chars=MAX_LONG_ENTRY,
        height=80,
        key=view.seeded(view.key("purpose"), saved.purpose if saved else ""),
    )
    pieces = (year, month, day, hour, minute)

    def commit(target: DecisionSession, now: datetime) -> None:
        if any(p is None for p in pieces):
            if st.session_state.get(PLAN_NOW):
                raise EntryError(t("Please choose a day, month, year, hour and minutes."))
            return
        moment = check_follow_up_moment(year, month, day, hour, minute, now=now)
        if isinstance(moment, Issue):
            raise EntryError(feedback.issue_text(t, moment))
        local_date, local_time = moment
        current = target.follow_up
        if current is not None and (
            current.starts_at.astimezone(AMSTERDAM).replace(tzinfo=None)
            == datetime.combine(local_date, local_time)
            and (current.duration_minutes, current.with_whom, current.mode, current.purpose)
            == (duration, with_whom.strip(), mode, purpose.strip())
        ):
            return
        rules.schedule_follow_up(
            target,
            local_date=local_date,
            local_time=local_time,
            duration_minutes=duration,
            with_whom=with_whom,
            mode=mode,
            purpose=purpose,
            now=now,
        )

    st.button(
        t("Plan this appointment"),
        key=view.key("plan"),
        icon=":material/event_available:",
        on_click=lambda: st.session_state.update({PLAN_NOW: True}),
    )
    if saved is not None:
        st.success(
            t("Planned: {moment}", moment=local_moment_text(saved.starts_at, view.language)),
            icon=":material/event_available:",
        )
        st.download_button(
            t("Calendar file for your phone or computer"),
            data=ics.follow_up_calendar(session, saved, view.language, now=datetime.now(UTC)),
            file_name=t("appointment") + ".ics",
            mime="text/calendar",
            on_click="ignore",
            icon=":material/download:",
            key=view.key("ics", saved.id, saved.sequence),
        )
    return commit
