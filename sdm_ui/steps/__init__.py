"""One module per wizard step view. Each has `render(view)`, which draws the step.

Which view draws which step is data: the step registry (`sdm_aid.wizard.step_registry`)
names a view, and `view_module` finds its module here (a new view is a module in this
package with the same name).

Every answer widget is bound to a field of the session (`sdm_ui.fields.bind`): a change is
recorded and saved at once, and what cannot be recorded yet (a decision before Next, a
follow-up before it is planned) is kept as typed. A step view holds no rule: what a value
means is decided in `sdm_aid.wizard.entries` and `sdm_aid.wizard.step_actions`.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from types import ModuleType

from sdm_aid.content.models import OptionGrid
from sdm_aid.elements import SdmElement
from sdm_aid.i18n import Language, Translator
from sdm_aid.sessions import labels
from sdm_aid.sessions.models import DecisionSession
from sdm_aid.wizard import paths, privacy
from sdm_aid.wizard.fields import Field
from sdm_aid.wizard.step_registry import Brevity, StepSpec
from sdm_ui import state
from sdm_ui.frame import PageContext


@dataclass(frozen=True)
class StepView:
    ctx: PageContext
    session: DecisionSession
    """The draft as loaded at the start of this run, as `viewer` may see it: nothing is drawn
    from anything else (`sdm_aid.wizard.privacy.redacted`)."""
    grid: OptionGrid
    """The grid as the session's path presents it (`sdm_aid.wizard.paths`): the waiting-room
    path asks fewer questions; an own device always shows all of it."""
    step: StepSpec
    lt: Translator
    """Translator for the shared session labels (roles, barriers, ...)."""
    viewer: privacy.Viewer = privacy.EVERYBODY
    own_device: bool = False
    """A participant's own device (else a shared screen)."""
    brevity: Brevity = field(default_factory=Brevity)
    """How short the path draws the step's texts (the full path: not at all)."""

    @classmethod
    def of(
        cls,
        ctx: PageContext,
        session: DecisionSession,
        grid: OptionGrid,
        step: StepSpec,
        viewer: privacy.Viewer,
        *,
        own_device: bool = False,
    ) -> StepView:
        # At home, on one's own device, there is time: everything is shown there.
        path = paths.of(session)
        return cls(
            ctx=ctx,
            session=privacy.redacted(session, viewer),
            grid=grid if own_device else paths.presented(grid, path.id),
            step=step,
            lt=labels.translator(ctx.language),
            viewer=viewer,
            own_device=own_device,
            brevity=Brevity() if own_device else path.brevity,
        )

    @property
    def shared_screen(self) -> bool:
        return not self.own_device

    @property
    def t(self) -> Translator:
        return self.ctx.t

    @property
    def language(self) -> Language:
        return self.ctx.language

    @property
    def element(self) -> SdmElement:
        return self.step.element

    def key(self, *parts: object) -> str:
        return state.widget_key(self.step.id, *parts)

    def option_label(self, option_id: str) -> str:
        return self.grid.option(option_id).label.get(self.language)


def view_module(step: StepSpec) -> ModuleType:
    """The module that draws `step` (sdm_ui.steps.<view>)."""
    return importlib.import_module(f"{__name__}.{step.view}")


def scale_key(field: Field) -> str:
    """The key of the container that draws a 0-10 scale as one row of equal segments (the
    CSS in `sdm_ui.frame` styles every container whose key starts with 'sdm-scale-')."""
    return "sdm-scale-" + field.key
