"""Drawing a step with own answers: one person at a time on a shared tablet, or the
participant's own questions on their own device.

A step view module for such a step provides `own_answers(view, person)` and, if it has
them, `intro(view)` (before the questions: shown to everybody), `together(view)` (after
everybody's turn: e.g. where you agree), `has_questions(view)` and `OPTIONAL` (the questions
may be skipped: on a tablet the turns begin only when someone asks).
"""

from __future__ import annotations

from types import ModuleType

import streamlit as st

from sdm_aid.sessions.models import DecisionSession, Participant, Role
from sdm_aid.wizard import fields
from sdm_aid.wizard import turns as core_turns
from sdm_ui import turns
from sdm_ui.fields import bind
from sdm_ui.steps import StepView


def _call(module: ModuleType, name: str, view: StepView) -> None:
    function = getattr(module, name, None)
    if function is not None:
        function(view)


def _has_questions(module: ModuleType, view: StepView) -> bool:
    check = getattr(module, "has_questions", None)
    return True if check is None else bool(check(view))


def private_choice(view: StepView, person: Participant, *, label: str | None = None) -> None:
    """Only the young person: keep this step's answers private (the clinician still sees
    them), or share them again later."""
    if person.role != Role.YOUTH:
        return
    bind(
        view,
        fields.private(person.id, view.step.id),
        st.checkbox,
        label or view.t("Keep my answers on this step private: only the clinician sees them"),
        help=view.t(
            "Your parents will not see them, not here and not in the summary. You can untick this later."
        ),
    )


def alone(session: DecisionSession) -> bool:
    """The young person is the whole family (no parent, here or elsewhere): the questions show
    at once and Next follows them; there is nobody to hand over to or compare with."""
    return len(session.family) == 1


def on_shared_screen(view: StepView, module: ModuleType, turn: turns.Turn) -> None:
    """The tablet: whose turn it is, that person's questions, then what you see together."""
    session, t, place = view.session, view.t, view.step.id
    _call(module, "intro", view)
    if not _has_questions(module, view):
        return
    if not session.family_here:
        st.info(t("Everyone answers these questions on their own device."), icon=":material/smartphone:")
    elif not turn.started:
        turns.begin_button(
            place, core_turns.first_turn(session, view.grid, view.step), module.begin_label(view)
        )
    elif turn.person is None:
        st.success(t("Everyone on this tablet has had their turn."), icon=":material/groups:")
        _call(module, "together", view)
        turns.change_later(t, session, place)
    elif not turn.ready:
        before = turns.before(session, turn.person.id)
        turns.hand_over_screen(t, place, turn.person, after_someone=before is not None)
    elif alone(session):  # only the young person: no turn to name, nobody to hand over to
        module.own_answers(view, turn.person)
        private_choice(view, turn.person)
    else:
        turns.your_turn_heading(t, turn.person)
        module.own_answers(view, turn.person)
        private_choice(view, turn.person)
        turns.done_button(t, session, place, turn.person)
    turns.elsewhere(t, session, view.grid, view.step)


def on_own_device(view: StepView, module: ModuleType, person: Participant) -> None:
    """A participant's own device: their own questions, then what they may see together."""
    _call(module, "intro", view)
    if not _has_questions(module, view):
        return
    module.own_answers(view, person)
    private_choice(view, person)
    _call(module, "together", view)
