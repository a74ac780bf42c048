"""The wizard page: header, the step, what is missing, skip, Back and Next, saving."""

from __future__ import annotations

import logging
from html import escape

import streamlit as st

from sdm_aid.content.models import OptionGrid
from sdm_aid.i18n import Translator
from sdm_aid.sessions import labels
from sdm_aid.sessions.models import DecisionSession
from sdm_aid.wizard import privacy, prompts, registry, step_registry, steps, texts
from sdm_aid.wizard import turns as core_turns
from sdm_aid.wizard.fields import skip_reason
from sdm_aid.wizard.steps import Problem
from sdm_ui import (
    fields,
    frame,
    guard,
    own_device_view,
    page_scripts,
    path_view,
    people_view,
    recovery,
    saving,
    state,
    turns,
    wizard_actions,
)
from sdm_ui.fields import bind
from sdm_ui.frame import PageContext
from sdm_ui.governance import about_grid
from sdm_ui.steps import StepView, per_person, view_module
from sdm_ui.text import html_text, md_escape, plain

log = logging.getLogger(__name__)
_SCROLL_TOP_JS = page_scripts.script_tag(page_scripts.SCROLL_TO_TOP)  # allowed by the CSP (its hash)


def no_session(ctx: PageContext) -> None:
    """No conversation on this screen: offer to continue one this browser lost, if any."""
    lost = recovery.lost_language()
    if lost is not None:
        recovery.offer_after_loss(lost)
        return
    st.info(ctx.t("No conversation is open on this screen."), icon=":material/info:")
    st.button(
        ctx.t("To the start"),
        type="primary",
        key="sdm.no_session.start",
        on_click=frame.go_later,
        args=(registry.START,),
    )


def erased(ctx: PageContext) -> None:
    """The conversation was erased (by a clinician or an operator) while it was open here."""
    draft = state.draft()
    log.warning("session %s is no longer stored: cleared from this screen", draft.id if draft else "-")
    state.clear_everything()
    st.warning(
        ctx.t("This conversation has been erased. Nothing of it is kept on this screen."),
        icon=":material/delete:",
    )
    st.button(
        ctx.t("To the start"),
        type="primary",
        key="sdm.erased.start",
        on_click=frame.go_later,
        args=(registry.START,),
    )


def open_session(ctx: PageContext) -> tuple[DecisionSession, OptionGrid] | None:
    """The conversation on this screen and its grid; or None, after drawing why there is none
    (no conversation, an erased one, or its grid is not available in the version it used)."""
    session = state.draft()
    current = saving.problem()
    if current is not None and current.kind == saving.ERASED:
        erased(ctx)
        return None
    if session is None:
        no_session(ctx)
        return None
    grid = fields.session_grid(session)
    if grid is None:
        # Only the exact grid text the family started with may be shown (and later summarised).
        st.error(
            ctx.t(
                "The decision aid of this conversation is not available right now. Please ask a staff member."
            )
        )
        return None
    latest = saving.up_to_date(session)
    if latest is None:
        erased(ctx)
        return None
    fields.start_screen()
    return latest, grid


def render(ctx: PageContext) -> None:
    opened = open_session(ctx)
    if opened is None:
        return
    session, grid = opened
    me = state.participant()
    if me is not None:
        with st.container():
            top_of_screen()
            own_device_view.render(ctx, session, grid, me)
            about_grid(grid, ctx.language)
        return
    # A plain container, never an `st.empty()` slot: an empty slot is sent as an element at
    # the start of every run and replaces the step's block, so on a slow device the browser
    # drew the step anew after each answer (open tabs jumped back to the first person, a
    # click in that moment hit a discarded widget and was lost).
    with st.container():
        _draw(ctx, session, grid)


def top_of_screen() -> None:
    """After a move to another step: scroll to its heading. The element is always there
    (empty when not scrolling), so the elements below keep their positions."""
    scroll = st.session_state.pop(wizard_actions.SCROLL_TOP, False)
    st.html(_SCROLL_TOP_JS if scroll else '<span class="sdm-top"></span>', unsafe_allow_javascript=scroll)


def _draw(ctx: PageContext, session: DecisionSession, grid: OptionGrid) -> None:
    spec = steps.current(session)
    module = view_module(spec)
    turn = None
    viewer = privacy.EVERYBODY  # a shared screen shows nobody's private answers ...
    if spec.per_person:
        first = core_turns.first_turn(session, grid, spec)
        turn = turns.current(session, spec.id, first, optional=getattr(module, "OPTIONAL", False))
        if turn.person is not None and turn.ready:
            viewer = privacy.person(turn.person.id)  # ... except to the person whose turn it is
    view = StepView.of(ctx, session, grid, spec, viewer)

    # A new step starts at its heading, not where the finger was on the previous one. The
    # element is always there (empty when not scrolling) so the elements below keep their
    # positions: a shifted element is drawn anew, and open tabs would jump back to the first.
    top_of_screen()
    _header(view)
    people_view.panel(ctx, session, grid)  # how far each person is: from the whole session, never what
    _peer_prompt(view)
    if turn is not None:
        per_person.on_shared_screen(view, module, turn)
    else:
        module.render(view)
    ready = turn is None or turn.person is None or not view.session.family_here or per_person.alone(session)
    _actions(view, ready=ready)
    # who made the grid, how current it is (below the step)
    about_grid(grid, ctx.language, folded=not view.brevity.about_open)


def _header(view: StepView) -> None:
    t = view.t
    on = view.session.path
    number = step_registry.position(view.step.id, on)
    heading = labels.step_heading(number, step_registry.total(on), view.lt)
    name = labels.element_name(view.element, view.lt)
    frame.set_title(f"{heading}: {name}")
    html_text(heading, css_class="sdm-step")
    html_text(name, tag="h1", css_class="sdm-title")
    if view.brevity.why:
        html_text(labels.element_why(view.element, view.lt), css_class="sdm-why")
    st.progress(steps.progress_fraction(view.step.id, view.session.path))
    path_view.switch(view)
    resume_line(t)


def resume_line(t: Translator) -> None:
    """The code to continue later, in view from step 1 (a family cleared while reading must
    have seen it)."""
    code = state.resume_code()
    if code:
        # Short: it stands on every step (read once, seen always).
        label, keep = escape(t("Code to continue later:")), escape(t("(keep it to yourself)"))
        st.html(f'<p class="sdm-resume">{label} <strong>{escape(code)}</strong> {keep}</p>')


def _peer_prompt(view: StepView) -> None:
    if not view.session.peer_worker_guides:
        return
    text, from_grid = prompts.peer_worker_prompt(view.grid, view.element, view.language)
    shown = text if from_grid else view.t(text)
    if not view.brevity.peer_prompt_open:  # the short path: folded, the peer worker opens it
        with st.expander(view.t("Tip for the peer worker"), icon=":material/support_agent:"):
            plain(shown)
        return
    st.info(md_escape(view.t("For the peer worker: {prompt}", prompt=shown)), icon=":material/support_agent:")


def _show_missing(view: StepView) -> None:
    """What the step still waits for, in one message: who has not answered everything yet
    (on this tablet), and anything else that is missing."""
    session = view.session
    problems = steps.step_problems(session, view.grid, view.step)
    waiting = [p.label for p in session.family_here if any(i.participant_id == p.id for i in problems)]
    lines = []
    if waiting:
        lines.append(view.t("Not everyone has answered everything yet: {names}.", names=", ".join(waiting)))
    names = {p.id: p.label for p in session.participants}
    lines += [_missing_text(view, item, names) for item in problems if item.participant_id is None]
    if lines:
        st.warning(md_escape("\n\n".join(lines)), icon=":material/edit_note:")


def _missing_text(view: StepView, item: Problem, names: dict[str, str]) -> str:
    return view.t(
        texts.MISSING_TEXT[item.missing],
        name=names.get(item.participant_id or "", ""),
        option=view.option_label(item.option_id) if item.option_id else "",
    )


def _actions(view: StepView, *, ready: bool = True) -> None:
    """Skip, what is missing, what went wrong, Back and Next, and the save line: together, so
    a message appears where the person looked when they pressed a button. While people are
    still taking turns, Next is not the highlighted button (the hand-over is)."""
    t, session = view.t, view.session
    step = session.current_step
    last = steps.next_step(step, session.path) is None
    with st.container(key="sdm-step-footer"):
        with st.container(key="sdm-step-messages"):
            if st.session_state.get(wizard_actions.SHOW_MISSING) == step:
                _show_missing(view)
            message = st.session_state.get(wizard_actions.MESSAGE)
            if message:
                st.warning(md_escape(message), icon=":material/info:")
            saving.problem_here(view.t, view.grid, where=saving.ACTIONS, field_changes=True)
            guard.show_failure()
        can_skip = steps.can_skip(session, view.step)
        if can_skip and st.session_state.get(SKIPPING) == step:
            bind(
                view,
                skip_reason(view.step.id),
                st.text_input,
                t("Why do you skip this step?"),
                autocomplete="off",
            )
            st.button(
                t("Skip this step"),
                key=view.key("skip"),
                icon=":material/redo:",
                on_click=wizard_actions.skip,
                args=(step,),
            )
        back_col, next_col = st.columns(2)
        back_col.button(
            t("Back"),
            key=view.key("back"),
            icon=":material/arrow_back:",
            use_container_width=True,
            disabled=steps.previous_step(step, session.path) is None,
            on_click=wizard_actions.go_back,
            args=(step,),
        )
        next_col.button(
            t("Finish") if last else t("Next"),
            key=view.key("next"),
            type="primary" if ready else "secondary",
            icon=":material/check:" if last else ":material/arrow_forward:",
            use_container_width=True,
            on_click=wizard_actions.go_next,
            args=(step,),
        )
        status, skip_col = st.columns(2, vertical_alignment="center")
        with status:
            saving.status_line(t)
        if can_skip and st.session_state.get(SKIPPING) != step:
            skip_col.button(
                t("Skip this step…"),
                key=view.key("skip_open"),
                type="tertiary",
                on_click=_open_skip,
                args=(step,),
            )


SKIPPING = "sdm.skipping"
"""The step whose 'why do you skip?' question is open in the footer."""


def _open_skip(step: str) -> None:
    st.session_state[SKIPPING] = step
