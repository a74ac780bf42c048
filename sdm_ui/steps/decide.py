"""Step 8: choose an option and who agrees, or put the choice off; then the SURE test."""

from __future__ import annotations

from datetime import datetime

import streamlit as st

from sdm_aid.sessions import labels, rules
from sdm_aid.sessions.models import (
    MAX_LONG_ENTRY,
    Decided,
    DecisionSession,
    DeferralReason,
    Deferred,
)
from sdm_aid.wizard import steps
from sdm_ui.steps import Commit, EntryError, StepView
from sdm_ui.sure_view import sure_questions
from sdm_ui.text import html_text, md_escape

DECIDE, DEFER = "decide", "defer"
AGREE, DISAGREE, UNSURE = "agree", "disagree", "unsure"


def render(view: StepView) -> Commit | None:
    session, t = view.session, view.t
    outcome = session.outcome
    mode = st.radio(
        t("What do you do now?"),
        options=[DECIDE, DEFER],
        format_func=lambda m: t("We choose now") if m == DECIDE else t("We choose later"),
        horizontal=True,
        key=view.seeded(
            view.key("mode"), None if outcome is None else (DECIDE if outcome.kind == "decided" else DEFER)
        ),
    )
    commit: Commit | None = None
    if mode == DECIDE:
        commit = _decide(view, outcome if isinstance(outcome, Decided) else None)
    elif mode == DEFER:
        commit = _defer(view, outcome if isinstance(outcome, Deferred) else None)

    st.divider()
    html_text(t("Four short questions for each of you"), tag="p", css_class="sdm-h")
    people = steps.family(session)
    for tab, person in zip(st.tabs([md_escape(p.label) for p in people]), people, strict=True):
        with tab:
            sure_questions(view, person, "after")
    return commit


def _decide(view: StepView, saved: Decided | None) -> Commit:
    t = view.t
    option_id = st.radio(
        t("Which option do you choose?"),
        options=[o.id for o in view.grid.options],
        format_func=lambda oid: md_escape(view.option_label(oid)),
        key=view.seeded(view.key("option"), saved.option_id if saved else None),
    )
    people = [p for p in view.session.participants if p.role.value in ("youth", "parent")]
    votes: dict[str, str | None] = {}
    for person in people:
        initial = None
        if saved is not None:
            initial = (
                AGREE if person.id in saved.agree else DISAGREE if person.id in saved.disagree else UNSURE
            )
        votes[person.id] = st.radio(
            md_escape(t("Does {name} agree with this choice?", name=person.label)),
            options=[AGREE, DISAGREE, UNSURE],
            format_func=lambda v: {AGREE: t("Agrees"), DISAGREE: t("Does not agree"), UNSURE: t("Not sure")}[
                v
            ],
            horizontal=True,
            key=view.seeded(view.key("agree", person.id), initial),
        )

    def commit(session: DecisionSession, now: datetime) -> None:
        if option_id is None:
            raise EntryError(t("Please choose an option, or choose 'We choose later'."))
        agree = [pid for pid, v in votes.items() if v == AGREE]
        disagree = [pid for pid, v in votes.items() if v == DISAGREE]
        current = session.outcome
        if isinstance(current, Decided) and (current.option_id, current.agree, current.disagree) == (
            option_id,
            agree,
            disagree,
        ):
            return
        rules.record_decision(
            session, view.grid, option_id=option_id, agree=agree, disagree=disagree, now=now
        )

    return commit


def _defer(view: StepView, saved: Deferred | None) -> Commit:
    t = view.t
    reason = st.selectbox(
        t("Why do you choose later?"),
        options=list(DeferralReason),
        format_func=lambda r: labels.deferral_reason_label(r, view.lt),
        key=view.seeded(view.key("reason"), saved.reason if saved else None),
        placeholder=t("Choose a reason"),
    )
    details = st.text_area(
        t("Tell a bit more (optional; needed for 'another reason')"),
        max_chars=MAX_LONG_ENTRY,
        key=view.seeded(view.key("details"), saved.details if saved else ""),
        height=80,
    )
    still_needed = st.text_area(
        t("What do you still need before you can choose?"),
        max_chars=MAX_LONG_ENTRY,
        key=view.seeded(view.key("needed"), saved.still_needed if saved else ""),
        height=80,
    )
    st.caption(t("Choosing later is fine. In the last step you plan when you talk again."))

    def commit(session: DecisionSession, now: datetime) -> None:
        if reason is None:
            raise EntryError(t("Please choose why you choose later."))
        current = session.outcome
        wanted = (reason, details.strip(), still_needed.strip())
        if (
            isinstance(current, Deferred)
            and (current.reason, current.details, current.still_needed) == wanted
        ):
            return
        rules.defer_decision(session, reason=reason, details=details, still_needed=still_needed, now=now)

    return commit
