"""After the conversation with the clinician: four short questions for each person (the SURE
test 'after'). Asked once the clinician has marked the conversation done: on the tablet (one
person at a time) or on a participant's own device.
"""

from __future__ import annotations

import streamlit as st

from sdm_aid.content.models import OptionGrid
from sdm_aid.sessions.models import AnswerPart, DecisionSession, Participant
from sdm_aid.wizard import privacy, step_registry
from sdm_aid.wizard import turns as core_turns
from sdm_ui import turns
from sdm_ui.frame import PageContext
from sdm_ui.steps import StepView, per_person
from sdm_ui.sure_view import sure_questions
from sdm_ui.text import html_text

PLACE = "after"
SURE_STEP = step_registry.step_of_part(AnswerPart.SURE)
"""The step whose privacy choice covers the SURE answers (before and after)."""


def _first_waiting(session: DecisionSession) -> Participant | None:
    people = session.family_here
    waiting = [p for p in people if core_turns.after_progress(session, p.id) != core_turns.Progress.DONE]
    candidates = waiting or people
    return candidates[0] if candidates else None


def waiting(session: DecisionSession) -> bool:
    """The conversation took place and someone has not answered the questions after it."""
    return session.conversation_done_at is not None and any(
        core_turns.after_progress(session, p.id) != core_turns.Progress.DONE for p in session.family
    )


def on_shared_screen(ctx: PageContext, session: DecisionSession, grid: OptionGrid) -> None:
    t = ctx.t
    html_text(t("After the conversation: four short questions"), tag="p", css_class="sdm-h")
    turn = turns.current(session, PLACE, _first_waiting(session))
    viewer = privacy.person(turn.person.id) if turn.person is not None and turn.ready else privacy.EVERYBODY
    view = StepView.of(ctx, session, grid, SURE_STEP, viewer)
    if turn.person is None:
        st.success(t("Everyone on this tablet has had their turn."), icon=":material/groups:")
        turns.change_later(t, session, PLACE)
    elif not turn.ready:
        before = turns.before(session, turn.person.id)
        turns.hand_over_screen(t, PLACE, turn.person, after_someone=before is not None)
    else:
        turns.your_turn_heading(t, turn.person)
        own_answers(view, turn.person)
        turns.done_button(t, session, PLACE, turn.person)


def own_answers(view: StepView, person: Participant) -> None:
    st.caption(view.t("Now that you have talked with the clinician: how do you feel about the choice?"))
    sure_questions(view, person, "after")
    per_person.private_choice(view, person, label=view.t("Keep my answers to the four questions private"))
