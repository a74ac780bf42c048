"""What the wizard's buttons do, as callbacks: they act before the script runs again, so the
run after a click draws the new state once (one script run per click).

Every button first saves whatever is on screen (`fields.record_on_screen`), then calls one
use case (`sdm_aid.usecases.family`) and shows its result: a refusal (something missing, a
date in the past) or a save problem is kept for the screen to show next to the buttons; the
typed answers stay.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import streamlit as st

from sdm_aid.content.models import OptionGrid
from sdm_aid.i18n import Translator
from sdm_aid.sessions import labels
from sdm_aid.sessions.errors import SessionRuleError
from sdm_aid.sessions.models import DecisionSession, WizardPath
from sdm_aid.usecases import family
from sdm_aid.wizard import registry, texts
from sdm_aid.wizard.step_actions import StepRefusal
from sdm_ui import feedback, fields, frame, guard, saving, services, state

SHOW_MISSING = "sdm.show_missing"
MESSAGE = "sdm.step_message"
SCROLL_TOP = "sdm.scroll_top"


def _refusal_text(refusal: family.Refusal) -> str:
    t = Translator("wizard", state.language())
    if isinstance(refusal, SessionRuleError):
        return labels.rule_error_message(refusal, labels.translator(t.language))
    if refusal.issue is not None:
        return feedback.issue_text(t, refusal.issue)
    return t(texts.REFUSAL_TEXT[refusal.missing or StepRefusal.OPTION])


def _on_screen(step: str) -> tuple[DecisionSession, OptionGrid] | None:
    """Save what is on screen; then the draft and its grid, if the screen still shows `step`
    (else the click is stale) and no conflict waits to be settled first."""
    st.session_state.pop(MESSAGE, None)
    fields.record_on_screen(where=saving.ACTIONS)
    current = saving.problem()
    session = state.draft()
    if session is None or session.current_step != step or (current and current.kind == saving.CONFLICT):
        return None
    grid = fields.session_grid(session)
    return (session, grid) if grid is not None else None


def _show(result: family.Result, step: str) -> None:
    if result.refusal is not None:
        st.session_state[MESSAGE] = _refusal_text(result.refusal)
    if result.missing:
        st.session_state[SHOW_MISSING] = step
    if saving.apply(result, where=saving.ACTIONS):
        st.session_state.pop(SHOW_MISSING, None)
        if result.moved:
            st.session_state[SCROLL_TOP] = True
        if result.finished:
            frame.go_later(registry.FINISH)


def _act(step: str, action: Callable[[DecisionSession, OptionGrid], family.Result]) -> None:
    opened = _on_screen(step)
    if opened is not None:
        _show(action(*opened), step)


def _now() -> datetime:
    return datetime.now(UTC)


@guard.callback
def go_next(step: str) -> None:
    _act(step, lambda s, g: family.go_next(services.session_service(), g, s, _now(), base=state.base()))


@guard.callback
def go_back(step: str) -> None:
    _act(step, lambda s, g: family.go_back(services.session_service(), g, s, _now(), base=state.base()))


@guard.callback
def go_to(step: str, target: str) -> None:
    """'Look at the pros and cons again (step 3)' and the like."""
    _act(step, lambda s, _g: family.go_to(services.session_service(), s, target, base=state.base()))


@guard.callback
def skip(step: str) -> None:
    _act(step, lambda s, _g: family.skip(services.session_service(), s, base=state.base()))


@guard.callback
def plan_follow_up(step: str) -> None:
    _act(step, lambda s, _g: family.plan_follow_up(services.session_service(), s, _now(), base=state.base()))


@guard.callback
def choose_path(step: str, path: str) -> None:
    """'Read everything' (to the full path) and back to the short one; the step stays."""
    _act(
        step,
        lambda s, _g: family.choose_path(services.session_service(), s, WizardPath(path), base=state.base()),
    )
