"""Step 3: pros and cons side by side, likelihoods as natural frequencies, sources a tap away
(one element per question: see sdm_ui/grid_view.py)."""

from __future__ import annotations

from sdm_ui.grid_view import pros_and_cons
from sdm_ui.steps import StepView


def render(view: StepView) -> None:
    pros_and_cons(view.grid, view.t, view.language, view.brevity.words)
