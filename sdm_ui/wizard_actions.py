"""What the wizard's buttons do, as callbacks: they act before the script runs again, so the
run after a click draws the new state once (one script run per click).

Every button first records and saves whatever is on screen (`fields.record_on_screen`), then
acts through the core (`sdm_aid.wizard.step_actions`, `rules`, `steps`) on a copy of the
draft, and saves the result. A refusal (something missing, a date in the past) or a save
problem is left for the screen to show next to the buttons; the typed answers stay.
"""

from __future__ import annotations

from datetime import UTC, datetime

import streamlit as st

from sdm_aid.elements import SdmElement
from sdm_aid.i18n import Translator
from sdm_aid.sessions import labels, rules
from sdm_aid.sessions.errors import SessionRuleError
from sdm_aid.sessions.models import DecisionSession
from sdm_aid.wizard import registry, step_actions, steps
from sdm_aid.wizard.step_actions import StepRefusedError
from sdm_ui import feedback, fields, frame, guard, saving, state

SHOW_MISSING = "sdm.show_missing"
MESSAGE = "sdm.step_message"
SCROLL_TOP = "sdm.scroll_top"

REFUSAL_TEXT = {
    "option": "Please choose an option, or choose 'We choose later'.",
    "reason": "Please choose why you choose later.",
    "moment": "Please choose a day, month, year, hour and minutes.",
}


def _translator() -> Translator:
    return Translator("wizard", state.language())


def _current(step: int) -> tuple[DecisionSession, object] | None:
    """The draft and its grid, if the screen still shows `step` (else the click is stale)."""
    session = state.draft()
    if session is None or session.current_step != step:
        return None
    grid = fields.session_grid(session)
    if grid is None:
        return None
    return session, grid


def _refuse(text: str) -> None:
    st.session_state[MESSAGE] = text


def _refusal_text(error: StepRefusedError | SessionRuleError) -> str:
    t = _translator()
    if isinstance(error, SessionRuleError):
        return labels.rule_error_message(error, labels.translator(t.language))
    if error.issue is not None:
        return feedback.issue_text(t, error.issue)
    return t(REFUSAL_TEXT[error.missing or "option"])


def _record_first() -> bool:
    """Save what is on screen. False when a conflict must be resolved before anything else."""
    fields.record_on_screen(where=saving.ACTIONS)
    current = saving.problem()
    return current is None or current.kind == saving.UNAVAILABLE


def _moved(candidate: DecisionSession, from_step: int) -> None:
    """Save the moved session. If that fails the screen stays where it was (with every answer
    it had): a step is only left once what it recorded is saved."""
    before = state.draft()
    if saving.save(candidate, where=saving.ACTIONS):
        st.session_state.pop(SHOW_MISSING, None)
        if candidate.current_step != from_step:
            st.session_state[SCROLL_TOP] = True
    elif before is not None and saving.problem() is not None and saving.problem().kind != saving.ERASED:
        state.set_draft(before)


@guard.callback
def go_next(step: int) -> None:
    st.session_state.pop(MESSAGE, None)
    if not _record_first() or (current := _current(step)) is None:
        return
    session, grid = current
    element = steps.element_for_step(step)
    now = datetime.now(UTC)
    try:
        candidate = step_actions.commit_step(session, grid, element, now)  # type: ignore[arg-type]
        if steps.step_problems(candidate, grid, element):  # type: ignore[arg-type]
            st.session_state[SHOW_MISSING] = step
            return
        candidate = candidate.model_copy(deep=True)
        rules.complete_element(candidate, element)
    except (StepRefusedError, SessionRuleError) as error:
        _refuse(_refusal_text(error))
        return
    following = steps.next_step(step)
    candidate.current_step = following or step
    _moved(candidate, step)
    if following is None and saving.is_saved():
        frame.go_later(registry.FINISH)


@guard.callback
def go_back(step: int) -> None:
    st.session_state.pop(MESSAGE, None)
    if not _record_first() or (current := _current(step)) is None:
        return
    session, grid = current
    try:  # a finished choice on this step is kept; an unfinished one stays on screen (pending)
        candidate = step_actions.commit_step(session, grid, steps.element_for_step(step), datetime.now(UTC))  # type: ignore[arg-type]
    except (StepRefusedError, SessionRuleError):
        candidate = session
    candidate = candidate.model_copy(update={"current_step": steps.previous_step(step) or 1}, deep=True)
    _moved(candidate, step)


@guard.callback
def go_to(step: int, target: int) -> None:
    """'Look at the pros and cons again (step 3)' and the like."""
    st.session_state.pop(MESSAGE, None)
    if not _record_first() or (current := _current(step)) is None:
        return
    session, _grid = current
    _moved(session.model_copy(update={"current_step": target}, deep=True), step)


@guard.callback
def skip(step: int) -> None:
    st.session_state.pop(MESSAGE, None)
    if not _record_first() or (current := _current(step)) is None:
        return
    session, _grid = current
    try:
        candidate = step_actions.skip_step(session, steps.element_for_step(step))
    except (StepRefusedError, SessionRuleError) as error:
        _refuse(_refusal_text(error))
        return
    following = steps.next_step(step)
    candidate.current_step = following or step
    _moved(candidate, step)
    if following is None and saving.is_saved():
        frame.go_later(registry.FINISH)


@guard.callback
def plan_follow_up(step: int) -> None:
    st.session_state.pop(MESSAGE, None)
    if not _record_first() or (current := _current(step)) is None:
        return
    session, _grid = current
    try:
        candidate = step_actions.plan_follow_up(session, datetime.now(UTC))
    except (StepRefusedError, SessionRuleError) as error:
        _refuse(_refusal_text(error))
        return
    saving.save(candidate, where=saving.ACTIONS)


@guard.callback
def hand_over(turn_key: str, index: int) -> None:
    """'Done. Next: Parent 1': save everything on screen first, then change whose turn it is."""
    fields.record_on_screen(where=saving.ACTIONS)
    st.session_state[turn_key] = index


@guard.callback
def turn_changed() -> None:
    """The turn radio changed: the previous person's answers are saved first."""
    fields.record_on_screen(where=saving.ACTIONS)


def is_element(step: int, element: SdmElement) -> bool:
    return steps.element_for_step(step) == element
