"""A participant's own device (opened with a personal code): their own questions, step by step.

The participant sees the grid and their own questions, and answers them in their own time:
on their phone in the waiting room, or at home. Nothing here shows another person's private
answers: the screen is drawn from the session as this participant may see it
(`sdm_aid.wizard.privacy`), and only their own answers can be saved from it
(`sdm_ui.fields.allowed_here`). The decision and the follow-up are made together, on the
shared screen. After the conversation with the clinician, the four questions 'after' appear
at the end.
"""

from __future__ import annotations

from html import escape

import streamlit as st

from sdm_aid.content.models import OptionGrid
from sdm_aid.sessions import labels
from sdm_aid.sessions.models import DecisionSession, Participant
from sdm_aid.wizard import privacy, step_registry, texts, turns
from sdm_ui import after_view, clearing, fields, frame, guard, saving, state, wizard_actions
from sdm_ui.clinician.summary_view import summary_link
from sdm_ui.frame import PageContext
from sdm_ui.steps import StepView, per_person, view_module
from sdm_ui.text import html_text, md_escape

OWN_STEP = "sdm.own_step"
"""Where this device is: a step id, or END (the last screen)."""
END = "end"


def _place(steps: tuple[str, ...]) -> str:
    value = st.session_state.get(OWN_STEP)
    return value if value in (*steps, END) else steps[0]


@guard.callback
def _go(place: str) -> None:
    fields.record_on_screen(where=saving.ACTIONS)  # a text typed just before the tap
    st.session_state[OWN_STEP] = place
    st.session_state[wizard_actions.SCROLL_TOP] = True


def render(ctx: PageContext, session: DecisionSession, grid: OptionGrid, participant_id: str) -> None:
    t = ctx.t
    known = {p.id: p for p in session.participants}
    me = known.get(participant_id)
    if me is None or not me.active:
        st.info(t("You no longer take part in this conversation. Thank you for your answers."))
        clearing.finish_button(t, key="own.clear")
        return
    steps = tuple(spec.id for spec in step_registry.own_device_steps())
    place = _place(steps)
    html_text(t("Hello {name}", name=me.label), tag="p", css_class="sdm-step")
    html_text(grid.title.get(ctx.language), tag="h1", css_class="sdm-title")
    st.caption(t("On this screen you answer for yourself. Nobody else's private answers are shown here."))
    code = state.resume_code()
    if code:  # in view, not folded away: a phone cleared while reading must have shown it
        label, keep = escape(t("Your personal code:")), escape(t("Keep it to yourself."))
        st.html(f'<p class="sdm-resume">{label} <strong>{escape(code)}</strong> · {keep}</p>')
    if place == END:
        _end(ctx, session, grid, me, steps)
    else:
        _step(ctx, session, grid, me, place, steps)
    saving.problem_here(t, grid, where=saving.ACTIONS, field_changes=True)
    saving.status_line(t)


def _step(
    ctx: PageContext,
    session: DecisionSession,
    grid: OptionGrid,
    me: Participant,
    place: str,
    steps: tuple[str, ...],
) -> None:
    t = ctx.t
    spec = step_registry.step(place)
    view = StepView.of(ctx, session, grid, spec, privacy.person(me.id), own_device=True)
    index = steps.index(place)
    st.progress((index + 1) / (len(steps) + 1))
    html_text(t("Part {number} of {total}", number=index + 1, total=len(steps)), css_class="sdm-step")
    name = labels.element_name(spec.element, view.lt)
    frame.set_title(f"{t('Part {number} of {total}', number=index + 1, total=len(steps))}: {name}")
    html_text(name, tag="h2", css_class="sdm-title sdm-part")  # the focus goes here after Next
    html_text(labels.element_why(spec.element, view.lt), css_class="sdm-why")
    module = view_module(spec)
    if spec.per_person:
        per_person.on_own_device(view, module, me)
    else:
        module.render(view)
    with st.container(key="sdm-step-footer"):  # sticks to the bottom of the screen (sdm_ui.frame)
        _buttons(view, place, steps, index)


def _buttons(view: StepView, place: str, steps: tuple[str, ...], index: int) -> None:
    t = view.t
    back, forward = st.columns(2)
    back.button(
        t("Back"),
        key=view.key("own-back"),
        icon=":material/arrow_back:",
        use_container_width=True,
        disabled=index == 0,
        on_click=_go,
        args=(steps[index - 1] if index else place,),
    )
    forward.button(
        t("Next"),
        key=view.key("own-next"),
        type="primary",
        icon=":material/arrow_forward:",
        use_container_width=True,
        on_click=_go,
        args=(steps[index + 1] if index + 1 < len(steps) else END,),
    )


def _end(
    ctx: PageContext, session: DecisionSession, grid: OptionGrid, me: Participant, steps: tuple[str, ...]
) -> None:
    t = ctx.t
    view = StepView.of(ctx, session, grid, after_view.SURE_STEP, privacy.person(me.id), own_device=True)
    st.success(t("Thank you, {name}. Your answers are saved.", name=me.label), icon=":material/task_alt:")
    open_steps = [
        spec
        for spec in step_registry.own_device_steps()
        if spec.per_person and turns.step_progress(session, grid, spec, me.id) != turns.Progress.DONE
    ]
    if open_steps:
        st.caption(t("Not everything is answered yet. That is fine; you can still go back:"))
        for spec in open_steps:
            progress = t(texts.PROGRESS_TEXT[turns.step_progress(session, grid, spec, me.id)])
            st.button(
                md_escape(f"{labels.element_name(spec.element, view.lt)} ({progress})"),
                key=view.key("own-open", spec.id),
                on_click=_go,
                args=(spec.id,),
            )
    st.divider()
    if session.conversation_done_at is not None:
        html_text(t("After the conversation: four short questions"), tag="p", css_class="sdm-h")
        after_view.own_answers(view, me)
    else:
        st.info(
            t(
                "After your conversation with the clinician, four more short questions appear here. "
                "Keep this page, or open it again later with your code."
            ),
            icon=":material/schedule:",
        )
        st.button(t("Look again"), key=view.key("own-again"), icon=":material/refresh:")
    st.button(
        t("Back"), key=view.key("own-end-back"), icon=":material/arrow_back:", on_click=_go, args=(steps[-1],)
    )
    st.divider()
    summary_link(ctx.language)  # the family's copy: without anyone's private answers
    st.caption(t("When you are done, clear the screen so the next person cannot see your answers."))
    clearing.finish_button(t, key="own.clear")
