"""Step 2: the options as cards, waiting included where the grid has it."""

from __future__ import annotations

from sdm_ui.grid_view import option_cards
from sdm_ui.steps import StepView


def render(view: StepView) -> None:
    option_cards(view.grid, view.t, view.language, view.brevity.words)
