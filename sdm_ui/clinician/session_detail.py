"""One session for the clinician: the clinician copy of the summary, downloads, the follow-up
outcome, revisiting the decision, planning a new follow-up, erasing, and the access log.

The session is read fresh from the database on every run. Changes are made on a copy of the
version the clinician was looking at and saved with `SessionService.save`, so a change made
elsewhere in the meantime is refused (never silently overwritten). The changes themselves go
through `sdm_aid.sessions.rules`, which keeps the earlier decision and follow-up in history.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from datetime import time, timedelta
from html import escape

import pandas as pd
import streamlit as st

from sdm_aid.clinician import listing, texts
from sdm_aid.clinician.actions import ClinicianAction, access_action
from sdm_aid.clinician.top_card import TopCard, top_card
from sdm_aid.content.models import OptionGrid
from sdm_aid.render.summary import build_summary
from sdm_aid.services.clinicians import AccessAction
from sdm_aid.sessions import ics, labels, rules
from sdm_aid.sessions.models import (
    MAX_FOLLOW_UP_MINUTES,
    MAX_LONG_ENTRY,
    MAX_SHORT_ENTRY,
    MIN_FOLLOW_UP_MINUTES,
    SESSION_TIMEZONE,
    DecisionSession,
    DeferralReason,
    FollowUpMode,
    FollowUpStatus,
)
from sdm_aid.storage import SessionNotFoundError, StorageError
from sdm_aid.usecases import clinician
from sdm_aid.wizard import registry
from sdm_ui import auth, services
from sdm_ui.clinician import clock
from sdm_ui.clinician import services as clinician_services
from sdm_ui.clinician.frame import ClinicianContext
from sdm_ui.clinician.session_list import LIST_NOTICE, SELECTED
from sdm_ui.clinician.summary_view import pdf_maker, session_grid, show_summary
from sdm_ui.text import html_text

VIEWED = "clin.viewed"
"""The version of the session on screen: the base of every change (optimistic concurrency)."""
OPENED = "clin.opened"
RESULT = "clin.result"
CONFIRM_ERASE = "clin.confirm_erase"
CHANGED = "clin.changed_elsewhere"
NO_SINGLE_OPTION = "_none"
"""The advice 'no single option: to be discussed together' (never an option id: '_')."""


def _action_text(ct, action: str) -> str:
    try:
        return ct(texts.ACTION_TEXT[AccessAction(action)])
    except (ValueError, KeyError):
        return action


CONFLICT = (
    "Someone else changed this session in the meantime, so nothing was saved and nothing was "
    "overwritten. What changed is listed below; the page now shows the latest version. What you "
    "typed is still in the form: save it again to add your change to the latest version."
)


# -- state helpers ---------------------------------------------------------------------------


def _result(kind: str, text: str) -> None:
    st.session_state[RESULT] = (kind, text)


def _show_result() -> None:
    value = st.session_state.pop(RESULT, None)
    if isinstance(value, tuple) and len(value) == 2:
        kind, text = value
        {"success": st.success, "error": st.error, "warning": st.warning}.get(kind, st.info)(text)


def _viewed() -> DecisionSession | None:
    value = st.session_state.get(VIEWED)
    return value.model_copy(deep=True) if isinstance(value, DecisionSession) else None


def _save(
    ctx: ClinicianContext,
    change: Callable[[DecisionSession, str], clinician.ChangeResult],
    done_text: str,
    form_keys: tuple[str, ...],
) -> None:
    """Make one change (a use case) to the version on screen and say how it went.

    Only while the login holds: this runs in a button callback, before the page checks the
    login; after it ran out nothing is saved, and the page then shows the login form. The
    form keeps what was typed unless the change is saved."""
    ct = ctx.ct
    login = auth.active_login()
    seen = _viewed()
    if login is None or seen is None:
        return
    result = change(seen, login.username)
    if result.refusal is not None:
        _result("error", labels.rule_error_message(result.refusal, labels.translator(ctx.language)))
    elif result.problem == clinician.ChangeProblem.CHANGED_ELSEWHERE:
        _result("error", ct(CONFLICT))
        lt = labels.translator(ctx.language)
        grid = session_grid(seen.grid)
        st.session_state[CHANGED] = [
            (
                labels.difference_label(d, seen, grid.grid, lt) if grid else d.key,
                labels.stored_value_text(d.theirs, lt),
                labels.stored_value_text(d.mine, lt),
            )
            for d in result.changed_elsewhere
        ]
    elif result.problem == clinician.ChangeProblem.ERASED:
        _result("error", ct("This session does not exist any more."))
    elif result.problem is not None:
        _result(
            "error", ct("Saving does not work right now: the database cannot be reached. Nothing was saved.")
        )
    else:
        for key in form_keys:  # saved: the form starts empty again
            st.session_state.pop(key, None)
        _result("success", done_text)


def _changed_elsewhere(ctx: ClinicianContext) -> None:
    """After a refused change: what someone else changed, seen version against the latest."""
    changed = st.session_state.pop(CHANGED, None)
    if not changed:
        return
    ct = ctx.ct
    frame = pd.DataFrame(
        {
            ct("What"): [what for what, _, _ in changed],
            ct("Before"): [before for _, before, _ in changed],
            ct("Now"): [now for _, _, now in changed],
        }
    )
    st.dataframe(frame, hide_index=True, width="stretch", key="clin.changed")


# -- actions (button callbacks: they run before the page, with the version seen last) -----


def _record_outcome(ctx: ClinicianContext) -> None:
    status = st.session_state.get("clin.outcome.status")
    note = st.session_state.get("clin.outcome.note") or ""
    _save(
        ctx,
        lambda seen, by: clinician.record_follow_up_outcome(
            services.session_service(), seen, by=by, status=FollowUpStatus(status), note=note, now=clock.now()
        ),
        ctx.ct("Saved how the follow-up went."),
        ("clin.outcome.status", "clin.outcome.note"),
    )


def _decide(ctx: ClinicianContext, grid: OptionGrid) -> None:
    option_id = st.session_state.get("clin.decide.option")
    agree = list(st.session_state.get("clin.decide.agree") or [])
    disagree = list(st.session_state.get("clin.decide.disagree") or [])
    unsure = list(st.session_state.get("clin.decide.unsure") or [])
    if not option_id:
        _result("error", ctx.ct("Please choose an option."))
        return
    _save(
        ctx,
        lambda seen, by: clinician.revisit_decision(
            services.session_service(),
            seen,
            grid,
            by=by,
            option_id=option_id,
            agree=agree,
            disagree=disagree,
            unsure=unsure,
            now=clock.now(),
        ),
        ctx.ct("The new decision is saved. The earlier one is kept in the history."),
        ("clin.decide.option", "clin.decide.agree", "clin.decide.disagree", "clin.decide.unsure"),
    )


def _defer(ctx: ClinicianContext) -> None:
    reason = st.session_state.get("clin.defer.reason")
    details = st.session_state.get("clin.defer.details") or ""
    still_needed = st.session_state.get("clin.defer.still_needed") or ""
    _save(
        ctx,
        lambda seen, by: clinician.defer_again(
            services.session_service(),
            seen,
            by=by,
            reason=DeferralReason(reason),
            details=details,
            still_needed=still_needed,
            now=clock.now(),
        ),
        ctx.ct("The decision is put off again. The earlier decision is kept in the history."),
        ("clin.defer.reason", "clin.defer.details", "clin.defer.still_needed"),
    )


def _plan(ctx: ClinicianContext) -> None:
    day = st.session_state.get("clin.plan.date")
    moment = st.session_state.get("clin.plan.time")
    if day is None or moment is None:
        _result("error", ctx.ct("Please choose a date and a time."))
        return
    _save(
        ctx,
        lambda seen, by: clinician.plan_follow_up(
            services.session_service(),
            seen,
            by=by,
            local_date=day,
            local_time=moment,
            duration_minutes=int(st.session_state.get("clin.plan.minutes") or 30),
            with_whom=st.session_state.get("clin.plan.with") or "",
            mode=FollowUpMode(st.session_state.get("clin.plan.mode") or FollowUpMode.IN_PERSON),
            purpose=st.session_state.get("clin.plan.purpose") or "",
            now=clock.now(),
        ),
        ctx.ct("The new follow-up is planned."),
        (
            "clin.plan.date",
            "clin.plan.time",
            "clin.plan.minutes",
            "clin.plan.with",
            "clin.plan.mode",
            "clin.plan.purpose",
        ),
    )


def _record_advice(ctx: ClinicianContext, grid: OptionGrid) -> None:
    choice = st.session_state.get("clin.advice.option")
    if choice is None:
        _result("error", ctx.ct("Please choose an option, or 'no single option'."))
        return
    reasons = st.session_state.get("clin.advice.reasons") or ""
    _save(
        ctx,
        lambda seen, by: clinician.record_recommendation(
            services.session_service(),
            seen,
            grid,
            by=by,
            option_id=None if choice == NO_SINGLE_OPTION else choice,
            reasons=reasons,
            now=clock.now(),
        ),
        ctx.ct("The advice is saved. The family sees it in the session and the summary."),
        ("clin.advice.option", "clin.advice.reasons"),
    )


def _conversation_done(ctx: ClinicianContext) -> None:
    _save(
        ctx,
        lambda seen, by: clinician.mark_conversation_done(
            services.session_service(), seen, by=by, now=clock.now()
        ),
        ctx.ct("Saved. The family now gets the four questions for after the conversation."),
        (),
    )


def _ask_erase(session_id: str) -> None:
    st.session_state[CONFIRM_ERASE] = session_id


def _cancel_erase() -> None:
    st.session_state.pop(CONFIRM_ERASE, None)


def _forget_session() -> None:
    for key in (SELECTED, VIEWED, OPENED, CONFIRM_ERASE, RESULT):
        st.session_state.pop(key, None)


# -- page parts --------------------------------------------------------------------------------


def _downloads(ctx: ClinicianContext, session: DecisionSession, grid: OptionGrid) -> None:
    ct = ctx.ct
    log = clinician_services.access_log()
    username, session_id = ctx.login.username, session.id
    stem = f"sdm-{listing.short_id(session.id)}"

    def logger(action: ClinicianAction) -> Callable[[], None]:
        logged = access_action(action)
        assert logged is not None
        return lambda: log.record(username, session_id, logged)

    def while_logged_in(make: Callable[[], bytes]) -> Callable[[], bytes]:
        # Made on click, in a worker thread without the page: check the login as it was drawn.
        def guarded() -> bytes:
            if not auth.still_active(ctx.login):
                raise PermissionError("the clinician's login ran out before the download")
            return make()

        return guarded

    def calendar() -> bytes:
        assert session.follow_up is not None
        data = ics.follow_up_calendar(session, session.follow_up, session.language)
        logger(ClinicianAction.DOWNLOAD_CALENDAR)()
        return data

    def export() -> bytes:
        document = services.session_service().export(str(session_id))
        data = json.dumps(document, ensure_ascii=False, indent=2).encode()
        logger(ClinicianAction.EXPORT_JSON)()
        return data

    with st.container(horizontal=True, key="clin.downloads"):
        st.download_button(
            ct("Summary for the clinician (PDF)"),
            data=while_logged_in(
                pdf_maker(session, grid, "clinician", clock.now, after=logger(ClinicianAction.DOWNLOAD_PDF))
            ),
            file_name=stem + "-" + ct("clinician") + ".pdf",
            mime="application/pdf",
            on_click="ignore",
            type="primary",
            icon=":material/picture_as_pdf:",
            key="clin.dl.pdf",
        )
        if session.follow_up is not None:
            st.download_button(
                ct("Calendar file (.ics)"),
                data=while_logged_in(calendar),
                file_name=f"{stem}.ics",
                mime="text/calendar",
                on_click="ignore",
                icon=":material/event:",
                key="clin.dl.ics",
            )
        st.download_button(
            ct("Export (JSON)"),
            data=while_logged_in(export),
            file_name=f"{stem}.json",
            mime="application/json",
            on_click="ignore",
            icon=":material/data_object:",
            key="clin.dl.json",
            help=ct("The whole session as a file, for the clinic's records. For clinicians only."),
        )


def _top_card_html(ctx: ClinicianContext, card: TopCard) -> str:
    """The top card as one element (escaped here, once): the same element count on every run,
    so the tabs below keep their place (and the tab that is open) after a save."""
    ct = ctx.ct

    def e(text: str) -> str:
        return escape(text)

    def row(label: str, value: str, css: str = "") -> str:
        css_class = f' class="{css}"' if css else ""
        return f"<dt>{e(label)}</dt><dd{css_class}>{value}</dd>"

    def people(names: tuple[str, ...]) -> str:
        return e(", ".join(names)) if names else "–"

    rows = []
    if card.outcome == "decided":
        head = ct("Decision: {option}", option=card.chosen or "–")
        rows.append(row(ct("Agree"), people(card.agree)))
        rows.append(row(ct("Not sure"), people(card.unsure), "sdm-tc-warn" if card.unsure else ""))
        rows.append(row(ct("Do not agree"), people(card.disagree), "sdm-tc-alert" if card.disagree else ""))
    elif card.outcome == "deferred":
        head = ct("Decision put off: {reason}", reason=card.deferral_reason or "–")
        rows.append(row(ct("What is still needed"), e(card.still_needed) if card.still_needed else "–"))
    else:
        head = ct("No decision yet")
    sure = "<br>".join(
        e(
            ct(
                "{name}: {before} → {after} of 4",
                name=line.name,
                before="–" if line.before is None else str(line.before),
                after="–" if line.after is None else str(line.after),
            )
        )
        for line in card.sure
    )
    rows.append(row(ct("SURE before → after"), sure or "–"))
    private = "<br>".join(e(f"{line.name}: {', '.join(line.parts)}") for line in card.private)
    rows.append(row(ct("Private answers"), private or "–", "sdm-tc-warn" if private else ""))
    if card.peer_guided or card.peer_note:
        note = e(card.peer_note) if card.peer_note else e(ct("The peer worker wrote no hand-off note."))
        rows.append(row(ct("Peer worker's note"), note, "sdm-tc-note"))
    if card.follow_up_at is None:
        follow_up = e(ct("No follow-up is planned."))
    else:
        follow_up = e(listing.moment_text(card.follow_up_at, ctx.language))
        if card.days_overdue is not None:
            overdue = ct("{days} days overdue", days=card.days_overdue)
            follow_up += f' <span class="sdm-badge sdm-overdue">{e(overdue)}</span>'
        elif card.follow_up_state is not None:
            state = labels.follow_up_state_label(card.follow_up_state, labels.translator(ctx.language))
            follow_up += f' <span class="sdm-badge sdm-closed">{e(state)}</span>'
    rows.append(row(ct("Follow-up"), follow_up))
    label = ct("At a glance")
    return (
        f'<section class="sdm-topcard" aria-label="{e(label)}">'
        f'<p class="sdm-tc-head">{e(head)}</p><dl>{"".join(rows)}</dl></section>'
    )


def _participant_name(session: DecisionSession, ctx: ClinicianContext) -> Callable[[str], str]:
    lt = labels.translator(ctx.language)

    def name(participant_id: str) -> str:
        # Multiselect options are shown as plain text: no Markdown escapes (they would show).
        participant = session.participant(participant_id)
        return f"{participant.label} ({labels.role_label(participant.role, lt)})"

    return name


def _follow_up_part(ctx: ClinicianContext, session: DecisionSession) -> None:
    ct = ctx.ct
    lt = labels.translator(ctx.language)
    html_text(ct("Follow-up"), tag="h2", css_class="sdm-h")
    follow_up = session.follow_up
    if follow_up is None:
        st.info(ct("No follow-up is planned."))
        return
    state = rules.follow_up_state(follow_up, clock.now())
    html_text(
        ct(
            "{moment} · {state}",
            moment=listing.moment_text(follow_up.starts_at, ctx.language),
            state=labels.follow_up_state_label(state, lt),
        ),
        css_class="sdm-cell",
    )
    if follow_up.status != FollowUpStatus.PLANNED:
        st.caption(ct("How this follow-up went is recorded. Plan a new follow-up if needed."))
        return
    if clock.now() < follow_up.starts_at:
        st.caption(ct("You can record how it went once the follow-up has started."))
        return
    with st.form("clin.outcome", clear_on_submit=False):
        st.radio(
            ct("Did the follow-up take place?"),
            [FollowUpStatus.DONE, FollowUpStatus.MISSED],
            format_func=lambda s: labels.follow_up_status_label(s, lt),
            horizontal=True,
            key="clin.outcome.status",
        )
        st.text_area(ct("Note (what came out of it)"), max_chars=MAX_LONG_ENTRY, key="clin.outcome.note")
        st.form_submit_button(
            ct("Save how the follow-up went"),
            type="primary",
            on_click=_record_outcome,
            args=(ctx,),
            key="clin.outcome.submit",
        )


def _conversation_part(ctx: ClinicianContext, session: DecisionSession, grid: OptionGrid) -> None:
    """After the conversation: mark it held (the family then gets the 'after' questions),
    record the advice and why, and see each person's SURE test before and after."""
    ct = ctx.ct
    lt = labels.translator(ctx.language)
    html_text(ct("The conversation"), tag="h2", css_class="sdm-h")
    if session.conversation_done_at is None:
        st.caption(
            ct("When you have talked with the family, mark it here: they then get four short questions.")
        )
        st.button(
            ct("The conversation has taken place"),
            type="primary",
            key="clin.conversation.done",
            on_click=_conversation_done,
            args=(ctx,),
            icon=":material/task_alt:",
        )
    else:
        st.success(
            ct(
                "The conversation took place on {moment}.",
                moment=listing.moment_text(session.conversation_done_at, ctx.language),
            ),
            icon=":material/task_alt:",
        )
    html_text(ct("Your advice"), tag="h2", css_class="sdm-h")
    advice = session.recommendation
    options = {o.id: o.label.get(ctx.language) for o in grid.options} | {
        NO_SINGLE_OPTION: ct("No single option: to be discussed together")
    }
    if advice is not None:
        chosen = options.get(advice.option_id or NO_SINGLE_OPTION, "–")
        html_text(ct("Recorded: {option}", option=chosen), css_class="sdm-cell")
        if advice.reasons:
            html_text(advice.reasons, css_class="sdm-cell")
    tip = session.peer_worker_tip
    if tip is not None:
        chosen = options.get(tip.option_id or NO_SINGLE_OPTION, "–")
        st.caption(ct("Tip from the peer worker (not your advice): {option}", option=chosen))
    with st.form("clin.advice", clear_on_submit=False):
        st.radio(
            ct("What do you advise?"),
            list(options),
            format_func=options.__getitem__,
            index=None,
            key="clin.advice.option",
        )
        st.text_area(
            ct("Why (in plain words, for the family)"), max_chars=MAX_LONG_ENTRY, key="clin.advice.reasons"
        )
        st.form_submit_button(
            ct("Save the advice"),
            type="primary",
            on_click=_record_advice,
            args=(ctx, grid),
            key="clin.advice.submit",
        )
    html_text(ct("How sure each person feels (SURE test)"), tag="h2", css_class="sdm-h")
    before, after = labels.sure_moment_label("before", lt), labels.sure_moment_label("after", lt)
    rows = []
    for person in session.family:
        result = session.sure.get(person.id)
        scores = [getattr(result, moment, None) if result else None for moment in ("before", "after")]
        cells = "".join(f"<td>{'–' if s is None else f'{s.score}/4'}</td>" for s in scores)
        rows.append(f"<tr><th scope='row'>{escape(person.label)}</th>{cells}</tr>")
    who = escape(ct("Who"))
    st.html(
        "<table class='sdm-grid'><thead><tr>"
        f"<th scope='col'>{who}</th><th scope='col'>{escape(before)}</th><th scope='col'>{escape(after)}</th>"
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _decision_part(ctx: ClinicianContext, session: DecisionSession, grid: OptionGrid) -> None:
    ct = ctx.ct
    lt = labels.translator(ctx.language)
    html_text(ct("Revisit the decision"), tag="h2", css_class="sdm-h")
    st.caption(
        ct("A new decision or a new deferral replaces the current one; the earlier one stays in the history.")
    )
    people = [p.id for p in session.family]  # a peer worker guides; the family decides
    name = _participant_name(session, ctx)
    options = {o.id: o.label.get(ctx.language) for o in grid.options}
    choose, put_off = st.columns(2)
    with choose, st.form("clin.decide", clear_on_submit=False):
        html_text(ct("A new decision"), css_class="sdm-head")
        st.selectbox(
            ct("Chosen option"),
            list(options),
            index=None,
            format_func=options.__getitem__,  # selectbox options are plain text
            key="clin.decide.option",
            placeholder=ct("Choose an option"),
        )
        st.multiselect(ct("Who agrees"), people, format_func=name, key="clin.decide.agree")
        st.multiselect(ct("Who does not agree"), people, format_func=name, key="clin.decide.disagree")
        st.multiselect(ct("Who is not sure"), people, format_func=name, key="clin.decide.unsure")
        st.form_submit_button(
            ct("Save the new decision"),
            type="primary",
            on_click=_decide,
            args=(ctx, grid),
            key="clin.decide.submit",
        )
    with put_off, st.form("clin.defer", clear_on_submit=False):
        html_text(ct("Put the decision off again"), css_class="sdm-head")
        st.selectbox(
            ct("Reason"),
            list(DeferralReason),
            format_func=lambda r: labels.deferral_reason_label(r, lt),
            key="clin.defer.reason",
        )
        st.text_area(ct("More about the reason"), max_chars=MAX_LONG_ENTRY, key="clin.defer.details")
        st.text_area(ct("What is still needed"), max_chars=MAX_LONG_ENTRY, key="clin.defer.still_needed")
        st.form_submit_button(ct("Save the deferral"), on_click=_defer, args=(ctx,), key="clin.defer.submit")


def _plan_part(ctx: ClinicianContext) -> None:
    ct = ctx.ct
    lt = labels.translator(ctx.language)
    html_text(ct("Plan a new follow-up"), tag="h2", css_class="sdm-h")
    today = clock.now().astimezone(SESSION_TIMEZONE).date()
    with st.form("clin.plan", clear_on_submit=False):
        first, second, third = st.columns(3)
        first.date_input(
            ct("Date (day-month-year)"),
            value=today + timedelta(days=14),
            min_value=today,
            format="DD-MM-YYYY",
            key="clin.plan.date",
        )
        second.time_input(ct("Time"), value=time(10, 0), step=timedelta(minutes=15), key="clin.plan.time")
        third.number_input(
            ct("Minutes"),
            min_value=MIN_FOLLOW_UP_MINUTES,
            max_value=MAX_FOLLOW_UP_MINUTES,
            value=30,
            step=5,
            key="clin.plan.minutes",
        )
        fourth, fifth = st.columns(2)
        fourth.text_input(ct("With whom"), max_chars=MAX_SHORT_ENTRY, key="clin.plan.with")
        fifth.selectbox(
            ct("How"),
            list(FollowUpMode),
            format_func=lambda m: labels.follow_up_mode_label(m, lt),
            key="clin.plan.mode",
        )
        st.text_area(ct("What for"), max_chars=MAX_LONG_ENTRY, key="clin.plan.purpose")
        st.caption(ct("Dutch time (Europe/Amsterdam)."))
        st.form_submit_button(
            ct("Plan this follow-up"), type="primary", on_click=_plan, args=(ctx,), key="clin.plan.submit"
        )


def _access_log_part(ctx: ClinicianContext, session_id: uuid.UUID) -> None:
    ct = ctx.ct
    html_text(ct("Who opened or changed this session"), tag="h2", css_class="sdm-h")
    st.caption(ct("The access log says who did what, and when. It holds nothing of what was said."))
    try:
        entries = clinician_services.access_log().entries(session_id=session_id, limit=200)
    except StorageError:
        st.error(ct("The access log cannot be read right now."))
        return
    frame = pd.DataFrame(
        {
            ct("When"): [listing.moment_text(e.at, ctx.language) for e in entries],
            ct("Who"): [e.username for e in entries],
            ct("What"): [_action_text(ct, e.action) for e in entries],
        }
    )
    st.dataframe(frame, hide_index=True, width="stretch", key="clin.log")
    st.button(ct("Refresh"), key="clin.log.refresh", icon=":material/refresh:")  # a rerun reads it again


def _erase_part(ctx: ClinicianContext, session: DecisionSession) -> None:
    ct = ctx.ct
    html_text(ct("Erase this session"), tag="h2", css_class="sdm-h")
    st.caption(
        ct(
            "Erasing removes the session and its code for good. Only a line in the access log stays: "
            "that it was erased, by whom and when."
        )
    )
    st.button(
        ct("Erase this session…"),
        key="clin.erase.ask",
        icon=":material/delete_forever:",
        on_click=_ask_erase,
        args=(str(session.id),),
    )
    if st.session_state.get(CONFIRM_ERASE) == str(session.id):
        _confirm_erase(ctx, session)


def _confirm_erase(ctx: ClinicianContext, session: DecisionSession) -> None:
    ct = ctx.ct

    # Called on every run while the flag is set (so AppTest can drive it, see notes §2.5);
    # closing the dialog any other way clears the flag.
    @st.dialog(ct("Erase this session for good?"), on_dismiss=_cancel_erase)
    def confirm() -> None:
        st.warning(
            ct(
                "Session {id} will be erased. Its summary, answers and code cannot be brought back.",
                id=listing.short_id(session.id),
            )
        )
        yes, no = st.columns(2)
        if yes.button(
            ct("Yes, erase it"), type="primary", key="clin.erase.yes", icon=":material/delete_forever:"
        ):
            try:
                services.session_service().erase(session.id, by=ctx.login.username)
            except SessionNotFoundError:
                pass  # erased already (another tab): the outcome is the same
            except StorageError:
                st.error(
                    ct("Erasing does not work right now: the database cannot be reached. Nothing was erased.")
                )
                return
            _forget_session()
            st.session_state[LIST_NOTICE] = "erased"
            st.switch_page(registry.CLINICIAN_SESSIONS.file)
        no.button(ct("Cancel"), key="clin.erase.no", on_click=_cancel_erase)

    confirm()


def _no_selection(ctx: ClinicianContext, text: str) -> None:
    st.info(text)
    st.page_link(
        registry.CLINICIAN_SESSIONS.file, label=ctx.ct("To the list of sessions"), icon=":material/list:"
    )


def render(ctx: ClinicianContext) -> None:
    ct = ctx.ct
    selected = st.session_state.get(SELECTED)
    try:
        session_id = uuid.UUID(str(selected)) if selected else None
    except ValueError:
        session_id = None
    if session_id is None:
        _no_selection(ctx, ct("No session is chosen. Choose one in the list."))
        return
    first_look = st.session_state.get(OPENED) != str(session_id)
    try:
        # Read fresh on every run; the first time together with its 'opened' row (one transaction).
        if first_look:
            session = clinician.open_session(services.session_service(), session_id, by=ctx.login.username)
        else:
            session = services.session_service().load(session_id)
    except SessionNotFoundError:
        _forget_session()
        _no_selection(ctx, ct("This session does not exist any more."))
        return
    except StorageError:
        st.error(ct("The session cannot be read right now: the database cannot be reached. Try again later."))
        return
    st.session_state[OPENED] = str(session_id)
    st.session_state[VIEWED] = session

    loaded = session_grid(session.grid)
    lt = labels.translator(ctx.language)
    status = labels.session_status_label(rules.session_status(session), lt)
    html_text(
        ct("Session {id} · {status}", id=listing.short_id(session.id), status=status),
        tag="h1",
        css_class="sdm-title",
    )
    # Always there, empty or not: a message that comes and goes must not shift the tabs below
    # (shifted tabs are drawn anew and jump back to the first one, away from the form just used).
    with st.container(key="clin-messages"):
        _show_result()
        _changed_elsewhere(ctx)
    if loaded is None:
        st.error(
            ct(
                "The decision aid this session was made with is not installed in that version, so the "
                "summary cannot be shown. The administrator can restore it (see 'sdm-aid summary')."
            )
        )
        _access_log_part(ctx, session.id)
        _erase_part(ctx, session)
        return
    grid = loaded.grid
    card = top_card(session, grid, now=clock.now(), language=ctx.language)
    st.html(_top_card_html(ctx, card))
    _downloads(ctx, session, grid)
    summary_tab, conversation_tab, follow_up_tab, log_tab, erase_tab = st.tabs(
        [
            ct("Summary"),
            ct("Conversation and advice"),
            ct("Follow-up and decision"),
            ct("Access log"),
            ct("Erase"),
        ]
    )
    with summary_tab:
        show_summary(build_summary(session, grid, copy="clinician", generated_at=clock.now()))
    with conversation_tab:
        _conversation_part(ctx, session, grid)
    with follow_up_tab:
        _follow_up_part(ctx, session)
        _decision_part(ctx, session, grid)
        _plan_part(ctx)
    with log_tab:
        _access_log_part(ctx, session.id)
    with erase_tab:
        _erase_part(ctx, session)
