"""Who takes part, and where: for the person who started the conversation (the tablet).

Shows how far each person is with their own questions (never what they answered), and lets
the tablet invite a person to answer on their own phone (a personal code, shown large and
as a QR code to the start page: the code itself is never in a URL), take a code back, add a
parent or carer who joins later, or let one stop taking part (their answers stay).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from html import escape

import streamlit as st

from sdm_aid.content.models import OptionGrid
from sdm_aid.i18n import Translator
from sdm_aid.render import qr
from sdm_aid.sessions import labels
from sdm_aid.sessions.models import MAX_PARENTS, DecisionSession, Role
from sdm_aid.usecases import family
from sdm_aid.wizard import step_registry, texts, turns
from sdm_ui import feedback, guard, services, state
from sdm_ui.frame import PageContext
from sdm_ui.text import html_text, md_escape

NEW_CODE = "sdm.people.code"
"""{'pid': participant id, 'code': the personal code}: shown until 'Done'."""
RESULT = "sdm.people.result"
CONFIRM_REMOVE = "sdm.people.confirm"
NEW_LABEL = "sdm.people.new_label"
TABLE_CSS = (
    "<style>.sdm-people{border-collapse:collapse;width:100%}.sdm-people th,.sdm-people td"
    "{border-bottom:1px solid #cfd8dc;padding:.4rem .5rem;text-align:left;vertical-align:top}</style>"
)


def _take(result: family.PeopleResult) -> None:
    """Keep the outcome for the screen; the tablet's copy follows the stored one when nothing
    on it is unsaved (otherwise its next save merges)."""
    st.session_state[RESULT] = result
    if result.session is not None and state.base() is state.draft():
        state.set_draft(result.session, stored=True, fresh_widgets=True)


def _session_id() -> uuid.UUID | None:
    draft = state.draft()
    return draft.id if draft is not None else None


@guard.callback
def _invite(pid: str) -> None:
    session_id = _session_id()
    if session_id is None:
        return
    result = family.invite(services.session_service(), session_id, pid)
    _take(result)
    if result.code is not None:
        st.session_state[NEW_CODE] = {"pid": pid, "code": result.code}


@guard.callback
def _revoke(pid: str) -> None:
    session_id = _session_id()
    if session_id is not None:
        _take(family.revoke_invitation(services.session_service(), session_id, pid))
        st.session_state.pop(NEW_CODE, None)


@guard.callback
def _ask_remove(pid: str | None) -> None:
    st.session_state[CONFIRM_REMOVE] = pid


@guard.callback
def _remove(pid: str) -> None:
    session_id = _session_id()
    st.session_state.pop(CONFIRM_REMOVE, None)
    if session_id is not None:
        _take(family.remove_participant(services.session_service(), session_id, pid, now=datetime.now(UTC)))


@guard.callback
def _add() -> None:
    session_id = _session_id()
    if session_id is None:
        return
    label = str(st.session_state.get(NEW_LABEL) or "")
    result = family.add_participant(
        services.session_service(), session_id, label=label, now=datetime.now(UTC)
    )
    _take(result)
    if result.session is not None:
        st.session_state[NEW_LABEL] = ""


@guard.callback
def _hide_code() -> None:
    st.session_state.pop(NEW_CODE, None)


def panel(ctx: PageContext, session: DecisionSession, grid: OptionGrid) -> None:
    """The 'who takes part' panel (open while a new code is on screen)."""
    t = ctx.t
    shown = st.session_state.get(NEW_CODE)
    with st.expander(t("Who takes part, and where"), icon=":material/groups:", expanded=bool(shown)):
        if isinstance(shown, dict):
            _code(t, session, shown)
        _outcome(t)
        _overview(t, session, grid)
        _actions(t, session)


def _code(t: Translator, session: DecisionSession, shown: dict[str, str]) -> None:
    known = {p.id: p for p in session.participants}
    person = known.get(shown.get("pid", ""))
    code = shown.get("code", "")
    if person is None or not code:
        return
    settings = services.settings()
    url = settings.public_url + "/" if settings.public_url else qr.start_page_url(st.context.url or "")
    with st.container(border=True, key="sdm-invitation"):
        html_text(t("Personal code for {name}", name=person.label), tag="h2", css_class="sdm-title")
        html_text(code, css_class="sdm-code")
        st.markdown(
            md_escape(
                t(
                    "{name}: open {address} on your phone (or scan the QR code), choose 'Continue with a "
                    "code' and type this code. It works for {days} days. Keep it to yourself.",
                    name=person.label,
                    address=url,
                    days=settings.resume_code_days,
                )
            )
        )
        title = t("QR code to the start page of the decision aid (the code is not in it)")
        st.html(qr.qr_img(url, alt=title))
        st.button(
            t("Done: hide the code"),
            key="sdm.people.hide",
            on_click=_hide_code,
            icon=":material/visibility_off:",
        )


def _outcome(t: Translator) -> None:
    result = st.session_state.pop(RESULT, None)
    if not isinstance(result, family.PeopleResult):
        return
    if result.issue is not None:
        feedback.show_issue(t, result.issue)
    elif result.refusal is not None:
        st.error(labels.rule_error_message(result.refusal, labels.translator(t.language)))
    elif result.problem is not None:
        feedback.storage_down(t)


def _overview(t: Translator, session: DecisionSession, grid: OptionGrid) -> None:
    """How far each person is: done, partly, not yet (what they answered is never shown)."""
    lt = labels.translator(t.language)
    done = turns.progress(session, grid)
    steps = step_registry.per_person_steps()
    head = "".join(f"<th scope='col'>{escape(labels.element_name(s.element, lt))}</th>" for s in steps)
    rows = []
    for person in session.family:
        where = t("own device") if person.own_device else t("this tablet")
        cells = "".join(f"<td>{escape(t(texts.PROGRESS_TEXT[done[person.id][s.id]]))}</td>" for s in steps)
        after = ""
        if session.conversation_done_at is not None:
            after = f"<td>{escape(t(texts.PROGRESS_TEXT[turns.after_progress(session, person.id)]))}</td>"
        name = f"{escape(person.label)}<br><small>{escape(where)}</small>"
        rows.append(f"<tr><th scope='row'>{name}</th>{cells}{after}</tr>")
    after_text, who = escape(t("After the conversation")), escape(t("Who"))
    after_head = f"<th scope='col'>{after_text}</th>" if session.conversation_done_at else ""
    caption = escape(t("How far each person is. What they answered is not shown here."))
    st.html(
        f"{TABLE_CSS}<div style='overflow-x:auto'><table class='sdm-people'><caption class='sdm-muted'>"
        f"{caption}</caption><thead><tr><th scope='col'>{who}</th>{head}{after_head}</tr>"
        f"</thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def _actions(t: Translator, session: DecisionSession) -> None:
    confirm = st.session_state.get(CONFIRM_REMOVE)
    for person in session.family:
        with st.container(horizontal=True, key=f"sdm-people-{person.id}"):
            if person.own_device:
                st.button(
                    md_escape(t("Take back the code of {name}", name=person.label)),
                    key=f"sdm.people.revoke.{person.id}",
                    on_click=_revoke,
                    args=(person.id,),
                    icon=":material/phonelink_erase:",
                )
            else:
                st.button(
                    md_escape(t("{name} answers on their own phone", name=person.label)),
                    key=f"sdm.people.invite.{person.id}",
                    on_click=_invite,
                    args=(person.id,),
                    icon=":material/smartphone:",
                )
            if person.role == Role.PARENT:
                st.button(
                    md_escape(t("{name} stops taking part", name=person.label)),
                    key=f"sdm.people.remove.{person.id}",
                    on_click=_ask_remove,
                    args=(person.id,),
                    icon=":material/person_remove:",
                )
        if confirm == person.id:
            with st.container(border=True):
                st.warning(
                    md_escape(
                        t(
                            "{name} will not be asked anything any more. What {name} answered stays in the "
                            "summary for the clinician.",
                            name=person.label,
                        )
                    )
                )
                yes, no = st.columns(2)
                yes.button(
                    t("Yes, stop"),
                    key="sdm.people.remove.yes",
                    on_click=_remove,
                    args=(person.id,),
                    type="primary",
                )
                no.button(t("Cancel"), key="sdm.people.remove.no", on_click=_ask_remove, args=(None,))
    if sum(p.role == Role.PARENT for p in session.family) < MAX_PARENTS:
        html_text(t("A parent or carer joins"), tag="p", css_class="sdm-h")
        st.text_input(t("Name or nickname"), key=NEW_LABEL, autocomplete="off")
        st.button(t("Add"), key="sdm.people.add", on_click=_add, icon=":material/person_add:")
