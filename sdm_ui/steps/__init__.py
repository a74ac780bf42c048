"""One module per wizard step. Each has `render(view) -> Commit | None`.

`render` draws the step and writes simple answers straight into the draft. Answers whose
recording has side effects (the decision moves an earlier one into history; a follow-up
gets a calendar id) are returned as a `Commit`, applied to a copy of the draft only when
the family presses Next or Back, so trying things out on screen leaves no trace.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import streamlit as st

from sdm_aid.content.models import OptionGrid
from sdm_aid.elements import SdmElement
from sdm_aid.i18n import Language, Translator
from sdm_aid.sessions.models import DecisionSession, Participant
from sdm_ui import state
from sdm_ui.frame import PageContext

Commit = Callable[[DecisionSession, datetime], None]
"""Apply pending input to a session copy; raise SessionRuleError or EntryError to refuse."""


class EntryError(ValueError):
    """Typed input that cannot be recorded; `message` is already in the session's language."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class StepView:
    ctx: PageContext
    session: DecisionSession
    """The draft: edits go straight into it."""
    grid: OptionGrid
    element: SdmElement
    lt: Translator
    """Translator for the shared session labels (roles, barriers, ...)."""

    @property
    def t(self) -> Translator:
        return self.ctx.t

    @property
    def language(self) -> Language:
        return self.ctx.language

    def key(self, *parts: object) -> str:
        return state.widget_key(self.element.value, *parts)

    def seeded(self, key: str, value: Any) -> str:
        """Give a widget its saved value the first time it appears (then the widget owns it)."""
        if key not in st.session_state:
            st.session_state[key] = value
        return key

    def option_label(self, option_id: str) -> str:
        return self.grid.option(option_id).label.get(self.language)


def person_label(person: Participant) -> str:
    return person.label
