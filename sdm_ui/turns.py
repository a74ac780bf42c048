"""One person at a time on a shared tablet: 'Give the tablet to Mama'.

On a step with own answers, the tablet shows one person's questions at a time. Handing over
is explicit: the person who is done presses 'Done. Give the tablet to Mama', which saves
their answers and hides them; the screen then only says whose turn it is, until Mama presses
'I am Mama'. There is no control that opens anybody's answers at will: a person can only be
reached through the same hand-over (to change an answer later, too).

Whose turn it is is kept for this screen only (not in the session): after a reload the
tablet starts with the first person the step still waits for.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from sdm_aid.content.models import OptionGrid
from sdm_aid.i18n import Translator
from sdm_aid.sessions.models import DecisionSession, Participant
from sdm_aid.wizard import texts, turns
from sdm_aid.wizard.step_registry import StepSpec
from sdm_ui import fields, guard, saving, state
from sdm_ui.text import html_text, md_escape

PERSON, READY, STARTED = "person", "ready", "started"


@dataclass(frozen=True)
class Turn:
    person: Participant | None
    """Whose turn it is; None when everybody here has had their turn (or nobody is here)."""
    ready: bool
    """The person has the tablet: their questions (and their own answers) may show."""
    started: bool = True
    """False on a step whose questions are optional and not begun yet (step 1)."""


def _key(place: str) -> str:
    # Not a widget key: those change whenever the screen takes a newer stored copy (another
    # device saved), and the turn must not jump back to the first person then.
    draft = state.draft()
    return f"sdm.turn.{draft.id if draft else '-'}.{place}"


def current(
    session: DecisionSession, place: str, first: Participant | None, *, optional: bool = False
) -> Turn:
    """Whose turn it is at `place` (a step id, or 'after'); the first time: `first`. With only
    one person on the tablet there is nothing to hand over: they have it."""
    people = session.family_here
    ids = {p.id for p in people}
    value = st.session_state.get(_key(place))
    if not isinstance(value, dict) or (value.get(PERSON) is not None and value.get(PERSON) not in ids):
        if optional:
            return Turn(person=None, ready=False, started=False)
        value = {PERSON: first.id if first else None, READY: False}
        st.session_state[_key(place)] = value
    pid = value.get(PERSON)
    if pid is None:
        return Turn(person=None, ready=False)
    person = session.participant(pid)
    return Turn(person=person, ready=bool(value.get(READY)) or len(people) == 1)


@guard.callback
def hand_to(turn_key: str, pid: str | None) -> None:
    """'Done. Give the tablet to Mama': save everything on screen, then hide it."""
    fields.record_on_screen(where=saving.ACTIONS)
    st.session_state[turn_key] = {PERSON: pid, READY: False}


@guard.callback
def take(turn_key: str, pid: str) -> None:
    """'I am Mama': show Mama's questions."""
    st.session_state[turn_key] = {PERSON: pid, READY: True}


def before(session: DecisionSession, pid: str) -> Participant | None:
    """The person on the tablet before `pid` (None for the first)."""
    people = session.family_here
    ids = [p.id for p in people]
    index = ids.index(pid) if pid in ids else 0
    return people[index - 1] if index > 0 else None


def hand_over_screen(t: Translator, place: str, person: Participant, *, after_someone: bool) -> None:
    """Only whose turn it is, and the button that takes it."""
    with st.container(border=True, key="sdm-handover"):
        html_text(t("Give the tablet to {name}", name=person.label), tag="h2", css_class="sdm-title")
        if after_someone:
            st.caption(t("The answers of the person before are hidden now."))
        st.button(
            md_escape(t("I am {name}: show my questions", name=person.label)),
            type="primary",
            key=state.widget_key(place, "take", person.id),
            on_click=take,
            args=(_key(place), person.id),
            icon=":material/front_hand:",
            use_container_width=True,
        )


def your_turn_heading(t: Translator, person: Participant) -> None:
    html_text(t("{name}, it is your turn", name=person.label), tag="p", css_class="sdm-h")


def done_button(t: Translator, session: DecisionSession, place: str, person: Participant) -> None:
    """'Done. Give the tablet to Mama', or 'Done' after the last person here."""
    following = turns.after(session, person.id)
    label = t("Done. Give the tablet to {name}", name=following.label) if following is not None else t("Done")
    st.button(
        md_escape(label),
        type="primary",
        key=state.widget_key(place, "done", person.id),
        on_click=hand_to,
        args=(_key(place), following.id if following else None),
        icon=":material/check:",
        use_container_width=True,
    )


def begin_button(place: str, first: Participant | None, label: str) -> None:
    """For questions that are optional: begin with the first person."""
    if first is None:
        return
    st.button(
        md_escape(label),
        key=state.widget_key(place, "begin"),
        on_click=hand_to,
        args=(_key(place), first.id),
        icon=":material/play_arrow:",
    )


def change_later(t: Translator, session: DecisionSession, place: str) -> None:
    """After everyone's turn: change an answer, through the same hand-over."""
    people = session.family_here
    if not people:
        return
    with st.expander(t("Change an answer")):
        for person in people:
            st.button(
                md_escape(t("Give the tablet to {name}", name=person.label)),
                key=state.widget_key(place, "again", person.id),
                on_click=hand_to,
                args=(_key(place), person.id),
            )


def elsewhere(t: Translator, session: DecisionSession, grid: OptionGrid, step: StepSpec) -> None:
    """Who answers this step on their own device, and how far they are (never what)."""
    for person in session.family:
        if person.own_device:
            progress = t(texts.PROGRESS_TEXT[turns.step_progress(session, grid, step, person.id)])
            st.caption(
                md_escape(
                    t("{name} answers on their own device: {progress}", name=person.label, progress=progress)
                )
            )
