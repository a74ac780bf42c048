"""The wizard page: header, the step, what is missing, skip, Back and Next, saving."""

from __future__ import annotations

from datetime import UTC, datetime
from types import ModuleType

import streamlit as st

from sdm_aid.content.models import OptionGrid
from sdm_aid.elements import SdmElement
from sdm_aid.sessions import labels, rules
from sdm_aid.sessions.errors import SessionRuleError
from sdm_aid.sessions.models import MAX_SHORT_ENTRY, DecisionSession
from sdm_aid.wizard import prompts, registry, steps
from sdm_aid.wizard.inputs import check_skip_reason
from sdm_aid.wizard.steps import Missing, Problem
from sdm_ui import feedback, frame, page_scripts, saving, services, state
from sdm_ui.frame import PageContext
from sdm_ui.steps import (
    Commit,
    EntryError,
    StepView,
    ability,
    decide,
    follow_up,
    options,
    problem,
    pros_cons,
    recommendation,
    understanding,
    values,
)
from sdm_ui.text import html_text, md_escape

MODULES: dict[SdmElement, ModuleType] = {
    SdmElement.EXPLAIN_PROBLEM: problem,
    SdmElement.PRESENT_OPTIONS: options,
    SdmElement.PROS_AND_CONS: pros_cons,
    SdmElement.VALUES: values,
    SdmElement.ABILITY: ability,
    SdmElement.RECOMMENDATION: recommendation,
    SdmElement.UNDERSTANDING: understanding,
    SdmElement.DECIDE: decide,
    SdmElement.FOLLOW_UP: follow_up,
}
SHOW_MISSING = "sdm.show_missing"
MESSAGE = "sdm.step_message"
SCROLL_TOP = "sdm.scroll_top"
_SCROLL_TOP_JS = page_scripts.script_tag(page_scripts.SCROLL_TO_TOP)  # allowed by the CSP (its hash)

MISSING_TEXT = {
    Missing.IMPORTANCE: "{name}: please rate every point.",
    Missing.LEANING: "{name}: please choose an option, or 'not sure yet'.",
    Missing.CONFIDENCE: "{option}: please say how sure you are that you can do this.",
    Missing.RECOMMENDATION: "Please fill in the advice, or choose 'To discuss in the session'.",
    Missing.UNDERSTANDING: "{name}: please answer every statement.",
    Missing.OUTCOME: "Please choose an option, or choose to decide later.",
    Missing.SURE: "{name}: please answer the four short questions.",
    Missing.FOLLOW_UP: "Please plan the next appointment first.",
}


def no_session(ctx: PageContext) -> None:
    st.info(ctx.t("No conversation is open on this screen."), icon=":material/info:")
    if st.button(ctx.t("To the start"), type="primary"):
        frame.go(registry.START)


def render(ctx: PageContext) -> None:
    session = state.draft()
    if session is None:
        no_session(ctx)
        return
    loaded = services.grid(session.grid.id)
    if loaded is None or loaded.content_hash != session.grid.content_hash:
        # Only the exact grid text the family started with may be shown (and later summarised).
        st.error(
            ctx.t(
                "The decision aid of this conversation is not available right now. Please ask a staff member."
            )
        )
        return
    # A plain container, never an `st.empty()` slot: an empty slot is sent as an element at
    # the start of every run and replaces the step's block, so on a slow device the browser
    # drew the step anew after each answer (open tabs jumped back to the first person, a
    # click in that moment hit a discarded widget and was lost).
    with st.container():
        _draw(ctx, session, loaded.grid)


def _draw(ctx: PageContext, session: DecisionSession, grid: OptionGrid) -> None:
    element = steps.element_for_step(session.current_step)
    view = StepView(ctx=ctx, session=session, grid=grid, element=element, lt=labels.translator(ctx.language))

    # A new step starts at its heading, not where the finger was on the previous one. The
    # element is always there (empty when not scrolling) so the elements below keep their
    # positions: a shifted element is drawn anew, and open tabs would jump back to the first.
    scroll = st.session_state.pop(SCROLL_TOP, False)
    st.html(_SCROLL_TOP_JS if scroll else '<span class="sdm-top"></span>', unsafe_allow_javascript=scroll)
    _header(view)
    saving.problem_banner(ctx.t)
    message = st.session_state.pop(MESSAGE, None)
    if message:
        st.warning(md_escape(message), icon=":material/info:")
    _peer_prompt(view)
    commit = MODULES[element].render(view)
    st.divider()
    if st.session_state.get(SHOW_MISSING) == session.current_step:
        _show_missing(view)
    _actions(view, commit)
    saving.saved_line(ctx.t)


def _header(view: StepView) -> None:
    t, session = view.t, view.session
    html_text(labels.step_heading(view.element, view.lt), css_class="sdm-step")
    html_text(labels.element_name(view.element, view.lt), tag="h1", css_class="sdm-title")
    html_text(labels.element_why(view.element, view.lt), css_class="sdm-why")
    st.progress(steps.progress_fraction(session.current_step))
    code = state.resume_code()
    if code:
        with st.expander(t("Your code to continue later"), icon=":material/key:"):
            html_text(code, css_class="sdm-code")
            st.caption(
                t("With this code you can continue later, also on another device. Keep it to yourself.")
            )


def _peer_prompt(view: StepView) -> None:
    if not view.session.peer_worker_guides:
        return
    text, from_grid = prompts.peer_worker_prompt(view.grid, view.element, view.language)
    shown = text if from_grid else view.t(text)
    st.info(md_escape(view.t("For the peer worker: {prompt}", prompt=shown)), icon=":material/support_agent:")


def _show_missing(view: StepView) -> None:
    names = {p.id: p.label for p in view.session.participants}
    for item in steps.step_problems(view.session, view.grid, view.element):
        st.warning(md_escape(_missing_text(view, item, names)), icon=":material/edit_note:")


def _missing_text(view: StepView, item: Problem, names: dict[str, str]) -> str:
    return view.t(
        MISSING_TEXT[item.missing],
        name=names.get(item.participant_id or "", ""),
        option=view.option_label(item.option_id) if item.option_id else "",
    )


def _actions(view: StepView, commit: Commit | None) -> None:
    t, session = view.t, view.session
    step = session.current_step
    last = steps.next_step(step) is None
    if steps.can_skip(session, view.element):
        with st.expander(t("Skip this step")):
            reason = st.text_input(
                t("Why do you skip this step?"), max_chars=MAX_SHORT_ENTRY, key=view.key("skip-reason")
            )
            if st.button(t("Skip this step"), key=view.key("skip")):
                _skip(view, reason)

    back_col, next_col = st.columns(2)
    back = back_col.button(
        t("Back"),
        key=view.key("back"),
        icon=":material/arrow_back:",
        use_container_width=True,
        disabled=step == 1,
    )
    forward = next_col.button(
        t("Finish") if last else t("Next"),
        key=view.key("next"),
        type="primary",
        icon=":material/check:" if last else ":material/arrow_forward:",
        use_container_width=True,
    )
    if back:
        _move(view, commit, to_step=steps.previous_step(step) or 1, complete=False)
    elif forward:
        _move(view, commit, to_step=steps.next_step(step) or step, complete=True, finish=last)
    elif st.session_state.pop(follow_up.PLAN_NOW, False):
        _move(view, commit, to_step=step, complete=False, strict_commit=True)
    elif st.session_state.pop(understanding.BACK_TO_PROS_AND_CONS, False):
        _move(view, commit, to_step=3, complete=False)


def _move(
    view: StepView,
    commit: Commit | None,
    *,
    to_step: int,
    complete: bool,
    finish: bool = False,
    strict_commit: bool = False,
) -> None:
    """Apply the step's pending input to a copy, check it, save it, then show `to_step`."""
    now = datetime.now(UTC)
    candidate = view.session.model_copy(deep=True)
    try:
        if commit is not None:
            commit(candidate, now)
    except (EntryError, SessionRuleError) as error:
        if complete or strict_commit:
            _refuse(view, error)
            return
        candidate = view.session.model_copy(deep=True)  # Back never gets stuck on a half answer
    if complete:
        if steps.step_problems(candidate, view.grid, view.element):
            st.session_state[SHOW_MISSING] = view.session.current_step
            st.rerun()
        try:
            rules.complete_element(candidate, view.element)
        except SessionRuleError as error:
            _refuse(view, error)
            return
    candidate.current_step = to_step
    st.session_state.pop(SHOW_MISSING, None)
    _saved_then_show(view, candidate, finish=finish)


def _saved_then_show(view: StepView, candidate: DecisionSession, *, finish: bool) -> None:
    if not saving.save(candidate):
        st.rerun()  # the banner says why; the typed answers stay
    if finish:
        frame.go(registry.FINISH)
    if candidate.current_step != view.session.current_step:
        st.session_state[SCROLL_TOP] = True
    st.rerun()


def _skip(view: StepView, reason: str) -> None:
    issue = check_skip_reason(reason)
    if issue is not None:
        feedback.show_issue(view.t, issue)
        return
    candidate: DecisionSession = view.session.model_copy(deep=True)
    try:
        rules.skip_element(candidate, view.element, reason)
    except SessionRuleError as error:
        _refuse(view, error)
        return
    candidate.current_step = steps.next_step(candidate.current_step) or candidate.current_step
    _saved_then_show(view, candidate, finish=steps.next_step(view.session.current_step) is None)


def _refuse(view: StepView, error: EntryError | SessionRuleError) -> None:
    text = error.message if isinstance(error, EntryError) else labels.rule_error_message(error, view.lt)
    st.session_state[MESSAGE] = text
    st.rerun()
