"""One module per wizard step. Each has `render(view)`, which draws the step.

Every answer widget is bound to a field of the session (`sdm_ui.fields.bind`): a change is
recorded and saved at once, and what cannot be recorded yet (a decision before Next, a
follow-up before it is planned) is kept as typed. A step view holds no rule: what a value
means is decided in `sdm_aid.wizard.entries` and `sdm_aid.wizard.step_actions`.
"""

from __future__ import annotations

from dataclasses import dataclass

from sdm_aid.content.models import OptionGrid
from sdm_aid.elements import SdmElement
from sdm_aid.i18n import Language, Translator
from sdm_aid.sessions.models import DecisionSession
from sdm_ui import state
from sdm_ui.frame import PageContext


@dataclass(frozen=True)
class StepView:
    ctx: PageContext
    session: DecisionSession
    """The draft, as loaded at the start of this run."""
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

    def option_label(self, option_id: str) -> str:
        return self.grid.option(option_id).label.get(self.language)
