"""Step 9: when you talk again, with whom, how and what for; a calendar file to take home.

The date is picked with selectboxes (the built-in date picker has English-only month names).
"""

from __future__ import annotations

from datetime import UTC, datetime

import streamlit as st

from sdm_aid.sessions import ics, labels
from sdm_aid.sessions.models import Deferred, FollowUpMode
from sdm_aid.wizard import fields
from sdm_aid.wizard.clock import local_moment_text, month_names
from sdm_aid.wizard.entries import current_value
from sdm_aid.wizard.fields import Kind
from sdm_aid.wizard.inputs import AMSTERDAM
from sdm_ui import downloads, wizard_actions
from sdm_ui.fields import bind
from sdm_ui.steps import StepView
from sdm_ui.text import html_text

DURATIONS = [15, 30, 45, 60, 90]
MINUTES = [0, 15, 30, 45]
HOURS = list(range(7, 22))


def _with_current(view: StepView, kind: Kind, choices: list[int]) -> list[int]:
    """The choices, plus the saved value if it is another one (e.g. planned by a clinician)."""
    value = current_value(view.session, view.grid, fields.follow_up_field(kind))
    return sorted({*choices, value}) if isinstance(value, int) else choices


def render(view: StepView) -> None:
    session, t = view.session, view.t
    if isinstance(session.outcome, Deferred):
        st.info(t("You choose later, so please plan when you talk again."), icon=":material/event:")
    today = datetime.now(AMSTERDAM).date()
    field = fields.follow_up_field

    html_text(t("When?"), tag="p", css_class="sdm-h")
    day_col, month_col, year_col = st.columns([1, 2, 1])
    with day_col:
        bind(view, field(Kind.DAY), st.selectbox, t("Day"), options=list(range(1, 32)), placeholder=t("Day"))
    months = month_names(view.language)
    with month_col:
        bind(
            view,
            field(Kind.MONTH),
            st.selectbox,
            t("Month"),
            options=list(range(1, 13)),
            format_func=lambda m: months[m - 1],
            placeholder=t("Month"),
        )
    with year_col:
        years = _with_current(view, Kind.YEAR, [today.year, today.year + 1])
        bind(view, field(Kind.YEAR), st.selectbox, t("Year"), options=years, placeholder=t("Year"))
    hour_col, minute_col, length_col = st.columns(3)
    with hour_col:
        bind(
            view,
            field(Kind.HOUR),
            st.selectbox,
            t("Hour"),
            options=_with_current(view, Kind.HOUR, HOURS),
            format_func=lambda h: f"{h:02d}",
            placeholder=t("Hour"),
        )
    with minute_col:
        bind(
            view,
            field(Kind.MINUTE),
            st.selectbox,
            t("Minutes"),
            options=_with_current(view, Kind.MINUTE, MINUTES),
            format_func=lambda m: f"{m:02d}",
            placeholder=t("Minutes"),
        )
    with length_col:
        bind(
            view,
            field(Kind.DURATION),
            st.selectbox,
            t("How long (minutes)"),
            options=_with_current(view, Kind.DURATION, DURATIONS),
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

    st.button(
        t("Plan this appointment"),
        key=view.key("plan"),
        icon=":material/event_available:",
        on_click=wizard_actions.plan_follow_up,
        args=(session.current_step,),
    )
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
