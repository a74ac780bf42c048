"""Step 9: when you talk again, with whom, how and what for; a calendar file to take home.

The day and time take two taps: a quick choice ("in 2 weeks") or a day from a list written
out in the session's language (Babel; the browser's date picker speaks English only), and a
time. As soon as both are chosen the appointment is planned (no separate button: Finish
plans it too, with everything on screen).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import streamlit as st

from sdm_aid.sessions import ics, labels
from sdm_aid.sessions.models import Deferred, FollowUpMode
from sdm_aid.wizard import fields, when
from sdm_aid.wizard.clock import local_moment_text
from sdm_aid.wizard.entries import current_value
from sdm_aid.wizard.fields import Kind
from sdm_aid.wizard.inputs import AMSTERDAM
from sdm_ui import downloads, saving, wizard_actions
from sdm_ui import fields as bound
from sdm_ui.fields import bind
from sdm_ui.steps import StepView
from sdm_ui.text import html_text

DURATIONS = [15, 30, 45, 60, 90]
DAY_KINDS = (Kind.YEAR, Kind.MONTH, Kind.DAY)
TIME_KINDS = (Kind.HOUR, Kind.MINUTE)
KINDS = (*DAY_KINDS, *TIME_KINDS)


def _with_current(view: StepView, kind: Kind, choices: list[int]) -> list[int]:
    """The choices, plus the saved value if it is another one (e.g. planned by a clinician)."""
    value = current_value(view.session, view.grid, fields.follow_up_field(kind))
    return sorted({*choices, value}) if isinstance(value, int) else choices


def _pending(view: StepView) -> when.Pending:
    value = {
        k: current_value(view.session, view.grid, fields.follow_up_field(k))
        for k in (*DAY_KINDS, *TIME_KINDS)
    }
    return when.Pending.of(
        value[Kind.YEAR], value[Kind.MONTH], value[Kind.DAY], value[Kind.HOUR], value[Kind.MINUTE]
    )


def _store(view: StepView, values: dict[Kind, int]) -> None:
    """Record day or time parts as the follow-up's fields (saved at once, like any answer);
    with a day and a time both chosen, plan the appointment."""
    pairs = {}
    for kind, value in values.items():
        key = fields.follow_up_field(kind).key
        st.session_state[view.key(key)] = value
        pairs[view.key(key)] = key
    if bound.record(pairs, where=saving.AT_FIELD) and _pending_now(view).day and _pending_now(view).moment:
        wizard_actions.plan_follow_up(view.session.current_step)


def _pending_now(view: StepView) -> when.Pending:
    """The pending day and time as just recorded (the view's session is from before)."""
    value = {
        k: st.session_state.get(view.key(fields.follow_up_field(k).key)) for k in (*DAY_KINDS, *TIME_KINDS)
    }
    return when.Pending.of(
        value[Kind.YEAR], value[Kind.MONTH], value[Kind.DAY], value[Kind.HOUR], value[Kind.MINUTE]
    )


def _day_values(day: date) -> dict[Kind, int]:
    return {Kind.YEAR: day.year, Kind.MONTH: day.month, Kind.DAY: day.day}


def _quick_chosen(view: StepView, today: date, key: str) -> None:
    choice = st.session_state.get(key)
    if choice:
        _store(view, _day_values(when.quick_date(when.Quick(choice), today)))


def _day_chosen(view: StepView, key: str) -> None:
    value = st.session_state.get(key)
    if value:
        _store(view, _day_values(date.fromisoformat(value)))


def _time_chosen(view: StepView, key: str) -> None:
    value = st.session_state.get(key)
    if value:
        moment = time.fromisoformat(value)
        _store(view, {Kind.HOUR: moment.hour, Kind.MINUTE: moment.minute})


def _when(view: StepView) -> None:
    t, language = view.t, view.language
    today = datetime.now(AMSTERDAM).date()
    pending = _pending(view)
    # The pickers show the pending follow-up (set before they are drawn; they keep no value of their own).
    quick_key, day_key, time_key = view.key("when-quick"), view.key("when-day"), view.key("when-time")
    quick = when.quick_of(pending.day, today)
    st.session_state[quick_key] = quick.value if quick else None
    st.session_state[day_key] = pending.day.isoformat() if pending.day else None
    st.session_state[time_key] = pending.moment.isoformat(timespec="minutes") if pending.moment else None

    html_text(t("When?"), tag="p", css_class="sdm-h")
    st.pills(
        t("Quick choice"),
        options=[q.value for q in when.Quick],
        format_func=lambda q: t(when.QUICK_TEXT[when.Quick(q)]),
        selection_mode="single",
        key=quick_key,
        on_change=_quick_chosen,
        args=(view, today, quick_key),
    )
    day_col, time_col = st.columns([3, 2])
    day_col.selectbox(
        t("Day"),
        options=[d.isoformat() for d in when.day_choices(today, pending.day)],
        format_func=lambda d: when.day_text(date.fromisoformat(d), language),
        placeholder=t("Choose a day"),
        key=day_key,
        on_change=_day_chosen,
        args=(view, day_key),
    )
    time_col.selectbox(
        t("Time"),
        options=[m.isoformat(timespec="minutes") for m in when.time_choices(pending.moment)],
        format_func=lambda m: when.time_text(time.fromisoformat(m), language),
        placeholder=t("Choose a time"),
        key=time_key,
        on_change=_time_chosen,
        args=(view, time_key),
    )


def render(view: StepView) -> None:
    session, t = view.session, view.t
    if isinstance(session.outcome, Deferred):
        st.info(t("You choose later, so please plan when you talk again."), icon=":material/event:")
    field = fields.follow_up_field
    _when(view)
    bind(
        view,
        field(Kind.DURATION),
        st.selectbox,
        t("How long (minutes)"),
        options=_with_current(view, Kind.DURATION, DURATIONS),
        placeholder=t("Choose"),
    )
    bind(view, field(Kind.WITH_WHOM), st.text_input, t("With whom?"))
    bind(
        view,
        field(Kind.HOW),
        st.radio,
        t("How?"),
        options=[m.value for m in FollowUpMode],
        format_func=lambda m: labels.follow_up_mode_label(FollowUpMode(m), view.lt),
        horizontal=True,
    )
    bind(view, field(Kind.PURPOSE), st.text_area, t("What for?"), height=80)

    saved = session.follow_up
    if saved is not None:
        st.success(
            t("Planned: {moment}", moment=local_moment_text(saved.starts_at, view.language)),
            icon=":material/event_available:",
        )
        st.download_button(
            t("Calendar file for your phone or computer"),
            data=downloads.while_stored(
                session.id,
                lambda: ics.follow_up_calendar(session, saved, view.language, now=datetime.now(UTC)),
            ),
            file_name=t("appointment") + ".ics",
            mime="text/calendar",
            on_click="rerun",
            icon=":material/download:",
            key=view.key("ics", saved.id, saved.sequence),
        )
